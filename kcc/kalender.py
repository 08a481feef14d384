"""The platform's one calendar: working days, Dutch public holidays and the
Algemene termijnenwet (Atw).

Two kinds of day count here:

- a *statutory* working day is not a Saturday, Sunday or a public holiday of
  Atw article 3 — the days that count for a legal term (wettelijke termijn);
- a *service* working day is also not a closing day the municipality
  configured (``Sluitingsdag``, e.g. the Friday after Ascension) — the days
  that count for a service norm (servicenorm), because nobody works then.

Terms run from the day after the starting day: a term of 5 working days from
Monday 2 March ends on Monday 9 March.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from types import MappingProxyType

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

_CACHE_KEY = "kcc:kalender:sluitingsdagen"
logger = logging.getLogger(__name__)


class Eenheid(StrEnum):
    DAGEN = "dagen"  # calendar days
    WERKDAGEN = "werkdagen"
    WEKEN = "weken"


def pasen(jaar: int) -> date:
    """Easter Sunday (Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = jaar % 19, jaar // 100, jaar % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month = (h + leap - 7 * m + 114) // 31
    day = (h + leap - 7 * m + 114) % 31 + 1
    return date(jaar, month, day)


def feestdagen(jaar: int) -> Mapping[date, str]:
    """The public holidays of Atw art. 3 (and those put on a par with them) in ``jaar``."""
    return _feestdagen(jaar)


@lru_cache(maxsize=64)
def _feestdagen(jaar: int) -> Mapping[date, str]:
    paasdag = pasen(jaar)
    koningsdag = date(jaar, 4, 27)
    if koningsdag.weekday() == 6:  # on a Sunday King's Day moves to Saturday the 26th
        koningsdag = date(jaar, 4, 26)
    # Read-only: the cached mapping is shared by every caller.
    return MappingProxyType(
        {
            date(jaar, 1, 1): "Nieuwjaarsdag",
            paasdag - timedelta(days=2): "Goede Vrijdag",
            paasdag: "Eerste Paasdag",
            paasdag + timedelta(days=1): "Tweede Paasdag",
            koningsdag: "Koningsdag",
            date(jaar, 5, 5): "Bevrijdingsdag",
            paasdag + timedelta(days=39): "Hemelvaartsdag",
            paasdag + timedelta(days=49): "Eerste Pinksterdag",
            paasdag + timedelta(days=50): "Tweede Pinksterdag",
            date(jaar, 12, 25): "Eerste Kerstdag",
            date(jaar, 12, 26): "Tweede Kerstdag",
        }
    )


def is_feestdag(dag: date) -> bool:
    return dag in feestdagen(dag.year)


def sluitingsdagen() -> frozenset[date]:
    """The municipality's own closing days (shared cache, refreshed on change).

    The cache is a convenience: when it is down (Redis restarting) the days
    come from the database, so registering a case never depends on it.
    """
    from kcc.models import Sluitingsdag

    try:
        dagen = cache.get(_CACHE_KEY)
    except Exception:  # any cache backend error
        logger.warning("Cache unavailable; closing days read from the database", exc_info=True)
        return frozenset(Sluitingsdag.objects.values_list("datum", flat=True))
    if dagen is None:
        dagen = frozenset(Sluitingsdag.objects.values_list("datum", flat=True))
        try:
            cache.set(_CACHE_KEY, dagen, timeout=3600)
        except Exception:  # any cache backend error
            logger.warning("Cache unavailable; closing days not cached", exc_info=True)
    return dagen


def sluitingsdagen_vergeten() -> None:
    """Called when a closing day is added, changed or removed: the cache is
    cleared once the change is committed (a read before that would cache the
    old days again)."""

    def vergeten():
        try:
            cache.delete(_CACHE_KEY)
        except Exception:  # the entry expires within the hour anyway
            logger.warning("Cache unavailable; closing days expire by themselves", exc_info=True)

    transaction.on_commit(vergeten)


def is_wettelijke_werkdag(dag: date) -> bool:
    return dag.weekday() < 5 and not is_feestdag(dag)


def is_werkdag(dag: date, *, gesloten: Iterable[date] | None = None) -> bool:
    """A service working day: a statutory one on which the municipality is open."""
    gesloten = sluitingsdagen() if gesloten is None else gesloten
    return is_wettelijke_werkdag(dag) and dag not in gesloten


def werkdagen_optellen(start: date, aantal: int) -> date:
    """The ``aantal``-th service working day after ``start`` (``aantal`` >= 0).

    With ``aantal`` 0 it is ``start`` itself, or the next working day.
    """
    if aantal < 0:
        raise ValueError("aantal must be zero or more")
    gesloten = sluitingsdagen()
    dag = start
    if aantal == 0:
        while not is_werkdag(dag, gesloten=gesloten):
            dag += timedelta(days=1)
        return dag
    while aantal:
        dag += timedelta(days=1)
        if is_werkdag(dag, gesloten=gesloten):
            aantal -= 1
    return dag


def werkdagen_tussen(start: date, eind: date) -> int:
    """Service working days after ``start`` up to and including ``eind``."""
    gesloten = sluitingsdagen()
    return sum(
        1
        for offset in range(1, (eind - start).days + 1)
        if is_werkdag(start + timedelta(days=offset), gesloten=gesloten)
    )


def servicenorm_einde(start: date, aantal: int, eenheid: str) -> date:
    """The date a service norm (e.g. "5 werkdagen", "2 weken") falls due.

    A norm in days or weeks that ends on a day the municipality is closed
    falls due on the next working day.
    """
    if eenheid == Eenheid.WERKDAGEN:
        return werkdagen_optellen(start, aantal)
    einde = start + timedelta(days=aantal * 7 if eenheid == Eenheid.WEKEN else aantal)
    return werkdagen_optellen(einde, 0)


def atw_toepassen(start: date, einde: date) -> date:
    """Apply Atw art. 1 and 2 to a statutory term running from ``start`` to ``einde``.

    Art. 1: a term ending on a Saturday, Sunday or public holiday ends on the
    next day that is none of these. Art. 2: a term of at least three days (as
    the law states it, before art. 1 moved its end) lasts until it contains
    at least two such days.
    """
    minstens_drie_dagen = (einde - start).days >= 3
    while not is_wettelijke_werkdag(einde):
        einde += timedelta(days=1)
    if minstens_drie_dagen:
        while _wettelijke_werkdagen(start, einde) < 2:
            einde += timedelta(days=1)
            while not is_wettelijke_werkdag(einde):
                einde += timedelta(days=1)
    return einde


def _wettelijke_werkdagen(start: date, einde: date) -> int:
    return sum(
        1
        for offset in range(1, (einde - start).days + 1)
        if is_wettelijke_werkdag(start + timedelta(days=offset))
    )


def wettelijk_einde_ruw(start: date, aantal: int, eenheid: str) -> date:
    """Where a statutory term ends before the Atw moves it (for working days:
    the last working day itself)."""
    if eenheid == Eenheid.WERKDAGEN:
        einde = start
        while aantal:
            einde += timedelta(days=1)
            if is_wettelijke_werkdag(einde):
                aantal -= 1
        return einde
    return start + timedelta(days=aantal * 7 if eenheid == Eenheid.WEKEN else aantal)


def wettelijke_termijn_einde(start: date, aantal: int, eenheid: str) -> date:
    """The last day of a statutory term of ``aantal`` ``eenheid`` from ``start``, per the Atw."""
    return atw_toepassen(start, wettelijk_einde_ruw(start, aantal, eenheid))


def is_open(openingstijden: Iterable[tuple[int, time, time]], moment: datetime) -> bool:
    """Whether a channel with these opening hours is open at ``moment``.

    ``openingstijden`` holds (weekday 0=Monday, opens, closes) rows. Closed on
    public holidays and the municipality's closing days.
    """
    lokaal = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    if is_feestdag(lokaal.date()) or lokaal.date() in sluitingsdagen():
        return False
    nu = lokaal.time()
    return any(
        weekdag == lokaal.weekday() and open_ <= nu < dicht
        for weekdag, open_, dicht in openingstijden
    )
