import math

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from kcc import formaat

register = template.Library()


def _getal(waarde, decimalen: int) -> str:
    """Rounded half up, then written the Dutch way (kcc.formaat): Django's
    number_format cuts a float off (66.67 would read 66,6)."""
    return formaat.getal(waarde, decimalen)


@register.filter
def kpiwaarde(waarde, eenheid):
    """75.0 "%" -> "75,0%"; 361.2 "s" -> "361 s"; None -> "-"."""
    if waarde is None:
        return "-"
    if eenheid == "%":
        return f"{_getal(waarde, 1)}%"
    return f"{_getal(waarde, 0)} {eenheid}"


@register.filter
def verschil(waarde, eenheid):
    """The change against the previous period, with its sign in words too."""
    if waarde is None:
        return "-"
    teken = "+" if waarde > 0 else ("\N{MINUS SIGN}" if waarde < 0 else "±")
    getal = _getal(abs(waarde), 1 if eenheid == "%" else 0)
    return f"{teken}{getal} {_('procentpunt') if eenheid == '%' else 's'}"


@register.simple_tag
def doelstatus(kpi):
    if kpi.op_doel is None:
        return _("geen gegevens")
    if kpi.te_hoog:
        return _("boven de grens")
    return _("op doel") if kpi.op_doel else _("onder doel")


@register.simple_tag
def doelwaarde(kpi):
    """The target as the table shows it: a minimum, a maximum or a band."""
    if kpi.bovengrens is not None:
        van, tot = kpiwaarde(kpi.doel, kpi.eenheid), kpiwaarde(kpi.bovengrens, kpi.eenheid)
        return f"{van} \N{EN DASH} {tot}"
    teken = "\N{GREATER-THAN OR EQUAL TO}" if kpi.hoger_is_beter else "\N{LESS-THAN OR EQUAL TO}"
    return f"{teken} {kpiwaarde(kpi.doel, kpi.eenheid)}"


@register.simple_tag
def sparklijn(waarden, doel=None, breedte=120, hoogte=32):
    """A KPI's weeks as a line (oldest left), with its target as a dashed
    line; decoration only: the same figures are in the table beside it."""
    punten = [(i, w) for i, w in enumerate(waarden or []) if w is not None]
    if len(punten) < 2:
        return ""
    getallen = [w for _i, w in punten] + ([doel] if doel is not None else [])
    laag, hoog = min(getallen), max(getallen)
    spreiding = (hoog - laag) or 1
    stap = (breedte - 4) / max(len(waarden) - 1, 1)

    def y(w):
        return round(hoogte - 3 - (w - laag) / spreiding * (hoogte - 6), 1)

    lijn = " ".join(f"{round(2 + i * stap, 1)},{y(w)}" for i, w in punten)
    doellijn = (
        format_html(
            '<line x1="2" x2="{}" y1="{}" y2="{}" class="sparklijn__doel"></line>',
            breedte - 2,
            y(doel),
            y(doel),
        )
        if doel is not None
        else ""
    )
    return format_html(
        '<svg class="sparklijn" viewBox="0 0 {b} {h}" width="{b}" height="{h}" aria-hidden="true"'
        ' focusable="false">{d}<polyline points="{p}"></polyline></svg>',
        b=breedte,
        h=hoogte,
        d=doellijn,
        p=lijn,
    )


def _schaal(waarden: list[float], eenheid: str) -> tuple[float, float, float]:
    """The y axis of a trend chart: from, to and the step between its lines,
    round numbers that hold every value (percentages within 0-100)."""
    laag, hoog = min(waarden), max(waarden)
    spreiding = max(hoog - laag, 1.0)
    stap = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000) if spreiding / s <= 5)
    van = math.floor(laag / stap) * stap
    tot = math.ceil(hoog / stap) * stap
    if eenheid == "%":
        van, tot = max(van, 0), min(tot, 100)
    else:
        van = max(van, 0)
    if tot <= van:  # every value the same (100%: no room above)
        van, tot = (tot - stap, tot) if tot >= 100 and eenheid == "%" else (van, van + stap)
    return van, tot, stap


