"""The operations of the Klantinteracties API: a list and a detail per
resource, with the filters and expansions KISS and Open Inwoner use.

Who may read: an applicatie with the scope ``klantinteracties.lezen``,
sending its token. A contact is as confidential as its case (else its
product, else zaakvertrouwelijk); the applicatie reads contacts up to its
maximum, and what hangs on them (betrokkenen, interne taken,
onderwerpobjecten, callback addresses) with them. Every read of a
customer's data is in the audit log.

A list costs a fixed number of queries whatever the page size: a count and
a page per source, one per relation the bodies need, and one insert of the
audit rows.
"""

from __future__ import annotations

import contextlib
import uuid as uuidlib
from collections import defaultdict
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db.models import CharField, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Concat, NullIf
from django.http import Http404
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from kcc.choices import Vertrouwelijkheid
from kcc.koppelingen.toegang import TokenAuthentication
from kcc.koppelingen.zgw import ValidatieFout, ZgwView, uuid_uit_url
from kcc.models import Afdeling, User
from kcc.telefoon import normaliseer_telefoon
from klanten.klantinteracties import vormen
from klanten.klantinteracties.vormen import (
    BETROKKENE,
    BSN,
    EMAIL,
    KVK,
    ONDERWERPOBJECT,
    TELEFOON,
    TERUGBEL_EMAIL,
    TERUGBEL_TELEFOON,
    TERUGBELOBJECT,
    VESTIGING,
)
from klanten.models import Contactverzoek, ContactverzoekStatus, Klant, Klantcontact

VERSIE = "0.9.0"
STANDAARD_GROOTTE = 100
MAX_GROOTTE = 500


def niveau(voorvoegsel: str = ""):
    """How confidential a contact is, in SQL: its case's, else its product's,
    else the default."""
    return Coalesce(
        NullIf(F(f"{voorvoegsel}zaak__vertrouwelijkheid"), Value("")),
        NullIf(F(f"{voorvoegsel}product__vertrouwelijkheid"), Value("")),
        Value(vormen.STANDAARD_NIVEAU),
        output_field=CharField(),
    )


# --- partij-identificatoren as filters, in both consumers' words ---------------------------------

# KISS writes the standard's codes; Open Inwoner its own (inp, nnp, kvk, vtn).
_SOORT_ID = {
    "bsn": {BSN},
    "kvk_nummer": {KVK},
    "kvk": {KVK},
    "vestigingsnummer": {VESTIGING},
    "vtn": {VESTIGING},
}
_OBJECTTYPE = {
    "natuurlijk_persoon": {BSN},
    "inp": {BSN},
    "niet_natuurlijk_persoon": {KVK},
    "nnp": {KVK, VESTIGING},
    "vestiging": {VESTIGING},
}
_REGISTER = {"brp": {BSN}, "hr": {KVK, VESTIGING}}
_VELD = {BSN: "bsn", KVK: "kvk_nummer", VESTIGING: "vestigingsnummer"}


def identificator_filter(p, namen: tuple[str, str, str, str], veld: str = "") -> Q | None:
    """The Q on customers (``veld`` before the field names) for the
    identificator parameters ``namen`` (soort, objecttype, register,
    objectId); None when none of them is given."""
    if not any(naam in p for naam in namen):
        return None
    soorten = {BSN, KVK, VESTIGING}
    for naam, tabel in zip(namen[:3], (_SOORT_ID, _OBJECTTYPE, _REGISTER), strict=True):
        if naam in p:
            soorten &= tabel.get(p[naam], set())
    object_id = p.get(namen[3])
    voorwaarde = Q(pk__in=[])
    for soort in soorten:
        kolom = f"{veld}{_VELD[soort]}"
        voorwaarde |= (
            Q(**{kolom: object_id}) if object_id is not None else Q(**{f"{kolom}__gt": ""})
        )
    return voorwaarde


def _identificatornamen(voorvoegsel: str) -> tuple[str, str, str, str]:
    return tuple(
        f"{voorvoegsel}{deel}"
        for deel in ("codeSoortObjectId", "codeObjecttype", "codeRegister", "objectId")
    )


PARTIJ_ID = _identificatornamen("partijIdentificator__")
WAS_PARTIJ_ID = _identificatornamen("wasPartij__partijIdentificator__")
BETROKKENE_PARTIJ_ID = _identificatornamen("hadBetrokkene__wasPartij__partijIdentificator__")
ADRES_PARTIJ_ID = _identificatornamen("verstrektDoorPartij__partijIdentificator__")
IDENTIFICATOR_ID = tuple(
    f"partijIdentificator{deel}"
    for deel in ("CodeSoortObjectId", "CodeObjecttype", "CodeRegister", "ObjectId")
)
_ONDERWERP = ("CodeObjecttype", "CodeRegister", "CodeSoortObjectId", "ObjectId")


def _parameters(*groepen) -> frozenset[str]:
    return frozenset(naam for groep in groepen for naam in groep) | {"page", "pageSize"}


# --- the base ------------------------------------------------------------------------------------


