"""The waiting room's display: the numbers called, live."""

from __future__ import annotations

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer


class BalieSchermConsumer(AsyncJsonWebsocketConsumer):
    """``/ws/balie/``: the display in the waiting room and the desks. The
    display is not logged in, so it connects as the page does: from the
    counter's network or as a registered device; staff from anywhere. Only
    ticket numbers and desk names travel here, never who holds them."""

    async def connect(self):
        from kanalen.balie.wachtnummers import SCHERM_GROEP

        if not await self._toegelaten():
            await self.close(code=4403)
            return
        self.group = SCHERM_GROEP
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        if content.get("type") == "ping":
            await self.send_json({"type": "pong"})

    async def group_event(self, message):
        await self.send_json(message["event"])

    @database_sync_to_async
    def _toegelaten(self) -> bool:
        from kanalen.balie import apparaten

        user = self.scope.get("user")
        if user is not None and user.is_authenticated and user.is_medewerker:
            return True
        adres = (self.scope.get("client") or ("", 0))[0] or ""
        return apparaten.is_balie(adres, (self.scope.get("cookies") or {}).get(apparaten.COOKIE))
