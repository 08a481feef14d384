"""The written channels' inbox: e-mail and SMS that arrive, are taken by one
agent, answered (the e-mail in its thread) and end as a contact.

E-mail arrives by IMAP (``kanalen.tasks.email_ophalen``, beat) or on the
inbound webhook; both hand the raw message to ``email_ontvangen``, the one
parser. A message that arrives twice (same Message-ID) is one item. The
sender gets an acknowledgement with the date by which they get an answer:
the e-mail channel's norm (e.g. 2 working days).
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
from datetime import date, datetime, time
from email import policy
from email.parser import BytesParser
from email.utils import parseaddr

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from kanalen.berichten import services as bericht_services
from kanalen.models import Bericht, BerichtStatus, InboxBijlage, Inboxitem, InboxStatus, Kanaal
from kcc import bestanden, formaat, invoer, kalender
from kcc.audit import Actie, audit_log
from kcc.choices import KanaalSoort
from kcc.fsm import vergrendeld
from kcc.models import User
from kcc.telefoon import normaliseer_telefoon
from klanten import services as klant_services
from klanten.models import Klant
from klanten.selectors import gevonden_klanten
from producten import selectors as producten_selectors
from producten.models import Thema

logger = logging.getLogger(__name__)


class InboxConflict(Exception):
    """Someone else took the item first, or it is no longer open."""


def norm_datum(kanaal: str, vandaag: date | None = None) -> date | None:
    """By when a message on ``kanaal`` must be answered, from the channel's norm."""
    vandaag = vandaag or timezone.localdate()
    norm = Kanaal.objects.filter(soort=kanaal).first()
    if norm is None or not norm.norm_aantal:
        return None
    if norm.norm_eenheid == Kanaal.NormEenheid.WERKDAGEN:
        return kalender.werkdagen_optellen(vandaag, norm.norm_aantal)
    if norm.norm_eenheid == Kanaal.NormEenheid.WEKEN:
        return kalender.werkdagen_optellen(vandaag, norm.norm_aantal * 5)
    return vandaag


def _tekst(bericht) -> str:
    deel = bericht.get_body(preferencelist=("plain", "html"))
    if deel is None:
        return ""
    try:
        inhoud = deel.get_content()
    except (LookupError, UnicodeError):  # an unknown or wrong character set
        inhoud = deel.get_payload(decode=True).decode("utf-8", "replace")
    if deel.get_content_subtype() == "html":
        inhoud = strip_tags(inhoud)
    return inhoud.strip()


def _draad(in_antwoord_op: str) -> Inboxitem | None:
    """The conversation a reply belongs to: the customer's earlier message,
    or the message our reply (Message-ID <bericht-uuid@domain>) answered."""
    if not in_antwoord_op:
        return None
    eerder = Inboxitem.objects.filter(bericht_id=in_antwoord_op).first()
    if eerder is None:
        sleutel = in_antwoord_op.strip("<>").partition("@")[0]
        antwoord = None
        with contextlib.suppress(ValidationError, ValueError):
            antwoord = Bericht.objects.filter(uuid=sleutel).first()
        if antwoord is not None and antwoord.in_antwoord_op:
            eerder = Inboxitem.objects.filter(bericht_id=antwoord.in_antwoord_op).first()
    return (eerder.draad or eerder) if eerder is not None else None


def productgroep_herkennen(*teksten: str) -> Thema | None:
    """The product group a message is most likely about, for routing by
    skill: that of the product its words name (the subject first, by name or
    search word). None when none is named; an agent can always set or
    correct it on the item."""
    product = producten_selectors.product_herkennen(" ".join(t for t in teksten if t))
    return product.themas.order_by("volgorde", "naam").first() if product else None