class KlantinteractiesView(ZgwView):
    component = vormen.COMPONENT
    scope = "klantinteracties.lezen"
    api_versie = VERSIE
    authentication_classes = [TokenAuthentication]
    geen_inlog_status = 401
    expansies: frozenset[str] = frozenset()

    # --- parameters ---

    def grootte(self) -> int:
        waarde = self.request.query_params.get("pageSize", str(STANDAARD_GROOTTE))
        if not waarde.isdigit() or not 1 <= int(waarde) <= MAX_GROOTTE:
            raise ValidatieFout(
                [("pageSize", "invalid", _("Geef een paginagrootte van 1 tot en met 500."))]
            )
        return int(waarde)

    def expand(self) -> set[str]:
        gevraagd = {
            deel.strip()
            for deel in self.request.query_params.get("expand", "").split(",")
            if deel.strip()
        }
        onbekend = sorted(gevraagd - self.expansies)
        if onbekend:
            raise ValidatieFout(
                [("expand", "invalid", _("Onbekend: %(namen)s.") % {"namen": ", ".join(onbekend)})]
            )
        # Asking for a nested one includes the resources it is nested in.
        return gevraagd | {
            ".".join(naam.split(".")[:diepte])
            for naam in gevraagd
            for diepte in range(1, naam.count(".") + 1)
        }

    def waar(self, naam: str) -> bool | None:
        """A boolean filter: None when not given."""
        waarde = self.request.query_params.get(naam)
        if waarde is None:
            return None
        if waarde.lower() not in ("true", "false"):
            raise ValidatieFout([(naam, "invalid", _("Geef true of false."))])
        return waarde.lower() == "true"

    def uuid_param(self, naam: str, resource: str | None = None) -> uuidlib.UUID | bool | None:
        """The uuid a filter names (by uuid, or by URL when ``resource`` is
        given); False when the parameter is absent, None when it names
        nothing of this platform."""
        waarde = self.request.query_params.get(naam)
        if waarde is None:
            return False
        if resource is not None:
            return uuid_uit_url(waarde, vormen.COMPONENT, resource)
        try:
            return uuidlib.UUID(waarde)
        except ValueError:
            raise ValidatieFout([(naam, "invalid", _("Geef een geldige UUID."))]) from None

    def verwijzing_filter(self, naam: str, resource: str, veld: str, masker: int = 0) -> Q | None:
        """``naam__uuid`` and ``naam__url`` as a Q on ``veld`` (the uuid of
        the row the resource is made from, before ``masker``)."""
        voorwaarde = None
        for achtervoegsel, bron in (("__uuid", None), ("__url", resource)):
            gevonden = self.uuid_param(naam + achtervoegsel, bron)
            if gevonden is False:
                continue
            deel = (
                Q(pk__in=[])
                if gevonden is None
                else Q(**{veld: vormen.gemaskeerd(gevonden, masker) if masker else gevonden})
            )
            voorwaarde = deel if voorwaarde is None else voorwaarde & deel
        return voorwaarde

    # --- what the applicatie may read ---

    def niveaus(self) -> list[str] | None:
        """The confidentialities of contacts this applicatie reads; None: all."""
        maximum = self.recht().overal or Vertrouwelijkheid.OPENBAAR
        if maximum == Vertrouwelijkheid.ZEER_GEHEIM:
            return None
        return Vertrouwelijkheid.tot_en_met(maximum)

    def contacten(self) -> QuerySet:
        contacten = Klantcontact.objects.annotate(
            niveau=niveau(),
            # A call back: the contact its contactverzoek came from.
            aanleiding_uuid=Subquery(
                Contactverzoek.objects.filter(
                    beantwoord_in=OuterRef("pk"), klantcontact__isnull=False
                )
                .order_by("id")
                .values("klantcontact__uuid")[:1]
            ),
        )
        niveaus = self.niveaus()
        return contacten if niveaus is None else contacten.filter(niveau__in=niveaus)

    def verzoeken(self) -> QuerySet:
        """Contactverzoeken that came from a contact this applicatie reads."""
        verzoeken = Contactverzoek.objects.filter(klantcontact__isnull=False)
        niveaus = self.niveaus()
        if niveaus is not None:
            verzoeken = verzoeken.alias(niveau=niveau("klantcontact__")).filter(niveau__in=niveaus)
        return verzoeken

    # --- pages ---

    def pagina_uit(
        self, bronnen: list[tuple[QuerySet, Callable[[dict], object]]]
    ) -> tuple[int, int, int, list]:
        """A page over one or more sources in turn (each an ordered values()
        query and what makes its item): a count and at most one slice each."""
        pagina, grootte = self.pagina(), self.grootte()
        begin, eind = (pagina - 1) * grootte, pagina * grootte
        items, voor = [], 0
        aantal = 0
        for query, maak in bronnen:
            hier = query.count()
            van, tot = max(begin - voor, 0), min(eind - voor, hier)
            if van < tot:
                items.extend(maak(rij) for rij in query[van:tot])
            voor += hier
            aantal += hier
        return aantal, pagina, grootte, items

    def klanten_audit(self, klanten: list[dict], omschrijving: str, object_type: str, sleutel=""):
        self.audit(
            omschrijving=omschrijving,
            betrokkenen=[
                (k.get(f"{sleutel}bsn") or k.get(f"{sleutel}kvk_nummer") or "") for k in klanten
            ],
            object_type=object_type,
            object_id=str(klanten[0]["uuid"]) if len(klanten) == 1 else "",
        )

    # --- bodies, each relation read once for the whole page ---

    def verzoeken_bij(self, contact_ids) -> dict[int, list[dict]]:
        per_contact = defaultdict(list)
        if contact_ids:
            for v in (
                Contactverzoek.objects.filter(klantcontact_id__in=contact_ids)
                .order_by("aangemaakt_op", "id")
                .values(*vormen.VERZOEKVELDEN)
            ):
                per_contact[v["klantcontact_id"]].append(v)
        return per_contact

    def partijen_bij(self, klant_ids, expand: set[str]) -> dict[int, dict]:
        if not klant_ids:
            return {}
        klanten = list(Klant.objects.filter(pk__in=klant_ids).values(*vormen.KLANTVELDEN))
        return {
            k["id"]: body
            for k, body in zip(klanten, self.partij_bodies(klanten, expand), strict=True)
        }

    def contact_bodies(self, contacten: list[dict], expand: set[str]) -> list[dict]:
        verzoeken = self.verzoeken_bij([c["id"] for c in contacten])
        partijen = {}
        if "hadBetrokkenen.wasPartij" in expand:
            partijen = self.partijen_bij({c["klant_id"] for c in contacten if c["klant_id"]}, set())
        bodies = []
        for c in contacten:
            eigen = verzoeken.get(c["id"], [])
            body = vormen.klantcontact_body(c, eigen)
            if expand:
                meer = {}
                if "hadBetrokkenen" in expand:
                    betrokkene = vormen.betrokkene_body(c, eigen)
                    sub = {}
                    if "hadBetrokkenen.digitaleAdressen" in expand:
                        sub["digitaleAdressen"] = [
                            a for v in eigen for a in vormen.terugbel_adressen(v)
                        ]
                    if "hadBetrokkenen.wasPartij" in expand:
                        sub["wasPartij"] = partijen.get(c["klant_id"])
                    if sub:
                        betrokkene["_expand"] = sub
                    meer["hadBetrokkenen"] = [betrokkene]
                if "leiddeTotInterneTaken" in expand:
                    meer["leiddeTotInterneTaken"] = [vormen.internetaak_body(v) for v in eigen]
                if "gingOverOnderwerpobjecten" in expand:
                    meer["gingOverOnderwerpobjecten"] = vormen.onderwerpobjecten_van(c)
                if "omvatteBijlagen" in expand:
                    meer["omvatteBijlagen"] = []
                body["_expand"] = meer
            bodies.append(body)
        return bodies

    def betrokkene_bodies(self, contacten: list[dict], expand: set[str]) -> list[dict]:
        verzoeken = self.verzoeken_bij([c["id"] for c in contacten])
        bodies = []
        for c in contacten:
            eigen = verzoeken.get(c["id"], [])
            body = vormen.betrokkene_body(c, eigen)
            meer = {}
            if "digitaleAdressen" in expand:
                meer["digitaleAdressen"] = [a for v in eigen for a in vormen.terugbel_adressen(v)]
            if "hadKlantcontact" in expand:
                meer["hadKlantcontact"] = vormen.klantcontact_body(c, eigen)
                if "hadKlantcontact.leiddeTotInterneTaken" in expand:
                    meer["hadKlantcontact"]["_expand"] = {
                        "leiddeTotInterneTaken": [vormen.internetaak_body(v) for v in eigen]
                    }
            if expand:
                body["_expand"] = meer
            bodies.append(body)
        return bodies

    def partij_bodies(self, klanten: list[dict], expand: set[str]) -> list[dict]:
        ids = [k["id"] for k in klanten]
        velden = vormen.CONTACTVELDEN if "betrokkenen" in expand else ["klant_id", "uuid"]
        per_klant = defaultdict(list)
        if ids:
            for c in (
                self.contacten()
                .filter(klant_id__in=ids)
                .order_by("-gestart_op", "-id")
                .values(*velden)
            ):
                per_klant[c["klant_id"]].append(c)
        meer_per_klant = {}
        if "betrokkenen" in expand:
            alle = [c for contacten in per_klant.values() for c in contacten]
            sub = {"hadKlantcontact"} if "betrokkenen.hadKlantcontact" in expand else set()
            bodies = iter(self.betrokkene_bodies(alle, sub))
            for klant_id, contacten in per_klant.items():
                meer_per_klant[klant_id] = [next(bodies) for _c in contacten]
        resultaat = []
        for k in klanten:
            contacten = per_klant.get(k["id"], [])
            body = vormen.partij_body(
                k, [vormen.gemaskeerd(c["uuid"], BETROKKENE) for c in contacten]
            )
            if expand:
                meer = {}
                if "digitaleAdressen" in expand:
                    meer["digitaleAdressen"] = vormen.partij_digitale_adressen(k)
                if "betrokkenen" in expand:
                    meer["betrokkenen"] = meer_per_klant.get(k["id"], [])
                if "categorieRelaties" in expand:
                    meer["categorieRelaties"] = []
                body["_expand"] = meer
            resultaat.append(body)
        return resultaat


