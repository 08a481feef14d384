"""Benchmark: call events from the phone system on the scale data.

A realistic day of calls (``telefonie_simuleren``'s generator: offered,
answered after a wait, some transferred or abandoned, ended), callers' numbers
drawn from the 1,000,000 customers, posted signed to the webhook through
Django's test client, interleaved with the bare one-row view as baseline.
Server time per event, and events per second per process.

Needs DATABASE_URL (PostgreSQL); see benchmarks/schaal.py for the data.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks import schaal

GESPREKKEN = int(os.environ.get("BENCH_GESPREKKEN", "400"))


def main():
    database = schaal.schaal_database()
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.db.models import Max
    from django.test import Client
    from django.utils import timezone

    from kanalen.models import Gesprek, Wachtrijgebeurtenis
    from kanalen.webhooks import handtekening
    from kcc.devdata.management.commands.telefonie_simuleren import PAD, dag_van_gesprekken
    from kcc.models import User
    from klanten.models import Klant
    from zaken.models import Zaak

    settings.TELEFONIE_WEBHOOK_GEHEIM = settings.TELEFONIE_WEBHOOK_GEHEIM or "bench"
    geheim = settings.TELEFONIE_WEBHOOK_GEHEIM
    rnd = random.Random(2026)  # noqa: S311 - a repeatable sample, not a secret
    hoogste = Klant.objects.aggregate(m=Max("id"))["m"]
    nummers = list(
        Klant.objects.filter(id__in=rnd.sample(range(1, hoogste + 1), 2000))
        .exclude(telefoon="")
        .values_list("telefoon", flat=True)
    )
    medewerkers = [
        u.username
        for u in User.objects.filter(is_active=True)
        if u.has_perm("kcc.werkplek_gebruiken")
    ]
    dag = timezone.localtime().replace(microsecond=0)
    gebeurtenissen = dag_van_gesprekken(GESPREKKEN, medewerkers, nummers, rnd, dag)
    # A fresh run: ids unique to this run, so no event is taken for a retry.
    run = f"{int(time.time())}"
    for g in gebeurtenissen:
        g["id"] = f"{run}-{g['id']}"
        g["gesprek"] = f"{run}-{g['gesprek']}"
    een_zaak = Zaak.objects.first()
    client = Client(HTTP_HOST="localhost")
    reeks = iter(gebeurtenissen)

    def gebeurtenis():
        data = next(reeks)
        body = json.dumps(data).encode()
        tijdstip = str(int(time.time()))
        response = client.post(
            PAD,
            body,
            content_type="application/json",
            HTTP_X_KCC_TIJDSTIP=tijdstip,
            HTTP_X_KCC_HANDTEKENING=handtekening(geheim, tijdstip, body),
        )
        assert response.status_code == 200, response.content

    herhalingen = len(gebeurtenissen) - 1  # one is used to warm up
    tijden = schaal.meet(
        {
            "kale view, één rij (basislijn)": lambda: client.get(f"/bench/kaal/{een_zaak.uuid}/"),
            "telefonie-gebeurtenis (ondertekend)": gebeurtenis,
        },
        herhalingen,
    )
    print(f"\n## Telefonie-webhook (database {database})\n")
    print(
        f"{GESPREKKEN} gesprekken, {len(gebeurtenissen)} gebeurtenissen; nu in de database "
        f"{Gesprek.objects.count():,} gesprekken en {Wachtrijgebeurtenis.objects.count():,} "
        f"wachtrijgebeurtenissen. Machine: {schaal.machine()}.\n"
    )
    print(schaal.tabel(tijden, basislijn="kale view, één rij (basislijn)"))
    gemiddeld = sum(tijden["telefonie-gebeurtenis (ondertekend)"]) / herhalingen
    print(f"\nDoorvoer: {1000 / gemiddeld:.0f} gebeurtenissen per s per proces.")


if __name__ == "__main__":
    main()
