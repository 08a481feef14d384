"""Full-text search over the catalogue and the knowledge base.

On PostgreSQL: Dutch stemming and stop words (``to_tsvector('dutch', ...)``)
on the ``zoektekst`` column, served by a GIN index, ranked with the title and
keywords weighted above the body. The words are OR-ed, so a caller's extra
words ("ik ben mijn paspoort kwijt") do not hide the answer; the rank puts
the items matching most words first. The last word also matches as a prefix,
for search-as-you-type.

On SQLite (the embedded development database) a simpler fallback counts
word matches.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import QuerySet

_WOORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_WOORDEN = 12


def woorden(zoekterm: str) -> list[str]:
    return [w.lower() for w in _WOORD.findall(zoekterm)][:MAX_WOORDEN]


def _tsquery(ws: list[str]) -> SearchQuery:
    # Only letters and digits reach the raw query (see _WOORD): nothing a
    # caller types can change its syntax.
    termen = [*ws[:-1], f"{ws[-1]}:*"]
    return SearchQuery(" | ".join(termen), config="dutch", search_type="raw")


def zoek(
    queryset: QuerySet, *, zoekterm: str, titel: str, trefwoorden: str, tekst: str, limit: int
) -> list:
    """The best ``limit`` rows of ``queryset`` for ``zoekterm``, best first."""
    ws = woorden(zoekterm)
    if not ws:
        return []
    if connection.vendor == "postgresql":
        query = _tsquery(ws)
        gewogen = (
            SearchVector(titel, weight="A", config="dutch")
            + SearchVector(trefwoorden, weight="A", config="dutch")
            + SearchVector(tekst, weight="C", config="dutch")
        )
        return list(
            queryset.annotate(_match=SearchVector("zoektekst", config="dutch"))
            .filter(_match=query)
            .annotate(rank=SearchRank(gewogen, query))
            .order_by("-rank", titel)[:limit]
        )
    return _zoek_eenvoudig(queryset, ws=ws, titel=titel, trefwoorden=trefwoorden, limit=limit)


# The commonest Dutch function words; PostgreSQL's 'dutch' configuration
# drops these (and more) itself.
_STOPWOORDEN = frozenset(
    (  # noqa: SIM905 - a sentence of words reads better than a 46-line literal
        "de het een en in is ik je u mijn uw ben bent wat hoe waar wie kan moet wil "
        "van voor met op aan te er niet dat die dit om of als bij naar ook nog al "
        "heb heeft hebben wordt worden zijn was"
    ).split()
)


def _zoek_eenvoudig(queryset, *, ws, titel, trefwoorden, limit):
    from django.db.models import Q

    ws = [w for w in ws if w not in _STOPWOORDEN] or ws
    filters = Q()
    for w in ws:
        filters |= Q(zoektekst__icontains=w[:6] if len(w) > 6 else w)
    scored = []
    for obj in queryset.filter(filters):
        kop = f"{getattr(obj, titel)} {getattr(obj, trefwoorden)}".lower()
        body = obj.zoektekst.lower()
        score = sum(3 if w[:6] in kop else 1 if w[:6] in body else 0 for w in ws)
        obj.rank = score
        scored.append(obj)
    scored.sort(key=lambda o: (-o.rank, getattr(o, titel)))
    return scored[:limit]
