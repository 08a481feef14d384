"""Uploads are judged by their content, not their name, with friendly messages."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kcc.bestanden import bestandssoort, upload_controleren, veilige_bestandsnaam
from tests.factories import PDF

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as pakket:
        pakket.writestr("[Content_Types].xml", "<Types/>")
        pakket.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as pakket:
        pakket.writestr("iets.txt", "geen Word")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("inhoud", "soort"),
    [(PDF, "pdf"), (PNG, "png"), (JPG, "jpg"), (_docx(), "docx"), (_zip(), None), (b"MZ", None)],
)
def test_it_recognises_a_file_by_its_content(inhoud, soort):
    assert bestandssoort(io.BytesIO(inhoud)) == soort


def test_it_accepts_a_picture_whatever_its_name():
    assert upload_controleren(SimpleUploadedFile("foto.pdf", PNG)) == "png"


def test_it_refuses_a_program_named_like_a_pdf():
    with pytest.raises(ValidationError) as fout:
        upload_controleren(SimpleUploadedFile("aanvraag.pdf", b"MZ\x90\x00program"))
    assert "niet openen" in fout.value.messages[0]
    assert "geen PDF, JPEG of PNG" in fout.value.messages[0]


def test_it_refuses_a_type_the_product_does_not_accept():
    with pytest.raises(ValidationError) as fout:
        upload_controleren(SimpleUploadedFile("foto.png", PNG), toegestaan=["pdf"])
    assert fout.value.messages == ["Dit is een PNG-bestand. Hier kunt u alleen PDF gebruiken."]


def test_it_refuses_empty_and_too_large_files():
    with pytest.raises(ValidationError, match="leeg"):
        upload_controleren(SimpleUploadedFile("leeg.pdf", b""))
    with pytest.raises(ValidationError, match="groter dan 1 MB"):
        upload_controleren(SimpleUploadedFile("groot.pdf", PDF + b"0" * 1024 * 1024), max_mb=1)


def test_it_keeps_only_a_harmless_file_name():
    assert veilige_bestandsnaam("../../etc/passwd") == "passwd"
    assert veilige_bestandsnaam("C:\\Users\\x\\scan <1>.pdf") == "scan 1.pdf"
    assert veilige_bestandsnaam("...") == "document"
    assert len(veilige_bestandsnaam("a" * 300 + ".pdf")) == 150
    assert veilige_bestandsnaam("a" * 300 + ".pdf").endswith(".pdf")
