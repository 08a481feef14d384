"""Reading cases: work queues and the case page."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import F, Q, QuerySet
from django.db.models.fields.tuple_lookups import TupleGreaterThan, TupleLessThan
from django.http import Http404, HttpRequest
from django.utils import timezone

from kcc.audit import Actie, audit_log
from kcc.models import User
from klanten.services import is_klant_zelf
from zaken.models import OPEN_STATUSSEN, StatusWijziging, Zaak, ZaakDocument, ZaakStatus
from zaken.services import mag_behandelen, overziet_alle_afdelingen

PAGINA = 50


@dataclass(frozen=True)
class Werkvoorraad:
    zaken: list[Zaak]
    # Cursors for the next and previous page (None: there is none).
    volgende: str | None
    vorige: str | None


def _cursor(zaak: Zaak) -> str:
    return f"{zaak.termijndatum.isoformat()}.{zaak.pk}"


def _lees_cursor(cursor: str | None) -> tuple[date, int] | None:
    """A cursor from a URL; anything malformed is the first page."""
    if not cursor:
        return None
    datum, _punt, pk = cursor.partition(".")
    try:
        return date.fromisoformat(datum), int(pk)
    except ValueError:
        return None


def werkvoorraad(
    *,
    user: User,
    afdeling_id: int | None = None,
    alleen_mijn: bool = False,
    status: str | None = None,
    product_id: int | None = None,
    termijn: str | None = None,
    na: str | None = None,
    voor: str | None = None,
) -> Werkvoorraad:
    """Open cases the user may work, most urgent first, a page at a time.

    Pages by keyset on (termijndatum, id) after ``na`` or before ``voor``:
    every page, however deep, is an index range scan of PAGINA rows on the
    partial indexes of zaken.models.Zaak. No total count: counting a million
    rows costs more than the page itself.
    """
    zaken: QuerySet[Zaak] = Zaak.objects.filter(status__in=OPEN_STATUSSEN)
    if alleen_mijn:
        zaken = zaken.filter(behandelaar=user)
    elif not overziet_alle_afdelingen(user):
        zaken = zaken.filter(afdeling__in=list(user.afdelingen.values_list("pk", flat=True)))
    if afdeling_id:
        zaken = zaken.filter(afdeling_id=afdeling_id)
    if status in OPEN_STATUSSEN:
        zaken = zaken.filter(status=status)
    if product_id:
        zaken = zaken.filter(product_id=product_id)
    vandaag = timezone.localdate()
    if termijn == "te_laat":
        zaken = zaken.filter(termijndatum__lt=vandaag)
    elif termijn == "deze_week":
        zaken = zaken.filter(termijndatum__range=(vandaag, vandaag + timedelta(days=7)))
    elif termijn == "niet_opgepakt":
        zaken = zaken.filter(status=ZaakStatus.ONTVANGEN, oppakken_uiterlijk__lt=vandaag)
    sleutel = (F("termijndatum"), F("id"))
    achteruit = _lees_cursor(voor)
    vooruit = None if achteruit else _lees_cursor(na)
    if achteruit:
        zaken = zaken.filter(TupleLessThan(sleutel, achteruit)).order_by("-termijndatum", "-id")
    else:
        if vooruit:
            zaken = zaken.filter(TupleGreaterThan(sleutel, vooruit))
        zaken = zaken.order_by("termijndatum", "id")
    rijen = list(zaken.select_related("klant", "product", "behandelaar", "afdeling")[: PAGINA + 1])
    meer = len(rijen) > PAGINA
    rijen = rijen[:PAGINA]
    if achteruit:
        rijen.reverse()
        volgende = _cursor(rijen[-1]) if rijen else None
        vorige = _cursor(rijen[0]) if rijen and meer else None
    else:
        volgende = _cursor(rijen[-1]) if rijen and meer else None
        vorige = _cursor(rijen[0]) if rijen and vooruit else None
    if rijen:
        # The queue shows customers' names: one audit line per page read.
        audit_log(
            user=user,
            actie=Actie.ZOEKEN,
            object_type="zaken.Zaak",
            omschrijving=f"Werkvoorraad bekeken: {len(rijen)} zaken",
            reden="Zaken verdelen en behandelen",
        )
    return Werkvoorraad(zaken=rijen, volgende=volgende, vorige=vorige)


def collegas_voor_zaak(*, zaak: Zaak) -> QuerySet[User]:
    """Who a case can be assigned to: active behandelaars of its afdeling."""
    if zaak.afdeling_id is None:
        return User.objects.none()
    return User.objects.filter(
        afdelingen=zaak.afdeling_id,
        is_active=True,
        groups__permissions__codename="zaken_behandelen",
    ).distinct()


def zaak_voor_medewerker(*, zaak_uuid, user: User, request: HttpRequest | None = None) -> Zaak:
    """One case with what its page shows; the read is in the audit log."""
    zaak = (
        Zaak.objects.select_related(
            "klant", "product", "productversie", "afdeling", "behandelaar", "hoofdzaak"
        )
        .prefetch_related("historie__door", "notities__auteur", "deelzaken__afdeling", "documenten")
        .filter(uuid=zaak_uuid)
        .first()
    )
    if zaak is None or not (mag_behandelen(user, zaak) or user.has_perm("kcc.klantbeeld_inzien")):
        raise Http404
    audit_log(
        user=user,
        actie=Actie.INZIEN,
        obj=zaak,
        betrokkene=zaak.klant.identificatie,
        omschrijving=f"Zaak {zaak.nummer} geopend",
        reden="Zaak behandelen of klant informeren",
        request=request,
    )
    return zaak


@dataclass(frozen=True)
class KlantZaken:
    """A customer's cases as the klantbeeld shows them: every open one, the
    latest closed ones, and whether there are older closed ones."""

    open: list[Zaak]
    afgesloten: list[Zaak]
    ouder: bool  # there are older closed cases than these


def beschikbare_acties(*, zaak: Zaak, user: User) -> set[str]:
    """The actions the case page offers this user now (services check again)."""
    from django_fsm import can_proceed

    acties = set()
    behandelt = mag_behandelen(user, zaak)
    if behandelt:
        for actie, methode in [
            ("in_behandeling", zaak.in_behandeling_nemen),
            ("wacht_op_klant", zaak.wachten_op_klant),
            ("hervatten", zaak.hervatten),
            ("afhandelen", zaak.afhandelen),
            ("afwijzen", zaak.afwijzen),
        ]:
            if can_proceed(methode):
                acties.add(actie)
        if zaak.is_open and zaak.productversie.inhoud.get("statusstappen"):
            acties.add("statusstap")
        if zaak.is_open and zaak.uiterste_datum and not zaak.verlengd:
            acties.add("verlengen")
    if user.has_perm("kcc.zaken_toewijzen") and can_proceed(zaak.heropenen):
        acties.add("heropenen")
    if user.has_perm("kcc.zaken_toewijzen") or (behandelt and zaak.behandelaar_id is None):
        acties.add("toewijzen")
    if user.has_perm("kcc.klantbeeld_inzien") and can_proceed(zaak.intrekken):
        acties.add("intrekken")
    if zaak.is_open and (behandelt or user.has_perm("kcc.klantbeeld_inzien")):
        acties.update({"overdragen", "document"})
    return acties


def document_openen(*, document_uuid, user: User, request: HttpRequest | None = None):
    """A case document for someone who may see its case (staff: logged;
    the customer: only their own). Anyone else gets a 404, not a 403, so
    the existence of someone else's document does not leak."""
    document = ZaakDocument.objects.select_related("zaak__klant").filter(uuid=document_uuid).first()
    if document is None:
        raise Http404
    zaak = document.zaak
    if is_klant_zelf(user, zaak.klant):
        return document
    if not user.is_medewerker or not (
        mag_behandelen(user, zaak) or user.has_perm("kcc.klantbeeld_inzien")
    ):
        raise Http404
    audit_log(
        user=user,
        actie=Actie.INZIEN,
        obj=zaak,
        betrokkene=zaak.klant.identificatie,
        omschrijving=f"Document '{document.naam}' van zaak {zaak.nummer} geopend",
        reden="Zaak behandelen of klant informeren",
        request=request,
    )
    return document


