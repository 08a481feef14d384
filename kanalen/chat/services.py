"""Chat: a citizen starts a chat from the portal, it waits in the queue,
an agent accepts it (up to CHAT_MAX_PER_MEDEWERKER at once), messages are
stored as they are sent and pushed live, and the transcript ends as a
contact on the customer's timeline.

Live delivery is best effort: every message is a row first, numbered per
chat, and a client that reconnects asks for what came after the last number
it saw, so nothing is lost when a connection drops. Queue events (offered,
answered after N s, abandoned after N s, ended) feed the dashboard.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kanalen.models import Chat, Chatbericht, Kanaal, Wachtrijgebeurtenis
from kcc import formaat, kalender
from kcc.choices import KanaalSoort
from kcc.fsm import vergrendeld
from kcc.limiet import binnen_limiet
from kcc.models import User
from kcc.realtime import INBOX_GROUP, push_to_group
from klanten import services as klant_services
from klanten.models import Klant

WACHTRIJ_GROEP = INBOX_GROUP
# A chat message, as the form allows (maxlength): longer is refused, never cut.
MAX_TEKENS = 2000


def _te_lang() -> str:
    return _("Uw bericht is te lang: maximaal %(aantal)s tekens. Stuur het in delen.") % {
        "aantal": formaat.getal(MAX_TEKENS)
    }


def chat_groep(chat: Chat) -> str:
    return f"chat.{chat.uuid}"


class ChatGesloten(Exception):
    """Outside the chat's opening hours."""


class ChatConflict(Exception):
    """Taken by someone else, no longer waiting, or the agent is full."""


def chat_open(nu=None) -> bool:
    kanaal = Kanaal.objects.filter(soort=KanaalSoort.CHAT, actief=True).first()
    if kanaal is None:
        return False
    tijden = kanaal.openingstijden_tuples()
    return kalender.is_open(tijden, nu or timezone.now()) if tijden else True


def _gebeurtenis(chat: Chat, soort: str, *, wachttijd=None, medewerker=None) -> None:
    Wachtrijgebeurtenis.objects.create(
        kanaal=KanaalSoort.CHAT,
        soort=soort,
        sessie=str(chat.uuid),
        tijdstip=timezone.now(),
        wachttijd_seconden=wachttijd,
        medewerker=medewerker,
        klant=chat.klant,
    )


def _bericht(chat: Chat, van: str, tekst: str) -> Chatbericht:
    """Store a message with the next number; the caller holds the chat's row lock."""
    volgende = (chat.berichten.aggregate(m=Max("volgnummer"))["m"] or 0) + 1
    bericht = Chatbericht.objects.create(chat=chat, volgnummer=volgende, van=van, tekst=tekst)
    push_to_group(chat_groep(chat), {"type": "bericht", **bericht_als_dict(bericht)})
    return bericht


def bericht_als_dict(bericht: Chatbericht) -> dict:
    return {
        "volgnummer": bericht.volgnummer,
        "van": bericht.van,
        "tekst": bericht.tekst,
        "tijdstip": formaat.tijd(bericht.tijdstip),
    }


@transaction.atomic
def chat_starten(
    *, klant: Klant | None, naam: str, sessie_sleutel: str, vraag: str, thema=None
) -> Chat:
    """A citizen (logged in, or with a name) joins the chat queue; ``thema``
    (a product group they chose) routes it to agents with that skill."""
    if not chat_open():
        raise ChatGesloten(_("De chat is nu gesloten."))
    fouten = {}
    if klant is None and not naam.strip():
        fouten["naam"] = [_("Vul uw naam in.")]
    if not vraag.strip():
        fouten["vraag"] = [_("Schrijf uw vraag.")]
    elif len(vraag.strip()) > MAX_TEKENS:
        fouten["vraag"] = [_te_lang()]
    if fouten:
        raise ValidationError(fouten)
    chat = Chat.objects.create(
        klant=klant,
        naam=(klant.naam if klant else naam.strip())[:200],
        sessie_sleutel=sessie_sleutel[:64],
        thema=thema,
    )
    _gebeurtenis(chat, Wachtrijgebeurtenis.Soort.AANGEBODEN)
    _bericht(chat, Chatbericht.Van.KLANT, vraag.strip())
    push_to_group(WACHTRIJ_GROEP, {"type": "wachtrij"})
    return chat


