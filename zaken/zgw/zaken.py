"""The Zaken API 1.5.1 (read) at /zaken/api/v1: cases as other systems of
the municipality know them (Open Inwoner's "Mijn zaken", KISS, a
zaaksysteem).

What the platform keeps internal never leaves it: the case's own
``toelichting`` is empty (notes and hand-overs stay in the workspace), a
status carries the text the customer was given, and a resultaat the
explanation the customer sees in the portal.

A case's statuses are its history rows; its one rol is the customer as
initiator, its resultaat exists once it is closed, and its
zaakinformatieobjecten are its documents. A rol, resultaat and
zaakinformatieobject have no row of their own: their UUID is the case's
(or the document's) UUID with a fixed mask, so it is found back without a
lookup table.

A list costs a fixed number of queries, whatever the page size, the
expansions asked or the number of products granted: one count, one page
(statuses, sub-cases and documents aggregated in it), one per expansion,
and one insert of the audit rows.
"""

from __future__ import annotations

import uuid as uuidlib
from datetime import date

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, OuterRef, Q, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from kcc.choices import Vertrouwelijkheid
from kcc.koppelingen.zgw import ValidatieFout, ZgwView, api_url, paginanummer, uuid_uit_url
from producten.models import ProductVersie
from zaken.models import EIND_STATUSSEN, StatusWijziging, Zaak, ZaakDocument
from zaken.zgw import typen

VERSIE = "1.5.1"

ROL_MASKER = 0x3C5A_96F0_0F69_A5C3_5A3C_0F96_69F0_A55A
RESULTAAT_MASKER = 0x5AA5_3CC3_96F0_69F0_A55A_C33C_0F0F_F0F0
ZIO_MASKER = 0x0FF0_5AA5_C33C_9669_F00F_A55A_3CC3_6996


def _gemaskeerd(waarde: uuidlib.UUID, masker: int) -> uuidlib.UUID:
    return uuidlib.UUID(int=waarde.int ^ masker)


def zaak_url(zaak_uuid) -> str:
    return api_url("zaken", f"zaken/{zaak_uuid}")


def rol_url(zaak_uuid) -> str:
    return api_url("zaken", f"rollen/{_gemaskeerd(zaak_uuid, ROL_MASKER)}")


def resultaat_url(zaak_uuid) -> str:
    return api_url("zaken", f"resultaten/{_gemaskeerd(zaak_uuid, RESULTAAT_MASKER)}")


def status_url(status_uuid) -> str:
    return api_url("zaken", f"statussen/{status_uuid}")


def zio_url(document_uuid) -> str:
    return api_url("zaken", f"zaakinformatieobjecten/{_gemaskeerd(document_uuid, ZIO_MASKER)}")


def document_url(document_uuid) -> str:
    return api_url("documenten", f"enkelvoudiginformatieobjecten/{document_uuid}")


def _moment(waarde) -> str | None:
    return waarde.isoformat() if waarde else None


def _datum(waarde) -> str | None:
    if waarde is None:
        return None
    if hasattr(waarde, "hour"):
        waarde = timezone.localdate(waarde)
    return waarde.isoformat()


# --- the product versions of the cases on a page (read once per process) -------------------------

_versies: dict[int, tuple[uuidlib.UUID, typen.Zaaktypedelen, str]] = {}


def versiedelen(versie_ids) -> dict[int, tuple[uuidlib.UUID, typen.Zaaktypedelen, str]]:
    """(uuid, derived types, product code) per version id; versions never
    change, so each is read from the database once per process."""
    ontbrekend = {v for v in versie_ids if v not in _versies}
    if ontbrekend:
        for versie in ProductVersie.objects.filter(pk__in=ontbrekend).values(
            "pk", "uuid", "inhoud", "product__code"
        ):
            _versies[versie["pk"]] = (
                versie["uuid"],
                typen.delen(versie["uuid"], versie["inhoud"]),
                versie["product__code"],
            )
    return {v: _versies[v] for v in versie_ids if v in _versies}


# --- representations -----------------------------------------------------------------------------

ZAAKVELDEN = [
    "id",
    "uuid",
    "nummer",
    "geregistreerd_op",
    "afgesloten_op",
    "streefdatum",
    "uiterste_datum",
    "vertrouwelijkheid",
    "verlengd",
    "verlenging_reden",
    "verlenging_weken",
    "opgeschort_op",
    "status",
    "product_id",
    "product__naam",
    "productversie_id",
    "productversie__uuid",
    "hoofdzaak__uuid",
    "klant__bsn",
    "klant__kvk_nummer",
    "vestigingsnummer",
]


# A history row is a status when it is a transition or a step; a note in the
# history (a document added, an extension) is not.
IS_STATUS = Q(statusstap__gt="") | ~Q(van=F("naar"))


def statussen():
    return StatusWijziging.objects.filter(IS_STATUS)


def _met_aggregaten(zaken):
    laatste = statussen().filter(zaak=OuterRef("pk")).order_by("-tijdstip", "-id")
    return zaken.values(*ZAAKVELDEN).annotate(
        status_uuid=Subquery(laatste.values("uuid")[:1]),
        deelzaak_uuids=ArraySubquery(
            Zaak.objects.filter(hoofdzaak=OuterRef("pk")).order_by("id").values("uuid")
        ),
        document_uuids=ArraySubquery(
            ZaakDocument.objects.filter(zaak=OuterRef("pk"))
            .order_by("toegevoegd_op", "id")
            .values("uuid")
        ),
    )


