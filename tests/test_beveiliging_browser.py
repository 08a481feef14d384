"""The pages that depend most on scripts and styles of their own work under
the Content-Security-Policy in a real browser: the API documentation
(Swagger UI) and the beheer. What the policy blocked fails the test through
the ``browser`` fixture, which collects the browser's reports."""

from __future__ import annotations

import re

import pytest

from kcc.roles import Rol
from tests.factories import UserFactory
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
    page.goto(live_server.url + "/kcc/inloggen/?next=/beheer/")
    page.get_by_label("Gebruikersnaam").fill("bb-csp")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name=re.compile("Inloggen")).click()
    page.wait_for_url("**/beheer/")
    kop = page.evaluate("getComputedStyle(document.querySelector('#header')).backgroundColor")
    assert kop == "rgb(21, 66, 115)"  # #154273 from kcc/beheer.css, not Django's own
