"""Every bad input to a page gets a clear answer, never a server error.

The demo municipality is loaded and visited as every role, as a citizen, as
a business and as an anonymous visitor: the pages are found by following the
links the pages themselves show (as a user would), and every query parameter
a view reads and every field of every form on those pages gets unpleasant
values: a NUL byte, very long text, emoji, numbers out of range, impossible
dates, a parameter given twice. Pages no link leads to are visited with the
identifiers of the demo data. The API has its own sweep
(test_robuustheid_api.py).

The input is fixed, not random, so a run in CI finds what a run on a laptop
finds. A failure lists each request that gave a server error, to replay by
hand.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import io
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from kcc.models import User
from kcc.services import klant_gebruiker
from tests import zgw
from tests.factories import PDF

pytestmark = pytest.mark.django_db

# What a careless or hostile visitor types.
NARE_WAARDEN = [
    "\x00",
    "",
    "x" * 3000,
    "-1",
    "0",
    "99999999999999999999999",
    "1.5e308",
    "nan",
    "%",
    "'\"<>;--",
    "Ünïcødé 😀 \u202e\u200b",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "2026-03-10T10:00:00-19:35",
    "00000000-0000-0000-0000-000000000000",
]
# Given to one parameter at a time while the others keep their usual value:
# the values that break a parse, a range or a date sum.
PER_VELD = [
    "x" * 3000,
    "-1",
    "99999999999999999999999",
    "9999-12-31",
    "2026-02-30",
    "2026-03-10T10:00:00-19:35",
]

START = ["/", "/pip/", "/kcc/", "/dashboard/", "/beheer/", "/pip/inloggen/", "/kcc/inloggen/"]
# Not pages of the platform, or the end of the visit.
BUITEN = ("/uitloggen/", "/static/", "/media/", "/api/", "/ws/")
# A few instances of each kind of page are enough; the admin has many alike.
PER_ROUTE = 2
MAX_PAGINAS = 250

# Pages no link in the demo leads to, that the sweep visits anyway with the
# identifiers of the demo data. Every other page must be reached by a link.
ZONDER_LINK = {
    "healthz/live",
    "healthz/ready",
    "healthz",
    "metrics",
    "oidc/callback/",
    "oidc/authenticate/",
    "oidc/logout/",
}


@dataclass
class Formulier:
    action: str
    method: str
    velden: dict[str, str] = field(default_factory=dict)
    bestanden: list[str] = field(default_factory=list)


class Pagina(HTMLParser):
    """The links and forms of one HTML page."""

    def __init__(self, url: str, html: str):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.links: list[str] = []
        self.formulieren: list[Formulier] = []
        self._open: Formulier | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.url, a["href"]))
        elif tag == "form":
            self._open = Formulier(
                action=urljoin(self.url, a.get("action") or self.url),
                method=(a.get("method") or "get").lower(),
            )
            self.formulieren.append(self._open)
        elif self._open is None or not a.get("name"):
            return
        elif tag == "input":
            soort = (a.get("type") or "text").lower()
            if soort == "file":
                self._open.bestanden.append(a["name"])
            elif soort in ("checkbox", "radio"):
                if "checked" in a or a["name"] not in self._open.velden:
                    self._open.velden[a["name"]] = a.get("value") or "on"
            elif soort not in ("submit", "reset", "image", "button"):
                self._open.velden[a["name"]] = a.get("value", "")
        elif tag in ("select", "textarea"):
            self._open.velden.setdefault(a["name"], "")
        elif tag == "button" and "value" in a:
            self._open.velden.setdefault(a["name"], a["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._open = None


def _route(path: str) -> str | None:
    try:
        return resolve(path).route
    except Resolver404:
        return None


@cache
def _gelezen_in_module(module_naam: str) -> frozenset[str]:
    """The names a module reads from request.GET, found in its source:
    ``GET.get("x")``, ``GET.getlist("x")``, ``GET["x"]`` and ``"x" in GET``."""
    try:
        bron = Path(inspect.getsourcefile(importlib.import_module(module_naam))).read_text()
    except (TypeError, OSError):
        return frozenset()

    def is_get(node):
        return isinstance(node, ast.Attribute) and node.attr == "GET"

    namen = set()
    for node in ast.walk(ast.parse(bron)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and is_get(node.func.value)
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            namen.add(node.args[0].value)
        elif isinstance(node, ast.Subscript) and is_get(node.value):
            if isinstance(node.slice, ast.Constant):
                namen.add(node.slice.value)
        elif (
            isinstance(node, ast.Compare)
            and isinstance(node.left, ast.Constant)
            and any(is_get(c) for c in node.comparators)
        ):
            namen.add(node.left.value)
    return frozenset(n for n in namen if isinstance(n, str))


def _gelezen_parameters(path: str) -> set[str]:
    func = resolve(path).func
    func = getattr(func, "view_class", func)
    return set(_gelezen_in_module(func.__module__))


class Bezoek:
    """One visitor's walk through the platform, noting every server error."""

    def __init__(self, wie: str, user: User | None):
        self.wie = wie
        self.client = Client()
        self.user = user
        if user is not None:
            self.client.force_login(user)
        self.fouten: list[str] = []
        self.aantal = 0

    def vraag(self, methode: str, url: str, data=None):
        self.aantal += 1
        beschrijving = f"{self.wie}: {methode.upper()} {url} {data!r}"
        try:
            # A savepoint per request: a failed query must not break the
            # test's transaction for the requests after it.
            with transaction.atomic():
                response = getattr(self.client, methode)(url, data)
        except Exception as exc:
            self.fouten.append(f"{beschrijving[:300]} -> {exc!r}"[:600])
            return None
        if response.status_code >= 500:
            self.fouten.append(f"{beschrijving[:300]} -> {response.status_code}")
        if self.user is not None and "_auth_user_id" not in self.client.session:
            # A form that ended the session (the customer merged away, the
            # account blocked) must not end the sweep.
            self.client.force_login(self.user)
        return response

    def rondkijken(self, start: list[str]) -> list[Pagina]:
        """Follow the links from the start pages, a few instances per kind of page."""
        te_doen = list(start)
        gezien: set[str] = set()
        per_route: dict[str, int] = defaultdict(int)
        paginas: list[Pagina] = []
        while te_doen and len(paginas) < MAX_PAGINAS:
            url = te_doen.pop(0)
            if url in gezien:
                continue
            gezien.add(url)
            route = _route(urlsplit(url).path)
            if route is None or per_route[route] >= (1 if _is_beheer(route) else PER_ROUTE):
                continue
            if _is_beheer(route) and route.endswith(("delete/", "history/")):
                continue
            per_route[route] += 1
            response = self.vraag("get", url)
            if (
                response is None
                or response.status_code != 200
                or response.streaming
                or "text/html" not in response.get("Content-Type", "")
            ):
                continue
            pagina = Pagina(url, response.content.decode())
            paginas.append(pagina)
            for link in pagina.links:
                delen = urlsplit(link)
                if delen.netloc not in ("", "testserver") or delen.path.startswith(BUITEN):
                    continue
                te_doen.append(delen.path + (f"?{delen.query}" if delen.query else ""))
        return paginas