def zaak_body(rij: dict) -> dict:
    zaak_uuid = rij["uuid"]
    gesloten = rij["afgesloten_op"] is not None and rij["status"] in EIND_STATUSSEN
    return {
        "url": zaak_url(zaak_uuid),
        "uuid": str(zaak_uuid),
        "identificatie": rij["nummer"],
        "bronorganisatie": settings.GEMEENTE_RSIN,
        "omschrijving": rij["product__naam"][:80],
        "toelichting": "",
        "zaaktype": typen.zaaktype_url(rij["productversie__uuid"]),
        "registratiedatum": _datum(rij["geregistreerd_op"]),
        "verantwoordelijkeOrganisatie": settings.GEMEENTE_RSIN,
        "startdatum": _datum(rij["geregistreerd_op"]),
        "einddatum": _datum(rij["afgesloten_op"]) if gesloten else None,
        "einddatumGepland": _datum(rij["streefdatum"]),
        "uiterlijkeEinddatumAfdoening": _datum(rij["uiterste_datum"]),
        "publicatiedatum": None,
        "communicatiekanaal": "",
        "productenOfDiensten": [],
        "vertrouwelijkheidaanduiding": rij["vertrouwelijkheid"],
        "betalingsindicatie": "",
        "betalingsindicatieWeergave": "",
        "laatsteBetaaldatum": None,
        "zaakgeometrie": None,
        "verlenging": (
            {"reden": rij["verlenging_reden"][:200], "duur": f"P{rij['verlenging_weken']}W"}
            if rij["verlengd"] and rij["verlenging_weken"]
            else None
        ),
        "opschorting": {
            "indicatie": rij["opgeschort_op"] is not None,
            "eerdereOpschorting": False,
            "reden": "",
        },
        "selectielijstklasse": "",
        "hoofdzaak": zaak_url(rij["hoofdzaak__uuid"]) if rij["hoofdzaak__uuid"] else None,
        "deelzaken": [zaak_url(u) for u in rij["deelzaak_uuids"]],
        "relevanteAndereZaken": [],
        "eigenschappen": [],
        "rollen": [rol_url(zaak_uuid)],
        "status": status_url(rij["status_uuid"]) if rij["status_uuid"] else None,
        "zaakinformatieobjecten": [zio_url(u) for u in rij["document_uuids"]],
        "zaakobjecten": [],
        "kenmerken": [],
        "archiefnominatie": None,
        "archiefstatus": "nog_te_archiveren",
        "archiefactiedatum": None,
        "resultaat": resultaat_url(zaak_uuid) if gesloten else None,
        "opdrachtgevendeOrganisatie": "",
        "processobjectaard": "",
        "startdatumBewaartermijn": None,
        "processobject": None,
    }


def status_body(rij: dict, delen: typen.Zaaktypedelen, laatste: bool) -> dict:
    statustype = delen.statustype(rij["naar"], rij["statusstap"])
    return {
        "url": status_url(rij["uuid"]),
        "uuid": str(rij["uuid"]),
        "zaak": zaak_url(rij["zaak__uuid"]),
        "statustype": typen.type_url(typen.STATUSTYPE, statustype.uuid),
        "datumStatusGezet": _moment(rij["tijdstip"]),
        # What the customer was told; the staff's reason stays internal.
        "statustoelichting": (rij["burgertekst"] or statustype.statustekst)[:1000],
        "indicatieLaatstGezetteStatus": laatste,
        "gezetdoor": "",
        "zaakinformatieobjecten": [],
    }


def rol_body(rij: dict, roltype_uuid) -> dict:
    zaak_uuid = rij["uuid"]
    kvk = rij["klant__kvk_nummer"]
    vestiging = rij["vestigingsnummer"]
    if rij["klant__bsn"]:
        soort = "natuurlijk_persoon"
        identificatie = {
            "inpBsn": rij["klant__bsn"],
            "anpIdentificatie": "",
            "inpA_nummer": "",
            "geslachtsnaam": rij["klant__geslachtsnaam"][:200],
            "voorvoegselGeslachtsnaam": rij["klant__voorvoegsel"][:80],
            "voorletters": "".join(
                f"{deel[0]}." for deel in rij["klant__voornamen"].split() if deel
            )[:20],
            "voornamen": rij["klant__voornamen"][:200],
            "geslachtsaanduiding": "",
            "geboortedatum": _datum(rij["klant__geboortedatum"]) or "",
        }
    elif vestiging:
        soort = "vestiging"
        identificatie = {
            "vestigingsNummer": vestiging,
            "handelsnaam": [rij["klant__organisatienaam"][:625]],
            "kvkNummer": kvk,
        }
    else:
        soort = "niet_natuurlijk_persoon"
        identificatie = {
            "innNnpId": kvk,
            "annIdentificatie": "",
            "statutaireNaam": rij["klant__organisatienaam"][:500],
            "innRechtsvorm": "",
            "bezoekadres": "",
            "kvkNummer": kvk,
            "vestigingsNummer": "",
        }
    return {
        "url": rol_url(zaak_uuid),
        "uuid": str(_gemaskeerd(zaak_uuid, ROL_MASKER)),
        "zaak": zaak_url(zaak_uuid),
        "betrokkene": "",
        "betrokkeneType": soort,
        "afwijkendeNaamBetrokkene": "",
        "roltype": typen.type_url(typen.ROLTYPE, roltype_uuid),
        "omschrijving": _("Aanvrager"),
        "omschrijvingGeneriek": "initiator",
        "roltoelichting": _("De klant die de aanvraag deed"),
        "registratiedatum": _moment(rij["geregistreerd_op"]),
        "indicatieMachtiging": "",
        "contactpersoonRol": None,
        "statussen": [],
        "betrokkeneIdentificatie": identificatie,
    }


def resultaat_body(rij: dict, delen: typen.Zaaktypedelen) -> dict:
    resultaattype = delen.resultaattype(rij["status"])
    return {
        "url": resultaat_url(rij["uuid"]),
        "uuid": str(_gemaskeerd(rij["uuid"], RESULTAAT_MASKER)),
        "zaak": zaak_url(rij["uuid"]),
        "resultaattype": typen.type_url(typen.RESULTAATTYPE, resultaattype.uuid),
        # The explanation the customer reads in the portal.
        "toelichting": rij["toelichting"][:1000],
    }


