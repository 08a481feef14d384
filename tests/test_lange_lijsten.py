"""Long lists go page by page instead of stopping: the customer's contacts
(once cut off at 100) and search results (once cut off at 20)."""

from __future__ import annotations

import pytest

from kcc.roles import Rol
from klanten import services as klant_services
from tests.factories import KlantFactory, UserFactory, maak_kennisitem

pytestmark = pytest.mark.django_db


def test_mijn_contacten_shows_every_contact_page_by_page(client):
    from kcc.services import klant_gebruiker

    klant = KlantFactory(bsn="999993653")
    agent = UserFactory(rollen=[Rol.KLANTMANAGER], username="km-lijst")
    for nummer in range(130):
        klant_services.klantcontact_registreren(
            klant=klant,
            user=agent,
            kanaal="telefoon",
            onderwerp=f"Vraag nummer {nummer:03d}",
            in_een_keer_goed=True,
        )
    client.force_login(klant_gebruiker(bsn=klant.bsn))
    eerste = client.get("/pip/mijn-contacten/").content.decode()
    assert "Vraag nummer 129" in eerste and "Vraag nummer 105" in eerste
    assert "Vraag nummer 104" not in eerste
    assert "Pagina 1 van 6" in eerste and "pagina=2" in eerste
    laatste = client.get("/pip/mijn-contacten/", {"pagina": "6"}).content.decode()
    assert "Vraag nummer 000" in laatste and "Vorige pagina" in laatste
    # A page that is not one shows the nearest, never an error.
    for onzin in ["abc", "0", "999", "-1"]:
        assert client.get("/pip/mijn-contacten/", {"pagina": onzin}).status_code == 200


@pytest.mark.parametrize(("pad", "gebruiker"), [("/vragen/", None), ("/kcc/kennisbank/", "agent")])
def test_a_search_with_many_answers_goes_on_to_the_next_page(client, pad, gebruiker):
    for nummer in range(27):
        maak_kennisitem(
            f"Afvalvraag {nummer:02d} over de container",
            "Zie de afvalkalender.",
            trefwoorden="container afval",
        )
    if gebruiker:
        client.force_login(UserFactory(rollen=[Rol.KLANTMANAGER], username="km-zoek"))
    eerste = client.get(pad, {"q": "container"}).content.decode()
    assert "27 antwoord" in eerste  # the total, not the page
    assert eerste.count("Afvalvraag ") == 20 and "Pagina 1 van 2" in eerste
    assert "q=container&amp;pagina=2" in eerste  # the search stays
    tweede = client.get(pad, {"q": "container", "pagina": "2"}).content.decode()
    assert tweede.count("Afvalvraag ") == 7
