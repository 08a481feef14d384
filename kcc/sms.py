"""Sending SMS through a pluggable backend, like Django's e-mail backends.

``SMS_BACKEND`` picks it: ``file`` (the default: each message is a file in
``var/outbox/sms``, the local outbox a developer can read), ``console`` (the
log) or ``locmem`` (kept in ``outbox`` for tests). The gateway backend for
production arrives with the SMS channel.
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


@dataclass(frozen=True)
class SmsMessage:
    to: str
    text: str
    sender: str


def send_sms(*, to: str, text: str) -> SmsMessage:
    """Send ``text`` to the phone number ``to`` (already validated and normalised)."""
    message = SmsMessage(to=to, text=text, sender=settings.SMS_SENDER)
    backend = settings.SMS_BACKEND
    if backend == "locmem":
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
