"""Benchmark: the request path on the production serving stack.

In one run, on a throw-away database with the demo data and 100,000
generated cases:

1. a citizen reads one of their cases over the API (session, permission
   check, serializer) against a bare Django view that reads one row, both
   served by gunicorn's sync workers (WSGI, persistent connections: the best
   stack for the bare view too), interleaved A B A B with wrk; the bare view
   also on a server without any middleware, the floor, so the cost of the
   platform's middleware chain is measured on its own;
2. the citizen's case list on that stack against the ASGI-only serving it
   replaces (one daphne process serving every page and API call);
3. where the case read's time goes: one request profiled in-process, its
   queries and Redis round trips counted.

    DATABASE_URL=... REDIS_URL=... python benchmarks/serving_bench.py

Needs wrk (Debian's package).
"""

from __future__ import annotations

import cProfile
import os
import platform
import pstats
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

ZAKEN = int(os.environ.get("BENCH_ZAKEN", "100000"))
RONDES = int(os.environ.get("BENCH_RONDES", "3"))
DUUR = os.environ.get("BENCH_DUUR", "10s")
VERBINDINGEN = int(os.environ.get("BENCH_VERBINDINGEN", "16"))
WSGI_POORT = int(os.environ.get("BENCH_POORT", "8765"))
ASGI_POORT = WSGI_POORT + 1
KAAL_POORT = WSGI_POORT + 2
WORKERS = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1) + 1)))


def server_omgeving(testdb: str) -> dict:
    db = settings.DATABASES["default"]
    url = (
        f"postgres://{db['USER']}{':' + db['PASSWORD'] if db['PASSWORD'] else ''}"
        f"@{db['HOST']}:{db['PORT'] or 5432}/{testdb}"
    )
    omgeving = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": settings.REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "KCC_VAR_DIR": tempfile.mkdtemp(prefix="kcc-bench-"),
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": str(WORKERS),
    }
    omgeving.pop("KCC_SERVER_INTERFACE", None)
    return omgeving


def starten(opdracht: list[str], omgeving: dict, poort: int) -> subprocess.Popen:
    proces = subprocess.Popen(
        opdracht,
        cwd=ROOT,
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{poort}/healthz/live", timeout=1)
            return proces
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server on port {poort} did not start: {opdracht}")


def stoppen(proces: subprocess.Popen) -> None:
    with _stil():
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(timeout=30)


class _stil:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return exc[0] in (ProcessLookupError, subprocess.TimeoutExpired)


def wrk(url: str, cookie: str) -> float:
    """Requests per second wrk reached on ``url``; fails on any non-2xx."""
    uitvoer = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{VERBINDINGEN}",
            f"-d{DUUR}",
            "-H",
            f"Cookie: {settings.SESSION_COOKIE_NAME}={cookie}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in uitvoer or "Socket errors" in uitvoer:
        raise SystemExit(f"errors while measuring {url}:\n{uitvoer}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", uitvoer).group(1))


def afwisselend(metingen: dict[str, str], cookie: str) -> dict[str, list[float]]:
    """Each URL measured RONDES times, interleaved, so machine noise hits all alike."""
    uitslag = {naam: [] for naam in metingen}
    for _ in range(RONDES):
        for naam, url in metingen.items():
            uitslag[naam].append(wrk(url, cookie))
    return uitslag


