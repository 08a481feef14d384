"""A product says who may request it (inwoners, ondernemers, instellingen)
and every channel holds to it: the service, the portal, the agent's form, the
counter's appointments. A passport is never for a B.V., a market permit
never for a person."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kanalen.models import Aanvraag, Afspraak, Afspraakrooster
from tests.factories import KlantFactory, maak_product
from zaken import services as zaak_services
from zaken.models import Zaak

pytestmark = pytest.mark.django_db


@pytest.fixture
def bakkerij(db):
    return KlantFactory(
        soort="bedrijf",
        bsn=None,
        kvk_nummer="69599084",
        vestigingsnummer="000038509490",
        organisatienaam="Bakkerij De Korenbloem B.V.",
        voornamen="",
        geslachtsnaam="",
        geboortedatum=None,
    )


@pytest.fixture
def paspoort():
    product = maak_product(
        "paspoort",
        "Paspoort aanvragen",
        kanalen=[("internet", True, "80.00"), ("balie", True, "84.40")],
    )
    Afspraakrooster.objects.create(
        product=product, weekdag=2, van="09:00", tot="12:00", slotduur_minuten=30
    )
    return product


@pytest.fixture
def marktvergunning():
    return maak_product(
        "marktvergunning",
        "Marktvergunning aanvragen",
        kanalen=[("internet", True, "120.00"), ("balie", True, "120.00")],
        voor_burger=False,
        voor_bedrijf=True,
    )


def test_the_service_refuses_a_product_for_another_kind_of_customer(
    bakkerij, klant, paspoort, marktvergunning, klantmanager
):
    with pytest.raises(ValidationError, match="alleen voor inwoners"):
        zaak_services.zaak_registreren(
            klant=bakkerij, product=paspoort, kanaal="telefoon", user=klantmanager
        )
    with pytest.raises(ValidationError, match="alleen voor ondernemers"):
        zaak_services.zaak_registreren(
            klant=klant, product=marktvergunning, kanaal="telefoon", user=klantmanager
        )
    assert not Zaak.objects.exists()
    zaak_services.zaak_registreren(
        klant=bakkerij, product=marktvergunning, kanaal="telefoon", user=klantmanager
    )


def test_a_business_in_the_portal_is_offered_and_may_start_only_its_own_products(
    client, bakkerij, paspoort, marktvergunning
):
    from kcc.services import klant_gebruiker

    client.force_login(klant_gebruiker(kvk_nummer=bakkerij.kvk_nummer))
    aanbod = client.get("/pip/aanvragen/").content.decode()
    assert "Marktvergunning aanvragen" in aanbod and "Paspoort aanvragen" not in aanbod
    weg = client.get("/pip/aanvragen/nieuw/paspoort/", follow=True)
    assert "alleen voor inwoners" in weg.content.decode()
    assert not Aanvraag.objects.exists()
    # Its own data do not come from the person register.
    gegevens = client.get("/pip/mijn-gegevens/").content.decode()
    assert "Basisregistratie Personen" not in gegevens and "organisatie" in gegevens


def test_the_agent_is_offered_and_may_register_only_the_customers_products(
    client, bakkerij, paspoort, marktvergunning, klantmanager
):
    client.force_login(klantmanager)
    klantbeeld = client.get(f"/kcc/klanten/{bakkerij.uuid}/").content.decode()
    # The request list (a question about any product can still be registered).
    keuze = klantbeeld.split('id="aanvraag-product"', 1)[1].split("</select>", 1)[0]
    assert "Marktvergunning aanvragen" in keuze and "Paspoort aanvragen" not in keuze
    antwoord = client.post(
        f"/kcc/klanten/{bakkerij.uuid}/aanvraag/",
        {"product": str(paspoort.uuid), "kanaal": "telefoon"},
        follow=True,
    )
    assert "alleen voor inwoners" in antwoord.content.decode()
    assert not Zaak.objects.exists()


def test_the_counter_books_appointments_only_for_the_customers_products(
    client, bakkerij, paspoort, klantmanager
):
    from kanalen.balie import afspraken

    client.force_login(klantmanager)
    pagina = client.get(f"/kcc/klanten/{bakkerij.uuid}/afspraak/").content.decode()
    assert "Paspoort aanvragen" not in pagina
    slot = afspraken.boekbare_tijden(product=paspoort)[0]
    with pytest.raises(ValidationError, match="alleen voor inwoners"):
        afspraken.afspraak_maken(
            klant=bakkerij, product=paspoort, begin=slot.begin, user=klantmanager, kanaal="balie"
        )
    assert not Afspraak.objects.exists()


def test_a_product_page_offers_a_logged_in_customer_only_what_they_may_request(
    client, bakkerij, paspoort, marktvergunning
):
    from kcc.services import klant_gebruiker

    anoniem = client.get("/producten/paspoort/").content.decode()
    assert "Online aanvragen met DigiD" in anoniem and "Afspraak maken" in anoniem
    assert (
        "Online aanvragen met eHerkenning"
        in client.get("/producten/marktvergunning/").content.decode()
    )

    client.force_login(klant_gebruiker(kvk_nummer=bakkerij.kvk_nummer))
    pagina = client.get("/producten/paspoort/").content.decode()
    assert "alleen voor inwoners" in pagina
    assert "Online aanvragen" not in pagina and "Afspraak maken" not in pagina
    assert (
        "Online aanvragen met eHerkenning"
        in client.get("/producten/marktvergunning/").content.decode()
    )

    # Asked for directly, the appointment page says so before any time is shown.
    weg = client.get("/pip/afspraken/nieuw/paspoort/")
    assert weg.status_code == 302 and weg["Location"] == "/pip/afspraken/"
    assert "alleen voor inwoners" in client.get(weg["Location"]).content.decode()
    assert not Afspraak.objects.exists()
