"""The committed OpenAPI file says what the API answers, and no more.

Every answer a test gets from /api/v1/ is checked against docs/openapi.yaml
(tests/contract.py, switched on for every test in tests/conftest.py). Here:
every read answers as described with real data in it; every error an
operation documents can really be had; a text the file allows empty is
taken empty, and one it requires is refused empty; and the check itself
fails on the kinds of drift it exists for.
"""

from __future__ import annotations

import copy
import io
import json
import time
import uuid

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import resolve

from kanalen.webhooks import handtekening
from kcc.roles import Rol
from tests import contract
from tests.factories import PDF, AfdelingFactory, UserFactory, maak_kennisitem, maak_product
from zaken import services

pytestmark = pytest.mark.django_db

SPEC = yaml.safe_load(contract.OPENAPI_BESTAND.read_text())
OPERATIES = [
    (methode, pad, operatie)
    for pad, item in SPEC["paths"].items()
    for methode, operatie in item.items()
]
LEZEN = [o for o in OPERATIES if o[0] == "get"]
WEBHOOKS = {
    "/api/v1/telefonie/gebeurtenissen/": "TELEFONIE_WEBHOOK_GEHEIM",
    "/api/v1/inbox/email/": "INBOX_WEBHOOK_GEHEIM",
    "/api/v1/inbox/sms/": "INBOX_WEBHOOK_GEHEIM",
}
GEHEIM = "contract-geheim"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32

# A valid body per case action, and the status the case must have for it.
ACTIES = {
    "in-behandeling-nemen": ("ontvangen", {}),
    "wacht-op-klant": ("in_behandeling", {"vraag": "Stuur een pasfoto"}),
    "hervatten": ("wacht_op_klant", {"reden": "Pasfoto ontvangen"}),
    "statusstap": ("in_behandeling", {"stap": "Ligt klaar"}),
    "verlengen": ("in_behandeling", {"weken": 2, "reden": "Advies nodig"}),
    "afhandelen": ("in_behandeling", {"resultaat": "Verstrekt", "toelichting": "Opgehaald"}),
    "afwijzen": ("in_behandeling", {"reden": "Niet ingeschreven"}),
    "heropenen": ("afgehandeld", {"reden": "Verkeerd afgehandeld"}),
    "intrekken": ("ontvangen", {"reden": "Niet meer nodig"}),
    "overdragen": ("ontvangen", {"afdeling": None, "toelichting": "Gaat over een dakkapel"}),
}


def _id(operatie):
    methode, pad, _ = operatie
    return f"{methode} {pad}"


@pytest.fixture
def wereld(klant, burger, teamleider, settings):
    """One of everything the API shows, and a member of staff who may do all of it."""
    from kcc.devdata.demo import kanalen as kanalen_demo

    kanalen_demo.laden(io.StringIO())  # channels with opening hours
    product = maak_product(wettelijke_termijn_aantal=8, wettelijke_termijn_eenheid="weken")
    maak_kennisitem("Wat kost een paspoort?", "€ 84,40.", producten=[product])
    zaak = services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)
    medewerker = UserFactory(rollen=[Rol.TEAMLEIDER, Rol.BEHANDELAAR], username="contract")
    medewerker.afdelingen.add(zaak.afdeling)
    document = services.zaak_document_toevoegen(
        zaak=zaak,
        user=medewerker,
        bestand=SimpleUploadedFile("aanvraag.pdf", PDF, "application/pdf"),
        naam="Aanvraag",
    )
    andere_afdeling = AfdelingFactory(code="vergunningen", naam="Vergunningen")
    settings.TELEFONIE_WEBHOOK_GEHEIM = settings.INBOX_WEBHOOK_GEHEIM = GEHEIM

    class Wereld:
        pass

    w = Wereld()
    w.product, w.zaak, w.document, w.burger = product, zaak, document, burger
    w.medewerker, w.andere_afdeling = medewerker, andere_afdeling
    return w


def _pad(pad: str, wereld, *, onbekend: bool = False) -> str:
    if "{uuid}" not in pad:
        return pad
    if onbekend:
        waarde = uuid.uuid4()
    elif pad.startswith("/api/v1/producten/"):
        waarde = wereld.product.uuid
    elif pad.startswith("/api/v1/zaakdocumenten/"):
        waarde = wereld.document.uuid
    else:
        waarde = wereld.zaak.uuid
    return pad.replace("{uuid}", str(waarde))


def _actie(pad: str) -> str:
    return pad.rstrip("/").rsplit("/", 1)[-1]


