"""Users get formal Dutch everywhere, never English.

The platform's own texts are Dutch at the source. What could still come
through in English are the messages of Django (its admin, forms and
validators) and of Django REST framework where the Dutch those packages ship
is missing, out of date, informal ("je") or ungrammatical; the project's
catalog in ``locale/nl`` fills those in. These tests check that catalog
covers every such message, then walk what the users of the demo
municipality see: every screen of the beheer, the workspace, the back office,
the dashboard and the portal, the texts of the admin's scripts, and the
API's error answers.
"""

from __future__ import annotations

import ast
import contextlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import polib
import pytest
import rest_framework
from django.contrib import admin
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from rest_framework import exceptions
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from kcc.roles import Rol
from tests.factories import UserFactory, maak_product
from zaken import services as zaak_services

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
DJANGO = Path(django.__file__).parent
# The Django catalogs of the apps the platform installs.
DJANGO_CATALOGI = [
    DJANGO / "conf",
    DJANGO / "contrib" / "admin",
    DJANGO / "contrib" / "auth",
    DJANGO / "contrib" / "contenttypes",
    DJANGO / "contrib" / "sessions",
    DJANGO / "contrib" / "postgres",
]
PLAATSHOUDER = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\{[\w.!:]*\}")
INFORMEEL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)
# English messages whose Dutch is the same (without their placeholders).
ZELFDE_IN_HET_NEDERLANDS = {
    *["Filter", "Filters", "Token", "Tokens", "week", "salt", "hash", "checksum", "M", "W"],
    *[
        "URL",
        "IPv4",
        "IPv6",
        "byte",
        "bytes",
        "KB",
        "MB",
        "GB",
        "TB",
        "PB",
        "a.m.",
        "p.m.",
        "AM",
        "PM",
    ],
    *["jan", "feb", "apr", "jun", "jul", "aug", "sep", "nov", "dec"],
}


def _django_berichten(domein="django"):
    """(context, msgid, plural) of every message of the installed Django apps."""
    berichten = []
    for pakket in DJANGO_CATALOGI:
        bron = pakket / "locale" / "en" / "LC_MESSAGES" / f"{domein}.po"
        if bron.exists():
            berichten += [
                (e.msgctxt, e.msgid, e.msgid_plural or None)
                for e in polib.pofile(str(bron))
                if e.msgid
                and not e.obsolete
                # The names of languages: only Dutch is offered.
                and not any(pad.endswith("global_settings.py") for pad, _ in e.occurrences)
            ]
    return berichten


def _drf_berichten():
    """Every message DRF marks for translation in its source (its catalogs
    lag behind it), as (context, msgid, plural)."""
    return _bron_berichten(rest_framework)


def _axes_berichten():
    """django-axes's messages (its login attempts in the beheer); it has no
    Dutch of its own."""
    import axes

    return _bron_berichten(axes)