@register.simple_tag
def trendgrafiek(trend, titel_id, breedte=720, hoogte=260):
    """A KPI's weeks as a line chart with its target (dashed) and a y axis
    in round steps; the points off target are drawn hollow, so colour is
    not the only sign. Labelled by the element ``titel_id``; the same
    figures are in the table that follows it."""
    kpi = trend.kpi
    gemeten = [w for w in trend.waarden if w is not None]
    if not gemeten:
        return ""
    van, tot, stap = _schaal(gemeten + ([kpi.doel] if kpi.doel is not None else []), kpi.eenheid)
    links, rechts, boven, onder = 64, 16, 16, 44
    vlak_b, vlak_h = breedte - links - rechts, hoogte - boven - onder
    kolom = vlak_b / max(len(trend.weken) - 1, 1)

    def x(i):
        return round(links + i * kolom, 1)

    def y(w):
        return round(boven + vlak_h - (w - van) / (tot - van) * vlak_h, 1)

    delen = []
    lijn = van
    while lijn <= tot + 1e-9:
        delen.append(
            format_html(
                '<line class="trend__raster" x1="{}" x2="{}" y1="{}" y2="{}"></line>'
                '<text class="trend__as" x="{}" y="{}" text-anchor="end">{}</text>',
                links,
                breedte - rechts,
                y(lijn),
                y(lijn),
                links - 6,
                y(lijn) + 4,
                kpiwaarde(lijn, kpi.eenheid),
            )
        )
        lijn += stap
    for i, (maandag, _waarde) in enumerate(trend.weken):
        delen.append(
            format_html(
                '<text class="trend__as" x="{}" y="{}" text-anchor="middle">{}</text>',
                x(i),
                hoogte - onder + 18,
                f"{maandag.day}-{maandag.month}",
            )
        )
    if kpi.doel is not None and van <= kpi.doel <= tot:
        delen.append(
            format_html(
                '<line class="trend__doel" x1="{}" x2="{}" y1="{}" y2="{}"></line>'
                '<text class="trend__as" x="{}" y="{}" text-anchor="end">{}</text>',
                links,
                breedte - rechts,
                y(kpi.doel),
                y(kpi.doel),
                breedte - rechts,
                y(kpi.doel) - 5,
                _("doel"),
            )
        )
    punten = [(x(i), y(w), w) for i, (_m, w) in enumerate(trend.weken) if w is not None]
    delen.append(
        format_html(
            '<polyline class="trend__lijn" points="{}"></polyline>',
            " ".join(f"{px},{py}" for px, py, _w in punten),
        )
    )
    for px, py, w in punten:
        op_doel = weekstatus(trend, w) != _("onder doel")
        delen.append(
            format_html(
                '<circle class="trend__punt{}" cx="{}" cy="{}" r="5"></circle>',
                "" if op_doel else " trend__punt--af",
                px,
                py,
            )
        )
    delen.append(
        format_html(
            '<text class="trend__as" x="{}" y="{}" text-anchor="middle">{}</text>',
            links + vlak_b / 2,
            hoogte - 6,
            _("week die begint op"),
        )
    )
    return format_html(
        '<svg class="trend" viewBox="0 0 {b} {h}" role="img" aria-labelledby="{t}"'
        ' focusable="false">{d}</svg>',
        b=breedte,
        h=hoogte,
        t=titel_id,
        d=format_html_join("", "{}", ((deel,) for deel in delen)),
    )


@register.simple_tag
def weekstatus(trend, waarde):
    """One week of a trend against the KPI's target, in words."""
    if waarde is None or trend.kpi.doel is None:
        return _("geen gegevens")
    op_doel = waarde >= trend.kpi.doel if trend.kpi.hoger_is_beter else waarde <= trend.kpi.doel
    return _("op doel") if op_doel else _("onder doel")


@register.filter
def reeks(verloop, code):
    return verloop.get(code, []) if verloop else []


@register.filter
def afwijking(waarde):
    """-19.7 -> "20% onder de prognose"; 12.3 -> "12% boven de prognose"."""
    if waarde is None:
        return ""
    if abs(waarde) < 0.5:
        return _("gelijk aan de prognose")
    tekst = (
        _("%(procent)s%% boven de prognose") if waarde > 0 else _("%(procent)s%% onder de prognose")
    )
    return tekst % {"procent": _getal(abs(waarde), 0)}