@transaction.atomic
def email_ontvangen(*, ruw: bytes) -> Inboxitem:
    """An incoming e-mail (the raw message) as an inbox item with its
    attachments, matched to a customer by address, acknowledged."""
    bericht = BytesParser(policy=policy.default).parsebytes(ruw)
    bericht_id = str(bericht.get("Message-ID") or "").strip()[:300]
    if bericht_id:
        bestaand = Inboxitem.objects.filter(kanaal=KanaalSoort.EMAIL, bericht_id=bericht_id).first()
        if bestaand is not None:
            return bestaand
    naam, adres = parseaddr(str(bericht.get("From") or ""))
    adres = adres.strip().lower()
    if "@" not in adres:
        raise ValidationError(_("Dit bericht heeft geen afzender."))
    in_antwoord_op = str(bericht.get("In-Reply-To") or "").strip()[:300]
    draad = _draad(in_antwoord_op)
    onderwerp = str(bericht.get("Subject") or "")[:300]
    tekst = _tekst(bericht)
    item = Inboxitem(
        kanaal=KanaalSoort.EMAIL,
        klant=next(iter(gevonden_klanten(Q(email=adres), limit=1)), None),
        van=adres,
        naam=naam[:200],
        onderwerp=onderwerp,
        tekst=tekst,
        bericht_id=bericht_id,
        in_antwoord_op=in_antwoord_op,
        draad=draad,
        uiterlijk_op=norm_datum(KanaalSoort.EMAIL),
        # A reply stays with the product group of its thread.
        thema=draad.thema if draad is not None else productgroep_herkennen(onderwerp, tekst),
    )
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:  # the same message, fetched and posted at once
        return Inboxitem.objects.get(kanaal=KanaalSoort.EMAIL, bericht_id=bericht_id)
    for deel in bericht.iter_attachments():
        inhoud = deel.get_payload(decode=True) or b""
        bestand = ContentFile(inhoud, name=deel.get_filename() or "bijlage")
        soort = bestanden.bestandssoort(bestand) or ""
        try:
            waarschuwing = bestanden.inhoud_risico(bestand, soort) or ""
        except bestanden.ScannerOnbereikbaar:
            waarschuwing = _("Niet op virussen gecontroleerd: de scanner was niet bereikbaar.")
        bijlage = InboxBijlage(
            item=item,
            bestandsnaam=bestanden.veilige_bestandsnaam(deel.get_filename() or "bijlage"),
            soort=soort,
            grootte=len(inhoud),
            waarschuwing=waarschuwing[:500],
        )
        # Kept whatever it is (nothing a customer sent is lost); it is only
        # ever served as a download, never shown in the browser.
        bijlage.bestand.save("bijlage", bestand, save=True)
    automatisch = str(bericht.get("Auto-Submitted") or "no").lower() != "no"
    if not automatisch and adres != parseaddr(settings.DEFAULT_FROM_EMAIL)[1].lower():
        _ontvangst_bevestigen(item)
    return item


def _ontvangst_bevestigen(item: Inboxitem) -> None:
    datum = formaat.datum_lang(item.uiterlijk_op)
    tekst = (
        _("Wij hebben uw e-mail ontvangen.")
        + " "
        + (_("U krijgt uiterlijk %(datum)s antwoord.") % {"datum": datum} if datum else "")
    )
    bericht_services.bericht_klaarzetten(
        klant=item.klant,
        kanaal=Bericht.Kanaal.EMAIL,
        ontvanger=item.van,
        onderwerp=_("Ontvangen: %(onderwerp)s") % {"onderwerp": item.onderwerp or "-"},
        tekst=f"{tekst.strip()}\n\n{settings.GEMEENTE_NAAM}",
        in_antwoord_op=item.bericht_id,
    )


@transaction.atomic
def sms_ontvangen(*, van: str, tekst: str, bericht_id: str = "") -> Inboxitem:
    """An incoming SMS from the gateway as an inbox item."""
    try:
        van = normaliseer_telefoon(van)
    except ValidationError:
        raise ValidationError(_("Geen geldig afzendernummer.")) from None
    bericht_id = bericht_id.strip()[:300]
    if bericht_id:
        bestaand = Inboxitem.objects.filter(kanaal=KanaalSoort.SMS, bericht_id=bericht_id).first()
        if bestaand is not None:
            return bestaand
    item = Inboxitem(
        kanaal=KanaalSoort.SMS,
        klant=next(iter(gevonden_klanten(Q(telefoon=van), limit=1)), None),
        van=van,
        onderwerp=_("Sms"),
        tekst=tekst.strip(),
        bericht_id=bericht_id,
        uiterlijk_op=norm_datum(KanaalSoort.SMS),
        thema=productgroep_herkennen(tekst),
    )
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:
        return Inboxitem.objects.get(kanaal=KanaalSoort.SMS, bericht_id=bericht_id)
    return item