def _detail(query: QuerySet) -> dict:
    rij = query.first()
    if rij is None:
        raise Http404
    return rij


# --- partijen ------------------------------------------------------------------------------------

PARTIJ_EXPAND = frozenset(
    {"betrokkenen", "betrokkenen.hadKlantcontact", "categorieRelaties", "digitaleAdressen"}
)


class PartijLijst(KlantinteractiesView):
    parameters = _parameters(
        PARTIJ_ID, {"soortPartij", "indicatieGeheimhouding", "indicatieActief", "expand"}
    )
    expansies = PARTIJ_EXPAND

    def get(self, request):
        p = request.query_params
        expand = self.expand()
        klanten = Klant.objects.all()
        voorwaarde = identificator_filter(p, PARTIJ_ID)
        if voorwaarde is not None:
            klanten = klanten.filter(voorwaarde)
        soort = p.get("soortPartij")
        if soort == "persoon":
            klanten = klanten.filter(soort=Klant.Soort.PERSOON)
        elif soort == "organisatie":
            klanten = klanten.exclude(soort=Klant.Soort.PERSOON)
        elif soort is not None:
            klanten = klanten.none()
        if (geheim := self.waar("indicatieGeheimhouding")) is not None:
            klanten = klanten.filter(geheimhouding=geheim)
        if (actief := self.waar("indicatieActief")) is not None:
            klanten = klanten.filter(samengevoegd_in__isnull=actief)
        aantal, pagina, grootte, rijen = self.pagina_uit(
            [(klanten.order_by("id").values(*vormen.KLANTVELDEN), lambda k: k)]
        )
        self.klanten_audit(
            rijen, _("Partijen opgevraagd via de Klantinteracties API"), "klanten.Klant"
        )
        return self.gepagineerd(aantal, pagina, self.partij_bodies(rijen, expand), grootte)


class PartijDetail(KlantinteractiesView):
    parameters = frozenset({"expand"})
    expansies = PARTIJ_EXPAND

    def get(self, request, uuid):
        expand = self.expand()
        klant = _detail(Klant.objects.filter(uuid=uuid).values(*vormen.KLANTVELDEN))
        self.klanten_audit(
            [klant], _("Partij opgevraagd via de Klantinteracties API"), "klanten.Klant"
        )
        return self.met_etag(self.partij_bodies([klant], expand)[0])


class PartijIdentificatorLijst(KlantinteractiesView):
    parameters = _parameters(IDENTIFICATOR_ID, {"anderePartijIdentificator"})

    def get(self, request):
        p = request.query_params
        soorten = [BSN, KVK, VESTIGING]
        if p.get("anderePartijIdentificator"):
            soorten = []
        bronnen = []
        for soort in soorten:
            klanten = Klant.objects.filter(_alleen(p, soort), **{f"{_VELD[soort]}__gt": ""})
            bronnen.append(
                (
                    klanten.order_by("id").values(*vormen.KLANTVELDEN),
                    lambda k, soort=soort: (k, _identificator(k, soort)),
                )
            )
        aantal, pagina, grootte, items = self.pagina_uit(bronnen)
        self.klanten_audit(
            [k for k, _i in items],
            _("Partij-identificatoren opgevraagd via de Klantinteracties API"),
            "klanten.Klant",
        )
        return self.gepagineerd(aantal, pagina, [i for _k, i in items], grootte)


