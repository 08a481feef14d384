"""Benchmark: the work queue on the scale data (2,000,000 cases by default).

Server time of the real page (/kcc/zaken/: login session, permission check,
selector, audit line, template) through Django's test client, for the
queues that matter: a behandelaar's afdeling, the KCC teamleider's view of
everything, the filters, and a page deep in the queue. Baselines in the same
run: a bare view that reads one case row, and the same deep page fetched
with OFFSET instead of the keyset cursor.

Needs DATABASE_URL (PostgreSQL); see benchmarks/schaal.py for the data.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks import schaal

HERHALINGEN = int(os.environ.get("BENCH_HERHALINGEN", "40"))
DIEPTE = int(os.environ.get("BENCH_DIEPTE", "100"))  # pages of 50


def main():
    database = schaal.schaal_database()
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    import django

    django.setup()
    from django.db.models import Count
    from django.test import Client

    from kcc.models import Afdeling, User
    from kcc.roles import Rol
    from zaken.models import OPEN_STATUSSEN, Zaak

    totaal = Zaak.objects.count()
    open_per_afdeling = dict(
        Zaak.objects.filter(status__in=OPEN_STATUSSEN)
        .values_list("afdeling__code")
        .annotate(n=Count("id"))
    )
    grootste = max((code for code in open_per_afdeling if code), key=lambda c: open_per_afdeling[c])
    afdeling = Afdeling.objects.get(code=grootste)
    behandelaar = User.objects.filter(afdelingen=afdeling, groups__name=Rol.BEHANDELAAR).first()
    teamleider = User.objects.get(username="teamleider")
    product_id = (
        Zaak.objects.filter(status__in=OPEN_STATUSSEN, afdeling=afdeling)
        .values_list("product_id", flat=True)
        .first()
    )
    een_zaak = Zaak.objects.filter(status__in=OPEN_STATUSSEN).first()

    # Not setup_test_environment(): keeping every response's template context
    # alive would make the garbage collector, not the page, dominate the p95.
    bh = Client(HTTP_HOST="localhost")
    bh.force_login(behandelaar)
    tl = Client(HTTP_HOST="localhost")
    tl.force_login(teamleider)

    # The cursor DIEPTE pages deep, by following "volgende" as a user would.
    cursor = None
    for _ in range(DIEPTE):
        response = bh.get("/kcc/zaken/", {"na": cursor} if cursor else {})
        gevonden = re.search(r"na=([0-9.-]+)\"", response.content.decode())
        if gevonden is None:
            break
        cursor = gevonden[1]

    def pagina(client, **query):
        def vraag():
            response = client.get("/kcc/zaken/", query)
            assert response.status_code == 200, response.status_code

        return vraag

    def offset_basislijn():
        # What the first version did: OFFSET to the same depth.
        list(
            Zaak.objects.filter(status__in=OPEN_STATUSSEN, afdeling=afdeling)
            .select_related("klant", "product", "behandelaar", "afdeling")
            .order_by("termijndatum", "id")[DIEPTE * 50 : DIEPTE * 50 + 51]
        )

    def keyset_kaal():
        from django.db.models import F
        from django.db.models.fields.tuple_lookups import TupleGreaterThan

        from zaken.selectors import _lees_cursor

        list(
            Zaak.objects.filter(status__in=OPEN_STATUSSEN, afdeling=afdeling)
            .filter(TupleGreaterThan((F("termijndatum"), F("id")), _lees_cursor(cursor)))
            .select_related("klant", "product", "behandelaar", "afdeling")
            .order_by("termijndatum", "id")[:51]
        )

    scenarios = {
        "kale view, één rij (basislijn)": lambda: bh.get(f"/bench/kaal/{een_zaak.uuid}/"),
        f"behandelaar {grootste}: pagina 1": pagina(bh),
        f"behandelaar {grootste}: pagina {DIEPTE + 1} (keyset)": pagina(bh, na=cursor),
        "teamleider KCC: alle afdelingen, pagina 1": pagina(tl),
        "teamleider: over de termijn": pagina(tl, termijn="te_laat"),
        "teamleider: niet opgepakt": pagina(tl, termijn="niet_opgepakt"),
        "teamleider: wacht op klant": pagina(tl, status="wacht_op_klant"),
        "teamleider: één product": pagina(tl, product=product_id),
        "behandelaar: alleen mijn zaken": pagina(bh, mijn="1"),
        f"query pagina {DIEPTE + 1} met keyset": keyset_kaal,
        f"query pagina {DIEPTE + 1} met OFFSET (basislijn)": offset_basislijn,
    }
    tijden = schaal.meet(scenarios, HERHALINGEN)
    print(f"\n## Werkvoorraad op {totaal:,} zaken (database {database})\n")
    print(
        "Open zaken per afdeling: "
        + ", ".join(f"{k}: {v:,}" for k, v in sorted(open_per_afdeling.items(), key=str))
    )
    print(f"Machine: {schaal.machine()}; {HERHALINGEN} metingen per scenario, door elkaar.\n")
    print(schaal.tabel(tijden, basislijn="kale view, één rij (basislijn)"))


if __name__ == "__main__":
    main()