@transaction.atomic
def inboxitem_oppakken(*, item: Inboxitem, user: User) -> Inboxitem:
    """Take an item: the row lock makes two agents who click at once take
    it once; the second gets a clear conflict."""
    if not user.has_perm("kcc.kanalen_beantwoorden"):
        raise PermissionDenied
    item = vergrendeld(
        item,
        overgang="oppakken",
        conflict=lambda _item: InboxConflict(_("Een collega heeft dit bericht al opgepakt.")),
    )
    item.oppakken()
    item.medewerker = user
    item.genomen_op = timezone.now()
    item.save()
    return item


@transaction.atomic
def inboxitem_productgroep(*, item: Inboxitem, user: User, thema: Thema | None) -> Inboxitem:
    """Set or correct the product group an item is about: it then goes to
    the agents with that skill (none: to everyone)."""
    if not user.has_perm("kcc.kanalen_beantwoorden"):
        raise PermissionDenied
    item = vergrendeld(
        item,
        voorwaarde=lambda item: item.status != InboxStatus.AFGEHANDELD,
        conflict=lambda _item: InboxConflict(_("Dit bericht is al afgehandeld.")),
    )
    item.thema = thema
    item.save(update_fields=["thema"])
    return item


@transaction.atomic
def inboxitem_vrijgeven(*, item: Inboxitem, user: User) -> Inboxitem:
    item = vergrendeld(
        item,
        overgang="vrijgeven",
        voorwaarde=lambda item: item.medewerker_id == user.pk,
        conflict=lambda _item: InboxConflict(_("U heeft dit bericht niet in behandeling.")),
    )
    item.vrijgeven()
    item.medewerker = None
    item.genomen_op = None
    item.save()
    return item


@transaction.atomic
def inboxitem_beantwoorden(
    *, item: Inboxitem, user: User, tekst: str, in_een_keer_goed: bool = True, adres: str = ""
) -> Bericht:
    """Answer the item on its own channel (the e-mail in its thread, a letter
    by letter to ``adres`` or the customer's address), and close it as a
    contact on the customer's timeline."""
    item = vergrendeld(
        item,
        overgang="afhandelen",
        voorwaarde=lambda item: item.medewerker_id == user.pk,
        conflict=lambda _item: InboxConflict(
            _("Pak het bericht eerst op; dan kunt u het beantwoorden.")
        ),
    )
    tekst = tekst.strip()
    if not tekst:
        raise ValidationError({"tekst": [_("Schrijf uw antwoord.")]})
    if item.kanaal == KanaalSoort.SMS and len(tekst) > 320:
        raise ValidationError({"tekst": [_("Een sms is hoogstens 320 tekens.")]})
    invoer.tekst_eisen("tekst", tekst, invoer.BERICHT)
    onderwerp = item.onderwerp or _("Uw bericht")
    if item.kanaal == KanaalSoort.POST:
        # A letter is answered by letter: it waits in "Post te versturen" to
        # be printed and posted. A known customer also finds it in Mijn
        # omgeving (every message of theirs is listed there).
        adres = adres.strip()
        if not adres and not (item.klant and item.klant.adres):
            raise ValidationError({"adres": [_("Vul het adres in waar de brief heen moet.")]})
        antwoord = bericht_services.bericht_klaarzetten(
            klant=item.klant,
            kanaal=Bericht.Kanaal.POST,
            ontvanger=adres[:254],
            onderwerp=_("Antwoord op uw brief: %(onderwerp)s") % {"onderwerp": onderwerp},
            tekst=tekst,
        )
    else:
        antwoord = bericht_services.bericht_klaarzetten(
            klant=item.klant,
            kanaal=Bericht.Kanaal.SMS if item.kanaal == KanaalSoort.SMS else Bericht.Kanaal.EMAIL,
            ontvanger=item.van,
            onderwerp=onderwerp if onderwerp.lower().startswith("re:") else f"Re: {onderwerp}",
            tekst=tekst,
            in_antwoord_op=item.bericht_id,
        )
    contact = klant_services.klantcontact_registreren(
        klant=item.klant,
        user=user,
        kanaal=item.kanaal,
        onderwerp=item.onderwerp[:200],
        vraag=item.tekst,
        antwoord=tekst,
        in_een_keer_goed=in_een_keer_goed,
        tijd=klant_services.Contacttijd(gestart_op=item.genomen_op or timezone.now()),
        contactnaam=item.naam or item.van,
    )
    item.afhandelen()
    item.afgehandeld_op = timezone.now()
    item.klantcontact = contact
    item.save()
    return antwoord


