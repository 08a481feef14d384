"""Staff's second factor (MFA): a code from an authenticator app (TOTP) after
the password, with single-use recovery codes for a lost phone.

The password step does not log in. It leaves the member of staff *waiting*
in the session; only a right code completes ``auth.login``. So every area
that asks whether someone is logged in (the workspace, the dashboard, the
beheer, the API and the websockets) is behind both factors without asking
anything new. Devices, token checks with their growing wait after wrong
codes, and recovery codes are django-otp's; this module is the flow.

``MFA_MEDEWERKERS`` (env STAFF_MFA) switches it off for the demo on a
developer's machine; production refuses to start without it (settings).
"""

from __future__ import annotations

import base64
import time

import segno
from django.conf import settings
from django.contrib import auth
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kcc.audit import Actie, audit_log
from kcc.models import User

WACHTEND = "kcc_tweede_factor"
HERSTELCODES = "kcc_herstelcodes"
# A password is good for one code step this long; then the password again.
GELDIG_SECONDEN = 5 * 60
AANTAL_HERSTELCODES = 10
APP = "Authenticator-app"
HERSTEL = "Herstelcodes"


def vereist() -> bool:
    return settings.MFA_MEDEWERKERS


def wachten(request: HttpRequest, user: User, volgende: str) -> None:
    """The password was right: wait for the code before logging in."""
    request.session.cycle_key()
    request.session[WACHTEND] = {
        "gebruiker": user.pk,
        "backend": user.backend,
        "sinds": time.time(),
        "volgende": volgende,
    }


def wachtende(request: HttpRequest) -> User | None:
    """The member of staff whose password was right a moment ago, if any."""
    stand = request.session.get(WACHTEND)
    if not stand or time.time() - stand.get("sinds", 0) > GELDIG_SECONDEN:
        request.session.pop(WACHTEND, None)
        return None
    user = User.objects.filter(pk=stand["gebruiker"], is_active=True).first()
    if user is None or not user.is_medewerker:
        return None
    return user


def volgende(request: HttpRequest) -> str:
    return (request.session.get(WACHTEND) or {}).get("volgende", "")


def ingericht(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def app_koppelen(user: User) -> TOTPDevice:
    """The app being linked: the same secret on every visit until a code
    from it confirms the link."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP, confirmed=False)


def qr_code(device: TOTPDevice) -> str:
    """The app's link as a QR code, an SVG data address for an <img>."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def geheim(device: TOTPDevice) -> str:
    """The secret to type in an app without a camera, in groups of four."""
    tekens = base64.b32encode(device.bin_key).decode()
    return " ".join(tekens[i : i + 4] for i in range(0, len(tekens), 4))


def _schoon(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()[:32]


def even_wachten(user: User) -> bool:
    """Whether wrong codes made the devices wait (1, 2, 4, … seconds)."""
    return any(
        not device.verify_is_allowed()[0]
        for device in [
            *TOTPDevice.objects.filter(user=user, confirmed=True),
            *StaticDevice.objects.filter(user=user, confirmed=True),
        ]
    )


def code_controleren(user: User, code: str) -> TOTPDevice | StaticDevice | None:
    """The device that accepts ``code``: six digits are the app's, anything
    else a recovery code (used once)."""
    code = _schoon(code)
    if not code:
        return None
    soort = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    for device in soort.objects.filter(user=user, confirmed=True):
        with transaction.atomic():
            if device.verify_token(code):
                return device
    return None


def resterende_herstelcodes(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def herstelcodes_maken(user: User, *, request: HttpRequest | None = None) -> list[str]:
    """New recovery codes; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=HERSTEL, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    audit_log(
        user=user,
        actie=Actie.AANMAKEN,
        obj=user,
        request=request,
        omschrijving="Nieuwe herstelcodes voor de tweede factor gemaakt",
        reden="Inloggen met tweede factor",
    )
    return [f"{c[:4]}-{c[4:]}" for c in codes]


@transaction.atomic
def app_bevestigen(
    user: User, device: TOTPDevice, code: str, *, request: HttpRequest
) -> list[str] | None:
    """Confirm the link with a code from the app; returns the new recovery
    codes, or None when the code is not right."""
    code = _schoon(code)
    # A typo in the form (too short, a letter) is no guess at the secret.
    if not (code.isdigit() and len(code) == device.digits and device.verify_token(code)):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_log(
        user=user,
        actie=Actie.AANMAKEN,
        obj=user,
        request=request,
        omschrijving="Authenticator-app gekoppeld als tweede factor",
        reden="Inloggen met tweede factor",
    )
    return herstelcodes_maken(user, request=request)


def inloggen(request: HttpRequest, user: User, device) -> str:
    """Both factors were right: log in. Returns where to go next."""
    stand = request.session.pop(WACHTEND, {})
    auth.login(request, user, backend=stand.get("backend"))
    otp_login(request, device)
    return stand.get("volgende", "")


@transaction.atomic
def opnieuw_instellen(*, medewerker: User, door: User, request: HttpRequest) -> None:
    """The beheerder's reset for a lost phone: the app and the recovery codes
    are removed; the next login links a new app."""
    TOTPDevice.objects.filter(user=medewerker).delete()
    StaticDevice.objects.filter(user=medewerker).delete()
    audit_log(
        user=door,
        actie=Actie.VERWIJDEREN,
        obj=medewerker,
        request=request,
        omschrijving=(
            f"Tweede factor van {medewerker.get_username()} opnieuw ingesteld "
            "(app en herstelcodes verwijderd)"
        ),
        reden="Gebruikersbeheer",
    )
