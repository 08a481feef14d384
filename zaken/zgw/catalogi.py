"""The Catalogi API 1.3.1 (read) at /catalogi/api/v1: the catalogue of the
municipality, a zaaktype per product version, and the types derived from it
(``zaken.zgw.typen``)."""

from __future__ import annotations

import math
from datetime import date

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from kcc.koppelingen.zgw import ValidatieFout, ZgwView, uuid_uit_url
from kcc.links import link, publieke_url
from producten.models import ProductVersie
from zaken.zgw import typen

VERSIE = "1.3.1"
_ALGEMEEN = frozenset({"page"})


def _duur(termijn) -> str | None:
    """A term of the catalogue as an ISO 8601 duration in calendar days
    (working days counted as whole weeks and the rest)."""
    if not termijn:
        return None
    aantal, eenheid = termijn
    if eenheid == "weken":
        return f"P{aantal}W"
    if eenheid == "werkdagen":
        return f"P{math.ceil(aantal * 7 / 5)}D"
    return f"P{aantal}D"


def _datum(moment) -> str:
    return timezone.localdate(moment).isoformat()


class CatalogiView(ZgwView):
    component = "catalogi"
    scope = "catalogi.lezen"
    api_versie = VERSIE

    def versies(self):
        """The product versions (zaaktypen) this applicatie may read (its
        products; the catalogue holds no personal data, so confidentiality
        limits only the cases), each with the date its successor took over
        (the end of its validity)."""
        volgende = ProductVersie.objects.filter(
            product_id=OuterRef("product_id"), nummer__gt=OuterRef("nummer")
        ).order_by("nummer")
        return (
            ProductVersie.objects.filter(
                self.recht().filter(product="product_id", vertrouwelijkheid=None)
            )
            .select_related("product", "product__afdeling")
            .annotate(opvolger_sinds=Subquery(volgende.values("aangemaakt")[:1]))
            .order_by("product__code", "nummer")
        )

    def versie_van_url(self, url: str) -> ProductVersie | None:
        versie_uuid = uuid_uit_url(url, "catalogi", "zaaktypen")
        if versie_uuid is None:
            return None
        return self.versies().filter(uuid=versie_uuid).first()

    def status_filter(self):
        status = self.request.query_params.get("status", "definitief")
        if status not in ("alles", "concept", "definitief"):
            raise ValidatieFout([("status", "invalid", _("Kies alles, concept of definitief."))])
        # Every version is a published, frozen one: never a concept.
        return status != "concept"

    def datum_filter(self, naam: str) -> date | None:
        waarde = self.request.query_params.get(naam)
        if not waarde:
            return None
        try:
            return date.fromisoformat(waarde)
        except ValueError:
            raise ValidatieFout([(naam, "invalid", _("Geef een datum als JJJJ-MM-DD."))]) from None

    def lijst(self, items: list[dict]):
        pagina = self.pagina()
        begin = (pagina - 1) * 100
        return self.gepagineerd(len(items), pagina, items[begin : begin + 100])


def _geldig_op(versie: ProductVersie, op: date | None) -> bool:
    if op is None:
        return True
    begin = timezone.localdate(versie.aangemaakt)
    einde = timezone.localdate(versie.opvolger_sinds) if versie.opvolger_sinds else None
    return begin <= op and (einde is None or op < einde)


