"""Reading customers. Every read for a staff screen is written to the audit log."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncDate
from django.http import Http404, HttpRequest
from django.utils import timezone

from kcc.audit import Actie, audit_log
from kcc.identifiers import is_valid_bsn, normalise_bsn
from kcc.models import User
from kcc.telefoon import normaliseer_telefoon
from klanten.models import Contactverzoek, ContactverzoekStatus, Klant, Klantcontact

_POSTCODE = re.compile(
    r"^(?P<cijfers>\d{4})\s?(?P<letters>[A-Za-z]{2})(?:\s+(?P<huisnummer>\S+))?$"
)
_DATUM = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$|^(\d{4})-(\d{2})-(\d{2})$")
_TELEFOON = re.compile(r"^\+?[\d\s()-]{10,16}$")


@dataclass(frozen=True)
class Zoekopdracht:
    """What a search term was read as: shown to the agent ("gezocht op ...")."""

    soort: str
    filters: Q
    namen: list[str]
    # What the typo-tolerant fallback must still match exactly (a birth date).
    vast: Q = field(default_factory=Q)


def _datum(tekst: str) -> date | None:
    match = _DATUM.match(tekst)
    if not match:
        return None
    try:
        if match[3]:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date(int(match[4]), int(match[5]), int(match[6]))
    except ValueError:
        return None


def zoekopdracht(zoekterm: str) -> Zoekopdracht | None:
    """Read a search term as a BSN, KVK number, phone number, e-mail address,
    postcode (+ house number) or name (+ birth date)."""
    term = zoekterm.strip()
    if not term:
        return None
    digits = "".join(ch for ch in term if ch not in " .-")
    if len(digits) == 8 and digits.isdigit():
        # Eight digits: a KVK number, or a BSN typed without its leading zero.
        filters = Q(kvk_nummer=digits)
        if is_valid_bsn(normalise_bsn(digits)):
            filters |= Q(bsn=normalise_bsn(digits))
        return Zoekopdracht("kvk", filters, [])
    if len(digits) == 9 and digits.isdigit():
        return Zoekopdracht("bsn", Q(bsn=digits) if is_valid_bsn(digits) else Q(pk__in=[]), [])
    if "@" in term and " " not in term:
        return Zoekopdracht("email", Q(email=term.lower()), [])
    if _TELEFOON.match(term):
        try:
            return Zoekopdracht("telefoon", Q(telefoon=normaliseer_telefoon(term)), [])
        except ValidationError:
            pass
    if postcode := _POSTCODE.match(term):
        filters = Q(postcode=(postcode["cijfers"] + postcode["letters"]).upper())
        if postcode["huisnummer"]:
            filters &= Q(huisnummer__iexact=postcode["huisnummer"])
        # Finding someone by address would reveal a shielded address.
        return Zoekopdracht("adres", filters & Q(geheimhouding=False), [])
    filters = Q()
    vast = Q()
    namen = []
    soort = "naam"
    for woord in term.replace(",", " ").split():
        if (geboren := _datum(woord)) is not None:
            filters &= Q(geboortedatum=geboren)
            vast &= Q(geboortedatum=geboren)
            soort = "naam en geboortedatum"
            continue
        namen.append(woord)
        filters &= (
            Q(geslachtsnaam__icontains=woord)
            | Q(voornamen__icontains=woord)
            | Q(organisatienaam__icontains=woord)
        )
    return Zoekopdracht(soort, filters, namen, vast)


def gevonden_klanten(filters: Q, *, limit: int) -> list[Klant]:
    """The customers ``filters`` finds, each once, in the order found. A
    registration that was merged into another (a duplicate) counts as the
    customer it was merged into: every phone number, e-mail address or BSN a
    customer ever had still finds them, in search, on a call and in the inbox."""
    klanten: list[Klant] = []
    for klant in (
        Klant.objects.filter(filters).select_related("samengevoegd_in").order_by("id")[: limit * 2]
    ):
        # A chain (merged into one that was merged later) is short and rare.
        for _stap in range(10):
            if klant.samengevoegd_in_id is None:
                break
            klant = klant.samengevoegd_in or Klant.objects.get(pk=klant.samengevoegd_in_id)
        if klant.pk not in {k.pk for k in klanten}:
            klanten.append(klant)
        if len(klanten) == limit:
            break
    return klanten


def _op_gelijkenis(namen: list[str], filters: Q, limit: int) -> list[Klant]:
    """Typo tolerance (PostgreSQL): surnames that look like the longest name
    typed ("Janssen" for "Jansen", "Mulders" for "Mulder")."""
    from django.contrib.postgres.search import TrigramSimilarity

    naam = max(namen, key=len)
    return list(
        Klant.objects.filter(filters, samengevoegd_in__isnull=True)
        .filter(Q(geslachtsnaam__trigram_similar=naam) | Q(organisatienaam__trigram_similar=naam))
        .annotate(gelijkenis=TrigramSimilarity("geslachtsnaam", naam))
        .order_by("-gelijkenis", "id")[:limit]
    )


def klanten_zoeken(
    *, zoekterm: str, user: User, request: HttpRequest | None = None, limit: int = 25
) -> list[Klant]:
    """Find customers by BSN, KVK number, phone number, e-mail address,
    postcode (+ house number) or name (+ birth date), typo-tolerant on names.

    Every customer shown in the results is logged (name and birth date are
    personal data), under the customer's own number so they can see it.
    """
    opdracht = zoekopdracht(zoekterm)
    if opdracht is None:
        return []
    resultaten = gevonden_klanten(opdracht.filters, limit=limit)
    if not resultaten and opdracht.namen:
        resultaten = _op_gelijkenis(opdracht.namen, opdracht.vast, limit)
    for klant in resultaten:
        audit_log(
            user=user,
            actie=Actie.ZOEKEN,
            obj=klant,
            betrokkene=klant.identificatie,
            omschrijving="Getoond in zoekresultaten (naam, geboortedatum of KVK-nummer)",
            reden="Klant identificeren in de KCC-werkplek",
            request=request,
        )
    return resultaten


def klant_van_gebruiker(*, user: User) -> Klant | None:
    """The customer record of a logged-in citizen or business (portal); a
    merged registration leads to the one it was merged into."""
    klanten = Klant.objects.select_related("samengevoegd_in")
    if user.bsn:
        klant = klanten.filter(bsn=user.bsn).first()
    elif user.kvk_nummer:
        klant = klanten.filter(kvk_nummer=user.kvk_nummer).order_by("vestigingsnummer").first()
    else:
        klant = None
    if klant is not None and klant.samengevoegd_in_id:
        klant = klant.samengevoegd_in
    return klant


def eigen_contacten(*, klant: Klant) -> QuerySet[Klantcontact]:
    """A customer's own contacts, newest first, for Mijn omgeving (shown page by page)."""
    return (
        klant.contacten.select_related("product", "zaak", "beoordeling")
        .prefetch_related("contactverzoeken")
        .order_by("-gestart_op", "-id")
    )


