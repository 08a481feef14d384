"""The waiting room's display: the numbers called, live."""

from __future__ import annotations

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class BalieSchermConsumer(AsyncJsonWebsocketConsumer):
    """``/ws/balie/``: the display in the waiting room and the desks. Open to
    anyone (the display is a screen in the hall, not logged in): only ticket
    numbers and desk names travel here, never who holds them."""

    async def connect(self):
        from kanalen.balie.wachtnummers import SCHERM_GROEP

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
