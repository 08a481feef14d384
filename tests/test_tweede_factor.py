"""Staff log in with a password and a code from an authenticator app. The
password alone logs nobody in: not in the workspace, the beheer, the API or
the websockets."""

from __future__ import annotations

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from kcc.models import AuditLogEntry
from kcc.roles import Rol
from tests.factories import WACHTWOORD, UserFactory, app_code

pytestmark = pytest.mark.django_db

CODE = "/kcc/inloggen/code/"
KOPPELEN = "/kcc/inloggen/app-koppelen/"


@pytest.fixture
def agent(db):
    return UserFactory(rollen=[Rol.KLANTMANAGER], username="km-mfa")


def _wachtwoord(client, user, **extra):
    return client.post(
        "/kcc/inloggen/", {"username": user.username, "password": WACHTWOORD}, **extra
    )


def _code_van(device: TOTPDevice) -> str:
    return str(TOTP(device.bin_key, device.step, device.t0, device.digits).token()).zfill(6)


def test_the_password_alone_logs_nobody_in(client, agent):
    app_code(agent)  # the app is linked
    antwoord = _wachtwoord(client, agent, **{"QUERY_STRING": "next=/kcc/zoeken/"})
    assert antwoord["Location"] == CODE
    assert "_auth_user_id" not in client.session
    for pad in ["/kcc/", "/dashboard/", "/beheer/", "/api/v1/mij/"]:
        assert client.get(pad).status_code in (302, 401, 403), pad
    pagina = client.get(CODE).content.decode()
    assert "code van zes cijfers" in pagina and 'autocomplete="one-time-code"' in pagina

    klaar = client.post(CODE, {"code": app_code(agent)})
    assert klaar.status_code == 302
    assert client.session["_auth_user_id"] == str(agent.pk)
    assert client.get("/kcc/").status_code == 200


def test_a_wrong_code_is_explained_and_guessing_is_slowed(client, agent):
    app_code(agent)
    _wachtwoord(client, agent)
    fout = client.post(CODE, {"code": "000000"})
    assert fout.status_code == 400
    assert "Deze code klopt niet" in fout.content.decode()
    # Each wrong code makes the app's device wait longer (1, 2, 4 … s): the
    # next try, even with the right code, is refused until then.
    tweede = client.post(CODE, {"code": app_code(agent)})
    assert "Te veel onjuiste codes" in tweede.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_password_step_expires(client, agent, monkeypatch):
    from kcc import tweede_factor

    app_code(agent)
    _wachtwoord(client, agent)
    monkeypatch.setattr(tweede_factor, "GELDIG_SECONDEN", -1)
    antwoord = client.post(CODE, {"code": app_code(agent)}, follow=True)
    assert "Log opnieuw in" in antwoord.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_first_login_links_an_app_and_hands_out_recovery_codes_once(client, agent):
    assert _wachtwoord(client, agent)["Location"] == CODE
    assert client.get(CODE)["Location"] == KOPPELEN
    pagina = client.get(KOPPELEN).content.decode()
    assert 'src="data:image/svg+xml' in pagina and "Typ dan deze sleutel" in pagina
    # The same secret on a second visit (a page reload does not relink).
    assert client.get(KOPPELEN).content.decode().count(pagina.split('class="sleutel">')[1][:20])
    device = TOTPDevice.objects.get(user=agent)
    assert not device.confirmed
    assert client.post(KOPPELEN, {"code": "123"}).status_code == 400
    assert "_auth_user_id" not in client.session

    antwoord = client.post(KOPPELEN, {"code": _code_van(device)})
    assert antwoord["Location"] == "/kcc/herstelcodes/"
    assert client.session["_auth_user_id"] == str(agent.pk)
    codes_pagina = client.get("/kcc/herstelcodes/").content.decode()
    codes = [regel.split("</code>")[0] for regel in codes_pagina.split("<li><code>")[1:]]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "U ziet ze maar één keer" in codes_pagina
    # Shown once: the page now offers new ones instead.
    assert codes[0] not in client.get("/kcc/herstelcodes/").content.decode()
    device.refresh_from_db()
    assert device.confirmed
    assert AuditLogEntry.objects.filter(
        gebruiker=agent, omschrijving__contains="Authenticator-app gekoppeld"
    ).exists()

    # A recovery code logs in once, however it is typed.
    client.logout()
    _wachtwoord(client, agent)
    met_herstelcode = client.post(CODE, {"code": codes[0].upper().replace("-", " ")}, follow=True)
    assert "U logde in met een herstelcode; u heeft er nog 9" in met_herstelcode.content.decode()
    client.logout()
    _wachtwoord(client, agent)
    assert client.post(CODE, {"code": codes[0]}).status_code == 400