def zaaktype_body(versie: ProductVersie) -> dict:
    product = versie.product
    inhoud = versie.inhoud
    delen = typen.delen(versie.uuid, inhoud)
    termijn = inhoud.get("wettelijke_termijn") or inhoud.get("servicenorm")
    einde = None
    if getattr(versie, "opvolger_sinds", None):
        einde = (timezone.localdate(versie.opvolger_sinds)).isoformat()
    return {
        "url": typen.zaaktype_url(versie.uuid),
        "identificatie": product.code[:50],
        "omschrijving": inhoud.get("naam", product.naam)[:80],
        "omschrijvingGeneriek": "",
        "vertrouwelijkheidaanduiding": product.vertrouwelijkheid,
        "doel": product.samenvatting,
        "aanleiding": _("Aanvraag door de klant"),
        "toelichting": "",
        "indicatieInternOfExtern": "extern" if product.extern else "intern",
        "handelingInitiator": _("Aanvragen"),
        "onderwerp": product.naam[:80],
        "handelingBehandelaar": _("Behandelen"),
        "doorlooptijd": _duur(termijn) or "P0D",
        "servicenorm": _duur(inhoud.get("servicenorm")),
        "opschortingEnAanhoudingMogelijk": True,
        "verlengingMogelijk": bool(inhoud.get("wettelijke_termijn")),
        "verlengingstermijn": "P26W" if inhoud.get("wettelijke_termijn") else None,
        "trefwoorden": [
            woord.strip()[:30] for woord in product.zoekwoorden.split(",") if woord.strip()
        ],
        "publicatieIndicatie": False,
        "publicatietekst": "",
        "verantwoordingsrelatie": [],
        "productenOfDiensten": [publieke_url(link("productpagina", product.code))],
        "selectielijstProcestype": "",
        "referentieproces": {"naam": product.naam[:80], "link": ""},
        "verantwoordelijke": (inhoud.get("afdeling") or settings.GEMEENTE_RSIN)[:50],
        "zaakobjecttypen": [],
        "catalogus": typen.catalogus_url(),
        "statustypen": [typen.type_url(typen.STATUSTYPE, s.uuid) for s in delen.statustypen],
        "resultaattypen": [
            typen.type_url(typen.RESULTAATTYPE, r.uuid) for r in delen.resultaattypen
        ],
        "eigenschappen": [],
        "informatieobjecttypen": [
            typen.type_url(typen.INFORMATIEOBJECTTYPE, typen.informatieobjecttype_uuid(naam))
            for naam in delen.documenten
        ],
        "roltypen": [typen.type_url(typen.ROLTYPE, delen.roltype)],
        "besluittypen": [],
        "deelzaaktypen": [],
        "gerelateerdeZaaktypen": [],
        "beginGeldigheid": _datum(versie.aangemaakt),
        "eindeGeldigheid": einde,
        "versiedatum": _datum(versie.aangemaakt),
        "concept": False,
    }


def statustype_body(versie: ProductVersie, statustype: typen.Statustype) -> dict:
    return {
        "url": typen.type_url(typen.STATUSTYPE, statustype.uuid),
        "omschrijving": statustype.omschrijving,
        "omschrijvingGeneriek": "",
        "statustekst": statustype.statustekst,
        "zaaktype": typen.zaaktype_url(versie.uuid),
        "catalogus": typen.catalogus_url(),
        "zaaktypeIdentificatie": versie.product.code[:50],
        "volgnummer": statustype.volgnummer,
        "isEindstatus": statustype.is_eind,
        "informeren": statustype.informeren,
        "checklistitemStatustype": [],
        "eigenschappen": [],
        "zaakobjecttype": "",
    }


def resultaattype_body(versie: ProductVersie, resultaattype: typen.Resultaattype) -> dict:
    return {
        "url": typen.type_url(typen.RESULTAATTYPE, resultaattype.uuid),
        "zaaktype": typen.zaaktype_url(versie.uuid),
        "zaaktypeIdentificatie": versie.product.code[:50],
        "omschrijving": resultaattype.omschrijving,
        "resultaattypeomschrijving": "",
        "omschrijvingGeneriek": resultaattype.generiek,
        "selectielijstklasse": "",
        "toelichting": "",
        "catalogus": typen.catalogus_url(),
        "besluittypen": [],
        "besluittypeOmschrijving": [],
        "informatieobjecttypen": [],
        "informatieobjecttypeOmschrijving": [],
        "zaakobjecttypen": [],
    }


def roltype_body(versie: ProductVersie) -> dict:
    delen = typen.delen(versie.uuid, versie.inhoud)
    return {
        "url": typen.type_url(typen.ROLTYPE, delen.roltype),
        "zaaktype": typen.zaaktype_url(versie.uuid),
        "zaaktypeIdentificatie": versie.product.code[:50],
        "omschrijving": _("Aanvrager"),
        "omschrijvingGeneriek": "initiator",
        "catalogus": typen.catalogus_url(),
    }