def _body(pad: str, wereld) -> dict:
    body = dict(ACTIES[_actie(pad)][1])
    if "afdeling" in body:
        body["afdeling"] = str(wereld.andere_afdeling.uuid)
    return body


def _zaak_in_status(zaak, status: str, user):
    if status == "ontvangen":
        return zaak
    services.zaak_in_behandeling_nemen(zaak=zaak, user=user)
    if status == "wacht_op_klant":
        services.zaak_wacht_op_klant(zaak=zaak, user=user, vraag="Stuur een pasfoto")
    elif status in {"afgehandeld", "heropend"}:
        services.zaak_afhandelen(zaak=zaak, user=user, resultaat="Verstrekt", toelichting="")
        if status == "heropend":
            services.zaak_heropenen(zaak=zaak, user=user, reden="Verkeerd afgehandeld")
    elif status == "ingetrokken":
        services.zaak_intrekken(zaak=zaak, user=user, reden="")
    return zaak


def _ondertekend(client, pad: str, body: bytes, content_type="application/json"):
    tijdstip = str(int(time.time()))
    return client.post(
        pad,
        body,
        content_type=content_type,
        HTTP_X_KCC_TIJDSTIP=tijdstip,
        HTTP_X_KCC_HANDTEKENING=handtekening(GEHEIM, tijdstip, body),
    )


# --- Every read, with real data in it ----------------------------------------


@pytest.mark.parametrize("operatie", LEZEN, ids=[_id(o) for o in LEZEN])
def test_it_answers_every_read_as_the_file_describes(client, wereld, operatie):
    _, pad, _ = operatie
    client.force_login(wereld.medewerker)
    response = client.get(_pad(pad, wereld))  # the contract checks the body
    assert response.status_code == 200, response.content


def test_it_serves_a_download_with_the_type_of_the_file(client, wereld):
    client.force_login(wereld.burger)
    for naam, inhoud, soort in [("foto.png", PNG, "image/png"), ("a.pdf", PDF, "application/pdf")]:
        response = client.post(
            f"/api/v1/zaken/{wereld.zaak.uuid}/documenten/",
            {"naam": "Pasfoto", "bestand": SimpleUploadedFile(naam, inhoud, soort)},
        )
        assert response.status_code == 201, response.content
        download = client.get(response.json()["inhoud"])
        assert download["Content-Type"] == soort
        assert b"".join(download.streaming_content) == inhoud


# --- Every documented error can be had --------------------------------------


def _uitlokken(
    status: int, methode: str, pad: str, operatie: dict, wereld, client, settings, monkeypatch
):
    """Provoke ``status`` on this operation the way a real caller would."""
    webhook = pad in WEBHOOKS
    if status == 413:
        client.force_login(wereld.medewerker)
        with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100):
            if webhook:
                return _ondertekend(client, pad, json.dumps({"tekst": "x" * 1_000}).encode())
            if "application/json" not in operatie["requestBody"]["content"]:
                bestand = SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf")
                return client.post(_pad(pad, wereld), {"naam": "x" * 1_000, "bestand": bestand})
            body = {"tekst": "x" * 1_000}
            return client.post(_pad(pad, wereld), body, content_type="application/json")
    if status == 500:
        # The view fails the way a bug would.
        def kapot(*args, **kwargs):
            raise RuntimeError("onverwacht")

        client.force_login(wereld.medewerker)
        client.raise_request_exception = False
        with monkeypatch.context() as vervangen:
            vervangen.setattr(resolve(_pad(pad, wereld)).func.cls, "initial", kapot)
            response = getattr(client, methode)(_pad(pad, wereld), content_type="application/json")
        client.raise_request_exception = True
        return response
    if status == 503 and webhook:
        setattr(settings, WEBHOOKS[pad], "")
        return _ondertekend(client, pad, b"{}")
    if status == 401 and webhook:
        return client.post(pad, b"{}", content_type="application/json")
    if status == 400 and webhook:
        soort = "message/rfc822" if pad.endswith("/email/") else "application/json"
        return _ondertekend(client, pad, b"{", soort)
    if status == 401:
        return getattr(client, methode)(_pad(pad, wereld), content_type="application/json")
    if status == 406:
        return getattr(client, methode)(_pad(pad, wereld), HTTP_ACCEPT="text/csv")
    if status == 403 and methode == "get":
        client.force_login(wereld.burger)
        return client.get(_pad(pad, wereld))
    if status == 403:
        # A session's write without its CSRF token.
        client = Client(enforce_csrf_checks=True)
        client.force_login(wereld.medewerker)
        return client.post(_pad(pad, wereld), {}, content_type="application/json")
    client.force_login(wereld.medewerker)
    if status == 404 and "{uuid}" in pad:
        return getattr(client, methode)(_pad(pad, wereld, onbekend=True))
    if status == 404:
        return client.get(pad, {"page": 999})
    if status == 415:
        return client.post(_pad(pad, wereld), "tekst", content_type="text/plain")
    if status == 400 and methode == "get":
        # A filter given a value it does not take; without filters, a NUL
        # character in the query, which no request gets past.
        filters = [p for p in operatie.get("parameters", []) if p["name"] != "page"]
        weigert = [p for p in filters if "genegeerd" not in p.get("description", "")]
        keuze = next((p for p in weigert if "enum" in p["schema"]), None)
        naam = filters[0]["name"] if filters else "zoek"
        waarde = {keuze["name"]: "bestaat-niet"} if keuze else {naam: "a\x00b"}
        return client.get(_pad(pad, wereld), waarde)
    if status == 400 and "requestBody" not in operatie:
        return getattr(client, methode)(_pad(pad, wereld) + "?reden=a%00b")  # no body to refuse
    if status == 400 and "application/json" not in operatie["requestBody"]["content"]:
        return client.post(_pad(pad, wereld), {"naam": "Zonder bestand"})  # multipart
    if status == 400:
        return client.post(_pad(pad, wereld), b"{", content_type="application/json")
    if status == 409:
        # A status the action does not start from (withdrawing a closed case is
        # a quiet no-op, so that one is tried on a reopened case).
        anders = "heropend" if _actie(pad) == "intrekken" else "ingetrokken"
        _zaak_in_status(wereld.zaak, anders, wereld.medewerker)
        return client.post(_pad(pad, wereld), _body(pad, wereld), content_type="application/json")
    pytest.fail(
        f"{methode.upper()} {pad} documents {status}, and this test knows no way to get it: "
        "document only what the endpoint can give, or teach _uitlokken how."
    )