def eigen_contactverzoeken(*, klant: Klant, aantal: int = 100) -> list[Contactverzoek]:
    """A customer's contactverzoeken, open ones first, for Mijn omgeving."""
    return sorted(
        klant.contactverzoeken.select_related("klantcontact__product", "beantwoord_in").order_by(
            "-aangemaakt_op", "-id"
        )[:aantal],
        key=lambda v: (not v.is_open, -v.aangemaakt_op.timestamp()),
    )


def klant_inzien(
    *, klant_uuid, user: User, reden: str, request: HttpRequest | None = None
) -> Klant:
    """One customer for a staff screen; the read is logged before it is shown."""
    try:
        klant = Klant.objects.select_related("samengevoegd_in").get(uuid=klant_uuid)
    except Klant.DoesNotExist:
        raise Http404 from None
    audit_log(
        user=user,
        actie=Actie.INZIEN,
        obj=klant,
        betrokkene=klant.identificatie,
        omschrijving="Klantbeeld geopend",
        reden=reden,
        request=request,
    )
    return klant


def mogelijke_dubbelen(*, klant: Klant, limit: int = 10) -> list[Klant]:
    """Other registrations that may be the same customer: same name and birth
    date, same e-mail address or same phone number."""
    kandidaten = Q(pk__in=[])
    if klant.geslachtsnaam and klant.geboortedatum:
        kandidaten |= Q(
            geslachtsnaam__iexact=klant.geslachtsnaam, geboortedatum=klant.geboortedatum
        )
    if klant.email:
        kandidaten |= Q(email=klant.email)
    if klant.telefoon:
        kandidaten |= Q(telefoon=klant.telefoon)
    if klant.organisatienaam:
        kandidaten |= Q(organisatienaam__iexact=klant.organisatienaam, soort=klant.soort)
    dubbelen = Klant.objects.filter(
        kandidaten, samengevoegd_in__isnull=True, soort=klant.soort
    ).exclude(pk=klant.pk)
    if klant.bsn:
        # Another BSN is another person (BSNs are unique).
        dubbelen = dubbelen.filter(bsn__isnull=True)
    return list(dubbelen.order_by("id")[:limit])