@transaction.atomic
def chat_accepteren(*, chat: Chat, user: User) -> Chat:
    """Take a waiting chat; the row lock makes it one agent's."""
    if not user.has_perm("kcc.kanalen_beantwoorden"):
        raise PermissionDenied
    # The agent's own row first: two accepts at once count each other.
    User.objects.select_for_update().filter(pk=user.pk).first()
    chat = vergrendeld(
        chat,
        overgang="accepteren",
        conflict=lambda _chat: ChatConflict(_("Deze chat is al aangenomen of beëindigd.")),
    )
    actief = Chat.objects.filter(medewerker=user, status=Chat.Status.ACTIEF).count()
    if actief >= settings.CHAT_MAX_PER_MEDEWERKER:
        raise ChatConflict(
            _("U heeft al %(aantal)s chats; sluit er eerst één af.") % {"aantal": actief}
        )
    chat.accepteren()
    chat.medewerker = user
    chat.geaccepteerd_op = timezone.now()
    chat.save()
    wachttijd = int((chat.geaccepteerd_op - chat.gestart_op).total_seconds())
    _gebeurtenis(chat, Wachtrijgebeurtenis.Soort.BEANTWOORD, wachttijd=wachttijd, medewerker=user)
    _bericht(
        chat,
        Chatbericht.Van.SYSTEEM,
        _("%(naam)s helpt u verder.") % {"naam": user.first_name or _("Een medewerker")},
    )
    _status_melden(chat, "actief")
    push_to_group(WACHTRIJ_GROEP, {"type": "wachtrij"})
    return chat


def _status_melden(chat: Chat, status: str) -> None:
    """Both sides' open pages follow the chat's state (actief, klant_weg,
    beeindigd), so neither says "in gesprek" when it is over."""
    push_to_group(chat_groep(chat), {"type": "status", "status": status})


def mag_meedoen(chat: Chat, *, user, sessie_sleutel: str) -> str | None:
    """As whom this visitor takes part in the chat: "medewerker", "klant", or None."""
    if user.is_authenticated and chat.medewerker_id == user.pk:
        return Chatbericht.Van.MEDEWERKER
    if chat.klant_id and user.is_authenticated and klant_services.is_klant_zelf(user, chat.klant):
        return Chatbericht.Van.KLANT
    if not chat.klant_id and chat.sessie_sleutel and chat.sessie_sleutel == sessie_sleutel:
        return Chatbericht.Van.KLANT
    return None


@transaction.atomic
def chatbericht_versturen(*, chat: Chat, van: str, tekst: str) -> Chatbericht:
    tekst = tekst.strip()
    if not tekst:
        raise ValidationError(_("Het bericht is leeg."))
    if len(tekst) > MAX_TEKENS:
        raise ValidationError(_te_lang())
    if van == Chatbericht.Van.KLANT and not binnen_limiet(
        "chatbericht", str(chat.uuid), aantal=settings.CHAT_BERICHTEN_PER_MINUUT, seconden=60
    ):
        # A script filling the agent's screen; a person typing never gets here.
        raise ValidationError(_("U stuurt veel berichten kort na elkaar. Wacht even."))
    chat = vergrendeld(
        chat,
        voorwaarde=lambda chat: (
            chat.status in (Chat.Status.WACHTEND, Chat.Status.ACTIEF)
            and chat.klant_vertrokken_op is None
        ),
        conflict=lambda chat: ChatConflict(
            _("Deze chat is beëindigd.")
            if chat.klant_vertrokken_op is None or van != Chatbericht.Van.KLANT
            else _("U heeft deze chat beëindigd.")
        ),
    )
    return _bericht(chat, van, tekst)


@transaction.atomic
def chat_verlaten(*, chat: Chat) -> Chat:
    """The citizen ends the chat. Before anyone accepted it, it is abandoned
    (after this long); in a conversation, the agent hears that the citizen
    left and wraps the contact up."""
    chat = vergrendeld(chat)
    if chat.status == Chat.Status.ACTIEF and chat.klant_vertrokken_op is None:
        chat.klant_vertrokken_op = timezone.now()
        chat.save(update_fields=["klant_vertrokken_op"])
        _bericht(
            chat,
            Chatbericht.Van.SYSTEEM,
            _("%(naam)s heeft de chat beëindigd.") % {"naam": chat.naam or _("De klant")},
        )
        _status_melden(chat, "klant_weg")
        return chat
    if chat.status != Chat.Status.WACHTEND:
        return chat  # ended or left already: nothing more to do
    chat.verlaten()
    chat.beeindigd_op = timezone.now()
    chat.save()
    wachttijd = int((chat.beeindigd_op - chat.gestart_op).total_seconds())
    _gebeurtenis(chat, Wachtrijgebeurtenis.Soort.VERLATEN, wachttijd=wachttijd)
    push_to_group(WACHTRIJ_GROEP, {"type": "wachtrij"})
    return chat


