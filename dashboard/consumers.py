"""``/ws/dashboard/wallboard/``: the wallboard hears that something changed
(a queue event, an agent's status) and fetches its figures again through
the ordinary view. Staff who may see the dashboard or work at the workspace
join (the figures are counts, no customer)."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

WALLBOARD_GROEP = "dashboard.wallboard"


def _mag_kijken(user) -> bool:
    return user.has_perm("kcc.dashboard_bekijken") or user.has_perm("kcc.werkplek_gebruiken")


class WallboardConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=4401)
            return
        if not await database_sync_to_async(_mag_kijken)(user):
            await self.close(code=4403)
            return
        await self.channel_layer.group_add(WALLBOARD_GROEP, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(WALLBOARD_GROEP, self.channel_name)

    async def receive_json(self, content, **kwargs):
        if content.get("type") == "ping":
            await self.send_json({"type": "pong"})

    async def group_event(self, message):
        await self.send_json(message["event"])
