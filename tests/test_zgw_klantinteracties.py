"""The Klantinteracties API as KISS and Open Inwoner call it: a token of a
registered applicatie, their filters and expansions, their call sequences.
Every answer is checked against the official OpenAPI file (tests/conftest.py,
tests/zgw.py)."""

from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kcc.koppelingen.models import Applicatie, Autorisatie
from kcc.models import AuditLogEntry
from klanten import services as klanten_services
from klanten.models import Klant
from tests.factories import AfdelingFactory, KlantFactory, maak_product

API = "/klantinteracties/api/v1"
BSN = "999993653"
KANALEN = [("balie", True, "84.40"), ("telefoon", True, "84.40")]


def pad(url: str) -> str:
    delen = urlsplit(url)
    return delen.path + (f"?{delen.query}" if delen.query else "")


def applicatie_met_token(maximum="vertrouwelijk", scopes=("klantinteracties.lezen",)):
    app = Applicatie.objects.create(label="KISS", client_id=f"kiss-{maximum}", secret="x" * 40)
    token = app.token_maken()
    app.save()
    Autorisatie.objects.create(
        applicatie=app,
        component="klantinteracties",
        scopes=list(scopes),
        max_vertrouwelijkheid=maximum,
    )
    return token


@pytest.fixture
def token(db):
    return applicatie_met_token()


def kop(token):
    return {"HTTP_AUTHORIZATION": f"Token {token}"}


@pytest.fixture
def gegevens(klant, klantmanager, teamleider):
    """Suzanne's contacts: a phone call about her case, a visit handed to an
    afdeling with a callback number, and a contact about a confidential
    product; plus an anonymous chat."""
    from zaken import services as zaken_services

    klantmanager.email = "km@gemeente.example"
    klantmanager.save()
    klant.telefoon = "+31612345678"
    klant.berichtvoorkeur = Klant.Berichtvoorkeur.SMS
    klant.save()
    paspoort = maak_product(kanalen=KANALEN)
    zaak = zaken_services.zaak_registreren(
        klant=klant, product=paspoort, kanaal="balie", user=teamleider
    )
    over_zaak = klanten_services.klantcontact_registreren(
        klant=klant,
        user=klantmanager,
        kanaal="telefoon",
        vraag="Wanneer is mijn paspoort klaar?",
        antwoord="Over vijf werkdagen.",
        product=paspoort,
        zaak=zaak,
    )
    afdeling = AfdelingFactory(code="belastingen", naam="Belastingen")
    doorgezet = klanten_services.klantcontact_registreren(
        klant=klant, user=klantmanager, kanaal="balie", vraag="Vraag over de aanslag"
    )
    verzoek = klanten_services.contactverzoek_maken(
        klant=klant,
        user=klantmanager,
        vraag="Graag terugbellen over de aanslag",
        afdeling=afdeling,
        klantcontact=doorgezet,
        telefoon="06 87654321",
    )
    schuld = maak_product(
        code="schuldhulp",
        naam="Schuldhulp",
        kanalen=KANALEN,
        afdeling_code="sociaal",
        vertrouwelijkheid="vertrouwelijk",
    )
    vertrouwelijk = klanten_services.klantcontact_registreren(
        klant=klant, user=klantmanager, kanaal="telefoon", vraag="Schulden", product=schuld
    )
    anoniem = klanten_services.klantcontact_registreren(
        klant=None, user=klantmanager, kanaal="chat", vraag="Openingstijden?", contactnaam="Piet"
    )
    return {
        "zaak": zaak,
        "over_zaak": over_zaak,
        "doorgezet": doorgezet,
        "verzoek": verzoek,
        "afdeling": afdeling,
        "vertrouwelijk": vertrouwelijk,
        "anoniem": anoniem,
    }


