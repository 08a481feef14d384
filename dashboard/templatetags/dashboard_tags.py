from django import template
from django.utils.html import format_html
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
    return f"{teken}{getal}{' procentpunt' if eenheid == '%' else ' s'}"


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
