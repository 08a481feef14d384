"""CSV and XLSX downloads of dashboard tables, written row by row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.http import HttpResponse, StreamingHttpResponse


def _veilig(waarde):
    """A text cell that a spreadsheet would run as a formula (= + - @ or a
    tab/return first, e.g. a name typed as "=HYPERLINK(...)") gets a
    leading apostrophe; numbers stay numbers."""
    if isinstance(waarde, str) and waarde[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + waarde
    return waarde


def _rij(rij) -> list:
    return [_veilig(waarde) for waarde in rij]


class _Regel:
    def write(self, waarde):
        return waarde


def csv_antwoord(naam: str, kop: list[str], rijen: Iterable[list]) -> StreamingHttpResponse:
    """Streamed; ';' and a BOM, so Excel in a Dutch locale opens it right."""
    schrijver = csv.writer(_Regel(), delimiter=";")

    def regels():
        yield "\ufeff" + schrijver.writerow(_rij(kop))
        for rij in rijen:
            yield schrijver.writerow(_rij(rij))

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
    blad.write_row(0, 0, kop, vet)
    for nummer, rij in enumerate(rijen, start=1):
        blad.write_row(nummer, 0, _rij(rij))
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