def zio_body(rij: dict) -> dict:
    return {
        "url": zio_url(rij["uuid"]),
        "uuid": str(_gemaskeerd(rij["uuid"], ZIO_MASKER)),
        "informatieobject": document_url(rij["uuid"]),
        "zaak": zaak_url(rij["zaak__uuid"]),
        "aardRelatieWeergave": "Hoort bij, omgekeerd: kent",
        "titel": rij["naam"][:200],
        "beschrijving": "",
        "registratiedatum": _moment(rij["toegevoegd_op"]),
        "vernietigingsdatum": None,
        "status": None,
    }


# --- the base of every Zaken API operation -------------------------------------------------------


class ZakenView(ZgwView):
    component = "zaken"
    scope = "zaken.lezen"
    api_versie = VERSIE

    def zaken(self):
        """The cases this applicatie may read: its products, each up to its
        maximum confidentiality, in one condition."""
        return Zaak.objects.filter(
            self.recht().filter(product="product_id", vertrouwelijkheid="vertrouwelijkheid")
        )

    def zaak_of_403(self, zaak_uuid) -> Zaak:
        """The case, 404 when there is none, 403 when this applicatie may
        not read it (as the reference implementation answers)."""
        zaak = (
            Zaak.objects.filter(uuid=zaak_uuid)
            .only(
                "pk", "uuid", "product_id", "vertrouwelijkheid", "klant__bsn", "klant__kvk_nummer"
            )
            .select_related("klant")
            .first()
        )
        if zaak is None:
            raise Http404
        if not self.recht().staat_toe(zaak.product_id, zaak.vertrouwelijkheid):
            raise exceptions.PermissionDenied(
                _("Uw applicatie mag zaken van dit zaaktype niet lezen.")
            )
        return zaak

    def per_zaak(self, alle, van_zaak):
        """``alle`` (over every case the applicatie may read), or, with a
        ``zaak`` parameter, ``van_zaak(zaak_id)``: that case's only (nothing
        when the case is not readable or not here)."""
        zaak_id = self.zaak_uit_parameter()
        if zaak_id is None:
            return alle.none()
        if zaak_id is False:
            return alle
        return van_zaak(zaak_id)

    def zaak_uit_parameter(self, naam: str = "zaak"):
        """The ``zaak`` URL of a filter as a case id the applicatie may read
        (None: no case matches)."""
        waarde = self.request.query_params.get(naam)
        if waarde is None:
            return False
        zaak_uuid = uuid_uit_url(waarde, "zaken", "zaken")
        if zaak_uuid is None:
            return None
        return self.zaken().filter(uuid=zaak_uuid).values_list("pk", flat=True).first()

    def betrokkene_audit(self, rijen: list[dict], omschrijving: str, object_type: str) -> None:
        self.audit(
            omschrijving=omschrijving,
            betrokkenen=[r.get("klant__bsn") or r.get("klant__kvk_nummer") or "" for r in rijen],
            object_type=object_type,
            object_id=str(rijen[0]["uuid"]) if len(rijen) == 1 else "",
        )


# --- zaken ---------------------------------------------------------------------------------------

_DATUMFILTERS = {
    "startdatum": ("geregistreerd_op__date", ["", "__gt", "__gte", "__lt", "__lte"]),
    "registratiedatum": ("geregistreerd_op__date", ["", "__gt", "__lt"]),
    "einddatum": ("afgesloten_op__date", ["", "__gt", "__lt"]),
    "einddatumGepland": ("streefdatum", ["", "__gt", "__lt"]),
    "uiterlijkeEinddatumAfdoening": ("uiterste_datum", ["", "__gt", "__lt"]),
    "archiefactiedatum": (None, ["", "__lt", "__gt"]),
}
_ROL = "rol__betrokkeneIdentificatie__"
_NIETS = {
    # What no case of the platform has: a filter on it finds nothing.
    f"{_ROL}natuurlijkPersoon__anpIdentificatie",
    f"{_ROL}natuurlijkPersoon__inpA_nummer",
    f"{_ROL}nietNatuurlijkPersoon__annIdentificatie",
    f"{_ROL}medewerker__identificatie",
    f"{_ROL}organisatorischeEenheid__identificatie",
    "rol__betrokkene",
    "archiefnominatie",
    "archiefnominatie__in",
}
ORDENING = {
    "startdatum": "geregistreerd_op",
    "einddatum": "afgesloten_op",
    "publicatiedatum": None,
    "archiefactiedatum": None,
}
EXPAND = {
    "zaaktype",
    "status",
    "status.statustype",
    "resultaat",
    "resultaat.resultaattype",
    "rollen",
    "rollen.roltype",
    "hoofdzaak",
    "deelzaken",
    "zaakinformatieobjecten",
    "eigenschappen",
    "zaakobjecten",
}
ZAAKFILTERS = frozenset(
    {
        "identificatie",
        "bronorganisatie",
        "bronorganisatie__in",
        "zaaktype",
        "archiefnominatie",
        "archiefnominatie__in",
        "archiefactiedatum__isnull",
        "archiefstatus",
        "archiefstatus__in",
        "einddatum__isnull",
        "rol__betrokkeneType",
        "rol__betrokkene",
        "rol__omschrijvingGeneriek",
        "maximaleVertrouwelijkheidaanduiding",
        f"{_ROL}natuurlijkPersoon__inpBsn",
        f"{_ROL}natuurlijkPersoon__anpIdentificatie",
        f"{_ROL}natuurlijkPersoon__inpA_nummer",
        f"{_ROL}nietNatuurlijkPersoon__innNnpId",
        f"{_ROL}nietNatuurlijkPersoon__annIdentificatie",
        f"{_ROL}vestiging__vestigingsNummer",
        f"{_ROL}medewerker__identificatie",
        f"{_ROL}organisatorischeEenheid__identificatie",
        "ordering",
        "expand",
        *(
            naam + achtervoegsel
            for naam, (_veld, achtervoegsels) in _DATUMFILTERS.items()
            for achtervoegsel in achtervoegsels
        ),
    }
)


