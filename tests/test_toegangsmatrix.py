"""Who may open what, for every route there is: each page of the URLconf,
each operation of the API schema and each websocket route is called as
every role and as an anonymous visitor, on the demo municipality, with the
objects of someone else filled in. A role the table does not name for a
route must be refused (401, 403, 404 or the login page); a role it names
must get in. A new route without a line in the table fails the test: the
one who adds an endpoint decides who may use it.

The beheer (158 routes of the admin) is one line: the beheerder only.
"""

from __future__ import annotations

import logging
import os

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests import zgw
from tests.factories import PDF
from tests.test_robuustheid import _bezoekers, _gemeente, _ingevuld

pytestmark = pytest.mark.django_db

A, B, OND = "anoniem", "burger", "ondernemer"
KM, BH, TL, BB = "klantmanager", "behandelaar", "teamleider", "beheerder"
IEDEREEN = frozenset({A, B, OND, KM, BH, TL, BB})
KLANT = frozenset({B, OND})
STAF = frozenset({KM, BH, TL})
KCC = frozenset({KM, TL})  # klantbeeld, search, the KCC's own channels
ZAKEN = frozenset({BH, TL})
ALLE_STAF = STAF | {BB}
INGELOGD = IEDEREEN - {A}
NIEMAND: frozenset[str] = frozenset()

