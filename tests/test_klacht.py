"""A complaint is handled within six weeks of receipt (Awb 9:11), confirmed
in writing (Awb 9:6), and its term may be put off once by at most four
weeks, with notice to the complainant. A question keeps its service norm."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kanalen.models import Bericht
from kanalen.portaal import vragen
from kcc import kalender
from klanten.models import Contactverzoek
from tests.factories import AfdelingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kcc_afdeling():
    return AfdelingFactory(code="kcc", naam="Klant Contact Centrum")


def _indienen(klant, burger, soort="klacht"):
    return vragen.vraag_of_klacht_indienen(
        klant=klant, user=burger, soort=soort, tekst="De container is weer niet geleegd."
    )


def test_a_complaint_is_due_six_weeks_after_receipt_and_confirmed_in_writing(
    klant, burger, kcc_afdeling
):
    klacht = _indienen(klant, burger)  # Tuesday 10 March 2026
    assert klacht.uiterlijk_op == date(2026, 4, 21)
    assert klacht.wettelijke_termijn_weken == 6
    bevestiging = Bericht.objects.get(klant=klant)
    assert "klacht" in bevestiging.onderwerp and "21 april 2026" in bevestiging.tekst


def test_a_question_keeps_the_service_norm_of_working_days(klant, burger, kcc_afdeling):
    vraag = _indienen(klant, burger, soort="vraag")
    assert vraag.uiterlijk_op == kalender.werkdagen_optellen(date(2026, 3, 10), 2)
    assert vraag.wettelijke_termijn_weken is None
    assert not Bericht.objects.exists()


def test_six_weeks_that_end_on_kings_day_end_the_day_after(klant, burger, kcc_afdeling, klok):
    klok.move_to("2026-03-16T10:00:00+01:00")  # six weeks on: Monday 27 April
    assert _indienen(klant, burger).uiterlijk_op == date(2026, 4, 28)


def test_the_term_is_put_off_once_by_at_most_four_weeks_with_notice(
    client, klant, burger, kcc_afdeling, teamleider
):
    klacht = _indienen(klant, burger)
    Bericht.objects.all().delete()
    with pytest.raises(ValidationError, match="1 tot 4 weken"):
        vragen.klacht_verlengen(contactverzoek=klacht, user=teamleider, weken=5, reden="Advies")
    client.force_login(teamleider)
    client.post(
        "/kcc/contactverzoeken/",
        {"verzoek": klacht.uuid, "actie": "verlengen", "weken": "4", "reden": "Wij vragen advies"},
    )
    klacht = Contactverzoek.objects.get(pk=klacht.pk)
    assert klacht.uiterlijk_op == date(2026, 5, 19) and klacht.verlengd_op is not None
    kennisgeving = Bericht.objects.get(klant=klant)
    assert "Wij vragen advies" in kennisgeving.tekst and "19 mei 2026" in kennisgeving.tekst
    with pytest.raises(ValidationError, match="maar één keer"):
        vragen.klacht_verlengen(contactverzoek=klacht, user=teamleider, weken=1, reden="Nog")
    client.force_login(burger)
    assert "Wij vragen advies" in client.get("/pip/mijn-contacten/").content.decode()


def test_a_question_cannot_be_put_off_as_a_complaint(klant, burger, kcc_afdeling, teamleider):
    vraag = _indienen(klant, burger, soort="vraag")
    with pytest.raises(ValidationError, match="open klacht"):
        vragen.klacht_verlengen(contactverzoek=vraag, user=teamleider, weken=2, reden="Druk")


def test_a_reason_too_long_for_the_customer_is_refused_not_cut(
    klant, burger, kcc_afdeling, teamleider
):
    klacht = _indienen(klant, burger)
    with pytest.raises(ValidationError, match="te lang: maximaal 500 tekens"):
        vragen.klacht_verlengen(contactverzoek=klacht, user=teamleider, weken=2, reden="x" * 501)
    klacht = Contactverzoek.objects.get(pk=klacht.pk)
    assert klacht.verlengd_op is None and klacht.verlenging_reden == ""