def test_new_recovery_codes_replace_the_old_ones(client, agent):
    from kcc import tweede_factor

    app_code(agent)
    oud = tweede_factor.herstelcodes_maken(agent)
    client.force_login(agent)
    nieuw_pagina = client.post("/kcc/herstelcodes/").content.decode()
    assert nieuw_pagina.count("<li><code>") == 10 and oud[0] not in nieuw_pagina
    assert StaticDevice.objects.filter(user=agent).count() == 1
    client.logout()
    _wachtwoord(client, agent)
    assert client.post(CODE, {"code": oud[0]}).status_code == 400


def test_the_beheerder_resets_a_lost_phone_audited_but_not_their_own(client, agent, beheerder):
    from kcc import tweede_factor

    app_code(agent)
    tweede_factor.herstelcodes_maken(agent)
    app_code(beheerder)
    client.force_login(beheerder)
    wijzig = client.get(f"/beheer/kcc/user/{agent.pk}/change/").content.decode()
    assert "Authenticator-app gekoppeld; 10 herstelcodes over." in wijzig
    assert "<code>" not in wijzig  # never a secret or a code
    assert client.get("/beheer/otp_totp/totpdevice/").status_code == 404

    antwoord = client.post(
        "/beheer/kcc/user/",
        {
            "action": "tweede_factor_opnieuw",
            "_selected_action": [str(agent.pk), str(beheerder.pk)],
        },
        follow=True,
    )
    tekst = antwoord.content.decode()
    assert "De tweede factor van 1 medewerker is verwijderd" in tekst
    assert "Uw eigen tweede factor stelt een andere beheerder opnieuw in" in tekst
    assert not TOTPDevice.objects.filter(user=agent).exists()
    assert not StaticDevice.objects.filter(user=agent).exists()
    assert TOTPDevice.objects.filter(user=beheerder).exists()
    regel = AuditLogEntry.objects.get(omschrijving__contains="Tweede factor van km-mfa")
    assert regel.gebruiker == beheerder

    client.logout()
    _wachtwoord(client, agent)
    assert client.get(CODE)["Location"] == KOPPELEN


def test_a_klantmanager_cannot_reset_anyones_second_factor(client, agent, klantmanager):
    app_code(agent)
    client.force_login(klantmanager)
    antwoord = client.post(
        "/beheer/kcc/user/",
        {"action": "tweede_factor_opnieuw", "_selected_action": [str(agent.pk)]},
    )
    assert antwoord.status_code == 403
    assert TOTPDevice.objects.filter(user=agent).exists()


def test_the_code_pages_need_the_password_first(client, agent):
    for pad in [CODE, KOPPELEN]:
        antwoord = client.get(pad)
        assert antwoord["Location"] == "/kcc/inloggen/"
    assert client.get("/kcc/herstelcodes/")["Location"].startswith("/kcc/inloggen/")


def test_without_mfa_the_password_logs_in_as_in_the_demo(client, agent, settings):
    settings.MFA_MEDEWERKERS = False
    assert _wachtwoord(client, agent)["Location"] == "/kcc/"
    assert client.session["_auth_user_id"] == str(agent.pk)
    assert client.get("/kcc/herstelcodes/").status_code == 404
