"""Appointments at the counter (balie).

A product's rooster (weekday, hours, slot length, desks) makes the slots;
booking, moving and cancelling lock the product's rooster rows, so two
customers never get the last place of a slot. The customer gets a
confirmation and, the day before, a reminder through the outbox.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kanalen.berichten import services as bericht_services
from kanalen.models import (
    Afspraak,
    Afspraakrooster,
    Bericht,
)
from kcc import formaat, kalender
from kcc.fsm import vergrendeld
from kcc.links import publieke_url
from kcc.models import User
from klanten import services as klant_services
from klanten.models import Klant, Toestemming
from klanten.selectors import heeft_toestemming
from producten.models import Product
from producten.selectors import DOELGROEP_VELD, producten_aangeboden
from zaken import services as zaak_services

HERINNEREN_VANAF, HERINNEREN_TOT = 9, 21  # local hours
CODETEKENS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class BalieConflict(Exception):
    """Called or finished by someone else, or the desk is still busy."""


@dataclass(frozen=True)
class Tijdslot:
    begin: datetime
    eind: datetime
    vrij: int


def afspraakproducten(*, doelgroep: str | None = None):
    """Products a customer (of ``doelgroep``) can book an appointment for."""
    producten = producten_aangeboden().filter(pk__in=Afspraakrooster.objects.values("product_id"))
    if doelgroep:
        producten = producten.filter(**{DOELGROEP_VELD[doelgroep]: True})
    return producten.order_by("naam")


def _slots_van_dag(roosters, dag: date) -> dict[datetime, tuple[datetime, int]]:
    """Begin -> (end, places) of one day's slots from the roosters."""
    tz = timezone.get_current_timezone()
    slots: dict[datetime, tuple[datetime, int]] = {}
    for rooster in roosters:
        if rooster.weekdag != dag.weekday():
            continue
        duur = timedelta(minutes=rooster.slotduur_minuten)
        begin = datetime.combine(dag, rooster.van, tzinfo=tz)
        einde = datetime.combine(dag, rooster.tot, tzinfo=tz)
        while begin + duur <= einde:
            eind, plaatsen = slots.get(begin, (begin + duur, 0))
            slots[begin] = (eind, plaatsen + rooster.balies)
            begin += duur
    return slots


def vrije_tijden(
    *, product: Product, van: date, tot: date, behalve: Afspraak | None = None
) -> list[Tijdslot]:
    """The slots between two dates (inclusive) with their free places; days
    the town hall is closed and moments already past have none. ``behalve``
    leaves one appointment out of the count (the one being moved)."""
    roosters = list(product.afspraakroosters.all())
    if not roosters:
        return []
    gesloten = kalender.sluitingsdagen()
    nu = timezone.now()
    dagen = [
        van + timedelta(days=i)
        for i in range((tot - van).days + 1)
        if kalender.is_werkdag(van + timedelta(days=i), gesloten=gesloten)
    ]
    if not dagen:
        return []
    tz = timezone.get_current_timezone()
    bezet = dict(
        Afspraak.objects.filter(
            product=product,
            status__in=[Afspraak.Status.GEPLAND, Afspraak.Status.AANGEMELD],
            begin__gte=datetime.combine(dagen[0], time.min, tzinfo=tz),
            begin__lt=datetime.combine(dagen[-1] + timedelta(days=1), time.min, tzinfo=tz),
        )
        .exclude(pk=behalve.pk if behalve else None)
        .values_list("begin")
        .annotate(n=Count("id"))
    )
    tijden = []
    for dag in dagen:
        for begin, (eind, plaatsen) in sorted(_slots_van_dag(roosters, dag).items()):
            if begin <= nu:
                continue
            tijden.append(Tijdslot(begin, eind, max(0, plaatsen - bezet.get(begin, 0))))
    return tijden


def boekbare_tijden(*, product: Product, behalve: Afspraak | None = None) -> list[Tijdslot]:
    """The free slots from now until AFSPRAAK_WEKEN_VOORUIT weeks ahead."""
    vandaag = timezone.localdate()
    tot = vandaag + timedelta(weeks=settings.AFSPRAAK_WEKEN_VOORUIT)
    return [
        slot
        for slot in vrije_tijden(product=product, van=vandaag, tot=tot, behalve=behalve)
        if slot.vrij
    ]


def _vrij_slot(product: Product, begin: datetime, behalve: Afspraak | None = None) -> Tijdslot:
    """The free slot that starts at ``begin``; the caller holds the rooster lock."""
    dag = timezone.localdate(begin)
    if dag > timezone.localdate() + timedelta(weeks=settings.AFSPRAAK_WEKEN_VOORUIT):
        raise ValidationError(_("Zo ver vooruit kunt u nog geen afspraak maken."), code="te_ver")
    for slot in vrije_tijden(product=product, van=dag, tot=dag, behalve=behalve):
        if slot.begin == begin:
            if slot.vrij:
                return slot
            break
    raise ValidationError(
        _("Deze tijd is niet (meer) vrij. Kies een andere tijd."), code="niet_vrij"
    )


