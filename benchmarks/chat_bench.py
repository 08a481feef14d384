"""Benchmark: 200 chat websocket clients through the Redis channel layer.

100 chats, each with its citizen and its agent connected (200 websocket
clients in one ASGI process, the consumers as production runs them). Every
citizen sends messages one after another; each is stored (numbered) by the
consumer and pushed through Redis to both sides. Latency: from the
citizen's send until the agent's client has it. All chats talk at once.

Needs DATABASE_URL (PostgreSQL) and REDIS_URL; see benchmarks/schaal.py.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks import schaal

CHATS = int(os.environ.get("BENCH_CHATS", "100"))
BERICHTEN = int(os.environ.get("BENCH_CHAT_BERICHTEN", "10"))
# Seconds a citizen takes between messages (randomised 0.5-1.5x); 0: as fast
# as the answers come back, which measures the process's capacity instead.
PAUZE = float(os.environ.get("BENCH_CHAT_PAUZE", "2"))


def main():
    database = schaal.schaal_database()
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    import django

    django.setup()
    from asgiref.sync import async_to_sync
    from channels.testing import WebsocketCommunicator
    from django.conf import settings

    from kanalen.chat import services as chat_services
    from kanalen.chat.consumers import ChatConsumer
    from kanalen.models import Kanaal
    from kcc.models import User

    settings.CHAT_MAX_PER_MEDEWERKER = CHATS  # one agent holds them all here
    Kanaal.objects.filter(soort="chat").update(actief=True)
    chat_services.chat_open = lambda nu=None: True  # measure at any hour
    agent = User.objects.get(username="klantmanager")
    chats = []
    for n in range(CHATS):
        chat = chat_services.chat_starten(
            klant=None, naam=f"Bench {n}", sessie_sleutel=f"bench-{n}-{time.time()}", vraag="?"
        )
        chat_services.chat_accepteren(chat=chat, user=agent)
        chats.append(chat)

    def verbind(chat, user, sleutel=""):
        client = WebsocketCommunicator(ChatConsumer.as_asgi(), f"/ws/chat/{chat.uuid}/?na=99")
        client.scope["user"] = user
        client.scope["session"] = SimpleNamespace(session_key=sleutel)
        client.scope["url_route"] = {"kwargs": {"chat_uuid": str(chat.uuid)}}
        client.scope["query_string"] = b"na=99"
        return client

    from django.contrib.auth.models import AnonymousUser

    latenties: list[float] = []

    async def gesprek(chat):
        burger = verbind(chat, AnonymousUser(), chat.sessie_sleutel)
        medewerker = verbind(chat, agent)
        assert (await burger.connect())[0] and (await medewerker.connect())[0]
        return burger, medewerker

    import random

    rnd = random.Random(2026)  # noqa: S311 - repeatable pacing, not a secret

    async def praten(burger, medewerker):
        for _ in range(BERICHTEN):
            if PAUZE:
                await asyncio.sleep(PAUZE * rnd.uniform(0.5, 1.5))
            start = time.perf_counter()
            await burger.send_json_to({"type": "bericht", "tekst": "Is mijn paspoort klaar?"})
            while True:
                event = await medewerker.receive_json_from(timeout=60)
                if event.get("van") == "klant":
                    break
            latenties.append((time.perf_counter() - start) * 1000)

    async def alles():
        paren = [await gesprek(chat) for chat in chats]
        start = time.perf_counter()
        await asyncio.gather(*(praten(b, m) for b, m in paren))
        duur = time.perf_counter() - start
        for burger, medewerker in paren:
            await burger.disconnect()
            await medewerker.disconnect()
        return duur

    duur = async_to_sync(alles)()
    latenties.sort()
    print(f"\n## Chat over websockets (database {database}, Redis channel layer)\n")
    print(
        f"{CHATS} chats, {2 * CHATS} websocket clients, {len(latenties)} messages "
        f"({BERICHTEN} per chat, all chats at once, "
        f"{'a pause of about ' + str(PAUZE) + ' s between messages' if PAUZE else 'no pause'}). "
        f"Machine: {schaal.machine()}.\n"
    )
    print("| mediaan ms | p95 ms | max ms | berichten per s |")
    print("| --- | --- | --- | --- |")
    print(
        f"| {statistics.median(latenties):.1f} | {schaal.p(latenties, 0.95):.1f} | "
        f"{latenties[-1]:.1f} | {len(latenties) / duur:.0f} |"
    )
    for chat in chats:
        chat_services.chat_beeindigen(chat=chat, user=agent)


if __name__ == "__main__":
    main()
