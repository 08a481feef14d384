"""The Zaken, Catalogi and Documenten APIs as other systems of the
municipality call them: a JWT of a registered applicatie, the filters and
expansions Open Inwoner and KISS use. Every answer is checked against the
official OpenAPI file of its API (tests/conftest.py, tests/zgw.py)."""

from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kcc.koppelingen.models import Applicatie, Autorisatie
from kcc.models import AuditLogEntry
from tests import zgw
from tests.factories import PDF, KlantFactory, maak_product

GEHEIM = "een-geheim-van-minstens-tweeendertig-tekens"
BSN = "999993653"
KANALEN = [("balie", True, "84.40"), ("internet", True, "84.40")]


def toekennen(
    app, product=None, maximum="zeer_geheim", components=("zaken", "catalogi", "documenten")
):
    for component in components:
        Autorisatie.objects.create(
            applicatie=app,
            component=component,
            scopes=[f"{component}.lezen"],
            product=product,
            max_vertrouwelijkheid=maximum,
        )


@pytest.fixture
def applicatie(db):
    app = Applicatie.objects.create(label="Open Inwoner", client_id="open-inwoner", secret=GEHEIM)
    toekennen(app)
    return app


def kop(client_id="open-inwoner", secret=GEHEIM, crs=True, **extra):
    koppen = {"HTTP_AUTHORIZATION": f"Bearer {zgw.jwt_maken(client_id, secret, **extra)}"}
    if crs:
        koppen["HTTP_ACCEPT_CRS"] = "EPSG:4326"
    return koppen


def pad(url: str) -> str:
    delen = urlsplit(url)
    return delen.path + (f"?{delen.query}" if delen.query else "")


@pytest.fixture
def paspoort(db):
    return maak_product(kanalen=KANALEN)


@pytest.fixture
def zaken(klant, andere_klant, teamleider, paspoort):
    """Suzanne's two cases (one closed, with a document) and one of Jan Pieter."""
    from zaken import services

    open_ = services.zaak_registreren(
        klant=klant, product=paspoort, kanaal="balie", user=teamleider
    )
    services.zaak_document_toevoegen(
        zaak=open_,
        user=teamleider,
        bestand=SimpleUploadedFile("brief.pdf", PDF, content_type="application/pdf"),
        naam="Brief",
    )
    services.zaak_in_behandeling_nemen(zaak=open_, user=teamleider)
    services.zaak_statusstap_zetten(zaak=open_, user=teamleider, stap="Ligt klaar")
    gesloten = services.zaak_registreren(
        klant=klant, product=paspoort, kanaal="balie", user=teamleider
    )
    services.zaak_in_behandeling_nemen(zaak=gesloten, user=teamleider)
    services.zaak_afhandelen(
        zaak=gesloten, user=teamleider, resultaat="Verstrekt", toelichting="Opgehaald aan de balie."
    )
    services.zaak_notitie_toevoegen(zaak=gesloten, user=teamleider, tekst="Interne notitie")
    ander = services.zaak_registreren(
        klant=andere_klant, product=paspoort, kanaal="balie", user=teamleider
    )
    return {"open": open_, "gesloten": gesloten, "ander": ander}


def get(client, url, **extra):
    return client.get(pad(url), **{**kop(), **extra})


# --- the consumers' call sequences ------------------------------------------------------------