def _bron_berichten(pakket):
    functies = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}
    berichten = set()
    for bestand in Path(pakket.__file__).parent.rglob("*.py"):
        if "migrations" in bestand.parts or "tests" in bestand.parts:
            continue
        for node in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            functie = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            teksten = [
                a.value
                for a in node.args[:2]
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            if functie in functies and teksten:
                meervoud = teksten[1] if functie.startswith("n") and len(teksten) > 1 else None
                berichten.add((None, teksten[0], meervoud))
    return sorted(berichten, key=lambda b: b[1])


def _vertaling(context, msgid, meervoud, aantal=1):
    if meervoud:
        if context:
            return translation.npgettext(context, msgid, meervoud, aantal)
        return translation.ngettext(msgid, meervoud, aantal)
    return translation.pgettext(context, msgid) if context else translation.gettext(msgid)


def _engelse_fragmenten():
    """The literal parts (two words or more) of every English message of
    Django and DRF: none of them may be on a page or in an answer."""
    fragmenten = set()
    for _context, msgid, meervoud in _django_berichten() + _drf_berichten() + _axes_berichten():
        for tekst in filter(None, [msgid, meervoud]):
            for deel in PLAATSHOUDER.split(tekst):
                deel = deel.strip(" .,:;?!\u201c\u201d\u2018\u2019\"'()-")
                if len(deel.split()) >= 2:
                    fragmenten.add(deel)
    return fragmenten


# Dutch that reads like English: "Log in met DigiD".
NEDERLANDS = {"Log in"}
ENGELS = _engelse_fragmenten() - NEDERLANDS


def _engels_in(tekst: str) -> list[str]:
    return sorted(
        f for f in ENGELS if f in tekst and re.search(rf"(?<!\w){re.escape(f)}(?!\w)", tekst)
    )


def _gebreken(context, msgid, meervoud, *, vertaal=_vertaling) -> list[str]:
    gebreken = []
    for aantal, engels in [(1, msgid), (2, meervoud or msgid)]:
        nederlands = vertaal(context, msgid, meervoud, aantal)
        woorden = PLAATSHOUDER.sub("", engels).strip()
        zelfde = woorden in ZELFDE_IN_HET_NEDERLANDS or not re.search(r"[a-zA-Z]", woorden)
        if nederlands == engels and not zelfde:
            gebreken.append(f"untranslated: {engels!r}")
        if INFORMEEL.search(nederlands):
            gebreken.append(f"informal: {nederlands!r}")
    return gebreken


def test_it_has_formal_dutch_for_every_message_of_django_and_drf():
    with translation.override("nl"):
        gebreken = [
            gebrek
            for bericht in _django_berichten() + _drf_berichten() + _axes_berichten()
            for gebrek in _gebreken(*bericht)
        ]
    assert gebreken == []


def test_it_serves_the_admin_scripts_their_texts_in_formal_dutch(client, beheerder):
    client.force_login(beheerder)
    script = client.get(reverse("admin:jsi18n")).content.decode()
    catalogus = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))

    def vertaal(context, msgid, meervoud, aantal):
        sleutel = f"{context}\x04{msgid}" if context else msgid
        waarde = catalogus.get(sleutel, msgid if aantal == 1 else meervoud or msgid)
        if isinstance(waarde, list):
            return waarde[0 if aantal == 1 else 1]
        return waarde

    gebreken = [
        gebrek
        for bericht in _django_berichten("djangojs")
        for gebrek in _gebreken(*bericht, vertaal=vertaal)
    ]
    assert gebreken == []
    # The chooser of many items (a product's themes, a user's roles).
    assert catalogus["Choose all %s"] == "Alle %s kiezen"


def test_it_keeps_the_placeholders_of_every_message_in_its_own_catalog():
    for bron in (ROOT / "locale").rglob("*.po"):
        for entry in polib.pofile(str(bron)):
            vertalingen = [entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values()
            for nederlands in vertalingen:
                assert sorted(PLAATSHOUDER.findall(nederlands)) == sorted(
                    PLAATSHOUDER.findall(entry.msgid)
                ), (bron.name, entry.msgid)
                assert not INFORMEEL.search(nederlands), nederlands


def test_it_keeps_the_compiled_catalogs_in_step_with_their_sources():
    """The .mo files are committed (no gettext tools needed to run the
    platform); `make messages` makes them from the .po files."""

    def inhoud(catalogus):
        return {
            (e.msgctxt, e.msgid): (e.msgstr, dict(sorted(e.msgstr_plural.items())))
            for e in catalogus
            if e.msgid
        }

    bronnen = sorted((ROOT / "locale").rglob("*.po"))
    assert {b.stem for b in bronnen} == {"django", "djangojs"}
    for bron in bronnen:
        po = polib.pofile(str(bron))
        vertaald = polib.POFile()
        vertaald.extend(po.translated_entries())
        assert inhoud(polib.mofile(str(bron.with_suffix(".mo")))) == inhoud(vertaald), bron


class _Tekst(HTMLParser):
    """What a person reads or hears on a page: text outside scripts and
    styles, and the labels of controls."""

    ATTRIBUTEN = {"title", "aria-label", "placeholder", "alt"}

    def __init__(self):
        super().__init__()
        self.delen: list[str] = []
        self._verborgen = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "template"}:
            self._verborgen += 1
        attrs = dict(attrs)
        labels = [attrs[a] for a in self.ATTRIBUTEN if attrs.get(a)]
        if tag == "input" and attrs.get("type") in {"submit", "button"} and attrs.get("value"):
            labels.append(attrs["value"])
        self.delen += [f" {label} " for label in labels]

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template"}:
            self._verborgen -= 1

    def handle_data(self, data):
        if not self._verborgen:
            self.delen.append(data)