def _bezoekers():
    """The roles first: they see the most, so their sweep covers the most."""
    for username in ("teamleider", "behandelaar", "klantmanager", "beheerder"):
        yield Bezoek(username, User.objects.get(username=username))
    yield Bezoek("burger", klant_gebruiker(bsn="999993653"))
    yield Bezoek("ondernemer", klant_gebruiker(kvk_nummer="69599084"))
    yield Bezoek("anoniem", None)


def _adres(url: str) -> str:
    return urlsplit(url).path


def _is_beheer(route: str) -> bool:
    return route.startswith("beheer/")


def _nare_invoer(url: str, namen: set[str], basis: dict | None):
    """The requests for ``namen``: every name at once with each nasty value,
    every name given more than once, then each name alone with the values
    that break a parse, a range or a date sum. In the admin (Django's own
    forms, many alike) every third value, all names at once."""
    methode = "get" if basis is None else "post"
    basis = basis or {}
    if not namen:
        return
    beheer = _is_beheer(_route(_adres(url)) or "")
    for waarde in NARE_WAARDEN[:: 3 if beheer else 1]:
        yield methode, url, {**basis, **dict.fromkeys(namen, waarde)}
    yield methode, url, {**basis, **{naam: ["1", "\x00", "2"] for naam in namen}}
    if beheer:
        return
    for naam in sorted(namen):
        for waarde in PER_VELD:
            yield methode, url, {**basis, naam: waarde}