def _rooster_vergrendelen(product: Product) -> None:
    # Every booking of a product takes its rooster rows first: bookings of
    # one product queue up, so the count of taken places is always current.
    list(Afspraakrooster.objects.select_for_update().filter(product=product).values("pk"))


def _nieuwe_code() -> str:
    while True:
        code = "".join(secrets.choice(CODETEKENS) for _ in range(6))
        if not Afspraak.objects.filter(code=code).exists():
            return code


def _afspraakbericht(
    afspraak: Afspraak,
    onderwerp: str,
    inleiding: str,
    *,
    herinnering: bool = False,
    afgezegd: bool = False,
) -> Bericht:
    """The message about an appointment. One that is cancelled names no code
    and no kiosk: there is nothing to report for any more."""
    klant = afspraak.klant
    # A reminder goes by SMS only with the customer's consent to SMS reminders.
    sms = not herinnering or heeft_toestemming(klant, Toestemming.Soort.SMS_HERINNERINGEN)
    kanaal, ontvanger = bericht_services.kanaal_en_ontvanger(klant, sms=sms)
    # An SMS stays short; an e-mail or portal message names the day.
    wanneer = formaat.moment(afspraak.begin)
    if afgezegd:
        tekst = (
            _("%(inleiding)s %(product)s op %(wanneer)s. %(gemeente)s")
            if kanaal == Bericht.Kanaal.SMS
            else _(
                "Beste %(naam)s,\n\n%(inleiding)s\n\nProduct: %(product)s\n"
                "Wanneer: %(wanneer)s\n\nWilt u toch komen? Maak dan een nieuwe afspraak "
                "in Mijn omgeving: %(link)s\n\nMet vriendelijke groet,\n%(gemeente)s"
            )
        ) % {
            "naam": klant.naam,
            "inleiding": inleiding,
            "product": afspraak.product.naam,
            "wanneer": wanneer
            if kanaal == Bericht.Kanaal.SMS
            else formaat.moment_lang(afspraak.begin, met_dag=True),
            "link": publieke_url(reverse("portaal:afspraken")),
            "gemeente": settings.GEMEENTE_NAAM,
        }
    elif kanaal == Bericht.Kanaal.SMS:
        tekst = _("%(inleiding)s %(product)s op %(wanneer)s. Code: %(code)s. %(gemeente)s") % {
            "inleiding": inleiding,
            "product": afspraak.product.naam,
            "wanneer": wanneer,
            "code": afspraak.code,
            "gemeente": settings.GEMEENTE_NAAM,
        }
    else:
        tekst = _(
            "Beste %(naam)s,\n\n%(inleiding)s\n\n"
            "Product: %(product)s\nWanneer: %(wanneer)s\nAfspraakcode: %(code)s\n\n"
            "Meld u bij binnenkomst met deze code bij de zuil. Verzetten of afzeggen "
            "kan in Mijn omgeving: %(link)s\n\nMet vriendelijke groet,\n%(gemeente)s"
        ) % {
            "naam": klant.naam,
            "inleiding": inleiding,
            "product": afspraak.product.naam,
            "wanneer": formaat.moment_lang(afspraak.begin, met_dag=True),
            "code": afspraak.code,
            "link": publieke_url(reverse("portaal:afspraken")),
            "gemeente": settings.GEMEENTE_NAAM,
        }
    return bericht_services.bericht_klaarzetten(
        klant=klant, kanaal=kanaal, ontvanger=ontvanger, onderwerp=onderwerp, tekst=tekst
    )


def _mag_boeken(user: User | None, klant: Klant) -> None:
    if user is None:
        return
    if user.is_authenticated and (
        klant_services.is_klant_zelf(user, klant) or user.has_perm("kcc.klantbeeld_inzien")
    ):
        return
    raise PermissionDenied


