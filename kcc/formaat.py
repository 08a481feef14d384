"""Dates, times, numbers and amounts as a Dutch reader writes them, for text
built in Python (messages, exports); templates use Django's filters."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import formats, timezone


def datum_lang(waarde: date | datetime) -> str:
    """'16 januari 2027' (a moment in local time)."""
    if isinstance(waarde, datetime):
        waarde = timezone.localdate(waarde)
    return formats.date_format(waarde, "j F Y")