def _bestanden(namen: list[str]):
    inhoud = PDF
    for naam in namen:
        yield {naam: SimpleUploadedFile("../\x00\u202egnp.pdf", inhoud, "application/pdf")}
        yield {naam: SimpleUploadedFile("leeg.pdf", b"", "application/pdf")}
        yield {naam: SimpleUploadedFile("x" * 300 + ".pdf", inhoud, "text/html")}


class Sweep:
    """What every visitor found; each parameter and each form is tried once,
    by the first visitor who found it."""

    def __init__(self):
        self.bereikt: set[str] = set()
        self.gedaan: set[tuple] = set()
        self.fouten: list[str] = []
        self.aantal = 0

    def eenmaal(self, *sleutel) -> bool:
        if sleutel in self.gedaan:
            return False
        self.gedaan.add(sleutel)
        return True

    def bezoeken(self, bezoek: Bezoek) -> None:
        paginas = bezoek.rondkijken(START)
        self.bereikt |= {_route(_adres(p.url)) for p in paginas}

        # Query parameters: those the view reads, those its links carry and
        # the fields of the search and filter forms that lead to it.
        parameters: dict[str, set[str]] = defaultdict(set)
        voorbeeld: dict[str, str] = {}
        formulieren: list[tuple[str, Formulier]] = []
        for pagina in paginas:
            route = _route(_adres(pagina.url))
            voorbeeld.setdefault(route, _adres(pagina.url))
            parameters[route] |= _gelezen_parameters(_adres(pagina.url))
            parameters[route] |= {naam for naam, _ in parse_qsl(urlsplit(pagina.url).query)}
            for link in pagina.links:
                if (doel := _route(_adres(link))) is not None:
                    parameters[doel] |= {naam for naam, _ in parse_qsl(urlsplit(link).query)}
            for formulier in pagina.formulieren:
                doel = _route(_adres(formulier.action))
                if doel is None or _adres(formulier.action).startswith(BUITEN):
                    continue
                self.bereikt.add(doel)
                if formulier.method == "get":
                    parameters[doel] |= set(formulier.velden)
                    voorbeeld.setdefault(doel, _adres(formulier.action))
                else:
                    formulieren.append((doel, formulier))

        for route, namen in sorted(parameters.items()):
            if route in voorbeeld and self.eenmaal("get", route, frozenset(namen)):
                for verzoek in _nare_invoer(voorbeeld[route], namen, None):
                    bezoek.vraag(*verzoek)

        for route, formulier in formulieren:
            basis = {k: v for k, v in formulier.velden.items() if k != "csrfmiddlewaretoken"}
            if not self.eenmaal("post", route, frozenset(basis), tuple(formulier.bestanden)):
                continue
            bezoek.vraag("post", formulier.action, basis)
            for verzoek in _nare_invoer(formulier.action, set(basis), basis):
                bezoek.vraag(*verzoek)
            for bestand in _bestanden(formulier.bestanden):
                bezoek.vraag("post", formulier.action, {**basis, **bestand})
        self._optellen(bezoek)

    def zonder_link_bezoeken(self, bezoek: Bezoek, routes: list[str]) -> None:
        """The pages no link led to, with the demo's identifiers."""
        for route in routes:
            for url in _ingevuld(route):
                response = bezoek.vraag("get", url)
                if response is not None and response.status_code == 200:
                    namen = _gelezen_parameters(url)
                    if self.eenmaal("get", route, frozenset(namen)):
                        for verzoek in _nare_invoer(url, namen, None):
                            bezoek.vraag(*verzoek)
        self._optellen(bezoek)

    def _optellen(self, bezoek: Bezoek) -> None:
        self.fouten += bezoek.fouten
        self.aantal += bezoek.aantal
        bezoek.fouten, bezoek.aantal = [], 0


def _alle_routes():
    def lopen(resolver, voor=""):
        for patroon in resolver.url_patterns:
            if isinstance(patroon, URLResolver):
                yield from lopen(patroon, voor + str(patroon.pattern))
            elif isinstance(patroon, URLPattern):
                yield voor + str(patroon.pattern)

    return [r for r in lopen(get_resolver()) if not r.startswith(("beheer/", "api/", *zgw.ROUTES))]