def _lijst(waarde) -> list[str]:
    if isinstance(waarde, list):
        return [str(w) for w in waarde]
    return [deel.strip() for deel in str(waarde).split(",") if deel.strip()]


def zaken_filteren(zaken, filters: dict):
    """``zaken`` narrowed by the Zaken API's filters (query parameters or
    the body of ``_zoek``); a ValidatieFout names every wrong one."""
    fouten = []
    voorwaarde = Q()
    for naam, waarde in filters.items():
        if naam in ("ordering", "expand", "page", "uuid__in", "zaakgeometrie"):
            continue
        if naam in _NIETS:
            voorwaarde &= Q(pk__in=[])
        elif naam == "identificatie":
            voorwaarde &= Q(nummer=waarde)
        elif naam == "bronorganisatie":
            if waarde != settings.GEMEENTE_RSIN:
                voorwaarde &= Q(pk__in=[])
        elif naam == "bronorganisatie__in":
            if settings.GEMEENTE_RSIN not in _lijst(waarde):
                voorwaarde &= Q(pk__in=[])
        elif naam == "zaaktype":
            versie_uuid = uuid_uit_url(str(waarde), "catalogi", "zaaktypen")
            voorwaarde &= Q(productversie__uuid=versie_uuid) if versie_uuid else Q(pk__in=[])
        elif naam == "archiefstatus":
            if waarde != "nog_te_archiveren":
                voorwaarde &= Q(pk__in=[])
        elif naam == "archiefstatus__in":
            if "nog_te_archiveren" not in _lijst(waarde):
                voorwaarde &= Q(pk__in=[])
        elif naam == "archiefactiedatum__isnull":
            if str(waarde).lower() not in ("true", "1"):
                voorwaarde &= Q(pk__in=[])
        elif naam == "einddatum__isnull":
            leeg = str(waarde).lower() in ("true", "1")
            voorwaarde &= Q(afgesloten_op__isnull=leeg)
        elif naam == "rol__betrokkeneType":
            voorwaarde &= {
                "natuurlijk_persoon": Q(klant__bsn__gt=""),
                "niet_natuurlijk_persoon": Q(klant__kvk_nummer__gt="", vestigingsnummer=""),
                "vestiging": Q(vestigingsnummer__gt=""),
            }.get(str(waarde), Q(pk__in=[]))
        elif naam == "rol__omschrijvingGeneriek":
            if waarde != "initiator":
                voorwaarde &= Q(pk__in=[])
        elif naam == "maximaleVertrouwelijkheidaanduiding":
            if waarde not in Vertrouwelijkheid.values:
                fouten.append((naam, "invalid_choice", _("Geen geldige vertrouwelijkheid.")))
                continue
            voorwaarde &= Q(vertrouwelijkheid__in=Vertrouwelijkheid.tot_en_met(waarde))
        elif naam == f"{_ROL}natuurlijkPersoon__inpBsn":
            voorwaarde &= Q(klant__bsn=waarde)
        elif naam == f"{_ROL}nietNatuurlijkPersoon__innNnpId":
            voorwaarde &= Q(klant__kvk_nummer=waarde)
        elif naam == f"{_ROL}vestiging__vestigingsNummer":
            voorwaarde &= Q(vestigingsnummer=waarde)
        else:
            basis, _sep, achter = naam.partition("__")
            veld, _achtervoegsels = _DATUMFILTERS.get(basis, (None, []))
            try:
                datum = date.fromisoformat(str(waarde))
            except ValueError:
                fouten.append((naam, "invalid", _("Geef een datum als JJJJ-MM-DD.")))
                continue
            if veld is None:
                voorwaarde &= Q(pk__in=[])
            else:
                voorwaarde &= Q(**{f"{veld}{'__' + achter if achter else ''}": datum})
    if fouten:
        raise ValidatieFout(fouten)
    return zaken.filter(voorwaarde)


def _ordening(waarde: str | None) -> list:
    if not waarde:
        return [F("geregistreerd_op").desc(), F("id").desc()]
    velden = []
    for deel in _lijst(waarde):
        naam = deel.lstrip("-")
        if naam not in ORDENING:
            raise ValidatieFout([("ordering", "invalid_choice", _("Onbekende ordening."))])
        veld = ORDENING[naam]
        if veld:
            velden.append(F(veld).desc(nulls_last=True) if deel.startswith("-") else F(veld).asc())
    return [*velden, F("id").desc()]


def _expand(waarde: str | None) -> set[str]:
    gevraagd = set(_lijst(waarde or ""))
    onbekend = gevraagd - EXPAND
    if onbekend:
        raise ValidatieFout(
            [
                (
                    "expand",
                    "unknown-expand",
                    _("Uitbreiden kan niet met: %(namen)s.")
                    % {"namen": ", ".join(sorted(onbekend))},
                )
            ]
        )
    # "status.statustype" asks for "status" too.
    return gevraagd | {deel.split(".")[0] for deel in gevraagd}


