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


def _controleren(page, url, beheerder, product, paden=None) -> list[str]:
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
    paden = paden or [
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
        antwoord = page.goto(url + pad)
        if antwoord is None or antwoord.status != 200:
            fouten.append(f"{pad}: HTTP {antwoord and antwoord.status}")
            continue
        page.wait_for_load_state("load")
        page.wait_for_timeout(50)  # the beheer's script names the fields after the admin's own
        meten["bezig"] = True
        for v in axe.run(page, options=AXE_REGELS).response["violations"]:
            fouten.append(f"{pad}: {v['id']} {[n['target'] for n in v['nodes']][:3]}")
        meten["bezig"] = False
    return fouten


def test_the_beheerder_works_the_product_page_in_tabs(live_server):
    """The product page in tabs: arrow keys move between them, a tab with an
    error says so and opens, the fields of every tab are saved, and the
    publication panel's button reaches its own view (its form is not inside
    the product's)."""
    from producten.models import Product

    beheerder = UserFactory(rollen=[Rol.BEHEERDER], username="bb-tabs", is_staff=True)
    beheerder.set_password(WACHTWOORD)
    beheerder.save()
    product = maak_product()
    adres = f"{live_server.url}/beheer/producten/product/{product.pk}/change/"
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
        scriptfouten = []
        page.on("pageerror", lambda fout: scriptfouten.append(str(fout)))
        medewerker_inloggen_in_browser(page, live_server.url, beheerder, WACHTWOORD)
        page.goto(adres)
        tabs = page.locator("[role=tab]")
        assert tabs.all_inner_texts()[:3] == ["Teksten", "Normen en termijnen", "Kanalen en kosten"]
        assert page.locator("#id_samenvatting").is_visible()
        page.locator("#tab-teksten").focus()
        page.keyboard.press("ArrowRight")
        assert page.evaluate("document.activeElement.id") == "tab-normen"
        assert page.locator("#id_servicenorm_aantal").is_visible()
        assert not page.locator("#id_samenvatting").is_visible()
        # A field of another tab and one of this tab, saved together.
        page.fill("#id_servicenorm_aantal", "9")
        page.locator("#tab-teksten").click()
        page.fill("#id_samenvatting", "")
        page.locator("input[name=_continue]").click()
        page.wait_for_load_state("load")
        assert page.locator("#tab-teksten").inner_text() == "Teksten (bevat een fout)"
        assert page.locator("#tab-teksten").get_attribute("aria-selected") == "true"
        page.fill("#id_samenvatting", "Een nieuwe samenvatting")
        page.locator("input[name=_continue]").click()
        page.wait_for_load_state("load")
        opgeslagen = Product.objects.get(pk=product.pk)
        assert opgeslagen.samenvatting == "Een nieuwe samenvatting"
        assert opgeslagen.servicenorm_aantal == 9
        page.get_by_role("button", name="Intrekken").click()
        page.wait_for_load_state("load")
        assert Product.objects.get(pk=product.pk).status == "ingetrokken"
        browser.close()
    assert scriptfouten == []


def test_every_beheer_screen_on_the_demo_has_no_wcag22_violations(live_server, settings):
    """Every list, add form and change form of every model in the beheer,
    on the demo municipality (so lists and forms have rows and inlines)."""
    import io

    from django.contrib import admin
    from django.core.management import call_command
    from django.urls import reverse

    from kcc.models import User

    settings.DEMO_PASSWORD = WACHTWOORD
    call_command("demo_data", stdout=io.StringIO())
    beheerder = User.objects.get(username="beheerder")
    paden = []
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_permission(_verzoek(beheerder)):
            continue  # e.g. DigiD's configuration: the superuser's
        info = (model._meta.app_label, model._meta.model_name)
        paden.append(reverse("admin:{}_{}_changelist".format(*info)))
        if model_admin.has_add_permission(_verzoek(beheerder)):
            paden.append(reverse("admin:{}_{}_add".format(*info)))
        eerste = model._default_manager.order_by("pk").first()
        if eerste is not None:
            paden.append(reverse("admin:{}_{}_change".format(*info), args=[eerste.pk]))
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
        fouten = _controleren(page, live_server.url, beheerder, None, paden=paden)
        browser.close()
    assert fouten == [], "\n".join(fouten)
    assert len(paden) > 50


def _verzoek(user):
    from django.test import RequestFactory

    verzoek = RequestFactory().get("/beheer/")
    verzoek.user = user
    return verzoek
