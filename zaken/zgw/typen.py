"""The catalogue as the ZGW standards see it.

A zaaktype is one frozen product version (``ProductVersie``): what a case
registered under it was promised. Its statustypen are the case lifecycle's
states with the product's own steps between them; its resultaattypen the
three ways a case ends; its roltype the initiator (the customer); its
informatieobjecttypen the documents the product asks for, plus "Document"
for everything else. Versions never change, so these types are derived
from the version, each with a UUID made from the version's UUID and the
type's key (the same on every server and every day), and found back
through ``onderdeel``.
"""

from __future__ import annotations

import threading
import uuid as uuidlib
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings

from kcc.koppelingen.zgw import api_url
from producten.models import ProductVersie
from zaken.models import ZaakStatus

# The namespace of the platform's derived ZGW identities.
NAMESPACE = uuidlib.UUID("6f1c2a4e-3b8d-5e7f-9a0b-1c2d3e4f5a6b")

STATUSTYPE = "statustypen"
RESULTAATTYPE = "resultaattypen"
ROLTYPE = "roltypen"
INFORMATIEOBJECTTYPE = "informatieobjecttypen"

# The lifecycle's states in the order a case passes them, each with whether
# the customer hears of it; the product's steps go behind the state of
# their phase.
_LEVENSLOOP = [
    (ZaakStatus.ONTVANGEN, True),
    (ZaakStatus.IN_BEHANDELING, False),
    (ZaakStatus.WACHT_OP_KLANT, True),
    (ZaakStatus.HEROPEND, True),
    (ZaakStatus.AFGEHANDELD, True),
    (ZaakStatus.AFGEWEZEN, True),
    (ZaakStatus.INGETROKKEN, True),
]
_EINDE = {ZaakStatus.AFGEHANDELD, ZaakStatus.AFGEWEZEN, ZaakStatus.INGETROKKEN}
ALGEMEEN_DOCUMENT = "Document"


def catalogus_uuid() -> uuidlib.UUID:
    return uuidlib.uuid5(NAMESPACE, f"catalogus/{settings.GEMEENTE_RSIN}")


def catalogus_url() -> str:
    return api_url("catalogi", f"catalogussen/{catalogus_uuid()}")


def zaaktype_url(versie_uuid) -> str:
    return api_url("catalogi", f"zaaktypen/{versie_uuid}")


def type_url(soort: str, type_uuid) -> str:
    return api_url("catalogi", f"{soort}/{type_uuid}")


def informatieobjecttype_uuid(naam: str) -> uuidlib.UUID:
    """Catalogue-wide: one type per document name, whatever the product."""
    return uuidlib.uuid5(NAMESPACE, f"{INFORMATIEOBJECTTYPE}/{catalogus_uuid()}/{naam}")


@dataclass(frozen=True)
class Statustype:
    uuid: uuidlib.UUID
    sleutel: str
    omschrijving: str
    statustekst: str
    informeren: bool
    volgnummer: int
    is_eind: bool


@dataclass(frozen=True)
class Resultaattype:
    uuid: uuidlib.UUID
    sleutel: str
    omschrijving: str
    generiek: str


@dataclass(frozen=True)
class Zaaktypedelen:
    """The derived types of one product version."""

    statustypen: tuple[Statustype, ...]
    resultaattypen: tuple[Resultaattype, ...]
    roltype: uuidlib.UUID
    documenten: tuple[str, ...]

    def statustype(self, naar: str, stap: str = "") -> Statustype:
        """The statustype of one history row: its step, or else its state."""
        sleutel = f"stap:{stap}" if stap else naar
        for statustype in self.statustypen:
            if statustype.sleutel == sleutel:
                return statustype
        # A step the version does not know (renamed data): its state.
        return next(s for s in self.statustypen if s.sleutel == naar)

    def resultaattype(self, status: str) -> Resultaattype | None:
        return next((r for r in self.resultaattypen if r.sleutel == status), None)


_GENERIEK = {
    ZaakStatus.AFGEHANDELD: "afgehandeld",
    ZaakStatus.AFGEWEZEN: "geweigerd",
    ZaakStatus.INGETROKKEN: "ingetrokken",
}


