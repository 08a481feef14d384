"""Every notice reaches someone who can act on it, by one written rule
(kcc.services.verantwoordelijken): who holds the work; else the afdeling's
teamleiders; else the KCC's; else every teamleider. Checked for each kind of
notice, for an afdeling without a teamleider of its own (as every back-office
afdeling of the demo is)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from kcc.models import Afdeling, Melding
from kcc.roles import Rol
from kcc.services import verantwoordelijken
from klanten import services as klant_services
from tests.factories import AfdelingFactory, UserFactory, maak_product
from zaken import services as zaak_services

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def kcc_leider():
    leider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-kcc")
    leider.afdelingen.add(AfdelingFactory(code="kcc", naam="Klant Contact Centrum"))
    return leider


@pytest.fixture
def zonder_leider():
    """A back-office afdeling without a teamleider of its own, and its product."""
    return maak_product(afdeling_code="vergunningen", kanalen=[("balie", True, "10.00")])


def _ontvangen(user, soort) -> int:
    return Melding.objects.filter(ontvanger=user, soort=soort).count()


def _om(dag, uur=9):
    return datetime.combine(dag, time(uur), tzinfo=AMSTERDAM)


def test_the_rule_falls_back_from_the_afdeling_to_the_kcc_to_every_teamleider(kcc_leider):
    eigen = AfdelingFactory(code="belastingen")
    leeg = AfdelingFactory(code="werk-inkomen")
    eigen_leider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-bel")
    eigen_leider.afdelingen.add(eigen)
    assert verantwoordelijken(eigen.pk) == [eigen_leider]
    assert verantwoordelijken(leeg.pk) == [kcc_leider]
    assert verantwoordelijken(None) == [kcc_leider]
    kcc_leider.afdelingen.clear()
    assert set(verantwoordelijken(leeg.pk)) == {kcc_leider, eigen_leider}


def test_every_notice_about_a_case_reaches_someone(
    klant, klantmanager, kcc_leider, zonder_leider, klok
):
    zaak = zaak_services.zaak_registreren(
        klant=klant, product=zonder_leider, kanaal="balie", user=klantmanager
    )
    # Not picked up within the afdeling's norm, 80% of the term, then late:
    # nobody holds the case and the afdeling has no teamleider.
    klok.move_to(_om(zaak.signaaldatum))
    zaak_services.termijnen_bewaken()
    klok.move_to(_om(zaak.streefdatum + timedelta(days=1)))
    zaak_services.termijnen_bewaken()
    for soort in (Melding.Soort.SIGNAAL, Melding.Soort.ESCALATIE, Melding.Soort.NIET_OPGEPAKT):
        assert _ontvangen(kcc_leider, soort) == 1, soort
    # Handed over to another afdeling without a teamleider; then assigned.
    zaak = zaak_services.zaak_overdragen(
        zaak=zaak,
        user=kcc_leider,
        afdeling=AfdelingFactory(code="openbare-ruimte"),
        toelichting="Hoort bij de buitendienst",
    )
    assert _ontvangen(kcc_leider, Melding.Soort.OVERGEDRAGEN) == 1
    behandelaar = UserFactory(rollen=[Rol.BEHANDELAAR], username="bh-or")
    behandelaar.afdelingen.add(Afdeling.objects.get(code="openbare-ruimte"))
    zaak_services.zaak_toewijzen(zaak=zaak, user=kcc_leider, behandelaar=behandelaar)
    assert _ontvangen(behandelaar, Melding.Soort.TOEGEWEZEN) == 1


def test_every_notice_about_a_contactverzoek_reaches_someone(
    klant, klantmanager, kcc_leider, zonder_leider, klok
):
    verzoek = klant_services.contactverzoek_maken(
        klant=klant, user=klantmanager, vraag="Bel terug", afdeling=zonder_leider.afdeling
    )
    assert _ontvangen(kcc_leider, Melding.Soort.TOEGEWEZEN) == 1
    klok.move_to(_om(verzoek.signaaldatum))
    klant_services.contactverzoeken_bewaken()
    klok.move_to(_om(verzoek.uiterlijk_op + timedelta(days=1)))
    klant_services.contactverzoeken_bewaken()
    assert _ontvangen(kcc_leider, Melding.Soort.SIGNAAL) == 1
    assert _ontvangen(kcc_leider, Melding.Soort.ESCALATIE) == 1


def test_every_kind_of_notice_is_checked_here():
    gecontroleerd = {"signaal", "escalatie", "niet_opgepakt", "toegewezen", "overgedragen"}
    assert set(Melding.Soort.values) == gecontroleerd
