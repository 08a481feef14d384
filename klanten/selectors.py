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

    Every customer shown in the results is logged (name and birth date are
    personal data), under the customer's own number so they can see it.
    """
    term = zoekterm.strip()
    if not term:
        return []
    digits = "".join(ch for ch in term if ch not in " .-")
    if len(digits) == 8 and digits.isdigit():
        # Eight digits: a KVK number, or a BSN typed without its leading zero.
        filters = Q(kvk_nummer=digits)
        if is_valid_bsn(normalise_bsn(digits)):
            filters |= Q(bsn=normalise_bsn(digits))
    elif is_valid_bsn(digits):
        filters = Q(bsn=digits)
    elif postcode := _POSTCODE.match(term):
        filters = Q(postcode=(postcode["cijfers"] + postcode["letters"]).upper())
        if postcode["huisnummer"]:
            filters &= Q(huisnummer__iexact=postcode["huisnummer"])
        # Finding someone by address would reveal a shielded address.
        filters &= Q(geheimhouding=False)
    else:
        filters = Q()
        for word in term.split():
            filters &= (
                Q(geslachtsnaam__icontains=word)
                | Q(voornamen__icontains=word)
                | Q(organisatienaam__icontains=word)
            )
    results = list(Klant.objects.filter(filters)[:limit])
    for klant in results:
        audit_log(
            user=user,
            actie=Actie.ZOEKEN,
            obj=klant,
            betrokkene=klant.identificatie,
            omschrijving="Getoond in zoekresultaten (naam, geboortedatum of KVK-nummer)",
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