def test_kiss_finds_a_person_and_their_contactmomenten(client, token, klant, gegevens):
    h = kop(token)
    # 1. The person by BSN, with their digitale adressen.
    r = client.get(
        f"{API}/partijen?expand=digitaleAdressen&soortPartij=persoon"
        f"&partijIdentificator__codeSoortObjectId=bsn&partijIdentificator__objectId={BSN}",
        **h,
    )
    assert r.status_code == 200, r.content
    assert r.json()["count"] == 1
    partij = r.json()["results"][0]
    assert partij["uuid"] == str(klant.uuid)
    assert partij["partijIdentificatie"]["contactnaam"]["achternaam"] == "Moulin"
    adressen = {a["soortDigitaalAdres"]: a for a in partij["_expand"]["digitaleAdressen"]}
    assert adressen["email"]["adres"] == klant.email
    assert adressen["telefoonnummer"]["isStandaardAdres"] is True
    assert partij["bezoekadres"]["postcode"] == "1234 AB"
    # 2. Its identificator, read back.
    identificator = partij["partijIdentificatoren"][0]
    r = client.get(pad(identificator["url"]), **h)
    assert r.json()["partijIdentificator"] == {
        "codeObjecttype": "natuurlijk_persoon",
        "codeSoortObjectId": "bsn",
        "objectId": BSN,
        "codeRegister": "brp",
    }
    # 3. The betrokkenen of the partij: one per contact it may read.
    r = client.get(f"{API}/betrokkenen?wasPartij__url={partij['url']}&pageSize=100", **h)
    betrokkenen = r.json()["results"]
    assert r.json()["count"] == 3
    assert {b["hadKlantcontact"]["uuid"] for b in betrokkenen} == {
        str(gegevens[n].uuid) for n in ("over_zaak", "doorgezet", "vertrouwelijk")
    }
    # 4. Each contact, with its interne taken and the case it was about.
    gezien = {}
    for betrokkene in betrokkenen:
        uuid = betrokkene["hadKlantcontact"]["uuid"]
        r = client.get(
            f"{API}/klantcontacten/{uuid}?expand=leiddeTotInterneTaken,gingOverOnderwerpobjecten",
            **h,
        )
        assert r.status_code == 200, r.content
        gezien[uuid] = r.json()
    over_zaak = gezien[str(gegevens["over_zaak"].uuid)]
    assert over_zaak["kanaal"] == "Telefoon"
    assert over_zaak["inhoud"] == "Wanneer is mijn paspoort klaar?"
    assert over_zaak["hadBetrokkenActoren"][0]["actoridentificator"]["objectId"] == (
        "km@gemeente.example"
    )
    assert over_zaak["_expand"]["gingOverOnderwerpobjecten"][0]["onderwerpobjectidentificator"] == {
        "objectId": str(gegevens["zaak"].uuid),
        "codeObjecttype": "zgw-Zaak",
        "codeRegister": "openzaak",
        "codeSoortObjectId": "uuid",
    }
    taak = gezien[str(gegevens["doorgezet"].uuid)]["_expand"]["leiddeTotInterneTaken"][0]
    assert taak["status"] == "te_verwerken"
    assert taak["toelichting"] == "Graag terugbellen over de aanslag"
    assert gezien[str(gegevens["vertrouwelijk"].uuid)]["vertrouwelijk"] is True
    # 5. Who the taak is assigned to.
    r = client.get(pad(taak["toegewezenAanActoren"][0]["url"]), **h)
    assert r.json()["naam"] == "Belastingen"
    assert r.json()["soortActor"] == "organisatorische_eenheid"
    # 6. The contactmomenten of a case, as the zaak page asks.
    r = client.get(
        f"{API}/klantcontacten?onderwerpobject__onderwerpobjectidentificatorObjectId="
        f"{gegevens['zaak'].uuid}&expand=gingOverOnderwerpobjecten",
        **h,
    )
    assert [c["uuid"] for c in r.json()["results"]] == [str(gegevens["over_zaak"].uuid)]
    # An empty expand (the logboek) is no expansion.
    r = client.get(f"{API}/klantcontacten/{gegevens['over_zaak'].uuid}?expand=", **h)
    assert r.status_code == 200 and "_expand" not in r.json()