def eerdere_antwoorden(*, klant, aantal: int = 20) -> dict:
    """What the customer answered before, newest first wins: a new form
    starts from it, so nobody is asked the same thing twice. Only with the
    customer's consent to reuse their answers; without it, nothing."""
    from klanten.models import Toestemming
    from klanten.selectors import heeft_toestemming

    if not heeft_toestemming(klant, Toestemming.Soort.GEGEVENS_HERGEBRUIKEN):
        return {}
    antwoorden: dict = {}
    for eerder in (
        Zaak.objects.filter(klant=klant)
        .order_by("-geregistreerd_op")
        .values_list("antwoorden", flat=True)[:aantal]
    ):
        for sleutel, waarde in (eerder or {}).items():
            antwoorden.setdefault(sleutel, waarde)
    return antwoorden


# --- The customer's own cases (portal) -------------------------------------------


def eigen_zaken(*, klant) -> list[Zaak]:
    """A customer's requests, open ones first (nearest deadline first), then
    the closed ones, the most recently closed first; the parts of a compound
    request are shown with their main case, not on their own."""
    zaken = list(
        Zaak.objects.filter(klant=klant, hoofdzaak__isnull=True)
        .select_related("product")
        .order_by("-geregistreerd_op", "-id")
    )
    open_ = sorted((z for z in zaken if z.is_open), key=lambda z: z.termijndatum)
    dicht = sorted(
        (z for z in zaken if not z.is_open),
        key=lambda z: z.afgesloten_op or z.geregistreerd_op,
        reverse=True,
    )
    return open_ + dicht