class _ZakenMetRijen(ZakenView):
    crs = True

    def bodies(self, rijen: list[dict], expand: set[str]) -> list[dict]:
        """The cases of a page, each with the ``_expand`` asked for (one query
        per kind of expansion for the whole page)."""
        bodies = [zaak_body(rij) for rij in rijen]
        if not expand or not rijen:
            return bodies
        delen = versiedelen({r["productversie_id"] for r in rijen})
        versies = {}
        if expand & {"zaaktype", "status.statustype", "resultaat.resultaattype", "rollen.roltype"}:
            versies = ProductVersie.objects.select_related("product").in_bulk(
                {r["productversie_id"] for r in rijen}
            )
        statussen = {}
        if "status" in expand:
            uuids = [r["status_uuid"] for r in rijen if r["status_uuid"]]
            for rij in _statusrijen(StatusWijziging.objects.filter(uuid__in=uuids)):
                statussen[rij["uuid"]] = rij
        documenten = {}
        if "zaakinformatieobjecten" in expand:
            ids = [r["id"] for r in rijen]
            for rij in _documentrijen(ZaakDocument.objects.filter(zaak_id__in=ids)):
                documenten.setdefault(rij["zaak__uuid"], []).append(rij)
        verwant = {}
        if expand & {"hoofdzaak", "deelzaken"}:
            uuids = {r["hoofdzaak__uuid"] for r in rijen if r["hoofdzaak__uuid"]}
            uuids |= {u for r in rijen for u in r["deelzaak_uuids"]}
            for rij in _met_aggregaten(self.zaken().filter(uuid__in=uuids)):
                verwant[rij["uuid"]] = zaak_body(rij)
        personen = {}
        if "rollen" in expand:
            for rij in _rolrijen(Zaak.objects.filter(pk__in=[r["id"] for r in rijen])):
                personen[rij["uuid"]] = rij
        for rij, body in zip(rijen, bodies, strict=True):
            _versie_uuid, zaaktypedelen, _code = delen[rij["productversie_id"]]
            uitgebreid = {}
            if "zaaktype" in expand:
                versie = versies[rij["productversie_id"]]
                from zaken.zgw.catalogi import zaaktype_body

                uitgebreid["zaaktype"] = zaaktype_body(versie)
            if "status" in expand:
                status = statussen.get(rij["status_uuid"])
                if status is not None:
                    status_body_ = status_body(status, zaaktypedelen, laatste=True)
                    if "status.statustype" in expand:
                        from zaken.zgw.catalogi import statustype_body

                        statustype = zaaktypedelen.statustype(status["naar"], status["statusstap"])
                        status_body_["_expand"] = {
                            "statustype": statustype_body(
                                versies[rij["productversie_id"]], statustype
                            )
                        }
                    uitgebreid["status"] = status_body_
                else:
                    uitgebreid["status"] = None
            if "resultaat" in expand:
                if body["resultaat"]:
                    resultaat = resultaat_body(
                        {**rij, "toelichting": rij.get("toelichting", "")}, zaaktypedelen
                    )
                    if "resultaat.resultaattype" in expand:
                        from zaken.zgw.catalogi import resultaattype_body

                        resultaat["_expand"] = {
                            "resultaattype": resultaattype_body(
                                versies[rij["productversie_id"]],
                                zaaktypedelen.resultaattype(rij["status"]),
                            )
                        }
                    uitgebreid["resultaat"] = resultaat
                else:
                    uitgebreid["resultaat"] = None
            if "rollen" in expand:
                rol = rol_body(personen[rij["uuid"]], zaaktypedelen.roltype)
                if "rollen.roltype" in expand:
                    from zaken.zgw.catalogi import roltype_body

                    rol["_expand"] = {"roltype": roltype_body(versies[rij["productversie_id"]])}
                uitgebreid["rollen"] = [rol]
            if "zaakinformatieobjecten" in expand:
                uitgebreid["zaakinformatieobjecten"] = [
                    zio_body(d) for d in documenten.get(rij["uuid"], [])
                ]
            if "hoofdzaak" in expand:
                uitgebreid["hoofdzaak"] = verwant.get(rij["hoofdzaak__uuid"])
            if "deelzaken" in expand:
                uitgebreid["deelzaken"] = [
                    verwant[u] for u in rij["deelzaak_uuids"] if u in verwant
                ]
            if "eigenschappen" in expand:
                uitgebreid["eigenschappen"] = []
            if "zaakobjecten" in expand:
                uitgebreid["zaakobjecten"] = []
            body["_expand"] = uitgebreid
        return bodies


# One page of cases with everything a case names (its last status, sub-cases
# and documents) and the exact number of cases, in one statement written out:
# the ORM builds only the choice of cases (``keuze``). The list of a portal is
# the platform's hottest path, and building this statement through the ORM
# cost more than running it.
_PAGINA_SQL = """
WITH sel AS (
    SELECT keuze.id, COUNT(*) OVER () AS totaal,
           ROW_NUMBER() OVER (ORDER BY {volgorde}) AS plek
    FROM ({keuze}) AS keuze
    ORDER BY plek
    LIMIT 100 OFFSET %s
)
SELECT z.id, z.uuid, z.nummer, z.geregistreerd_op, z.afgesloten_op, z.streefdatum,
       z.uiterste_datum, z.vertrouwelijkheid, z.verlengd, z.verlenging_reden,
       z.verlenging_weken, z.opgeschort_op, z.status, z.product_id,
       p.naam AS product__naam, z.productversie_id, pv.uuid AS productversie__uuid,
       hz.uuid AS hoofdzaak__uuid, k.bsn AS klant__bsn, k.kvk_nummer AS klant__kvk_nummer,
       z.vestigingsnummer, z.toelichting, sel.totaal,
       (SELECT s.uuid FROM zaken_statuswijziging s
        WHERE s.zaak_id = z.id AND (s.statusstap > '' OR s.van <> s.naar)
        ORDER BY s.tijdstip DESC, s.id DESC LIMIT 1) AS status_uuid,
       ARRAY(SELECT d.uuid FROM zaken_zaak d WHERE d.hoofdzaak_id = z.id ORDER BY d.id)
           AS deelzaak_uuids,
       ARRAY(SELECT doc.uuid FROM zaken_zaakdocument doc WHERE doc.zaak_id = z.id
             ORDER BY doc.toegevoegd_op, doc.id) AS document_uuids
FROM sel
JOIN zaken_zaak z ON z.id = sel.id
JOIN producten_product p ON p.id = z.product_id
JOIN producten_productversie pv ON pv.id = z.productversie_id
JOIN klanten_klant k ON k.id = z.klant_id
LEFT JOIN zaken_zaak hz ON hz.id = z.hoofdzaak_id
ORDER BY sel.plek
"""
# The ordering of a page as the statement's window writes it (column, descending).
_KOLOMMEN = {"geregistreerd_op": "geregistreerd_op", "afgesloten_op": "afgesloten_op"}