def informatieobjecttype_body(type_uuid, naam: str, zaaktypen: list[str]) -> dict:
    return {
        "url": typen.type_url(typen.INFORMATIEOBJECTTYPE, type_uuid),
        "catalogus": typen.catalogus_url(),
        "omschrijving": naam[:80],
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        "beginGeldigheid": "2000-01-01",
        "concept": False,
        "zaaktypen": zaaktypen,
        "besluittypen": [],
        "informatieobjectcategorie": _("Document bij een zaak")[:80],
        "trefwoord": [],
        "omschrijvingGeneriek": {
            "informatieobjecttypeOmschrijvingGeneriek": "",
            "definitieInformatieobjecttypeOmschrijvingGeneriek": "",
            "herkomstInformatieobjecttypeOmschrijvingGeneriek": "",
            "hierarchieInformatieobjecttypeOmschrijvingGeneriek": "",
            "opmerkingInformatieobjecttypeOmschrijvingGeneriek": "",
        },
    }


# --- catalogussen ------------------------------------------------------------------------------


def catalogus_body(versies) -> dict:
    return {
        "url": typen.catalogus_url(),
        "domein": "KCC",
        "rsin": settings.GEMEENTE_RSIN,
        "contactpersoonBeheerNaam": _("Functioneel beheer KCC"),
        "contactpersoonBeheerTelefoonnummer": "",
        "zaaktypen": [typen.zaaktype_url(v.uuid) for v in versies],
        "besluittypen": [],
        "informatieobjecttypen": [
            typen.type_url(typen.INFORMATIEOBJECTTYPE, u) for u in typen.informatieobjecttypen()
        ],
        "naam": _("Producten en diensten"),
        "versie": "",
        "begindatumVersie": None,
    }


class CatalogusLijst(CatalogiView):
    parameters = _ALGEMEEN | {"domein", "domein__in", "rsin", "rsin__in"}

    def get(self, request):
        p = request.query_params
        past = (
            p.get("domein", "KCC") == "KCC"
            and "KCC" in p.get("domein__in", "KCC").split(",")
            and p.get("rsin", settings.GEMEENTE_RSIN) == settings.GEMEENTE_RSIN
            and settings.GEMEENTE_RSIN in p.get("rsin__in", settings.GEMEENTE_RSIN).split(",")
        )
        return self.lijst([catalogus_body(self.versies())] if past else [])


class CatalogusDetail(CatalogiView):
    def get(self, request, uuid):
        if uuid != typen.catalogus_uuid():
            raise Http404
        return self.met_etag(catalogus_body(self.versies()))


# --- zaaktypen ---------------------------------------------------------------------------------


class ZaaktypeLijst(CatalogiView):
    parameters = _ALGEMEEN | {
        "catalogus",
        "identificatie",
        "trefwoorden",
        "status",
        "datumGeldigheid",
    }

    def get(self, request):
        p = request.query_params
        if not self.status_filter():
            return self.lijst([])
        op = self.datum_filter("datumGeldigheid")
        versies = self.versies()
        if "catalogus" in p and p["catalogus"] != typen.catalogus_url():
            versies = versies.none()
        if "identificatie" in p:
            versies = versies.filter(product__code=p["identificatie"])
        items = []
        gevraagde_woorden = {w.strip() for w in p.get("trefwoorden", "").split(",") if w.strip()}
        for versie in versies:
            if not _geldig_op(versie, op):
                continue
            body = zaaktype_body(versie)
            if gevraagde_woorden and not gevraagde_woorden <= set(body["trefwoorden"]):
                continue
            items.append(body)
        return self.lijst(items)


class ZaaktypeDetail(CatalogiView):
    parameters = frozenset({"datumGeldigheid"})

    def get(self, request, uuid):
        versie = self.versies().filter(uuid=uuid).first()
        if versie is None:
            raise Http404
        return self.met_etag(zaaktype_body(versie))


# --- statustypen, resultaattypen, roltypen -----------------------------------------------------


