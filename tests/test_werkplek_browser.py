"""The agent's workspace in a real browser: the contact form's knowledge
search shows its answers in place, and choosing one fills the form, so what
the agent typed and the contact's start time are never lost."""

from __future__ import annotations

import pytest

from kcc.roles import Rol
from klanten.models import Klantcontact
from producten.models import OnbeantwoordeZoekvraag
from tests.factories import KlantFactory, UserFactory, maak_kennisitem, maak_product
from tests.test_portaal_browser import WACHTWOORD, Axe, browser  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.echte_klok]


def test_the_knowledge_search_in_the_contact_form_keeps_the_form(live_server, browser):  # noqa: F811
    agent = UserFactory(rollen=[Rol.KLANTMANAGER], username="km-browser")
    agent.set_password(WACHTWOORD)
    agent.save()
    klant = KlantFactory(bsn="999993653", voornamen="Suzanne", geslachtsnaam="Moulin")
    paspoort = maak_product(kanalen=[("balie", True, "84.40"), ("telefoon", False, None)])
    item = maak_kennisitem(
        "Hoe lang is een paspoort geldig?",
        "Tien jaar voor volwassenen.",
        trefwoorden="paspoort geldig",
        producten=[paspoort],
    )
    page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    page.goto(f"{live_server.url}/kcc/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("km-browser")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/inloggen/" not in url)

    page.goto(f"{live_server.url}/kcc/klanten/{klant.uuid}/")
    page.evaluate("window.zelfdePagina = true")  # gone after any page load
    gestart_op = page.locator("input[name=gestart_op]").input_value()
    page.get_by_label("Vraag van de klant").fill("Hoe lang blijft mijn paspoort geldig?")
    zoekveld = page.get_by_label("Zoek het antwoord in de kennisbank")
    zoekveld.fill("zwembad kwartel")
    zoekveld.press("Enter")
    page.get_by_text("Niets gevonden in de kennisbank").wait_for()
    zoekveld.fill("paspoort geldig")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.get_by_role("button", name="Gebruik dit antwoord").click()

    assert page.evaluate("window.zelfdePagina") is True
    assert page.get_by_label("Gegeven antwoord").input_value() == "Tien jaar voor volwassenen."
    assert page.get_by_label("Vraag van de klant").input_value() == (
        "Hoe lang blijft mijn paspoort geldig?"
    )
    assert page.locator("input[name=gestart_op]").input_value() == gestart_op
    assert page.evaluate("document.activeElement.name") == "antwoord"
    axe = Axe()
    axe.controleer(page)
    assert axe.fouten == [], "\n".join(axe.fouten)

    page.locator("input[name=in_een_keer_goed][value=ja]").check()
    page.get_by_role("button", name="Contact vastleggen").click()
    page.get_by_text("Het contact is vastgelegd.").wait_for()
    contact = Klantcontact.objects.get()
    assert (contact.kennisitem, contact.kennis_geholpen, contact.product) == (item, True, paspoort)
    assert contact.vraag == "Hoe lang blijft mijn paspoort geldig?"
    assert OnbeantwoordeZoekvraag.objects.filter(zoekterm="zwembad kwartel").exists()
