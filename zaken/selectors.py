"""Reading cases: work queues and the case page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from kcc.audit import Actie, audit_log
from kcc.models import User
from zaken.models import OPEN_STATUSSEN, Zaak
from zaken.services import mag_behandelen, overziet_alle_afdelingen

PAGINA = 50


@dataclass(frozen=True)
class Werkvoorraad:
    zaken: list[Zaak]
    heeft_volgende: bool
    pagina: int


def werkvoorraad(
    *,
    user: User,
    afdeling_id: int | None = None,
    alleen_mijn: bool = False,
    status: str | None = None,
    product_id: int | None = None,
    termijn: str | None = None,
    pagina: int = 1,
) -> Werkvoorraad:
    """Open cases the user may work, most urgent first.

    No total count: counting a million rows for a page number costs more than
    the page itself. The queue is served by the (afdeling, status, streefdatum)
    and (behandelaar, status, streefdatum) indexes.
    """
    zaken: QuerySet[Zaak] = Zaak.objects.filter(status__in=OPEN_STATUSSEN)
    if alleen_mijn:
        zaken = zaken.filter(behandelaar=user)
    elif not overziet_alle_afdelingen(user):
        zaken = zaken.filter(afdeling__in=user.afdelingen.values("pk"))
    if afdeling_id:
        zaken = zaken.filter(afdeling_id=afdeling_id)
    if status in OPEN_STATUSSEN:
        zaken = zaken.filter(status=status)
    if product_id:
        zaken = zaken.filter(product_id=product_id)
    vandaag = timezone.localdate()
    if termijn == "te_laat":
        zaken = zaken.filter(Q(streefdatum__lt=vandaag) | Q(uiterste_datum__lt=vandaag))
    elif termijn == "deze_week":
        zaken = zaken.filter(streefdatum__gte=vandaag, streefdatum__lte=vandaag + timedelta(days=7))
    pagina = max(pagina, 1)
    start = (pagina - 1) * PAGINA
    rijen = list(
        zaken.select_related("klant", "product", "behandelaar", "afdeling").order_by(
            "streefdatum", "geregistreerd_op", "id"
        )[start : start + PAGINA + 1]
    )
    if rijen:
        # The queue shows customers' names: one audit line per page read.
        audit_log(
            user=user,
            actie=Actie.ZOEKEN,
            object_type="zaken.Zaak",
            omschrijving=f"Werkvoorraad bekeken: {len(rijen[:PAGINA])} zaken, pagina {pagina}",
            reden="Zaken verdelen en behandelen",
        )
    return Werkvoorraad(zaken=rijen[:PAGINA], heeft_volgende=len(rijen) > PAGINA, pagina=pagina)


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
        .prefetch_related("historie__door", "notities__auteur", "deelzaken__afdeling")
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


def zaken_van_klant(*, klant) -> list[Zaak]:
    return list(
        Zaak.objects.filter(klant=klant, hoofdzaak__isnull=True)
        .select_related("product")
        .order_by("-geregistreerd_op")
    )


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
    return acties