def test_kiss_searches_contactverzoeken_by_callback_number(client, token, gegevens):
    h = kop(token)
    r = client.get(f"{API}/digitaleadressen?adres=0687654321&expand=verstrektDoorBetrokkene", **h)
    assert r.status_code == 200, r.content
    assert r.json()["count"] == 1
    adres = r.json()["results"][0]
    assert adres["adres"] == "+31687654321"
    assert adres["verstrektDoorPartij"] is None
    betrokkene = adres["_expand"]["verstrektDoorBetrokkene"]
    assert betrokkene["hadKlantcontact"]["uuid"] == str(gegevens["doorgezet"].uuid)
    assert {"uuid": adres["uuid"], "url": adres["url"]} in betrokkene["digitaleAdressen"]
    r = client.get(pad(adres["url"]), **h)
    assert r.json()["soortDigitaalAdres"] == "telefoonnummer"
    # The betrokkene's own detail and its addresses.
    r = client.get(pad(betrokkene["url"]) + "?expand=digitaleAdressen", **h)
    assert r.json()["_expand"]["digitaleAdressen"][0]["adres"] == "+31687654321"


def test_a_call_back_is_an_onderwerpobject_about_the_contact_it_answered(
    client, token, klantmanager, gegevens
):
    """The thread in the standard: the contact led to an interne taak, and
    the call that answered it went over an onderwerpobject that was the
    first contact (wasKlantcontact), found from either side."""
    verzoek = gegevens["verzoek"]
    klantmanager.afdelingen.add(gegevens["afdeling"])  # the afdeling that calls back
    terug = klanten_services.contactverzoek_afhandelen(
        contactverzoek=verzoek, user=klantmanager, uitkomst="Uitgelegd.", teruggebeld=True
    ).beantwoord_in
    eerst = gegevens["doorgezet"]
    h = kop(token)
    r = client.get(f"{API}/klantcontacten/{terug.uuid}?expand=gingOverOnderwerpobjecten", **h)
    assert r.status_code == 200, r.content
    [object_] = r.json()["_expand"]["gingOverOnderwerpobjecten"]
    assert object_["wasKlantcontact"]["uuid"] == str(eerst.uuid)
    assert object_["klantcontact"]["uuid"] == str(terug.uuid)
    assert object_["onderwerpobjectidentificator"] == {
        "objectId": str(eerst.uuid),
        "codeObjecttype": "klantcontact",
        "codeRegister": "klantinteracties",
        "codeSoortObjectId": "uuid",
    }
    assert r.json()["gingOverOnderwerpobjecten"] == [
        {"uuid": object_["uuid"], "url": object_["url"]}
    ]
    assert client.get(pad(object_["url"]), **h).json() == object_
    # From the first contact: which onderwerpobjecten were about it, and back.
    lijst = client.get(f"{API}/onderwerpobjecten?wasKlantcontact__uuid={eerst.uuid}", **h)
    assert [o["uuid"] for o in lijst.json()["results"]] == [object_["uuid"]]
    was = client.get(f"{API}/klantcontacten?wasOnderwerpobject__uuid={object_['uuid']}", **h)
    assert [c["uuid"] for c in was.json()["results"]] == [str(eerst.uuid)]
    via = client.get(f"{API}/klantcontacten?onderwerpobject__uuid={object_['uuid']}", **h)
    assert [c["uuid"] for c in via.json()["results"]] == [str(terug.uuid)]
    # Both kinds in one list: the case's and the call back's.
    alle = client.get(f"{API}/onderwerpobjecten", **h).json()
    assert alle["count"] == 2
    soorten = {o["onderwerpobjectidentificator"]["codeObjecttype"] for o in alle["results"]}
    assert soorten == {"zgw-Zaak", "klantcontact"}
    zaken = client.get(
        f"{API}/onderwerpobjecten?onderwerpobjectidentificatorCodeObjecttype=zgw-Zaak", **h
    )
    assert zaken.json()["count"] == 1
    # By what it identifies: the earlier contact, in its codes.
    codes = "onderwerpobjectidentificatorCodeObjecttype=klantcontact"
    eerder = f"onderwerpobjectidentificatorObjectId={eerst.uuid}"
    r = client.get(f"{API}/onderwerpobjecten?{codes}&{eerder}", **h)
    assert [o["uuid"] for o in r.json()["results"]] == [object_["uuid"]]
    r = client.get(f"{API}/klantcontacten?onderwerpobject__{codes}&onderwerpobject__{eerder}", **h)
    assert [c["uuid"] for c in r.json()["results"]] == [str(terug.uuid)]
    r = client.get(f"{API}/onderwerpobjecten?{codes}&onderwerpobjectidentificatorObjectId=x", **h)
    assert r.json()["count"] == 0


