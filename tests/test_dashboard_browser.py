"""The manager's screens in a real browser: on a laptop (1280 and 1366 px
wide) nothing scrolls sideways, the wallboard's table included, and axe-core
finds nothing."""

from __future__ import annotations

import pytest

from kcc.roles import Rol
from tests.factories import UserFactory, medewerker_inloggen_in_browser
from tests.test_portaal_browser import WACHTWOORD, Axe, browser  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.echte_klok]


@pytest.mark.parametrize("breedte", [1280, 1366])
def test_the_dashboard_and_wallboard_fit_a_laptop(live_server, browser, breedte):  # noqa: F811
    teamleider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-browser")
    teamleider.set_password(WACHTWOORD)
    teamleider.save()
    page = browser.new_context(viewport={"width": breedte, "height": 768}).new_page()
    medewerker_inloggen_in_browser(page, live_server.url, teamleider, WACHTWOORD)
    axe = Axe()
    for pad in ["/dashboard/", "/dashboard/wallboard/", "/dashboard/planning/"]:
        page.goto(live_server.url + pad)
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte, pad
        axe.controleer(page)
    assert axe.fouten == [], "\n".join(axe.fouten)
