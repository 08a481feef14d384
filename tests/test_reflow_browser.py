"""The citizen's and the staff's pages on the narrowest phone (320 px, WCAG
1.4.10 Reflow): nothing scrolls sideways, the product's costs, Mijn contacten,
the klantbeeld, the work queue, the case page, the dashboard and the wallboard
included (a wide table scrolls in its own region); a button that cannot be
used yet looks so."""

from __future__ import annotations

import pytest

from kcc.roles import Rol
from klanten import services as klant_services
from tests.factories import KlantFactory, UserFactory, maak_product
from tests.test_portaal_browser import Axe, _inloggen_digid, browser  # noqa: F401 (fixture)
from tests.test_werkplek_browser import _apart

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.echte_klok]


def test_the_citizens_pages_reflow_at_320_px(live_server, browser):  # noqa: F811
    from kanalen.models import Aanvraag

    klant = KlantFactory(bsn="999993653", voornamen="Suzanne", geslachtsnaam="Moulin")
    paspoort = maak_product(
        kanalen=[("balie", True, "84.40"), ("internet", True, "1234.50"), ("telefoon", False, None)]
    )
    agent = UserFactory(rollen=[Rol.KLANTMANAGER], username="km-smal")
    _apart(
        klant_services.klantcontact_registreren,
        klant=klant,
        user=agent,
        kanaal="telefoon",
        onderwerp="Verlenging van de parkeervergunning voor bewoners met een tweede auto",
        in_een_keer_goed=True,
    )
    page = browser.new_context(viewport={"width": 320, "height": 640}).new_page()
    _inloggen_digid(page, live_server)
    axe = Axe()
    for pad in [f"/producten/{paspoort.code}/", "/pip/mijn-contacten/", "/pip/aanvragen/"]:
        page.goto(live_server.url + pad)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, pad
        axe.controleer(page)

    # The check page of an application that is not complete: its send button
    # is disabled and looks different from one that works.
    from producten.models import Documentvereiste

    Documentvereiste.objects.create(product=paspoort, naam="Pasfoto", bestandstypen=["png"])
    aanvraag = Aanvraag.objects.create(klant=klant, product=paspoort, antwoorden={})
    page.goto(f"{live_server.url}/pip/aanvragen/{aanvraag.uuid}/controleren/")
    knop = page.get_by_role("button", name="Aanvraag versturen")
    assert knop.is_disabled()
    uit = knop.evaluate("k => getComputedStyle(k).backgroundColor + getComputedStyle(k).cursor")
    page.goto(f"{live_server.url}/pip/aanvragen/")
    werkend = page.locator("main button, main .knop").first
    aan = werkend.evaluate("k => getComputedStyle(k).backgroundColor + getComputedStyle(k).cursor")
    assert uit != aan and "not-allowed" in uit
    assert axe.fouten == [], "\n".join(axe.fouten)


def test_the_staff_pages_reflow_at_320_px(live_server, browser):  # noqa: F811
    from tests.factories import medewerker_inloggen_in_browser
    from tests.test_portaal_browser import WACHTWOORD
    from zaken import services as zaken_services

    klant = KlantFactory(bsn="999993653", voornamen="Suzanne", geslachtsnaam="Moulin")
    paspoort = maak_product(kanalen=[("balie", True, "84.40")])
    teamleider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-smal")
    teamleider.set_password(WACHTWOORD)
    teamleider.save()
    teamleider.afdelingen.set([paspoort.afdeling])
    zaak = _apart(
        zaken_services.zaak_registreren,
        klant=klant,
        product=paspoort,
        kanaal="balie",
        user=teamleider,
    )
    page = browser.new_context(viewport={"width": 320, "height": 640}).new_page()
    medewerker_inloggen_in_browser(page, live_server.url, teamleider, WACHTWOORD)
    axe = Axe()
    for pad in [
        f"/kcc/klanten/{klant.uuid}/",
        "/kcc/zaken/",
        f"/kcc/zaken/{zaak.uuid}/",
        "/dashboard/",
        "/dashboard/wallboard/",
    ]:
        page.goto(live_server.url + pad)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, pad
        axe.controleer(page)
    assert axe.fouten == [], "\n".join(axe.fouten)