def transcript(chat: Chat) -> str:
    namen = {
        Chatbericht.Van.KLANT: chat.naam or _("Klant"),
        Chatbericht.Van.MEDEWERKER: _("Medewerker"),
        Chatbericht.Van.SYSTEEM: "",
    }
    return "\n".join(
        f"[{formaat.tijd(b.tijdstip)}] {namen[b.van]}: {b.tekst}".replace("] : ", "] ")
        for b in chat.berichten.order_by("volgnummer")
    )


@transaction.atomic
def chat_beeindigen(
    *,
    chat: Chat,
    user: User,
    in_een_keer_goed: bool = True,
    vervolg_afdeling=None,
    terugbelnummer: str = "",
) -> Chat:
    """The agent closes the chat: its transcript becomes a contact. With
    ``vervolg_afdeling`` the question also goes on as a contactverzoek to
    that afdeling, tied to the contact; both or neither are stored."""
    chat = vergrendeld(
        chat,
        voorwaarde=lambda chat: chat.medewerker_id == user.pk,
        overgang="beeindigen",
        conflict=lambda chat: (
            PermissionDenied()
            if chat.medewerker_id != user.pk
            else ChatConflict(_("Deze chat is al beëindigd."))
        ),
    )
    if chat.klant_vertrokken_op is None:
        _bericht(chat, Chatbericht.Van.SYSTEEM, _("De medewerker heeft de chat beëindigd."))
    _status_melden(chat, "beeindigd")
    chat.beeindigen()
    chat.beeindigd_op = timezone.now()
    eerste = chat.berichten.filter(van=Chatbericht.Van.KLANT).order_by("volgnummer").first()
    chat.klantcontact = klant_services.klantcontact_registreren(
        klant=chat.klant,
        user=user,
        kanaal=KanaalSoort.CHAT,
        onderwerp=(eerste.tekst if eerste else _("Chat"))[:200],
        vraag=transcript(chat),
        in_een_keer_goed=in_een_keer_goed,
        tijd=klant_services.Contacttijd(
            gestart_op=chat.geaccepteerd_op or chat.gestart_op, beeindigd_op=chat.beeindigd_op
        ),
        contactnaam="" if chat.klant_id else chat.naam,
    )
    chat.save()
    if vervolg_afdeling is not None:
        klant_services.contactverzoek_maken(
            klant=chat.klant,
            user=user,
            vraag=chat.klantcontact.onderwerp,
            afdeling=vervolg_afdeling,
            klantcontact=chat.klantcontact,
            naam="" if chat.klant_id else chat.naam,
            telefoon=terugbelnummer.strip(),
        )
    _gebeurtenis(chat, Wachtrijgebeurtenis.Soort.BEEINDIGD, medewerker=user)
    return chat


@transaction.atomic
def terugbelverzoek(
    *, klant: Klant | None, naam: str, telefoon: str, vraag: str, chat: Chat | None = None
):
    """Outside opening hours, or when nobody took the chat in time: the
    question becomes a contactverzoek to the KCC, which calls back within
    its term. A waiting chat is left (and counts as abandoned)."""
    from kcc.models import Afdeling

    if chat is not None:
        eerste = chat.berichten.filter(van=Chatbericht.Van.KLANT).order_by("volgnummer").first()
        vraag = vraag.strip() or (eerste.tekst if eerste else "")
        naam = naam or chat.naam
    if klant is None and not naam.strip():
        raise ValidationError({"naam": [_("Vul uw naam in.")]})
    verzoek = klant_services.contactverzoek_maken(
        klant=klant,
        user=None,
        vraag=vraag,
        afdeling=Afdeling.objects.filter(code=settings.PORTAAL_AFDELING).first(),
        naam=naam,
        telefoon=telefoon,
    )
    if chat is not None:
        chat_verlaten(chat=chat)
    return verzoek
