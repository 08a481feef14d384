"""Benchmark: finding a customer, opening the klantbeeld and registering a
contact, on the scale data (1,000,000 customers, 10,000,000 contacts,
2,000,000 cases by default).

Server time of the real pages through Django's test client (session,
permission check, selectors, audit lines, template), as a KCC agent uses
them. Every call takes another customer, so nothing is answered from a warm
row the call before touched. Baseline in the same run: a bare view that
reads one row.

Throughput is per process, sequential (1000 / mean ms); a web server runs
one such process per core.

Needs DATABASE_URL (PostgreSQL); see benchmarks/schaal.py for the data.
"""

from __future__ import annotations

import itertools
import os
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks import schaal

HERHALINGEN = int(os.environ.get("BENCH_HERHALINGEN", "60"))
LANGE_HISTORIE_BSN = "999993653"


def _steekproef(aantal: int, rnd: random.Random):
    """Customers spread over the whole table, with what an agent would type."""
    from django.db.models import Max

    from klanten.models import Klant

    hoogste = Klant.objects.aggregate(m=Max("id"))["m"]
    ids = rnd.sample(range(1, hoogste + 1), aantal * 2)
    klanten = list(
        Klant.objects.filter(id__in=ids, soort="persoon", geheimhouding=False)
        .exclude(telefoon="")
        .exclude(email="")
    )
    return klanten[:aantal]


def _typfout(naam: str, rnd: random.Random) -> str:
    """One letter doubled, as a caller's name is often typed."""
    plek = rnd.randrange(1, len(naam))
    return naam[:plek] + naam[plek - 1] + naam[plek:]


def main():
    database = schaal.schaal_database()
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    import django

    django.setup()
    from django.test import Client

    from kcc.models import User
    from klanten.models import Klant, Klantcontact
    from zaken.models import StatusWijziging, Zaak

    rnd = random.Random(2026)  # noqa: S311 - a repeatable sample, not a secret
    klanten = _steekproef(HERHALINGEN + 10, rnd)
    lang = Klant.objects.get(bsn=LANGE_HISTORIE_BSN)
    een_zaak = Zaak.objects.first()
    agent = User.objects.get(username="klantmanager")
    client = Client(HTTP_HOST="localhost")
    client.force_login(agent)

    treffers: dict[str, list[bool]] = {}

    def zoeken(naam, termen):
        """Search as an agent types it; records whether the customer was found."""
        reeks = itertools.cycle(termen)
        treffers[naam] = []

        def vraag():
            term, klant = next(reeks)
            response = client.post("/kcc/", {"q": term})
            assert response.status_code == 200, response.status_code
            treffers[naam].append(f"/kcc/klanten/{klant.uuid}/".encode() in response.content)

        return naam, vraag

    def openen(uuids):
        reeks = itertools.cycle(uuids)

        def vraag():
            response = client.get(f"/kcc/klanten/{next(reeks)}/")
            assert response.status_code == 200, response.status_code

        return vraag

    def registreren():
        reeks = itertools.cycle(klanten)

        def vraag():
            response = client.post(
                f"/kcc/klanten/{next(reeks).uuid}/contact/",
                {
                    "kanaal": "telefoon",
                    "richting": "inkomend",
                    "onderwerp": "Benchmark",
                    "vraag": "Wanneer is mijn aanvraag klaar?",
                    "antwoord": "Binnen vijf werkdagen.",
                    "in_een_keer_goed": "ja",
                    "vervolg": "geen",
                },
            )
            assert response.status_code == 302, response.status_code

        return vraag

    def telefoon(klant):
        nummer = "0" + klant.telefoon[3:]  # as a caller ID shows it: 0612345678
        return f"{nummer[:2]} {nummer[2:]}"

    scenarios = {
        "kale view, één rij (basislijn)": lambda: client.get(f"/bench/kaal/{een_zaak.uuid}/"),
        **dict(
            [
                zoeken("zoeken op telefoonnummer", [(telefoon(k), k) for k in klanten]),
                zoeken("zoeken op BSN", [(k.bsn, k) for k in klanten]),
                zoeken("zoeken op e-mailadres", [(k.email.upper(), k) for k in klanten]),
                zoeken(
                    "zoeken op postcode + huisnummer",
                    [(f"{k.postcode} {k.huisnummer}", k) for k in klanten],
                ),
                zoeken(
                    "zoeken op naam + geboortedatum",
                    [(f"{k.geslachtsnaam} {k.geboortedatum:%d-%m-%Y}", k) for k in klanten],
                ),
                zoeken(
                    "zoeken op achternaam met typefout + geboortedatum",
                    [
                        (f"{_typfout(k.geslachtsnaam, rnd)} {k.geboortedatum:%d-%m-%Y}", k)
                        for k in klanten
                    ],
                ),
            ]
        ),
        "klantbeeld, klant met lange historie": openen([lang.uuid]),
        "klantbeeld, willekeurige klant": openen([k.uuid for k in klanten]),
        "live verversen, lange historie": lambda: client.get(f"/kcc/klanten/{lang.uuid}/tijdlijn/"),
        "contact registreren": registreren(),
    }
    tijden = schaal.meet(scenarios, HERHALINGEN)

    contacten_lang = Klantcontact.objects.filter(klant=lang).count()
    zaken_lang = Zaak.objects.filter(klant=lang).count()
    historie_lang = StatusWijziging.objects.filter(zaak__klant=lang).count()
    print(f"\n## Klanten en klantbeeld (database {database})\n")
    print(
        f"{Klant.objects.count():,} klanten, {Klantcontact.objects.count():,} contacten, "
        f"{Zaak.objects.count():,} zaken. Lange historie: {contacten_lang:,} contacten, "
        f"{zaken_lang} zaken met {historie_lang:,} statuswijzigingen."
    )
    print(f"Machine: {schaal.machine()}; {HERHALINGEN} metingen per scenario, door elkaar.\n")
    print(schaal.tabel(tijden, basislijn="kale view, één rij (basislijn)"))
    print("\n| scenario | doorvoer per proces (per s) | klant gevonden |\n| --- | --- | --- |")
    for naam, waarden in tijden.items():
        gevonden = treffers.get(naam)
        score = f"{sum(gevonden)}/{len(gevonden)}" if gevonden else ""
        print(f"| {naam} | {1000 / statistics.mean(waarden):.0f} | {score} |")


if __name__ == "__main__":
    main()