@pytest.mark.parametrize("operatie", OPERATIES, ids=[_id(o) for o in OPERATIES])
def test_it_can_give_every_error_it_documents(client, wereld, settings, monkeypatch, operatie):
    methode, pad, beschrijving = operatie
    fouten = sorted(int(s) for s in beschrijving["responses"] if int(s) >= 400)
    for status in fouten:
        client.logout()
        response = _uitlokken(
            status, methode, pad, beschrijving, wereld, client, settings, monkeypatch
        )
        assert response.status_code == status, (status, response.content)
        assert response["Content-Type"] == contract.PROBLEM_JSON


def test_it_documents_the_errors_each_kind_of_operation_gives():
    """The common errors where they belong, and none where they cannot happen."""
    antwoorden = {(m, p): set(o["responses"]) for m, p, o in OPERATIES}
    # Every operation: a NUL character in the query (400), a bug (500).
    assert antwoorden[("get", "/api/v1/kanalen/")] == {"200", "400", "406", "500"}  # public
    assert antwoorden[("get", "/api/v1/producten/{uuid}/")] == {"200", "400", "404", "406", "500"}
    assert antwoorden[("get", "/api/v1/afdelingen/")] == {
        "200", "400", "401", "403", "404", "406", "500"
    }  # fmt: skip
    # An operation that reads a body: also one over the limit (413).
    assert antwoorden[("post", "/api/v1/zaken/{uuid}/afhandelen/")] == {
        "200", "400", "401", "403", "404", "406", "409", "413", "415", "500"
    }  # fmt: skip
    assert antwoorden[("post", "/api/v1/zaken/{uuid}/documenten/")] == {
        "201", "400", "401", "403", "404", "406", "413", "415", "500"
    }  # fmt: skip
    for pad in WEBHOOKS:
        assert antwoorden[("post", pad)] - {"200", "201"} == {"400", "401", "413", "500", "503"}


# --- Empty texts: refused exactly where the file says so -------------------


