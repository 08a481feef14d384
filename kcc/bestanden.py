"""Uploaded files: what they are is read from their content, not their name.

A customer's upload is checked before anything is stored: the type by its
first bytes (and, for a Word file, its package structure), the size, and that
it is not empty. The messages are plain Dutch, for the customer to act on.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import unicodedata
import uuid
import zipfile
from datetime import timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
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


# --- An upload kept while its form is corrected --------------------------
# A form that comes back with an error (a wrong BSN, a date in the future)
# cannot give the browser its file back. The checked upload is kept here for
# a day under a signed, per-user token in a hidden field, so the person need
# not choose it again.

_BEWAARD_MAP = "tijdelijk"
_BEWAARD_SALT = "kcc.bestanden.vasthouden"
_BEWAARD_SECONDEN = 24 * 3600


def vasthouden(bestand, *, user) -> str:
    """Keep ``bestand`` (already checked) for the user's next try; returns the
    token for the form's hidden field. Files older than a day are removed."""
    _oude_opruimen()
    bestand.seek(0)
    pad = default_storage.save(f"{_BEWAARD_MAP}/{uuid.uuid4().hex}", bestand)
    return signing.dumps(
        {"pad": pad, "naam": bestand.name or "bestand", "gebruiker": user.pk}, salt=_BEWAARD_SALT
    )


def terughalen(token: str, *, user):
    """The file kept under ``token`` for this user (a django File with its
    original name), or None when the token is unknown, foreign or expired."""
    if not token:
        return None
    try:
        gegevens = signing.loads(token, salt=_BEWAARD_SALT, max_age=_BEWAARD_SECONDEN)
    except signing.BadSignature:
        return None
    pad = gegevens.get("pad", "")
    if gegevens.get("gebruiker") != user.pk or not pad.startswith(f"{_BEWAARD_MAP}/"):
        return None
    if not default_storage.exists(pad):
        return None
    return File(default_storage.open(pad, "rb"), name=gegevens.get("naam") or "bestand")


def loslaten(token: str) -> None:
    """Remove a kept file once it is stored for good."""
    try:
        pad = signing.loads(token, salt=_BEWAARD_SALT).get("pad", "")
    except signing.BadSignature:
        return
    if pad.startswith(f"{_BEWAARD_MAP}/"):
        default_storage.delete(pad)


def _oude_opruimen() -> None:
    grens = timezone.now() - timedelta(seconds=_BEWAARD_SECONDEN)
    try:
        _mappen, namen = default_storage.listdir(_BEWAARD_MAP)
    except FileNotFoundError:
        return
    for naam in namen:
        pad = f"{_BEWAARD_MAP}/{naam}"
        with contextlib.suppress(OSError):
            if default_storage.get_modified_time(pad) < grens:
                default_storage.delete(pad)
