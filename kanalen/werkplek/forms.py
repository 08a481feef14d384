"""The workspace's forms: registering a contact, a message to the customer,
contact details, handling a contactverzoek.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kanalen.models import Bericht
from kcc import invoer
from kcc.choices import KanaalSoort
from kcc.models import Afdeling, User
from kcc.selectors import medewerkers_voor_contactverzoeken
from kcc.widgets import SnelleSelectsForm, keuzes_uit_cache
from klanten.models import Klant, Klantcontact
from producten.models import Product
from producten.selectors import productkeuzes

JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]


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
        label=_("Vraag van de klant"),
        max_length=invoer.NOTITIE,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    antwoord = forms.CharField(
        label=_("Gegeven antwoord"),
        max_length=invoer.NOTITIE,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
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
        # In local time: the offset it came with may be one PostgreSQL does not store.
        return timezone.localtime(waarde)

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
        label=_("Uitkomst (de klant ziet dit)"),
        max_length=invoer.NOTITIE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
