"""What the channels' webhooks share: how a request from the phone system,
the mail server or the SMS gateway proves it is theirs.

Each is signed with a shared secret: ``X-KCC-Tijdstip`` (Unix seconds) and
``X-KCC-Handtekening`` (hex HMAC-SHA256 of ``"<tijdstip>.<body>"``). A request
outside the replay window, or with a wrong signature, is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings


class WebhookGeweigerd(Exception):
    """An event that is not accepted: unsigned, badly signed, too old, or malformed."""

    def __init__(self, reden: str, status: int = 400):
        super().__init__(reden)
        self.reden = reden
        self.http_status = status


def handtekening(geheim: str, tijdstip: str, body: bytes) -> str:
    bericht = tijdstip.encode() + b"." + body
    return hmac.new(geheim.encode(), bericht, hashlib.sha256).hexdigest()


def handtekening_controleren(
    *,
    body: bytes,
    tijdstip: str | None,
    ontvangen: str | None,
    nu: float | None = None,
    geheim: str | None = None,
) -> None:
    """Raise WebhookGeweigerd unless the request is signed with the shared
    secret (by default the phone system's) within the replay window. The
    inbound e-mail and SMS webhooks use the same scheme with their own secret."""
    geheim = settings.TELEFONIE_WEBHOOK_GEHEIM if geheim is None else geheim
    if not geheim:
        raise WebhookGeweigerd("this webhook is not configured", status=503)
    if not tijdstip or not ontvangen:
        raise WebhookGeweigerd("missing X-KCC-Tijdstip or X-KCC-Handtekening", status=401)
    try:
        moment = int(tijdstip)
    except ValueError:
        raise WebhookGeweigerd("X-KCC-Tijdstip is not a Unix timestamp", status=401) from None
    nu = time.time() if nu is None else nu
    if abs(nu - moment) > settings.TELEFONIE_REPLAY_SECONDEN:
        raise WebhookGeweigerd("timestamp outside the replay window", status=401)
    if not hmac.compare_digest(handtekening(geheim, tijdstip, body), ontvangen.strip().lower()):
        raise WebhookGeweigerd("signature does not match", status=401)