# Who gets in, per route of the URLconf (the admin's are one line below).
# Objects are someone's: a route that names one is called with the first two
# of its kind in the demo, so a customer reaches only their own (the burger
# owns some, the ondernemer none) and staff what their afdeling and role allow.
PAGINAS: dict[str, frozenset[str]] = {
    "": IEDEREEN,
    # Only with the token the beheerder was shown (tests/test_balie_apparaten.py).
    "balie/apparaat/<str:token>/": NIEMAND,
    "balie/kiosk/": IEDEREEN,
    # A ticket of today, seen where the kiosk is (here: the counter's network).
    "balie/kiosk/<uuid:nummer_uuid>/": IEDEREEN,
    "balie/scherm/": IEDEREEN,
    "chat/": IEDEREEN,
    "chat/<uuid:chat_uuid>/": NIEMAND,
    "contact/": IEDEREEN,
    "dashboard/": frozenset({TL}),
    "favicon.ico": IEDEREEN,
    "dashboard/kpi/<slug:kpi>/": frozenset({TL}),
    "dashboard/planning/": frozenset({TL}),
    "dashboard/wallboard/": STAF,  # counts only: the workspace shows them too
    "healthz": IEDEREEN,
    "healthz/live": IEDEREEN,
    "healthz/ready": IEDEREEN,
    "kcc/": STAF,
    "kcc/balie/": STAF,
    "kcc/berichten/mislukt/": frozenset({TL}),
    "kcc/chats/": KCC,
    "kcc/chats/<uuid:chat_uuid>/": NIEMAND,
    "kcc/contact/": STAF,
    "kcc/contactverzoeken/": STAF,
    "kcc/documenten/<uuid:document_uuid>/": KCC,
    "kcc/gesprekken/<uuid:gesprek_uuid>/": NIEMAND,
    "kcc/herstelcodes/": ALLE_STAF,
    "kcc/inbox/": STAF,
    "kcc/inbox/<uuid:item_uuid>/": KCC,
    "kcc/inbox/bijlagen/<uuid:bijlage_uuid>/": KCC,
    "kcc/inbox/brief/": KCC,
    "kcc/inloggen/": IEDEREEN,
    # Only after a right password (tests/test_tweede_factor.py).
    "kcc/inloggen/app-koppelen/": NIEMAND,
    "kcc/inloggen/code/": NIEMAND,
    "kcc/kennisbank/": STAF,
    "kcc/kennisbank/<uuid:item_uuid>/gebruik/": STAF,
    "kcc/kennisbank/contact/": KCC,
    "kcc/klanten/<uuid:klant_uuid>/": KCC,
    "kcc/klanten/<uuid:klant_uuid>/aanvraag/": KCC,
    "kcc/klanten/<uuid:klant_uuid>/afspraak/": KCC,
    "kcc/klanten/<uuid:klant_uuid>/bericht/": KCC,
    "kcc/klanten/<uuid:klant_uuid>/brp/": KCC,
    "kcc/klanten/<uuid:klant_uuid>/contact/": KCC,
    "kcc/klanten/<uuid:klant_uuid>/contactgegevens/": KCC,
    "kcc/klanten/<uuid:klant_uuid>/inzage/": KCC,
    # Merging a duplicate registration: the teamleider only.
    "kcc/klanten/<uuid:klant_uuid>/samenvoegen/": frozenset({TL}),
    "kcc/klanten/<uuid:klant_uuid>/tijdlijn/": KCC,
    "kcc/klanten/<uuid:klant_uuid>/toestemming/": KCC,
    "kcc/meldingen/": STAF,
    "kcc/post/": KCC,
    "kcc/post/<uuid:bericht_uuid>/": KCC,
    "kcc/producten/": STAF,
    # The beheerder previews a (concept) product as agents will see it.
    "kcc/producten/<slug:code>/": ALLE_STAF,
    "kcc/status/": STAF,
    "kcc/volgende/": STAF,
    "kcc/zaken/": STAF,
    "kcc/zaken/<uuid:zaak_uuid>/": STAF,
    "kcc/zaken/<uuid:zaak_uuid>/actie/": STAF,
    # A token in production; in development the machine itself, as here.
    "metrics": IEDEREEN,
    "normen/": IEDEREEN,
    "oidc/authenticate/": NIEMAND,
    "oidc/callback/": NIEMAND,
    "oidc/logout/": IEDEREEN,
    "pip/": KLANT,
    "pip/aanvragen/": KLANT,
    "pip/aanvragen/<uuid:aanvraag_uuid>/": NIEMAND,
    "pip/aanvragen/<uuid:aanvraag_uuid>/controleren/": NIEMAND,
    "pip/aanvragen/<uuid:aanvraag_uuid>/documenten/": NIEMAND,
    "pip/aanvragen/<uuid:aanvraag_uuid>/verstuurd/": NIEMAND,
    "pip/aanvragen/<uuid:aanvraag_uuid>/verwijderen/": NIEMAND,
    "pip/aanvragen/nieuw/<slug:code>/": KLANT,
    "pip/afspraken/": KLANT,
    "pip/afspraken/<uuid:afspraak_uuid>/": NIEMAND,
    "pip/afspraken/<uuid:afspraak_uuid>/verzetten/": NIEMAND,
    "pip/afspraken/nieuw/<slug:code>/": KLANT,
    "pip/beoordelen/contact/<uuid:contact_uuid>/": frozenset({B}),
    "pip/beoordelen/zaak/<uuid:zaak_uuid>/": frozenset({B}),
    "pip/berichten/": KLANT,
    "pip/documenten/<uuid:document_uuid>/": frozenset({B}),
    "pip/inloggen/": IEDEREEN,
    "pip/inloggen/digid/": IEDEREEN,
    "pip/inloggen/eherkenning/": IEDEREEN,
    "pip/mijn-contacten/": KLANT,
    "pip/mijn-gegevens/": KLANT,
    "pip/mijn-gegevens/download/": KLANT,
    "pip/mijn-gegevens/toestemming/": KLANT,
    "pip/vraag-of-klacht/": KLANT,
    "pip/zaken/": KLANT,
    "pip/zaken/<uuid:zaak_uuid>/": frozenset({B}),
    "pip/zaken/<uuid:zaak_uuid>/antwoord/": frozenset({B}),
    "pip/zaken/<uuid:zaak_uuid>/document/": frozenset({B}),
    "pip/zaken/<uuid:zaak_uuid>/intrekken/": frozenset({B}),
    "producten/": IEDEREEN,
    "producten/<slug:code>/": IEDEREEN,
    "producten/levensgebeurtenis/<slug:slug>/": IEDEREEN,
    "producten/thema/<slug:slug>/": IEDEREEN,
    "producten/zoeken/": IEDEREEN,
    "uitloggen/": IEDEREEN,
    "vragen/": IEDEREEN,
}

# Who gets in, per "METHOD path" of the API schema.
API: dict[str, frozenset[str]] = {
    "GET /api/v1/afdelingen/": STAF,
    "GET /api/v1/kanalen/": IEDEREEN,
    "GET /api/v1/kennisitems/": IEDEREEN,
    "GET /api/v1/mij/": INGELOGD,
    "GET /api/v1/producten/": IEDEREEN,
    "GET /api/v1/producten/{uuid}/": IEDEREEN,
    "GET /api/v1/zaakdocumenten/{uuid}/inhoud/": frozenset({B, KM, TL}),
    # Each sees the cases they may see: a customer their own, the beheerder none.
    "GET /api/v1/zaken/": INGELOGD,
    "GET /api/v1/zaken/{uuid}/": STAF,
    # The webhooks take a signature, never a login.
    "POST /api/v1/inbox/email/": NIEMAND,
    "POST /api/v1/inbox/sms/": NIEMAND,
    "POST /api/v1/telefonie/gebeurtenissen/": NIEMAND,
    "POST /api/v1/zaken/{uuid}/afhandelen/": ZAKEN,
    "POST /api/v1/zaken/{uuid}/afwijzen/": ZAKEN,
    "POST /api/v1/zaken/{uuid}/documenten/": STAF,
    "POST /api/v1/zaken/{uuid}/heropenen/": frozenset({TL}),
    "POST /api/v1/zaken/{uuid}/hervatten/": ZAKEN,
    "POST /api/v1/zaken/{uuid}/in-behandeling-nemen/": ZAKEN,
    "POST /api/v1/zaken/{uuid}/intrekken/": KCC,
    "POST /api/v1/zaken/{uuid}/overdragen/": STAF,
    "POST /api/v1/zaken/{uuid}/statusstap/": ZAKEN,
    "POST /api/v1/zaken/{uuid}/verlengen/": ZAKEN,
    "POST /api/v1/zaken/{uuid}/wacht-op-klant/": ZAKEN,
}

