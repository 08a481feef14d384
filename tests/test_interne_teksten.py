"""What staff write for each other never reaches the customer: not on a page
of the portal, not in their download, not in a message. The test writes a
recognisable text into every field staff fill in for colleagues, then walks
every page of the portal and the public website as the customer, their
download, and every message to them."""

from __future__ import annotations

import json

import pytest

from kcc.roles import Rol
from klanten import services as klant_services
from tests.factories import AfdelingFactory, UserFactory, maak_product
from tests.test_geheimhouding import _invullen, _urls
from zaken import services as zaak_services

pytestmark = pytest.mark.django_db

INTERN = "INTERN-voor-collega"


@pytest.fixture
def intern(klant, klantmanager):
    product = maak_product(kanalen=[("balie", True, "84.40"), ("internet", True, "80.00")])
    leider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-intern")
    # A contact the agent notes down and hands to a colleague.
    contact = klant_services.klantcontact_registreren(
        klant=klant,
        user=klantmanager,
        kanaal="telefoon",
        onderwerp="Paspoort",
        vraag=f"{INTERN}: graag terugbellen door Piet, klant klonk boos",
        antwoord="Wij bellen u morgen terug.",
        in_een_keer_goed=False,
    )
    verzoek = klant_services.klantcontact_doorzetten(
        contact=contact, user=klantmanager, afdeling=product.afdeling
    )
    # A case with a hand-over note, an internal note and a transfer reason.
    zaak = zaak_services.zaak_registreren(
        klant=klant,
        product=product,
        kanaal="telefoon",
        user=klantmanager,
        overdracht=f"{INTERN}: let op, eerder bezwaar",
        klantcontact=contact,
    )
    zaak_services.zaak_notitie_toevoegen(zaak=zaak, user=leider, tekst=f"{INTERN}: notitie")
    zaak = zaak_services.zaak_overdragen(
        zaak=zaak,
        user=leider,
        afdeling=AfdelingFactory(code="vergunningen"),
        toelichting=f"{INTERN}: hoort bij VTH",
    )
    zaak_services.zaak_in_behandeling_nemen(zaak=zaak, user=leider)
    zaak_services.zaak_afhandelen(zaak=zaak, user=leider, resultaat="Uitgereikt")
    klant_services.contactverzoek_afhandelen(
        contactverzoek=verzoek, user=leider, uitkomst="Teruggebeld; paspoort ligt klaar."
    )
    return {"zaak": zaak, "contact": contact, "verzoek": verzoek}


def test_no_page_download_or_message_of_the_customer_shows_staff_notes(
    client, burger, klant, intern
):
    waarden = {
        "zaak_uuid": intern["zaak"].uuid,
        "contact_uuid": intern["contact"].uuid,
        "document_uuid": "00000000-0000-0000-0000-000000000000",
        "code": intern["zaak"].product.code,
    }
    urls = [(naam, _invullen(route, waarden)) for naam, route, _ in _urls({"portaal", "publiek"})]
    urls = [(naam, url) for naam, url in urls if url]
    client.force_login(burger)
    bekeken = 0
    for naam, url in urls:
        antwoord = client.get(url)
        if antwoord.status_code != 200:
            continue
        bekeken += 1
        assert INTERN not in antwoord.content.decode(), naam
    assert bekeken > 15
    # What they are shown instead: what the contactverzoek is about, and its outcome.
    contacten = client.get("/pip/mijn-contacten/").content.decode()
    assert "Uw vraag over: Paspoort" in contacten and "paspoort ligt klaar" in contacten
    download = client.get("/pip/mijn-gegevens/download/").content.decode()
    assert INTERN not in download
    assert json.loads(download)["contactverzoeken"][0]["uitkomst"].startswith("Teruggebeld")
    for bericht in klant.berichten.all():
        assert INTERN not in bericht.onderwerp + bericht.tekst


def test_staff_still_read_the_hand_over_and_the_notes(client, klantmanager, klant, intern):
    client.force_login(klantmanager)
    inzage = client.get(f"/kcc/klanten/{klant.uuid}/inzage/?formaat=json").content.decode()
    assert json.loads(inzage)["contactverzoeken"][0]["vraag"].startswith(INTERN)
