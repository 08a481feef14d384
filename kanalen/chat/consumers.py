"""The chat's websocket: citizen and agent in one conversation."""

from __future__ import annotations

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import ValidationError

from kanalen.chat import services as chat_services
from kanalen.chat.models import Chat


class ChatConsumer(AsyncJsonWebsocketConsumer):
    """``/ws/chat/<uuid>/``: the two sides of one chat, the citizen (logged
    in, or by their browser session) and the agent who accepted it. On
    connect it sends what came after ``?na=<number>``, so a reconnecting
    client misses nothing; messages it receives are stored before they are
    pushed to both sides."""

    async def connect(self):
        from urllib.parse import parse_qs

        chat_uuid = self.scope["url_route"]["kwargs"]["chat_uuid"]
        self.chat, self.rol = await self._deelnemer(chat_uuid)
        if self.rol is None:
            await self.close(code=4403)
            return
        self.group = f"chat.{chat_uuid}"
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        query = parse_qs(self.scope.get("query_string", b"").decode())
        try:
            na = int((query.get("na") or ["0"])[0])
        except ValueError:
            na = 0
        for bericht in await self._berichten_na(na):
            await self.send_json({"type": "bericht", **bericht})

    @database_sync_to_async
    def _deelnemer(self, chat_uuid):
        chat = Chat.objects.filter(uuid=chat_uuid).select_related("klant").first()
        if chat is None:
            return None, None
        sessie = self.scope.get("session")
        sleutel = getattr(sessie, "session_key", "") or ""
        user = self.scope.get("user")
        if user is None:
            return None, None
        return chat, chat_services.mag_meedoen(chat, user=user, sessie_sleutel=sleutel)

    @database_sync_to_async
    def _berichten_na(self, na: int) -> list[dict]:
        return [
            chat_services.bericht_als_dict(b)
            for b in self.chat.berichten.filter(volgnummer__gt=na).order_by("volgnummer")
        ]

    @database_sync_to_async
    def _versturen(self, tekst: str) -> str | None:
        try:
            chat_services.chatbericht_versturen(chat=self.chat, van=self.rol, tekst=str(tekst))
        except (ValidationError, chat_services.ChatConflict) as fout:
            return " ".join(getattr(fout, "messages", [str(fout)]))
        return None

    async def disconnect(self, code):
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        if content.get("type") == "ping":
            await self.send_json({"type": "pong"})
        elif content.get("type") == "bericht":
            fout = await self._versturen(content.get("tekst", ""))
            if fout:
                await self.send_json({"type": "fout", "tekst": fout})

    async def group_event(self, message):
        await self.send_json(message["event"])
