from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kcc.identifiers import normalise_bsn, validate_bsn, validate_kvk_nummer


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


class DigiDSimulatorForm(forms.Form):
    bsn = forms.CharField(
        label=_("Burgerservicenummer (BSN)"),
        max_length=20,
        help_text=_("9 cijfers, bijvoorbeeld 999993653."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_bsn(self):
        bsn = normalise_bsn(self.cleaned_data["bsn"])
        validate_bsn(bsn)
        return bsn


class EHerkenningSimulatorForm(forms.Form):
    kvk_nummer = forms.CharField(
        label=_("KVK-nummer"),
        max_length=20,
        help_text=_("8 cijfers, bijvoorbeeld 69599084."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_kvk_nummer(self):
        kvk = self.cleaned_data["kvk_nummer"].replace(" ", "")
        validate_kvk_nummer(kvk)
        return kvk


def fouten_overnemen(formulier: forms.Form, fout: ValidationError) -> None:
    """Put a service's ValidationError on the form, per field where it can."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            formulier.add_error(veld if veld in formulier.fields else None, fouten)
    else:
        formulier.add_error(None, fout)