def _alleen(p, soort: int) -> Q:
    """Whether the filter's codes allow identificators of ``soort`` at all."""
    for naam, tabel in zip(IDENTIFICATOR_ID[:3], (_SOORT_ID, _OBJECTTYPE, _REGISTER), strict=True):
        if naam in p and soort not in tabel.get(p[naam], set()):
            return Q(pk__in=[])
    if IDENTIFICATOR_ID[3] in p:
        return Q(**{_VELD[soort]: p[IDENTIFICATOR_ID[3]]})
    return Q()


def _identificator(k: dict, soort: int) -> dict:
    eigen = str(vormen.gemaskeerd(k["uuid"], soort))
    return next(i for i in vormen.identificatoren(k) if i["uuid"] == eigen)


class PartijIdentificatorDetail(KlantinteractiesView):
    def get(self, request, uuid):
        for soort in (BSN, KVK, VESTIGING):
            klant = (
                Klant.objects.filter(
                    uuid=vormen.gemaskeerd(uuid, soort), **{f"{_VELD[soort]}__gt": ""}
                )
                .values(*vormen.KLANTVELDEN)
                .first()
            )
            if klant is not None:
                self.klanten_audit(
                    [klant],
                    _("Partij-identificator opgevraagd via de Klantinteracties API"),
                    "klanten.Klant",
                )
                return self.met_etag(_identificator(klant, soort))
        raise Http404


# --- klantcontacten ------------------------------------------------------------------------------

CONTACT_EXPAND = frozenset(
    {
        "gingOverOnderwerpobjecten",
        "hadBetrokkenen",
        "hadBetrokkenen.digitaleAdressen",
        "hadBetrokkenen.wasPartij",
        "leiddeTotInterneTaken",
        "omvatteBijlagen",
    }
)
CONTACTFILTERS = _parameters(
    BETROKKENE_PARTIJ_ID,
    {f"onderwerpobject__onderwerpobjectidentificator{deel}" for deel in _ONDERWERP},
    {f"wasOnderwerpobject__onderwerpobjectidentificator{deel}" for deel in _ONDERWERP},
    {
        "expand",
        "kanaal",
        "onderwerp",
        "inhoud",
        "reactie",
        "nummer",
        "indicatieContactGelukt",
        "vertrouwelijk",
        "plaatsgevondenOp",
        "leiddeTotInterneTaken",
        "hadBetrokkene__uuid",
        "hadBetrokkene__url",
        "hadBetrokkene__wasPartij",
        "hadBetrokkene__wasPartij__uuid",
        "hadBetrokkene__wasPartij__url",
        "onderwerpobject__uuid",
        "onderwerpobject__url",
        "wasOnderwerpobject__uuid",
        "wasOnderwerpobject__url",
    },
)


def _terugbellen_op(**voorwaarden):
    """The ids of call backs (contacts that answered a contactverzoek that
    came from a contact): read from the contactverzoeken, a small table,
    never by testing every contact."""
    return Contactverzoek.objects.filter(
        beantwoord_in__isnull=False, klantcontact__isnull=False, **voorwaarden
    ).values("beantwoord_in_id")


_TERUGBELLEN = _terugbellen_op()


def _onderwerpobject_filter(view) -> Q | None:
    """Contacts by an onderwerpobject of either kind: the case's or a call back's."""
    zaak = view.verwijzing_filter("onderwerpobject", "onderwerpobjecten", "uuid", ONDERWERPOBJECT)
    if zaak is None:
        return None
    terug = view.verwijzing_filter("onderwerpobject", "onderwerpobjecten", "uuid", TERUGBELOBJECT)
    return (zaak & Q(zaak__isnull=False)) | (terug & Q(pk__in=_TERUGBELLEN))


def _onderwerp_identificator_filter(p, voorvoegsel: str) -> Q | None:
    """Contacts by what their onderwerpobject identifies: a case or, for a
    call back, the earlier contact."""
    zaak = _zaak_object_filter(p, voorvoegsel)
    if zaak is None:
        return None
    return zaak | (_contact_object_filter(p, voorvoegsel) & Q(pk__in=_TERUGBELLEN))


def _object_filter(p, voorvoegsel: str, codes: dict, alle: Q, op_id) -> Q | None:
    """A filter on what an onderwerpobject identifies: None without such a
    parameter; nothing when a code is not ``codes``; ``alle`` narrowed by
    ``op_id(uuid)`` when the objectId is asked (nothing for a malformed one)."""
    namen = [f"{voorvoegsel}{deel}" for deel in _ONDERWERP]
    if not any(naam in p for naam in namen):
        return None
    for naam, code in zip(
        namen[:3], ("codeObjecttype", "codeRegister", "codeSoortObjectId"), strict=True
    ):
        if naam in p and p[naam] != codes[code]:
            return Q(pk__in=[])
    if namen[3] not in p:
        return alle
    try:
        return alle & op_id(uuidlib.UUID(p[namen[3]]))
    except ValueError:
        return Q(pk__in=[])


def _contact_object_filter(p, voorvoegsel: str) -> Q | None:
    """A filter on the onderwerpobject of a call back: the earlier contact."""
    return _object_filter(
        p,
        voorvoegsel,
        vormen.CONTACT_OBJECT,
        Q(),
        lambda eerder: Q(pk__in=_terugbellen_op(klantcontact__uuid=eerder)),
    )


def _zaak_object_filter(p, voorvoegsel: str) -> Q | None:
    """A filter on the onderwerpobject: the contact's case, in KISS's codes."""
    return _object_filter(
        p,
        voorvoegsel,
        vormen.ZAAK_OBJECT,
        Q(zaak__isnull=False),
        lambda zaak: Q(zaak__uuid=zaak),
    )