def contactverzoeken_voor(*, user: User, alle: bool = False):
    """Open contactverzoeken for this user: assigned to them, or to one of
    their afdelingen (a teamleider of the KCC sees all). ``alle`` returns the
    queryset to look one up in; otherwise the first 200, most urgent first."""
    from kcc.roles import Rol

    verzoeken = Contactverzoek.objects.filter(
        status__in=[ContactverzoekStatus.OPEN, ContactverzoekStatus.IN_BEHANDELING]
    )
    if not user.heeft_rol(Rol.TEAMLEIDER):
        verzoeken = verzoeken.filter(
            Q(medewerker=user) | Q(afdeling__in=list(user.afdelingen.values_list("pk", flat=True)))
        )
    if alle:
        return verzoeken
    return list(
        verzoeken.select_related("klant", "afdeling", "medewerker").order_by("uiterlijk_op", "id")[
            :200
        ]
    )


def normrealisatie_contactverzoeken(*, van: date, tot: date, afdeling=None) -> dict:
    """Of the contactverzoeken handled in [van, tot), how many within their
    deadline (published performance, and the dashboard's KPI)."""
    tz = timezone.get_current_timezone()
    verzoeken = Contactverzoek.objects.filter(
        status=ContactverzoekStatus.AFGEHANDELD,
        afgehandeld_op__gte=datetime.combine(van, time.min, tzinfo=tz),
        afgehandeld_op__lt=datetime.combine(tot, time.min, tzinfo=tz),
    )
    if afdeling is not None:
        verzoeken = verzoeken.filter(afdeling=afdeling)
    r = verzoeken.annotate(klaar_op=TruncDate("afgehandeld_op", tzinfo=tz)).aggregate(
        aantal=Count("id"), op_tijd=Count("id", filter=Q(uiterlijk_op__gte=F("klaar_op")))
    )
    pct = round(100 * r["op_tijd"] / r["aantal"], 1) if r["aantal"] else None
    return {"aantal": r["aantal"], "op_tijd": r["op_tijd"], "op_tijd_pct": pct}


def heeft_toestemming(klant: Klant, soort: str) -> bool:
    """Whether the customer gave this consent and has not withdrawn it. Ask it
    where the personal data is used, every time: a consent can be withdrawn
    between two uses (the uses are listed at ``Toestemming.Soort``)."""
    return klant.toestemmingen.filter(soort=soort, ingetrokken_op__isnull=True).exists()
