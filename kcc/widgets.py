"""Form widgets that render fast.

Django renders every <option> of a select through a template; a workspace
form with a few long lists (products, colleagues) then spends most of the
page's time there. ``SnelleSelect`` writes the same HTML directly.
"""

from __future__ import annotations

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def _html(waarde) -> str:
    """conditional_escape without its lazy-string machinery: what is already
    safe HTML stays as it is, anything else is escaped (as Django does, with
    ``html.escape``)."""
    if hasattr(waarde, "__html__"):
        return waarde.__html__()
    return escape(str(waarde))


def _opties(keuzes, gekozen: set[str]) -> str:
    delen = []
    for waarde, label in keuzes:
        if isinstance(label, list | tuple):  # an optgroup: (group label, [(value, label), ...])
            delen.append(f'<optgroup label="{_html(waarde)}">{_opties(label, gekozen)}</optgroup>')
            continue
        waarde = getattr(waarde, "value", waarde)  # ModelChoiceIteratorValue
        tekst = "" if waarde is None else str(waarde)
        gekozen_attr = " selected" if tekst in gekozen else ""
        delen.append(f'<option value="{escape(tekst)}"{gekozen_attr}>{_html(label)}</option>')
    return mark_safe("".join(delen))  # noqa: S308 - every value above is escaped


class SnelleSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        gekozen = {str(v) for v in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, attrs)
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(final_attrs),
            _opties(self.choices, gekozen),
        )


class SnelleRadio(forms.RadioSelect):
    """Radio buttons as Django writes them, without a template per option."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        basis_id = final_attrs.get("id")
        gekozen = {str(v) for v in self.format_value(value)}
        opties = []
        for index, (waarde, label) in enumerate(self.choices):
            tekst = "" if waarde is None else str(waarde)
            optie_attrs = dict(final_attrs)
            if basis_id:
                optie_attrs["id"] = self.id_for_label(basis_id, index)
            if tekst in gekozen:
                optie_attrs["checked"] = True
            opties.append(
                format_html(
                    '<div><label{}><input type="radio" name="{}" value="{}"{}> {}</label></div>',
                    format_html(' for="{}"', optie_attrs["id"]) if basis_id else "",
                    name,
                    tekst,
                    flatatt(optie_attrs),
                    label,
                )
            )
        return format_html(
            "<div{}{}>{}</div>",
            format_html(' id="{}"', basis_id) if basis_id else "",
            format_html(' class="{}"', final_attrs["class"]) if final_attrs.get("class") else "",
            mark_safe("".join(opties)),  # noqa: S308 - every part went through format_html
        )


class SnelleSelectsForm(forms.Form):
    """A form whose plain selects and radio buttons render without a
    template per option (``SnelleSelect``, ``SnelleRadio``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            if type(veld.widget) is forms.Select:
                veld.widget = SnelleSelect(attrs=veld.widget.attrs, choices=veld.widget.choices)
            elif type(veld.widget) is forms.RadioSelect:
                veld.widget = SnelleRadio(attrs=veld.widget.attrs, choices=veld.widget.choices)


def keuzes_uit_cache(lijsten, seconden: int = 30) -> None:
    """Show long model choice lists (products, colleagues) from the cache.

    ``lijsten`` holds (field, cache key, queryset) triples; the queryset is
    a callable, built only when the cache has no list (building querysets is
    a noticeable part of a busy page). All lists come in one cache round
    trip. They are refreshed every ``seconden``; a form that is posted
    validates against the database instead, so a stale list can never let a
    withdrawn choice through. A product published a moment ago appears
    within ``seconden``.
    """
    from django.core.cache import cache
    from django.utils.translation import get_language

    taal = get_language()
    sleutels = {sleutel: f"keuzes:{sleutel}:{taal}" for _veld, sleutel, _qs in lijsten}
    bewaard = cache.get_many(list(sleutels.values()))
    nieuw = {}
    for veld, sleutel, queryset in lijsten:
        paren = bewaard.get(sleutels[sleutel])
        if paren is None:
            veld.queryset = queryset()
            paren = [
                (str(getattr(obj, veld.to_field_name or "pk")), veld.label_from_instance(obj))
                for obj in veld.queryset
            ]
            nieuw[sleutels[sleutel]] = paren
        leeg = [("", veld.empty_label)] if veld.empty_label is not None else []
        veld.widget.choices = leeg + paren
    if nieuw:
        cache.set_many(nieuw, seconden)


class DatumInvoer(forms.DateInput):
    """A browser's date picker. Its value must be ISO (2026-12-04) whatever
    the language: a Dutch ``04-12-2026`` shows as an empty field."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
