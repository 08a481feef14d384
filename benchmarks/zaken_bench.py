"""Benchmark: cases and notifications on PostgreSQL + Redis + a real worker.

1. Case transitions per second through zaken.services (register, take in
   behandeling, set a notifying milestone), with the outbox rows they write.
2. Messages delivered per second end to end: a real Celery worker (separate
   process) drains the queue that step 1 filled through Redis.
(Reading a case over HTTP against a bare view: benchmarks/serving_bench.py.)

Needs DATABASE_URL and REDIS_URL. Runs in a throw-away test database.
"""

from __future__ import annotations

import io
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcc.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

AANTAL = int(os.environ.get("BENCH_ZAKEN", "500"))


def omgeving(testdb: str) -> dict:
    url = settings.DATABASE_URL.rsplit("/", 1)[0] + f"/{testdb}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "KCC_VAR_DIR": tempfile.mkdtemp(prefix="kcc-bench-"),
        "SMS_BACKEND": "locmem",
        "LOG_LEVEL": "WARNING",
    }


def main():
    if not (settings.DATABASE_URL and settings.REDIS_URL):
        sys.exit("This benchmark needs DATABASE_URL (PostgreSQL) and REDIS_URL.")
    from kcc.celery import app

    app.conf.task_always_eager = False
    testdb = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    processen = []
    try:
        from django.core.management import call_command

        call_command("demo_data", stdout=io.StringIO())
        from kanalen.models import Bericht, BerichtStatus
        from kcc.models import User
        from klanten.models import Klant
        from producten.models import Product
        from zaken import services

        product = Product.objects.get(code="paspoort")
        klant = Klant.objects.get(bsn="999993653")
        tl = User.objects.get(username="teamleider")
        Bericht.objects.all().delete()
        app.control.purge()

        # 1. Transitions through the service.
        start = time.perf_counter()
        zaken = []
        for _ in range(AANTAL):
            zaak = services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=tl)
            services.zaak_in_behandeling_nemen(zaak=zaak, user=tl)
            services.zaak_statusstap_zetten(zaak=zaak, user=tl, stap="Paspoort ligt klaar")
            zaken.append(zaak)
        duur = time.perf_counter() - start
        overgangen = AANTAL * 3
        berichten = Bericht.objects.exclude(kanaal="portaal").count()

        # 2. A real worker drains the queue.
        env = omgeving(testdb)
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "kcc",
                "worker",
                "--pool=prefork",
                "--concurrency=2",
                "--loglevel=WARNING",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        processen.append(worker)

        def verzonden():
            return (
                Bericht.objects.filter(status=BerichtStatus.VERZONDEN)
                .exclude(kanaal="portaal")
                .count()
            )

        # Time from the moment the worker answers a ping, so its start-up
        # (imports, connecting) is not counted as delivery time.
        while not app.control.ping(timeout=0.2):
            time.sleep(0.1)
        start = time.perf_counter()
        al_verzonden = verzonden()
        while verzonden() < berichten and time.perf_counter() - start < 300:
            time.sleep(0.1)
        bezorgd_duur = time.perf_counter() - start
        bezorgd = verzonden() - al_verzonden

        regels = [
            f"Zaken en berichten, {AANTAL} zaken; PostgreSQL, Redis, Celery-worker (2 processen)",
            f"machine: {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}",
            "",
            "| meting | resultaat |",
            "| --- | --- |",
            f"| overgangen via de service | {overgangen / duur:.0f} per s "
            f"({overgangen} in {duur:.1f} s) |",
            f"| berichten bezorgd (worker, eind tot eind) | {bezorgd / bezorgd_duur:.0f} per s "
            f"({verzonden()} van {berichten} verzonden; {bezorgd} gemeten "
            f"in {bezorgd_duur:.1f} s) |",
        ]
        print("\n".join(regels))
    finally:
        for proces in processen:
            proces.send_signal(signal.SIGTERM)
        for proces in processen:
            try:
                proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proces.kill()
        connection.creation.destroy_test_db(testdb, verbosity=0)


if __name__ == "__main__":
    main()