def test_kiss_finds_the_medewerker_by_email(client, token, klantmanager, gegevens):
    h = kop(token)
    r = client.get(
        f"{API}/actoren?actoridentificatorObjectId=km@gemeente.example"
        "&actoridentificatorCodeRegister=obj&actoridentificatorCodeSoortObjectId=idf"
        "&actoridentificatorCodeObjecttype=mdw",
        **h,
    )
    assert [a["uuid"] for a in r.json()["results"]] == [str(klantmanager.uuid)]
    r = client.get(
        f"{API}/actoren?actoridentificatorObjectId=belastingen"
        "&actoridentificatorCodeObjecttype=afd",
        **h,
    )
    assert [a["naam"] for a in r.json()["results"]] == ["Belastingen"]
    r = client.get(f"{API}/actoren/{klantmanager.uuid}", **h)
    assert r.json()["soortActor"] == "medewerker"


def test_open_inwoner_reads_questions_of_its_citizen(client, token, klant, gegevens):
    h = kop(token)
    # Open Inwoner's own codes for a person.
    r = client.get(
        f"{API}/partijen?partijIdentificator__codeSoortObjectId=bsn"
        "&partijIdentificator__codeRegister=brp&partijIdentificator__codeObjecttype=inp"
        f"&partijIdentificator__objectId={BSN}&soortPartij=persoon",
        **h,
    )
    assert r.json()["count"] == 1
    uuid = r.json()["results"][0]["uuid"]
    r = client.get(
        f"{API}/partijen/{uuid}?expand=digitaleAdressen,betrokkenen,betrokkenen.hadKlantcontact",
        **h,
    )
    assert r.status_code == 200, r.content
    betrokkenen = r.json()["_expand"]["betrokkenen"]
    assert len(betrokkenen) == 3
    assert {b["_expand"]["hadKlantcontact"]["onderwerp"] for b in betrokkenen} >= {
        "Paspoort aanvragen"
    }
    # "Mijn vragen": every contact with its betrokkenen and their partij.
    r = client.get(
        f"{API}/klantcontacten?expand=leiddeTotInterneTaken,gingOverOnderwerpobjecten,"
        "hadBetrokkenen,hadBetrokkenen.wasPartij&kanaal=balie",
        **h,
    )
    assert r.status_code == 200, r.content
    [contact] = r.json()["results"]
    betrokkene = contact["_expand"]["hadBetrokkenen"][0]
    assert betrokkene["_expand"]["wasPartij"]["uuid"] == uuid
    assert contact["_expand"]["leiddeTotInterneTaken"][0]["uuid"] == str(gegevens["verzoek"].uuid)
    onderwerp = gegevens["over_zaak"]
    r = client.get(f"{API}/klantcontacten/{onderwerp.uuid}", **h)
    r = client.get(pad(r.json()["gingOverOnderwerpobjecten"][0]["url"]), **h)
    assert r.json()["klantcontact"]["uuid"] == str(onderwerp.uuid)