# Who may connect, per websocket route.
WEBSOCKETS: dict[str, frozenset[str]] = {
    "ws/meldingen/": INGELOGD,
    "ws/klanten/<uuid:klant_uuid>/": KCC,
    # Someone else's chat: only its own customer and agent take part.
    "ws/chat/<uuid:chat_uuid>/": NIEMAND,
    # From outside the counter's network, as here: staff only.
    "ws/balie/": ALLE_STAF,
    "ws/dashboard/wallboard/": STAF,
}

BEHEER = frozenset({BB})
LOGIN = ("/kcc/inloggen/", "/pip/inloggen/", "/beheer/login/")


def _routes(resolver=None, voor=""):
    for patroon in (resolver or get_resolver()).url_patterns:
        if isinstance(patroon, URLResolver):
            yield from _routes(patroon, voor + str(patroon.pattern))
        elif isinstance(patroon, URLPattern):
            yield voor + str(patroon.pattern)


def _binnen(antwoord) -> bool:
    """Whether the answer let the visitor in (a refusal is 401, 403, 404 or
    the way to a login page)."""
    if antwoord.status_code in (401, 403, 404):
        return False
    if antwoord.status_code in (301, 302, 303):
        return not antwoord["Location"].startswith(LOGIN)
    return True


def _aanvraagformulier() -> list[str]:
    from klanten.models import Klant
    from producten.selectors import producten_aanvraagbaar

    klant = Klant.objects.get(bsn="999993653")
    product = producten_aanvraagbaar().first()
    return [f"/kcc/klanten/{klant.uuid}/aanvraag/?product={product.uuid}"]


def _samenvoegen() -> list[tuple[str, dict]]:
    """Merging a duplicate into a customer: the form as a teamleider sends it."""
    from klanten.models import Klant

    behouden, dubbel = Klant.objects.filter(bsn__isnull=False).order_by("pk")[:2]
    url = f"/kcc/klanten/{behouden.uuid}/samenvoegen/"
    return [(url, {"dubbel": str(dubbel.uuid), "bevestigd": "ja"})]


def _brief() -> list[str]:
    """A letter that waits to be printed (an e-mail has the same model)."""
    from kanalen.models import Bericht

    return [f"/kcc/post/{Bericht.objects.filter(kanaal=Bericht.Kanaal.POST).get().uuid}/"]


# Routes whose identifier is no field of a model, or that need more than the
# identifier to do something: an example to call (a URL, or a URL and the
# form it is sent).
VOORBEELDEN = {
    "balie/apparaat/<str:token>/": ["/balie/apparaat/geen-geldig-token/"],
    "dashboard/kpi/<slug:kpi>/": ["/dashboard/kpi/fcr/", "/dashboard/kpi/servicelevel/"],
    "pip/afspraken/nieuw/<slug:code>/": ["/pip/afspraken/nieuw/paspoort/"],
    "kcc/klanten/<uuid:klant_uuid>/aanvraag/": _aanvraagformulier,
    "kcc/klanten/<uuid:klant_uuid>/samenvoegen/": _samenvoegen,
    "kcc/post/<uuid:bericht_uuid>/": _brief,
}


def _urls(route: str) -> list:
    if route in VOORBEELDEN:
        voorbeeld = VOORBEELDEN[route]
        return voorbeeld() if callable(voorbeeld) else voorbeeld
    return _ingevuld(route) if "<" in route else ["/" + route]


