"""The klantbeeld's websocket: open pages of a customer hear that something
changed.
"""

from __future__ import annotations

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from kcc.realtime import klant_group
from klanten.models import Klant


class KlantbeeldConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=4401)
            return
        klant_uuid = self.scope["url_route"]["kwargs"]["klant_uuid"]
        if not await self._mag_volgen(user, klant_uuid):
            await self.close(code=4403)
            return
        self.group = klant_group(klant_uuid)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    @database_sync_to_async
    def _mag_volgen(self, user, klant_uuid) -> bool:
        return (
            user.has_perm("kcc.klantbeeld_inzien")
            and Klant.objects.filter(uuid=klant_uuid).exists()
        )

    async def disconnect(self, code):
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        if content.get("type") == "ping":
            await self.send_json({"type": "pong"})

    async def group_event(self, message):
        await self.send_json(message["event"])
