"""Benchmark: the COPC dashboard on the scale data (10,000,000 contacts with
their queue events and ratings, 2,000,000 cases).

Server time of the real pages through Django's test client, as a teamleider
uses them: last month's KPIs (and a whole year), filtered by agent and by
product group, the KPI export, drilling into the cases that missed their
norm and exporting them, tomorrow's staffing and the wallboard. Baseline in
the same run: a bare view that reads one row. The rollups catch up first
(the full build after new scale data is timed once).

Needs DATABASE_URL (PostgreSQL); see benchmarks/schaal.py for the data.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks import schaal

HERHALINGEN = int(os.environ.get("BENCH_HERHALINGEN", "20"))


def main():
    database = schaal.schaal_database()
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.utils import timezone

    from dashboard import rollups
    from dashboard.models import ContactenPerHalfuur
    from kanalen.models import Beoordeling, Statusperiode, Wachtrijgebeurtenis
    from kcc.devdata.schaaldata import statusperioden_genereren
    from kcc.models import User
    from klanten.models import Klantcontact
    from producten.models import Thema
    from zaken.models import Zaak

    if not Statusperiode.objects.exists():
        # Scale data generated before agents' status history was kept.
        print(f"Statusperioden gegenereerd: {statusperioden_genereren(0)}")
    # Catch up first: freshly generated data lies past the watermarks (the
    # demo municipality under it has rollups already), so this is the full
    # build once and nothing on later runs.
    start = time.perf_counter()
    dagen = rollups.bijwerken()
    if dagen:
        print(f"Rollups bijgewerkt voor {len(dagen)} dagen in {time.perf_counter() - start:.0f} s")
        with connection.cursor() as cursor:
            # What autovacuum would do soon after a bulk write (it may be off here).
            cursor.execute("VACUUM (ANALYZE)")
    start = time.perf_counter()
    rollups.bijwerken()
    bijwerken_ms = (time.perf_counter() - start) * 1000

    teamleider = User.objects.get(username="teamleider")
    client = Client(HTTP_HOST="localhost")
    client.force_login(teamleider)
    een_zaak = Zaak.objects.first()
    agent = (
        Klantcontact.objects.filter(medewerker__isnull=False)
        .values("medewerker__username")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()["medewerker__username"]
    )
    thema = Thema.objects.filter(producten__isnull=False).first().slug
    vandaag = timezone.localdate()
    maand = {"periode": "maand"}
    jaar = {
        "periode": "eigen",
        "van": f"{vandaag.replace(day=1) - timedelta(days=365):%Y-%m-%d}",
        "tot": f"{vandaag.replace(day=1) - timedelta(days=1):%Y-%m-%d}",
    }

    def pagina(url, params=None, status=200):
        def vraag():
            response = client.get(url, params or {})
            assert response.status_code == status, (url, response.status_code)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)

        return vraag

    scenarios = {
        "kale view, één rij (basislijn)": pagina(f"/bench/kaal/{een_zaak.uuid}/"),
        "KPI's vorige maand": pagina("/dashboard/", maand),
        "KPI's afgelopen jaar": pagina("/dashboard/", jaar),
        "KPI's vorige maand, één medewerker": pagina("/dashboard/", {**maand, "medewerker": agent}),
        "KPI's vorige maand, één productgroep": pagina("/dashboard/", {**maand, "thema": thema}),
        "KPI's vorige maand, telefoon": pagina("/dashboard/", {**maand, "kanaal": "telefoon"}),
        "KPI-export vorige maand (xlsx)": pagina("/dashboard/", {**maand, "formaat": "xlsx"}),
        "KPI-export afgelopen jaar (csv)": pagina("/dashboard/", {**jaar, "formaat": "csv"}),
        "zaken buiten de norm, vorige maand (pagina 1)": pagina(
            "/dashboard/kpi/norm_zaken/", {**maand, "afwijkend": "1"}
        ),
        "zaken buiten de norm, afgelopen jaar (pagina 1)": pagina(
            "/dashboard/kpi/norm_zaken/", {**jaar, "afwijkend": "1"}
        ),
        "zaken buiten de norm, vorige maand (csv)": pagina(
            "/dashboard/kpi/norm_zaken/", {**maand, "afwijkend": "1", "formaat": "csv"}
        ),
        "contacten niet in één keer goed, vorige maand (pagina 1)": pagina(
            "/dashboard/kpi/fcr/", {**maand, "afwijkend": "1"}
        ),
        "beoordelingen 1-3, vorige maand (csv)": pagina(
            "/dashboard/kpi/csat/", {**maand, "afwijkend": "1", "formaat": "csv"}
        ),
        "bezettingsgraad, vorige maand (pagina 1)": pagina("/dashboard/kpi/bezetting/", maand),
        "publieke normpagina (vorige maand)": pagina("/normen/"),
        "bezetting morgen (telefoon)": pagina("/dashboard/planning/"),
        "wallboard": pagina("/dashboard/wallboard/"),
    }
    tijden = schaal.meet(scenarios, HERHALINGEN)
    print(f"\n## Dashboard (database {database})\n")
    print(
        f"{Klantcontact.objects.count():,} contacten, "
        f"{Wachtrijgebeurtenis.objects.count():,} wachtrijgebeurtenissen, "
        f"{Beoordeling.objects.count():,} beoordelingen, {Zaak.objects.count():,} zaken; "
        f"{ContactenPerHalfuur.objects.count():,} rijen in de half-uur-rollup. "
        f"Machine: {schaal.machine()}; {HERHALINGEN} metingen per scenario, door elkaar. "
        f"Rollups bijwerken zonder nieuwe rijen (vandaag en gisteren): {bijwerken_ms:.0f} ms.\n"
    )
    print(schaal.tabel(tijden, basislijn="kale view, één rij (basislijn)"))


if __name__ == "__main__":
    main()