class KlantcontactLijst(KlantinteractiesView):
    parameters = CONTACTFILTERS
    expansies = CONTACT_EXPAND

    def get(self, request):
        p = request.query_params
        expand = self.expand()
        contacten = self.contacten()
        for voorwaarde in (
            self.verwijzing_filter("hadBetrokkene", "betrokkenen", "uuid", BETROKKENE),
            self.verwijzing_filter("hadBetrokkene__wasPartij", "partijen", "klant__uuid"),
            _onderwerpobject_filter(self),
            identificator_filter(p, BETROKKENE_PARTIJ_ID, "klant__"),
            _onderwerp_identificator_filter(p, "onderwerpobject__onderwerpobjectidentificator"),
        ):
            if voorwaarde is not None:
                contacten = contacten.filter(voorwaarde)
        if "hadBetrokkene__wasPartij" in p:
            gevonden = uuid_uit_url(p["hadBetrokkene__wasPartij"], vormen.COMPONENT, "partijen")
            contacten = contacten.filter(klant__uuid=gevonden) if gevonden else contacten.none()
        # The contact a call back was about: the onderwerpobject is the call
        # back's (TERUGBELOBJECT), its wasKlantcontact this contact.
        was = self.verwijzing_filter(
            "wasOnderwerpobject", "onderwerpobjecten", "beantwoord_in__uuid", TERUGBELOBJECT
        )
        if was is not None:
            contacten = contacten.filter(
                uuid__in=Contactverzoek.objects.filter(was).values("klantcontact__uuid")
            )
        if any(naam.startswith("wasOnderwerpobject__onderwerpobjectidentificator") for naam in p):
            # Only by its uuid or url: an earlier contact as the subject.
            contacten = contacten.none()
        if "kanaal" in p:
            kanaal = p["kanaal"].strip().lower()
            codes = [
                code
                for code, label in Klantcontact._meta.get_field("kanaal").choices
                if kanaal in (code, str(label).lower())
            ]
            contacten = contacten.filter(kanaal__in=codes)
        if "onderwerp" in p:
            contacten = contacten.filter(
                Q(onderwerp__iexact=p["onderwerp"])
                | Q(onderwerp="", product__naam__iexact=p["onderwerp"])
            )
        if "inhoud" in p:
            contacten = contacten.filter(vraag__icontains=p["inhoud"])
        if "reactie" in p:
            contacten = contacten.filter(antwoord__icontains=p["reactie"])
        if "nummer" in p:
            contacten = (
                contacten.filter(pk=int(p["nummer"])) if p["nummer"].isdigit() else contacten.none()
            )
        if (gelukt := self.waar("indicatieContactGelukt")) is not None:
            contacten = contacten if gelukt else contacten.none()
        if (vertrouwelijk := self.waar("vertrouwelijk")) is not None:
            geheim = Vertrouwelijkheid.values[vormen.VERTROUWELIJK_VANAF :]
            contacten = (
                contacten.filter(niveau__in=geheim)
                if vertrouwelijk
                else contacten.exclude(niveau__in=geheim)
            )
        if "plaatsgevondenOp" in p:
            moment = parse_datetime(p["plaatsgevondenOp"])
            if moment is None:
                raise ValidatieFout(
                    [("plaatsgevondenOp", "invalid", _("Geef een datum en tijd (ISO 8601)."))]
                )
            contacten = contacten.filter(gestart_op=moment)
        if "leiddeTotInterneTaken" in p:
            gevonden = self.uuid_param("leiddeTotInterneTaken")
            contacten = contacten.filter(contactverzoeken__uuid=gevonden)
        aantal, pagina, grootte, rijen = self.pagina_uit(
            [(contacten.order_by("-gestart_op", "-id").values(*vormen.CONTACTVELDEN), lambda c: c)]
        )
        self.klanten_audit(
            rijen,
            _("Klantcontacten opgevraagd via de Klantinteracties API"),
            "klanten.Klantcontact",
            "klant__",
        )
        return self.gepagineerd(aantal, pagina, self.contact_bodies(rijen, expand), grootte)


class KlantcontactDetail(KlantinteractiesView):
    parameters = frozenset({"expand"})
    expansies = CONTACT_EXPAND

    def get(self, request, uuid):
        expand = self.expand()
        contact = _detail(self.contacten().filter(uuid=uuid).values(*vormen.CONTACTVELDEN))
        self.klanten_audit(
            [contact],
            _("Klantcontact opgevraagd via de Klantinteracties API"),
            "klanten.Klantcontact",
            "klant__",
        )
        return self.met_etag(self.contact_bodies([contact], expand)[0])


# --- betrokkenen ---------------------------------------------------------------------------------

BETROKKENEFILTERS = _parameters(
    WAS_PARTIJ_ID,
    {
        "expand",
        "wasPartij__uuid",
        "wasPartij__url",
        "hadKlantcontact__uuid",
        "hadKlantcontact__url",
        "organisatienaam",
        "contactnaamAchternaam",
        "contactnaamVoornaam",
        "verstrektedigitaalAdres__adres",
        "verstrektedigitaalAdres__uuid",
        "verstrektedigitaalAdres__url",
    },
)


class BetrokkeneLijst(KlantinteractiesView):
    parameters = BETROKKENEFILTERS
    expansies = frozenset({"digitaleAdressen"})

    def get(self, request):
        p = request.query_params
        expand = self.expand()
        contacten = self.contacten()
        for voorwaarde in (
            self.verwijzing_filter("wasPartij", "partijen", "klant__uuid"),
            self.verwijzing_filter("hadKlantcontact", "klantcontacten", "uuid"),
            identificator_filter(p, WAS_PARTIJ_ID, "klant__"),
        ):
            if voorwaarde is not None:
                contacten = contacten.filter(voorwaarde)
        if "organisatienaam" in p:
            contacten = contacten.filter(klant__organisatienaam__iexact=p["organisatienaam"])
        if "contactnaamAchternaam" in p:
            naam = p["contactnaamAchternaam"]
            contacten = contacten.filter(
                Q(klant__geslachtsnaam__iexact=naam)
                | Q(klant__isnull=True, contactnaam__iexact=naam)
            )
        if "contactnaamVoornaam" in p:
            contacten = contacten.filter(klant__voornamen__iexact=p["contactnaamVoornaam"])
        if "verstrektedigitaalAdres__adres" in p:
            adressen = _adresvormen(p["verstrektedigitaalAdres__adres"])
            contacten = contacten.filter(
                Q(contactverzoeken__telefoon__in=adressen) | Q(contactverzoeken__email__in=adressen)
            ).distinct()
        for achtervoegsel, bron in (("__uuid", None), ("__url", "digitaleadressen")):
            gevonden = self.uuid_param("verstrektedigitaalAdres" + achtervoegsel, bron)
            if gevonden is not False:
                contacten = contacten.filter(_verzoek_adres_q(gevonden, "contactverzoeken__uuid"))
        aantal, pagina, grootte, rijen = self.pagina_uit(
            [(contacten.order_by("-gestart_op", "-id").values(*vormen.CONTACTVELDEN), lambda c: c)]
        )
        self.klanten_audit(
            rijen,
            _("Betrokkenen opgevraagd via de Klantinteracties API"),
            "klanten.Klantcontact",
            "klant__",
        )
        return self.gepagineerd(aantal, pagina, self.betrokkene_bodies(rijen, expand), grootte)


