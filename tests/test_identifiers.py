import pytest
from django.core.exceptions import ValidationError

from kcc.identifiers import is_valid_bsn, normalise_bsn, validate_bsn, validate_kvk_nummer


@pytest.mark.parametrize("bsn", ["999993653", "999990019", "111222333", "123456782"])
def test_it_accepts_bsns_that_pass_the_elfproef(bsn):
    assert is_valid_bsn(bsn)


@pytest.mark.parametrize(
    "bsn",
    ["999993654", "123456789", "12345678", "1234567890", "00000000a", "000000000", "٩٩٩٩٩٣٦٥٣"],
)
def test_it_rejects_bsns_that_fail_the_elfproef_or_the_format(bsn):
    assert not is_valid_bsn(bsn)


def test_it_normalises_what_people_type():
    assert normalise_bsn(" 9999.93.653 ") == "999993653"
    assert normalise_bsn("11222333") == "011222333"


def test_it_explains_a_wrong_bsn_in_dutch():
    with pytest.raises(ValidationError) as error:
        validate_bsn("123456789")
    assert "geen geldig burgerservicenummer" in str(error.value)


def test_it_checks_kvk_numbers_have_eight_digits():
    validate_kvk_nummer("69599084")
    with pytest.raises(ValidationError):
        validate_kvk_nummer("6959908")