def _paginarijen(view: _ZakenMetRijen, zaken, ordening, pagina: int):
    """One page of cases and the exact number of them, in one query (the
    count is a window over the whole filtered set); a page past the end
    counts separately."""
    velden = [orde.expression.name for orde in ordening]
    try:
        keuze, params = zaken.values(*dict.fromkeys(["id", *velden])).query.sql_with_params()
    except EmptyResultSet:  # a filter no case can meet
        return 0, []
    volgorde = ", ".join(
        f"keuze.{_KOLOMMEN.get(orde.expression.name, 'id')}"
        + (" DESC NULLS LAST" if orde.descending else " ASC")
        for orde in ordening
    )
    begin = (pagina - 1) * 100
    with connection.cursor() as cursor:
        cursor.execute(_PAGINA_SQL.format(volgorde=volgorde, keuze=keuze), [*params, begin])
        namen = [kolom.name for kolom in cursor.description]
        rijen = [dict(zip(namen, rij, strict=True)) for rij in cursor.fetchall()]
    aantal = rijen[0]["totaal"] if rijen else (zaken.count() if begin else 0)
    return aantal, rijen


class ZaakLijst(_ZakenMetRijen):
    parameters = ZAAKFILTERS | {"page"}

    def get(self, request):
        filters = {naam: request.query_params.get(naam) for naam in request.query_params}
        return self.antwoord(filters, request.query_params.get("page", "1"))

    def antwoord(self, filters: dict, pagina: str):
        expand = _expand(filters.get("expand"))
        ordening = _ordening(filters.get("ordering"))
        zaken = zaken_filteren(self.zaken(), filters)
        if filters.get("uuid__in") is not None:
            try:
                uuids = [uuidlib.UUID(str(u)) for u in _lijst(filters["uuid__in"])]
            except ValueError:
                raise ValidatieFout(
                    [("uuid__in", "invalid", _("Geef een lijst van UUID's."))]
                ) from None
            zaken = zaken.filter(uuid__in=uuids)
        pagina = paginanummer(pagina)
        aantal, rijen = _paginarijen(self, zaken, ordening, pagina)
        bodies = self.bodies(rijen, expand)
        if rijen:
            self.betrokkene_audit(rijen, _("Zaken opgevraagd via de Zaken API"), "zaken.Zaak")
        return self.gepagineerd(aantal, pagina, bodies)


class ZaakZoek(ZaakLijst):
    parameters = frozenset({"page"})
    parser_classes = [JSONParser]

    def post(self, request):
        body = request.data
        if not isinstance(body, dict):
            raise ValidatieFout([("body", "invalid", _("Stuur een JSON-object met filters."))])
        onbekend = sorted(set(body) - ZAAKFILTERS - {"uuid__in", "zaakgeometrie"})
        if onbekend:
            raise ValidatieFout(
                [(naam, "unknown-parameters", _("Dit filter bestaat niet.")) for naam in onbekend]
            )
        if body.get("zaakgeometrie"):
            raise ValidatieFout(
                [("zaakgeometrie", "unsupported", _("Zaken hebben hier geen geometrie."))]
            )
        filters = {
            naam: (waarde if isinstance(waarde, list) else str(waarde))
            for naam, waarde in body.items()
            if waarde is not None
        }
        return self.antwoord(filters, request.query_params.get("page", "1"))


class ZaakDetail(_ZakenMetRijen):
    parameters = frozenset({"expand"})

    def get(self, request, uuid):
        expand = _expand(request.query_params.get("expand"))
        rijen = list(
            _met_aggregaten(Zaak.objects.filter(uuid=uuid)).annotate(toelichting=F("toelichting"))
        )
        if not rijen:
            raise Http404
        if not self.recht().staat_toe(rijen[0]["product_id"], rijen[0]["vertrouwelijkheid"]):
            raise exceptions.PermissionDenied(
                _("Uw applicatie mag zaken van dit zaaktype niet lezen.")
            )
        body = self.bodies(rijen, expand)[0]
        self.betrokkene_audit(rijen, _("Zaak opgevraagd via de Zaken API"), "zaken.Zaak")
        return self.met_etag(body)


# --- statussen, rollen, resultaten, zaakinformatieobjecten ----------------------------------------


def _statusrijen(statussen):
    return statussen.values(
        "id",
        "uuid",
        "naar",
        "statusstap",
        "tijdstip",
        "burgertekst",
        "zaak__uuid",
        "zaak_id",
        "zaak__productversie_id",
        "zaak__klant__bsn",
        "zaak__klant__kvk_nummer",
    )


def _documentrijen(documenten):
    return documenten.values(
        "uuid", "naam", "toegevoegd_op", "zaak__uuid", "zaak__klant__bsn", "zaak__klant__kvk_nummer"
    )


def _rolrijen(zaken):
    return zaken.values(
        "uuid",
        "geregistreerd_op",
        "vestigingsnummer",
        "productversie_id",
        "klant__bsn",
        "klant__kvk_nummer",
        "klant__voornamen",
        "klant__voorvoegsel",
        "klant__geslachtsnaam",
        "klant__geboortedatum",
        "klant__organisatienaam",
    )


def _betrokkenen(rijen, voorvoegsel="zaak__"):
    return [
        r.get(f"{voorvoegsel}klant__bsn") or r.get(f"{voorvoegsel}klant__kvk_nummer") or ""
        for r in rijen
    ]