def test_organisations_by_kvk_and_vestiging_in_both_vocabularies(client, token, db):
    bedrijf = KlantFactory(
        soort=Klant.Soort.BEDRIJF,
        bsn=None,
        kvk_nummer="69599084",
        vestigingsnummer="000038509504",
        organisatienaam="Bakkerij De Korenschoof",
        voornamen="",
        geslachtsnaam="",
    )
    h = kop(token)
    for query in (
        "soortPartij=organisatie&partijIdentificator__codeSoortObjectId=kvk_nummer"
        "&partijIdentificator__objectId=69599084",
        "soortPartij=organisatie&partijIdentificator__codeSoortObjectId=vtn"
        "&partijIdentificator__codeObjecttype=nnp&partijIdentificator__codeRegister=hr"
        "&partijIdentificator__objectId=000038509504",
    ):
        r = client.get(f"{API}/partijen?{query}", **h)
        assert [p["uuid"] for p in r.json()["results"]] == [str(bedrijf.uuid)], query
    partij = r.json()["results"][0]
    assert partij["partijIdentificatie"] == {"naam": "Bakkerij De Korenschoof"}
    vestiging = next(
        i
        for i in partij["partijIdentificatoren"]
        if i["partijIdentificator"]["codeSoortObjectId"] == "vestigingsnummer"
    )
    r = client.get(pad(vestiging["subIdentificatorVan"]["url"]), **h)
    assert r.json()["partijIdentificator"]["objectId"] == "69599084"
    r = client.get(
        f"{API}/partij-identificatoren?partijIdentificatorCodeSoortObjectId=kvk_nummer"
        "&partijIdentificatorObjectId=69599084",
        **h,
    )
    assert r.json()["count"] == 1
    assert r.json()["results"][0]["identificeerdePartij"]["uuid"] == str(bedrijf.uuid)
    # A BSN filter does not find a business.
    r = client.get(f"{API}/partijen?partijIdentificator__codeSoortObjectId=bsn", **h)
    assert r.json()["count"] == 0


def test_geheimhouding_keeps_the_address_out(client, token, klant):
    klant.geheimhouding = True
    klant.save()
    r = client.get(f"{API}/partijen/{klant.uuid}", **kop(token))
    assert r.json()["indicatieGeheimhouding"] is True
    assert r.json()["bezoekadres"] is None
    assert "Stationsstraat" not in r.content.decode()


def test_confidential_contacts_only_up_to_the_granted_maximum(client, klant, gegevens):
    beperkt = applicatie_met_token(maximum="zaakvertrouwelijk")
    h = kop(beperkt)
    r = client.get(f"{API}/klantcontacten", **h)
    uuids = {c["uuid"] for c in r.json()["results"]}
    assert str(gegevens["vertrouwelijk"].uuid) not in uuids
    assert str(gegevens["over_zaak"].uuid) in uuids
    r = client.get(f"{API}/klantcontacten/{gegevens['vertrouwelijk'].uuid}", **h)
    assert r.status_code == 404
    r = client.get(f"{API}/partijen/{klant.uuid}", **h)
    assert len(r.json()["betrokkenen"]) == 2
    r = client.get(f"{API}/klantcontacten?vertrouwelijk=true", **kop(applicatie_met_token()))
    assert [c["uuid"] for c in r.json()["results"]] == [str(gegevens["vertrouwelijk"].uuid)]


def test_reads_are_audited_with_the_applicatie(client, token, klant, gegevens):
    client.get(f"{API}/klantcontacten?kanaal=telefoon", **kop(token))
    rij = AuditLogEntry.objects.get(pad=f"{API}/klantcontacten")
    assert rij.betrokkene == BSN
    assert rij.rollen == "applicatie"
    assert "KISS" in rij.reden


@pytest.mark.parametrize(
    ("koppen", "status"),
    [
        ({}, 401),
        ({"HTTP_AUTHORIZATION": "Token verkeerd"}, 401),
        ({"HTTP_AUTHORIZATION": "Bearer eyJ.niet.goed"}, 401),
    ],
)
def test_without_a_valid_token_nothing(client, db, koppen, status):
    r = client.get(f"{API}/partijen", **koppen)
    assert r.status_code == status
    assert r["Content-Type"] == "application/problem+json"