def email_ophalen(*, verbinden=None) -> int:
    """Fetch the unread messages from the KCC mailbox (IMAP) into the inbox.

    A message is marked read only after its item is committed; a crash in
    between fetches it again next time, and its Message-ID keeps it one item.
    ``verbinden`` makes the connection (tests pass a stand-in for the server).
    """
    if not settings.IMAP_HOST:
        return 0
    verbinden = verbinden or (
        lambda: imaplib.IMAP4_SSL(settings.IMAP_HOST, settings.IMAP_PORT, timeout=30)
    )
    imap = verbinden()
    aantal = 0
    try:
        imap.login(settings.IMAP_USER, settings.IMAP_PASSWORD)
        imap.select(settings.IMAP_MAP)
        _status, gevonden = imap.uid("search", None, "UNSEEN")
        for uid in (gevonden[0] or b"").split():
            _status, delen = imap.uid("fetch", uid, "(BODY.PEEK[])")
            ruw = next((d[1] for d in delen if isinstance(d, tuple)), None)
            if ruw is None:
                continue
            try:
                email_ontvangen(ruw=ruw)
            except ValidationError as fout:  # e.g. no sender: left unread for a person to see
                logger.warning("E-mail %s not taken into the inbox: %s", uid, fout.messages)
                continue
            imap.uid("store", uid, "+FLAGS", "(\\Seen)")
            aantal += 1
    finally:
        with contextlib.suppress(Exception):
            imap.logout()
    return aantal


@transaction.atomic
def brief_registreren(
    *,
    user: User,
    scan,
    onderwerp: str,
    afzender: str,
    klant: Klant | None = None,
    ontvangen_op: date | None = None,
    thema: Thema | None = None,
) -> Inboxitem:
    """A letter that came in by post, registered with its scan (checked by
    content) and the letter norm counted from the day it arrived."""
    if not user.has_perm("kcc.kanalen_beantwoorden"):
        raise PermissionDenied
    fouten = {}
    if not (afzender.strip() or klant):
        fouten["afzender"] = [_("Vul de afzender in of kies de klant.")]
    if not onderwerp.strip():
        fouten["onderwerp"] = [_("Waar gaat de brief over?")]
    vandaag = timezone.localdate()
    ontvangen_op = ontvangen_op or vandaag
    if ontvangen_op > vandaag:
        fouten["ontvangen_op"] = [_("De datum van ontvangst ligt in de toekomst.")]
    soort = ""
    if scan is None:
        fouten["scan"] = [_("Voeg de scan van de brief toe.")]
    else:
        try:
            soort = bestanden.upload_controleren(
                scan, toegestaan=["pdf", "jpg", "png"], max_mb=settings.UPLOAD_MAX_MB
            )
        except ValidationError as fout:
            fouten["scan"] = fout.messages
    if fouten:
        raise ValidationError(fouten)
    # Staff see the letter's sender: a shielded address is not written there.
    afzender = afzender.strip() or (
        (klant.naam if klant.geheimhouding else klant.adres or klant.naam) if klant else ""
    )
    item = Inboxitem.objects.create(
        kanaal=KanaalSoort.POST,
        klant=klant,
        van=afzender[:254],
        naam=klant.naam if klant else afzender[:200],
        onderwerp=onderwerp.strip()[:300],
        tekst=_("Brief, ontvangen op %(datum)s; zie de scan.")
        % {"datum": formaat.datum(ontvangen_op)},
        ontvangen_op=timezone.now()
        if ontvangen_op == vandaag
        else timezone.make_aware(datetime.combine(ontvangen_op, time(9))),
        uiterlijk_op=norm_datum(KanaalSoort.POST, ontvangen_op),
        thema=thema or productgroep_herkennen(onderwerp),
    )
    bijlage = InboxBijlage(
        item=item,
        bestandsnaam=bestanden.veilige_bestandsnaam(scan.name or "scan"),
        soort=soort,
        grootte=scan.size,
    )
    bijlage.bestand.save("scan", scan, save=False)
    try:
        bijlage.save()
    except Exception:
        bijlage.bestand.delete(save=False)
        raise
    if klant is not None:
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=item,
            betrokkene=klant.identificatie,
            omschrijving="Brief van de klant geregistreerd",
            reden="Post registreren",
        )
    return item


