"""The fast widgets write the same HTML as Django's own (attribute order and
white space aside), so labels, errors and ARIA stay tied to the fields."""

import pytest
from django import forms
from django.test.html import parse_html

from kcc.widgets import SnelleRadio, SnelleSelect

KEUZES = [("", "Kies"), ("ja", "Ja"), ("nee", "Nee <&>"), ("Groep", [("a", "A"), ("b", "B")])]
ATTRS = {"id": "id_x", "required": True, "aria-describedby": "id_x_fout", "aria-invalid": "true"}


@pytest.mark.parametrize(("snel", "django_widget"), [(SnelleSelect, forms.Select)])
@pytest.mark.parametrize("waarde", [None, "", "nee", "b"])
def test_the_fast_select_writes_what_django_writes(snel, django_widget, waarde):
    eigen = snel(choices=KEUZES).render("x", waarde, ATTRS)
    verwacht = django_widget(choices=KEUZES).render("x", waarde, ATTRS)
    assert parse_html(eigen) == parse_html(verwacht)


@pytest.mark.parametrize("waarde", [None, "ja", "nee"])
def test_the_fast_radio_buttons_write_what_django_writes(waarde):
    keuzes = KEUZES[1:3]
    eigen = SnelleRadio(choices=keuzes).render("x", waarde, ATTRS)
    verwacht = forms.RadioSelect(choices=keuzes).render("x", waarde, ATTRS)
    assert parse_html(eigen) == parse_html(verwacht)
