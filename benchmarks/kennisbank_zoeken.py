"""Benchmark: knowledge-base search at 10,000 items.

Creates a throw-away test database (test_<name>, like the test suite), fills
it with N items built from the demo knowledge base (each demo item repeated
with varied wording), and times realistic caller questions three ways in the
same run:

- ``fts+index``: the platform's search (producten.zoeken): a stored weighted
  tsvector column with a GIN index;
- ``fts zonder index``: the same query with index scans switched off;
- ``tsvector per rij``: the weighted vector computed per matching row at query
  time (the first implementation, before the stored column), the baseline
  that shows what the stored column buys;
- ``icontains``: a naive LIKE over the text, what a project without full-text
  search would do.

Run with ``make bench``.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcc.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Q  # noqa: E402

AANTAL = int(os.environ.get("BENCH_ITEMS", "10000"))
HERHALINGEN = int(os.environ.get("BENCH_REPEAT", "5"))
VRAGEN = [
    "ik ben mijn paspoort kwijt",
    "wat kost een id kaart",
    "hoe geef ik mijn verhuizing door",
    "mijn kliko is kapot",
    "kan ik kwijtschelding krijgen voor de afvalstoffenheffing",
    "wanneer wordt het grofvuil opgehaald",
    "ik wil bezwaar maken tegen de woz waarde",
    "parkeervergunning aanvragen voor bewoners",
    "hulp bij schulden",
    "trouwen op zaterdag",
]


def vul(aantal: int) -> None:
    from kcc.devdata.demo import producten as demo
    from producten.models import KennisItem, Publicatiestatus

    bron = demo.als_export()["kennisitems"]
    varianten = ["", " (gemeente)", " - vraag van een inwoner", " in Voorbeeldstad", " voor 2026"]
    items = []
    for i in range(aantal):
        item = bron[i % len(bron)]
        variant = varianten[(i // len(bron)) % len(varianten)]
        k = KennisItem(
            vraag=f"{item['vraag']}{variant} #{i}",
            antwoord=item["antwoord"],
            trefwoorden=item["trefwoorden"],
            status=Publicatiestatus.GEPUBLICEERD,
        )
        k.zoektekst = "\n".join([k.vraag, k.trefwoorden, k.antwoord])
        items.append(k)
    KennisItem.objects.bulk_create(items, batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE producten_kennisitem")


def tijd(functie) -> list[float]:
    gemeten = []
    for _ in range(HERHALINGEN):
        for vraag in VRAGEN:
            start = time.perf_counter()
            functie(vraag)
            gemeten.append((time.perf_counter() - start) * 1000)
    return gemeten


def platform_zoeken(vraag):
    from producten.selectors import kennisitems_zoeken

    return kennisitems_zoeken(zoekterm=vraag, limit=20)


def zonder_index(vraag):
    with connection.cursor() as cursor:
        cursor.execute("SET enable_bitmapscan = off; SET enable_indexscan = off")
    try:
        return platform_zoeken(vraag)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET enable_bitmapscan = on; SET enable_indexscan = on")


def per_rij_berekend(vraag):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    from producten.models import KennisItem
    from producten.zoeken import tsquery_tekst, woorden

    query = SearchQuery(tsquery_tekst(woorden(vraag)), config="dutch", search_type="raw")
    gewogen = (
        SearchVector("vraag", weight="A", config="dutch")
        + SearchVector("trefwoorden", weight="A", config="dutch")
        + SearchVector("antwoord", weight="C", config="dutch")
    )
    return list(
        KennisItem.objects.annotate(m=SearchVector("zoektekst", config="dutch"))
        .filter(m=query)
        .annotate(rank=SearchRank(gewogen, query))
        .order_by("-rank")[:20]
    )


def icontains(vraag):
    from producten.models import KennisItem

    filters = Q()
    for woord in vraag.split():
        if len(woord) > 3:
            filters |= Q(zoektekst__icontains=woord)
    return list(KennisItem.objects.filter(filters)[:20])


def regel(naam, gemeten):
    gemeten = sorted(gemeten)
    p95 = gemeten[int(len(gemeten) * 0.95) - 1]
    return f"| {naam} | {statistics.median(gemeten):.1f} | {p95:.1f} | {max(gemeten):.1f} |"


def main():
    naam = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        start = time.perf_counter()
        vul(AANTAL)
        gevuld = time.perf_counter() - start
        platform_zoeken(VRAGEN[0])  # warm up connection and caches
        rijen = [regel("fts+index (platform)", tijd(platform_zoeken))]
        rijen.append(regel("fts zonder index (basislijn)", tijd(zonder_index)))
        rijen.append(regel("tsvector per rij berekend (basislijn)", tijd(per_rij_berekend)))
        rijen.append(regel("icontains (basislijn)", tijd(icontains)))
        print(f"Kennisbank zoeken, {AANTAL} items, {len(VRAGEN)} vragen x {HERHALINGEN}")
        versie = connection.pg_version // 10000
        print(f"database: {naam} (PostgreSQL {versie}); vullen: {gevuld:.1f} s")
        machine = f"{platform.machine()}, {os.cpu_count()} cores"
        print(f"machine: {machine}, Python {platform.python_version()}")
        print()
        print("| zoekmethode | mediaan ms | p95 ms | max ms |")
        print("| --- | --- | --- | --- |")
        print("\n".join(rijen))
    finally:
        connection.creation.destroy_test_db(naam, verbosity=0)


if __name__ == "__main__":
    main()