def _zichtbaar(html: str) -> str:
    parser = _Tekst()
    parser.feed(html)
    return " ".join("".join(parser.delen).split())


def _beheerpagina_urls():
    """Every screen of the beheer for every registered model: the lists, the
    forms to add, and for its first row the forms to change and delete, its
    history (and a user's password form)."""
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        urls.append(reverse("admin:app_list", args=[info[0]]))
        urls += [reverse(f"admin:{info[0]}_{info[1]}_changelist")]
        urls += [reverse(f"admin:{info[0]}_{info[1]}_add")]
        obj = model._default_manager.order_by("pk").first()
        if obj is None:
            continue
        for scherm in ["change", "history", "delete", "password"]:
            with contextlib.suppress(NoReverseMatch):
                urls.append(reverse(f"admin:{info[0]}_{info[1]}_{scherm}", args=[obj.pk]))
    return list(dict.fromkeys(urls))


@pytest.fixture
def demo():
    call_command("demo_data")


def _pagina_urls(namespaces: set[str]) -> list[str]:
    """The pages of these areas that need no value in their address."""
    from tests.test_geheimhouding import _invullen, _urls

    return [url for _naam, route, _ in _urls(namespaces) if (url := _invullen(route, {}))]


def test_it_shows_everyone_every_screen_in_dutch(client, demo):
    """The demo municipality as its users see it: every screen of the beheer
    as the beheerder, the workspace, back office and dashboard as a
    teamleider, the portal as a citizen."""
    from kcc.models import User
    from kcc.services import klant_gebruiker
    from klanten.models import Klant

    burger = klant_gebruiker(bsn=Klant.objects.exclude(bsn=None).order_by("pk")[0].bsn)
    rondes = [
        (User.objects.get(username="beheerder"), _beheerpagina_urls()),
        (
            User.objects.get(username="teamleider"),
            _pagina_urls({"publiek", "werkplek", "zaken", "dashboard"}),
        ),
        (burger, _pagina_urls({"portaal"})),
    ]
    verplicht = ["/beheer/kcc/user/add/", "/beheer/producten/product/add/", "/kcc/", "/pip/"]
    bekeken, engels = [], {}
    for gebruiker, urls in rondes:
        client.force_login(gebruiker)
        for url in urls:
            antwoord = client.get(url)
            soort = antwoord.get("Content-Type", "")
            if url not in verplicht and (antwoord.status_code != 200 or "html" not in soort):
                continue  # not theirs (adding to the audit log), a redirect, a download
            assert antwoord.status_code == 200, url
            bekeken.append(url)
            if gevonden := _engels_in(_zichtbaar(antwoord.content.decode())):
                engels[url] = gevonden
    assert engels == {}
    assert set(verplicht) <= set(bekeken)
    assert len(bekeken) > 80


def test_it_names_every_model_in_the_admins_messages_without_a_wrong_article(beheerder):
    """Dutch has two articles ("het product", "de klant"); Django's Dutch put
    "De" before every model's name. The messages now fit every model."""
    from kanalen.models import Kanaal

    maak_product()
    Kanaal.objects.create(soort="chat", naam="Chat", norm_percentage=80, kosten_per_contact=4)
    gecontroleerd = set()
    for model, model_admin in admin.site._registry.items():
        obj = model._default_manager.order_by("pk").first()
        if obj is None:
            continue
        request = RequestFactory().post("/")
        request.user = beheerder
        request._messages = CookieStorage(request)
        with translation.override("nl"):
            model_admin.response_add(request, obj)
            model_admin.response_change(request, obj)
            model_admin.response_delete(request, str(obj), obj.pk)
            naam = str(model._meta.verbose_name)
            berichten = [str(bericht) for bericht in request._messages]
        for bericht in berichten:
            assert naam in bericht, bericht
            assert not re.search(rf"\b(de|het|deze|dit)\s+{re.escape(naam)}\b", bericht, re.I), (
                bericht
            )
            assert _engels_in(bericht) == [], bericht
        gecontroleerd.add(naam)
    assert {"product", "kanaal", "thema", "gebruiker"} <= gecontroleerd


