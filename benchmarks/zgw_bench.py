"""Benchmark: the Zaken API as Open Inwoner and KISS call it.

In one run, on a throw-away database with the demo data and 100,000
generated cases, served by the production stack (gunicorn sync workers,
persistent database connections), interleaved A B A B with wrk:

- ``zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=`` for a
  citizen with 1 case and for one with 5;
- one zaak by uuid;
- ``statussen?zaak=``;

each as an applicatie with a JWT, granted ``zaken.lezen`` per product (every
product, as a portal is); and, with 100,000 contacts beside them, KISS's first
two Klantinteracties calls for a customer (the partij by BSN with its digitale
adressen, one klantcontact with its interne taken and case) with a token;
against a bare Django view reading one row served the same way (the
baseline), and on a server without any middleware (the floor: the best the
bare view can be served).

    DATABASE_URL=... REDIS_URL=... python benchmarks/zgw_bench.py

Needs wrk (Debian's package).
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from benchmarks.serving_bench import (  # noqa: E402
    DUUR,
    RONDES,
    VERBINDINGEN,
    WORKERS,
    ZAKEN,
    server_omgeving,
    starten,
    stoppen,
)

POORT = int(os.environ.get("BENCH_POORT", "8775"))
KAAL_POORT = POORT + 1
GEHEIM = "bench-geheim-van-minstens-tweeendertig-tekens"
# Open Zaak 1.21.2 on a machine of this kind (2 cores, uwsgi 2 processes x 2
# threads, 100,000 zaken, wrk -t2 -c16), as measured for the issue.
OPEN_ZAAK = {
    "zaken op BSN, 1 zaak": 78,
    "zaken op BSN, 5 zaken": 68,
    "zaak op uuid": 44,
    "statussen van een zaak": 138,
}


def wrk(url: str, koppen: list[str]) -> tuple[float, float]:
    """Requests per second and the median latency (ms) wrk measured; fails on
    any non-2xx answer."""
    opdracht = ["wrk", "-t2", f"-c{VERBINDINGEN}", f"-d{DUUR}", "--latency"]
    for kop in koppen:
        opdracht += ["-H", kop]
    uitvoer = subprocess.run([*opdracht, url], capture_output=True, text=True, check=True).stdout
    fouten = re.search(r"connect (\d+), read (\d+), write (\d+)", uitvoer)
    # A request slower than wrk's 2 s timeout is slow, not wrong: it counts in
    # the rate; any non-2xx or broken connection stops the benchmark.
    if "Non-2xx" in uitvoer or (fouten and any(int(n) for n in fouten.groups())):
        raise SystemExit(f"errors while measuring {url}:\n{uitvoer}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", uitvoer).group(1))
    waarde, eenheid = re.search(r"50%\s+([\d.]+)(us|ms|s)", uitvoer).groups()
    p50 = float(waarde) * {"us": 0.001, "ms": 1, "s": 1000}[eenheid]
    return rps, p50


def main():
    if shutil.which("wrk") is None:
        sys.exit("This benchmark needs wrk (apt-get install wrk).")
    testdb = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    gunicorn = kaal = None
    try:
        import io

        import jwt
        from django.core.management import call_command
        from django.db.models import Count

        from kcc.devdata import schaaldata
        from kcc.models import Applicatie, Autorisatie
        from klanten.models import Klantcontact
        from producten.models import Product
        from zaken.models import Zaak

        call_command("demo_data", stdout=io.StringIO())
        start = time.perf_counter()
        schaaldata.genereren(
            klanten=ZAKEN // 5, zaken=ZAKEN, contacten=ZAKEN, melden=lambda _: None
        )
        vullen = time.perf_counter() - start
        app = Applicatie.objects.create(label="Bench", client_id="bench", secret=GEHEIM)
        Autorisatie.objects.bulk_create(
            Autorisatie(
                applicatie=app,
                component="zaken",
                scopes=["zaken.lezen"],
                product=product,
                max_vertrouwelijkheid="zeer_geheim",
            )
            for product in Product.objects.all()
        )
        per_klant = Zaak.objects.values("klant__bsn").annotate(n=Count("id"))
        een = per_klant.filter(n=1).order_by("klant__bsn").first()["klant__bsn"]
        vijf = per_klant.filter(n=5).order_by("klant__bsn").first()["klant__bsn"]
        zaak = Zaak.objects.filter(klant__bsn=vijf).order_by("id").first()
        token = jwt.encode(
            {
                "iss": "bench",
                "client_id": "bench",
                "iat": int(time.time()),
                "user_id": "bench",
                "user_representation": "Benchmark",
            },
            GEHEIM,
            algorithm="HS256",
        )
        koppen = [f"Authorization: Bearer {token}", "Accept-Crs: EPSG:4326"]
        ki_app = Applicatie.objects.create(label="Bench KI", client_id="bench-ki", secret=GEHEIM)
        ki_token = ki_app.token_maken()
        ki_app.save()
        Autorisatie.objects.create(
            applicatie=ki_app,
            component="klantinteracties",
            scopes=["klantinteracties.lezen"],
            max_vertrouwelijkheid="vertrouwelijk",
        )
        ki_koppen = [f"Authorization: Token {ki_token}"]
        contact = (
            Klantcontact.objects.filter(klant__bsn__isnull=False)
            .select_related("klant")
            .order_by("id")
            .first()
        )

        omgeving = server_omgeving(testdb)
        bin_ = Path(sys.executable).parent
        gunicorn = starten(
            [str(bin_ / "gunicorn"), "-c", "python:kcc.gunicorn_conf", "kcc.wsgi:application"],
            {**omgeving, "GUNICORN_BIND": f"127.0.0.1:{POORT}"},
            POORT,
        )
        # The floor: the same bare view on a server without any middleware.
        kaal = starten(
            [str(bin_ / "gunicorn"), "-c", "python:kcc.gunicorn_conf", "kcc.wsgi:application"],
            {
                **omgeving,
                "GUNICORN_BIND": f"127.0.0.1:{KAAL_POORT}",
                "DJANGO_SETTINGS_MODULE": "benchmarks.settings_kaal",
            },
            KAAL_POORT,
        )
        w = f"http://127.0.0.1:{POORT}"
        bsn = f"{w}/zaken/api/v1/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn="
        metingen = {
            "kale view zonder middleware (vloer)": (
                f"http://127.0.0.1:{KAAL_POORT}/bench/kaal/{zaak.uuid}/"
            ),
            "kale view, één rij (basis)": f"{w}/bench/kaal/{zaak.uuid}/",
            "zaken op BSN, 1 zaak": bsn + een,
            "zaken op BSN, 5 zaken": bsn + vijf,
            "zaak op uuid": f"{w}/zaken/api/v1/zaken/{zaak.uuid}",
            "statussen van een zaak": (
                f"{w}/zaken/api/v1/statussen?zaak=http://127.0.0.1:8000/zaken/api/v1/zaken/"
                f"{zaak.uuid}"
            ),
            "KISS: partij op BSN": (
                f"{w}/klantinteracties/api/v1/partijen?expand=digitaleAdressen&soortPartij=persoon"
                "&partijIdentificator__codeSoortObjectId=bsn"
                f"&partijIdentificator__objectId={contact.klant.bsn}"
            ),
            "KISS: klantcontact met taken": (
                f"{w}/klantinteracties/api/v1/klantcontacten/{contact.uuid}"
                "?expand=leiddeTotInterneTaken,gingOverOnderwerpobjecten"
            ),
        }
        uitslag = {naam: [] for naam in metingen}
        for _ in range(RONDES):
            for naam, url in metingen.items():
                uitslag[naam].append(wrk(url, ki_koppen if naam.startswith("KISS") else koppen))
    finally:
        for proces in (gunicorn, kaal):
            if proces is not None:
                stoppen(proces)
        connection.creation.destroy_test_db(testdb, verbosity=0)

    basis = statistics.median(r for r, _p in uitslag["kale view, één rij (basis)"])
    vloer = statistics.median(r for r, _p in uitslag["kale view zonder middleware (vloer)"])
    print(
        f"De Zaken API: {ZAKEN:,} zaken ({vullen:.0f} s gevuld), gunicorn {WORKERS} sync "
        f"workers; wrk -t2 -c{VERBINDINGEN} -d{DUUR}, {RONDES} rondes afwisselend\n"
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, PostgreSQL {connection.pg_version // 10000}\n"
    )
    print("| meting | req/s (mediaan) | min-max | p50 (ms) | x basis | x vloer | x Open Zaak |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for naam, waarden in uitslag.items():
        rps = [r for r, _p in waarden]
        m = statistics.median(rps)
        p50 = statistics.median(p for _r, p in waarden)
        oz = f"{m / OPEN_ZAAK[naam]:.1f}" if naam in OPEN_ZAAK else "-"
        print(
            f"| {naam} | {m:,.0f} | {min(rps):,.0f}-{max(rps):,.0f} | {p50:.1f} | "
            f"{m / basis:.2f} | {m / vloer:.2f} | {oz} |"
        )


if __name__ == "__main__":
    main()
