"""The outbox: messages to customers, written with the change they tell
about and sent by a worker, exactly once per message.

How a message travels:
1. ``bericht_voor_zaakwijziging`` writes a ``Bericht`` in the transaction of
   the case change (a rolled-back change leaves no message) and, on commit,
   queues ``kanalen.tasks.bericht_versturen``.
2. ``bericht_versturen`` claims the row (``SELECT ... FOR UPDATE SKIP
   LOCKED`` and the transition to "bezig"), so of two workers only one gets
   it; it sends outside the transaction and then records the outcome.
3. A transient failure (SMTP or gateway down) puts the row back with an
   exponential backoff; after MAX_POGINGEN it is "mislukt", visible to staff,
   who can send it again.
4. Beat runs ``berichten_wachtrij_verwerken`` every minute: it queues rows
   that are due (the broker was down at commit, a retry is due) and returns
   rows whose claim is older than LEASE (the worker died) to the queue. LEASE
   is longer than the task time limit, so a live worker has been stopped
   before its row is handed to another.
"""

from __future__ import annotations

import logging
import re
import smtplib
import time
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kanalen.berichten import sms
from kanalen.models import Bericht, BerichtSjabloon, BerichtStatus
from kcc import formaat
from kcc.audit import Actie, audit_log
from kcc.links import publieke_url
from kcc.models import User
from kcc.realtime import klant_group, push_to_group
from kcc.telefoon import is_mobiel, normaliseer_telefoon
from klanten.models import Klant, Toestemming
from klanten.selectors import heeft_toestemming
from zaken.models import ZaakStatus

logger = logging.getLogger(__name__)


MAX_POGINGEN = 6


SMS_MAX_TEKENS = 320


LEASE = timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)


_PLAATSHOUDER = re.compile(r"\{(\w+)\}")


class TijdelijkMislukt(Exception):
    """Sending may work later: keep the message and try again."""


class DefinitiefMislukt(Exception):
    """Sending will not work (address refused): stop and show staff."""


def vul_in(tekst: str, waarden: dict[str, str]) -> str:
    """Replace {naam}-style placeholders; unknown ones stay as they are.
    (No str.format: a template must not reach attributes of the values.)"""
    return _PLAATSHOUDER.sub(lambda m: waarden.get(m.group(1), m.group(0)), tekst)


def _sjabloon(product_id: int, sleutels: list[str]) -> BerichtSjabloon | None:
    kandidaten = {
        (s.product_id, s.sleutel): s
        for s in BerichtSjabloon.objects.filter(sleutel__in=[*sleutels, "*"]).filter(
            product_id__in=[product_id]
        )
        | BerichtSjabloon.objects.filter(sleutel__in=[*sleutels, "*"], product__isnull=True)
    }
    for sleutel in [*sleutels, "*"]:
        for product in (product_id, None):
            if (product, sleutel) in kandidaten:
                return kandidaten[(product, sleutel)]
    return None


def kanaal_en_ontvanger(klant: Klant, *, sms: bool = True) -> tuple[str, str]:
    """The customer's preferred channel, falling back to what we can reach.
    Without ``sms`` (a reminder the customer did not consent to by SMS) an
    SMS preference falls back to e-mail, then the portal."""
    email = klant.email
    mobiel = ""
    if klant.telefoon:
        try:
            nummer = normaliseer_telefoon(klant.telefoon)
            mobiel = nummer if is_mobiel(nummer) else ""
        except ValidationError:
            mobiel = ""
    if not sms:
        mobiel = ""
    voorkeur = klant.berichtvoorkeur
    if voorkeur == Bericht.Kanaal.SMS and mobiel:
        return Bericht.Kanaal.SMS, mobiel
    if voorkeur in (Bericht.Kanaal.EMAIL, Bericht.Kanaal.SMS) and email:
        return Bericht.Kanaal.EMAIL, email
    if voorkeur == Bericht.Kanaal.EMAIL and mobiel:
        return Bericht.Kanaal.SMS, mobiel
    return Bericht.Kanaal.PORTAAL, ""


def beoordelingslink(zaak) -> str:
    """The address in a closing message where the customer rates the case."""
    return publieke_url(reverse("portaal:beoordelen-zaak", kwargs={"zaak_uuid": zaak.uuid}))


