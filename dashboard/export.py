"""CSV and XLSX downloads of dashboard tables, written row by row.

The rows hold values (numbers, dates, moments), not text: the CSV writes
them as Dutch Excel reads them ('33,3', '16-01-2027 14:05', ';' between
cells), the XLSX as real numbers and dates a spreadsheet can sum and sort.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

from kcc import formaat


def _veilig(waarde):
    """A text cell that a spreadsheet would run as a formula (= + - @ or a
    tab/return first, e.g. a name typed as "=HYPERLINK(...)") gets a
    leading apostrophe; numbers stay numbers."""
    if isinstance(waarde, str) and waarde[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + waarde
    return waarde


def _rij(rij) -> list:
    return [_veilig(waarde) for waarde in rij]


def _csv_cel(waarde):
    """A cell as Dutch Excel reads it: a decimal comma without thousands
    separator (so '1234,5' stays one number), dates day first, moments in
    local time, ja/nee."""
    if waarde is None:
        return ""
    if isinstance(waarde, float | Decimal):
        return formaat.getal(waarde, groeperen=False)
    if isinstance(waarde, datetime):
        return f"{_lokaal_naief(waarde):%d-%m-%Y %H:%M}"
    if isinstance(waarde, bool | date):
        return formaat.tekst(waarde)
    return _veilig(waarde)


def _lokaal_naief(waarde: datetime) -> datetime:
    # A spreadsheet has no time zones: the municipality's clock time. The
    # default zone, not localtime()'s per-call lookup of the current one: an
    # export writes tens of thousands of these.
    if waarde.tzinfo is not None:
        waarde = waarde.astimezone(timezone.get_default_timezone())
    return waarde.replace(tzinfo=None)


class _Regel:
    def write(self, waarde):
        return waarde


def csv_antwoord(naam: str, kop: list[str], rijen: Iterable[list]) -> StreamingHttpResponse:
    """Streamed; ';' and a BOM, so Excel in a Dutch locale opens it right."""
    schrijver = csv.writer(_Regel(), delimiter=";")

    def regels():
        yield "\ufeff" + schrijver.writerow(_rij(kop))
        for rij in rijen:
            yield schrijver.writerow([_csv_cel(waarde) for waarde in rij])

    antwoord = StreamingHttpResponse(regels(), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
    return antwoord


def xlsx_antwoord(naam: str, kop: list[str], rijen: Iterable[list]) -> HttpResponse:
    import xlsxwriter

    buffer = io.BytesIO()
    boek = xlsxwriter.Workbook(
        buffer, {"constant_memory": True, "in_memory": False, "strings_to_formulas": False}
    )
    blad = boek.add_worksheet(naam[:31])
    vet = boek.add_format({"bold": True})
    # Excel shows these in the reader's own locale; the codes are Excel's.
    als_datum = boek.add_format({"num_format": "dd-mm-yyyy"})
    als_moment = boek.add_format({"num_format": "dd-mm-yyyy hh:mm"})
    blad.write_row(0, 0, kop, vet)
    for nummer, rij in enumerate(rijen, start=1):
        for kolom, waarde in enumerate(rij):
            if isinstance(waarde, datetime):
                blad.write_datetime(nummer, kolom, _lokaal_naief(waarde), als_moment)
            elif isinstance(waarde, date):
                blad.write_datetime(nummer, kolom, waarde, als_datum)
            elif isinstance(waarde, bool):
                blad.write_string(nummer, kolom, formaat.tekst(waarde))
            elif isinstance(waarde, int | float | Decimal):
                blad.write_number(nummer, kolom, waarde)
            elif waarde is None or waarde == "":
                blad.write_blank(nummer, kolom, None)
            else:
                blad.write_string(nummer, kolom, str(_veilig(waarde)))
    boek.close()
    antwoord = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.xlsx"'
    return antwoord


def downloaden(formaat: str, naam: str, kop: list[str], rijen: Iterable[list]):
    if formaat == "xlsx":
        return xlsx_antwoord(naam, kop, rijen)
    return csv_antwoord(naam, kop, rijen)