def test_a_scope_not_granted_gives_nothing(client, db, klant):
    zonder = applicatie_met_token(scopes=("zaken.lezen",))
    r = client.get(f"{API}/partijen/{klant.uuid}", **kop(zonder))
    assert r.status_code == 403
    assert str(klant.uuid) not in r.content.decode()


def test_the_rules_of_the_api(client, token, klant, gegevens):
    h = kop(token)
    assert client.get(f"{API}/partijen?onbekend=1", **h).status_code == 400
    assert client.get(f"{API}/partijen?pageSize=0", **h).status_code == 400
    assert client.get(f"{API}/partijen?expand=zaken", **h).status_code == 400
    assert client.get(f"{API}/partijen?indicatieActief=misschien", **h).status_code == 400
    assert client.get(f"{API}/partijen/", **h).status_code == 404
    assert client.get(f"{API}/partijen/{gegevens['zaak'].uuid}", **h).status_code == 404
    r = client.get(f"{API}/klantcontacten?pageSize=2", **h)
    assert r["API-version"] == "0.9.0"
    assert r.json()["count"] == 4 and len(r.json()["results"]) == 2
    r = client.get(pad(r.json()["next"]), **h)
    assert len(r.json()["results"]) == 2 and r.json()["next"] is None
    r = client.get(f"{API}/openapi.json")
    assert r.status_code == 200
    assert "/klantcontacten" in r.json()["paths"]


def test_a_list_costs_the_same_queries_for_more_contacts(client, token, klant, klantmanager):
    def tellen():
        with CaptureQueriesContext(connection) as vragen:
            r = client.get(
                f"{API}/klantcontacten?expand=hadBetrokkenen,hadBetrokkenen.wasPartij,"
                "hadBetrokkenen.digitaleAdressen,leiddeTotInterneTaken,gingOverOnderwerpobjecten",
                **kop(token),
            )
        assert r.status_code == 200
        return len(vragen)

    afdeling = AfdelingFactory(code="burgerzaken")

    def contacten(aantal):
        for i in range(aantal):
            contact = klanten_services.klantcontact_registreren(
                klant=klant, user=klantmanager, kanaal="telefoon", vraag=f"Vraag {i}"
            )
            klanten_services.contactverzoek_maken(
                klant=klant,
                user=klantmanager,
                vraag="Terugbellen",
                afdeling=afdeling,
                klantcontact=contact,
            )

    contacten(2)
    tellen()  # the applicatie's rights are read once, then kept
    weinig = tellen()
    contacten(10)
    assert tellen() == weinig


def test_the_beheerder_makes_a_token_and_never_sees_the_secret_again(client, beheerder, klant):
    from django.contrib.messages import get_messages

    app = Applicatie.objects.create(label="KISS", client_id="kiss", secret="geheim-" * 6)
    Autorisatie.objects.create(
        applicatie=app, component="klantinteracties", scopes=["klantinteracties.lezen"]
    )
    client.force_login(beheerder)
    pagina = client.get(f"/beheer/kcc/applicatie/{app.pk}/change/")
    assert pagina.status_code == 200
    assert "geheim-geheim" not in pagina.content.decode()
    data = {
        "label": "KISS",
        "client_id": "kiss",
        "secret": "",
        "actief": "on",
        "token_maken": "on",
        "autorisaties-TOTAL_FORMS": "0",
        "autorisaties-INITIAL_FORMS": "0",
    }
    r = client.post(f"/beheer/kcc/applicatie/{app.pk}/change/", data)
    assert r.status_code == 302, r.context["errors"] if r.context else r
    app.refresh_from_db()
    assert app.secret == "geheim-" * 6  # left empty: kept
    [melding] = [str(m) for m in get_messages(r.wsgi_request) if "token" in str(m)]
    token = melding.split(" is ")[1].split(".")[0]
    client.logout()
    r = client.get(f"{API}/partijen/{klant.uuid}", **kop(token))
    assert r.status_code == 200
