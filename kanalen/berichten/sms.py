"""Sending SMS through a pluggable backend, like Django's e-mail backends.

``SMS_BACKEND`` picks it: ``file`` (the default: each message is a file in
``var/outbox/sms``, the local outbox a developer can read), ``console`` (the
log), ``locmem`` (kept in ``outbox`` for tests) or ``gateway``: an HTTP SMS
gateway in the style of MessageBird/CM.com (``SMS_GATEWAY_URL`` and
``SMS_GATEWAY_TOKEN``), which gets our reference so it can drop a repeat.

Errors: ``SmsTijdelijkMislukt`` when trying again later may work (network,
5xx, 429), ``SmsMislukt`` when it will not (rejected number, 4xx).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from uuid import uuid4

from django.conf import settings

logger = logging.getLogger(__name__)

# Messages "sent" with the locmem backend, newest last (tests read this).
outbox: list[SmsMessage] = []


class SmsMislukt(Exception):
    """The gateway refused the message; sending it again will not help."""


class SmsTijdelijkMislukt(SmsMislukt):
    """The gateway could not be reached or is busy; try again later."""


@dataclass(frozen=True)
class SmsMessage:
    to: str
    text: str
    sender: str
    reference: str = ""


def send_sms(*, to: str, text: str, reference: str = "") -> SmsMessage:
    """Send ``text`` to the phone number ``to`` (already validated and normalised)."""
    message = SmsMessage(to=to, text=text, sender=settings.SMS_SENDER, reference=reference)
    backend = settings.SMS_BACKEND
    if backend == "gateway":
        _via_gateway(message)
    elif backend == "locmem":
        outbox.append(message)
    elif backend == "console":
        logger.info("SMS to %s from %s: %s", message.to, message.sender, message.text)
    elif backend == "file":
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        (folder / f"{stamp}-{uuid4().hex[:8]}.txt").write_text(
            f"To: {message.to}\nFrom: {message.sender}\n\n{message.text}\n", encoding="utf-8"
        )
    else:  # settings validate the choice; this guards a test override
        raise ValueError(f"Unknown SMS_BACKEND {backend!r}")
    return message


def _via_gateway(message: SmsMessage) -> None:
    import requests

    try:
        response = requests.post(
            settings.SMS_GATEWAY_URL,
            json={
                "originator": message.sender,
                "recipients": [message.to],
                "body": message.text,
                "reference": message.reference,
            },
            headers={"Authorization": f"AccessKey {settings.SMS_GATEWAY_TOKEN}"},
            timeout=10,
        )
    except requests.RequestException as error:
        raise SmsTijdelijkMislukt(f"SMS gateway unreachable: {type(error).__name__}") from None
    if response.status_code == 429 or response.status_code >= 500:
        raise SmsTijdelijkMislukt(f"SMS gateway answered {response.status_code}")
    if response.status_code >= 400:
        raise SmsMislukt(f"SMS gateway refused the message ({response.status_code})")