def bericht_voor_zaakwijziging(*, zaak, wijziging) -> Bericht:
    """Write the message about a case change. The caller holds the transaction
    of the change; sending starts after it commits."""
    klant = zaak.klant
    sleutels = [s for s in [wijziging.statusstap, wijziging.naar] if s]
    sjabloon = _sjabloon(zaak.product_id, sleutels)
    waarden = {
        "naam": klant.naam,
        "zaaknummer": zaak.nummer,
        "product": zaak.product.naam,
        "status": zaak.get_status_display(),
        "tekst": wijziging.burgertekst,
        "datum": formaat.datum_lang(wijziging.tijdstip),
    }
    if sjabloon is not None:
        onderwerp = vul_in(sjabloon.onderwerp, waarden)
        tekst = vul_in(sjabloon.tekst, waarden)
        sms_tekst = vul_in(sjabloon.sms_tekst, waarden) if sjabloon.sms_tekst else ""
    else:
        onderwerp = _("Nieuws over uw aanvraag %(zaaknummer)s") % waarden
        tekst = _(
            "Beste %(naam)s,\n\n%(tekst)s\n\nU kunt uw aanvraag %(zaaknummer)s (%(product)s) "
            "volgen in Mijn omgeving.\n\nMet vriendelijke groet,\n%(gemeente)s"
        ) % {**waarden, "gemeente": settings.GEMEENTE_NAAM}
        sms_tekst = ""
    kanaal, ontvanger = kanaal_en_ontvanger(klant)
    if kanaal == Bericht.Kanaal.SMS:
        tekst = sms_tekst or _("%(tekst)s Zaak %(zaaknummer)s. Meer in Mijn omgeving.") % waarden
    # The rating question is satisfaction research: only with the consent.
    if (
        wijziging.naar in (ZaakStatus.AFGEHANDELD, ZaakStatus.AFGEWEZEN)
        and not zaak.hoofdzaak_id
        and heeft_toestemming(klant, Toestemming.Soort.TEVREDENHEIDSONDERZOEK)
    ):
        vraag = "\n\n" + _(
            "Wat vond u van onze dienstverlening? Geef een cijfer van 1 tot 5: %(link)s"
        ) % {"link": beoordelingslink(zaak)}
        # An SMS stays within two messages; the rating is in Mijn omgeving too.
        if kanaal != Bericht.Kanaal.SMS or len(tekst + vraag) <= SMS_MAX_TEKENS:
            tekst += vraag
    return bericht_klaarzetten(
        klant=klant, zaak=zaak, kanaal=kanaal, ontvanger=ontvanger, onderwerp=onderwerp, tekst=tekst
    )


# After a failed publish the broker is left alone for a while: the message is
# safe in the outbox and beat queues it again, while the users whose changes
# commit meanwhile do not each wait for the broker connection to time out.
BROKER_PAUZE_SECONDEN = 15


_broker_pauze_tot = 0.0


def _in_wachtrij_zetten(bericht_id: int) -> None:
    """Queue the sending task after commit; never raise into the request."""
    global _broker_pauze_tot
    from kanalen.tasks import bericht_versturen

    if time.monotonic() < _broker_pauze_tot:
        return
    try:
        bericht_versturen.delay(bericht_id)
    except Exception:  # broker unreachable: beat picks the row up later
        _broker_pauze_tot = time.monotonic() + BROKER_PAUZE_SECONDEN
        logger.warning("Broker unreachable; message %s waits for beat", bericht_id, exc_info=True)


def bericht_claimen(*, bericht_id: int) -> Bericht | None:
    """Claim a due message for this worker, or None if another has it."""
    with transaction.atomic():
        bericht = (
            Bericht.objects.select_for_update(skip_locked=True)
            .filter(
                pk=bericht_id,
                status=BerichtStatus.WACHTRIJ,
                volgende_poging__lte=timezone.now(),
            )
            .exclude(kanaal=Bericht.Kanaal.POST)  # posted by hand (kanalen.post)
            .first()
        )
        if bericht is None:
            return None
        bericht.claimen()
        bericht.geclaimd_op = timezone.now()
        bericht.pogingen += 1
        bericht.save()
        return bericht


