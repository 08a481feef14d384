"""Reliability run for the outbox: nothing lost, nothing sent twice.

During a burst of notifying case registrations (default 5,000), Redis is
stopped for 30 s and the Celery worker is killed (SIGKILL) once and started
again. Celery beat runs throughout. Afterwards the script waits until the
outbox is empty and counts: messages written, messages sent, e-mails that
left (one file per e-mail, by Message-ID) and Message-IDs seen twice.

Needs DATABASE_URL and REDIS_URL, and permission to stop and start the local
Redis (it restarts it with the same command CI uses). Runs in a throw-away
test database with short time limits (task 20 s, lease 40 s) so a killed
worker's claims come back within the run.

    DATABASE_URL=... REDIS_URL=redis://127.0.0.1:6379/3 \\
        .venv/bin/python benchmarks/berichten_betrouwbaarheid.py
"""

from __future__ import annotations

import collections
import io
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcc.settings")
os.environ.setdefault("CELERY_TASK_TIME_LIMIT", "20")
os.environ.setdefault("OUTBOX_LEASE_SECONDS", "40")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

AANTAL = int(os.environ.get("BETROUWBAARHEID_AANTAL", "5000"))
REDIS_POORT = int(settings.REDIS_URL.rsplit(":", 1)[1].split("/")[0]) if settings.REDIS_URL else 0


def redis_stoppen():
    subprocess.run(
        ["redis-cli", "-p", str(REDIS_POORT), "shutdown", "nosave"],
        capture_output=True,
        check=False,
    )


def redis_starten():
    subprocess.run(
        [
            "redis-server",
            "--daemonize",
            "yes",
            "--bind",
            "127.0.0.1",
            "-::1",
            "--port",
            str(REDIS_POORT),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            "/var/lib/redis",
            "--logfile",
            "/var/log/redis/ci.log",
        ],
        check=True,
    )
    for _ in range(50):
        uit = subprocess.run(
            ["redis-cli", "-p", str(REDIS_POORT), "ping"], capture_output=True, text=True
        )
        if uit.stdout.strip() == "PONG":
            return
        time.sleep(0.1)
    raise RuntimeError("Redis did not come back")


def main():
    if not (settings.DATABASE_URL and settings.REDIS_URL):
        sys.exit("This script needs DATABASE_URL (PostgreSQL) and REDIS_URL.")
    from kcc.celery import app

    app.conf.task_always_eager = False
    testdb = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    postvak = Path(tempfile.mkdtemp(prefix="kcc-betrouwbaarheid-"))
    env = {
        **os.environ,
        "DATABASE_URL": settings.DATABASE_URL.rsplit("/", 1)[0] + f"/{testdb}",
        "KCC_VAR_DIR": str(postvak),
        "LOG_LEVEL": "WARNING",
    }
    processen: dict[str, subprocess.Popen] = {}

    def start(naam, *args):
        processen[naam] = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "kcc", *args, "--loglevel=WARNING"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    try:
        from django.core.management import call_command

        call_command("demo_data", stdout=io.StringIO())
        from kanalen.models import Bericht, BerichtStatus
        from kcc.models import User
        from klanten.models import Klant
        from producten.models import Product
        from zaken import services

        Bericht.objects.all().delete()
        app.control.purge()
        product = Product.objects.get(code="uittreksel-brp")
        klant = Klant.objects.get(bsn="999993653")
        tl = User.objects.get(username="teamleider")

        start("worker", "worker", "--pool=prefork", "--concurrency=2")
        start("beat", "beat", f"--schedule={postvak / 'beat-schedule'}")
        gemaakt = 0
        fouten = collections.Counter()

        def burst():
            nonlocal gemaakt
            for _ in range(AANTAL):
                try:
                    services.zaak_registreren(
                        klant=klant, product=product, kanaal="internet", user=tl
                    )
                    gemaakt += 1
                except Exception as error:
                    fouten[type(error).__name__] += 1
            connection.close()

        producent = threading.Thread(target=burst)
        begin = time.perf_counter()
        producent.start()
        gebeurtenissen = []
        while gemaakt < AANTAL * 0.2 and producent.is_alive():
            time.sleep(0.2)
        redis_stoppen()
        gebeurtenissen.append(
            f"{time.perf_counter() - begin:.0f} s: Redis gestopt ({gemaakt} zaken)"
        )
        time.sleep(30)
        redis_starten()
        gebeurtenissen.append(
            f"{time.perf_counter() - begin:.0f} s: Redis weer gestart ({gemaakt} zaken)"
        )
        while gemaakt < AANTAL * 0.6 and producent.is_alive():
            time.sleep(0.2)
        processen["worker"].send_signal(signal.SIGKILL)
        processen["worker"].wait()
        gebeurtenissen.append(
            f"{time.perf_counter() - begin:.0f} s: worker gedood ({gemaakt} zaken)"
        )
        time.sleep(2)
        start("worker", "worker", "--pool=prefork", "--concurrency=2")
        gebeurtenissen.append(f"{time.perf_counter() - begin:.0f} s: worker opnieuw gestart")
        producent.join()
        gebeurtenissen.append(f"{time.perf_counter() - begin:.0f} s: burst klaar ({gemaakt} zaken)")

        # Wait until the outbox is empty (beat hands back the killed worker's claims).
        deadline = time.perf_counter() + 900
        while time.perf_counter() < deadline:
            open_rijen = Bericht.objects.exclude(
                status__in=[BerichtStatus.VERZONDEN, BerichtStatus.MISLUKT]
            ).count()
            if open_rijen == 0:
                break
            time.sleep(2)
        gebeurtenissen.append(f"{time.perf_counter() - begin:.0f} s: uitbox leeg")

        geschreven = Bericht.objects.exclude(kanaal="portaal").count()
        verzonden = (
            Bericht.objects.filter(status=BerichtStatus.VERZONDEN).exclude(kanaal="portaal").count()
        )
        mislukt = Bericht.objects.filter(status=BerichtStatus.MISLUKT).count()
        ids = collections.Counter()
        for bestand in (postvak / "outbox" / "email").glob("*.log"):
            for regel in bestand.read_text(errors="replace").splitlines():
                if regel.startswith("Message-ID: "):
                    ids[regel.removeprefix("Message-ID: ").strip()] += 1
        dubbel = sum(1 for aantal in ids.values() if aantal > 1)

        print(f"Betrouwbaarheid uitbox: {AANTAL} meldende registraties")
        for regel in gebeurtenissen:
            print(f"- {regel}")
        print()
        print("| telling | aantal |")
        print("| --- | --- |")
        print(f"| zaken geregistreerd | {gemaakt} (fouten: {dict(fouten) or 'geen'}) |")
        print(f"| berichten geschreven (e-mail) | {geschreven} |")
        print(f"| berichten verzonden | {verzonden} |")
        print(f"| berichten mislukt | {mislukt} |")
        print(f"| e-mails afgeleverd (unieke Message-ID) | {len(ids)} |")
        print(f"| Message-ID's dubbel afgeleverd | {dubbel} |")
    finally:
        for proces in processen.values():
            proces.send_signal(signal.SIGTERM)
        for proces in processen.values():
            try:
                proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proces.kill()
        redis_starten()
        connection.creation.destroy_test_db(testdb, verbosity=0)


if __name__ == "__main__":
    main()
