"""Reading customers. Every read for a staff screen is written to the audit log."""

from __future__ import annotations

import re

from django.db.models import Q
from django.http import Http404, HttpRequest

from kcc.audit import Actie, audit_log
from kcc.identifiers import is_valid_bsn, normalise_bsn
from kcc.models import User
from klanten.models import Klant

_POSTCODE = re.compile(
    r"^(?P<cijfers>\d{4})\s?(?P<letters>[A-Za-z]{2})(?:\s+(?P<huisnummer>\S+))?$"
)


def klant_van_gebruiker(*, user: User) -> Klant | None:
    """The customer record of a logged-in citizen or business (portal)."""
    if user.bsn:
        return Klant.objects.filter(bsn=user.bsn).first()
    if user.kvk_nummer:
        return Klant.objects.filter(kvk_nummer=user.kvk_nummer).order_by("vestigingsnummer").first()
    return None


def klanten_zoeken(
    *, zoekterm: str, user: User, request: HttpRequest | None = None, limit: int = 25
) -> list[Klant]:
    """Find customers by BSN, KVK number, postcode (+ house number) or name.

    The search itself is logged: the results list shows names and birth dates.
    """
    term = zoekterm.strip()
    if not term:
        return []
    compact = normalise_bsn(term)
    if is_valid_bsn(compact):
        filters = Q(bsn=compact)
    elif len(compact) == 8 and compact.isdigit():
        filters = Q(kvk_nummer=compact)
    elif postcode := _POSTCODE.match(term):
        filters = Q(postcode=(postcode["cijfers"] + postcode["letters"]).upper())
        if postcode["huisnummer"]:
            filters &= Q(huisnummer__iexact=postcode["huisnummer"])
    else:
        filters = Q()
        for word in term.split():
            filters &= (
                Q(geslachtsnaam__icontains=word)
                | Q(voornamen__icontains=word)
                | Q(organisatienaam__icontains=word)
            )
    results = list(Klant.objects.filter(filters)[:limit])
    audit_log(
        user=user,
        actie=Actie.ZOEKEN,
        object_type="klanten.Klant",
        omschrijving=f"Klanten gezocht; {len(results)} resultaten getoond",
        reden="Klant identificeren in de KCC-werkplek",
        request=request,
    )
    return results


def klant_inzien(
    *, klant_uuid, user: User, reden: str, request: HttpRequest | None = None
) -> Klant:
    """One customer for a staff screen; the read is logged before it is shown."""
    try:
        klant = Klant.objects.get(uuid=klant_uuid)
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
