"""The kanaal ``zaken``: what a subscriber hears of a case, in the form of the
Notificaties API. Called by zaken.services in the transaction of the change,
so a change that rolls back tells nobody, and one that commits is delivered
(kcc.koppelingen.notificaties)."""

from __future__ import annotations

from django.conf import settings

from kcc.koppelingen import notificaties
from zaken.models import EIND_STATUSSEN, StatusWijziging, Zaak, ZaakDocument
from zaken.zgw import typen
from zaken.zgw.zaken import resultaat_url, status_url, zaak_url, zio_url


def _melden(zaak: Zaak, resource: str, resource_url: str, actie: str) -> None:
    notificaties.melden(
        kanaal="zaken",
        hoofd_object=zaak_url(zaak.uuid),
        resource=resource,
        resource_url=resource_url,
        actie=actie,
        kenmerken={
            "bronorganisatie": settings.GEMEENTE_RSIN,
            "zaaktype": typen.zaaktype_url(zaak.productversie.uuid),
            "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheid,
        },
    )


def is_status(wijziging: StatusWijziging) -> bool:
    """Whether a history row is a status in the Zaken API: a transition or a
    step (not a note in the history, such as a document added)."""
    return bool(wijziging.statusstap) or wijziging.van != wijziging.naar


def historie_gemeld(zaak: Zaak, wijziging: StatusWijziging) -> None:
    """A history row: a new case, a status set, a case closed with its result."""
    if wijziging.van == "":
        _melden(zaak, "zaak", zaak_url(zaak.uuid), "create")
    if is_status(wijziging):
        _melden(zaak, "status", status_url(wijziging.uuid), "create")
    if wijziging.naar in EIND_STATUSSEN and wijziging.van not in EIND_STATUSSEN:
        _melden(zaak, "resultaat", resultaat_url(zaak.uuid), "create")


def zaak_bijgewerkt(zaak: Zaak) -> None:
    """An extension or a suspension (or its end) changed the case itself."""
    _melden(zaak, "zaak", zaak_url(zaak.uuid), "partial_update")


def document_toegevoegd(zaak: Zaak, document: ZaakDocument) -> None:
    _melden(zaak, "zaakinformatieobject", zio_url(document.uuid), "create")