class BetrokkeneDetail(KlantinteractiesView):
    parameters = frozenset({"expand"})
    expansies = frozenset({"digitaleAdressen"})

    def get(self, request, uuid):
        expand = self.expand()
        contact = _detail(
            self.contacten()
            .filter(uuid=vormen.gemaskeerd(uuid, BETROKKENE))
            .values(*vormen.CONTACTVELDEN)
        )
        self.klanten_audit(
            [contact],
            _("Betrokkene opgevraagd via de Klantinteracties API"),
            "klanten.Klantcontact",
            "klant__",
        )
        return self.met_etag(self.betrokkene_bodies([contact], expand)[0])


# --- digitale adressen ---------------------------------------------------------------------------


def _adresvormen(adres: str) -> list[str]:
    """An address as written, lower-cased, and as the normalised phone number."""
    vormen_ = {adres.strip(), adres.strip().lower()}
    with contextlib.suppress(ValidationError):
        vormen_.add(normaliseer_telefoon(adres))
    return sorted(vormen_)


def _verzoek_adres_q(gevonden, veld: str) -> Q:
    """A callback address by its uuid: the contactverzoek it is made from."""
    if not gevonden:
        return Q(pk__in=[])
    return Q(
        **{
            f"{veld}__in": [
                vormen.gemaskeerd(gevonden, m) for m in (TERUGBEL_EMAIL, TERUGBEL_TELEFOON)
            ]
        }
    )


ADRESFILTERS = _parameters(
    ADRES_PARTIJ_ID,
    {
        "expand",
        "adres",
        "adres__icontains",
        "soortDigitaalAdres",
        "isStandaardAdres",
        "verstrektDoorPartij__uuid",
        "verstrektDoorPartij__url",
        "verstrektDoorPartij__soortPartij",
        "verstrektDoorBetrokkene__uuid",
        "verstrektDoorBetrokkene__url",
        "verstrektDoorBetrokkene__rol",
    },
)
ADRES_EXPAND = frozenset(
    {
        "verstrektDoorBetrokkene",
        "verstrektDoorBetrokkene.hadKlantcontact",
        "verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken",
    }
)
# The four sources of digitale adressen, in the order a list gives them.
_KLANTBRONNEN = (
    (EMAIL, "email", "email", Klant.Berichtvoorkeur.EMAIL),
    (TELEFOON, "telefoonnummer", "telefoon", Klant.Berichtvoorkeur.SMS),
)
_VERZOEKBRONNEN = (
    (TERUGBEL_TELEFOON, "telefoonnummer", "telefoon"),
    (TERUGBEL_EMAIL, "email", "email"),
)


def _klant_adres(k: dict, masker: int) -> tuple[dict, dict]:
    eigen = str(vormen.gemaskeerd(k["uuid"], masker))
    return k, next(a for a in vormen.partij_digitale_adressen(k) if a["uuid"] == eigen)


def _verzoek_adres(v: dict, masker: int) -> tuple[dict, dict]:
    eigen = str(vormen.gemaskeerd(v["uuid"], masker))
    return v, next(a for a in vormen.terugbel_adressen(v) if a["uuid"] == eigen)


class _Adressen(KlantinteractiesView):
    expansies = ADRES_EXPAND

    def bodies(self, items: list[tuple[dict, dict]], expand: set[str]) -> list[dict]:
        """The addresses; expanded, a callback address gets its betrokkene
        (and that one's contact with its interne taken)."""
        if not expand:
            return [adres for _rij, adres in items]
        contact_ids = {rij["klantcontact_id"] for rij, _a in items if "klantcontact_id" in rij}
        contacten = {
            c["id"]: c
            for c in self.contacten().filter(pk__in=contact_ids).values(*vormen.CONTACTVELDEN)
        }
        sub = {naam.split(".", 1)[1] for naam in expand if "." in naam}
        betrokkenen = dict(
            zip(contacten, self.betrokkene_bodies(list(contacten.values()), sub), strict=True)
        )
        resultaat = []
        for rij, adres in items:
            betrokkene = betrokkenen.get(rij.get("klantcontact_id"))
            resultaat.append({**adres, "_expand": {"verstrektDoorBetrokkene": betrokkene}})
        return resultaat

    def audit_adressen(self, items, omschrijving: str) -> None:
        self.audit(
            omschrijving=omschrijving,
            betrokkenen=[
                rij.get("bsn")
                or rij.get("kvk_nummer")
                or rij.get("klant__bsn")
                or rij.get("klant__kvk_nummer")
                or ""
                for rij, _a in items
            ],
            object_type="klanten.Klant",
            object_id=items[0][1]["uuid"] if len(items) == 1 else "",
        )


VERZOEK_ADRESVELDEN = [*vormen.VERZOEKVELDEN, "klant__bsn", "klant__kvk_nummer"]


