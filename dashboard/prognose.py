"""Forecast and staffing.

The forecast of a day is the average of the same weekday in the last
``WEKEN`` weeks, per half hour (a weekday x interval profile), times the
trend: the volume of the last four weeks against the four before (kept
between 0.8 and 1.25, so one odd month does not run away). Days without
any contact (holidays) are left out of the average. Its accuracy is
measured by forecasting past weeks from the data before them:
1 - |actual - forecast| / actual per interval, averaged over the intervals
with contacts.

Nothing is forecast when the channel is closed: on public holidays and the
municipality's closing days, and outside a channel's opening hours (the
same calendar the counter and the contact page use), so no staff is
planned for Christmas Day.

Staffing per interval is Erlang C (dashboard.erlang) on the forecast, with
the channel's average handling time of the last four weeks, and beside it
Erlang A with the callers' patience measured from the same weeks' queue
(those who hung up, against the time everyone waited). A chat agent handles
several chats at once: each chat place is a server of the queue, and an
agent brings that many places.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Sum
from django.utils import timezone

from dashboard import erlang
from dashboard.models import DREMPELS, ContactenPerHalfuur, WachtrijPerHalfuur
from dashboard.selectors import WACHTRIJKANALEN
from kanalen.models import Kanaal
from kcc import kalender

WEKEN = 8
INTERVAL_SECONDEN = 1800
SLOTS = 48
STANDAARD_AHT = 300


def historie(kanaal: str, van: date, tot: date) -> dict[date, list[float]]:
    """Volume per day and half hour in [van, tot]: offered (queue events) for
    a queued channel, contacts for the others."""
    if kanaal in WACHTRIJKANALEN:
        rijen = WachtrijPerHalfuur.objects.filter(kanaal=kanaal).values_list(
            "datum", "halfuur", "aangeboden"
        )
    else:
        rijen = ContactenPerHalfuur.objects.filter(kanaal=kanaal).values_list(
            "datum", "halfuur", "contacten"
        )
    dagen: dict[date, list[float]] = {}
    for dag, slot, aantal in rijen.filter(datum__gte=van, datum__lte=tot):
        dagen.setdefault(dag, [0.0] * SLOTS)[slot] += aantal
    return dagen


def _trend(reeks: dict[date, list[float]], basis: date) -> float:
    recent = sum(sum(v) for d, v in reeks.items() if basis - timedelta(weeks=4) <= d < basis)
    ervoor = sum(
        sum(v)
        for d, v in reeks.items()
        if basis - timedelta(weeks=8) <= d < basis - timedelta(weeks=4)
    )
    if not recent or not ervoor:
        return 1.0
    return min(1.25, max(0.8, recent / ervoor))


def _dagprognose(reeks: dict[date, list[float]], dag: date, basis: date, trend: float):
    gelijke = []
    terug = dag - timedelta(weeks=1)
    while len(gelijke) < WEKEN and terug >= basis - timedelta(weeks=WEKEN + 8):
        if terug < basis and sum(reeks.get(terug, [])) > 0:
            gelijke.append(reeks[terug])
        terug -= timedelta(weeks=1)
    if not gelijke:
        return [0.0] * SLOTS
    return [trend * sum(d[slot] for d in gelijke) / len(gelijke) for slot in range(SLOTS)]


def gesloten(kanaal: str, dag: date) -> str | None:
    """Why the channel is closed all of ``dag`` (a public holiday, a closing
    day), or None."""
    if kalender.is_feestdag(dag):
        return kalender.feestdagen(dag.year)[dag]
    if dag in kalender.sluitingsdagen():
        return "Sluitingsdag"
    return None


def _open_slots(tijden, dag: date) -> list[bool]:
    """Per half hour of ``dag``: the channel is open at its start (channels
    without opening hours are open all day)."""
    if not tijden:
        return [True] * SLOTS
    tz = timezone.get_current_timezone()
    begin = datetime.combine(dag, time.min, tzinfo=tz)
    return [kalender.is_open(tijden, begin + timedelta(minutes=30 * s)) for s in range(SLOTS)]


def prognose(kanaal: str, *, van: date, dagen: int, basis: date) -> dict[date, list[float]]:
    """Forecast per half hour for ``dagen`` days from ``van``, from the data
    before ``basis``; nothing while the channel is closed."""
    eind = van + timedelta(days=dagen - 1)
    reeks = historie(
        kanaal, basis - timedelta(weeks=WEKEN + 8), min(eind, basis - timedelta(days=1))
    )
    trend = _trend(reeks, basis)
    register = Kanaal.objects.filter(soort=kanaal).prefetch_related("openingstijden").first()
    tijden = register.openingstijden_tuples() if register else []
    uitkomst = {}
    for i in range(dagen):
        dag = van + timedelta(days=i)
        if gesloten(kanaal, dag):
            uitkomst[dag] = [0.0] * SLOTS
            continue
        verwacht = _dagprognose(reeks, dag, basis, trend)
        uitkomst[dag] = [
            w if o else 0.0 for w, o in zip(verwacht, _open_slots(tijden, dag), strict=True)
        ]
    return uitkomst


def nauwkeurigheid(kanaal: str, *, basis: date, weken: int = 2) -> float | None:
    """Forecast accuracy (%) over the last ``weken`` weeks before ``basis``:
    each week forecast from the data before it."""
    scores = []
    for w in range(weken, 0, -1):
        start = basis - timedelta(weeks=w)
        voorspeld = prognose(kanaal, van=start, dagen=7, basis=start)
        werkelijk = historie(kanaal, start, start + timedelta(days=6))
        for dag, slots in voorspeld.items():
            for slot, waarde in enumerate(slots):
                echt = werkelijk.get(dag, [0.0] * SLOTS)[slot]
                if echt > 0:
                    scores.append(max(0.0, 1 - abs(echt - waarde) / echt))
    return round(100 * sum(scores) / len(scores), 1) if scores else None


def gemiddelde_afhandeltijd(kanaal: str, *, basis: date) -> float:
    r = ContactenPerHalfuur.objects.filter(
        kanaal=kanaal, datum__gte=basis - timedelta(weeks=4), datum__lt=basis
    ).aggregate(duur=Sum("duur_seconden"), nawerk=Sum("nawerk_seconden"), n=Sum("behandeld"))
    if not r["n"]:
        return STANDAARD_AHT
    return ((r["duur"] or 0) + (r["nawerk"] or 0)) / r["n"]


def geduld(kanaal: str, *, basis: date) -> float | None:
    """The callers' mean patience in seconds over the last four weeks (the
    exponential's estimate: those who hung up, divided into the time all
    callers waited); None without enough abandonments to say.

    The wait of those who hung up is known per threshold (hung up within 10,
    20, 30 ... seconds): each counts at the middle of its band, beyond the
    last one at 1.5 times it."""
    velden = ["verlaten", "wacht_seconden"] + [f"verlaten_{d}" for d in DREMPELS]
    r = WachtrijPerHalfuur.objects.filter(
        kanaal=kanaal, datum__gte=basis - timedelta(weeks=4), datum__lt=basis
    ).aggregate(**{veld: Sum(veld) for veld in velden})
    verlaten = r["verlaten"] or 0
    if verlaten < 20:
        return None
    wacht_verlaten, vorige_grens, vorige_aantal = 0.0, 0, 0
    for grens in DREMPELS:
        aantal = r[f"verlaten_{grens}"] or 0
        wacht_verlaten += (aantal - vorige_aantal) * (vorige_grens + grens) / 2
        vorige_grens, vorige_aantal = grens, aantal
    wacht_verlaten += (verlaten - vorige_aantal) * DREMPELS[-1] * 1.5
    return ((r["wacht_seconden"] or 0) + wacht_verlaten) / verlaten


@dataclass
class Planregel:
    halfuur: int
    bezetting: erlang.Bezetting
    # Erlang A with the measured patience (None when it is not known).
    ongeduldig: erlang.ErlangA | None = None
    per_medewerker: int = 1  # chats one agent handles at once
    shrinkage: float = 0.0

    @property
    def tijd(self) -> str:
        return f"{self.halfuur // 2:02d}:{self.halfuur % 2 * 30:02d}"

    @property
    def nodig_c(self) -> int:
        return math.ceil(self.bezetting.agenten / self.per_medewerker)

    @property
    def nodig_a(self) -> int | None:
        if self.ongeduldig is None:
            return None
        return math.ceil(self.ongeduldig.agenten / self.per_medewerker)

    @property
    def ingeroosterd(self) -> int:
        """To schedule: Erlang A when the patience is known, else Erlang C,
        divided by what is not spent on the channel."""
        nodig = self.nodig_a if self.nodig_a is not None else self.nodig_c
        return math.ceil(nodig / (1 - self.shrinkage) - 1e-9)


def planning(
    kanaal: str,
    *,
    dag: date,
    basis: date,
    doel_servicelevel: float,
    binnen: int,
    max_bezettingsgraad: float,
    shrinkage: float,
    per_medewerker: int = 1,
    aht: float | None = None,
    patience: float | None = None,
) -> tuple[list[Planregel], float]:
    """Required agents per half hour of ``dag`` (intervals with a forecast),
    and the AHT it used. ``per_medewerker`` chats are handled at once by one
    agent; ``aht`` and ``patience`` may be passed when already read (a week)."""
    aht = aht if aht is not None else gemiddelde_afhandeltijd(kanaal, basis=basis)
    verwacht = prognose(kanaal, van=dag, dagen=1, basis=basis)[dag]
    regels = []
    for slot, aanbod in enumerate(verwacht):
        if aanbod < 0.05:
            continue
        interval = {
            "aanbod": aanbod,
            "interval_seconden": INTERVAL_SECONDEN,
            "aht": aht,
            "doel_servicelevel": doel_servicelevel,
            "binnen": binnen,
            "max_bezettingsgraad": max_bezettingsgraad,
        }
        regels.append(
            Planregel(
                slot,
                erlang.benodigde_agenten(**interval, shrinkage=shrinkage),
                ongeduldig=(
                    erlang.benodigde_agenten_a(**interval, geduld=patience) if patience else None
                ),
                per_medewerker=per_medewerker,
                shrinkage=shrinkage,
            )
        )
    return regels, aht
