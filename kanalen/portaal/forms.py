"""The portal's forms."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from klanten.models import Klant, Klantcontact


class ContactgegevensPortaalForm(forms.Form):
    email = forms.CharField(
        label=_("E-mailadres"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    telefoon = forms.CharField(
        label=_("Telefoonnummer"),
        max_length=20,
        required=False,
        help_text=_("Een mobiel nummer als u berichten per sms wilt krijgen."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    berichtvoorkeur = forms.ChoiceField(
        label=_("Hoe wilt u berichten over uw aanvragen krijgen?"),
        choices=Klant.Berichtvoorkeur.choices,
        widget=forms.RadioSelect,
        help_text=_("Alle berichten staan ook altijd in Mijn omgeving."),
    )


class VraagOfKlachtForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Wat wilt u doen?"),
        choices=[
            (Klantcontact.Soort.VRAAG, _("Een vraag stellen")),
            (Klantcontact.Soort.KLACHT, _("Een klacht indienen")),
            (Klantcontact.Soort.MELDING, _("Iets melden")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat u wilt doen.")},
    )
    onderwerp = forms.CharField(
        label=_("Onderwerp"),
        max_length=200,
        required=False,
        help_text=_("In een paar woorden, bijvoorbeeld: 'afvalcontainer niet geleegd'."),
    )
    zaak = forms.ChoiceField(label=_("Gaat het over een aanvraag van u?"), required=False)
    tekst = forms.CharField(
        label=_("Uw vraag, klacht of melding"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Schrijf uw vraag, klacht of melding op.")},
    )

    def __init__(self, *args, zaken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._zaken = {str(z.uuid): z for z in zaken}
        self.fields["zaak"].choices = [("", _("Nee, over iets anders"))] + [
            (str(z.uuid), f"{z.nummer}: {z.product.naam}") for z in zaken
        ]

    def clean_zaak(self):
        return self._zaken.get(self.cleaned_data.get("zaak") or "")


class BeoordelingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Welk cijfer geeft u ons?"),
        choices=[
            (1, _("1: heel slecht")),
            (2, _("2: slecht")),
            (3, _("3: neutraal")),
            (4, _("4: goed")),
            (5, _("5: heel goed")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een cijfer van 1 tot 5.")},
    )
    opmerking = forms.CharField(
        label=_("Wilt u iets toelichten?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
