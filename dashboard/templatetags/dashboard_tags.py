from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def kpiwaarde(waarde, eenheid):
    """75.0 "%" -> "75,0%"; 361.2 "s" -> "361 s"; None -> "-"."""
    if waarde is None:
        return "-"
    if eenheid == "%":
        return f"{number_format(waarde, 1)}%"
    return f"{number_format(waarde, 0)} {eenheid}"


@register.filter
def verschil(waarde, eenheid):
    """The change against the previous period, with its sign in words too."""
    if waarde is None:
        return "-"
    teken = "+" if waarde > 0 else ("\N{MINUS SIGN}" if waarde < 0 else "±")
    getal = number_format(abs(waarde), 1 if eenheid == "%" else 0)
    return f"{teken}{getal}{' procentpunt' if eenheid == '%' else ' s'}"


@register.simple_tag
def doelstatus(kpi):
    if kpi.op_doel is None:
        return _("geen gegevens")
    return _("op doel") if kpi.op_doel else _("onder doel")