def _bezoek(bezoek, url: str) -> bool:
    """One visitor, logged in afresh (a route may log out), calls ``url``:
    GET, or an empty POST where the view takes only that; undone afterwards."""
    client = Client(raise_request_exception=False)
    if bezoek.user is not None:
        client.force_login(bezoek.user)
    url, formulier = url if isinstance(url, tuple) else (url, None)
    with transaction.atomic():
        if formulier is not None:
            antwoord = client.post(url, formulier)
        else:
            antwoord = client.get(url)
            if antwoord.status_code == 405:
                antwoord = client.post(url, {})
        transaction.set_rollback(True)
    return _binnen(antwoord)


def _paginas_gezien(bezoekers) -> dict[str, set[str]]:
    gezien = {}
    for route in sorted(set(_routes())):
        if route.startswith(("beheer/", "api/", "static/", "media/", *zgw.ROUTES)):
            continue
        gezien[route] = {
            bezoek.wie for bezoek in bezoekers if any(_bezoek(bezoek, u) for u in _urls(route))
        }
    return gezien


def _api_operaties() -> list[str]:
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator(api_version="v1").get_schema(request=None, public=True)
    return sorted(
        f"{methode.upper()} {pad}"
        for pad, operaties in schema["paths"].items()
        for methode in operaties
        if methode in ("get", "post", "put", "patch", "delete")
    )


def _api_urls(pad: str) -> list[str]:
    """The path with someone's objects in: the first two of the model the
    segment before ``{uuid}`` names."""
    from producten.models import Product
    from zaken.models import Zaak, ZaakDocument

    if "{uuid}" not in pad:
        return [pad]
    soort = pad.split("/{uuid}")[0].rsplit("/", 1)[-1]
    model = {"zaken": Zaak, "producten": Product, "zaakdocumenten": ZaakDocument}[soort]
    return [pad.replace("{uuid}", str(u)) for u in model.objects.values_list("uuid", flat=True)[:2]]


def _invoer(operatie: str) -> dict:
    """A body that passes the input check, so the answer is the role's."""
    from kcc.models import Afdeling

    actie = operatie.rstrip("/").rsplit("/", 1)[-1]
    return {
        "afhandelen": {"resultaat": "Verleend"},
        "afwijzen": {"reden": "Onvolledig"},
        "heropenen": {"reden": "Bezwaar"},
        "intrekken": {"reden": "Niet meer nodig"},
        "verlengen": {"weken": 2, "reden": "Advies nodig"},
        "statusstap": {"stap": "Beoordeling"},
        "wacht-op-klant": {"vraag": "Stuur een pasfoto"},
        "overdragen": {
            "afdeling": str(Afdeling.objects.values_list("uuid", flat=True).first()),
            "toelichting": "Hoort bij Vergunningen",
        },
    }.get(actie, {})


def _api_bezoek(bezoek, operatie: str) -> bool:
    from django.core.files.uploadedfile import SimpleUploadedFile

    methode, pad = operatie.split(" ", 1)
    client = Client(raise_request_exception=False)
    if bezoek.user is not None:
        client.force_login(bezoek.user)
    binnen = False
    for url in _api_urls(pad):
        # Each call undone afterwards: one role's change is not the next one's state.
        with transaction.atomic():
            if pad.endswith("/documenten/"):
                bestand = SimpleUploadedFile("bewijs.pdf", PDF, content_type="application/pdf")
                antwoord = client.post(url, {"naam": "Bewijs", "bestand": bestand})
            elif methode == "GET":
                antwoord = client.get(url)
            else:
                antwoord = getattr(client, methode.lower())(
                    url, _invoer(pad), content_type="application/json"
                )
            transaction.set_rollback(True)
        binnen = binnen or _binnen(antwoord)
    return binnen


def _api_gezien(bezoekers) -> dict[str, set[str]]:
    return {
        operatie: {bezoek.wie for bezoek in bezoekers if _api_bezoek(bezoek, operatie)}
        for operatie in _api_operaties()
    }


def _verschillen(tabel: dict, gezien: dict) -> list[str]:
    return [
        f"{route}: {sorted(wie)} got in, the table says {sorted(tabel.get(route, ()))}"
        for route, wie in gezien.items()
        if wie != tabel.get(route)
    ]


@pytest.fixture
def gemeente(caplog):
    caplog.set_level(logging.CRITICAL, logger="django.request")
    caplog.set_level(logging.CRITICAL, logger="django.security")
    caplog.set_level(logging.CRITICAL, logger="kanalen")
    _gemeente()
    return list(_bezoekers())


def _paginafouten(gemeente) -> list[str]:
    gezien = _paginas_gezien(gemeente)
    if set(gezien) != set(PAGINAS):
        return [
            "Routes without a line in PAGINAS (decide who may use them): "
            f"{sorted(set(gezien) - set(PAGINAS))}; lines for routes that are gone: "
            f"{sorted(set(PAGINAS) - set(gezien))}"
        ]
    return _verschillen(PAGINAS, gezien)