@transaction.atomic
def afspraak_maken(
    *, klant: Klant, product: Product, begin: datetime, user: User | None, kanaal: str
) -> Afspraak:
    """Book a place; ``user`` is the customer (portal) or the agent booking for them."""
    _mag_boeken(user, klant)
    zaak_services.voor_doelgroep_eisen(product, klant)
    _rooster_vergrendelen(product)
    dubbel = Afspraak.objects.filter(
        klant=klant, product=product, status=Afspraak.Status.GEPLAND, begin__gt=timezone.now()
    ).first()
    if dubbel is not None:
        raise ValidationError(
            _(
                "Er staat al een afspraak voor %(product)s op %(wanneer)s. "
                "Verzet die afspraak als u een andere tijd wilt."
            )
            % {
                "product": product.naam,
                "wanneer": formaat.moment(dubbel.begin),
            },
            code="dubbel",
        )
    slot = _vrij_slot(product, begin)
    afspraak = Afspraak.objects.create(
        code=_nieuwe_code(),
        klant=klant,
        product=product,
        begin=slot.begin,
        eind=slot.eind,
        geboekt_via=kanaal,
        geboekt_door=user if user and not user.is_klant else None,
    )
    _afspraakbericht(
        afspraak,
        _("Uw afspraak: %(product)s") % {"product": product.naam},
        _("U heeft een afspraak bij de gemeente."),
    )
    return afspraak


@transaction.atomic
def afspraak_verzetten(*, afspraak: Afspraak, begin: datetime, user: User | None) -> Afspraak:
    """Move an appointment to another free slot of the same product."""
    _mag_boeken(user, afspraak.klant)
    _rooster_vergrendelen(afspraak.product)
    afspraak = vergrendeld(afspraak, related=["klant", "product"])
    if afspraak.status != Afspraak.Status.GEPLAND or afspraak.begin <= timezone.now():
        raise ValidationError(_("Deze afspraak kan niet meer worden verzet."), code="niet_gepland")
    slot = _vrij_slot(afspraak.product, begin, behalve=afspraak)
    afspraak.begin, afspraak.eind = slot.begin, slot.eind
    afspraak.herinnering_op = None
    afspraak.save(update_fields=["begin", "eind", "herinnering_op"])
    _afspraakbericht(
        afspraak,
        _("Uw afspraak is verzet: %(product)s") % {"product": afspraak.product.naam},
        _("Uw afspraak is verzet."),
    )
    return afspraak


@transaction.atomic
def afspraak_annuleren(*, afspraak: Afspraak, user: User | None) -> Afspraak:
    _mag_boeken(user, afspraak.klant)
    afspraak = vergrendeld(afspraak, related=["klant", "product"])
    if afspraak.status != Afspraak.Status.GEPLAND:
        raise ValidationError(_("Deze afspraak is al afgezegd of voorbij."), code="niet_gepland")
    afspraak.annuleren()
    afspraak.save(update_fields=["status"])
    _afspraakbericht(
        afspraak,
        _("Afspraak afgezegd: %(product)s") % {"product": afspraak.product.naam},
        _("Uw afspraak is afgezegd."),
        afgezegd=True,
    )
    return afspraak


def afspraken_bewaken(nu: datetime | None = None) -> tuple[int, int]:
    """Beat: remind tomorrow's appointments (once each) and mark those more
    than an hour past without check-in as not shown. Safe to run twice."""
    nu = nu or timezone.now()
    morgen = timezone.localdate(nu) + timedelta(days=1)
    # Reminders go out in the daytime, not in the first run after midnight.
    herinneren = HERINNEREN_VANAF <= timezone.localtime(nu).hour < HERINNEREN_TOT
    tz = timezone.get_current_timezone()
    herinnerd = 0
    te_herinneren = Afspraak.objects.filter(
        status=Afspraak.Status.GEPLAND,
        herinnering_op__isnull=True,
        begin__gte=datetime.combine(morgen, time.min, tzinfo=tz),
        begin__lt=datetime.combine(morgen + timedelta(days=1), time.min, tzinfo=tz),
    ).values_list("pk", flat=True)
    for pk in list(te_herinneren) if herinneren else []:
        with transaction.atomic():
            afspraak = (
                Afspraak.objects.select_for_update(skip_locked=True)
                .select_related("klant", "product")
                .filter(pk=pk, status=Afspraak.Status.GEPLAND, herinnering_op__isnull=True)
                .first()
            )
            if afspraak is None:
                continue
            afspraak.herinnering_op = nu
            afspraak.save(update_fields=["herinnering_op"])
            _afspraakbericht(
                afspraak,
                _("Herinnering: morgen uw afspraak"),
                _("Wij herinneren u aan uw afspraak van morgen."),
                herinnering=True,
            )
            herinnerd += 1
    verlopen = 0
    for pk in list(
        Afspraak.objects.filter(
            status=Afspraak.Status.GEPLAND, begin__lt=nu - timedelta(hours=1)
        ).values_list("pk", flat=True)
    ):
        with transaction.atomic():
            afspraak = (
                Afspraak.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=Afspraak.Status.GEPLAND)
                .first()
            )
            if afspraak is not None:
                afspraak.niet_verschenen()
                afspraak.save(update_fields=["status"])
                verlopen += 1
    return herinnerd, verlopen
