"""Phone numbers: validated and normalised to E.164 before anything is sent."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def normaliseer_telefoon(nummer: str, *, regio: str = "NL") -> str:
    """'06 12345678' -> '+31612345678'; ValidationError when it is no valid number."""
    try:
        parsed = phonenumbers.parse(nummer, regio)
    except phonenumbers.NumberParseException:
        raise ValidationError(_("Dit is geen geldig telefoonnummer."), code="telefoon") from None
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError(_("Dit is geen geldig telefoonnummer."), code="telefoon")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def is_mobiel(nummer: str) -> bool:
    """Whether an SMS can reach this (normalised) number."""
    try:
        soort = phonenumbers.number_type(phonenumbers.parse(nummer, "NL"))
    except phonenumbers.NumberParseException:
        return False
    return soort in {
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    }