class StatusLijst(ZakenView):
    parameters = frozenset({"zaak", "statustype", "indicatieLaatstGezetteStatus", "page"})

    def get(self, request):
        p = request.query_params
        gevonden = self.per_zaak(
            statussen().filter(zaak__in=self.zaken()),
            lambda zaak_id: statussen().filter(zaak_id=zaak_id),
        )
        laatste = statussen().filter(zaak=OuterRef("zaak_id")).order_by("-tijdstip", "-id")
        gevonden = gevonden.annotate(laatste_uuid=Subquery(laatste.values("uuid")[:1]))
        if "indicatieLaatstGezetteStatus" in p:
            if p["indicatieLaatstGezetteStatus"].lower() in ("true", "1"):
                gevonden = gevonden.filter(uuid=F("laatste_uuid"))
            else:
                gevonden = gevonden.exclude(uuid=F("laatste_uuid"))
        if "statustype" in p:
            statustype = uuid_uit_url(p["statustype"], "catalogi", "statustypen")
            soort = typen.onderdeel(statustype) if statustype else None
            if soort is None or soort.soort != typen.STATUSTYPE:
                gevonden = gevonden.none()
            else:
                gevonden = gevonden.filter(zaak__productversie_id=soort.versie_id)
                if soort.sleutel.startswith("stap:"):
                    gevonden = gevonden.filter(statusstap=soort.sleutel[5:])
                else:
                    gevonden = gevonden.filter(statusstap="", naar=soort.sleutel)
        pagina = self.pagina()
        aantal = gevonden.count()
        rijen = list(
            _statusrijen(gevonden.order_by("zaak_id", "tijdstip", "id")).annotate(
                laatste_uuid=F("laatste_uuid")
            )[(pagina - 1) * 100 : pagina * 100]
        )
        delen = versiedelen({r["zaak__productversie_id"] for r in rijen})
        bodies = [
            status_body(
                rij, delen[rij["zaak__productversie_id"]][1], rij["uuid"] == rij["laatste_uuid"]
            )
            for rij in rijen
        ]
        self.audit(
            omschrijving=_("Statussen opgevraagd via de Zaken API"),
            betrokkenen=_betrokkenen(rijen),
            object_type="zaken.StatusWijziging",
        )
        return self.gepagineerd(aantal, pagina, bodies)


class StatusDetail(ZakenView):
    def get(self, request, uuid):
        rij = _statusrijen(statussen().filter(uuid=uuid)).first()
        if rij is None:
            raise Http404
        zaak = self.zaak_of_403(rij["zaak__uuid"])
        laatste = (
            statussen()
            .filter(zaak_id=zaak.pk)
            .order_by("-tijdstip", "-id")
            .values_list("uuid", flat=True)
            .first()
        )
        delen = versiedelen([rij["zaak__productversie_id"]])[rij["zaak__productversie_id"]][1]
        self.audit(
            omschrijving=_("Status opgevraagd via de Zaken API"),
            betrokkenen=_betrokkenen([rij]),
            object_type="zaken.StatusWijziging",
            object_id=str(uuid),
        )
        return self.met_etag(status_body(rij, delen, rij["uuid"] == laatste))


_ROLFILTERS = frozenset(
    {
        "zaak",
        "betrokkene",
        "betrokkeneType",
        "betrokkeneIdentificatie__natuurlijkPersoon__inpBsn",
        "betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie",
        "betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer",
        "betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId",
        "betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie",
        "betrokkeneIdentificatie__vestiging__vestigingsNummer",
        "betrokkeneIdentificatie__organisatorischeEenheid__identificatie",
        "betrokkeneIdentificatie__medewerker__identificatie",
        "roltype",
        "omschrijving",
        "omschrijvingGeneriek",
        "page",
    }
)


class RolLijst(ZakenView):
    parameters = _ROLFILTERS

    def get(self, request):
        p = request.query_params
        zaken = self.per_zaak(self.zaken(), lambda zaak_id: self.zaken().filter(pk=zaak_id))
        # The rol filters are the case filters of the same name behind "rol__".
        filters = {
            f"rol__{naam}": waarde
            for naam, waarde in p.items()
            if naam not in ("zaak", "page", "roltype", "omschrijving")
        }
        zaken = zaken_filteren(zaken, filters)
        if "roltype" in p:
            roltype = uuid_uit_url(p["roltype"], "catalogi", "roltypen")
            gevonden = typen.onderdeel(roltype) if roltype else None
            zaken = (
                zaken.filter(productversie_id=gevonden.versie_id)
                if gevonden and gevonden.soort == typen.ROLTYPE
                else zaken.none()
            )
        if "omschrijving" in p and p["omschrijving"] != _("Aanvrager"):
            zaken = zaken.none()
        pagina = self.pagina()
        aantal = zaken.count()
        rijen = list(
            _rolrijen(zaken.order_by("-geregistreerd_op", "-id"))[(pagina - 1) * 100 : pagina * 100]
        )
        delen = versiedelen({r["productversie_id"] for r in rijen})
        bodies = [rol_body(r, delen[r["productversie_id"]][1].roltype) for r in rijen]
        self.audit(
            omschrijving=_("Rollen opgevraagd via de Zaken API"),
            betrokkenen=_betrokkenen(rijen, voorvoegsel=""),
            object_type="zaken.Rol",
        )
        return self.gepagineerd(aantal, pagina, bodies)


class RolDetail(ZakenView):
    def get(self, request, uuid):
        zaak = self.zaak_of_403(_gemaskeerd(uuid, ROL_MASKER))
        rij = _rolrijen(Zaak.objects.filter(pk=zaak.pk)).get()
        delen = versiedelen([rij["productversie_id"]])[rij["productversie_id"]][1]
        self.audit(
            omschrijving=_("Rol opgevraagd via de Zaken API"),
            betrokkenen=_betrokkenen([rij], voorvoegsel=""),
            object_type="zaken.Rol",
            object_id=str(uuid),
        )
        return self.met_etag(rol_body(rij, delen.roltype))


def _resultaatrijen(zaken):
    return zaken.filter(afgesloten_op__isnull=False, status__in=EIND_STATUSSEN).values(
        "uuid", "status", "toelichting", "productversie_id", "klant__bsn", "klant__kvk_nummer"
    )


