"""Live updates to a logged-in user's open pages.

Every page of a logged-in user may open ``/ws/meldingen/``; the server pushes
events to the user's group with ``kcc.realtime.push_to_user``. Anonymous
connections are refused.
"""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from kcc.realtime import INBOX_GROUP, user_group


class UserEventsConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=4401)
            return
        self.group = user_group(user.uuid)
        await self.channel_layer.group_add(self.group, self.channel_name)
        # Staff also hear when the inbox changes (nothing personal in it).
        self.wachtrij = await database_sync_to_async(user.has_perm)("kcc.werkplek_gebruiken")
        if self.wachtrij:
            await self.channel_layer.group_add(INBOX_GROUP, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)
        if getattr(self, "wachtrij", False):
            await self.channel_layer.group_discard(INBOX_GROUP, self.channel_name)

    async def receive_json(self, content, **kwargs):
        # The channel is server-to-client; the client may only ask "still there?".
        if content.get("type") == "ping":
            await self.send_json({"type": "pong"})

    async def user_event(self, message):
        await self.send_json(message["event"])

    async def group_event(self, message):
        await self.send_json(message["event"])