class _TypeLijst(CatalogiView):
    """The types of the zaaktypen asked for (``zaaktype`` or its
    ``identificatie``), or of every zaaktype the applicatie may read."""

    identificatie_parameter = "zaaktypeIdentificatie"
    datum_parameter = "datumGeldigheid"

    @property
    def parameters(self):
        return _ALGEMEEN | {
            "zaaktype",
            self.identificatie_parameter,
            "status",
            self.datum_parameter,
            *self.extra_parameters,
        }

    extra_parameters: tuple[str, ...] = ()

    def gevraagde_versies(self):
        p = self.request.query_params
        if not self.status_filter():
            return []
        versies = self.versies()
        if "zaaktype" in p:
            versie_uuid = uuid_uit_url(p["zaaktype"], "catalogi", "zaaktypen")
            versies = versies.filter(uuid=versie_uuid) if versie_uuid else versies.none()
        if self.identificatie_parameter in p:
            versies = versies.filter(product__code=p[self.identificatie_parameter])
        op = self.datum_filter(self.datum_parameter)
        return [v for v in versies if _geldig_op(v, op)]

    def get(self, request):
        items = []
        for versie in self.gevraagde_versies():
            items.extend(self.items(versie))
        return self.lijst(items)


class StatustypeLijst(_TypeLijst):
    def items(self, versie):
        delen = typen.delen(versie.uuid, versie.inhoud)
        return [statustype_body(versie, s) for s in delen.statustypen]


class ResultaattypeLijst(_TypeLijst):
    identificatie_parameter = "zaaktype_identificatie"
    datum_parameter = "datum_geldigheid"

    def items(self, versie):
        delen = typen.delen(versie.uuid, versie.inhoud)
        return [resultaattype_body(versie, r) for r in delen.resultaattypen]


class RoltypeLijst(_TypeLijst):
    extra_parameters = ("omschrijvingGeneriek",)

    def items(self, versie):
        generiek = self.request.query_params.get("omschrijvingGeneriek")
        if generiek not in (None, "initiator"):
            return []
        return [roltype_body(versie)]


class _TypeDetail(CatalogiView):
    soort = ""

    def get(self, request, uuid):
        gevonden = typen.onderdeel(uuid)
        if gevonden is None or gevonden.soort != self.soort:
            raise Http404
        versie = self.versies().filter(pk=gevonden.versie_id).first()
        if versie is None:
            raise Http404
        return self.met_etag(self.body(versie, gevonden.sleutel))


class StatustypeDetail(_TypeDetail):
    soort = typen.STATUSTYPE

    def body(self, versie, sleutel):
        delen = typen.delen(versie.uuid, versie.inhoud)
        statustype = next(s for s in delen.statustypen if s.sleutel == sleutel)
        return statustype_body(versie, statustype)


class ResultaattypeDetail(_TypeDetail):
    soort = typen.RESULTAATTYPE

    def body(self, versie, sleutel):
        delen = typen.delen(versie.uuid, versie.inhoud)
        return resultaattype_body(versie, delen.resultaattype(sleutel))


class RoltypeDetail(_TypeDetail):
    soort = typen.ROLTYPE

    def body(self, versie, sleutel):
        return roltype_body(versie)


# --- informatieobjecttypen ---------------------------------------------------------------------


class _Informatieobjecttypen(CatalogiView):
    def alle(self) -> list[dict]:
        per_naam: dict[str, list[str]] = {}
        for versie in self.versies():
            for naam in typen.delen(versie.uuid, versie.inhoud).documenten:
                per_naam.setdefault(naam, []).append(typen.zaaktype_url(versie.uuid))
        return [
            informatieobjecttype_body(typen.informatieobjecttype_uuid(naam), naam, zaaktypen)
            for naam, zaaktypen in sorted(per_naam.items())
        ]


class InformatieobjecttypeLijst(_Informatieobjecttypen):
    parameters = _ALGEMEEN | {"catalogus", "status", "datumGeldigheid", "omschrijving"}

    def get(self, request):
        p = request.query_params
        if not self.status_filter() or p.get("catalogus", typen.catalogus_url()) != (
            typen.catalogus_url()
        ):
            return self.lijst([])
        self.datum_filter("datumGeldigheid")
        items = self.alle()
        if "omschrijving" in p:
            items = [i for i in items if i["omschrijving"] == p["omschrijving"]]
        return self.lijst(items)


class InformatieobjecttypeDetail(_Informatieobjecttypen):
    def get(self, request, uuid):
        for item in self.alle():
            if item["url"].endswith(f"/{uuid}"):
                return self.met_etag(item)
        raise Http404
