"""A product's online form: its questions, built from the frozen product version.

The same questions are asked on every channel: the portal, the agent who
registers a request on the customer's behalf, and the API. ``antwoorden_controleren``
is the one check of the answers; ``formulier_voor`` builds the Django form the
screens render, with the same fields, so a wrong answer gets the same message
everywhere, tied to its field.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kcc.telefoon import normaliseer_telefoon

_POSTCODE = re.compile(r"^\s*(\d{4})\s?([A-Za-z]{2})\s*$")
_JANEE = [("ja", gettext_lazy("Ja")), ("nee", gettext_lazy("Nee"))]


class TelefoonField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        return normaliseer_telefoon(value) if value else value


class PostcodeField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        match = _POSTCODE.match(value)
        if not match:
            raise ValidationError(_("Vul een postcode in als 1234 AB."), code="postcode")
        return f"{match[1]}{match[2].upper()}"


def _veld(vraag: dict) -> forms.Field:
    soort = vraag["soort"]
    opties = {
        "label": vraag["vraag"],
        "help_text": vraag.get("toelichting", ""),
        "required": vraag.get("verplicht", True),
        "error_messages": {
            "required": _("Maak een keuze.") if soort in ("keuze", "janee") else _("Vul dit in.")
        },
    }
    minimum = Decimal(vraag["minimum"]) if vraag.get("minimum") is not None else None
    maximum = Decimal(vraag["maximum"]) if vraag.get("maximum") is not None else None
    if soort == "tekstvak":
        return forms.CharField(max_length=4000, widget=forms.Textarea(attrs={"rows": 4}), **opties)
    if soort == "getal":
        return forms.DecimalField(
            min_value=minimum, max_value=maximum, max_digits=12, decimal_places=2, **opties
        )
    if soort == "datum":
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **opties)
    if soort == "keuze":
        keuzes = [(k, k) for k in vraag.get("keuzes", [])]
        return forms.ChoiceField(choices=[("", _("Maak een keuze")), *keuzes], **opties)
    if soort == "janee":
        return forms.ChoiceField(choices=_JANEE, widget=forms.RadioSelect, **opties)
    if soort == "email":
        return forms.EmailField(max_length=254, **opties)
    if soort == "telefoon":
        return TelefoonField(max_length=20, widget=forms.TextInput(attrs={"type": "tel"}), **opties)
    if soort == "postcode":
        return PostcodeField(max_length=7, **opties)
    return forms.CharField(max_length=300, **opties)


def formulier_voor(vragen: list[dict], *, data=None, initial=None, prefix=None) -> forms.Form:
    """A Django form with one field per question, in the catalogue's order."""
    velden = {vraag["sleutel"]: _veld(vraag) for vraag in vragen}
    klasse = type("ProductFormulier", (forms.Form,), velden)
    return klasse(data=data, initial=initial, prefix=prefix)


def _opslaan(waarde):
    """A cleaned value as it is stored in the case (JSON)."""
    if isinstance(waarde, Decimal):
        return int(waarde) if waarde == waarde.to_integral_value() else str(waarde)
    if isinstance(waarde, date):
        return waarde.isoformat()
    if waarde == "ja":
        return True
    if waarde == "nee":
        return False
    return waarde


def antwoorden_controleren(vragen: list[dict], antwoorden: dict) -> dict:
    """The answers, checked and normalised, or a ValidationError with a
    message per question (``error_dict`` keyed by the question's key).

    Answers to questions the form does not ask are dropped: nothing is stored
    that the customer was not asked for.
    """
    ruw = {}
    for sleutel, waarde in (antwoorden or {}).items():
        if isinstance(waarde, bool):
            waarde = "ja" if waarde else "nee"
        ruw[sleutel] = "" if waarde is None else str(waarde)
    formulier = formulier_voor(vragen, data=ruw)
    if not formulier.is_valid():
        raise ValidationError(formulier.errors.as_data())
    return {
        sleutel: _opslaan(waarde)
        for sleutel, waarde in formulier.cleaned_data.items()
        if waarde not in ("", None)
    }


def herbruikbare_antwoorden(vragen: list[dict], eerder: dict) -> dict:
    """Earlier answers a new form may start from: those to its own questions,
    but never a date, which belongs to the request it was given for (a pickup
    or moving date of last year is no answer for this one)."""
    soorten = {v["sleutel"]: v["soort"] for v in vragen}
    return {
        sleutel: waarde
        for sleutel, waarde in (eerder or {}).items()
        if sleutel in soorten and soorten[sleutel] != "datum"
    }


def formulier_initial(vragen: list[dict], antwoorden: dict) -> dict:
    """Stored answers as a form's initial values (e.g. a draft or an earlier request)."""
    soorten = {v["sleutel"]: v["soort"] for v in vragen}
    initial = {}
    for sleutel, waarde in (antwoorden or {}).items():
        if sleutel not in soorten:
            continue
        if isinstance(waarde, bool):
            waarde = "ja" if waarde else "nee"
        initial[sleutel] = waarde
    return initial