def _afleveren(bericht: Bericht) -> None:
    if bericht.kanaal == Bericht.Kanaal.EMAIL:
        mail = EmailMessage(
            subject=bericht.onderwerp,
            body=bericht.tekst,
            to=[bericht.ontvanger],
            # One Message-ID per outbox row: a repeat is recognisable as one.
            headers=bericht_kopregels(bericht),
        )
        try:
            mail.send()
        except smtplib.SMTPRecipientsRefused as error:
            raise DefinitiefMislukt(f"Address refused: {error}") from None
        except (smtplib.SMTPException, OSError) as error:
            raise TijdelijkMislukt(f"{type(error).__name__}: {error}") from None
    elif bericht.kanaal == Bericht.Kanaal.SMS:
        try:
            sms.send_sms(to=bericht.ontvanger, text=bericht.tekst, reference=str(bericht.uuid))
        except sms.SmsTijdelijkMislukt as error:
            raise TijdelijkMislukt(str(error)) from None
        except sms.SmsMislukt as error:
            raise DefinitiefMislukt(str(error)) from None


def bericht_kopregels(bericht: Bericht) -> dict[str, str]:
    """The e-mail headers of an outbox row: its own Message-ID and, for a
    reply, the message it answers (the customer's mail program threads it)."""
    kopregels = {"Message-ID": bericht_message_id(bericht)}
    if bericht.in_antwoord_op:
        kopregels["In-Reply-To"] = bericht.in_antwoord_op
        kopregels["References"] = bericht.in_antwoord_op
    return kopregels


def bericht_message_id(bericht: Bericht) -> str:
    return f"<{bericht.uuid}@{_mail_domein()}>"


def _mail_domein() -> str:
    _naam, adres = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return adres.rpartition("@")[2] or "localhost"


def backoff(pogingen: int) -> timedelta:
    """1, 2, 4, 8, 16 ... minutes after attempt 1, 2, 3 ..."""
    return timedelta(minutes=2 ** max(pogingen - 1, 0))


def bericht_versturen(*, bericht_id: int) -> str:
    """Send one message if it is due and nobody else is sending it."""
    bericht = bericht_claimen(bericht_id=bericht_id)
    if bericht is None:
        return "niet geclaimd"
    try:
        _afleveren(bericht)
    except TijdelijkMislukt as error:
        return _uitkomst(bericht, fout=str(error), opnieuw=bericht.pogingen < MAX_POGINGEN)
    except DefinitiefMislukt as error:
        return _uitkomst(bericht, fout=str(error), opnieuw=False)
    except Exception as error:
        logger.exception("Unexpected error sending message %s", bericht.uuid)
        return _uitkomst(
            bericht,
            fout=f"{type(error).__name__}: {error}",
            opnieuw=bericht.pogingen < MAX_POGINGEN,
        )
    return _uitkomst(bericht, fout="", opnieuw=False)


def _uitkomst(bericht: Bericht, *, fout: str, opnieuw: bool) -> str:
    with transaction.atomic():
        geclaimd_op = bericht.geclaimd_op
        bericht = Bericht.objects.select_for_update().get(pk=bericht.pk)
        # Only the worker that holds the claim records the outcome: a worker
        # that outlived its lease finds the row claimed again by another.
        if bericht.status != BerichtStatus.BEZIG or bericht.geclaimd_op != geclaimd_op:
            return "al afgehandeld"
        if not fout:
            bericht.verzonden()
            bericht.verzonden_op = timezone.now()
        elif opnieuw:
            bericht.later_opnieuw()
            bericht.volgende_poging = timezone.now() + backoff(bericht.pogingen)
        else:
            bericht.mislukt()
            logger.warning("Message %s failed for good: %s", bericht.uuid, fout)
        bericht.laatste_fout = fout[:500]
        bericht.save()
        return bericht.status


def berichten_wachtrij_verwerken(*, limit: int = 1000) -> int:
    """Beat: hand back stale claims, queue what is due. Returns how many were queued."""
    from kanalen.tasks import bericht_versturen

    grens = timezone.now() - LEASE
    with transaction.atomic():
        for bericht in Bericht.objects.select_for_update(skip_locked=True).filter(
            status=BerichtStatus.BEZIG, geclaimd_op__lt=grens
        )[:limit]:
            if bericht.pogingen >= MAX_POGINGEN:
                bericht.mislukt()
                bericht.laatste_fout = "Verzender reageerde niet; te vaak geprobeerd"
            else:
                bericht.later_opnieuw()
                bericht.laatste_fout = "Verzender reageerde niet; opnieuw in de wachtrij"
            bericht.save()
    # Oldest first, so a backlog drains in order. A row queued twice is
    # harmless: only one task can claim it.
    ids = list(
        Bericht.objects.filter(status=BerichtStatus.WACHTRIJ, volgende_poging__lte=timezone.now())
        .exclude(kanaal=Bericht.Kanaal.POST)
        .order_by("volgende_poging")
        .values_list("pk", flat=True)[:limit]
    )
    for pk in ids:
        bericht_versturen.delay(pk)
    return len(ids)