def _ingevuld(route: str) -> list[str]:
    """The route with the identifiers of the demo data filled in: for
    ``<uuid:zaak_uuid>`` the uuids of the models named like ``zaak``, for
    ``<slug:code>`` the codes of the models with a field ``code``."""
    delen = re.findall(r"<(\w+):(\w+)>", route)
    kandidaten = {}
    for converter, naam in delen:
        if converter == "uuid":
            soort, veld = naam.removesuffix("_uuid"), "uuid"
            modellen = [m for m in apps.get_models() if soort in m._meta.model_name]
        else:
            veld = naam
            modellen = list(apps.get_models())
        kandidaten[naam] = [
            str(waarde)
            for model in modellen
            if any(f.name == veld for f in model._meta.fields)
            for waarde in model._default_manager.order_by("pk").values_list(veld, flat=True)[:2]
        ]
    if not all(kandidaten.values()):
        return []
    urls = []
    for i in range(max((len(k) for k in kandidaten.values()), default=1)):
        url = route
        for converter, naam in delen:
            url = url.replace(f"<{converter}:{naam}>", kandidaten[naam][i % len(kandidaten[naam])])
        urls.append("/" + url)
    return urls


def _gemeente() -> None:
    """The demo, with what it has none of: a case document, a call, an
    e-mail with an attachment; each made by its own service."""
    from email.message import EmailMessage

    from kanalen.post import services as post_services
    from kanalen.telefonie import services as telefonie_services
    from zaken import services as zaken_services
    from zaken.models import Zaak

    call_command("demo_data", stdout=io.StringIO())
    burger = klant_gebruiker(bsn="999993653")
    zaak = Zaak.objects.filter(klant__bsn="999993653", status="in_behandeling").first()
    zaken_services.zaak_document_toevoegen(
        zaak=zaak, user=burger, bestand=SimpleUploadedFile("bewijs.pdf", PDF), naam="Bewijs"
    )
    telefonie_services.gesprek_gebeurtenis_verwerken(
        data={"id": "sweep-1", "gesprek": "sweep", "soort": "aangeboden", "nummer": "0201234567"}
    )
    bericht = EmailMessage()
    bericht["From"] = "Suzanne Moulin <s.moulin@example.nl>"
    bericht["To"] = "kcc@voorbeeldstad.nl"
    bericht["Subject"] = "Mijn brief"
    bericht["Message-ID"] = "<sweep@example.nl>"
    bericht.set_content("Zie de bijlage.")
    bericht.add_attachment(PDF, maintype="application", subtype="pdf", filename="brief.pdf")
    post_services.email_ontvangen(ruw=bericht.as_bytes())
    # A letter answered by letter, waiting in "Post te versturen", and a
    # ticket drawn at the kiosk today.
    from kanalen.balie import wachtnummers
    from kcc.models import User
    from klanten.models import Klant
    from producten.models import Product

    agent = User.objects.get(username="klantmanager")
    brief = post_services.brief_registreren(
        user=agent,
        scan=SimpleUploadedFile("brief.pdf", PDF),
        onderwerp="Bezwaar parkeerboete",
        afzender="",
        klant=Klant.objects.get(bsn="999993653"),
    )
    post_services.inboxitem_oppakken(item=brief, user=agent)
    post_services.inboxitem_beantwoorden(
        item=brief, user=agent, tekst="Wij nemen uw bezwaar in behandeling."
    )
    wachtnummers.wachtnummer_trekken(
        product=wachtnummers.kioskproducten().first() or Product.objects.first()
    )


def test_it_answers_every_page_parameter_and_form_without_a_server_error(caplog):
    caplog.set_level(logging.CRITICAL, logger="django.request")
    caplog.set_level(logging.CRITICAL, logger="django.security")
    _gemeente()
    sweep = Sweep()
    bezoekers = list(_bezoekers())
    for bezoek in bezoekers:
        sweep.bezoeken(bezoek)
    niet_bereikt = sorted(set(_alle_routes()) - sweep.bereikt - ZONDER_LINK)
    # A page the sweep can neither follow a link to nor fill in is a page it
    # does not test: give it a link, or name its identifier like its model.
    assert all(_ingevuld(route) for route in niet_bereikt), [
        route for route in niet_bereikt if not _ingevuld(route)
    ]
    for bezoek in bezoekers:
        sweep.zonder_link_bezoeken(bezoek, niet_bereikt + sorted(ZONDER_LINK))

    assert not sweep.fouten, (
        f"{len(sweep.fouten)} of {sweep.aantal} requests gave a server error:\n"
        + "\n".join(sweep.fouten)
    )
