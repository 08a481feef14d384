"""The screens a working day is spent in, as they look at 1366x768 (a
laptop) and 1920x1080 (a desktop or TV): the klantbeeld, the dashboard, the
wallboard and the product page, on the demo municipality. Each state is
checked with axe-core (WCAG 2.2 AA rules). With ``KCC_SCHERMAFDRUKKEN`` set
to a directory the screenshots are written there (``make screenshots`` writes
``docs/screenshots/``); otherwise they are only taken."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

from kcc.models import User
from klanten.models import Klant
from producten.models import Product
from tests.factories import medewerker_inloggen_in_browser
from tests.test_portaal_browser import AXE_REGELS, CHROMIUM, axe_module, playwright

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.echte_klok]

FORMATEN = ((1366, 768), (1920, 1080))


def test_the_working_screens_at_laptop_and_desktop_size(live_server, tmp_path, settings):
    settings.DEMO_PASSWORD = "demo-kcc"
    call_command("demo_data", stdout=io.StringIO())
    map_ = Path(os.environ.get("KCC_SCHERMAFDRUKKEN") or tmp_path)
    map_.mkdir(parents=True, exist_ok=True)
    klant = Klant.objects.get(bsn="999993653")
    product = Product.objects.get(code="paspoort")
    schermen = {
        "teamleider": [
            ("klantbeeld", f"/kcc/klanten/{klant.uuid}/"),
            ("dashboard", "/dashboard/?periode=week"),
            ("wallboard", "/dashboard/wallboard/"),
        ],
        "beheerder": [("productpagina", f"/beheer/producten/product/{product.pk}/change/")],
    }
    axe = axe_module.Axe()
    fouten, gemaakt = [], []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for gebruikersnaam, paden in schermen.items():
            user = User.objects.get(username=gebruikersnaam)
            for breedte, hoogte in FORMATEN:
                pagina = browser.new_context(
                    viewport={"width": breedte, "height": hoogte}
                ).new_page()
                medewerker_inloggen_in_browser(pagina, live_server.url, user, "demo-kcc")
                for naam, pad in paden:
                    pagina.goto(live_server.url + pad)
                    pagina.wait_for_load_state("load")
                    pagina.wait_for_timeout(100)
                    for v in axe.run(pagina, options=AXE_REGELS).response["violations"]:
                        fouten.append(f"{naam} {breedte}: {v['id']} {v['nodes'][0]['target']}")
                    bestand = map_ / f"{naam}-{breedte}x{hoogte}.png"
                    pagina.screenshot(path=str(bestand))
                    gemaakt.append(bestand.name)
                pagina.context.close()
        browser.close()
    assert fouten == [], "\n".join(fouten)
    assert len(gemaakt) == 8