def test_it_tells_the_beheerder_a_change_was_saved_in_dutch(client, beheerder):
    from producten.models import Thema

    maak_product()
    thema = Thema.objects.get(slug="documenten")
    client.force_login(beheerder)
    antwoord = client.post(
        reverse("admin:producten_thema_change", args=[thema.pk]),
        {"naam": "Reisdocumenten", "slug": "documenten", "volgorde": "1"},
        follow=True,
    )
    bericht = "\u2018Reisdocumenten\u2019 (thema) is gewijzigd."
    assert bericht in _zichtbaar(antwoord.content.decode())


@pytest.fixture
def zaak(klant, teamleider):
    product = maak_product(kanalen=[("balie", True, "84.40")])
    return zaak_services.zaak_registreren(
        klant=klant, product=product, kanaal="balie", user=teamleider
    )


def _problemen(zaak, klantmanager, burger):
    """An error answer of every kind the API gives, as (what, response)."""
    behandelaar = UserFactory(rollen=[Rol.BEHANDELAAR], username="bh-nl")
    behandelaar.afdelingen.add(zaak.afdeling)
    actie = f"/api/v1/zaken/{zaak.uuid}/in-behandeling-nemen/"
    anoniem, medewerker, klant, streng = (
        Client(),
        Client(),
        Client(),
        Client(enforce_csrf_checks=True),
    )
    medewerker.force_login(behandelaar)
    klant.force_login(burger)
    streng.force_login(behandelaar)
    yield "401", anoniem.get("/api/v1/mij/")
    yield "403 csrf", streng.post(actie, {"verwachte_status": "ontvangen"})
    yield "403", klant.get("/api/v1/afdelingen/")
    yield "404", medewerker.get("/api/v1/zaken/00000000-0000-0000-0000-000000000000/")
    yield "405", medewerker.delete("/api/v1/mij/")
    yield "406", medewerker.get("/api/v1/mij/", HTTP_ACCEPT="text/csv")
    yield "400 json", medewerker.post(actie, "{niet: json", content_type="application/json")
    yield "400 invoer", medewerker.post(f"/api/v1/zaken/{zaak.uuid}/afhandelen/", {})
    yield "415", medewerker.post(actie, "a;b", content_type="text/csv")
    medewerker.post(actie, {"verwachte_status": "ontvangen"})
    yield "409", medewerker.post(actie, {"verwachte_status": "ontvangen"})


class _TeVaak(APIView):
    permission_classes = []

    def get(self, request):
        raise exceptions.Throttled(wait=3)


def test_it_answers_every_api_error_in_formal_dutch_with_its_values_filled_in(
    zaak, klantmanager, burger
):
    antwoorden = dict(_problemen(zaak, klantmanager, burger))
    antwoorden["429"] = _TeVaak.as_view()(APIRequestFactory().get("/api/v1/te-vaak/"))
    antwoorden["429"].render()
    for soort, antwoord in antwoorden.items():
        assert antwoord.status_code == int(soort[:3]), soort
        assert antwoord["Content-Type"] == "application/problem+json", soort
        probleem = json.loads(antwoord.content)
        teksten = [probleem["title"], probleem.get("detail", "")]
        teksten += [p["reason"] for p in probleem.get("invalidParams", [])]
        for tekst in teksten:
            assert "{" not in tekst and "}" not in tekst, (soort, tekst)
            assert _engels_in(tekst) == [], (soort, tekst)
            assert not INFORMEEL.search(tekst), (soort, tekst)
    assert antwoorden["405"].json()["detail"] == 'De methode "DELETE" is hier niet toegestaan.'
    assert antwoorden["405"].json()["title"] == "Deze methode is hier niet toegestaan."
    assert "CSRF-token" in antwoorden["403 csrf"].json()["detail"]
    assert antwoorden["403 csrf"].json()["code"] == "csrf_failed"
    assert "regel 1, positie 2" in antwoorden["400 json"].json()["detail"]
    assert json.loads(antwoorden["429"].content)["detail"] == (
        "Er zijn te veel verzoeken gedaan. Probeer het over 3 seconden opnieuw."
    )
