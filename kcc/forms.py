from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kcc.auth.inlog import DIGID, EHERKENNING, STANDAARDNIVEAU, Inlog, niveau_naam
from kcc.choices import Betrouwbaarheidsniveau, Machtiging
from kcc.identifiers import (
    normalise_bsn,
    validate_bsn,
    validate_kvk_nummer,
    validate_vestigingsnummer,
)


class MedewerkerLoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Deze combinatie van gebruikersnaam en wachtwoord klopt niet. "
            "Let op hoofdletters en kleine letters."
        ),
        "inactive": _("Dit account is uitgeschakeld. Neem contact op met de beheerder."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["password"].label = _("Wachtwoord")

    def clean(self):
        # Guessing passwords: django-axes counts the failures of a name from an
        # address (settings: AXES_*) and refuses the login while they are too
        # many; the page then says why instead of "wrong password".
        try:
            return super().clean()
        except forms.ValidationError:
            if getattr(self.request, "axes_locked_out", False):
                raise forms.ValidationError(
                    _(
                        "Te veel mislukte pogingen om in te loggen. Wacht een kwartier en "
                        "probeer het dan opnieuw, of neem contact op met de beheerder."
                    ),
                    code="locked",
                ) from None
            raise

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.is_medewerker:
            # Citizens have no password; this catches a misconfigured account.
            raise forms.ValidationError(
                _("Dit account is geen medewerkersaccount."), code="inactive"
            )


class TweedeFactorForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "spellcheck": "false", "autofocus": True}
        ),
    )


def _namens_veld(label, help_text):
    return forms.CharField(
        label=label,
        max_length=20,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


def _niveauveld(middel: str, help_text="") -> forms.TypedChoiceField:
    """The level a simulated login reports; left open, the usual one."""
    return forms.TypedChoiceField(
        label=_("Betrouwbaarheidsniveau"),
        choices=lambda: [(n.value, niveau_naam(n, middel)) for n in Betrouwbaarheidsniveau],
        coerce=int,
        required=False,
        empty_value=STANDAARDNIVEAU[middel],
        initial=STANDAARDNIVEAU[middel],
        widget=forms.RadioSelect,
        help_text=help_text,
    )


class _SimulatorForm(forms.Form):
    """The simulator lets a tester choose what a real login would report:
    the level of assurance and, to try the rules for it, a machtiging."""

    middel = ""
    machtiging = ""

    def __init__(self, *args, niveau=None, **kwargs):
        super().__init__(*args, **kwargs)
        if niveau in Betrouwbaarheidsniveau.values:
            self.fields["niveau"].initial = niveau

    def clean_namens_bsn(self):
        bsn = normalise_bsn(self.cleaned_data.get("namens_bsn") or "")
        if bsn:
            validate_bsn(bsn)
        return bsn

    def eigen_nummer(self) -> str:
        raise NotImplementedError

    def inlog(self) -> Inlog:
        namens = self.cleaned_data.get("namens_bsn")
        return Inlog(
            middel=self.middel,
            niveau=int(self.cleaned_data["niveau"]),
            machtiging=self.machtiging if namens else "",
            gemachtigde=self.eigen_nummer() if namens else "",
            vestigingsnummer=self.cleaned_data.get("vestigingsnummer", ""),
        )

    def klant(self) -> dict[str, str]:
        """Who the portal is for: the one acted for, or the tester themself."""
        if namens := self.cleaned_data.get("namens_bsn"):
            return {"simulator_bsn": namens}
        return self.eigen_klant()

    def eigen_klant(self) -> dict[str, str]:
        raise NotImplementedError


class DigiDSimulatorForm(_SimulatorForm):
    middel = DIGID
    machtiging = Machtiging.DIGID_MACHTIGEN

    bsn = forms.CharField(
        label=_("Burgerservicenummer (BSN)"),
        max_length=20,
        help_text=_("9 cijfers, bijvoorbeeld 999993653."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    niveau = _niveauveld(
        DIGID,
        _(
            "Basis: gebruikersnaam en wachtwoord. Midden: de DigiD app. "
            "Substantieel en Hoog: met identiteitsbewijs."
        ),
    )
    namens_bsn = _namens_veld(
        _("Namens iemand anders (DigiD Machtigen)"),
        _("Laat leeg om voor uzelf in te loggen. Anders: het BSN van wie u machtigde."),
    )

    def clean_bsn(self):
        bsn = normalise_bsn(self.cleaned_data["bsn"])
        validate_bsn(bsn)
        return bsn

    def clean(self):
        gegevens = super().clean()
        if gegevens.get("namens_bsn") and gegevens.get("namens_bsn") == gegevens.get("bsn"):
            self.add_error(
                "namens_bsn", _("U kunt niet namens uzelf inloggen. Laat dit veld leeg.")
            )
        return gegevens

    def eigen_nummer(self) -> str:
        return self.cleaned_data["bsn"]

    def eigen_klant(self) -> dict[str, str]:
        return {"simulator_bsn": self.cleaned_data["bsn"]}


class EHerkenningSimulatorForm(_SimulatorForm):
    middel = EHERKENNING
    machtiging = Machtiging.BEWINDVOERING

    kvk_nummer = forms.CharField(
        label=_("KVK-nummer"),
        max_length=20,
        help_text=_("8 cijfers, bijvoorbeeld 69599084."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    vestigingsnummer = forms.CharField(
        label=_("Vestigingsnummer (niet verplicht)"),
        max_length=20,
        required=False,
        help_text=_("12 cijfers, als u voor één vestiging inlogt."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    niveau = _niveauveld(EHERKENNING)
    namens_bsn = _namens_veld(
        _("Namens een inwoner (bewindvoering)"),
        _("Laat leeg om voor uw organisatie in te loggen. Anders: het BSN van de inwoner."),
    )

    def clean_kvk_nummer(self):
        kvk = self.cleaned_data["kvk_nummer"].replace(" ", "")
        validate_kvk_nummer(kvk)
        return kvk

    def clean_vestigingsnummer(self):
        nummer = self.cleaned_data["vestigingsnummer"].replace(" ", "")
        if nummer:
            validate_vestigingsnummer(nummer)
        return nummer

    def eigen_nummer(self) -> str:
        return self.cleaned_data["kvk_nummer"]

    def eigen_klant(self) -> dict[str, str]:
        return {"simulator_kvk": self.cleaned_data["kvk_nummer"]}


def fouten_overnemen(formulier: forms.Form, fout: ValidationError) -> None:
    """Put a service's ValidationError on the form, per field where it can."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            formulier.add_error(veld if veld in formulier.fields else None, fouten)
    else:
        formulier.add_error(None, fout)
