"""The beheer (Django's admin in the municipality's colours) meets WCAG 2.2
AA too: axe-core with the wcag22aa rules finds nothing on its lists (filters,
sorting, paging), its forms with rows of inline fields and searchable
selects, and its two-list widgets."""

from __future__ import annotations

import pytest

from kcc.roles import Rol
from tests.factories import (
    UserFactory,
    maak_kennisitem,
    maak_product,
    medewerker_inloggen_in_browser,
)
from tests.test_portaal_browser import AXE_REGELS, CHROMIUM, WACHTWOORD, axe_module, playwright

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.echte_klok]


def test_the_beheer_has_no_wcag22_violations(live_server):
    beheerder = UserFactory(rollen=[Rol.BEHEERDER], username="bb-browser", is_staff=True)
    beheerder.set_password(WACHTWOORD)
    beheerder.save()
    product = maak_product()
    maak_kennisitem("Hoe lang is een paspoort geldig?", "Tien jaar.", producten=[product])
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
        fouten = _controleren(page, live_server.url, beheerder, product)
        browser.close()
    assert fouten == [], "\n".join(fouten)


def _controleren(page, url, beheerder, product) -> list[str]:
    # What the pages' own Content-Security-Policy blocks counts; what axe
    # itself tries while it measures (it clones nodes with a style) does not.
    meten = {"bezig": False}
    fouten: list[str] = []
    page.on(
        "console",
        lambda bericht: (
            "Content Security Policy" in bericht.text
            and not meten["bezig"]
            and fouten.append(f"CSP {page.url}: {bericht.text[:120]}")
        ),
    )
    medewerker_inloggen_in_browser(page, url, beheerder, WACHTWOORD)
    paden = [
        "/beheer/",
        "/beheer/producten/product/",
        "/beheer/producten/product/?q=",
        "/beheer/producten/product/add/",
        f"/beheer/producten/product/{product.pk}/change/",
        f"/beheer/producten/product/{product.pk}/formulier/",
        "/beheer/producten/kennisitem/",
        "/beheer/kcc/applicatie/",
        "/beheer/kcc/applicatie/add/",
        "/beheer/kcc/user/",
        "/beheer/kcc/afdeling/",
        "/beheer/kcc/auditlogentry/",
    ]
    axe = axe_module.Axe()
    for pad in paden:
        page.goto(url + pad)
        page.wait_for_load_state("load")
        page.wait_for_timeout(50)  # the beheer's script names the fields after the admin's own
        meten["bezig"] = True
        for v in axe.run(page, options=AXE_REGELS).response["violations"]:
            fouten.append(f"{pad}: {v['id']} {[n['target'] for n in v['nodes']][:3]}")
        meten["bezig"] = False
    return fouten
