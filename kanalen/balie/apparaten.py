"""The kiosk and the waiting-room display work only in the building: on a
device the beheerder registered (its token in a long-lived cookie) or from
the counter's own network (BALIE_NETWERKEN). Anyone else on the internet
could otherwise draw tickets that fill the waiting room with phantoms.
"""

from __future__ import annotations

import functools
import hashlib
import ipaddress
import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from kanalen.models import BalieApparaat
from kcc.proxy import vertrouwd_adres

COOKIE = "kcc_balie_apparaat"
COOKIE_SECONDEN = 5 * 365 * 24 * 3600
# How often a device's "last seen" is written: not on every reload of the display.
GEZIEN_INTERVAL = timedelta(hours=1)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def nieuw_token(apparaat: BalieApparaat) -> str:
    """A new token for ``apparaat`` (the old one stops working); only its
    hash is kept, so the link is shown once."""
    token = secrets.token_urlsafe(32)
    apparaat.token_hash = _hash(token)
    return token


def apparaat_met_token(token: str | None) -> BalieApparaat | None:
    if not token or len(token) > 100:
        return None
    return BalieApparaat.objects.filter(token_hash=_hash(token), actief=True).first()


@functools.cache
def _netwerken(instelling: tuple[str, ...]) -> list:
    return [ipaddress.ip_network(n, strict=False) for n in instelling]


def _in_balienetwerk(adres: str) -> bool:
    return vertrouwd_adres(adres, _netwerken(tuple(settings.BALIE_NETWERKEN)))


def is_balie(adres: str, token: str | None) -> bool:
    """Whether a request from ``adres`` with the cookie ``token`` comes from
    the kiosk or the display in the building."""
    if _in_balienetwerk(adres):
        return True
    apparaat = apparaat_met_token(token)
    if apparaat is None:
        return False
    nu = timezone.now()
    if apparaat.laatst_gezien_op is None or nu - apparaat.laatst_gezien_op > GEZIEN_INTERVAL:
        BalieApparaat.objects.filter(pk=apparaat.pk).update(laatst_gezien_op=nu)
    return True


def verzoek_van_balie(request) -> bool:
    return is_balie(request.META.get("REMOTE_ADDR", ""), request.COOKIES.get(COOKIE))
