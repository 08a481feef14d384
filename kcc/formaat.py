"""Dates, times, numbers and amounts as a Dutch reader writes them: the one
place every page, message, export and printable download formats them.

What a person reads says ``€ 7.495,20``, ``33,3``, ``16 januari 2027`` and
``16-01-2027 14:05`` (local time, never UTC). Machines (the REST API, the
JSON download, OpenAPI) keep ISO 8601 and a decimal point; they do not come
here.

The separators are the Dutch ones whatever language is active, so a number
cannot turn into '33.3' in a Celery worker or a management command. Month
and day names come from the active language (Dutch unless a page chose
another), through Django's translations; the template filters of the same
names in ``kcc_tags`` call these functions. And the one way a moment
written by someone outside is read (``moment_lezen``).
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import formats, numberformat, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext

DECIMAALTEKEN = ","
DUIZENDTAL = "."


def _lokaal(waarde: datetime) -> datetime:
    # The municipality's time zone for a moment; a naive one is taken as
    # already local.
    if timezone.is_aware(waarde):
        return timezone.localtime(waarde)
    return waarde


def getal(waarde, decimalen: int | None = None, *, groeperen: bool = True) -> str:
    """'7.495,2' (with ``decimalen``=1), '33,3', '1.250'; rounded half up (a
    float's 66.65 is 66,7, not Python's 66,6). Empty for None or ''."""
    if waarde in (None, ""):
        return ""
    try:
        getal_ = Decimal(str(waarde))
    except InvalidOperation:
        return str(waarde)
    if decimalen is not None:
        getal_ = getal_.quantize(Decimal(1).scaleb(-decimalen), ROUND_HALF_UP)
    return numberformat.format(
        getal_,
        DECIMAALTEKEN,
        decimal_pos=decimalen,
        grouping=3 if groeperen else 0,
        thousand_sep=DUIZENDTAL if groeperen else "",
        force_grouping=groeperen,
    )


def bedrag(waarde) -> str:
    """'€ 7.495,20' (also '€ 0,00'); empty for None or ''."""
    if waarde in (None, ""):
        return ""
    tekst = getal(waarde, 2)
    if tekst.startswith("-"):
        return f"\N{MINUS SIGN}€ {tekst[1:]}"
    return f"€ {tekst}"


def procent(waarde, decimalen: int = 1) -> str:
    """'33,3%'; empty for None."""
    return "" if waarde is None else f"{getal(waarde, decimalen)}%"


def datum(waarde: date | datetime | None) -> str:
    """'16-01-2027' (the local date of a moment)."""
    if not waarde:
        return ""
    if isinstance(waarde, datetime):
        waarde = _lokaal(waarde)
    return f"{waarde:%d-%m-%Y}"


def datum_lang(waarde: date | datetime | None) -> str:
    """'16 januari 2027' (the local date of a moment)."""
    if not waarde:
        return ""
    if isinstance(waarde, datetime):
        waarde = _lokaal(waarde).date()
    return formats.date_format(waarde, "j F Y")


def dag_lang(waarde: date | datetime | None) -> str:
    """'zaterdag 16 januari 2027'."""
    if not waarde:
        return ""
    if isinstance(waarde, datetime):
        waarde = _lokaal(waarde).date()
    return formats.date_format(waarde, "l j F Y")


def tijd(waarde: datetime | time | None) -> str:
    """'14:05' in local time."""
    if not waarde:
        return ""
    if isinstance(waarde, datetime):
        waarde = _lokaal(waarde)
    return f"{waarde:%H:%M}"


def moment(waarde: datetime | None) -> str:
    """'16-01-2027 14:05' in local time."""
    if not waarde:
        return ""
    return f"{_lokaal(waarde):%d-%m-%Y %H:%M}"


def moment_lang(waarde: datetime | None, *, met_dag: bool = False) -> str:
    """'16 januari 2027 om 14:05' in local time; ``met_dag``: 'zaterdag 16
    januari 2027 om 14:05'."""
    if not waarde:
        return ""
    dag = dag_lang(waarde) if met_dag else datum_lang(waarde)
    return gettext("%(datum)s om %(tijd)s") % {"datum": dag, "tijd": tijd(waarde)}


def telefoonnummer(nummer: str | None) -> str:
    """'+31612345678' as people read it: '06 12345678'."""
    import phonenumbers

    if not nummer:
        return ""
    try:
        parsed = phonenumbers.parse(nummer, "NL")
    except phonenumbers.NumberParseException:
        return nummer
    if parsed.country_code == 31:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def tekst(waarde, *, lang: bool = False) -> str:
    """Any value as a person reads it: a moment, a date, yes/no, a number;
    anything else as its text. ``lang`` writes dates with the month's name."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return gettext("ja") if waarde else gettext("nee")
    if isinstance(waarde, datetime):
        return moment_lang(waarde) if lang else moment(waarde)
    if isinstance(waarde, date):
        return datum_lang(waarde) if lang else datum(waarde)
    if isinstance(waarde, int):
        return str(waarde)
    if isinstance(waarde, float | Decimal):
        return getal(waarde)
    return str(waarde)


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
