"""Uploaded files: what they are is read from their content, not their name.

A customer's upload is checked before anything is stored: the type by its
first bytes (and, for a Word file, its package structure), the size, and that
it is not empty. The messages are plain Dutch, for the customer to act on.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

# type code -> (label, content type)
SOORTEN = {
    "pdf": ("PDF", "application/pdf"),
    "jpg": ("JPEG", "image/jpeg"),
    "png": ("PNG", "image/png"),
    "docx": (
        "Word (docx)",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}
STANDAARD_SOORTEN = ["pdf", "jpg", "png"]
_ZIP_MAX_DELEN = 5000


def _begin(bestand, aantal: int) -> bytes:
    bestand.seek(0)
    begin = bestand.read(aantal)
    bestand.seek(0)
    return begin


def _is_docx(bestand) -> bool:
    try:
        with zipfile.ZipFile(bestand) as pakket:
            # Only the table of contents is read; nothing is unpacked.
            namen = pakket.namelist()
            return (
                len(namen) < _ZIP_MAX_DELEN
                and "[Content_Types].xml" in namen
                and "word/document.xml" in namen
            )
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        bestand.seek(0)


def bestandssoort(bestand) -> str | None:
    """The type of the file by its content: 'pdf', 'jpg', 'png', 'docx' or None."""
    begin = _begin(bestand, 8)
    if begin.startswith(b"%PDF-"):
        return "pdf"
    if begin.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if begin.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if begin.startswith(b"PK\x03\x04") and _is_docx(bestand):
        return "docx"
    return None


def veilige_bestandsnaam(naam: str) -> str:
    """The file name to show: no path, no control characters, at most 150 characters."""
    naam = naam.replace("\\", "/").rsplit("/", 1)[-1]
    naam = unicodedata.normalize("NFC", naam)
    naam = re.sub(r"[\x00-\x1f\x7f\"<>|:*?]", "", naam).strip(" .")
    if len(naam) > 150:
        stam, punt, extensie = naam.rpartition(".")
        naam = (stam[: 150 - len(extensie) - 1] + punt + extensie) if punt else naam[:150]
    return naam or "document"


def upload_controleren(
    bestand: UploadedFile, *, toegestaan: list[str] | None = None, max_mb: int = 10
) -> str:
    """Check an upload; returns its type code or raises a friendly ValidationError."""
    toegestaan = toegestaan or STANDAARD_SOORTEN
    namen = [SOORTEN[s][0] for s in toegestaan if s in SOORTEN]
    labels = namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + _(" of ") + namen[-1]
    if bestand is None or not bestand.size:
        raise ValidationError(_("Het bestand is leeg. Kies een ander bestand."), code="leeg")
    if bestand.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("Het bestand is groter dan %(max)s MB. Maak het kleiner of kies een ander bestand.")
            % {"max": max_mb},
            code="te_groot",
        )
    soort = bestandssoort(bestand)
    if soort is None:
        raise ValidationError(
            _(
                "Wij kunnen dit bestand niet openen: het is geen %(labels)s, of het is "
                "beschadigd. Kies een ander bestand."
            )
            % {"labels": labels},
            code="onbekend_type",
        )
    if soort not in toegestaan:
        raise ValidationError(
            _("Dit is een %(soort)s-bestand. Hier kunt u alleen %(labels)s gebruiken.")
            % {"soort": SOORTEN[soort][0], "labels": labels},
            code="type_niet_toegestaan",
        )
    return soort


def sha256(bestand) -> str:
    bestand.seek(0)
    digest = hashlib.sha256()
    for blok in iter(lambda: bestand.read(1024 * 1024), b""):
        digest.update(blok)
    bestand.seek(0)
    return digest.hexdigest()


def download(bestand, *, bestandsnaam: str, soort: str):
    """A stored upload as a download: never rendered inline, never cached."""
    from django.http import FileResponse

    response = FileResponse(
        bestand.open("rb"),
        as_attachment=True,
        filename=bestandsnaam,
        content_type=SOORTEN.get(soort, ("", "application/octet-stream"))[1],
    )
    response["Cache-Control"] = "private, no-store"
    return response