@transaction.atomic
def bericht_opnieuw_versturen(*, bericht: Bericht, user: User) -> Bericht:
    """Staff send a failed message again (after correcting the address, say)."""
    if not (user.has_perm("kcc.zaken_toewijzen") or user.has_perm("kcc.beheer_gebruiken")):
        raise PermissionDenied
    bericht = Bericht.objects.select_for_update().get(pk=bericht.pk)
    if bericht.status != BerichtStatus.MISLUKT:
        raise ValidationError(_("Alleen een mislukt bericht kan opnieuw worden verstuurd."))
    bericht.opnieuw_versturen()
    bericht.pogingen = 0
    bericht.volgende_poging = timezone.now()
    bericht.save()
    transaction.on_commit(lambda: _in_wachtrij_zetten(bericht.pk))
    return bericht


def bericht_klaarzetten(
    *,
    klant,
    kanaal: str,
    ontvanger: str,
    onderwerp: str,
    tekst: str,
    in_antwoord_op: str = "",
    zaak=None,
) -> Bericht:
    """Put a message in the outbox (sent after the caller's transaction
    commits; a portal-only one is delivered by being there); the caller has
    checked who may send it and to whom."""
    bericht = Bericht.objects.create(
        klant=klant,
        zaak=zaak,
        kanaal=kanaal,
        ontvanger=ontvanger,
        onderwerp=onderwerp[:200],
        tekst=tekst,
        in_antwoord_op=in_antwoord_op[:300],
    )
    if kanaal == Bericht.Kanaal.PORTAAL:
        # Nothing leaves the building: it is delivered by being in Mijn omgeving.
        bericht.claimen()
        bericht.verzonden()
        bericht.verzonden_op = timezone.now()
        bericht.save()
    elif kanaal != Bericht.Kanaal.POST:  # a letter waits to be printed and posted
        transaction.on_commit(lambda: _in_wachtrij_zetten(bericht.pk))
    return bericht


@transaction.atomic
def bericht_aan_klant(
    *, klant: Klant, user: User, kanaal: str, onderwerp: str, tekst: str, zaak=None
) -> Bericht:
    """An e-mail or SMS an agent writes to the customer (e.g. the link to apply
    online): through the outbox, like every message, so it is sent once and
    appears on the customer's timeline and in Mijn omgeving."""
    if not user.has_perm("kcc.werkplek_gebruiken"):
        raise PermissionDenied
    fouten = {}
    if not tekst.strip():
        fouten["tekst"] = [_("Schrijf het bericht.")]
    if kanaal == Bericht.Kanaal.EMAIL:
        ontvanger = klant.email
        if not ontvanger:
            fouten["kanaal"] = [_("Van deze klant is geen e-mailadres bekend.")]
        if not onderwerp.strip():
            fouten["onderwerp"] = [_("Een e-mail heeft een onderwerp nodig.")]
    elif kanaal == Bericht.Kanaal.SMS:
        ontvanger = ""
        if klant.telefoon:
            try:
                nummer = normaliseer_telefoon(klant.telefoon)
                ontvanger = nummer if is_mobiel(nummer) else ""
            except ValidationError:
                ontvanger = ""
        if not ontvanger:
            fouten["kanaal"] = [_("Van deze klant is geen mobiel nummer bekend.")]
        elif len(tekst.strip()) > SMS_MAX_TEKENS:
            fouten["tekst"] = [_("Een sms is hoogstens 320 tekens.")]
    else:
        fouten["kanaal"] = [_("Kies e-mail of sms.")]
    if fouten:
        raise ValidationError(fouten)
    bericht = bericht_klaarzetten(
        klant=klant,
        zaak=zaak,
        kanaal=kanaal,
        ontvanger=ontvanger,
        onderwerp=(
            onderwerp.strip()
            or _("Bericht van %(gemeente)s") % {"gemeente": settings.GEMEENTE_NAAM}
        ),
        tekst=tekst.strip(),
    )
    audit_log(
        user=user,
        actie=Actie.AANMAKEN,
        obj=bericht,
        betrokkene=klant.identificatie,
        omschrijving=f"{bericht.get_kanaal_display()} aan de klant geschreven",
        reden=_("Klant informeren"),
    )
    push_to_group(klant_group(klant.uuid), {"type": "bericht", "tekst": _("Bericht verstuurd")})
    return bericht
