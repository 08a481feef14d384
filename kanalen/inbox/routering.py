"""One inbox: every open item of every channel for an agent and their team
(waiting chats, e-mail, SMS, letters, contactverzoeken and callbacks),
sorted by the moment its norm runs out.

Routing: an agent's skills are product groups (themes). An item about a
theme goes to agents with that skill; an item without one, and an agent
without skills, match everything. Contactverzoeken are routed by afdeling,
as they always were. Only an available agent takes new work; "take the
next" tries the most urgent item first and, when a colleague took it a
moment earlier, the next one: every take is one row lock in the channel's
own service, so two agents never take the same item.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kanalen.chat import services as chat_services
from kanalen.models import (
    Chat,
    Inboxitem,
    InboxStatus,
    Kanaal,
    Medewerkerstatus,
    Statusperiode,
)
from kanalen.post import services as post_services
from kcc.choices import KanaalSoort, choice_label
from kcc.models import User
from kcc.realtime import INBOX_GROUP, push_to_group
from klanten import selectors as klant_selectors
from klanten import services as klant_services
from klanten.models import ContactverzoekStatus

# How many items of each kind the list reads; the list shows the most urgent.
PER_SOORT = 50


@dataclass
class Werkitem:
    soort: str  # chat, inbox, contactverzoek
    kanaal: str
    titel: str
    wie: str
    binnen: datetime
    uiterlijk: datetime
    url: str
    uuid: str
    object: object
    van_mij: bool = False
    groep: str = ""  # the product group it is about, which routes it by skill
    # The norm clock as the list shows it, worked out for one moment (klok_zetten).
    wacht_minuten: int = 0
    te_laat: bool = False
    vandaag: bool = False

    @property
    def kanaal_label(self) -> str:
        return choice_label(Inboxitem, "kanaal", self.kanaal)


def beschikbaarheid(user: User) -> Medewerkerstatus:
    status, _nieuw = Medewerkerstatus.objects.get_or_create(medewerker=user)
    return status


@transaction.atomic
def status_wijzigen(*, user: User, status: str) -> Medewerkerstatus:
    """The agent sets their availability (a free choice, not a lifecycle:
    any status may follow any other)."""
    if status not in Medewerkerstatus.Status.values:
        raise ValidationError(_("Kies een geldige status."))
    beschikbaarheid(user)
    huidig = Medewerkerstatus.objects.select_for_update().get(medewerker=user)
    if huidig.status != status:
        nu = timezone.now()
        huidig.wijzigen(status)
        huidig.sinds = nu
        huidig.save()
        # The history for occupancy: close the open period, start the next.
        Statusperiode.objects.filter(medewerker=user, einde__isnull=True).update(einde=nu)
        Statusperiode.objects.create(medewerker=user, status=status, begin=nu)
        push_to_group(INBOX_GROUP, {"type": "bezetting"})
    return huidig


def vaardigheden(user: User) -> list[int]:
    return list(
        Medewerkerstatus.vaardigheden.through.objects.filter(
            medewerkerstatus__medewerker=user
        ).values_list("thema_id", flat=True)
    )


def _thema_filter(themas: list[int]) -> Q:
    return Q(thema__isnull=True) | Q(thema__in=themas) if themas else Q()


def _einde_van(dag) -> datetime:
    return datetime.combine(dag, time(23, 59), tzinfo=timezone.get_current_timezone())


def _chatnorm() -> timedelta:
    kanaal = Kanaal.objects.filter(soort=KanaalSoort.CHAT).only("norm_aantal", "norm_eenheid")
    kanaal = kanaal.first()
    if kanaal and kanaal.norm_aantal:
        if kanaal.norm_eenheid == Kanaal.NormEenheid.SECONDEN:
            return timedelta(seconds=kanaal.norm_aantal)
        if kanaal.norm_eenheid == Kanaal.NormEenheid.MINUTEN:
            return timedelta(minutes=kanaal.norm_aantal)
    return timedelta(seconds=60)


def _chats(user: User, themas: list[int]) -> list[Werkitem]:
    norm = _chatnorm()
    basis = Chat.objects.select_related("thema").order_by("gestart_op")
    chats = list(
        basis.filter(_thema_filter(themas), status=Chat.Status.WACHTEND)[:PER_SOORT]
    ) + list(basis.filter(status=Chat.Status.ACTIEF, medewerker=user))
    return [
        Werkitem(
            soort="chat",
            kanaal=KanaalSoort.CHAT,
            titel=c.thema.naam if c.thema else _("Chat"),
            wie=c.naam,
            binnen=c.gestart_op,
            uiterlijk=c.gestart_op + norm,
            url=reverse("werkplek:chat", kwargs={"chat_uuid": c.uuid}),
            uuid=str(c.uuid),
            object=c,
            van_mij=c.medewerker_id == user.pk,
            groep=c.thema.naam if c.thema else "",
        )
        for c in chats
    ]


def _inboxitems(user: User, themas: list[int]) -> list[Werkitem]:
    velden = ("uuid", "kanaal", "status", "van", "naam", "onderwerp", "tekst", "ontvangen_op")
    basis = Inboxitem.objects.select_related("klant", "thema").only(
        *velden,
        "thema__naam",
        "uiterlijk_op",
        "medewerker_id",
        "klant__soort",
        "klant__voornamen",
        "klant__voorvoegsel",
        "klant__geslachtsnaam",
        "klant__organisatienaam",
    )
    items = list(
        basis.filter(_thema_filter(themas), status=InboxStatus.OPEN).order_by(
            F("uiterlijk_op").asc(nulls_last=True), "ontvangen_op", "id"
        )[:PER_SOORT]
    ) + list(basis.filter(status=InboxStatus.IN_BEHANDELING, medewerker=user)[:PER_SOORT])
    return [
        Werkitem(
            soort="inbox",
            kanaal=i.kanaal,
            # An SMS has no subject: its first words say what it is about.
            titel=i.onderwerp if i.kanaal != KanaalSoort.SMS else i.tekst[:80],
            wie=i.klant.naam if i.klant_id else (i.naam or i.van),
            binnen=i.ontvangen_op,
            uiterlijk=_einde_van(i.uiterlijk_op)
            if i.uiterlijk_op
            else i.ontvangen_op + timedelta(days=2),
            url=reverse("werkplek:inboxitem", kwargs={"item_uuid": i.uuid}),
            uuid=str(i.uuid),
            object=i,
            van_mij=i.medewerker_id == user.pk,
            groep=i.thema.naam if i.thema_id else "",
        )
        for i in items
    ]


def _contactverzoeken(user: User) -> list[Werkitem]:
    basis = (
        klant_selectors.contactverzoeken_voor(user=user, alle=True)
        .select_related("klant")
        .order_by("uiterlijk_op", "id")
    )
    # Open ones and the agent's own in two reads, so a long open list never
    # pushes the agent's own out of the first PER_SOORT.
    verzoeken = list(basis.filter(status=ContactverzoekStatus.OPEN)[:PER_SOORT]) + list(
        basis.filter(status=ContactverzoekStatus.IN_BEHANDELING, medewerker=user)[:PER_SOORT]
    )
    return [
        Werkitem(
            soort="contactverzoek",
            kanaal=KanaalSoort.TELEFOON if v.telefoon else "",
            titel=v.vraag[:120],
            wie=v.klant.naam if v.klant_id else v.naam,
            binnen=v.aangemaakt_op,
            uiterlijk=_einde_van(v.uiterlijk_op),
            url=reverse("werkplek:contactverzoeken") + f"#verzoek-{v.uuid}",
            uuid=str(v.uuid),
            object=v,
            van_mij=v.medewerker_id == user.pk and v.status == ContactverzoekStatus.IN_BEHANDELING,
        )
        for v in verzoeken
    ]


def _klok_zetten(item: Werkitem, nu: datetime) -> None:
    """A chat counts minutes waiting and is late past its norm; the other
    channels count in days: late after the norm's day, due today on it."""
    if item.soort == "chat":
        item.wacht_minuten = max(0, int((nu - item.binnen).total_seconds() // 60))
        item.te_laat = item.uiterlijk < nu
    else:
        dag, vandaag = timezone.localdate(item.uiterlijk), timezone.localdate(nu)
        item.te_laat, item.vandaag = dag < vandaag, dag == vandaag


def inbox(*, user: User, team: bool = False) -> dict:
    """The agent's items in hand, and the open items for them (by skill) or
    for the whole team, the most urgent first."""
    themas = [] if team else vaardigheden(user)
    alles = _contactverzoeken(user)
    if user.has_perm("kcc.kanalen_beantwoorden"):
        alles += _chats(user, themas) + _inboxitems(user, themas)
    alles.sort(key=lambda item: (item.uiterlijk, item.binnen))
    nu = timezone.now()
    for item in alles:
        _klok_zetten(item, nu)
    return {
        "mijn": [item for item in alles if item.van_mij],
        "open": [item for item in alles if not item.van_mij][:PER_SOORT],
        "nu": nu,
    }


def bezetting(*, user: User) -> list[Medewerkerstatus]:
    """The availability of the agents in this user's afdelingen."""
    afdelingen = list(user.afdelingen.values_list("pk", flat=True))
    return list(
        Medewerkerstatus.objects.filter(medewerker__afdelingen__in=afdelingen)
        .select_related("medewerker")
        .distinct()
        .order_by("status", "medewerker__first_name")
    )


class NietBeschikbaar(Exception):
    """The agent's status does not allow new work."""


def _nemen(item: Werkitem, user: User) -> bool:
    """Take one item through its channel's service; False when a colleague was first."""
    try:
        if item.soort == "chat":
            chat_services.chat_accepteren(chat=item.object, user=user)
        elif item.soort == "inbox":
            post_services.inboxitem_oppakken(item=item.object, user=user)
        else:
            klant_services.contactverzoek_oppakken(contactverzoek=item.object, user=user)
    except (chat_services.ChatConflict, post_services.InboxConflict, ValidationError):
        return False
    return True


def volgende_nemen(*, user: User) -> Werkitem | None:
    """Take the most urgent open item this agent may handle."""
    status = beschikbaarheid(user)
    if status.status != Medewerkerstatus.Status.BESCHIKBAAR:
        raise NietBeschikbaar(
            _("U staat op '%(status)s'. Zet uw status op 'Beschikbaar' om werk te nemen.")
            % {"status": status.get_status_display()}
        )
    for item in inbox(user=user)["open"]:
        if _nemen(item, user):
            return item
    return None


def afmelden(user: User) -> None:
    """Logging out sets an agent offline, so no work is routed to them."""
    if Medewerkerstatus.objects.filter(medewerker=user).exists():
        status_wijzigen(user=user, status=Medewerkerstatus.Status.OFFLINE)
