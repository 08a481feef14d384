"""The agent's workspace in a real browser: the contact form's knowledge
search shows its answers in place, choosing one fills the form and
registering the contact refreshes the timeline, so what the agent typed and
the contact's start time are never lost and no page loads."""

from __future__ import annotations

import pytest

from kcc.roles import Rol
from klanten.models import Klantcontact
from producten.models import OnbeantwoordeZoekvraag
from tests.factories import (
    KlantFactory,
    UserFactory,
    maak_kennisitem,
    maak_product,
    medewerker_inloggen_in_browser,
)
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
    medewerker_inloggen_in_browser(page, live_server.url, agent, WACHTWOORD)

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

    # Registering happens in place too, with the shortcut shown on the page:
    # the timeline shows the contact, the form is fresh, focus is back in the
    # knowledge search for the next caller.
    page.locator("input[name=in_een_keer_goed][value=ja]").check()
    page.keyboard.press("Alt+Shift+KeyR")
    page.get_by_text("Het contact is vastgelegd.").wait_for()
    assert page.evaluate("window.zelfdePagina") is True
    page.locator("#tijdlijn-blok").get_by_text("Tien jaar voor volwassenen.").wait_for()
    assert page.get_by_label("Vraag van de klant").input_value() == ""
    assert page.evaluate("document.activeElement.id") == "kennis"
    page.get_by_label("Vraag van de klant").focus()
    page.keyboard.press("Alt+Shift+KeyK")
    assert page.evaluate("document.activeElement.id") == "kennis"
    contact = Klantcontact.objects.get()
    assert (contact.kennisitem, contact.kennis_geholpen, contact.product) == (item, True, paspoort)
    assert contact.vraag == "Hoe lang blijft mijn paspoort geldig?"
    assert OnbeantwoordeZoekvraag.objects.filter(zoekterm="zwembad kwartel").exists()


# The test server speaks no websockets: the pages get a stand-in that the
# test feeds with the events the server sends (made by the same code).
NEP_WEBSOCKET = """
window.nepSockets = [];
window.WebSocket = function (url) { this.url = url; this.readyState = 0; nepSockets.push(this); };
window.WebSocket.OPEN = 1;
window.WebSocket.prototype.send = function () {};
window.WebSocket.prototype.close = function () {};
"""


def _apart(functie, **kwargs):
    """A service call outside Playwright's event loop (its live push needs one of its own)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as draad:
        return draad.submit(functie, **kwargs).result()


def _live(page, event):
    page.evaluate(
        """(e) => nepSockets.filter((s) => s.url.includes("/ws/chat/"))
            .forEach((s) => s.onmessage({ data: JSON.stringify(e) }))""",
        event,
    )


def test_a_chat_looks_the_same_live_and_reloaded_and_both_sides_see_it_end(
    live_server,
    browser,  # noqa: F811
):
    from kanalen.chat import services as chat_services
    from kanalen.models import Chat, Chatbericht, Kanaal

    Kanaal.objects.create(soort="chat", naam="Chat", norm_percentage=80, kosten_per_contact=4)
    agent = UserFactory(rollen=[Rol.KLANTMANAGER], username="km-chat", first_name="Noor")
    agent.set_password(WACHTWOORD)
    agent.save()
    burgercontext = browser.new_context()
    burgercontext.add_init_script(NEP_WEBSOCKET)
    burger = burgercontext.new_page()
    burger.goto(f"{live_server.url}/chat/")
    burger.get_by_label("Uw naam").fill("Sanne")
    burger.get_by_label("Uw vraag").fill("Hoe laat is de balie open?")
    burger.get_by_role("button", name="Chat starten").click()
    burger.get_by_text("U staat in de wachtrij").wait_for()

    chat = Chat.objects.get()
    _apart(chat_services.chat_accepteren, chat=chat, user=agent)
    _live(burger, {"type": "status", "status": "actief"})
    burger.get_by_text("U bent in gesprek met een medewerker.").wait_for()
    assert burger.get_by_role("button", name="Chat beëindigen").is_visible()
    assert not burger.get_by_role("button", name="Chat verlaten").is_visible()

    bericht = _apart(
        chat_services.chatbericht_versturen,
        chat=chat,
        van=Chatbericht.Van.MEDEWERKER,
        tekst="Van 9 tot 17 uur.",
    )
    _live(burger, {"type": "bericht", **chat_services.bericht_als_dict(bericht)})
    live = burger.locator(".chat__bericht--medewerker").last.inner_text()
    burger.reload()
    assert burger.locator(".chat__bericht--medewerker").last.inner_text() == live
    assert "Medewerker" in live and "Van 9 tot 17 uur." in live

    agentcontext = browser.new_context()
    agentcontext.add_init_script(NEP_WEBSOCKET)
    medewerker = agentcontext.new_page()
    medewerker_inloggen_in_browser(medewerker, live_server.url, agent, WACHTWOORD)
    medewerker.goto(f"{live_server.url}/kcc/chats/{chat.uuid}/")
    assert not medewerker.get_by_text("De klant heeft de chat beëindigd.").is_visible()

    burger.get_by_role("button", name="Chat beëindigen").click()
    burger.get_by_text("Deze chat is beëindigd.").wait_for()
    assert burger.locator("[data-chat-form]").count() == 0
    _live(medewerker, {"type": "status", "status": "klant_weg"})
    medewerker.get_by_text("De klant heeft de chat beëindigd.").wait_for()
    assert medewerker.locator("[data-chat-form]").count() == 0
    medewerker.get_by_role("button", name="Chat beëindigen en vastleggen").click()
    medewerker.wait_for_url("**/kcc/chats/")
    assert Chat.objects.get().status == Chat.Status.BEEINDIGD