def te_versturen_brieven():
    """Letters written and not yet posted, oldest first."""
    return (
        Bericht.objects.filter(kanaal=Bericht.Kanaal.POST, status=BerichtStatus.WACHTRIJ)
        .select_related("klant")
        .order_by("aangemaakt", "id")
    )


def briefadres(bericht: Bericht) -> list[str]:
    """The lines of the address block: the address the agent gave (as on
    the customer's letter), else the customer's name and address."""
    if bericht.ontvanger:
        regels = [r.strip() for r in bericht.ontvanger.replace(",", "\n").splitlines()]
        return [r for r in regels if r]
    klant = bericht.klant
    if klant is None or not klant.adres:
        return []
    postcode = klant.postcode.replace(" ", "")
    if len(postcode) == 6:  # 1234AB is written 1234 AB
        postcode = f"{postcode[:4]} {postcode[4:]}"
    return [
        klant.naam,
        f"{klant.straat} {klant.huisnummer}",
        f"{postcode}  {klant.woonplaats}".strip(),
    ]


def brief_afdrukken(*, bericht: Bericht, user: User) -> list[str]:
    """The address block of a letter to print; reading a customer's address
    (also a shielded one: the envelope needs it) is in the audit log."""
    if not user.has_perm("kcc.kanalen_beantwoorden"):
        raise PermissionDenied
    if bericht.kanaal != Bericht.Kanaal.POST:
        raise ValidationError(_("Dit bericht is geen brief."))
    if bericht.klant_id:
        audit_log(
            user=user,
            actie=Actie.INZIEN,
            obj=bericht,
            betrokkene=bericht.klant.identificatie,
            omschrijving="Brief aan de klant afgedrukt (met adres)",
            reden="Antwoord per post versturen",
        )
    return briefadres(bericht)


@transaction.atomic
def brief_verstuurd(*, bericht: Bericht, user: User) -> Bericht:
    """The letter is printed and in the post: it counts as sent from now."""
    if not user.has_perm("kcc.kanalen_beantwoorden"):
        raise PermissionDenied
    bericht = Bericht.objects.select_for_update().get(pk=bericht.pk)
    if bericht.kanaal != Bericht.Kanaal.POST:
        raise ValidationError(_("Dit bericht is geen brief."))
    if bericht.status != BerichtStatus.WACHTRIJ:
        raise InboxConflict(_("Deze brief is al als verstuurd gemarkeerd."))
    nu = timezone.now()
    bericht.claimen()
    bericht.geclaimd_op = nu
    bericht.verzonden()
    bericht.verzonden_op = nu
    bericht.save()
    return bericht
