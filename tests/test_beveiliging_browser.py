"""The pages that depend most on scripts and styles of their own work under
the Content-Security-Policy in a real browser: the API documentation
(Swagger UI) and the beheer. What the policy blocked fails the test through
the ``browser`` fixture, which collects the browser's reports."""

from __future__ import annotations

import pytest

from kcc.roles import Rol
from tests.factories import UserFactory, medewerker_inloggen_in_browser
from tests.test_portaal_browser import WACHTWOORD, browser  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.echte_klok]


def test_the_api_documentation_renders_under_the_policy(live_server, browser):  # noqa: F811
    page = browser.new_context().new_page()
    page.goto(live_server.url + "/api/v1/docs/")
    page.get_by_text("/api/v1/kanalen/", exact=True).first.wait_for()
    assert page.locator(".opblock").count() > 20


def test_the_beheer_keeps_its_colours_under_the_policy(live_server, browser):  # noqa: F811
    beheerder = UserFactory(rollen=[Rol.BEHEERDER], username="bb-csp")
    beheerder.set_password(WACHTWOORD)
    beheerder.save()
    page = browser.new_context().new_page()
    medewerker_inloggen_in_browser(page, live_server.url, beheerder, WACHTWOORD)
    kop = page.evaluate("getComputedStyle(document.querySelector('#header')).backgroundColor")
    assert kop == "rgb(21, 66, 115)"  # #154273 from kcc/beheer.css, not Django's own


def test_a_first_login_links_an_app_in_the_browser(live_server, browser, tmp_path):  # noqa: F811
    """The QR code shows under the policy, the pages pass axe-core, and the
    recovery codes lead on to the workspace."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.test_portaal_browser import Axe

    agent = UserFactory(rollen=[Rol.KLANTMANAGER], username="km-nieuw")
    agent.set_password(WACHTWOORD)
    agent.save()
    axe = Axe()
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(live_server.url + "/kcc/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("km-nieuw")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/app-koppelen/")
    qr = page.get_by_role("img", name="QR-code")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 100")
    assert page.evaluate("document.activeElement.name") == "code"
    axe.controleer(page)
    page.screenshot(path=str(tmp_path / "koppelen.png"), full_page=True)

    device = TOTPDevice.objects.get(user=agent)
    code = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
    page.get_by_label("Code").fill(str(code).zfill(6))
    page.get_by_role("button", name="Koppelen en inloggen").click()
    page.wait_for_url("**/herstelcodes/")
    assert page.locator(".herstelcodes li").count() == 10
    axe.controleer(page)
    page.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    page.wait_for_url(live_server.url + "/kcc/")
    # The workspace is still loading its parts: let it finish and close the
    # page before the test database is emptied.
    page.wait_for_load_state("networkidle")
    page.context.close()
    assert axe.fouten == [], "\n".join(axe.fouten)