def _velden(methode: str, pad: str, operatie: dict) -> list[tuple[str, dict]]:
    ref = operatie["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return list(SPEC["components"]["schemas"][ref.rsplit("/", 1)[-1]]["properties"].items())


def _teksten(methode: str, pad: str, operatie: dict) -> list[tuple[str, dict]]:
    return [
        (naam, veld)
        for naam, veld in _velden(methode, pad, operatie)
        if veld.get("type") == "string" and "format" not in veld and "enum" not in veld
    ]


TEKSTVELDEN = [
    (pad, naam, veld)
    for methode, pad, operatie in OPERATIES
    if pad.startswith("/api/v1/zaken/{uuid}/") and _actie(pad) in ACTIES
    for naam, veld in _teksten(methode, pad, operatie)
]


def test_it_knows_every_case_action():
    acties = {_actie(p) for m, p, _ in OPERATIES if m == "post" and p.startswith("/api/v1/zaken/")}
    assert acties - {"documenten"} == set(ACTIES)


@pytest.mark.parametrize("leeg", ["", "   "], ids=["leeg", "spaties"])
@pytest.mark.parametrize(
    ("pad", "naam", "veld"), TEKSTVELDEN, ids=[f"{_actie(p)}.{n}" for p, n, _ in TEKSTVELDEN]
)
def test_it_refuses_an_empty_text_exactly_where_the_file_says_so(
    client, wereld, pad, naam, veld, leeg
):
    status, _ = ACTIES[_actie(pad)]
    _zaak_in_status(wereld.zaak, status, wereld.medewerker)
    client.force_login(wereld.medewerker)
    body = {**_body(pad, wereld), naam: leeg}
    response = client.post(_pad(pad, wereld), body, content_type="application/json")
    verplicht = veld.get("minLength", 0) >= 1 and (leeg == "" or veld.get("pattern") == r"\S")
    if verplicht:
        assert response.status_code == 400
        assert naam in [p["name"] for p in response.json()["invalidParams"]]
    else:
        assert response.status_code == 200, response.content


MET_VERWACHTE_STATUS = [
    pad
    for methode, pad, operatie in OPERATIES
    if pad.startswith("/api/v1/zaken/{uuid}/")
    and _actie(pad) in ACTIES
    and "verwachte_status" in dict(_velden(methode, pad, operatie))
]


@pytest.mark.parametrize("pad", MET_VERWACHTE_STATUS, ids=[_actie(p) for p in MET_VERWACHTE_STATUS])
def test_it_answers_409_for_every_action_whose_expected_status_no_longer_holds(client, wereld, pad):
    status, _ = ACTIES[_actie(pad)]
    zaak = _zaak_in_status(wereld.zaak, status, wereld.medewerker)
    historie = zaak.historie.count()
    client.force_login(wereld.medewerker)
    body = {**_body(pad, wereld), "verwachte_status": "afgewezen"}
    response = client.post(_pad(pad, wereld), body, content_type="application/json")
    assert response.status_code == 409, response.content
    zaak = type(zaak).objects.get(pk=zaak.pk)  # the status field cannot be refreshed
    assert (zaak.status, zaak.historie.count()) == (status, historie)


# --- The check itself -----------------------------------------------------------


def _openapi_met(wijziging) -> contract.OpenAPI:
    spec = copy.deepcopy(SPEC)
    wijziging(spec)
    return contract.openapi_van(spec)


def test_the_contract_refuses_an_undocumented_status(client, wereld):
    def zonder_404(spec):
        del spec["paths"]["/api/v1/producten/{uuid}/"]["get"]["responses"]["404"]

    response = client.get(f"/api/v1/producten/{uuid.uuid4()}/")
    with pytest.raises(contract.ContractFout, match="404"):
        contract.controleren(response, tegen=_openapi_met(zonder_404))


def test_the_contract_refuses_an_undocumented_content_type(client, wereld):
    def alleen_octet_stream(spec):
        antwoord = spec["paths"]["/api/v1/zaakdocumenten/{uuid}/inhoud/"]["get"]["responses"]
        antwoord["200"]["content"] = {
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
        }

    client.force_login(wereld.medewerker)
    response = client.get(f"/api/v1/zaakdocumenten/{wereld.document.uuid}/inhoud/")
    with pytest.raises(contract.ContractFout, match="application/pdf"):
        contract.controleren(response, tegen=_openapi_met(alleen_octet_stream))


def test_the_contract_refuses_an_undocumented_field_and_a_time_without_offset(client, wereld):
    def zonder_kosten(spec):
        del spec["components"]["schemas"]["Kanaal"]["properties"]["kosten_per_contact"]

    def als_format_time(spec):
        spec["components"]["schemas"]["Openingstijd"]["properties"]["open"] = {
            "type": "string",
            "format": "time",
        }

    response = client.get("/api/v1/kanalen/")
    assert json.loads(response.content)[0]["openingstijden"]
    with pytest.raises(contract.ContractFout, match="kosten_per_contact"):
        contract.controleren(response, tegen=_openapi_met(zonder_kosten))
    with pytest.raises(contract.ContractFout, match="time"):
        contract.controleren(response, tegen=_openapi_met(als_format_time))