def main():
    if shutil.which("wrk") is None:
        sys.exit("This benchmark needs wrk (apt-get install wrk).")
    testdb = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    processen: list[subprocess.Popen] = []
    try:
        import io

        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
        from django.contrib.sessions.backends.cached_db import SessionStore
        from django.core.management import call_command

        from kcc.devdata import schaaldata
        from kcc.services import klant_gebruiker
        from zaken.models import Zaak

        call_command("demo_data", stdout=io.StringIO())
        start = time.perf_counter()
        schaaldata.genereren(klanten=ZAKEN // 5, zaken=ZAKEN, melden=lambda _: None)
        vullen = time.perf_counter() - start
        burger = klant_gebruiker(bsn="999993653")
        zaak = Zaak.objects.filter(klant__bsn="999993653").order_by("id").first()
        sessie = SessionStore()
        sessie[SESSION_KEY] = str(burger.pk)
        sessie[BACKEND_SESSION_KEY] = "kcc.auth.backends.SimulatorBackend"
        sessie[HASH_SESSION_KEY] = burger.get_session_auth_hash()
        sessie.set_expiry(3600)
        sessie.save()
        cookie = sessie.session_key

        omgeving = server_omgeving(testdb)
        bin_ = Path(sys.executable).parent
        wsgi = starten(
            [str(bin_ / "gunicorn"), "-c", "python:kcc.gunicorn_conf", "kcc.wsgi:application"],
            {**omgeving, "GUNICORN_BIND": f"127.0.0.1:{WSGI_POORT}"},
            WSGI_POORT,
        )
        processen.append(wsgi)
        kaal = starten(
            [str(bin_ / "gunicorn"), "-c", "python:kcc.gunicorn_conf", "kcc.wsgi:application"],
            {
                **omgeving,
                "GUNICORN_BIND": f"127.0.0.1:{KAAL_POORT}",
                "DJANGO_SETTINGS_MODULE": "benchmarks.settings_kaal",
            },
            KAAL_POORT,
        )
        processen.append(kaal)
        asgi = starten(
            [
                str(bin_ / "daphne"),
                "-b",
                "127.0.0.1",
                "-p",
                str(ASGI_POORT),
                "kcc.asgi:application",
            ],
            omgeving,
            ASGI_POORT,
        )
        processen.append(asgi)

        w = f"http://127.0.0.1:{WSGI_POORT}"
        a = f"http://127.0.0.1:{ASGI_POORT}"
        lezen = afwisselend(
            {
                "kale view zonder middleware (WSGI)": (
                    f"http://127.0.0.1:{KAAL_POORT}/bench/kaal/{zaak.uuid}/"
                ),
                "kale view (WSGI)": f"{w}/bench/kaal/{zaak.uuid}/",
                "zaak van de burger, API (WSGI)": f"{w}/api/v1/zaken/{zaak.uuid}/",
            },
            cookie,
        )
        lijst = afwisselend(
            {
                "zakenlijst van de burger, API (WSGI, gunicorn)": f"{w}/api/v1/zaken/",
                "zakenlijst van de burger, API (alleen ASGI, daphne)": f"{a}/api/v1/zaken/",
            },
            cookie,
        )
        delen = profiel_van_een_verzoek(f"/api/v1/zaken/{zaak.uuid}/", burger)
    finally:
        for proces in processen:
            stoppen(proces)
        connection.creation.destroy_test_db(testdb, verbosity=0)

    def rij(naam, waarden, basis):
        m = statistics.median(waarden)
        return f"| {naam} | {m:,.0f} | {min(waarden):,.0f}-{max(waarden):,.0f} | {m / basis:.2f} |"

    # The floor: the bare view on a server without middleware.
    kaal = statistics.median(lezen["kale view zonder middleware (WSGI)"])
    daphne = statistics.median(lijst["zakenlijst van de burger, API (alleen ASGI, daphne)"])
    print(
        f"Het verzoekpad: {ZAKEN:,} zaken ({vullen:.0f} s gevuld), gunicorn {WORKERS} sync "
        f"workers en één daphne-proces; wrk -t2 -c{VERBINDINGEN} -d{DUUR}, {RONDES} rondes "
        f"afwisselend\nmachine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, PostgreSQL "
        f"{connection.pg_version // 10000}\n"
    )
    print("| meting | req/s (mediaan) | min-max | x basis |")
    print("| --- | --- | --- | --- |")
    for naam, waarden in lezen.items():
        print(rij(naam, waarden, kaal))
    for naam, waarden in lijst.items():
        print(rij(naam, waarden, daphne))
    print()
    print("Eén zaak lezen, in het proces geprofileerd:")
    for regel in delen:
        print(regel)


def profiel_van_een_verzoek(pad: str, user) -> list[str]:
    """One request in-process, repeated 300 times under cProfile: the share of
    its time per part of the stack, and its queries and Redis calls."""
    import redis
    from django.test import Client

    client = Client()
    client.force_login(user, backend="kcc.auth.backends.SimulatorBackend")
    assert client.get(pad).status_code == 200
    redis_calls = []
    origineel = redis.Redis.execute_command

    def tellen(self, *args, **kwargs):
        redis_calls.append(str(args[0]))
        return origineel(self, *args, **kwargs)

    redis.Redis.execute_command = tellen
    queries = []

    def vastleggen(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    try:
        with connection.execute_wrapper(vastleggen):
            assert client.get(pad).status_code == 200
    finally:
        redis.Redis.execute_command = origineel
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(300):
        client.get(pad)
    profiler.disable()
    stats = pstats.Stats(profiler)
    totaal = stats.total_tt
    onderdelen = {
        "sessie laden": "sessions/backends",
        "gebruiker (get_user)": "contrib/auth/__init__.py:.*get_user",
        "rechten en rollen": "kcc/rechten.py",
        "zaak lezen (één query)": "zaken/selectors.py:.*zaak_detail",
        "weergave (JSON-velden)": "zaken/api.py:.*_zaak_detail_weergave",
        "DRF: authenticatie, content negotiation": "rest_framework/views.py:.*initial",
        "DRF: renderer": "rest_framework/response.py:.*rendered_content",
        "audit": "kcc/audit.py",
    }
    regels = [
        f"- {len(queries)} SQL-queries, {len(redis_calls)} Redis-aanroepen "
        f"({', '.join(redis_calls)}) per verzoek; {totaal / 300 * 1000:.2f} ms per verzoek "
        "in het proces (met de testclient)"
    ]
    for naam, patroon in onderdelen.items():
        tijd = max(
            (
                cum
                for (bestand, _regel, functie), (
                    _cc,
                    _nc,
                    _tt,
                    cum,
                    _callers,
                ) in stats.stats.items()
                if re.search(patroon, f"{bestand}:{functie}")
            ),
            default=0.0,
        )
        regels.append(f"- {naam}: {tijd / totaal * 100:.0f}%")
    regels.extend(f"  - {' '.join(q.split())[:160]}" for q in queries)
    return regels


if __name__ == "__main__":
    main()