def test_open_inwoners_mijn_zaken_finds_the_citizens_cases_with_statuses_types_and_documents(
    client, applicatie, zaken
):
    """Open Inwoner's sequence: the list by BSN up to 'openbaar' (following
    next for at most 4 pages), per case its status, statustype, resultaat,
    resultaattype and zaaktype; on the detail page the statussen, statustypen,
    resultaattypen, rollen, zaakinformatieobjecten and the document."""
    url = (
        "/zaken/api/v1/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn="
        f"{BSN}&maximaleVertrouwelijkheidaanduiding=openbaar"
    )
    gevonden = []
    for _pagina in range(4):
        r = client.get(url, **kop())
        assert r.status_code == 200, r.content
        assert r["API-version"] == "1.5.1"
        assert r["Content-Crs"] == "EPSG:4326"
        gevonden += r.json()["results"]
        if not r.json()["next"]:
            break
        url = pad(r.json()["next"])
    assert {z["identificatie"] for z in gevonden} == {
        zaken["open"].nummer,
        zaken["gesloten"].nummer,
    }
    getoond = []
    for zaak in gevonden:
        zaaktype = get(client, zaak["zaaktype"]).json()
        if zaaktype["indicatieInternOfExtern"] != "extern" or not zaak["status"]:
            continue
        status = get(client, zaak["status"]).json()
        statustype = get(client, status["statustype"]).json()
        resultaat = resultaattype = None
        if zaak["resultaat"]:
            resultaat = get(client, zaak["resultaat"]).json()
            resultaattype = get(client, resultaat["resultaattype"]).json()
        getoond.append((zaak, status, statustype, resultaat, resultaattype, zaaktype))
    assert len(getoond) == 2
    per_nummer = {z["identificatie"]: rest for z, *rest in getoond}
    status, statustype, resultaat, _rt, zaaktype = per_nummer[zaken["open"].nummer]
    assert statustype["omschrijving"] == "Ligt klaar"
    assert status["statustoelichting"] == "Uw paspoort ligt klaar."
    assert zaaktype["identificatie"] == "paspoort"
    assert resultaat is None
    _s, statustype, resultaat, resultaattype, _z = per_nummer[zaken["gesloten"].nummer]
    assert statustype["isEindstatus"] is True
    assert resultaat["toelichting"] == "Opgehaald aan de balie."
    assert resultaattype["omschrijving"] == "Afgehandeld"

    # The detail page of the open case.
    zaak = next(z for z in gevonden if z["identificatie"] == zaken["open"].nummer)
    statussen = client.get("/zaken/api/v1/statussen", {"zaak": zaak["url"]}, **kop()).json()
    laatste = [s["indicatieLaatstGezetteStatus"] for s in statussen["results"]]
    assert laatste[-1] is True and laatste.count(True) == 1
    statustypen = client.get(
        "/catalogi/api/v1/statustypen", {"zaaktype": zaak["zaaktype"]}, **kop()
    ).json()["results"]
    assert [s["volgnummer"] for s in statustypen] == list(range(1, len(statustypen) + 1))
    assert {s["statustype"] for s in statussen["results"]} <= {s["url"] for s in statustypen}
    resultaattypen = client.get(
        "/catalogi/api/v1/resultaattypen", {"zaaktype": zaak["zaaktype"]}, **kop()
    ).json()["results"]
    assert len(resultaattypen) == 3
    rollen = client.get("/zaken/api/v1/rollen", {"zaak": zaak["url"]}, **kop()).json()
    assert rollen["results"][0]["betrokkeneIdentificatie"]["inpBsn"] == BSN
    assert rollen["results"][0]["omschrijvingGeneriek"] == "initiator"
    zios = client.get("/zaken/api/v1/zaakinformatieobjecten", {"zaak": zaak["url"]}, **kop())
    assert isinstance(zios.json(), list) and len(zios.json()) == 1
    document = get(client, zios.json()[0]["informatieobject"]).json()
    assert document["status"] == "definitief"
    assert document["titel"] == "Brief"
    download = get(client, document["inhoud"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment")


def test_kiss_finds_the_cases_by_bsn_newest_first_and_by_number(client, applicatie, zaken):
    r = client.get(
        "/zaken/api/v1/zaken",
        {
            "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSN,
            "ordering": "-startdatum",
        },
        **kop(),
    )
    nummers = [z["identificatie"] for z in r.json()["results"]]
    assert nummers == [zaken["gesloten"].nummer, zaken["open"].nummer]
    r = client.get("/zaken/api/v1/zaken", {"identificatie": zaken["ander"].nummer}, **kop())
    (zaak,) = r.json()["results"]
    zaaktype = get(client, zaak["zaaktype"]).json()
    assert zaaktype["omschrijving"] == "Paspoort aanvragen"
    rollen = client.get("/zaken/api/v1/rollen", {"zaak": zaak["url"]}, **kop()).json()
    assert rollen["results"][0]["betrokkeneIdentificatie"]["inpBsn"] == "999990019"
    status = get(client, zaak["status"]).json()
    statustype = get(client, status["statustype"]).json()
    assert statustype["omschrijving"] == "Ontvangen"


# --- what a case shows and what it keeps internal ---------------------------------------------


def test_a_case_shows_customer_texts_never_internal_notes(client, applicatie, zaken):
    zaak = client.get(f"/zaken/api/v1/zaken/{zaken['gesloten'].uuid}", **kop()).json()
    assert zaak["toelichting"] == ""
    assert zaak["einddatum"] == "2026-03-10"
    body = str(zaak)
    assert "Interne notitie" not in body
    statussen = client.get("/zaken/api/v1/statussen", {"zaak": zaak["url"]}, **kop()).json()
    teksten = [s["statustoelichting"] for s in statussen["results"]]
    assert teksten[-1] == "Uw aanvraag is afgehandeld: Verstrekt."


def test_list_items_are_the_detail_answers(client, applicatie, zaken):
    lijst = client.get("/zaken/api/v1/zaken", **kop()).json()["results"]
    for item in lijst:
        assert client.get(pad(item["url"]), **kop()).json() == item
    for soort in ("statussen", "rollen", "resultaten"):
        for item in client.get(f"/zaken/api/v1/{soort}", **kop()).json()["results"]:
            assert get(client, item["url"]).json() == item, soort
    for item in client.get("/zaken/api/v1/zaakinformatieobjecten", **kop()).json():
        assert get(client, item["url"]).json() == item
    for soort in (
        "zaaktypen",
        "statustypen",
        "resultaattypen",
        "roltypen",
        "informatieobjecttypen",
    ):
        for item in client.get(f"/catalogi/api/v1/{soort}", **kop()).json()["results"]:
            assert get(client, item["url"]).json() == item, soort
    (catalogus,) = client.get("/catalogi/api/v1/catalogussen", **kop()).json()["results"]
    assert get(client, catalogus["url"]).json() == catalogus


def test_expand_gives_zaaktype_status_and_statustype_in_the_answer(client, applicatie, zaken):
    r = client.get(
        "/zaken/api/v1/zaken",
        {
            "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSN,
            "expand": (
                "zaaktype,status.statustype,resultaat.resultaattype,rollen,zaakinformatieobjecten"
            ),
        },
        **kop(),
    )
    assert r.status_code == 200, r.content
    for zaak in r.json()["results"]:
        uitgebreid = zaak["_expand"]
        assert uitgebreid["zaaktype"]["url"] == zaak["zaaktype"]
        assert uitgebreid["status"]["url"] == zaak["status"]
        assert (
            uitgebreid["status"]["_expand"]["statustype"]["url"]
            == (uitgebreid["status"]["statustype"])
        )
        assert [z["url"] for z in uitgebreid["zaakinformatieobjecten"]] == (
            zaak["zaakinformatieobjecten"]
        )
        assert uitgebreid["rollen"][0]["url"] == zaak["rollen"][0]
        if zaak["resultaat"]:
            assert uitgebreid["resultaat"]["_expand"]["resultaattype"]["omschrijving"]
    r = client.get("/zaken/api/v1/zaken", {"expand": "besluiten"}, **kop())
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "expand"


def test_zoek_takes_the_filters_in_its_body(client, applicatie, zaken):
    r = client.post(
        "/zaken/api/v1/zaken/_zoek",
        {
            "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSN,
            "uuid__in": [str(zaken["open"].uuid), str(zaken["ander"].uuid)],
        },
        content_type="application/json",
        **kop(),
    )
    assert r.status_code == 200, r.content
    assert [z["identificatie"] for z in r.json()["results"]] == [zaken["open"].nummer]


def test_etag_and_head(client, applicatie, zaken):
    r = client.get(f"/zaken/api/v1/zaken/{zaken['open'].uuid}", **kop())
    etag = r["ETag"]
    assert (
        client.get(
            f"/zaken/api/v1/zaken/{zaken['open'].uuid}", HTTP_IF_NONE_MATCH=etag, **kop()
        ).status_code
        == 304
    )
    kopje = client.head(f"/zaken/api/v1/zaken/{zaken['open'].uuid}", **kop())
    assert kopje.status_code == 200
    assert kopje["ETag"] == etag


def test_the_audittrail_tells_the_cases_history(client, applicatie, zaken):
    r = client.get(f"/zaken/api/v1/zaken/{zaken['gesloten'].uuid}/audittrail", **kop())
    assert r.status_code == 200
    assert [regel["actie"] for regel in r.json()] == ["create", "update", "update"]
    regel = r.json()[1]
    detail = client.get(
        f"/zaken/api/v1/zaken/{zaken['gesloten'].uuid}/audittrail/{regel['uuid']}", **kop()
    )
    assert detail.json() == regel


def test_a_business_is_found_by_kvk_number_and_vestiging(client, applicatie, teamleider, db):
    from zaken import services

    product = maak_product("vergunning", "Terrasvergunning", kanalen=KANALEN, voor_bedrijf=True)
    bedrijf = KlantFactory(
        soort="bedrijf", bsn="", kvk_nummer="12345678", organisatienaam="Café De Hoek"
    )
    zaak = services.zaak_registreren(
        klant=bedrijf, product=product, kanaal="balie", user=teamleider
    )
    r = client.get(
        "/zaken/api/v1/zaken",
        {"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId": "12345678"},
        **kop(),
    )
    assert [z["identificatie"] for z in r.json()["results"]] == [zaak.nummer]
    rol = client.get("/zaken/api/v1/rollen", {"zaak": r.json()["results"][0]["url"]}, **kop())
    assert rol.json()["results"][0]["betrokkeneType"] == "niet_natuurlijk_persoon"
    r = client.get(
        "/zaken/api/v1/zaken",
        {"rol__betrokkeneIdentificatie__vestiging__vestigingsNummer": "000012345678"},
        **kop(),
    )
    assert r.json()["count"] == 0


# --- the standards' rules ----------------------------------------------------------------------


def test_the_rules_of_the_standard(client, applicatie, zaken):
    r = client.get("/zaken/api/v1/zaken", {"onbekend": "1"}, **kop())
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["code"] == "unknown-parameters"
    assert r["Content-Type"] == "application/problem+json"

    r = client.get("/zaken/api/v1/zaken", **kop(crs=False))
    assert r.status_code == 412
    r = client.get("/zaken/api/v1/zaken", **{**kop(), "HTTP_ACCEPT_CRS": "EPSG:28992"})
    assert r.status_code == 406

    assert client.get("/zaken/api/v1/zaken/", **kop()).status_code == 404
    assert client.get("/catalogi/api/v1/zaaktypen/", **kop()).status_code == 404
    assert client.get("/zaken/api/v1/besluiten", **kop()).status_code == 404

    r = client.get("/zaken/api/v1/zaken", HTTP_ACCEPT_CRS="EPSG:4326")
    assert r.status_code == 403
    r = client.get("/zaken/api/v1/zaken", **kop(secret="x" * 40))
    assert r.status_code == 403
    assert r.json()["code"] == "authentication_failed"
    r = client.get("/zaken/api/v1/zaken", **kop(iat=1_000_000_000))
    assert r.status_code == 403
    r = client.get("/zaken/api/v1/zaken", **kop(client_id="onbekend"))
    assert r.status_code == 403

    r = client.get("/zaken/api/v1/zaken", **kop())
    assert r.json()["results"][0]["url"].startswith("http://127.0.0.1:8000/zaken/api/v1/zaken/")


def test_openapi_json_is_served_without_login(client, db):
    for component in ("zaken", "catalogi", "documenten", "notificaties"):
        r = client.get(f"/{component}/api/v1/openapi.json")
        assert r.status_code == 200
        spec = r.json()
        assert spec["servers"] == [{"url": f"http://127.0.0.1:8000/{component}/api/v1"}]
        assert spec["paths"]
    spec = client.get("/zaken/api/v1/openapi.json").json()
    assert "/zaken/{uuid}" in spec["paths"]
    assert "post" not in spec["paths"]["/zaken"]


def test_an_applicatie_sees_only_its_products_up_to_its_confidentiality(
    client, zaken, teamleider, klant, db
):
    from zaken import services

    geheim = maak_product(
        "bijstand", "Bijstandsuitkering", kanalen=KANALEN, vertrouwelijkheid="vertrouwelijk"
    )
    bijstand = services.zaak_registreren(
        klant=klant, product=geheim, kanaal="balie", user=teamleider
    )
    app = Applicatie.objects.create(label="Portaal", client_id="portaal", secret=GEHEIM)
    toekennen(app, product=zaken["open"].product, maximum="openbaar")

    def nummers(**params):
        r = client.get("/zaken/api/v1/zaken", params, **kop("portaal"))
        return {z["identificatie"] for z in r.json()["results"]}

    assert nummers() == {z.nummer for z in zaken.values()}
    r = client.get(f"/zaken/api/v1/zaken/{bijstand.uuid}", **kop("portaal"))
    assert r.status_code == 403
    assert (
        client.get(
            "/zaken/api/v1/statussen",
            {"zaak": f"http://127.0.0.1:8000/zaken/api/v1/zaken/{bijstand.uuid}"},
            **kop("portaal"),
        ).json()["count"]
        == 0
    )

    # Granted up to 'vertrouwelijk' for all products: now the bijstand case too,
    # unless the caller asks for no more than 'openbaar'.
    toekennen(app, maximum="vertrouwelijk", components=("zaken",))
    assert bijstand.nummer in nummers()
    assert bijstand.nummer not in nummers(maximaleVertrouwelijkheidaanduiding="openbaar")

    # No catalogi scope: no zaaktypen; no zaken scope at all: 403.
    zonder = Applicatie.objects.create(label="Alleen catalogus", client_id="cat", secret=GEHEIM)
    toekennen(zonder, components=("catalogi",))
    assert client.get("/zaken/api/v1/zaken", **kop("cat")).status_code == 403
    assert client.get("/catalogi/api/v1/zaaktypen", **kop("cat")).json()["count"] >= 2
    assert (
        client.get(
            "/documenten/api/v1/enkelvoudiginformatieobjecten/"
            f"{zaken['open'].documenten.get().uuid}",
            **kop("cat"),
        ).status_code
        == 403
    )


def test_every_read_of_personal_data_is_in_the_audit_log(client, applicatie, zaken):
    AuditLogEntry.objects.all()
    voor = AuditLogEntry.objects.count()
    client.get(
        "/zaken/api/v1/zaken",
        {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSN},
        **kop(user_id="medewerker-17"),
    )
    regels = list(AuditLogEntry.objects.order_by("id")[voor:])
    assert len(regels) == 1
    assert regels[0].betrokkene == BSN
    assert regels[0].gebruikersnaam == "open-inwoner:medewerker-17"
    assert "Open Inwoner" in regels[0].reden
    assert "Test medewerker-17" in regels[0].reden


def test_a_list_costs_the_same_queries_for_any_page_size_and_any_number_of_grants(
    client, klant, teamleider, db
):
    from zaken import services

    producten = [maak_product(f"product-{i}", f"Product {i}", kanalen=KANALEN) for i in range(6)]
    app = Applicatie.objects.create(label="KISS", client_id="kiss", secret=GEHEIM)
    toekennen(app, product=producten[0], components=("zaken",))

    def queries(expand=""):
        params = {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSN}
        if expand:
            params["expand"] = expand
        with CaptureQueriesContext(connection) as vastgelegd:
            r = client.get("/zaken/api/v1/zaken", params, **kop("kiss"))
        assert r.status_code == 200
        return len(vastgelegd), r.json()["count"]

    services.zaak_registreren(klant=klant, product=producten[0], kanaal="balie", user=teamleider)
    client.get("/zaken/api/v1/zaken", **kop("kiss"))  # the applicatie read once
    uitbreiding = "zaaktype,status.statustype,rollen,zaakinformatieobjecten"
    een, aantal = queries()
    een_uitgebreid, _ = queries(uitbreiding)
    assert aantal == 1
    for product in producten:
        for _ in range(3):
            services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)
    for product in producten[1:]:
        toekennen(app, product=product, components=("zaken",))
    client.get("/zaken/api/v1/zaken", **kop("kiss"))
    veel, aantal = queries()
    assert aantal == 19
    assert veel == een
    assert queries(uitbreiding)[0] == een_uitgebreid


def test_the_copies_of_the_official_files_are_byte_identical():
    if not zgw.GEDEELD.is_dir():
        if zgw.verplicht_gedeeld():
            pytest.fail(f"The official files are missing at {zgw.GEDEELD}.")
        pytest.skip("the shared official files are not beside this checkout")
    for naam in zgw.BESTANDEN.values():
        assert (zgw.KOPIE / naam).read_bytes() == (zgw.GEDEELD / naam).read_bytes(), naam


def test_a_staff_session_is_no_login_for_the_standard_apis(client, teamleider, zaken):
    client.force_login(teamleider)
    for url in (
        "/zaken/api/v1/zaken",
        f"/zaken/api/v1/zaken/{zaken['open'].uuid}",
        "/catalogi/api/v1/zaaktypen",
        f"/documenten/api/v1/enkelvoudiginformatieobjecten/{zaken['open'].documenten.get().uuid}",
        "/notificaties/api/v1/abonnement",
    ):
        assert client.get(url, HTTP_ACCEPT_CRS="EPSG:4326").status_code == 403, url


@pytest.mark.parametrize(
    "pad",
    [
        "/zaken/api/v1/zaken",
        "/zaken/api/v1/statussen",
        "/zaken/api/v1/rollen",
        "/zaken/api/v1/resultaten",
        "/zaken/api/v1/zaakinformatieobjecten",
        "/catalogi/api/v1/zaaktypen",
        "/catalogi/api/v1/statustypen",
        "/catalogi/api/v1/resultaattypen",
        "/catalogi/api/v1/roltypen",
        "/catalogi/api/v1/informatieobjecttypen",
        "/catalogi/api/v1/catalogussen",
    ],
)
def test_every_parameter_with_nonsense_gets_an_answer_never_a_server_error(
    client, applicatie, zaken, pad
):
    """Each parameter the official file names for the operation, with values
    a careless client sends: 200 or a clear 400/404, never a 5xx."""
    component = zgw.component_van(pad)
    operatie = zgw.spec(component)["paths"][pad.removeprefix(zgw.MOUNTS[component])]["get"]
    namen = [p["name"] for p in operatie.get("parameters", []) if p.get("in") == "query"]
    assert namen
    for naam in namen:
        for waarde in ("x", "", "-1", "0", "9" * 30, "2026-13-45", "http://elders.nl/x/1"):
            r = client.get(pad, {naam: waarde}, **kop())
            assert r.status_code in (200, 400, 404), (naam, waarde, r.status_code)