class ResultaatLijst(ZakenView):
    parameters = frozenset({"zaak", "resultaattype", "page"})

    def get(self, request):
        p = request.query_params
        zaken = self.per_zaak(self.zaken(), lambda zaak_id: self.zaken().filter(pk=zaak_id))
        if "resultaattype" in p:
            resultaattype = uuid_uit_url(p["resultaattype"], "catalogi", "resultaattypen")
            gevonden = typen.onderdeel(resultaattype) if resultaattype else None
            zaken = (
                zaken.filter(productversie_id=gevonden.versie_id, status=gevonden.sleutel)
                if gevonden and gevonden.soort == typen.RESULTAATTYPE
                else zaken.none()
            )
        pagina = self.pagina()
        rijen_qs = _resultaatrijen(zaken)
        aantal = rijen_qs.count()
        rijen = list(rijen_qs.order_by("-afgesloten_op", "-id")[(pagina - 1) * 100 : pagina * 100])
        delen = versiedelen({r["productversie_id"] for r in rijen})
        bodies = [resultaat_body(r, delen[r["productversie_id"]][1]) for r in rijen]
        self.audit(
            omschrijving=_("Resultaten opgevraagd via de Zaken API"),
            betrokkenen=_betrokkenen(rijen, voorvoegsel=""),
            object_type="zaken.Resultaat",
        )
        return self.gepagineerd(aantal, pagina, bodies)


class ResultaatDetail(ZakenView):
    def get(self, request, uuid):
        zaak = self.zaak_of_403(_gemaskeerd(uuid, RESULTAAT_MASKER))
        rij = _resultaatrijen(Zaak.objects.filter(pk=zaak.pk)).first()
        if rij is None:
            raise Http404
        delen = versiedelen([rij["productversie_id"]])[rij["productversie_id"]][1]
        self.audit(
            omschrijving=_("Resultaat opgevraagd via de Zaken API"),
            betrokkenen=_betrokkenen([rij], voorvoegsel=""),
            object_type="zaken.Resultaat",
            object_id=str(uuid),
        )
        return self.met_etag(resultaat_body(rij, delen))


class ZaakinformatieobjectLijst(ZakenView):
    """A plain array, as the standard has it (not paged)."""

    parameters = frozenset({"zaak", "informatieobject"})

    def get(self, request):
        p = request.query_params
        documenten = self.per_zaak(
            ZaakDocument.objects.filter(zaak__in=self.zaken()),
            lambda zaak_id: ZaakDocument.objects.filter(zaak_id=zaak_id),
        )
        if "informatieobject" in p:
            document = uuid_uit_url(
                p["informatieobject"], "documenten", "enkelvoudiginformatieobjecten"
            )
            documenten = documenten.filter(uuid=document) if document else documenten.none()
        rijen = list(_documentrijen(documenten.order_by("zaak_id", "toegevoegd_op", "id")))
        self.audit(
            omschrijving=_("Documenten van zaken opgevraagd via de Zaken API"),
            betrokkenen=_betrokkenen(rijen),
            object_type="zaken.ZaakDocument",
        )
        return Response([zio_body(r) for r in rijen])


class ZaakinformatieobjectDetail(ZakenView):
    def get(self, request, uuid):
        rij = _documentrijen(
            ZaakDocument.objects.filter(uuid=_gemaskeerd(uuid, ZIO_MASKER))
        ).first()
        if rij is None:
            raise Http404
        self.zaak_of_403(rij["zaak__uuid"])
        self.audit(
            omschrijving=_("Document van een zaak opgevraagd via de Zaken API"),
            betrokkenen=_betrokkenen([rij]),
            object_type="zaken.ZaakDocument",
            object_id=str(uuid),
        )
        return self.met_etag(zio_body(rij))


class Audittrail(ZakenView):
    """The case's history as audit trail: when it was registered and each
    status it got (who did it inside the organisation stays internal)."""

    def rijen(self, zaak_uuid):
        zaak = self.zaak_of_403(zaak_uuid)
        rijen = list(
            _statusrijen(
                StatusWijziging.objects.filter(zaak_id=zaak.pk).order_by("tijdstip", "id")
            ).annotate(van=F("van"))
        )
        delen = versiedelen([r["zaak__productversie_id"] for r in rijen[:1]])
        self.audit(
            omschrijving=_("Audittrail van een zaak opgevraagd via de Zaken API"),
            betrokkenen=[zaak.klant.bsn or zaak.klant.kvk_nummer],
            object_type="zaken.Zaak",
            object_id=str(zaak_uuid),
        )
        return zaak, rijen, delen

    def body(self, zaak, rij, delen, eerste: bool) -> dict:
        statustype = delen[rij["zaak__productversie_id"]][1].statustype(
            rij["naar"], rij["statusstap"]
        )
        return {
            "uuid": str(rij["uuid"]),
            "bron": "zrc",
            "applicatieId": "kcc",
            "applicatieWeergave": _("KCC-platform"),
            "gebruikersId": "",
            "gebruikersWeergave": _("Gemeente"),
            "actie": "create" if eerste else "update",
            "actieWeergave": _("Object aangemaakt") if eerste else _("Object bijgewerkt"),
            "resultaat": 201 if eerste else 200,
            "hoofdObject": zaak_url(zaak.uuid),
            "resource": "zaak" if eerste else "status",
            "resourceUrl": zaak_url(zaak.uuid) if eerste else status_url(rij["uuid"]),
            "toelichting": "",
            "resourceWeergave": statustype.omschrijving,
            "aanmaakdatum": _moment(rij["tijdstip"]),
            "wijzigingen": {
                "oud": {} if eerste else {"status": rij["van"]},
                "nieuw": {
                    "status": rij["naar"],
                    "statustype": typen.type_url(typen.STATUSTYPE, statustype.uuid),
                },
            },
        }


class AudittrailLijst(Audittrail):
    def get(self, request, zaak_uuid):
        zaak, rijen, delen = self.rijen(zaak_uuid)
        return Response([self.body(zaak, r, delen, i == 0) for i, r in enumerate(rijen)])


class AudittrailDetail(Audittrail):
    def get(self, request, zaak_uuid, uuid):
        zaak, rijen, delen = self.rijen(zaak_uuid)
        for i, rij in enumerate(rijen):
            if rij["uuid"] == uuid:
                return Response(self.body(zaak, rij, delen, i == 0))
        raise Http404
