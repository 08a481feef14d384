"""Forms of the workspace. They parse what the agent typed; the services
decide what is allowed and say what is wrong (ValidationError per field),
which ``fouten_overnemen`` puts next to the right field."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kanalen.models import Bericht
from kcc.choices import KanaalSoort
from kcc.models import Afdeling, User
from kcc.selectors import medewerkers_voor_contactverzoeken
from kcc.widgets import SnelleSelectsForm, keuzes_uit_cache
from klanten.models import Klant, Klantcontact
from producten.models import Product
from producten.selectors import productkeuzes

JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]


def fouten_overnemen(formulier: forms.Form, fout: ValidationError) -> None:
    """Put a service's ValidationError on the form, per field where it can."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            formulier.add_error(veld if veld in formulier.fields else None, fouten)
    else:
        formulier.add_error(None, fout)


class KlantcontactForm(SnelleSelectsForm):
    kanaal = forms.ChoiceField(label=_("Kanaal"), choices=KanaalSoort.choices)
    richting = forms.ChoiceField(
        label=_("Richting"), choices=Klantcontact.Richting.choices, initial="inkomend"
    )
    product = forms.ModelChoiceField(
        label=_("Over product"),
        queryset=Product.objects.none(),  # set per request: what is offered today
        required=False,
        to_field_name="uuid",
        empty_label=_("Geen product / algemene vraag"),
    )
    onderwerp = forms.CharField(label=_("Onderwerp"), max_length=200, required=False)
    vraag = forms.CharField(
        label=_("Vraag van de klant"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    antwoord = forms.CharField(
        label=_("Gegeven antwoord"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    kennisitem = forms.UUIDField(widget=forms.HiddenInput, required=False)
    kennis_geholpen = forms.ChoiceField(
        label=_("Hielp het antwoord uit de kennisbank?"),
        choices=JA_NEE,
        widget=forms.RadioSelect,
        required=False,
    )
    in_een_keer_goed = forms.ChoiceField(
        label=_("Is de vraag in één keer beantwoord?"),
        choices=JA_NEE,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies ja of nee.")},
    )
    namens = forms.CharField(
        label=_("Namens de klant"),
        max_length=200,
        required=False,
        help_text=_("Alleen als iemand anders belt of komt, bijvoorbeeld 'dochter, Sanne'."),
    )
    vervolg = forms.ChoiceField(
        label=_("Vervolg"),
        choices=[
            ("geen", _("Geen vervolg")),
            ("contactverzoek", _("Contactverzoek aan een afdeling of collega")),
            ("zaak", _("Aanvraag starten (zaak)")),
        ],
        initial="geen",
        widget=forms.RadioSelect,
    )
    afdeling = forms.ModelChoiceField(
        label=_("Contactverzoek aan afdeling"),
        queryset=Afdeling.objects.filter(actief=True),
        to_field_name="uuid",
        required=False,
    )
    medewerker = forms.ModelChoiceField(
        label=_("of aan een collega"),
        queryset=User.objects.none(),  # set per request: active staff
        to_field_name="uuid",
        required=False,
        empty_label=_("Geen bepaalde collega"),
    )
    gestart_op = forms.DateTimeField(widget=forms.HiddenInput, required=False)
    # The phone call this contact wraps up (from the screen pop), if any.
    gesprek = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].label_from_instance = lambda u: u.get_full_name() or u.username
        actieve_afdelingen = Afdeling.objects.filter(actief=True).all
        lijsten = [
            (self.fields["product"], "producten-aangeboden", productkeuzes),
            (self.fields["medewerker"], "medewerkers-werkplek", medewerkers_voor_contactverzoeken),
            (self.fields["afdeling"], "afdelingen-actief", actieve_afdelingen),
        ]
        if self.is_bound:  # a posted form checks against the database
            for veld, _sleutel, queryset in lijsten:
                veld.queryset = queryset()
        else:  # to show
            keuzes_uit_cache(lijsten)

    def clean_gestart_op(self):
        # The page sets it when the agent opened the form: the contact's
        # start. Anything odd (in the future, older than a working day) is
        # replaced by now, so a stale tab never skews handling times.
        waarde = self.cleaned_data.get("gestart_op")
        nu = timezone.now()
        if waarde is None or waarde > nu or (nu - waarde).total_seconds() > 10 * 3600:
            return nu
        return waarde

    def clean(self):
        data = super().clean()
        if (
            data.get("vervolg") == "contactverzoek"
            and not data.get("afdeling")
            and not data.get("medewerker")
        ):
            self.add_error("afdeling", _("Kies de afdeling of collega die de klant terugbelt."))
        if data.get("vervolg") == "zaak" and not data.get("product"):
            self.add_error("product", _("Kies het product dat de klant aanvraagt."))
        return data


class BerichtForm(SnelleSelectsForm):
    kanaal = forms.ChoiceField(
        label=_("Versturen als"),
        choices=[(Bericht.Kanaal.EMAIL, _("E-mail")), (Bericht.Kanaal.SMS, _("Sms"))],
    )
    onderwerp = forms.CharField(label=_("Onderwerp (e-mail)"), max_length=200, required=False)
    tekst = forms.CharField(label=_("Bericht"), widget=forms.Textarea(attrs={"rows": 4}))
    product = forms.ModelChoiceField(
        label=_("Link om online aan te vragen"),
        queryset=productkeuzes(kanaal="internet"),
        required=False,
        to_field_name="uuid",
        empty_label=_("Geen link"),
    )


class ContactgegevensForm(SnelleSelectsForm):
    email = forms.CharField(label=_("E-mailadres"), max_length=254, required=False)
    telefoon = forms.CharField(label=_("Telefoonnummer"), max_length=20, required=False)
    berichtvoorkeur = forms.ChoiceField(
        label=_("Berichten over zaken via"), choices=Klant.Berichtvoorkeur.choices
    )
    taal = forms.ChoiceField(label=_("Voorkeurstaal"), choices=Klant.Taal.choices)


class ContactverzoekAfhandelenForm(forms.Form):
    uitkomst = forms.CharField(
        label=_("Uitkomst (de klant ziet dit)"), widget=forms.Textarea(attrs={"rows": 2})
    )


# --- The portal ---------------------------------------------------------------------


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


class BriefForm(forms.Form):
    bsn = forms.CharField(
        label=_("BSN van de afzender"),
        max_length=11,
        required=False,
        help_text=_("Als de afzender een inwoner is die wij kennen; anders leeg laten."),
    )
    afzender = forms.CharField(
        label=_("Afzender (naam en adres)"),
        max_length=254,
        required=False,
        help_text=_("Zoals op de brief staat. Leeg: het adres van de klant."),
    )
    onderwerp = forms.CharField(label=_("Onderwerp"), max_length=300)
    ontvangen_op = forms.DateField(
        label=_("Ontvangen op"),
        widget=forms.DateInput(attrs={"type": "date"}),
        initial=timezone.localdate,
    )
    scan = forms.FileField(label=_("Scan van de brief"), help_text=_("PDF, JPG of PNG."))
