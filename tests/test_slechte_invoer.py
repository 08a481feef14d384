"""Bad input gets a clear, friendly answer, never a server error: malformed
identifiers, NUL characters, unreadable or too large bodies, return
addresses that are not pages of the platform. (The sweeps over every page
and every API operation are in test_robuustheid.py and
test_robuustheid_api.py.)"""

import time

import pytest

from kanalen.webhooks import handtekening
from kcc.roles import Rol
from tests.factories import UserFactory, maak_kennisitem, maak_product
from zaken import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(klant, teamleider):
    product = maak_product(kanalen=[("balie", True, "84.40")])
    return services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)


@pytest.mark.parametrize("waarde", ["kapot", "", "00000000-0000-0000-0000-000000000000"])
def test_it_answers_404_for_a_malformed_or_unknown_identifier(
    client, klantmanager, teamleider, klant, zaak, waarde
):
    client.force_login(teamleider)
    assert client.post("/kcc/berichten/mislukt/", {"bericht": waarde}).status_code == 404
    response = client.post(
        f"/kcc/zaken/{zaak.uuid}/actie/", {"actie": "toewijzen", "behandelaar": waarde}
    )
    assert response.status_code == 404
    client.force_login(klantmanager)
    response = client.post(f"/kcc/klanten/{klant.uuid}/aanvraag/", {"product": waarde})
    assert response.status_code == 404
    assert services.Zaak.objects.count() == 1


# --- A NUL character: refused at the door, for pages, forms and the API ------


@pytest.mark.parametrize(
    "url", ["/producten/zoeken/?q=%00", "/vragen/?q=paspoort%00", "/producten/%00/"]
)
def test_it_answers_a_nul_character_in_an_address_with_a_dutch_400_page(client, url):
    response = client.get(url)
    assert response.status_code == 400
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert "nul-teken" in page


def test_it_refuses_a_nul_character_in_a_form_field_and_saves_nothing(client, behandelaar, zaak):
    behandelaar.afdelingen.add(zaak.afdeling)
    client.force_login(behandelaar)
    response = client.post(
        f"/kcc/zaken/{zaak.uuid}/actie/", {"actie": "notitie", "tekst": "Gebeld\x00"}
    )
    assert response.status_code == 400
    assert "nul-teken" in response.content.decode()
    assert not zaak.notities.exists()


def test_it_treats_a_cookie_with_a_nul_character_as_absent(client, burger):
    client.force_login(burger)
    # A quoted cookie may spell the character as an octal escape.
    response = client.get("/pip/zaken/", HTTP_COOKIE='sessionid="abcdefghijkl\\000mnop"')
    assert response.status_code == 302
    assert response["Location"].startswith("/pip/inloggen/")


