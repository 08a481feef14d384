"""Benchmark: the inbox with 100,000 open items on the scale data.

Fills the scale database once with open e-mails, SMS and letters (bulk
insert, random customers, norm dates spread over four weeks), then measures
the inbox page (the 50 most urgent open items and the agent's own) and
taking an item and giving it back, against the bare one-row view in the same
run, through Django's test client as a logged-in agent.

Needs DATABASE_URL (PostgreSQL); see benchmarks/schaal.py for the data.
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks import schaal

OPEN_ITEMS = int(os.environ.get("BENCH_INBOX_ITEMS", "100000"))
HERHALINGEN = int(os.environ.get("BENCH_HERHALINGEN", "60"))


def _vullen(aantal: int, rnd: random.Random) -> float:
    from django.db.models import Max
    from django.utils import timezone

    from kanalen.models import Inboxitem, InboxStatus
    from klanten.models import Klant

    hoogste = Klant.objects.aggregate(m=Max("id"))["m"]
    nu = timezone.now()
    vandaag = timezone.localdate()
    start = time.perf_counter()
    kanalen = ["email"] * 6 + ["sms"] * 2 + ["post"]
    for begin in range(0, aantal, 10000):
        Inboxitem.objects.bulk_create(
            [
                Inboxitem(
                    kanaal=(kanaal := rnd.choice(kanalen)),
                    status=InboxStatus.OPEN,
                    klant_id=rnd.randint(1, hoogste),
                    van=f"klant{n}@example.nl" if kanaal == "email" else "+31612345678",
                    onderwerp=f"Vraag {n}",
                    tekst="Wanneer krijg ik antwoord op mijn vraag?",
                    ontvangen_op=nu - timedelta(minutes=rnd.randint(0, 40000)),
                    uiterlijk_op=vandaag + timedelta(days=rnd.randint(-5, 23)),
                )
                for n in range(begin, min(aantal, begin + 10000))
            ]
        )
    return time.perf_counter() - start


def main():
    database = schaal.schaal_database()
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from kanalen.models import Inboxitem, InboxStatus
    from kcc.models import User
    from zaken.models import Zaak

    rnd = random.Random(2026)  # noqa: S311 - repeatable data, not a secret
    open_nu = Inboxitem.objects.filter(status=InboxStatus.OPEN).count()
    if open_nu < OPEN_ITEMS:
        duur = _vullen(OPEN_ITEMS - open_nu, rnd)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE kanalen_inboxitem")
        print(f"{OPEN_ITEMS - open_nu:,} open inboxitems gemaakt in {duur:.0f} s")
    agent = User.objects.get(username="klantmanager")
    client = Client(HTTP_HOST="localhost")
    client.force_login(agent)
    een_zaak = Zaak.objects.first()
    items = list(
        Inboxitem.objects.filter(status=InboxStatus.OPEN)
        .order_by("?")
        .values_list("uuid", flat=True)[: HERHALINGEN + 5]
    )
    reeks = iter(items)

    def pakken_en_teruggeven():
        url = f"/kcc/inbox/{next(reeks)}/"
        assert client.post(url, {"actie": "oppakken"}).status_code == 302
        assert client.post(url, {"actie": "vrijgeven"}).status_code == 302

    tijden = schaal.meet(
        {
            "kale view, één rij (basislijn)": lambda: client.get(f"/bench/kaal/{een_zaak.uuid}/"),
            "inbox: 50 meest dringende open items": lambda: client.get("/kcc/inbox/"),
            "item oppakken en teruggeven (2 POSTs)": pakken_en_teruggeven,
        },
        HERHALINGEN,
    )
    print(f"\n## Inbox (database {database})\n")
    print(
        f"{Inboxitem.objects.filter(status=InboxStatus.OPEN).count():,} open items. "
        f"Machine: {schaal.machine()}; {HERHALINGEN} metingen per scenario, door elkaar.\n"
    )
    print(schaal.tabel(tijden, basislijn="kale view, één rij (basislijn)"))


if __name__ == "__main__":
    main()
