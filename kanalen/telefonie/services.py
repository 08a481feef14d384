"""Telephony (CTI): call events from the phone system, the screen pop, and
the wrap-up of a call as a contact.

The phone system posts each event to ``/api/v1/telefonie/gebeurtenissen/``,
signed as every webhook of the channels is (``kanalen.webhooks``); an event
id seen before is answered with the call as it is (the phone system may
retry), so nothing is counted twice.

Every event is also a queue event (``Wachtrijgebeurtenis``): offered,
answered after N seconds, abandoned after N seconds. The dashboard computes
service level, ASA and abandonment from those.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from kanalen.models import Gesprek, Wachtrijgebeurtenis
from kanalen.webhooks import WebhookGeweigerd
from kcc.choices import KanaalSoort
from kcc.formaat import moment_lezen
from kcc.models import User
from kcc.realtime import push_to_user
from kcc.telefoon import normaliseer_telefoon
from klanten.models import Klant, Klantcontact
from klanten.selectors import gevonden_klanten
from klanten.services import Contacttijd

logger = logging.getLogger(__name__)


SOORTEN = {s.value for s in Wachtrijgebeurtenis.Soort}


def _tijdstip(waarde) -> datetime:
    if not waarde:
        return timezone.now()
    moment = moment_lezen(waarde)
    if moment is None:
        raise WebhookGeweigerd("tijdstip is not an ISO 8601 date-time")
    return moment


def _medewerker(gebruikersnaam) -> User:
    user = User.objects.filter(username=gebruikersnaam or "", is_active=True).first()
    if user is None or not user.has_perm("kcc.werkplek_gebruiken"):
        raise WebhookGeweigerd(f"unknown agent {gebruikersnaam!r}")
    return user


def bellers(nummer: str) -> list[Klant]:
    """Customers with this phone number (normalised as stored)."""
    try:
        genormaliseerd = normaliseer_telefoon(nummer)
    except ValidationError:
        return []
    return gevonden_klanten(Q(telefoon=genormaliseerd), limit=10)


def schermpop_url(gesprek: Gesprek) -> str:
    """Where the answering agent's screen goes: the caller's klantbeeld when
    the number is one customer's, a choice when several, a blank contact
    when none."""
    kandidaten = bellers(gesprek.nummer) if gesprek.klant_id is None else []
    if gesprek.klant_id is not None:
        url = reverse("werkplek:klantbeeld", kwargs={"klant_uuid": gesprek.klant.uuid})
    elif kandidaten:
        url = reverse("werkplek:gesprek", kwargs={"gesprek_uuid": gesprek.uuid})
    else:
        url = reverse("werkplek:anoniem-contact")
    return f"{url}?gesprek={gesprek.uuid}"


def _schermpop(gesprek: Gesprek) -> None:
    push_to_user(
        gesprek.medewerker.uuid,
        {
            "type": "schermpop",
            "url": schermpop_url(gesprek),
            "titel": _("Inkomend gesprek: %(nummer)s") % {"nummer": gesprek.nummer or "-"},
        },
    )


@transaction.atomic
def gesprek_gebeurtenis_verwerken(*, data: dict) -> Gesprek:
    """Record one call event (already authenticated). The call's row is
    locked, so events of one call that arrive at once are applied in turn."""
    if not isinstance(data, dict):
        raise WebhookGeweigerd("body must be a JSON object")
    bron_id = str(data.get("id") or "")[:100]
    soort = data.get("soort")
    extern_id = str(data.get("gesprek") or "")[:100]
    if not bron_id or not extern_id or not isinstance(soort, str) or soort not in SOORTEN:
        raise WebhookGeweigerd(
            f"fields id, gesprek and soort ({', '.join(sorted(SOORTEN))}) are required"
        )
    bestaand = Wachtrijgebeurtenis.objects.filter(bron_id=bron_id).select_related("gesprek").first()
    if bestaand is not None:
        return bestaand.gesprek  # a retry of an event we already have
    tijdstip = _tijdstip(data.get("tijdstip"))

    if soort == Wachtrijgebeurtenis.Soort.AANGEBODEN:
        nummer = str(data.get("nummer") or "")[:30]
        with contextlib.suppress(ValidationError):  # an odd or hidden number: kept as given
            nummer = normaliseer_telefoon(nummer) if nummer else ""
        kandidaten = bellers(nummer) if nummer else []
        gesprek, nieuw = Gesprek.objects.get_or_create(
            extern_id=extern_id,
            defaults={
                "nummer": nummer,
                "wachtrij": str(data.get("wachtrij") or "")[:100],
                "aangeboden_op": tijdstip,
                "klant": kandidaten[0] if len(kandidaten) == 1 else None,
            },
        )
        if not nieuw:  # offered again (e.g. to an overflow queue): still one offered call
            return gesprek
    else:
        gesprek = Gesprek.objects.select_for_update().filter(extern_id=extern_id).first()
        if gesprek is None:
            raise WebhookGeweigerd(f"unknown call {extern_id!r}: send 'aangeboden' first")
        # A retry that arrived together with the first copy: now we hold the lock.
        if Wachtrijgebeurtenis.objects.filter(bron_id=bron_id).exists():
            return gesprek

    gebeurtenis = Wachtrijgebeurtenis(
        kanaal=KanaalSoort.TELEFOON,
        soort=soort,
        sessie=extern_id,
        bron_id=bron_id,
        wachtrij=gesprek.wachtrij,
        tijdstip=tijdstip,
        klant=gesprek.klant,
        gesprek=gesprek,
    )
    if soort in (Wachtrijgebeurtenis.Soort.BEANTWOORD, Wachtrijgebeurtenis.Soort.DOORVERBONDEN):
        medewerker = _medewerker(data.get("medewerker"))
        if not can_proceed(gesprek.beantwoorden):
            raise WebhookGeweigerd(f"call {extern_id!r} has already ended")
        if soort == Wachtrijgebeurtenis.Soort.BEANTWOORD and gesprek.beantwoord_op is None:
            gesprek.beantwoord_op = tijdstip
            gebeurtenis.wachttijd_seconden = max(
                0, int((tijdstip - gesprek.aangeboden_op).total_seconds())
            )
        gesprek.medewerker = medewerker
        gesprek.beantwoorden()
        gebeurtenis.medewerker = medewerker
    elif soort == Wachtrijgebeurtenis.Soort.VERLATEN or (
        # Ended while still waiting (a call first reported as transferred is
        # in progress without an answer time, and ends normally).
        soort == Wachtrijgebeurtenis.Soort.BEEINDIGD and gesprek.status == Gesprek.Status.WACHTEND
    ):
        # Hung up before anyone answered: abandoned, after this long.
        if not can_proceed(gesprek.verlaten):
            raise WebhookGeweigerd(f"call {extern_id!r} was already answered or ended")
        gebeurtenis.soort = Wachtrijgebeurtenis.Soort.VERLATEN
        gebeurtenis.wachttijd_seconden = max(
            0, int((tijdstip - gesprek.aangeboden_op).total_seconds())
        )
        gesprek.verlaten()
        gesprek.beeindigd_op = tijdstip
    elif soort == Wachtrijgebeurtenis.Soort.BEEINDIGD:
        if not can_proceed(gesprek.beeindigen):
            raise WebhookGeweigerd(f"call {extern_id!r} has already ended")
        gesprek.beeindigen()
        gesprek.beeindigd_op = tijdstip
        gebeurtenis.medewerker = gesprek.medewerker
    try:
        with transaction.atomic():
            gebeurtenis.save()
    except IntegrityError:  # the same event at the same moment: the other one counted it
        return gesprek
    gesprek.save()
    if soort in (Wachtrijgebeurtenis.Soort.BEANTWOORD, Wachtrijgebeurtenis.Soort.DOORVERBONDEN):
        _schermpop(gesprek)
    return gesprek


@transaction.atomic
def gesprek_koppelen(*, gesprek: Gesprek, klant: Klant, user: User) -> Gesprek:
    """The agent chose which of several customers with this number is calling."""
    if gesprek.medewerker_id != user.pk:
        raise PermissionDenied
    gesprek = Gesprek.objects.select_for_update().get(pk=gesprek.pk)
    gesprek.klant = klant
    gesprek.save(update_fields=["klant"])
    return gesprek


def contact_bij_gesprek(*, gesprek: Gesprek | None, user: User) -> Contacttijd | None:
    """What a contact registered for this call takes from it: its start and
    end, and the after-call work time (from hanging up until now). None when
    the call is not this agent's to wrap up."""
    if gesprek is None or gesprek.medewerker_id != user.pk or gesprek.klantcontact_id:
        return None
    nu = timezone.now()
    einde = gesprek.beeindigd_op or nu
    return Contacttijd(
        gestart_op=gesprek.beantwoord_op or gesprek.aangeboden_op,
        beeindigd_op=einde,
        nawerk_seconden=max(0, int((nu - einde).total_seconds())),
    )


def gesprek_afronden(*, gesprek: Gesprek, contact: Klantcontact) -> None:
    """Link the call to the contact that wraps it up (once)."""
    Gesprek.objects.filter(pk=gesprek.pk, klantcontact__isnull=True).update(klantcontact=contact)
