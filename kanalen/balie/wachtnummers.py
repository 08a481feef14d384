"""Walk-ins at the counter (balie): kiosk tickets, calling the next, the
display.

The kiosk prints a ticket per product (or checks an appointment in with its
code); a desk calls the next ticket; the display shows who goes to which
desk, live. Every ticket is offered, answered after N s (or abandoned) and
ended as queue events, and ends as a contact on the customer's timeline.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, IntegerField, Max, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from kanalen.balie.afspraken import CODETEKENS, BalieConflict
from kanalen.models import (
    Afspraak,
    Balie,
    Medewerkerstatus,
    Wachtnummer,
    Wachtrijgebeurtenis,
)
from kcc import formaat, invoer
from kcc.choices import KanaalSoort
from kcc.fsm import vergrendeld
from kcc.models import User
from kcc.realtime import push_to_group
from klanten import services as klant_services
from klanten.models import Klant
from producten.models import Product
from producten.selectors import productkeuzes

# The public display and the desks' pages listen here. Only ticket numbers
# and desk names travel: nothing personal.
SCHERM_GROEP = "balie.scherm"


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
            % {"datum": formaat.datum_lang(afspraak.begin)}
        )
    vanaf = afspraak.begin - timedelta(minutes=settings.BALIE_AANMELDEN_VOOR_MINUTEN)
    tot = afspraak.begin + timedelta(minutes=settings.BALIE_AANMELDEN_NA_MINUTEN)
    if nu < vanaf:
        raise ValidationError(
            _("U bent vroeg. Meld u vanaf %(tijd)s aan.") % {"tijd": formaat.tijd(vanaf)}
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
    """The ticket this desk employee called, locked; anything else is a conflict."""
    return vergrendeld(
        ticket,
        verwacht=Wachtnummer.Status.OPGEROEPEN,
        voorwaarde=lambda ticket: ticket.medewerker_id == user.pk,
        conflict=lambda _ticket: BalieConflict(_("Dit nummer is niet (meer) door u opgeroepen.")),
        related=["product", "afspraak", "balie", "klant"],
        alleen_eigen_rij=True,
    )


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
    invoer.tekst_eisen("onderwerp", onderwerp.strip(), 200)
    invoer.tekst_eisen("notitie", notitie.strip(), invoer.NOTITIE)
    klant = klant or ticket.klant
    ticket.afhandelen()
    ticket.afgehandeld_op = timezone.now()
    ticket.klant = klant
    ticket.klantcontact = klant_services.klantcontact_registreren(
        klant=klant,
        user=user,
        kanaal=KanaalSoort.BALIE,
        onderwerp=onderwerp.strip(),
        vraag=notitie.strip(),
        product=ticket.product,
        in_een_keer_goed=in_een_keer_goed,
        tijd=klant_services.Contacttijd(
            gestart_op=ticket.opgeroepen_op, beeindigd_op=ticket.afgehandeld_op
        ),
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
                "tijd": formaat.tijd(t.opgeroepen_op),
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
