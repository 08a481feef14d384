"""The counter (balie): appointments and walk-ins at the town hall.

Appointments: a product's rooster (weekday, hours, slot length, desks)
makes the slots; booking, moving and cancelling lock the product's rooster
rows, so two customers never get the last place of a slot. The customer
gets a confirmation and, the day before, a reminder through the outbox.

Walk-ins: the kiosk prints a ticket per product (or checks an appointment
in with its code); a desk calls the next ticket; the display shows who goes
to which desk, live. Every ticket is offered, answered after N s (or
abandoned) and ended as queue events, and ends as a contact on the
customer's timeline.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, IntegerField, Max, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from kanalen import services as kanaal_services
from kanalen.models import (
    Afspraak,
    Afspraakrooster,
    Balie,
    Bericht,
    Medewerkerstatus,
    Wachtnummer,
    Wachtrijgebeurtenis,
)
from kcc import kalender
from kcc.choices import KanaalSoort
from kcc.models import User
from kcc.realtime import push_to_group
from klanten import services as klant_services
from klanten.models import Klant
from producten.models import Product
from producten.selectors import producten_aangeboden, productkeuzes

# The public display and the desks' pages listen here. Only ticket numbers
# and desk names travel: nothing personal.
SCHERM_GROEP = "balie.scherm"
CODETEKENS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
HERINNEREN_VANAF, HERINNEREN_TOT = 9, 21  # local hours


class BalieConflict(Exception):
    """Called or finished by someone else, or the desk is still busy."""


@dataclass(frozen=True)
class Tijdslot:
    begin: datetime
    eind: datetime
    vrij: int


# --- Appointments ------------------------------------------------------------------


def afspraakproducten():
    """Products a customer can book an appointment for."""
    return (
        producten_aangeboden()
        .filter(pk__in=Afspraakrooster.objects.values("product_id"))
        .order_by("naam")
    )


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


def _afspraakbericht(afspraak: Afspraak, onderwerp: str, inleiding: str) -> Bericht:
    klant = afspraak.klant
    kanaal, ontvanger = kanaal_services.kanaal_en_ontvanger(klant)
    moment = timezone.localtime(afspraak.begin)
    wanneer = f"{moment:%d-%m-%Y} {moment:%H:%M}"
    if kanaal == Bericht.Kanaal.SMS:
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
            "wanneer": wanneer,
            "code": afspraak.code,
            "link": settings.PUBLIEKE_URL + "/pip/afspraken/",
            "gemeente": settings.GEMEENTE_NAAM,
        }
    return kanaal_services.bericht_klaarzetten(
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
                "wanneer": f"{timezone.localtime(dubbel.begin):%d-%m-%Y %H:%M}",
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


def _vergrendel_afspraak(afspraak: Afspraak) -> Afspraak:
    return (
        Afspraak.objects.select_for_update().select_related("klant", "product").get(pk=afspraak.pk)
    )


@transaction.atomic
def afspraak_verzetten(*, afspraak: Afspraak, begin: datetime, user: User | None) -> Afspraak:
    """Move an appointment to another free slot of the same product."""
    _mag_boeken(user, afspraak.klant)
    _rooster_vergrendelen(afspraak.product)
    afspraak = _vergrendel_afspraak(afspraak)
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
    afspraak = _vergrendel_afspraak(afspraak)
    if afspraak.status != Afspraak.Status.GEPLAND:
        raise ValidationError(_("Deze afspraak is al afgezegd of voorbij."), code="niet_gepland")
    afspraak.annuleren()
    afspraak.save(update_fields=["status"])
    _afspraakbericht(
        afspraak,
        _("Afspraak afgezegd: %(product)s") % {"product": afspraak.product.naam},
        _("Uw afspraak is afgezegd. Wilt u toch komen? Maak dan een nieuwe afspraak."),
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


# --- Tickets -------------------------------------------------------------------------


def kioskproducten():
    """Products served at the counter without appointment."""
    return productkeuzes(kanaal=KanaalSoort.BALIE).order_by("naam")


def _gebeurtenis(
    ticket: Wachtnummer, soort: str, *, wachttijd=None, medewerker=None, tijdstip=None
) -> None:
    Wachtrijgebeurtenis.objects.create(
        kanaal=KanaalSoort.BALIE,
        soort=soort,
        sessie=str(ticket.uuid),
        wachtrij=ticket.product.code,
        tijdstip=tijdstip or timezone.now(),
        wachttijd_seconden=wachttijd,
        medewerker=medewerker,
        klant=ticket.klant,
    )


def _scherm_bijwerken() -> None:
    push_to_group(SCHERM_GROEP, {"type": "balie"})


def _ticket(*, product: Product, letter: str, afspraak: Afspraak | None = None) -> Wachtnummer:
    dag = timezone.localdate()
    for _poging in range(5):
        volgende = (
            Wachtnummer.objects.filter(datum=dag).aggregate(m=Max("volgnummer"))["m"] or 0
        ) + 1
        try:
            with transaction.atomic():
                ticket = Wachtnummer.objects.create(
                    datum=dag,
                    volgnummer=volgende,
                    letter=letter,
                    product=product,
                    afspraak=afspraak,
                    klant=afspraak.klant if afspraak else None,
                )
        except IntegrityError:
            continue  # another kiosk took this number at the same moment
        _gebeurtenis(ticket, Wachtrijgebeurtenis.Soort.AANGEBODEN)
        _scherm_bijwerken()
        return ticket
    raise BalieConflict(_("Het lukte niet een nummer te maken. Probeer het nog eens."))


@transaction.atomic
def wachtnummer_trekken(*, product: Product) -> Wachtnummer:
    """A walk-in takes a number for a product at the kiosk."""
    # The caller took the product from kioskproducten().
    letter = next((c for c in product.naam.upper() if "A" < c <= "Z"), "B")
    return _ticket(product=product, letter=letter)


@transaction.atomic
def aanmelden_met_code(*, code: str) -> Wachtnummer:
    """A customer with an appointment checks in at the kiosk with its code."""
    # Only the characters a code has (a stray NUL or symbol just fails to match).
    code = "".join(c for c in code.upper() if c in CODETEKENS)[:8]
    afspraak = (
        Afspraak.objects.select_for_update()
        .select_related("klant", "product")
        .filter(code=code)
        .first()
    )
    nu = timezone.now()
    if afspraak is None or afspraak.status == Afspraak.Status.GEANNULEERD:
        raise ValidationError(_("Deze afspraakcode kennen wij niet. Kijk de code na."))
    if afspraak.status == Afspraak.Status.AANGEMELD:
        raise ValidationError(_("U bent al aangemeld. Wacht tot uw nummer wordt omgeroepen."))
    if timezone.localdate(afspraak.begin) != timezone.localdate(nu):
        raise ValidationError(
            _("Uw afspraak is op %(datum)s, niet vandaag.")
            % {"datum": f"{timezone.localtime(afspraak.begin):%d-%m-%Y}"}
        )
    vanaf = afspraak.begin - timedelta(minutes=settings.BALIE_AANMELDEN_VOOR_MINUTEN)
    tot = afspraak.begin + timedelta(minutes=settings.BALIE_AANMELDEN_NA_MINUTEN)
    if nu < vanaf:
        raise ValidationError(
            _("U bent vroeg. Meld u vanaf %(tijd)s aan.")
            % {"tijd": f"{timezone.localtime(vanaf):%H:%M}"}
        )
    if afspraak.status != Afspraak.Status.GEPLAND or nu > tot:
        raise ValidationError(
            _(
                "U bent te laat voor uw afspraak. Trek een gewoon nummer "
                "of maak een nieuwe afspraak."
            )
        )
    afspraak.aanmelden()
    afspraak.save(update_fields=["status"])
    return _ticket(product=afspraak.product, letter="A", afspraak=afspraak)


def _vaardigheidsfilter(user: User) -> Q:
    themas = list(
        Medewerkerstatus.vaardigheden.through.objects.filter(
            medewerkerstatus__medewerker=user
        ).values_list("thema_id", flat=True)
    )
    # A product without a theme is anyone's, as in the one inbox.
    return Q(product__themas__in=themas) | Q(product__themas__isnull=True) if themas else Q()


def wachtende_nummers(*, user: User | None = None):
    """Today's waiting tickets in calling order: appointments that are due
    first, then everyone by the time they took their number."""
    nu = timezone.now()
    tickets = Wachtnummer.objects.filter(
        datum=timezone.localdate(), status=Wachtnummer.Status.WACHTEND
    )
    if user is not None:
        filter_ = _vaardigheidsfilter(user)
        if filter_:
            tickets = tickets.filter(pk__in=Wachtnummer.objects.filter(filter_).values("pk"))
    return tickets.annotate(
        voorrang=Case(
            When(afspraak__begin__lte=nu + timedelta(minutes=5), then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        ),
        sinds=Coalesce("afspraak__begin", "aangemaakt_op"),
    ).order_by("voorrang", "sinds", "volgnummer")


def huidig_nummer(user: User) -> Wachtnummer | None:
    """The ticket this employee has called and not finished."""
    return (
        Wachtnummer.objects.select_related("balie", "product", "klant", "afspraak")
        .filter(medewerker=user, status=Wachtnummer.Status.OPGEROEPEN)
        .first()
    )


def _wachttijd(ticket: Wachtnummer, tot: datetime) -> int:
    # Waiting for an appointment starts at its time, not at an early arrival.
    sinds = (
        max(ticket.aangemaakt_op, ticket.afspraak.begin)
        if ticket.afspraak
        else ticket.aangemaakt_op
    )
    return max(0, int((tot - sinds).total_seconds()))


@transaction.atomic
def volgende_oproepen(*, balie: Balie, user: User) -> Wachtnummer | None:
    """Call the next ticket to this desk. Skips tickets another desk is
    calling at this moment (row locks), so no ticket is called twice."""
    if not user.has_perm("kcc.werkplek_gebruiken"):
        raise PermissionDenied
    # One call at a time per employee (a double click sends two requests):
    # the employee's own row is the lock.
    User.objects.select_for_update().filter(pk=user.pk).first()
    if huidig_nummer(user) is not None:
        raise BalieConflict(_("Rond eerst het nummer af dat u heeft opgeroepen."))
    ticket = (
        wachtende_nummers(user=user)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("product", "afspraak", "klant")
        .first()
    )
    if ticket is None:
        return None
    ticket.oproepen()
    ticket.balie = balie
    ticket.medewerker = user
    ticket.opgeroepen_op = timezone.now()
    ticket.save()
    # "Answered" is written when the visit is handled (at the moment of the
    # call): a called customer who never shows up abandoned the queue instead.
    _oproep_tonen(ticket)
    return ticket


def _oproep_tonen(ticket: Wachtnummer) -> None:
    push_to_group(
        SCHERM_GROEP,
        {"type": "oproep", "nummer": ticket.nummer, "balie": ticket.balie.naam},
    )


def _vergrendel_eigen(ticket: Wachtnummer, user: User) -> Wachtnummer:
    ticket = (
        Wachtnummer.objects.select_for_update(of=("self",))
        .select_related("product", "afspraak", "balie", "klant")
        .get(pk=ticket.pk)
    )
    if ticket.medewerker_id != user.pk or ticket.status != Wachtnummer.Status.OPGEROEPEN:
        raise BalieConflict(_("Dit nummer is niet (meer) door u opgeroepen."))
    return ticket


@transaction.atomic
def opnieuw_oproepen(*, wachtnummer: Wachtnummer, user: User) -> Wachtnummer:
    ticket = _vergrendel_eigen(wachtnummer, user)
    _oproep_tonen(ticket)
    return ticket


@transaction.atomic
def niet_verschenen(*, wachtnummer: Wachtnummer, user: User) -> Wachtnummer:
    """Called but nobody came: the ticket counts as abandoned after its wait."""
    ticket = _vergrendel_eigen(wachtnummer, user)
    ticket.niet_verschenen()
    ticket.afgehandeld_op = timezone.now()
    ticket.save()
    _gebeurtenis(
        ticket,
        Wachtrijgebeurtenis.Soort.VERLATEN,
        wachttijd=_wachttijd(ticket, ticket.opgeroepen_op or ticket.afgehandeld_op),
        tijdstip=ticket.opgeroepen_op,
    )
    _scherm_bijwerken()
    return ticket


@transaction.atomic
def wachtnummer_afhandelen(
    *,
    wachtnummer: Wachtnummer,
    user: User,
    klant: Klant | None,
    onderwerp: str,
    notitie: str = "",
    in_een_keer_goed: bool = True,
) -> Wachtnummer:
    """The customer was helped at the desk: the visit becomes a contact."""
    ticket = _vergrendel_eigen(wachtnummer, user)
    onderwerp, notitie = onderwerp.replace("\x00", ""), notitie.replace("\x00", "")
    if not onderwerp.strip():
        raise ValidationError({"onderwerp": [_("Vul in waar het bezoek over ging.")]})
    klant = klant or ticket.klant
    ticket.afhandelen()
    ticket.afgehandeld_op = timezone.now()
    ticket.klant = klant
    ticket.klantcontact = klant_services.klantcontact_registreren(
        klant=klant,
        user=user,
        kanaal=KanaalSoort.BALIE,
        onderwerp=onderwerp.strip()[:200],
        vraag=notitie.strip(),
        product=ticket.product,
        in_een_keer_goed=in_een_keer_goed,
        gestart_op=ticket.opgeroepen_op,
        beeindigd_op=ticket.afgehandeld_op,
    )
    ticket.save()
    _gebeurtenis(
        ticket,
        Wachtrijgebeurtenis.Soort.BEANTWOORD,
        wachttijd=_wachttijd(ticket, ticket.opgeroepen_op),
        medewerker=user,
        tijdstip=ticket.opgeroepen_op,
    )
    _gebeurtenis(ticket, Wachtrijgebeurtenis.Soort.BEEINDIGD, medewerker=user)
    return ticket


def schermstand(aantal: int = 8) -> dict:
    """What the display shows: the latest calls today and how many wait.
    Ticket numbers and desk names only."""
    vandaag = timezone.localdate()
    oproepen = (
        Wachtnummer.objects.filter(datum=vandaag, opgeroepen_op__isnull=False)
        .exclude(status=Wachtnummer.Status.NIET_VERSCHENEN)
        .select_related("balie")
        .order_by("-opgeroepen_op")[:aantal]
    )
    return {
        "oproepen": [
            {
                "nummer": t.nummer,
                "balie": t.balie.naam if t.balie else "",
                "tijd": f"{timezone.localtime(t.opgeroepen_op):%H:%M}",
            }
            for t in oproepen
        ],
        "wachtend": Wachtnummer.objects.filter(
            datum=vandaag, status=Wachtnummer.Status.WACHTEND
        ).count(),
    }


def wachtenden_voor(ticket: Wachtnummer) -> int:
    """How many tickets are ahead of this one (for the kiosk's printout)."""
    volgorde = [t.pk for t in wachtende_nummers().only("pk")]
    return volgorde.index(ticket.pk) if ticket.pk in volgorde else 0
