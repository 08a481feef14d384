"""Open Inwoner's "Mijn zaken" and KISS's call sequences replayed against the
demo municipality (manage.py demo_data), as the demo applicaties with their
JWT: they find a demo citizen's cases with statuses, types and documents."""

import io
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from kcc.devdata.demo.kcc import APPLICATIES
from tests import zgw

BSN = "999993653"


def kop(client_id: str) -> dict:
    geheim = next(secret for cid, _l, secret, *_ in APPLICATIES if cid == client_id)
    token = zgw.jwt_maken(client_id, geheim, user_id=BSN, user_representation="Suzanne Moulin")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}", "HTTP_ACCEPT_CRS": "EPSG:4326"}


def pad(url: str) -> str:
    delen = urlsplit(url)
    return delen.path + (f"?{delen.query}" if delen.query else "")


@pytest.fixture
def demo(db):
    call_command("demo_data", stdout=io.StringIO())


def test_open_inwoner_and_kiss_find_a_demo_citizens_cases(client, demo):
    oip = kop("open-inwoner")
    r = client.get(
        "/zaken/api/v1/zaken",
        {
            "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSN,
            "maximaleVertrouwelijkheidaanduiding": "openbaar",
        },
        **oip,
    )
    zaken = r.json()["results"]
    assert {z["omschrijving"] for z in zaken} >= {
        "Paspoort aanvragen",
        "Parkeervergunning voor bewoners",
    }
    documenten = []
    for zaak in zaken:
        zaaktype = client.get(pad(zaak["zaaktype"]), **oip).json()
        assert "url" in zaaktype, (zaak["identificatie"], zaak["omschrijving"], zaaktype)
        assert zaaktype["indicatieInternOfExtern"] == "extern"
        status = client.get(pad(zaak["status"]), **oip).json()
        statustype = client.get(pad(status["statustype"]), **oip).json()
        assert statustype["omschrijving"]
        statussen = client.get("/zaken/api/v1/statussen", {"zaak": zaak["url"]}, **oip).json()
        assert statussen["count"] >= 1
        zios = client.get(
            "/zaken/api/v1/zaakinformatieobjecten", {"zaak": zaak["url"]}, **oip
        ).json()
        for zio in zios:
            document = client.get(pad(zio["informatieobject"]), **oip).json()
            if document["status"] in ("definitief", "gearchiveerd"):
                documenten.append(document["titel"])
                assert client.get(pad(document["inhoud"]), **oip).status_code == 200
    assert "Kentekenbewijs" in documenten

    kiss = kop("kiss")
    r = client.get(
        "/zaken/api/v1/zaken",
        {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSN, "ordering": "-startdatum"},
        **kiss,
    )
    eerste = r.json()["results"][0]
    r = client.get("/zaken/api/v1/zaken", {"identificatie": eerste["identificatie"]}, **kiss)
    assert r.json()["count"] == 1
    rollen = client.get("/zaken/api/v1/rollen", {"zaak": eerste["url"]}, **kiss).json()
    assert rollen["results"][0]["betrokkeneIdentificatie"]["geslachtsnaam"] == "Moulin"

    # Bijzondere bijstand is confidential: Open Inwoner's 'openbaar' leaves it
    # out; KISS, granted up to 'vertrouwelijk', sees it.
    def omschrijvingen(headers, **extra):
        r = client.get(
            "/zaken/api/v1/zaken",
            {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "999991772", **extra},
            **headers,
        )
        assert r.json()["count"] <= 100
        return {z["omschrijving"] for z in r.json()["results"]}

    bijstand = "Bijzondere bijstand aanvragen"
    assert bijstand not in omschrijvingen(oip, maximaleVertrouwelijkheidaanduiding="openbaar")
    assert bijstand in omschrijvingen(kiss)


def test_kiss_finds_a_demo_citizens_contacts_and_contactverzoeken(client, demo):
    token = next(t for cid, *_rest, t in APPLICATIES if cid == "kiss")
    kiss = {"HTTP_AUTHORIZATION": f"Token {token}"}
    api = "/klantinteracties/api/v1"
    r = client.get(
        f"{api}/partijen",
        {
            "expand": "digitaleAdressen",
            "soortPartij": "persoon",
            "partijIdentificator__codeSoortObjectId": "bsn",
            "partijIdentificator__objectId": BSN,
        },
        **kiss,
    )
    [partij] = r.json()["results"]
    assert partij["partijIdentificatie"]["volledigeNaam"].endswith("Moulin")
    assert {a["soortDigitaalAdres"] for a in partij["_expand"]["digitaleAdressen"]} == {
        "email",
        "telefoonnummer",
    }
    # KISS reads the first page only; the demo citizen has more contacts
    # (the dashboard's history), so follow the pages as a thorough client.
    betrokkenen, volgende = [], f"{api}/betrokkenen?wasPartij__url={partij['url']}&pageSize=100"
    while volgende:
        pagina = client.get(pad(volgende), **kiss).json()
        betrokkenen += pagina["results"]
        volgende = pagina["next"]
    contacten = [
        client.get(
            pad(b["hadKlantcontact"]["url"]),
            {"expand": "leiddeTotInterneTaken,gingOverOnderwerpobjecten"},
            **kiss,
        ).json()
        for b in betrokkenen
    ]
    assert {c["onderwerp"] for c in contacten} >= {"Paspoort", "Parkeervergunning", "Afval"}
    taken = [t for c in contacten for t in c["_expand"]["leiddeTotInterneTaken"]]
    afdelingen = {
        client.get(pad(t["toegewezenAanActoren"][0]["url"]), **kiss).json()["naam"]: t
        for t in taken
    }
    assert set(afdelingen) == {"Openbare Ruimte", "Burgerzaken"}
    # Burgerzaken called her back: that call was about the first contact.
    assert afdelingen["Burgerzaken"]["status"] == "verwerkt"
    eerste = afdelingen["Burgerzaken"]["aanleidinggevendKlantcontact"]["uuid"]
    [terug] = [
        c
        for c in contacten
        for o in c["_expand"]["gingOverOnderwerpobjecten"]
        if (o["wasKlantcontact"] or {}).get("uuid") == eerste
    ]
    assert terug["onderwerp"].startswith("Teruggebeld")
    medewerker = next(a for c in contacten for a in c["hadBetrokkenActoren"])
    r = client.get(
        f"{api}/actoren",
        {"actoridentificatorObjectId": medewerker["actoridentificator"]["objectId"]},
        **kiss,
    )
    assert r.json()["results"][0]["naam"] == medewerker["naam"]
