"""Shared by the benchmarks on scale data: the scale database and timing.

The scale database (``<name>_schaal`` on the DATABASE_URL server, or
BENCH_SCHAAL_DATABASE) is made once with ``manage.py schaaldata`` and kept:
generating a million customers takes minutes, measuring on them seconds.
Call ``schaal_database()`` before ``django.setup()``.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KLANTEN = int(os.environ.get("BENCH_KLANTEN", "1000000"))
ZAKEN = int(os.environ.get("BENCH_ZAKEN_SCHAAL", "2000000"))
CONTACTEN = int(os.environ.get("BENCH_CONTACTEN", "10000000"))


def schaal_database() -> str:
    """Point DATABASE_URL at the scale database, filling it first if needed."""
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        from kcc import embedded

        url = embedded.urls_for_settings()[0]
    naam = os.environ.get("BENCH_SCHAAL_DATABASE") or url.rsplit("/", 1)[1] + "_schaal"
    schaal_url = url.rsplit("/", 1)[0] + "/" + naam
    os.environ["DATABASE_URL"] = schaal_url
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "database_aanmaken"], check=True, cwd=ROOT)
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], check=True, cwd=ROOT)
    tellen = (
        "from klanten.models import Klant, Klantcontact; from zaken.models import Zaak; "
        "print(Klant.objects.count(), Zaak.objects.count(), Klantcontact.objects.count())"
    )
    uitvoer = subprocess.run(
        [*manage, "shell", "-c", tellen], check=True, cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    klanten, zaken, contacten = (int(x) for x in uitvoer[-3:])
    if zaken < ZAKEN or contacten < CONTACTEN:
        nieuwe_klanten = KLANTEN if klanten < KLANTEN else 0
        print(
            f"Schaaldata maken in {naam} (eenmalig): {nieuwe_klanten} klanten, "
            f"{max(0, ZAKEN - zaken)} zaken, {max(0, CONTACTEN - contacten)} contacten ..."
        )
        start = time.perf_counter()
        subprocess.run(
            [
                *manage,
                "schaaldata",
                f"--klanten={nieuwe_klanten}",
                f"--zaken={max(0, ZAKEN - zaken)}",
                f"--contacten={max(0, CONTACTEN - contacten)}",
                # The demo customer gets years of history, once.
                f"--lange-historie={'999993653' if contacten < 1000 else ''}",
            ],
            check=True,
            cwd=ROOT,
        )
        print(f"Schaaldata klaar in {time.perf_counter() - start:.0f} s")
    return naam


def p(waarden: list[float], fractie: float) -> float:
    geordend = sorted(waarden)
    return geordend[min(len(geordend) - 1, round(fractie * (len(geordend) - 1)))]


def meet(scenarios: dict, herhalingen: int) -> dict[str, list[float]]:
    """Run each scenario ``herhalingen`` times, interleaved (so noise hits all
    alike); milliseconds per call."""
    tijden: dict[str, list[float]] = {naam: [] for naam in scenarios}
    for naam, functie in scenarios.items():
        functie()  # warm up: connection, caches, plans
        del naam
    for _ in range(herhalingen):
        for naam, functie in scenarios.items():
            start = time.perf_counter()
            functie()
            tijden[naam].append((time.perf_counter() - start) * 1000)
    return tijden


def tabel(tijden: dict[str, list[float]], basislijn: str | None = None) -> str:
    regels = ["| scenario | mediaan ms | p95 ms | max ms |" + (" x basis |" if basislijn else "")]
    regels.append("| --- | --- | --- | --- |" + (" --- |" if basislijn else ""))
    basis = statistics.median(tijden[basislijn]) if basislijn else None
    for naam, waarden in tijden.items():
        mediaan = statistics.median(waarden)
        regel = f"| {naam} | {mediaan:.1f} | {p(waarden, 0.95):.1f} | {max(waarden):.1f} |"
        if basis:
            regel += f" {mediaan / basis:.1f} |"
        regels.append(regel)
    return "\n".join(regels)


def machine() -> str:
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}"
    )
