"""DigiD and eHerkenning over SAML through django-digid-eherkenning: the
library resolves and checks the answer (replaced here by what it returns),
the platform turns it into the customer, the level reached and the vestiging."""

from __future__ import annotations

import pytest
from digid_eherkenning.choices import DigiDAssuranceLevels
from digid_eherkenning.saml2.digid import DigiDClient
from digid_eherkenning.saml2.eherkenning import eHerkenningClient
from django.test import override_settings
from onelogin.saml2.utils import OneLogin_Saml2_ValidationError

from kcc.models import AuditLogEntry

SAML = override_settings(
    DIGID_BACKEND="saml",
    EHERKENNING_BACKEND="saml",
    AUTHENTICATION_BACKENDS=[
        "kcc.auth.backends.StaffBackend",
        "kcc.auth.saml.DigiDSamlBackend",
        "kcc.auth.saml.EHerkenningSamlBackend",
    ],
    ROOT_URLCONF="tests.urls_saml",
)


class _Antwoord:
    """What the library's artifact resolution hands back, resolved and checked."""

    def __init__(self, *, nameid="", klassen=(), attributen=None):
        self.nameid, self.klassen, self.attributen = nameid, list(klassen), attributen or {}

    def get_nameid(self):
        return self.nameid

    def get_authn_contexts(self):
        return self.klassen

    def get_attributes(self):
        return self.attributen


def _digid_antwoordt(monkeypatch, antwoord):
    def resolve(self, request, saml_art):
        assert saml_art == "artefact-1"
        if isinstance(antwoord, Exception):
            raise antwoord
        return antwoord

    monkeypatch.setattr(DigiDClient, "artifact_resolve", resolve)


@SAML
def test_a_digid_answer_logs_the_citizen_in_at_the_level_digid_reached(client, db, monkeypatch):
    _digid_antwoordt(
        monkeypatch,
        _Antwoord(nameid="s00000000:999993653", klassen=[DigiDAssuranceLevels.substantial]),
    )
    antwoord = client.get("/digid/acs/?SAMLart=artefact-1")
    assert antwoord.status_code == 302 and antwoord["Location"] == "/pip/"
    assert client.session["klant_inlog"]["niveau"] == 30
    inlog = AuditLogEntry.objects.get(actie=AuditLogEntry.Actie.INLOGGEN)
    assert inlog.betrokkene == "999993653" and "DigiD Substantieel" in inlog.omschrijving
    assert "(DigiD Substantieel)" in client.get("/pip/").content.decode()


@SAML
@pytest.mark.parametrize(
    "antwoord",
    [
        OneLogin_Saml2_ValidationError(
            "cancelled", OneLogin_Saml2_ValidationError.STATUS_CODE_AUTHNFAILED
        ),
        _Antwoord(nameid="s00000000:123456789"),  # no valid BSN
        _Antwoord(nameid="s00000001:12345678"),  # another sector
    ],
)
def test_a_cancelled_or_wrong_digid_answer_goes_back_to_the_citizens_login(
    client, db, monkeypatch, antwoord
):
    _digid_antwoordt(monkeypatch, antwoord)
    terug = client.get("/digid/acs/?SAMLart=artefact-1", follow=True)
    assert terug.redirect_chain[0][0] == "/pip/inloggen/"
    pagina = terug.content.decode()
    assert "DigiD" in pagina and "medewerker" not in terug.redirect_chain[0][0]
    assert "_auth_user_id" not in client.session
    assert not AuditLogEntry.objects.filter(actie=AuditLogEntry.Actie.INLOGGEN).exists()


@SAML
def test_the_login_page_asks_digid_for_the_level_the_product_needs(client, db, monkeypatch):
    gevraagd = []

    def authn_request(self, request, *args, **kwargs):
        gevraagd.append(self.loa)
        return "https://digid.example/saml/idp/request_authentication", {"SAMLRequest": "x"}

    monkeypatch.setattr(DigiDClient, "create_authn_request", authn_request)
    antwoord = client.get("/pip/inloggen/digid/?niveau=30&next=/pip/")
    pagina = antwoord.content.decode()
    # The form may go to DigiD, from this page only.
    assert "form-action 'self' https://digid.example" in antwoord["Content-Security-Policy"]
    assert gevraagd == [DigiDAssuranceLevels.substantial]
    assert 'action="https://digid.example/saml/idp/request_authentication"' in pagina
    assert 'lang="nl"' in pagina and "Verder naar inloggen" in pagina
    client.get("/pip/inloggen/digid/")
    assert gevraagd[-1] == DigiDAssuranceLevels.middle
    assert "digid.example" not in client.get("/pip/")["Content-Security-Policy"]


@SAML
def test_an_eherkenning_answer_keeps_the_kvk_number_vestiging_and_level(client, db, monkeypatch):
    attributen = {
        "urn:etoegang:core:LegalSubjectID": [
            {
                "NameID": {
                    "NameQualifier": "urn:etoegang:1.9:EntityConcernedID:KvKnr",
                    "value": "69599084",
                }
            }
        ],
        "urn:etoegang:1.9:ServiceRestriction:Vestigingsnr": ["000012345678"],
    }
    monkeypatch.setattr(
        eHerkenningClient,
        "artifact_resolve",
        lambda self, request, art: _Antwoord(
            klassen=["urn:etoegang:core:assurance-class:loa3"], attributen=attributen
        ),
    )
    assert client.get("/eherkenning/acs/?SAMLart=x")["Location"] == "/pip/"
    assert client.session["klant_inlog"] == {
        "middel": "eherkenning",
        "niveau": 30,
        "machtiging": "",
        "gemachtigde": "",
        "vestigingsnummer": "000012345678",
    }
    attributen.pop("urn:etoegang:core:LegalSubjectID")
    client.logout()
    mislukt = client.get("/eherkenning/acs/?SAMLart=x")
    assert mislukt["Location"] == "/pip/inloggen/" and "_auth_user_id" not in client.session
