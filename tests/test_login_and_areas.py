"""Everyone logs in at the right door and lands in their own area."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from kcc.models import User
from kcc.roles import ROL_RECHTEN, Rol
from tests.factories import WACHTWOORD, UserFactory, medewerker_inloggen

pytestmark = pytest.mark.django_db


def test_it_creates_every_role_as_a_group_with_its_permissions():
    for rol, rechten in ROL_RECHTEN.items():
        group = Group.objects.get(name=rol)
        codes = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        for recht in rechten:
            if not recht.endswith(".*"):
                assert recht in codes, (rol, recht)


@pytest.mark.parametrize(
    ("trait", "landing"),
    [
        ("klantmanager", "/kcc/"),
        ("behandelaar", "/kcc/"),
        ("teamleider", "/dashboard/"),
        ("beheerder", "/beheer/"),
    ],
)
def test_it_lands_staff_in_their_area_after_login(client, trait, landing):
    user = UserFactory(rollen=[trait])
    response = medewerker_inloggen(client, user.username, WACHTWOORD)
    assert response.status_code == 302
    assert response["Location"] == landing
    assert client.get(landing).status_code == 200


def test_it_explains_a_wrong_password_without_saying_which_part_is_wrong(client, klantmanager):
    response = client.post(reverse("kcc:medewerker-login"), {"username": "km", "password": "fout"})
    assert response.status_code == 200
    assert "combinatie van gebruikersnaam en wachtwoord klopt niet" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("url", "login"),
    [
        ("/pip/", "/pip/inloggen/"),
        ("/pip/mijn-gegevens/", "/pip/inloggen/"),
        ("/pip/mijn-contacten/", "/pip/inloggen/"),
        ("/kcc/", "/kcc/inloggen/"),
        ("/dashboard/", "/kcc/inloggen/"),
    ],
)
def test_it_sends_anonymous_visitors_to_the_right_login_page(client, url, login):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{login}?next={url}")


def test_it_sends_anonymous_visitors_of_the_admin_to_the_staff_login(client):
    response = client.get("/beheer/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/kcc/inloggen/")


@pytest.mark.parametrize(
    ("trait", "url"),
    [
        ("klantmanager", "/dashboard/"),
        ("klantmanager", "/beheer/"),
        ("klantmanager", "/pip/"),
        ("behandelaar", "/dashboard/"),
        ("teamleider", "/beheer/"),
        ("beheerder", "/kcc/"),
    ],
)
def test_it_shows_a_clear_403_to_staff_without_the_role(client, trait, url):
    client.force_login(UserFactory(rollen=[trait]))
    response = client.get(url)
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


@pytest.mark.parametrize("url", ["/kcc/", "/dashboard/", "/beheer/"])
def test_it_keeps_citizens_out_of_staff_areas(client, burger, url):
    client.force_login(burger)
    assert client.get(url).status_code == 403


def test_it_logs_a_citizen_in_with_the_digid_simulator(client, klant):
    response = client.post(reverse("kcc:digid-login"), {"bsn": "9999 93 653"}, follow=True)
    assert response.redirect_chain[-1][0] == "/pip/"
    page = client.get("/pip/mijn-gegevens/").content.decode()
    assert "Suzanne" in page
    assert "Stationsstraat 12" in page
    user = User.objects.get(bsn="999993653")
    assert user.heeft_rol(Rol.BURGER)
    assert "999993653" not in user.username


def test_a_citizen_and_a_business_are_greeted_by_name_not_by_username(client, klant):
    from tests.factories import KlantFactory

    client.post(reverse("kcc:digid-login"), {"bsn": "999993653"})
    assert "Ingelogd als Suzanne Moulin (DigiD Midden)" in client.get("/pip/").content.decode()
    assert "Ingelogd als Suzanne Moulin" in client.get("/chat/").content.decode()
    assert client.get("/api/v1/mij/").json()["naam"] == "Suzanne Moulin"
    client.post(reverse("kcc:uitloggen"))
    KlantFactory(
        soort="bedrijf",
        bsn=None,
        kvk_nummer="69599084",
        organisatienaam="Bakkerij De Korenbloem B.V.",
        voornamen="",
        geslachtsnaam="",
    )
    client.post(reverse("kcc:eherkenning-login"), {"kvk_nummer": "69599084"})
    assert "Bakkerij De Korenbloem B.V. (eHerkenning eH3)" in client.get("/pip/").content.decode()


def test_it_refuses_a_bsn_that_fails_the_elfproef_with_a_friendly_error(client):
    response = client.post(reverse("kcc:digid-login"), {"bsn": "123456789"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dit is geen geldig burgerservicenummer" in page
    assert 'aria-invalid="true"' in page
    assert not User.objects.filter(bsn="123456789").exists()


def test_it_logs_a_business_in_with_the_eherkenning_simulator(client):
    response = client.post(reverse("kcc:eherkenning-login"), {"kvk_nummer": "69599084"})
    assert response["Location"] == "/pip/"
    assert User.objects.get(kvk_nummer="69599084").heeft_rol(Rol.BURGER)


def test_it_reuses_the_citizen_account_on_the_next_login(client):
    for _ in range(2):
        client.post(reverse("kcc:digid-login"), {"bsn": "999993653"})
        client.post(reverse("kcc:uitloggen"))
    assert User.objects.filter(bsn="999993653").count() == 1


def test_it_ends_a_citizen_session_after_fifteen_idle_minutes(client, settings):
    client.post(reverse("kcc:digid-login"), {"bsn": "999993653"})
    assert client.session.get_expiry_age() == settings.PORTAL_SESSION_SECONDS == 15 * 60


def test_it_does_not_follow_a_next_url_to_another_site(client):
    response = client.post(
        reverse("kcc:digid-login") + "?next=https://evil.example/", {"bsn": "999993653"}
    )
    assert response["Location"] == "/pip/"


def test_it_does_not_let_a_citizen_log_in_at_the_staff_login(client, burger):
    burger.set_password(WACHTWOORD)
    burger.save()
    response = client.post(
        reverse("kcc:medewerker-login"), {"username": burger.username, "password": WACHTWOORD}
    )
    assert response.status_code == 200
    assert "geen medewerkersaccount" in response.content.decode()


def test_it_logs_out_with_a_post_only(client, klantmanager):
    client.force_login(klantmanager)
    assert client.get(reverse("kcc:uitloggen")).status_code == 405
    response = client.post(reverse("kcc:uitloggen"))
    assert "U bent uitgelogd" in response.content.decode()
    assert client.get("/kcc/").status_code == 302


def _inloggen(client, username, password, adres="10.0.0.1"):
    return medewerker_inloggen(client, username, password, REMOTE_ADDR=adres)


def test_it_locks_a_staff_name_from_an_address_after_five_wrong_passwords(client, klantmanager):
    for _ in range(4):
        assert _inloggen(client, "km", "fout").status_code == 200
    vijfde = _inloggen(client, "km", "fout")
    assert vijfde.status_code == 429
    assert "Te veel mislukte pogingen" in vijfde.content.decode()
    response = _inloggen(client, "KM ", WACHTWOORD)  # the same name, however typed
    assert response.status_code == 429
    assert "Te veel mislukte pogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_stranger_elsewhere_cannot_lock_a_colleague_out(client, klantmanager):
    for _ in range(10):
        _inloggen(client, "km", "fout", adres="203.0.113.9")
    response = _inloggen(client, "km", WACHTWOORD, adres="10.0.0.1")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(klantmanager.pk)


def test_a_forwarded_address_from_an_untrusted_client_does_not_reset_the_count(
    client, klantmanager, settings
):
    for nummer in range(6):
        client.post(
            reverse("kcc:medewerker-login"),
            {"username": "km", "password": "fout"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{nummer}",
        )
    assert _inloggen(client, "km", WACHTWOORD, adres="203.0.113.9").status_code == 429


def test_a_correct_login_clears_the_count(client, klantmanager):
    for _ in range(4):
        _inloggen(client, "km", "fout")
    assert _inloggen(client, "km", WACHTWOORD).status_code == 302
    client.logout()
    for _ in range(4):
        _inloggen(client, "km", "fout")
    assert _inloggen(client, "km", WACHTWOORD).status_code == 302


def test_the_beheerder_sees_the_attempts_and_lifts_a_lock(client, klantmanager, beheerder):
    from axes.models import AccessAttempt

    for _ in range(5):
        _inloggen(client, "km", "fout", adres="10.0.0.7")
    poging = AccessAttempt.objects.get(username="km", ip_address="10.0.0.7")
    assert poging.failures_since_start == 5

    client.force_login(beheerder)
    lijst = client.get("/beheer/axes/accessattempt/")
    assert lijst.status_code == 200
    assert "10.0.0.7" in lijst.content.decode()
    weg = client.post(f"/beheer/axes/accessattempt/{poging.pk}/delete/", {"post": "yes"})
    assert weg.status_code == 302
    client.logout()
    assert _inloggen(client, "km", WACHTWOORD, adres="10.0.0.7").status_code == 302


def test_a_name_longer_than_any_account_is_refused_not_an_error(client):
    response = _inloggen(client, "x" * 5_000, "fout")
    assert response.status_code == 200
    assert "klopt niet" in response.content.decode()


def test_failed_citizen_logins_lock_nobody_out(client, burger, klantmanager):
    """A DigiD login has no name: counted per address, a blocked account's
    tries would lock every citizen behind that address out together."""
    from axes.models import AccessAttempt

    burger.is_active = False
    burger.save()
    for _ in range(6):
        response = client.post(
            "/pip/inloggen/digid/?next=/pip/", {"bsn": "999993653"}, REMOTE_ADDR="10.0.0.9"
        )
        assert "geblokkeerd" in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert _inloggen(client, "km", WACHTWOORD, adres="10.0.0.9").status_code == 302