@lru_cache(maxsize=4096)
def _delen(versie_uuid: uuidlib.UUID, stappen: tuple, documenten: tuple) -> Zaaktypedelen:
    def maak(soort: str, sleutel: str) -> uuidlib.UUID:
        return uuidlib.uuid5(versie_uuid, f"{soort}/{sleutel}")

    statustypen = []
    for status, informeren in _LEVENSLOOP:
        eind = status in _EINDE
        statustypen.append((str(status), str(status.label), informeren, eind))
        for fase, naam, _tekst, klant_informeren in stappen:
            if fase == status:
                statustypen.append((f"stap:{naam}", naam, klant_informeren, eind))
    teksten = {f"stap:{naam}": burgertekst for _f, naam, burgertekst, _k in stappen}
    return Zaaktypedelen(
        statustypen=tuple(
            Statustype(
                uuid=maak(STATUSTYPE, sleutel),
                sleutel=sleutel,
                omschrijving=omschrijving[:80],
                statustekst=teksten.get(sleutel, omschrijving)[:1000],
                informeren=informeren,
                volgnummer=volgnummer,
                is_eind=eind,
            )
            for volgnummer, (sleutel, omschrijving, informeren, eind) in enumerate(
                statustypen, start=1
            )
        ),
        resultaattypen=tuple(
            Resultaattype(
                uuid=maak(RESULTAATTYPE, status),
                sleutel=status,
                omschrijving=str(status.label),
                generiek=_GENERIEK[status],
            )
            for status in (ZaakStatus.AFGEHANDELD, ZaakStatus.AFGEWEZEN, ZaakStatus.INGETROKKEN)
        ),
        roltype=maak(ROLTYPE, "initiator"),
        documenten=(*documenten, ALGEMEEN_DOCUMENT),
    )


def delen(versie_uuid: uuidlib.UUID, inhoud: dict) -> Zaaktypedelen:
    stappen = tuple(
        (s["fase"], s["naam"], s.get("burgertekst", ""), bool(s.get("klant_informeren")))
        for s in inhoud.get("statusstappen", [])
    )
    documenten = tuple(d["naam"] for d in inhoud.get("documenten", []))
    return _delen(versie_uuid, stappen, documenten)


def document_typenaam(naam: str, versie_documenten: tuple[str, ...]) -> str:
    """The informatieobjecttype of a case document: the product's document
    of that name, or the general one."""
    return naam if naam in versie_documenten else ALGEMEEN_DOCUMENT


# --- finding a derived type by its UUID -------------------------------------------------------


@dataclass(frozen=True)
class Onderdeel:
    soort: str
    versie_id: int
    sleutel: str


_register: dict[uuidlib.UUID, Onderdeel] = {}
_gezien_tot = 0
_slot = threading.Lock()


def onderdeel(type_uuid: uuidlib.UUID) -> Onderdeel | None:
    """The statustype, resultaattype or roltype with this UUID. The register
    learns the versions it has not seen yet when a UUID is not in it (new
    versions only: old ones never change)."""
    global _gezien_tot
    gevonden = _register.get(type_uuid)
    if gevonden is not None:
        return gevonden
    with _slot:
        nieuw = ProductVersie.objects.filter(pk__gt=_gezien_tot).order_by("pk")
        for versie in nieuw.only("pk", "uuid", "inhoud"):
            d = delen(versie.uuid, versie.inhoud)
            for statustype in d.statustypen:
                _register[statustype.uuid] = Onderdeel(STATUSTYPE, versie.pk, statustype.sleutel)
            for resultaattype in d.resultaattypen:
                _register[resultaattype.uuid] = Onderdeel(
                    RESULTAATTYPE, versie.pk, resultaattype.sleutel
                )
            _register[d.roltype] = Onderdeel(ROLTYPE, versie.pk, "initiator")
            _gezien_tot = max(_gezien_tot, versie.pk)
    return _register.get(type_uuid)


def informatieobjecttypen() -> dict[uuidlib.UUID, str]:
    """Every document type of the catalogue, by UUID: the names of every
    version's documents, and the general one."""
    namen = {ALGEMEEN_DOCUMENT}
    for inhoud in ProductVersie.objects.values_list("inhoud", flat=True):
        namen.update(d["naam"] for d in inhoud.get("documenten", []))
    return {informatieobjecttype_uuid(naam): naam for naam in sorted(namen)}