def _beheerfouten(gemeente) -> list[str]:
    # Logging out of the beheer is, like any logout, for anyone.
    beheer = sorted(r for r in set(_routes()) if r.startswith("beheer/") and r != "beheer/logout/")
    fouten = [] if len(beheer) > 100 else [f"only {len(beheer)} beheer routes found"]
    for route in beheer:
        urls = _urls(route) if "<" in route else ["/" + route]
        for bezoek in gemeente:
            if bezoek.wie != BB and any(_bezoek(bezoek, u) for u in urls):
                fouten.append(f"{bezoek.wie} got into {route}")
    if not _bezoek(next(b for b in gemeente if b.wie == BB), "/beheer/"):
        fouten.append("the beheerder does not get into /beheer/")
    return fouten


def _apifouten(gemeente) -> list[str]:
    gezien = _api_gezien(gemeente)
    if set(gezien) != set(API):
        return [
            f"Operations without a line in API: {sorted(set(gezien) - set(API))}; "
            f"lines for operations that are gone: {sorted(set(API) - set(gezien))}"
        ]
    return _verschillen(API, gezien)


def test_every_page_beheer_route_and_api_operation_lets_in_exactly_its_roles(gemeente):
    """One test on one demo municipality (loading it is most of the time):
    every page and API operation against its line, every beheer route for
    the beheerder only. Each part reports all its differences."""
    fouten = {
        "pages": _paginafouten(gemeente),
        "beheer": _beheerfouten(gemeente),
        "api": _apifouten(gemeente),
    }
    assert not any(fouten.values()), "\n".join(
        f"{deel}: {regel}" for deel, regels in fouten.items() for regel in regels
    )


@pytest.mark.django_db(transaction=True)
def test_every_websocket_route_connects_exactly_the_roles_its_line_names():
    from channels.routing import URLRouter

    from kanalen.models import Chat
    from kcc.roles import Rol
    from kcc.routing import websocket_urlpatterns
    from kcc.services import klant_gebruiker
    from tests.factories import KlantFactory, UserFactory

    routes = [str(p.pattern) for p in websocket_urlpatterns]
    assert set(routes) == set(WEBSOCKETS), "every websocket route needs a line in WEBSOCKETS"
    klant = KlantFactory(bsn="999993653")
    gebruikers = {
        A: None,
        B: klant_gebruiker(bsn="999993653"),
        OND: klant_gebruiker(kvk_nummer="69599084"),
        KM: UserFactory(rollen=[Rol.KLANTMANAGER]),
        BH: UserFactory(rollen=[Rol.BEHANDELAAR]),
        TL: UserFactory(rollen=[Rol.TEAMLEIDER]),
        BB: UserFactory(rollen=[Rol.BEHEERDER]),
    }
    chat = Chat.objects.create(naam="Iemand", sessie_sleutel="van-een-ander")
    invulling = {"<uuid:klant_uuid>": str(klant.uuid), "<uuid:chat_uuid>": str(chat.uuid)}
    app = URLRouter(websocket_urlpatterns)

    async def verbinden(pad, user):
        from django.contrib.auth.models import AnonymousUser

        communicator = WebsocketCommunicator(app, "/" + pad)
        communicator.scope["user"] = user or AnonymousUser()
        communicator.scope["client"] = ("203.0.113.5", 50000)
        communicator.scope["session"] = None
        gelukt, _ = await communicator.connect()
        await communicator.disconnect()
        return gelukt

    fouten = []
    for route in routes:
        pad = route
        for sjabloon, waarde in invulling.items():
            pad = pad.replace(sjabloon, waarde)
        binnen = {wie for wie, user in gebruikers.items() if async_to_sync(verbinden)(pad, user)}
        if binnen != WEBSOCKETS[route]:
            fouten.append(
                f"{route}: {sorted(binnen)} connected, the table says {sorted(WEBSOCKETS[route])}"
            )
    assert fouten == []


@pytest.mark.skipif(not os.environ.get("KCC_MATRIX_TEKENEN"), reason="draws the table only")
def test_draw_the_table(gemeente):
    """KCC_MATRIX_TEKENEN=1 pytest tests/test_toegangsmatrix.py -s prints who
    gets in now, route by route, to write a new line from (after deciding
    that what it shows is right)."""
    for route, wie in [*_paginas_gezien(gemeente).items(), *_api_gezien(gemeente).items()]:
        print(f'    "{route}": {sorted(wie)},')
