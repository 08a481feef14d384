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

from kcc import formaat, invoer
from kcc.telefoon import normaliseer_telefoon
from kcc.widgets import DatumInvoer

_POSTCODE = re.compile(r"^\s*(\d{4})\s?([A-Za-z]{2})\s*$")
# A house number with an optional letter and addition: 12, 12A, 12-2, 12 bis.
_HUISNUMMER = re.compile(r"^\s*([1-9]\d{0,4})\s*([A-Za-z]?)(?:\s*[-/ ]?\s*([A-Za-z0-9]{1,4}))?\s*$")
WEEKDAGEN = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}
_DAGNAMEN = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def weekdagen_lezen(tekst: str) -> set[int]:
    """'ma, do' as weekday numbers; a ValueError names what is not a day."""
    dagen = set()
    for deel in re.split(r"[\s,;]+", (tekst or "").strip().lower()):
        if not deel:
            continue
        if deel[:2] not in WEEKDAGEN:
            raise ValueError(deel)
        dagen.add(WEEKDAGEN[deel[:2]])
    return dagen


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


class HuisnummerField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        match = _HUISNUMMER.match(value)
        if not match:
            raise ValidationError(
                _("Vul een huisnummer in cijfers in, eventueel met een letter: 12 of 12A."),
                code="huisnummer",
            )
        nummer, letter, toevoeging = match.groups()
        return nummer + letter.upper() + (f"-{toevoeging.upper()}" if toevoeging else "")


