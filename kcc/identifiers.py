"""Dutch identifiers: BSN (elfproef), KVK number and vestigingsnummer."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def is_valid_bsn(value: str) -> bool:
    """Nine digits passing the elfproef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 ≡ 0 (mod 11)."""
    if len(value) != 9 or not value.isascii() or not value.isdigit():
        return False
    if value == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(w * int(d) for w, d in zip(weights, value, strict=True)) % 11 == 0


def normalise_bsn(value: str) -> str:
    """Strip spaces and dots people type, and restore a dropped leading zero."""
    digits = "".join(ch for ch in value if ch not in " .-")
    if len(digits) == 8 and digits.isdigit():
        digits = "0" + digits
    return digits


def validate_bsn(value: str) -> None:
    if not is_valid_bsn(value):
        raise ValidationError(
            _(
                "Dit is geen geldig burgerservicenummer. "
                "Een BSN heeft 9 cijfers; controleer het nummer."
            ),
            code="invalid_bsn",
        )


def validate_kvk_nummer(value: str) -> None:
    if len(value) != 8 or not value.isascii() or not value.isdigit():
        raise ValidationError(_("Een KVK-nummer bestaat uit 8 cijfers."), code="invalid_kvk_nummer")


def validate_vestigingsnummer(value: str) -> None:
    if len(value) != 12 or not value.isascii() or not value.isdigit():
        raise ValidationError(
            _("Een vestigingsnummer bestaat uit 12 cijfers."), code="invalid_vestigingsnummer"
        )
