"""Full-text search over the catalogue and the knowledge base.

On PostgreSQL each row has a stored, weighted ``zoekvector`` (a generated
column, migration producten 0005: title and keywords weigh most) with a GIN
index. The words a caller uses are OR-ed, so extra words ("ik ben mijn
paspoort kwijt") do not hide the answer, and ``ts_rank`` puts the rows that
match most (and best) first. Dutch stemming and stop words come from the
'dutch' configuration; the last word also matches as a prefix, for
search-as-you-type. When nothing matches, pg_trgm finds titles and keywords
that look like the words (a typo such as "pasport").
"""

from __future__ import annotations

import re

from django.db.models import BooleanField, FloatField, QuerySet
from django.db.models.expressions import RawSQL

_WOORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_WOORDEN = 12


def woorden(zoekterm: str) -> list[str]:
    return [w.lower() for w in _WOORD.findall(zoekterm)][:MAX_WOORDEN]


def tsquery_tekst(ws: list[str], *, alleen_titel: bool = False) -> str:
    """The raw tsquery for ``ws``. Only letters and digits reach it (see
    _WOORD), so nothing a caller types can change its syntax. With
    ``alleen_titel`` only whole words of the title and keywords (weight A) match."""
    if alleen_titel:
        return " | ".join(f"{w}:A" for w in ws)
    return " | ".join([*ws[:-1], f"{ws[-1]}:*"])


def zoek(
    queryset: QuerySet, *, zoekterm: str, titel: str, trefwoorden: str, tekst: str, limit: int
) -> list:
    """The best ``limit`` rows of ``queryset`` for ``zoekterm``, best first."""
    ws = woorden(zoekterm)
    if not ws:
        return []
    gevonden = list(postgres_zoekopdracht(queryset, ws=ws).order_by("-rank", titel)[:limit])
    # Nothing found: perhaps a typo ("pasport"). Try similar-looking words.
    return gevonden or _op_gelijkenis(
        queryset, zoekterm=" ".join(ws), titel=titel, trefwoorden=trefwoorden, limit=limit
    )


def op_titel(queryset: QuerySet, *, tekst: str, titel: str):
    """The row whose title or keywords name a word of ``tekst`` best (no
    partial words, no look-alikes), or None: for recognising what a message
    is about, where a wrong guess costs more than none."""
    ws = woorden(tekst)
    if not ws:
        return None
    gevonden = postgres_zoekopdracht(queryset, ws=ws, alleen_titel=True)
    return gevonden.order_by("-rank", titel).first()


def postgres_zoekopdracht(
    queryset: QuerySet, *, ws: list[str], alleen_titel: bool = False
) -> QuerySet:
    """``queryset`` narrowed to rows matching ``ws``, annotated with ``rank``."""
    tabel = queryset.model._meta.db_table
    query = tsquery_tekst(ws, alleen_titel=alleen_titel)
    # RawSQL: the generated column is unknown to the model. The table name
    # comes from the model, the words only as a parameter.
    return queryset.annotate(
        _match=RawSQL(  # noqa: S611
            f"{tabel}.zoekvector @@ to_tsquery('dutch'::regconfig, %s)",
            [query],
            output_field=BooleanField(),
        ),
        rank=RawSQL(  # noqa: S611
            f"ts_rank({tabel}.zoekvector, to_tsquery('dutch'::regconfig, %s))",
            [query],
            output_field=FloatField(),
        ),
    ).filter(_match=True)


def _op_gelijkenis(queryset, *, zoekterm, titel, trefwoorden, limit):
    """Rows whose title or keywords contain a word like one of ``zoekterm`` (pg_trgm).

    The ``trigram_word_similar`` lookups (pg_trgm's ``%>`` operator, threshold
    ``pg_trgm.word_similarity_threshold``, 0.6 by default) are served by the
    trigram indexes; the similarity itself only orders the matches.
    """
    from django.contrib.postgres.search import TrigramWordSimilarity
    from django.db.models import Q
    from django.db.models.functions import Greatest

    return list(
        queryset.filter(
            Q(**{f"{titel}__trigram_word_similar": zoekterm})
            | Q(**{f"{trefwoorden}__trigram_word_similar": zoekterm})
        )
        .annotate(
            rank=Greatest(
                TrigramWordSimilarity(zoekterm, titel),
                TrigramWordSimilarity(zoekterm, trefwoorden),
            )
        )
        .order_by("-rank", titel)[:limit]
    )