def eigen_zaak(*, klant, zaak_uuid) -> Zaak:
    """One of the customer's own cases; anyone else's is a 404, exactly like a
    case that does not exist."""
    zaak = (
        Zaak.objects.filter(klant=klant, uuid=zaak_uuid)
        .select_related("product", "productversie", "hoofdzaak")
        .prefetch_related("documenten")
        .first()
    )
    if klant is None or zaak is None:
        raise Http404
    return zaak


def contacten_over_zaak(*, zaak: Zaak, aantal: int = 100) -> list:
    """The contact moments about a case, oldest first: the one it was
    started from (a call, a chat, a visit) and every question about it
    since, each with the contactverzoeken it led to."""
    from klanten.models import Klantcontact

    return list(
        Klantcontact.objects.filter(zaak=zaak)
        .select_related("medewerker", "product")
        .prefetch_related("contactverzoeken__afdeling", "contactverzoeken__medewerker")
        .order_by("gestart_op", "id")[:aantal]
    )


def burgertijdlijn(*, zaak: Zaak) -> list:
    """The status history as the customer reads it: only the steps with a
    text for them, oldest first, of the case and its parts."""
    return list(
        StatusWijziging.objects.filter(zaak__in=[zaak, *zaak.deelzaken.all()])
        .exclude(burgertekst="")
        .select_related("zaak__product")
        .order_by("tijdstip", "id")
    )


def openstaande_vraag(*, zaak: Zaak) -> str:
    """What the municipality asked the customer while the case waits for them."""
    if zaak.status != ZaakStatus.WACHT_OP_KLANT:
        return ""
    laatste = zaak.historie.filter(naar=ZaakStatus.WACHT_OP_KLANT).order_by("-tijdstip", "-id")
    return laatste.values_list("reden", flat=True).first() or ""


def normrealisatie_zaken(*, van: date, tot: date, product_filter: Q | None = None) -> list[dict]:
    """Per product: of the requests closed in [van, tot), how many were done
    within the service norm and within the legal term (published
    performance, and the dashboard's per-product table). ``product_filter``
    narrows to some products (a Q on ``product__...``, e.g. a product group).
    Finished days come from the daily sums (zaken.normrealisatie)."""
    from producten.models import Product
    from zaken import normrealisatie

    sommen = normrealisatie.per_product(van=van, tot=tot, product_filter=product_filter)
    producten = Product.objects.filter(pk__in=sommen).select_related("afdeling")
    regels = []
    for product in sorted(producten, key=lambda p: p.naam):
        r = sommen[product.pk]
        regels.append(
            {
                "product": product.naam,
                "code": product.code,
                "afdeling": product.afdeling.naam if product.afdeling else "",
                **r,
                "norm_pct": _pct(r["binnen_norm"], r["met_norm"]),
                "termijn_pct": _pct(r["binnen_termijn"], r["met_termijn"]),
            }
        )
    return regels


def _pct(deel: int, geheel: int) -> float | None:
    return round(100 * deel / geheel, 1) if geheel else None


# --- One case over the API ---------------------------------------------------


@dataclass(frozen=True)
class Reikwijdte:
    """Which cases a user may read over the API: their own as a customer (by
    BSN and/or KVK number), those of some afdelingen, or all."""

    bsn: str = ""
    kvk_nummer: str = ""
    afdelingen: tuple[int, ...] = ()
    alle: bool = False
    medewerker: bool = False


def reikwijdte(user) -> Reikwijdte:
    if not user.is_authenticated:
        return Reikwijdte()
    if user.is_klant:
        # A customer's own cases; one who is also staff reads them as staff
        # (the whole history) and is audited as such.
        return Reikwijdte(
            bsn=user.bsn or "", kvk_nummer=user.kvk_nummer or "", medewerker=user.is_medewerker
        )
    if user.has_perm("kcc.klantbeeld_inzien") or user.heeft_rol("teamleider"):
        return Reikwijdte(alle=True, medewerker=True)
    if user.has_perm("kcc.zaken_behandelen"):
        return Reikwijdte(
            afdelingen=tuple(user.afdelingen.values_list("pk", flat=True)), medewerker=True
        )
    return Reikwijdte(medewerker=True)


