"""Geheimhouding: staff never see or export the address of a person whose
BRP registration is secret; the person themself does.

The test walks every page and API answer a member of staff can open (each
URL of the workspace, the case screens, the dashboard and the API, filled in
with this person's customer, case, contact and items) as each staff role,
and looks for the address in what comes back. A new screen is walked as soon
as it has a URL.
"""

from __future__ import annotations

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from kanalen.post import services as post_services
from kcc.roles import Rol
from klanten import services as klant_services
from tests.factories import PDF, KlantFactory, UserFactory, maak_product
from zaken import services as zaak_services

pytestmark = pytest.mark.django_db

STRAAT, POSTCODE = "Verborgenlaan", "9999ZZ"


@pytest.fixture
def geheim(klantmanager):
    """A person with geheimhouding, with something in every building block."""
    klant = KlantFactory(
        bsn="999997087",
        voornamen="Lotte",
        geslachtsnaam="Mulder",
        straat=STRAAT,
        huisnummer="7",
        postcode=POSTCODE,
        woonplaats="Voorbeeldstad",
        geheimhouding=True,
        email="lotte@example.nl",
        telefoon="+31622233344",
    )
    product = maak_product(kanalen=[("balie", True, "84.40"), ("internet", True, "80.00")])
    zaak = zaak_services.zaak_registreren(
        klant=klant, product=product, kanaal="telefoon", user=klantmanager
    )
    contact = klant_services.klantcontact_registreren(
        klant=klant,
        user=klantmanager,
        kanaal="telefoon",
        vraag="Mijn paspoort",
        in_een_keer_goed=False,
    )
    klant_services.klantcontact_doorzetten(
        contact=contact, user=klantmanager, afdeling=zaak.afdeling
    )
    brief = post_services.brief_registreren(
        user=klantmanager,
        scan=SimpleUploadedFile("scan.pdf", PDF, content_type="application/pdf"),
        onderwerp="Bezwaar",
        afzender="",
        klant=klant,
    )
    # A second letter, answered by letter: it waits in "Post te versturen".
    beantwoord = post_services.brief_registreren(
        user=klantmanager,
        scan=SimpleUploadedFile("scan.pdf", PDF, content_type="application/pdf"),
        onderwerp="Vraag",
        afzender="",
        klant=klant,
    )
    post_services.inboxitem_oppakken(item=beantwoord, user=klantmanager)
    antwoord = post_services.inboxitem_beantwoorden(
        item=beantwoord, user=klantmanager, tekst="Geachte mevrouw Mulder,"
    )
    return {
        "klant": klant,
        "zaak": zaak,
        "product": product,
        "contact": contact,
        "item": brief,
        "brief": antwoord,
    }


# The printed letter needs the address on its envelope: it is in the page
# for the printout only (hidden on screen, reading it audited).
AFDRUK = re.compile(r'<address class="brief__adres alleen-afdrukken">.*?</address>', re.S)


def _urls(namespaces: set[str]):
    """Every URL pattern under these namespaces: (name, route, kwargs names)."""

    def walk(patterns, prefix, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = p.namespace or namespace
                yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern) and namespace in namespaces:
                yield f"{namespace}:{p.name}", prefix + str(p.pattern), list(p.pattern.converters)

    yield from walk(get_resolver().url_patterns, "/", None)


def _invullen(route: str, waarden: dict) -> str | None:
    ontbreekt = False

    def vervang(match):
        nonlocal ontbreekt
        naam = match.group(2)
        if naam not in waarden:
            ontbreekt = True
            return ""
        return str(waarden[naam])

    url = re.sub(r"<(?:(\w+):)?(\w+)>", vervang, route)
    return None if ontbreekt else url


def test_no_staff_screen_or_export_shows_a_shielded_address(client, geheim, klantmanager):
    teamleider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-kcc")
    behandelaar = UserFactory(rollen=[Rol.BEHANDELAAR], username="bh-bz")
    behandelaar.afdelingen.add(geheim["zaak"].afdeling)
    waarden = {
        "klant_uuid": geheim["klant"].uuid,
        "zaak_uuid": geheim["zaak"].uuid,
        "item_uuid": geheim["item"].uuid,
        "bijlage_uuid": geheim["item"].bijlagen.get().uuid,
        "contact_uuid": geheim["contact"].uuid,
        "bericht_uuid": geheim["brief"].uuid,
        "uuid": geheim["zaak"].uuid,  # the API's case detail
        "code": geheim["product"].code,
    }
    urls = [
        (naam, _invullen(route, waarden))
        for naam, route, _kwargs in _urls({"werkplek", "zaken", "dashboard", "api-v1"})
    ]
    urls = [(naam, url) for naam, url in urls if url]
    assert len(urls) > 30  # the walk reaches the screens
    bekeken = 0
    for user in (klantmanager, teamleider, behandelaar):
        client.force_login(user)
        for naam, url in urls:
            for query in ("", "?formaat=json", "?formaat=csv"):
                antwoord = client.get(url + query)
                if antwoord.status_code != 200:
                    continue
                bekeken += 1
                inhoud = (
                    b"".join(antwoord.streaming_content) if antwoord.streaming else antwoord.content
                ).decode("utf-8", "replace")
                if naam == "werkplek:postbrief":
                    inhoud, afdruk = AFDRUK.subn("", inhoud)
                    assert afdruk == 1
                assert STRAAT not in inhoud and POSTCODE not in inhoud, (user.username, naam, query)
        # Searching: by BSN, and by name and birth date.
        for zoekterm in ("999997087", "Mulder"):
            inhoud = client.post("/kcc/", {"q": zoekterm}, follow=True).content.decode()
            assert STRAAT not in inhoud and POSTCODE not in inhoud
    assert bekeken > 40


def test_the_person_themself_sees_their_address_and_downloads_it(client, geheim):
    from kcc.services import klant_gebruiker

    client.force_login(klant_gebruiker(bsn="999997087"))
    assert STRAAT in client.get("/pip/mijn-gegevens/").content.decode()
    download = json.loads(client.get("/pip/mijn-gegevens/download/").content)
    assert STRAAT in download["gegevens"]["adres"]


def test_the_staff_dossier_names_the_shield_and_the_letter_its_sender_by_name(client, geheim):
    from kanalen.inzage.selectors import persoonsdossier

    dossier = persoonsdossier(klant=geheim["klant"], voor_medewerker=True)
    assert dossier["gegevens"]["adres"] == "afgeschermd (geheimhouding)"
    assert persoonsdossier(klant=geheim["klant"], voor_medewerker=False)["gegevens"][
        "adres"
    ].startswith(STRAAT)
    assert geheim["item"].van == "Lotte Mulder"