class DigitaalAdresLijst(_Adressen):
    parameters = ADRESFILTERS

    def get(self, request):
        p = request.query_params
        expand = self.expand()
        soort = p.get("soortDigitaalAdres")
        standaard = self.waar("isStandaardAdres")
        adressen = _adresvormen(p["adres"]) if "adres" in p else None
        bevat = p.get("adres__icontains")
        partij_filters = [
            self.verwijzing_filter("verstrektDoorPartij", "partijen", "uuid"),
            identificator_filter(p, ADRES_PARTIJ_ID),
        ]
        if "verstrektDoorPartij__soortPartij" in p:
            partij_filters.append(
                Q(soort=Klant.Soort.PERSOON)
                if p["verstrektDoorPartij__soortPartij"] == "persoon"
                else ~Q(soort=Klant.Soort.PERSOON)
                if p["verstrektDoorPartij__soortPartij"] == "organisatie"
                else Q(pk__in=[])
            )
        partij_filters = [f for f in partij_filters if f is not None]
        betrokkene = self.verwijzing_filter(
            "verstrektDoorBetrokkene", "betrokkenen", "klantcontact__uuid", BETROKKENE
        )
        rol = p.get("verstrektDoorBetrokkene__rol")
        bronnen = []
        for masker, soort_naam, veld, voorkeur in _KLANTBRONNEN:
            if soort not in (None, soort_naam) or betrokkene is not None or rol is not None:
                continue
            klanten = Klant.objects.filter(**{f"{veld}__gt": ""})
            for voorwaarde in partij_filters:
                klanten = klanten.filter(voorwaarde)
            if adressen is not None:
                klanten = klanten.filter(**{f"{veld}__in": adressen})
            if bevat:
                klanten = klanten.filter(**{f"{veld}__icontains": bevat})
            if standaard is not None:
                klanten = (
                    klanten.filter(berichtvoorkeur=voorkeur)
                    if standaard
                    else klanten.exclude(berichtvoorkeur=voorkeur)
                )
            bronnen.append(
                (
                    klanten.order_by("id").values(*vormen.KLANTVELDEN),
                    lambda k, masker=masker: _klant_adres(k, masker),
                )
            )
        for masker, soort_naam, veld in _VERZOEKBRONNEN:
            if (
                soort not in (None, soort_naam)
                or partij_filters
                or standaard
                or rol not in (None, "klant")
            ):
                continue
            verzoeken = self.verzoeken().filter(**{f"{veld}__gt": ""})
            if betrokkene is not None:
                verzoeken = verzoeken.filter(betrokkene)
            if adressen is not None:
                verzoeken = verzoeken.filter(**{f"{veld}__in": adressen})
            if bevat:
                verzoeken = verzoeken.filter(**{f"{veld}__icontains": bevat})
            bronnen.append(
                (
                    verzoeken.order_by("id").values(*VERZOEK_ADRESVELDEN),
                    lambda v, masker=masker: _verzoek_adres(v, masker),
                )
            )
        aantal, pagina, grootte, items = self.pagina_uit(bronnen)
        self.audit_adressen(items, _("Digitale adressen opgevraagd via de Klantinteracties API"))
        return self.gepagineerd(aantal, pagina, self.bodies(items, expand), grootte)


class DigitaalAdresDetail(_Adressen):
    parameters = frozenset({"expand"})

    def get(self, request, uuid):
        expand = self.expand()
        item = None
        for masker, _soort, veld, _voorkeur in _KLANTBRONNEN:
            klant = (
                Klant.objects.filter(uuid=vormen.gemaskeerd(uuid, masker), **{f"{veld}__gt": ""})
                .values(*vormen.KLANTVELDEN)
                .first()
            )
            if klant is not None:
                item = _klant_adres(klant, masker)
        if item is None:
            for masker, _soort, veld in _VERZOEKBRONNEN:
                verzoek = (
                    self.verzoeken()
                    .filter(uuid=vormen.gemaskeerd(uuid, masker), **{f"{veld}__gt": ""})
                    .values(*VERZOEK_ADRESVELDEN)
                    .first()
                )
                if verzoek is not None:
                    item = _verzoek_adres(verzoek, masker)
        if item is None:
            raise Http404
        self.audit_adressen([item], _("Digitaal adres opgevraagd via de Klantinteracties API"))
        return self.met_etag(self.bodies([item], expand)[0])


# --- interne taken (contactverzoeken) ------------------------------------------------------------

TAAKSTATUS = {
    "te_verwerken": [ContactverzoekStatus.OPEN, ContactverzoekStatus.IN_BEHANDELING],
    "verwerkt": [ContactverzoekStatus.AFGEHANDELD, ContactverzoekStatus.GEANNULEERD],
}


class InterneTaakLijst(KlantinteractiesView):
    parameters = _parameters(
        {
            "aanleidinggevendKlantcontact__uuid",
            "aanleidinggevendKlantcontact__url",
            "klantcontact__uuid",
            "status",
            "toegewezenAanActor__uuid",
            "toegewezenAanActor__url",
            "actoren__naam",
            "nummer",
        }
    )

    def get(self, request):
        p = request.query_params
        verzoeken = self.verzoeken()
        for voorwaarde in (
            self.verwijzing_filter(
                "aanleidinggevendKlantcontact", "klantcontacten", "klantcontact__uuid"
            ),
            self.verwijzing_filter("klantcontact", "klantcontacten", "klantcontact__uuid"),
        ):
            if voorwaarde is not None:
                verzoeken = verzoeken.filter(voorwaarde)
        for achtervoegsel, bron in (("__uuid", None), ("__url", "actoren")):
            gevonden = self.uuid_param("toegewezenAanActor" + achtervoegsel, bron)
            if gevonden is not False:
                verzoeken = verzoeken.filter(
                    Q(medewerker__uuid=gevonden)
                    | Q(medewerker__isnull=True, afdeling__uuid=gevonden)
                    if gevonden
                    else Q(pk__in=[])
                )
        if "status" in p:
            verzoeken = verzoeken.filter(status__in=TAAKSTATUS.get(p["status"], []))
        if "actoren__naam" in p:
            naam = p["actoren__naam"]
            verzoeken = verzoeken.annotate(
                _mdw=Concat("medewerker__first_name", Value(" "), "medewerker__last_name")
            ).filter(
                Q(afdeling__naam__iexact=naam) | Q(_mdw__iexact=naam) | Q(medewerker__username=naam)
            )
        if "nummer" in p:
            verzoeken = (
                verzoeken.filter(pk=int(p["nummer"])) if p["nummer"].isdigit() else verzoeken.none()
            )
        aantal, pagina, grootte, rijen = self.pagina_uit(
            [
                (
                    verzoeken.order_by("-aangemaakt_op", "-id").values(*VERZOEK_ADRESVELDEN),
                    lambda v: v,
                )
            ]
        )
        self.klanten_audit(
            rijen,
            _("Interne taken opgevraagd via de Klantinteracties API"),
            "klanten.Contactverzoek",
            "klant__",
        )
        return self.gepagineerd(
            aantal, pagina, [vormen.internetaak_body(v) for v in rijen], grootte
        )


