"""Dates, times, numbers and amounts as a Dutch reader writes them, for text
built in Python (messages, exports); templates use Django's filters. And the
one way a moment written by someone outside is read (moment_lezen)."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime


def datum_lang(waarde: date | datetime) -> str:
    """'16 januari 2027' (a moment in local time)."""
    if isinstance(waarde, datetime):
        waarde = timezone.localdate(waarde)
    return formats.date_format(waarde, "j F Y")


def moment_lezen(waarde: str | None) -> datetime | None:
    """An ISO 8601 moment from a form, an address or a webhook, in local time;
    None when it is none (malformed, impossible like month 13, out of range).
    A moment without an offset is local time.

    The offset it came with is taken out: Python accepts one of up to 23:59
    hours, PostgreSQL stores one of at most 15:59, so "10:00-19:35" kept as
    it was ends in a database error instead of an answer."""
    if not isinstance(waarde, str) or not waarde.strip():
        return None
    try:
        moment = parse_datetime(waarde.strip())
        if moment is None:
            return None
        if timezone.is_naive(moment):
            return timezone.make_aware(moment)
        return timezone.localtime(moment)
    except (ValueError, OverflowError):
        return None
