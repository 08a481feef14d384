from django import template
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
