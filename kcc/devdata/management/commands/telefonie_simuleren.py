"""Play a day of phone calls against the telephony webhook, signed as the
phone system would: for the demo (a call that pops a klantbeeld) and for
load (events per second at the end).

    manage.py telefonie_simuleren --url http://127.0.0.1:8000 --gesprekken 300
    manage.py telefonie_simuleren --url http://127.0.0.1:8000 --live --medewerker klantmanager

``--live`` plays one call now: offered from a demo customer's number and
answered by ``--medewerker``, whose open workspace gets the screen pop.
"""

from __future__ import annotations

import json
import random
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kanalen.webhooks import handtekening
from kcc.models import User
from klanten.models import Klant

PAD = "/api/v1/telefonie/gebeurtenissen/"


def dag_van_gesprekken(
    aantal: int, medewerkers: list[str], nummers: list[str], rnd: random.Random, dag: datetime
):
    """Events of ``aantal`` calls over a working day (8:00-17:00), busiest in
    the morning with a dip at lunch; 6% abandon, the rest answered after an
    exponential wait and talk 2-8 minutes, one in twenty is transferred."""
    uren = [(8, 6), (9, 14), (10, 16), (11, 13), (12, 6), (13, 10), (14, 12), (15, 10), (16, 7)]
    gewichten = [g for _u, g in uren]
    gebeurtenissen = []
    for n in range(aantal):
        uur = rnd.choices([u for u, _g in uren], gewichten)[0]
        begin = dag.replace(hour=uur, minute=rnd.randrange(60), second=rnd.randrange(60))
        gesprek = f"sim-{dag:%Y%m%d}-{n}-{rnd.randrange(10**6)}"
        nummer = rnd.choice(nummers) if nummers and rnd.random() < 0.7 else _nummer(rnd)
        wachttijd = timedelta(seconds=min(600, rnd.expovariate(1 / 25)))
        gebeurtenissen.append(
            (
                begin,
                {
                    "soort": "aangeboden",
                    "gesprek": gesprek,
                    "nummer": nummer,
                    "wachtrij": "algemeen",
                },
            )
        )
        if rnd.random() < 0.06:
            gebeurtenissen.append((begin + wachttijd, {"soort": "verlaten", "gesprek": gesprek}))
            continue
        medewerker = rnd.choice(medewerkers)
        opgenomen = begin + wachttijd
        einde = opgenomen + timedelta(seconds=rnd.randint(120, 480))
        gebeurtenissen.append(
            (opgenomen, {"soort": "beantwoord", "gesprek": gesprek, "medewerker": medewerker})
        )
        if rnd.random() < 0.05 and len(medewerkers) > 1:
            ander = rnd.choice([m for m in medewerkers if m != medewerker])
            gebeurtenissen.append(
                (
                    opgenomen + timedelta(seconds=60),
                    {"soort": "doorverbonden", "gesprek": gesprek, "medewerker": ander},
                )
            )
        gebeurtenissen.append((einde, {"soort": "beeindigd", "gesprek": gesprek}))
    gebeurtenissen.sort(key=lambda g: g[0])
    return [
        {**data, "id": f"{data['gesprek']}-{i}", "tijdstip": moment.isoformat()}
        for i, (moment, data) in enumerate(gebeurtenissen)
    ]


def _nummer(rnd: random.Random) -> str:
    return f"+316{rnd.randint(10000000, 59999999)}"


def versturen(url: str, geheim: str, gebeurtenis: dict) -> int:
    if not url.startswith(("http://", "https://")):
        raise CommandError("--url moet met http:// of https:// beginnen.")
    body = json.dumps(gebeurtenis).encode()
    tijdstip = str(int(time.time()))
    verzoek = urllib.request.Request(  # noqa: S310 - http(s) only, checked above
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-KCC-Tijdstip": tijdstip,
            "X-KCC-Handtekening": handtekening(geheim, tijdstip, body),
        },
    )
    try:
        with urllib.request.urlopen(verzoek, timeout=10) as antwoord:  # noqa: S310 - our own URL
            return antwoord.status
    except urllib.error.HTTPError as fout:
        return fout.code


class Command(BaseCommand):
    help = "Speel telefoongesprekken af tegen de telefonie-webhook (demo en belasting)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000")
        parser.add_argument("--gesprekken", type=int, default=200)
        parser.add_argument("--live", action="store_true", help="één gesprek, nu")
        parser.add_argument("--medewerker", default="klantmanager")
        parser.add_argument("--zaad", type=int, default=2026)

    def handle(self, *args, **opties):
        geheim = settings.TELEFONIE_WEBHOOK_GEHEIM
        if not geheim:
            raise CommandError("TELEFONIE_WEBHOOK_GEHEIM is niet ingesteld.")
        url = opties["url"].rstrip("/") + PAD
        rnd = random.Random(opties["zaad"])
        nummers = list(
            Klant.objects.exclude(telefoon="")
            .order_by("id")
            .values_list("telefoon", flat=True)[:500]
        )
        if opties["live"]:
            gesprek = f"live-{int(time.time())}"
            nu = timezone.now()
            gebeurtenissen = [
                {
                    "id": f"{gesprek}-1",
                    "soort": "aangeboden",
                    "gesprek": gesprek,
                    "nummer": nummers[0] if nummers else _nummer(rnd),
                    "tijdstip": (nu - timedelta(seconds=18)).isoformat(),
                },
                {
                    "id": f"{gesprek}-2",
                    "soort": "beantwoord",
                    "gesprek": gesprek,
                    "medewerker": opties["medewerker"],
                    "tijdstip": nu.isoformat(),
                },
            ]
        else:
            medewerkers = [
                u.username
                for u in User.objects.filter(is_active=True).order_by("username")
                if u.has_perm("kcc.werkplek_gebruiken")
            ]
            if not medewerkers:
                raise CommandError(
                    "Geen medewerkers: laad eerst de demodata (manage.py demo_data)."
                )
            vandaag = timezone.localtime().replace(microsecond=0)
            gebeurtenissen = dag_van_gesprekken(
                opties["gesprekken"], medewerkers, nummers, rnd, vandaag
            )
        start = time.perf_counter()
        statussen: dict[int, int] = {}
        for gebeurtenis in gebeurtenissen:
            status = versturen(url, geheim, gebeurtenis)
            statussen[status] = statussen.get(status, 0) + 1
        duur = time.perf_counter() - start
        self.stdout.write(
            f"{len(gebeurtenissen)} gebeurtenissen in {duur:.1f} s "
            f"({len(gebeurtenissen) / duur:.0f} per s); antwoorden: {statussen}"
        )
        if set(statussen) - {200}:
            raise CommandError("Niet alle gebeurtenissen zijn aangenomen.")