class BedragField(forms.DecimalField):
    """An amount as people type it: '12,50', '1.250,50', '€ 7.495,20', or
    '12.50' (a point without a comma is the decimal point)."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("€", "").replace(" ", "").strip()
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
        return super().to_python(value)


class DatumField(forms.DateField):
    """A date within days from today (``vanaf``, ``tot``, either may be
    None) and, with ``weekdagen``, only on those weekdays and never on a
    public holiday. The range is worked out when the answer is checked."""

    def __init__(self, *, vanaf=None, tot=None, weekdagen=frozenset(), **kwargs):
        self.vanaf, self.tot, self.weekdagen = vanaf, tot, frozenset(weekdagen)
        super().__init__(widget=DatumInvoer(), **kwargs)

    def grenzen(self) -> tuple[date | None, date | None]:
        from datetime import timedelta

        from django.utils import timezone

        vandaag = timezone.localdate()
        return (
            None if self.vanaf is None else vandaag + timedelta(days=self.vanaf),
            None if self.tot is None else vandaag + timedelta(days=self.tot),
        )

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        van, tot = self.grenzen()
        if van:
            attrs["min"] = van.isoformat()
        if tot:
            attrs["max"] = tot.isoformat()
        return attrs

    def validate(self, value):
        from django.utils.formats import date_format

        from kcc import kalender

        super().validate(value)
        if value in self.empty_values:
            return
        van, tot = self.grenzen()
        if van and value < van:
            raise ValidationError(
                _("Kies een datum vanaf %(datum)s.") % {"datum": date_format(van, "j F Y")},
                code="te_vroeg",
            )
        if tot and value > tot:
            raise ValidationError(
                _("Kies een datum tot en met %(datum)s.") % {"datum": date_format(tot, "j F Y")},
                code="te_laat",
            )
        if self.weekdagen and (
            value.weekday() not in self.weekdagen or kalender.is_feestdag(value)
        ):
            dagen = " of ".join(_DAGNAMEN[d] for d in sorted(self.weekdagen))
            raise ValidationError(
                _("Kies een %(dagen)s die geen feestdag is.") % {"dagen": dagen},
                code="weekdag",
            )


def _dagen(waarde) -> int | None:
    return None if waarde in (None, "") else int(Decimal(waarde))


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
        return forms.CharField(
            max_length=invoer.NOTITIE, widget=forms.Textarea(attrs={"rows": 4}), **opties
        )
    if soort == "getal":
        return forms.DecimalField(
            min_value=minimum, max_value=maximum, max_digits=12, decimal_places=2, **opties
        )
    if soort == "aantal":
        opties["error_messages"]["invalid"] = _("Vul een heel getal in, zoals 2.")
        return forms.IntegerField(
            min_value=int(minimum) if minimum is not None else None,
            max_value=int(maximum) if maximum is not None else None,
            widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": "1"}),
            **opties,
        )
    if soort == "bedrag":
        opties["error_messages"]["invalid"] = _("Vul een bedrag in euro in, zoals 12,50.")
        return BedragField(
            min_value=minimum,
            max_value=maximum,
            max_digits=12,
            decimal_places=2,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            **opties,
        )
    if soort == "datum":
        return DatumField(
            vanaf=_dagen(vraag.get("minimum")),
            tot=_dagen(vraag.get("maximum")),
            weekdagen=weekdagen_lezen(vraag.get("weekdagen", "")),
            **opties,
        )
    if soort == "huisnummer":
        return HuisnummerField(max_length=20, **opties)
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
    soorten = {v["sleutel"]: v["soort"] for v in vragen}
    return {
        # An amount keeps its cents: '1250.50', as it is read back.
        sleutel: f"{waarde:.2f}" if soorten[sleutel] == "bedrag" else _opslaan(waarde)
        for sleutel, waarde in formulier.cleaned_data.items()
        if waarde not in ("", None)
    }


def antwoord_leesbaar(vraag: dict | None, waarde) -> str:
    """One answer as the customer and staff read it: a date as '16 januari
    2027', an amount as '€ 1.250,50', a number with a decimal comma, ja/nee.
    Works on a stored answer (ISO date, '1250.50') and on one still as typed
    in a draft; what does not read as its kind is shown as it was typed."""
    soort = (vraag or {}).get("soort")
    if waarde in (None, ""):
        return ""
    if isinstance(waarde, bool) or (soort == "janee" and waarde in ("ja", "nee")):
        return formaat.tekst(waarde in (True, "ja"))
    tekst = str(waarde).strip()
    try:
        if soort == "datum":
            return formaat.datum_lang(date.fromisoformat(tekst))
        if soort in ("getal", "aantal", "bedrag"):
            bedrag = BedragField().to_python(tekst) if soort == "bedrag" else None
            getal = bedrag if bedrag is not None else Decimal(tekst.replace(",", "."))
            return formaat.bedrag(getal) if soort == "bedrag" else formaat.getal(getal)
    except (ValueError, ArithmeticError, ValidationError):
        return tekst
    if soort == "telefoon":
        return formaat.telefoonnummer(tekst)
    if soort == "postcode" and _POSTCODE.match(tekst):
        match = _POSTCODE.match(tekst)
        return f"{match[1]} {match[2].upper()}"
    return tekst


def antwoorden_leesbaar(vragen: list[dict], antwoorden: dict) -> list[tuple[str, str]]:
    """The answers with the questions as the form asked them, in the form's
    order; an answer to a question not in ``vragen`` keeps its key."""
    per_sleutel: dict[str, dict] = {}
    for vraag in vragen:
        per_sleutel.setdefault(vraag["sleutel"], vraag)
    volgorde = {sleutel: i for i, sleutel in enumerate(per_sleutel)}
    return [
        (
            per_sleutel[sleutel]["vraag"] if sleutel in per_sleutel else sleutel,
            antwoord_leesbaar(per_sleutel.get(sleutel), waarde),
        )
        for sleutel, waarde in sorted(
            (antwoorden or {}).items(), key=lambda paar: volgorde.get(paar[0], len(volgorde))
        )
    ]


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
        elif soorten[sleutel] == "bedrag":
            # The field is a text box: '1250,50' as the customer typed it,
            # not the stored '1250.50' (BedragField reads both back).
            waarde = _bedrag_invoer(waarde)
        initial[sleutel] = waarde
    return initial


def _bedrag_invoer(waarde):
    try:
        return formaat.getal(Decimal(str(waarde)), 2, groeperen=False)
    except ArithmeticError:
        return waarde
