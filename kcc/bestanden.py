"""Uploaded files: what they are is read from their content, not their name.

A customer's upload is checked before anything is stored: the type by its
first bytes (and, for a Word file, its package structure), the size, that
it is not empty, and then what is inside (``inhoud_risico``): a PDF must
parse as a PDF and carry no JavaScript, launch actions or embedded files; a
Word file no macros, ActiveX, embedded programs or remote template, and it
may not unpack to far more than it is (a zip bomb); no file may hide a web
page (a PDF/HTML polyglot). With ``CLAMAV_URL`` set every file also goes
past the virus scanner (clamd) before it is stored. The messages are plain
Dutch, for the customer to act on.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import socket
import struct
import unicodedata
import uuid
import zipfile
from datetime import timedelta

from django.conf import settings
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
# A Word file unpacks to at most this much, and at most this many times its size.
_ZIP_MAX_UITGEPAKT = 200 * 1024 * 1024
_ZIP_MAX_VERHOUDING = 100
_PDF_MAX_OBJECTEN = 100_000

logger = logging.getLogger(__name__)


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
    try:
        risico = inhoud_risico(bestand, soort)
    except ScannerOnbereikbaar:
        raise ValidationError(
            _(
                "Wij kunnen dit bestand nu niet op virussen controleren. Probeer het over "
                "een paar minuten opnieuw."
            ),
            code="scanner_onbereikbaar",
        ) from None
    if risico:
        raise ValidationError(risico, code="actieve_inhoud")
    return soort


# --- What is inside ------------------------------------------------------------


class ScannerOnbereikbaar(Exception):
    """CLAMAV_URL is set but the scanner did not answer."""


def inhoud_risico(bestand, soort: str | None) -> str | None:
    """What makes the file unsafe to open, in words for the customer, or None.

    Raises ScannerOnbereikbaar when the virus scanner is configured but down:
    the caller decides (an upload is refused, an e-mail attachment flagged).
    """
    label = SOORTEN[soort][0] if soort in SOORTEN else _("bestand")
    if _bevat_webpagina(bestand):
        return _(
            "Dit %(soort)s-bestand bevat ook code van een webpagina. Sla het opnieuw op "
            "als gewoon %(soort)s-bestand en probeer het nog eens."
        ) % {"soort": label}
    if soort == "pdf":
        risico = _pdf_risico(bestand)
    elif soort == "docx":
        risico = _docx_risico(bestand)
    else:
        risico = None
    return risico or _virus(bestand)


_WEBPAGINA = re.compile(rb"<(script|html|iframe|svg|object|embed)[\s>/]", re.IGNORECASE)


def _bevat_webpagina(bestand) -> bool:
    """HTML or script tags in the file's bytes: a file that is a PDF or an
    image and a web page at once. Compressed content cannot hold them by
    accident; these tags only occur where someone wrote them."""
    bestand.seek(0)
    try:
        vorige = b""
        while blok := bestand.read(1024 * 1024):
            if _WEBPAGINA.search(vorige[-16:] + blok):
                return True
            vorige = blok
        return False
    finally:
        bestand.seek(0)


_PDF_ACTIEF = {
    "/JS",
    "/JavaScript",
    "/Launch",
    "/EmbeddedFile",
    "/EmbeddedFiles",
    "/RichMedia",
    "/XFA",
}
_PDF_ACTIES = {"/JavaScript", "/Launch", "/ImportData", "/GoToE"}


def _pdf_risico(bestand) -> str | None:
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    beschadigd = _(
        "Wij kunnen dit PDF-bestand niet openen: het is beschadigd. Sla het opnieuw op "
        "en probeer het nog eens."
    )
    try:
        lezer = PdfReader(bestand, strict=False)
        if lezer.is_encrypted and not lezer.decrypt(""):
            return _(
                "Dit PDF-bestand is beveiligd met een wachtwoord. Stuur een versie zonder "
                "wachtwoord."
            )
        if not len(lezer.pages):
            return beschadigd
        # Every object reachable from the document, names decoded and object
        # streams unpacked by pypdf: a /J#61vaScript is found as /JavaScript.
        te_doen, gezien, bekeken = [lezer.trailer], set(), 0
        while te_doen:
            obj = te_doen.pop()
            if isinstance(obj, IndirectObject):
                sleutel = (obj.idnum, obj.generation)
                if sleutel in gezien:
                    continue
                gezien.add(sleutel)
                obj = obj.get_object()
            bekeken += 1
            if bekeken > _PDF_MAX_OBJECTEN:
                return beschadigd
            if isinstance(obj, DictionaryObject):
                if _PDF_ACTIEF.intersection(obj.keys()):
                    return _pdf_actief()
                actie = obj.get("/S")
                if isinstance(actie, NameObject) and actie in _PDF_ACTIES:
                    return _pdf_actief()
                te_doen.extend(v for k, v in obj.items() if k not in ("/Parent", "/P"))
            elif isinstance(obj, ArrayObject):
                te_doen.extend(obj)
    except Exception:  # pypdf raises many kinds on a broken file
        logger.info("PDF refused: does not parse", exc_info=True)
        return beschadigd
    finally:
        bestand.seek(0)
    return None


def _pdf_actief() -> str:
    return _(
        "Dit PDF-bestand bevat actieve inhoud (zoals JavaScript of een ingesloten "
        "bestand) die wij om veiligheidsredenen niet aannemen. Sla het opnieuw op als "
        "gewone PDF, bijvoorbeeld met Afdrukken naar PDF, en probeer het nog eens."
    )


def _docx_risico(bestand) -> str | None:
    actief = _(
        "Dit Word-bestand bevat macro's of andere actieve inhoud die wij om "
        "veiligheidsredenen niet aannemen. Sla het op als gewoon Word-document of als "
        "PDF en probeer het nog eens."
    )
    try:
        with zipfile.ZipFile(bestand) as pakket:
            delen = pakket.infolist()
            uitgepakt = sum(deel.file_size for deel in delen)
            grootte = bestand.size if getattr(bestand, "size", None) else 1
            if uitgepakt > _ZIP_MAX_UITGEPAKT or uitgepakt > grootte * _ZIP_MAX_VERHOUDING:
                return _(
                    "Dit Word-bestand wordt bij het openen veel te groot. Kies een ander "
                    "bestand of sla het op als PDF."
                )
            namen = [deel.filename.lower() for deel in delen]
            if any(
                naam.endswith(("vbaproject.bin", "vbadata.xml"))
                or naam.startswith(("word/activex/", "word/embeddings/oleobject"))
                or (naam.startswith("word/embeddings/") and naam.endswith((".bin", ".exe")))
                for naam in namen
            ):
                return actief
            soorten = pakket.read("[Content_Types].xml")[: 1024 * 1024].lower()
            if b"macroenabled" in soorten or b"vbaproject" in soorten:
                return actief
            if "word/_rels/settings.xml.rels" in namen:
                verwijzingen = pakket.read("word/_rels/settings.xml.rels")[: 1024 * 1024]
                if b"attachedTemplate" in verwijzingen and b'TargetMode="External"' in verwijzingen:
                    return actief
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return _("Wij kunnen dit Word-bestand niet openen: het is beschadigd.")
    finally:
        bestand.seek(0)
    return None


def _virus(bestand) -> str | None:
    """clamd's INSTREAM: the file in chunks, then its verdict. Only with CLAMAV_URL."""
    url = settings.CLAMAV_URL
    if not url:
        return None
    try:
        if url.startswith("unix://"):
            verbinding = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            verbinding.settimeout(settings.CLAMAV_TIMEOUT)
            verbinding.connect(url.removeprefix("unix://"))
        else:
            host, _sep, poort = url.removeprefix("tcp://").rpartition(":")
            verbinding = socket.create_connection(
                (host, int(poort)), timeout=settings.CLAMAV_TIMEOUT
            )
        with verbinding:
            verbinding.sendall(b"zINSTREAM\0")
            bestand.seek(0)
            while blok := bestand.read(64 * 1024):
                verbinding.sendall(struct.pack("!L", len(blok)) + blok)
            verbinding.sendall(struct.pack("!L", 0))
            antwoord = b""
            while not antwoord.endswith(b"\0") and (deel := verbinding.recv(4096)):
                antwoord += deel
    except (OSError, ValueError) as fout:
        logger.error("Virus scanner at %s did not answer: %s", url, fout)
        raise ScannerOnbereikbaar from fout
    finally:
        bestand.seek(0)
    uitslag = antwoord.rstrip(b"\0").decode("utf-8", "replace")
    if uitslag.endswith("FOUND"):
        naam = uitslag.removeprefix("stream:").removesuffix("FOUND").strip()
        logger.warning("Virus scanner refused an upload: %s", naam)
        return _(
            "In dit bestand is een virus gevonden (%(naam)s). Wij hebben het niet bewaard."
        ) % {"naam": naam}
    if not uitslag.endswith("OK"):
        logger.error("Virus scanner gave no verdict: %s", uitslag)
        raise ScannerOnbereikbaar
    return None


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