def reikwijdte_filter(bereik: Reikwijdte) -> Q:
    """The cases of ``bereik`` as a filter on Zaak."""
    if bereik.alle:
        return Q()
    eigen = Q(pk__in=[])
    if bereik.bsn:
        eigen |= Q(klant__bsn=bereik.bsn)
    if bereik.kvk_nummer:
        eigen |= Q(klant__kvk_nummer=bereik.kvk_nummer)
    if bereik.afdelingen:
        eigen |= Q(afdeling__in=bereik.afdelingen)
    return eigen


# One round trip, written out: reading one case is what citizens (and the
# apps that follow cases for them) do most, and the ORM spent more time
# building the four queries it took (case, history, documents, with their
# prefetch bookkeeping) than PostgreSQL spent answering them. A customer only
# gets the history rows with a text meant for them, and of those only what is
# meant for them (no reason, no employee): it never leaves the database.
_ZAAK_DETAIL_SQL = """
SELECT z.id, z.uuid, z.nummer, p.naam, z.status, z.statusstap, z.kanaal,
       z.geregistreerd_op, z.streefdatum, z.uiterste_datum, z.resultaat, z.toelichting,
       k.bsn, k.kvk_nummer,
       (SELECT coalesce(json_agg(CASE WHEN %(medewerker)s THEN json_build_object(
                   'tijdstip', h.tijdstip, 'van', h.van, 'naar', h.naar,
                   'statusstap', h.statusstap, 'reden', h.reden,
                   'burgertekst', h.burgertekst, 'door', u.username
               ) ELSE json_build_object(
                   'tijdstip', h.tijdstip, 'naar', h.naar,
                   'statusstap', h.statusstap, 'burgertekst', h.burgertekst
               ) END ORDER BY h.tijdstip, h.id), '[]'::json)
          FROM zaken_statuswijziging h LEFT JOIN kcc_user u ON u.id = h.door_id
         WHERE h.zaak_id = z.id AND (%(medewerker)s OR h.burgertekst <> '')),
       (SELECT coalesce(json_agg(json_build_object(
                   'uuid', d.uuid, 'naam', d.naam, 'bestandsnaam', d.bestandsnaam,
                   'bestandstype', d.bestandstype, 'grootte', d.grootte,
                   'door_klant', d.door_klant, 'toegevoegd_op', d.toegevoegd_op
               ) ORDER BY d.toegevoegd_op, d.id), '[]'::json)
          FROM zaken_zaakdocument d WHERE d.zaak_id = z.id)
  FROM zaken_zaak z
  JOIN producten_product p ON p.id = z.product_id
  JOIN klanten_klant k ON k.id = z.klant_id
 WHERE z.uuid = %(uuid)s AND ({bereik})
"""

_KOLOMMEN = [
    "id",
    "uuid",
    "nummer",
    "product",
    "status",
    "statusstap",
    "kanaal",
    "geregistreerd_op",
    "streefdatum",
    "uiterste_datum",
    "resultaat",
    "toelichting",
    "klant_bsn",
    "klant_kvk_nummer",
    "historie",
    "documenten",
]


def zaak_detail(*, uuid, bereik: Reikwijdte) -> dict | None:
    """One case of ``bereik`` with its history and documents, as plain values
    (the history's and documents' times as ISO text); None when the case does
    not exist or is not the user's to read."""
    from django.db import connection

    params = {"uuid": str(uuid), "medewerker": bereik.medewerker}
    if bereik.alle:
        voorwaarde = "TRUE"
    else:
        delen = []
        if bereik.bsn:
            delen.append("k.bsn = %(bsn)s")
            params["bsn"] = bereik.bsn
        if bereik.kvk_nummer:
            delen.append("k.kvk_nummer = %(kvk)s")
            params["kvk"] = bereik.kvk_nummer
        if bereik.afdelingen:
            delen.append("z.afdeling_id = ANY(%(afdelingen)s)")
            params["afdelingen"] = list(bereik.afdelingen)
        voorwaarde = " OR ".join(delen) or "FALSE"
    with connection.cursor() as cursor:
        # The condition is one of the fixed texts above; values are parameters.
        cursor.execute(_ZAAK_DETAIL_SQL.format(bereik=voorwaarde), params)
        rij = cursor.fetchone()
    if rij is None:
        return None
    zaak = dict(zip(_KOLOMMEN, rij, strict=True))
    for veld in ("historie", "documenten"):
        if isinstance(zaak[veld], str):
            zaak[veld] = json.loads(zaak[veld])
    return zaak
