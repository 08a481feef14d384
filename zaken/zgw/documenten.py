"""The Documenten API 1.4.2 (read) at /documenten/api/v1: a case document
as enkelvoudiginformatieobject, and its download. An applicatie reads it
when it may read the case's product at the case's confidentiality (scope
``documenten.lezen``); the file is served as the workspace serves it: as an
attachment, never cached, never rendered inline."""

from __future__ import annotations

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions

from kcc.koppelingen.zgw import ZgwView
from zaken.models import ZaakDocument
from zaken.zgw import typen
from zaken.zgw.zaken import document_url, versiedelen

VERSIE = "1.4.2"
MIME = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def document_body(document: ZaakDocument, delen: typen.Zaaktypedelen) -> dict:
    typenaam = typen.document_typenaam(document.naam, delen.documenten)
    return {
        "url": document_url(document.uuid),
        "identificatie": str(document.uuid),
        "bronorganisatie": settings.GEMEENTE_RSIN,
        "creatiedatum": timezone.localdate(document.toegevoegd_op).isoformat(),
        "titel": document.naam[:200],
        "vertrouwelijkheidaanduiding": document.zaak.vertrouwelijkheid,
        "auteur": _("De klant") if document.door_klant else _("Gemeente"),
        # Kept as received: final.
        "status": "definitief",
        "formaat": MIME.get(document.bestandstype, "application/octet-stream"),
        "taal": "dut",
        "versie": 1,
        "beginRegistratie": document.toegevoegd_op.isoformat(),
        "bestandsnaam": document.bestandsnaam[:255],
        "inhoud": document_url(document.uuid) + "/download",
        "bestandsomvang": document.grootte,
        "link": "",
        "beschrijving": "",
        "ontvangstdatum": (
            timezone.localdate(document.toegevoegd_op).isoformat() if document.door_klant else None
        ),
        "verzenddatum": None,
        "indicatieGebruiksrecht": False,
        "verschijningsvorm": "",
        "ondertekening": None,
        "integriteit": {
            "algoritme": "sha_256",
            "waarde": document.sha256,
            "datum": (timezone.localdate(document.toegevoegd_op).isoformat()),
        },
        "informatieobjecttype": typen.type_url(
            typen.INFORMATIEOBJECTTYPE, typen.informatieobjecttype_uuid(typenaam)
        ),
        "locked": False,
        "bestandsdelen": [],
        "trefwoorden": [],
    }


class DocumentenView(ZgwView):
    component = "documenten"
    scope = "documenten.lezen"
    api_versie = VERSIE

    def document(self, uuid) -> ZaakDocument:
        document = (
            ZaakDocument.objects.select_related("zaak", "zaak__klant").filter(uuid=uuid).first()
        )
        if document is None:
            raise Http404
        zaak = document.zaak
        if not self.recht().staat_toe(zaak.product_id, zaak.vertrouwelijkheid):
            raise exceptions.PermissionDenied(
                _("Uw applicatie mag documenten van dit zaaktype niet lezen.")
            )
        return document

    def vastleggen(self, document: ZaakDocument, omschrijving: str) -> None:
        klant = document.zaak.klant
        self.audit(
            omschrijving=omschrijving,
            betrokkenen=[klant.bsn or klant.kvk_nummer],
            object_type="zaken.ZaakDocument",
            object_id=str(document.uuid),
        )


class DocumentDetail(DocumentenView):
    parameters = frozenset({"versie", "registratieOp", "expand"})

    def get(self, request, uuid):
        document = self.document(uuid)
        if request.query_params.get("versie", "1") != "1":
            raise Http404
        delen = versiedelen([document.zaak.productversie_id])[document.zaak.productversie_id][1]
        self.vastleggen(document, _("Document opgevraagd via de Documenten API"))
        return self.met_etag(document_body(document, delen))


class DocumentDownload(DocumentenView):
    parameters = frozenset({"versie", "registratieOp"})

    def get(self, request, uuid):
        document = self.document(uuid)
        if request.query_params.get("versie", "1") != "1":
            raise Http404
        self.vastleggen(document, _("Document gedownload via de Documenten API"))
        response = FileResponse(
            document.bestand.open("rb"),
            as_attachment=True,
            filename=document.bestandsnaam,
            content_type="application/octet-stream",
        )
        response["Cache-Control"] = "private, no-store"
        return response
