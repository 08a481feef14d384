"""The production DigiD/eHerkenning backend maps the broker's claims to a user."""

import pytest

from kcc.auth.backends import BrokerOIDCBackend
from kcc.models import User
from kcc.roles import Rol

pytestmark = pytest.mark.django_db


@pytest.fixture
def backend(settings):
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://broker.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://broker.example/userinfo"
    settings.OIDC_RP_CLIENT_ID = "kcc"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://broker.example/jwks"
    return BrokerOIDCBackend()


def test_it_creates_a_citizen_from_a_valid_bsn_claim(backend):
    claims = {"sub": "abc", "bsn": "999993653"}
    assert backend.verify_claims(claims)
    user = backend.create_user(claims)
    assert user.bsn == "999993653"
    assert user.heeft_rol(Rol.BURGER)
    assert list(backend.filter_users_by_claims(claims)) == [user]


def test_it_creates_a_business_from_a_kvk_claim(backend):
    user = backend.create_user({"sub": "x", "kvk": "69599084"})
    assert user.kvk_nummer == "69599084"


def test_it_refuses_claims_without_a_valid_identifier(backend):
    assert not backend.verify_claims({"sub": "abc", "bsn": "123456789"})
    assert not backend.verify_claims({"sub": "abc", "email": "a@b.nl"})
    assert not backend.filter_users_by_claims({"sub": "abc"}).exists()
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("url", "scope"),
    [("/pip/inloggen/digid/", "openid bsn"), ("/pip/inloggen/eherkenning/", "openid kvk")],
)
def test_it_sends_the_citizen_to_the_broker_with_the_right_scope(
    client, backend, settings, url, scope
):
    from urllib.parse import parse_qs, urlsplit

    settings.DIGID_BACKEND = settings.EHERKENNING_BACKEND = "oidc"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://broker.example/authorize"
    response = client.get(url)
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == "https://broker.example/authorize"
    query = parse_qs(target.query)
    assert query["scope"] == [scope]
    assert query["client_id"] == ["kcc"]
    assert query["state"][0] in client.session["oidc_states"]