def test_it_answers_a_nul_character_in_an_api_query_with_a_problem(client):
    response = client.get("/api/v1/kennisitems/", {"thema": "\x00"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == "thema"


# --- JSON the platform cannot store: unreadable, a 400 -----------------------


def _medewerker_van(zaak):
    user = UserFactory(rollen=[Rol.BEHANDELAAR], username="bz-robuust")
    user.afdelingen.add(zaak.afdeling)
    return user


@pytest.mark.parametrize(
    "body",
    [
        "[" * 10_000 + "]" * 10_000,
        '{"resultaat": ' + '{"a": ' * 100 + "1" + "}" * 100 + "}",
        '{"resultaat": "Verstrekt\\u0000"}',
        '{"resultaat": NaN}',
    ],
    ids=["10000-levels", "100-levels", "nul-character", "nan"],
)
def test_it_answers_unreadable_json_with_a_problem_and_changes_nothing(client, zaak, body):
    client.force_login(_medewerker_van(zaak))
    response = client.post(
        f"/api/v1/zaken/{zaak.uuid}/afhandelen/", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "De gegevens zijn niet leesbaar."
    assert services.Zaak.objects.get(pk=zaak.pk).status == "ontvangen"


def test_it_refuses_a_signed_webhook_body_nested_too_deep(client, settings):
    settings.INBOX_WEBHOOK_GEHEIM = "geheim"
    body = ("[" * 10_000 + "]" * 10_000).encode()
    tijdstip = str(int(time.time()))
    response = client.post(
        "/api/v1/inbox/sms/",
        body,
        content_type="application/json",
        headers={
            "X-KCC-Tijdstip": tijdstip,
            "X-KCC-Handtekening": handtekening("geheim", tijdstip, body),
        },
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


# --- Too large, unknown, broken: the API speaks problem+json, pages Dutch ----


def test_it_answers_a_body_over_the_limit_with_a_413(client, settings, zaak):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    client.force_login(_medewerker_van(zaak))
    api = client.post(
        f"/api/v1/zaken/{zaak.uuid}/afhandelen/",
        {"resultaat": "x" * 2_000},
        content_type="application/json",
    )
    assert api.status_code == 413
    assert api["Content-Type"] == "application/problem+json"
    assert api.json()["title"] == "Wat u verstuurde is te groot."
    pagina = client.post(
        f"/kcc/zaken/{zaak.uuid}/actie/", {"actie": "notitie", "tekst": "x" * 2_000}
    )
    assert pagina.status_code == 413
    assert "Wat u verstuurde is te groot" in pagina.content.decode()
    assert not zaak.notities.exists()


def test_it_answers_an_unknown_api_address_with_a_problem(client):
    response = client.get("/api/v1/bestaat-niet/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_it_answers_an_unexpected_error_in_the_api_with_a_problem(
    client, klantmanager, monkeypatch
):
    from kcc import api, views

    def kapot(*args, **kwargs):
        raise RuntimeError("onverwacht")

    monkeypatch.setattr(api.MijView, "get", kapot)
    monkeypatch.setattr(views.MedewerkerLoginView, "get", kapot)
    client.raise_request_exception = False
    client.force_login(klantmanager)
    response = client.get("/api/v1/mij/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Er ging iets mis op de server."
    client.logout()
    pagina = client.get("/kcc/inloggen/")
    assert pagina.status_code == 500
    assert "Er ging iets mis" in pagina.content.decode()


# --- Where a form sends the user back -----------------------------------------


@pytest.mark.parametrize("terug", ["-1", "nan", "//elders.example/", "https://elders.example/"])
def test_it_sends_the_user_back_only_to_a_page_of_the_platform(client, klantmanager, terug):
    item = maak_kennisitem("Wat kost een paspoort?", "Zie de website.")
    client.force_login(klantmanager)
    response = client.post(
        f"/kcc/kennisbank/{item.uuid}/gebruik/", {"geholpen": "ja", "terug": terug}
    )
    assert response.status_code == 302
    assert response["Location"] == "/kcc/kennisbank/"
    status = client.post("/kcc/status/", {"status": "pauze", "volgende": terug})
    assert status["Location"] == "/kcc/inbox/"


# --- Login through the identity provider while the simulator is on -----------


def test_it_leads_the_oidc_start_to_the_login_choice_while_the_simulator_is_on(client, settings):
    assert settings.DIGID_BACKEND == "simulator"
    response = client.get("/oidc/authenticate/", {"next": "/pip/zaken/"})
    assert response.status_code == 302
    assert response["Location"] == "/pip/inloggen/?next=%2Fpip%2Fzaken%2F"


# --- Text longer than the platform keeps ------------------------------------


def test_it_refuses_an_extension_reason_longer_than_kept_and_leaves_the_case_as_it_was(
    klant, teamleider
):
    from django.core.exceptions import ValidationError

    product = maak_product(
        wettelijke_termijn_aantal=8,
        wettelijke_termijn_eenheid="weken",
        kanalen=[("balie", True, "84.40")],
    )
    zaak = services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)
    with pytest.raises(ValidationError, match="ten hoogste 500 tekens"):
        services.zaak_verlengen(zaak=zaak, user=_medewerker_van(zaak), weken=2, reden="x" * 501)
    assert not services.Zaak.objects.get(pk=zaak.pk).verlengd


# --- The admin -----------------------------------------------------------------


def test_it_answers_a_nonsense_choice_in_an_admin_autocomplete_with_the_form(client, beheerder):
    client.force_login(beheerder)
    response = client.post("/beheer/kanalen/afspraakrooster/add/", {"product": "nan"})
    assert response.status_code == 200
    assert "errornote" in response.content.decode()


# --- A moment with an offset PostgreSQL does not store --------------------------


def test_it_reads_a_moment_with_any_offset_in_local_time(client, klantmanager, klant, settings):
    from kcc.formaat import moment_lezen

    moment = moment_lezen("2026-03-10T10:00:00-19:35")
    assert moment.utcoffset().total_seconds() == 3600  # Amsterdam in winter
    assert moment_lezen("9999-12-31T23:59:59-05:00") is None
    assert moment_lezen("2026-13-01T10:00") is None

    client.force_login(klantmanager)
    response = client.get(
        f"/kcc/klanten/{klant.uuid}/tijdlijn/", {"voor": "2026-03-10T10:00:00-19:35"}
    )
    assert response.status_code == 200

    settings.TELEFONIE_WEBHOOK_GEHEIM = "geheim"
    body = (
        b'{"id": "e1", "gesprek": "g1", "soort": "aangeboden", "nummer": "0612345678",'
        b' "tijdstip": "2026-03-10T10:00:00-19:35"}'
    )
    tijdstip = str(int(time.time()))
    response = client.post(
        "/api/v1/telefonie/gebeurtenissen/",
        body,
        content_type="application/json",
        headers={
            "X-KCC-Tijdstip": tijdstip,
            "X-KCC-Handtekening": handtekening("geheim", tijdstip, body),
        },
    )
    assert response.status_code == 200