class InterneTaakDetail(KlantinteractiesView):
    def get(self, request, uuid):
        verzoek = _detail(self.verzoeken().filter(uuid=uuid).values(*VERZOEK_ADRESVELDEN))
        self.klanten_audit(
            [verzoek],
            _("Interne taak opgevraagd via de Klantinteracties API"),
            "klanten.Contactverzoek",
            "klant__",
        )
        return self.met_etag(vormen.internetaak_body(verzoek))


# --- onderwerpobjecten ---------------------------------------------------------------------------


class OnderwerpobjectLijst(KlantinteractiesView):
    """Two kinds, each from the contacts: the case a contact was about, then
    the earlier contact a call back was about."""

    parameters = _parameters(
        {f"onderwerpobjectidentificator{deel}" for deel in _ONDERWERP},
        {
            "klantcontact__uuid",
            "klantcontact__url",
            "wasKlantcontact__uuid",
            "wasKlantcontact__url",
        },
    )

    def get(self, request):
        p = request.query_params
        zaken = self.contacten().filter(zaak__isnull=False)
        terugbellen = self.contacten().filter(pk__in=_TERUGBELLEN)
        contact = self.verwijzing_filter("klantcontact", "klantcontacten", "uuid")
        if contact is not None:
            zaken, terugbellen = zaken.filter(contact), terugbellen.filter(contact)
        zaak = _zaak_object_filter(p, "onderwerpobjectidentificator")
        eerder = _contact_object_filter(p, "onderwerpobjectidentificator")
        if zaak is not None:
            zaken = zaken.filter(zaak)
        if eerder is not None:
            terugbellen = terugbellen.filter(eerder)
        was = self.verwijzing_filter(
            "wasKlantcontact", "klantcontacten", "beantwoorde_contactverzoeken__klantcontact__uuid"
        )
        if was is not None:
            zaken, terugbellen = zaken.none(), terugbellen.filter(was)
        aantal, pagina, grootte, rijen = self.pagina_uit(
            [
                (
                    bron.order_by("-gestart_op", "-id").values(*vormen.CONTACTVELDEN),
                    maak,
                )
                for bron, maak in (
                    (zaken, vormen.onderwerpobject_body),
                    (terugbellen, vormen.terugbelobject_body),
                )
            ]
        )
        return self.gepagineerd(aantal, pagina, rijen, grootte)


class OnderwerpobjectDetail(KlantinteractiesView):
    def get(self, request, uuid):
        velden = vormen.CONTACTVELDEN
        zaak = (
            self.contacten()
            .filter(uuid=vormen.gemaskeerd(uuid, ONDERWERPOBJECT), zaak__isnull=False)
            .values(*velden)
            .first()
        )
        if zaak is not None:
            return self.met_etag(vormen.onderwerpobject_body(zaak))
        terugbellen = self.contacten().filter(
            uuid=vormen.gemaskeerd(uuid, TERUGBELOBJECT), pk__in=_TERUGBELLEN
        )
        return self.met_etag(vormen.terugbelobject_body(_detail(terugbellen.values(*velden))))


# --- actoren: staff and afdelingen ---------------------------------------------------------------

AFDELINGVELDEN = ["uuid", "code", "naam", "email", "actief"]
_ACTORCODES = {
    # (objecttype, register, soort object-id) each soort of actor answers to
    "medewerker": ({"mdw"}, {"obj", "handmatig"}, {"idf", "email"}),
    "organisatorische_eenheid": ({"afd", "grp"}, {"obj"}, {"idf"}),
}


def medewerkers():
    """Staff: users who log in with a password, not through DigiD or eHerkenning."""
    return User.objects.filter(bsn__isnull=True, kvk_nummer__isnull=True)


class ActorLijst(KlantinteractiesView):
    parameters = _parameters(
        {
            "actoridentificatorCodeObjecttype",
            "actoridentificatorCodeRegister",
            "actoridentificatorCodeSoortObjectId",
            "actoridentificatorObjectId",
            "indicatieActief",
            "naam",
            "soortActor",
        }
    )

    def get(self, request):
        p = request.query_params
        actief = self.waar("indicatieActief")
        bronnen = []
        for soort, (objecttypen, registers, soorten_id) in _ACTORCODES.items():
            if p.get("soortActor", soort) != soort:
                continue
            if any(
                naam in p and p[naam] not in toegestaan
                for naam, toegestaan in (
                    ("actoridentificatorCodeObjecttype", objecttypen),
                    ("actoridentificatorCodeRegister", registers),
                    ("actoridentificatorCodeSoortObjectId", soorten_id),
                )
            ):
                continue
            object_id = p.get("actoridentificatorObjectId")
            naam = p.get("naam")
            if soort == "medewerker":
                query = medewerkers().annotate(_naam=Concat("first_name", Value(" "), "last_name"))
                if object_id is not None:
                    query = query.filter(Q(email__iexact=object_id) | Q(username=object_id))
                if naam is not None:
                    query = query.filter(Q(_naam__iexact=naam) | Q(username=naam))
                if actief is not None:
                    query = query.filter(is_active=actief)
                bronnen.append(
                    (query.order_by("id").values(*vormen.MEDEWERKERVELDEN), vormen.medewerker_actor)
                )
            else:
                query = Afdeling.objects.all()
                if object_id is not None:
                    query = query.filter(code=object_id)
                if naam is not None:
                    query = query.filter(naam__iexact=naam)
                if actief is not None:
                    query = query.filter(actief=actief)
                bronnen.append(
                    (query.order_by("id").values(*AFDELINGVELDEN), vormen.afdeling_actor)
                )
        aantal, pagina, grootte, bodies = self.pagina_uit(bronnen)
        return self.gepagineerd(aantal, pagina, bodies, grootte)


class ActorDetail(KlantinteractiesView):
    def get(self, request, uuid):
        medewerker = medewerkers().filter(uuid=uuid).values(*vormen.MEDEWERKERVELDEN).first()
        if medewerker is not None:
            return self.met_etag(vormen.medewerker_actor(medewerker))
        afdeling = _detail(Afdeling.objects.filter(uuid=uuid).values(*AFDELINGVELDEN))
        return self.met_etag(vormen.afdeling_actor(afdeling))
