"""DigiD and eHerkenning beyond who logs in: the level of assurance a product
needs, acting on someone's behalf (kept on the case and in the audit log),
and the vestiging of a business."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings

from kcc.auth.inlog import EHERKENNING, Inlog
from kcc.choices import Betrouwbaarheidsniveau, Machtiging
from kcc.models import AuditLogEntry
from producten.models import Product
from tests.factories import WACHTWOORD, KlantFactory, medewerker_inloggen
from tests.test_oidc_backend import backend  # noqa: F401 (fixture)
from tests.test_portaal import _pasfoto, catalogus  # noqa: F401 (fixture)
from zaken.models import Zaak

GEMACHTIGDE_BSN = "999990019"  # the tester's own DigiD
NIEUW = "/pip/aanvragen/nieuw/paspoort/"


@pytest.fixture
def substantieel(catalogus):  # noqa: F811
    Product.objects.filter(code="paspoort").update(
        betrouwbaarheidsniveau=Betrouwbaarheidsniveau.SUBSTANTIEEL
    )


def _digid(client, bsn, niveau, namens="", next_url="/pip/"):
    antwoord = client.post(
        f"/pip/inloggen/digid/?next={next_url}",
        {"bsn": bsn, "niveau": str(niveau), "namens_bsn": namens},
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    return antwoord


def _paspoort_versturen(client):
    stap1 = client.post(NIEUW, {"v-spoed": "nee", "v-lengte_cm": "182", "actie": "verder"})
    assert stap1.status_code == 302, stap1.content.decode()[:3000]
    client.post(stap1["Location"], {"naam": "Pasfoto", "bestand": _pasfoto()})
    formulier_url = stap1["Location"].removesuffix("documenten/")
    return client.post(formulier_url + "controleren/"), formulier_url


def test_a_product_that_needs_substantieel_asks_a_basis_login_to_log_in_again(client, substantieel):
    KlantFactory(bsn="999993653")
    product = client.get("/producten/paspoort/").content.decode()
    assert "Hiervoor logt u in met minstens DigiD Substantieel of eHerkenning eH3." in product

    _digid(client, "999993653", Betrouwbaarheidsniveau.BASIS)
    geweigerd = client.get(NIEUW)
    pagina = geweigerd.content.decode()
    assert geweigerd.status_code == 403
    assert "moet u inloggen met minstens DigiD Substantieel" in pagina
    assert "U bent ingelogd met DigiD Basis" in pagina
    assert "niveau=30" in pagina and "next=%2Fpip%2Faanvragen%2Fnieuw%2Fpaspoort%2F" in pagina

    # The simulator offers the level the product needs first.
    opnieuw = client.get("/pip/inloggen/digid/?niveau=30&next=" + NIEUW).content.decode()
    assert re.search(r'value="30"[^>]*checked', opnieuw)
    terug = _digid(client, "999993653", Betrouwbaarheidsniveau.SUBSTANTIEEL, next_url=NIEUW)
    assert terug["Location"] == NIEUW
    assert client.get(NIEUW).status_code == 200


def test_a_draft_begun_at_substantieel_is_not_sent_after_a_basis_login(client, substantieel):
    KlantFactory(bsn="999993653")
    _digid(client, "999993653", Betrouwbaarheidsniveau.HOOG)
    stap1 = client.post(NIEUW, {"v-spoed": "nee", "v-lengte_cm": "182", "actie": "verder"})
    client.post(stap1["Location"], {"naam": "Pasfoto", "bestand": _pasfoto()})
    controleren = stap1["Location"].removesuffix("documenten/") + "controleren/"

    _digid(client, "999993653", Betrouwbaarheidsniveau.MIDDEN)
    geweigerd = client.post(controleren)
    assert geweigerd.status_code == 403
    assert "U bent ingelogd met DigiD Midden" in geweigerd.content.decode()
    assert not Zaak.objects.exists()  # the draft stays, with its photo
    _digid(client, "999993653", Betrouwbaarheidsniveau.SUBSTANTIEEL)
    assert client.post(controleren).status_code == 302
    assert Zaak.objects.get().inlogniveau == Betrouwbaarheidsniveau.SUBSTANTIEEL


def test_acting_on_someones_behalf_is_kept_on_the_case_and_in_the_audit_log(
    client,
    catalogus,  # noqa: F811
    klantmanager,
):
    KlantFactory(bsn="999993653", voornamen="Suzanne")
    _digid(client, GEMACHTIGDE_BSN, Betrouwbaarheidsniveau.MIDDEN, namens="999993653")
    # The portal is the one acted for.
    assert "Suzanne" in client.get("/pip/mijn-gegevens/").content.decode()
    inlog = AuditLogEntry.objects.get(actie=AuditLogEntry.Actie.INLOGGEN)
    assert inlog.betrokkene == "999993653"
    assert "DigiD Machtigen" in inlog.omschrijving and GEMACHTIGDE_BSN in inlog.reden

    verstuurd, _ = _paspoort_versturen(client)
    assert verstuurd.status_code == 302
    zaak = Zaak.objects.get()
    assert zaak.klant.bsn == "999993653"
    assert (zaak.machtiging, zaak.gemachtigde) == (Machtiging.DIGID_MACHTIGEN, GEMACHTIGDE_BSN)
    assert AuditLogEntry.objects.filter(
        actie=AuditLogEntry.Actie.AANMAKEN, object_id=str(zaak.uuid), reden__contains="Machtigen"
    ).exists()

    # Staff see on the case who applied for the customer.
    client.logout()
    medewerker_inloggen(client, klantmanager.username, WACHTWOORD)
    pagina = client.get(zaak.get_absolute_url()).content.decode()
    assert "Ingelogd met" in pagina and "DigiD Midden" in pagina
    assert f"een gemachtigde (DigiD Machtigen): {GEMACHTIGDE_BSN}" in pagina


def test_the_simulator_refuses_acting_for_oneself_and_a_wrong_vestiging(client, db):
    zelf = client.post(
        "/pip/inloggen/digid/", {"bsn": "999993653", "niveau": "20", "namens_bsn": "999993653"}
    )
    assert zelf.status_code == 200
    assert "U kunt niet namens uzelf inloggen" in zelf.content.decode()
    fout = client.post(
        "/pip/inloggen/eherkenning/",
        {"kvk_nummer": "69599084", "niveau": "30", "vestigingsnummer": "123"},
    )
    assert "Een vestigingsnummer bestaat uit 12 cijfers." in fout.content.decode()
    assert not AuditLogEntry.objects.filter(actie=AuditLogEntry.Actie.INLOGGEN).exists()


def test_an_eherkenning_login_keeps_its_vestiging_and_level(client, db):
    antwoord = client.post(
        "/pip/inloggen/eherkenning/",
        {"kvk_nummer": "69599084", "niveau": "30", "vestigingsnummer": "000012345678"},
    )
    assert antwoord.status_code == 302
    assert client.session["klant_inlog"] == {
        "middel": EHERKENNING,
        "niveau": 30,
        "machtiging": "",
        "gemachtigde": "",
        "vestigingsnummer": "000012345678",
    }
    inlog = AuditLogEntry.objects.get(actie=AuditLogEntry.Actie.INLOGGEN)
    assert "eHerkenning eH3" in inlog.omschrijving and "000012345678" in inlog.omschrijving


@override_settings(OIDC_LOA_CLAIM="acr", OIDC_STANDAARDNIVEAU={"digid": 10, "eherkenning": 10})
@pytest.mark.parametrize(
    ("claims", "klant", "inlog"),
    [
        (
            {"bsn": "999993653", "acr": "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"},
            {"bsn": "999993653"},
            Inlog("digid", 30),
        ),
        # No level claim: the level the broker is set to ask, the lowest here.
        ({"bsn": "999993653"}, {"bsn": "999993653"}, Inlog("digid", 10)),
        (
            {
                "urn:nl-eid-gdi:1.0:LegalSubjectID": "999993653",
                "urn:nl-eid-gdi:1.0:ActingSubjectID": GEMACHTIGDE_BSN,
                "acr": "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
            },
            {"bsn": "999993653"},
            Inlog("digid", 20, Machtiging.DIGID_MACHTIGEN, GEMACHTIGDE_BSN),
        ),
        (
            {
                "kvk": "69599084",
                "urn:etoegang:1.9:ServiceRestriction:Vestigingsnr": "000012345678",
                "acr": "urn:etoegang:core:assurance-class:loa3",
            },
            {"kvk_nummer": "69599084"},
            Inlog("eherkenning", 30, vestigingsnummer="000012345678"),
        ),
        (
            {
                "kvk": "69599084",
                "urn:nl-eid-gdi:1.0:LegalSubjectID": "999993653",
                "acr": "urn:etoegang:core:assurance-class:loa2plus",
            },
            {"bsn": "999993653"},
            Inlog("eherkenning", 20, Machtiging.BEWINDVOERING, "69599084"),
        ),
        # Acting for a number that is no BSN: no login at all.
        ({"bsn": "999993653", "urn:nl-eid-gdi:1.0:LegalSubjectID": "123"}, None, None),
    ],
)
def test_the_broker_reads_level_machtiging_and_vestiging_from_the_claims(
    backend,  # noqa: F811
    claims,
    klant,
    inlog,
):
    gevonden = backend._klant_en_inlog(claims)
    assert gevonden == (None if klant is None else (klant, inlog))
