"""Writes to customers, their contacts, consents and contactverzoeken.

Every channel registers its contacts here, so a contact by phone, at the
counter, by chat or in the portal is the same record on the same timeline.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kcc import formaat, kalender
from kcc.audit import Actie, audit_log
from kcc.choices import KanaalSoort
from kcc.fsm import vergrendeld
from kcc.links import link
from kcc.models import Afdeling, Melding, User
from kcc.realtime import klant_group, push_to_group
from kcc.roles import Rol
from kcc.services import meldingen_versturen, verantwoordelijken
from kcc.telefoon import normaliseer_telefoon
from klanten import brp
from klanten.models import (
    Contactverzoek,
    ContactverzoekStatus,
    Klant,
    Klantcontact,
    Toestemming,
)
from klanten.selectors import heeft_toestemming
from klanten.signals import klanten_samengevoegd
from producten.services import kennisgebruik_vastleggen

SIGNAAL_FRACTIE = 0.8


def _eis(toegestaan: bool) -> None:
    if not toegestaan:
        raise PermissionDenied(_("U mag dit voor deze klant niet doen."))


def is_klant_zelf(user: User | None, klant: Klant | None) -> bool:
    """Whether this user is the customer themself: logged in with DigiD as
    this BSN or with eHerkenning as this KVK number. The one check every
    building block asks before a customer sees or changes their own things."""
    if klant is None or user is None or not user.is_authenticated or not user.is_klant:
        return False
    return bool(
        (user.bsn and user.bsn == klant.bsn)
        or (user.kvk_nummer and user.kvk_nummer == klant.kvk_nummer)
    )


def _is_medewerker(user: User | None) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("kcc.werkplek_gebruiken"))


def _live(klant: Klant | None, soort: str, tekst: str) -> None:
    """Tell the pages showing this customer that something new happened."""
    if klant is not None:
        push_to_group(klant_group(klant.uuid), {"type": soort, "tekst": tekst})


# --- The person register ------------------------------------------------------


def _brp_overnemen(klant: Klant, persoon: brp.BrpPersoon) -> list[str]:
    velden = {
        "voornamen": persoon.voornamen,
        "voorvoegsel": persoon.voorvoegsel,
        "geslachtsnaam": persoon.geslachtsnaam,
        "geboortedatum": persoon.geboortedatum,
        "straat": persoon.straat,
        "huisnummer": persoon.huisnummer,
        "postcode": persoon.postcode,
        "woonplaats": persoon.woonplaats,
        "geheimhouding": persoon.geheimhouding,
    }
    gewijzigd = [veld for veld, waarde in velden.items() if getattr(klant, veld) != waarde]
    for veld in gewijzigd:
        setattr(klant, veld, velden[veld])
    klant.brp_bijgewerkt_op = timezone.now()
    return gewijzigd


@transaction.atomic
def klant_met_bsn(*, bsn: str, user: User | None) -> Klant | None:
    """The customer with this BSN; one the platform does not know yet is made
    from the person register, so nobody has to give their data again. None
    when the register does not know the person either (or cannot be reached)."""
    klant = Klant.objects.filter(bsn=bsn).first()
    if klant is not None:
        return klant
    try:
        persoon = brp.persoon_opvragen(bsn)
    except brp.BrpNietBereikbaar:
        return None
    if persoon is None:
        return None
    klant = Klant(soort=Klant.Soort.PERSOON, bsn=bsn)
    _brp_overnemen(klant, persoon)
    klant.save()
    audit_log(
        user=user,
        actie=Actie.AANMAKEN,
        obj=klant,
        betrokkene=bsn,
        omschrijving="Klant aangemaakt met gegevens uit de BRP",
        reden="Klant identificeren",
    )
    return klant


@transaction.atomic
def klant_bijwerken_uit_brp(*, klant: Klant, user: User) -> list[str]:
    """Refresh name, birth date, address and secrecy from the register; returns
    what changed. Raises ValidationError when the register gives no answer."""
    _eis(user.has_perm("kcc.klantbeeld_inzien"))
    if not klant.bsn:
        raise ValidationError(_("Alleen personen met een BSN staan in de BRP."))
    try:
        persoon = brp.persoon_opvragen(klant.bsn)
    except brp.BrpNietBereikbaar:
        raise ValidationError(
            _("De BRP is nu niet bereikbaar. Probeer het later opnieuw.")
        ) from None
    if persoon is None:
        raise ValidationError(_("De BRP kent deze persoon niet (meer)."))
    klant = Klant.objects.select_for_update().get(pk=klant.pk)
    gewijzigd = _brp_overnemen(klant, persoon)
    klant.save()
    audit_log(
        user=user,
        actie=Actie.WIJZIGEN,
        obj=klant,
        betrokkene=klant.identificatie,
        omschrijving="Gegevens bijgewerkt uit de BRP: "
        + (", ".join(gewijzigd) or "geen wijziging"),
        reden="Actuele gegevens",
    )
    return gewijzigd


# --- Contact details and consents ------------------------------------------------


@transaction.atomic
def klant_contactgegevens_wijzigen(
    *,
    klant: Klant,
    user: User,
    email: str,
    telefoon: str,
    berichtvoorkeur: str,
    taal: str | None = None,
) -> Klant:
    """Correct the e-mail address, phone number, message preference and
    language: the customer themselves (portal) or staff on their behalf."""
    door_klant = is_klant_zelf(user, klant)
    _eis(door_klant or user.has_perm("kcc.klantbeeld_inzien"))
    fouten = {}
    email = email.strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            fouten["email"] = [_("Vul een e-mailadres in als naam@voorbeeld.nl.")]
    telefoon = telefoon.strip()
    if telefoon:
        try:
            telefoon = normaliseer_telefoon(telefoon)
        except ValidationError:
            fouten["telefoon"] = [_("Vul een telefoonnummer in als 06 12345678.")]
    if berichtvoorkeur not in Klant.Berichtvoorkeur.values:
        fouten["berichtvoorkeur"] = [_("Kies hoe u berichten wilt krijgen.")]
    elif berichtvoorkeur == Klant.Berichtvoorkeur.EMAIL and not email and "email" not in fouten:
        fouten["berichtvoorkeur"] = [_("Voor berichten per e-mail is een e-mailadres nodig.")]
    elif berichtvoorkeur == Klant.Berichtvoorkeur.SMS and not telefoon and "telefoon" not in fouten:
        fouten["berichtvoorkeur"] = [_("Voor berichten per sms is een mobiel nummer nodig.")]
    if taal is not None and taal not in Klant.Taal.values:
        fouten["taal"] = [_("Kies een taal uit de lijst.")]
    if fouten:
        raise ValidationError(fouten)
    klant = Klant.objects.select_for_update().get(pk=klant.pk)
    oud = (klant.email, klant.telefoon, klant.berichtvoorkeur, klant.taal)
    klant.email, klant.telefoon, klant.berichtvoorkeur = email, telefoon, berichtvoorkeur
    if taal is not None:
        klant.taal = taal
    klant.save()
    if oud != (klant.email, klant.telefoon, klant.berichtvoorkeur, klant.taal):
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=klant,
            betrokkene=klant.identificatie,
            omschrijving="Contactgegevens gewijzigd"
            + (" door de klant zelf" if door_klant else " namens de klant"),
            reden=_("Correctie van contactgegevens"),
        )
    return klant


@transaction.atomic
def toestemming_geven(*, klant: Klant, user: User, soort: str, via: str) -> Toestemming:
    _eis(is_klant_zelf(user, klant) or user.has_perm("kcc.klantbeeld_inzien"))
    if soort not in Toestemming.Soort.values:
        raise ValidationError(_("Onbekende toestemming."))
    bestaand = Toestemming.objects.filter(klant=klant, soort=soort, ingetrokken_op__isnull=True)
    if (huidige := bestaand.first()) is not None:
        return huidige
    toestemming = Toestemming.objects.create(klant=klant, soort=soort, via=via)
    audit_log(
        user=user,
        actie=Actie.AANMAKEN,
        obj=klant,
        betrokkene=klant.identificatie,
        omschrijving=f"Toestemming gegeven: {soort}",
        reden=_("Toestemming van de klant"),
    )
    return toestemming


@transaction.atomic
def toestemming_intrekken(*, klant: Klant, user: User, soort: str) -> int:
    _eis(is_klant_zelf(user, klant) or user.has_perm("kcc.klantbeeld_inzien"))
    aantal = Toestemming.objects.filter(
        klant=klant, soort=soort, ingetrokken_op__isnull=True
    ).update(ingetrokken_op=timezone.now())
    if aantal:
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=klant,
            betrokkene=klant.identificatie,
            omschrijving=f"Toestemming ingetrokken: {soort}",
            reden=_("Toestemming van de klant"),
        )
    return aantal


# --- Contacts -------------------------------------------------------------------


@dataclass(frozen=True)
class Contacttijd:
    """When a contact took place: from ``gestart_op`` (now when not given) to
    ``beeindigd_op`` (now for an agent's contact, open for a web form), and
    the after-contact work that followed it (for the handling time, AHT)."""

    gestart_op: datetime | None = None
    beeindigd_op: datetime | None = None
    nawerk_seconden: int = 0


@transaction.atomic
def klantcontact_registreren(
    *,
    klant: Klant | None,
    user: User | None,
    kanaal: str,
    vraag: str = "",
    antwoord: str = "",
    onderwerp: str = "",
    product=None,
    kennisitem=None,
    kennis_geholpen: bool | None = None,
    in_een_keer_goed: bool | None = None,
    tijd: Contacttijd = Contacttijd(),
    richting: str = Klantcontact.Richting.INKOMEND,
    soort: str = Klantcontact.Soort.VRAAG,
    namens: str = "",
    contactnaam: str = "",
    zaak=None,
    overgedragen_aan: Afdeling | None = None,
) -> Klantcontact:
    """Register one contact moment. ``klant`` None is an anonymous question;
    it counts for the KPIs all the same. ``user`` is the agent (None for a
    channel without one, e.g. a web form); a customer registers only their own.

    A knowledge item with ``kennis_geholpen`` also records the use of that
    item, so the knowledge base learns which answers work. A question that
    goes on to a colleague is handed over next, in the caller's transaction,
    with ``klantcontact_doorzetten``.
    """
    if user is not None and user.is_authenticated:
        _eis(_is_medewerker(user) or is_klant_zelf(user, klant))
    if kanaal not in KanaalSoort.values:
        raise ValidationError({"kanaal": [_("Kies het kanaal van het contact.")]})
    if richting not in Klantcontact.Richting.values:
        raise ValidationError({"richting": [_("Kies inkomend of uitgaand.")]})
    if soort not in Klantcontact.Soort.values:
        raise ValidationError({"soort": [_("Kies of het een vraag, klacht of melding is.")]})
    if not (vraag.strip() or onderwerp.strip() or product or kennisitem):
        raise ValidationError({"vraag": [_("Schrijf kort op waar het contact over ging.")]})
    if klant is not None and klant.is_samengevoegd:
        klant = klant.samengevoegd_in
    nu = timezone.now()
    gestart_op = tijd.gestart_op or nu
    if tijd.beeindigd_op is not None and tijd.beeindigd_op < gestart_op:
        raise ValidationError({"beeindigd_op": [_("Het einde ligt voor het begin.")]})
    medewerker = user if _is_medewerker(user) else None
    contact = Klantcontact.objects.create(
        klant=klant,
        contactnaam=contactnaam.strip()[:200],
        namens=namens.strip()[:200],
        kanaal=kanaal,
        richting=richting,
        soort=soort,
        product=product,
        kennisitem=kennisitem,
        kennis_geholpen=kennis_geholpen if kennisitem is not None else None,
        onderwerp=(onderwerp.strip() or (product.naam if product else ""))[:200],
        vraag=vraag.strip(),
        antwoord=antwoord.strip(),
        in_een_keer_goed=in_een_keer_goed,
        gestart_op=gestart_op,
        beeindigd_op=tijd.beeindigd_op or (nu if medewerker else None),
        nawerk_seconden=max(0, tijd.nawerk_seconden),
        medewerker=medewerker,
        zaak=zaak,
        overgedragen_aan=overgedragen_aan,
    )
    if kennisitem is not None and kennis_geholpen is not None and medewerker is not None:
        kennisgebruik_vastleggen(
            item=kennisitem, user=medewerker, kanaal=kanaal, geholpen=kennis_geholpen
        )
    if klant is not None and medewerker is not None:
        audit_log(
            user=medewerker,
            actie=Actie.AANMAKEN,
            obj=contact,
            betrokkene=klant.identificatie,
            omschrijving=f"Klantcontact via {contact.get_kanaal_display()} geregistreerd",
            reden=_("Klantcontact vastleggen"),
        )
    _live(
        klant,
        "klantcontact",
        _("%(wie)s registreerde een contact via %(kanaal)s")
        % {"wie": medewerker or _("Een kanaal"), "kanaal": contact.get_kanaal_display()},
    )
    return contact


@transaction.atomic
def klantcontact_doorzetten(
    *,
    contact: Klantcontact,
    user: User | None,
    afdeling: Afdeling | None = None,
    medewerker: User | None = None,
) -> Contactverzoek:
    """Hand the question of a contact just registered to an afdeling or a
    colleague, who calls or writes the customer back: a contactverzoek tied
    to the contact. Call it in the transaction that registered the contact,
    so a refused hand-over leaves no contact behind either."""
    if afdeling is None and medewerker is None:
        raise ValidationError(
            {"afdeling": [_("Kies de afdeling of collega die de klant terugbelt.")]}
        )
    return contactverzoek_maken(
        klant=contact.klant,
        user=user,
        vraag=contact.vraag or contact.onderwerp,
        afdeling=afdeling,
        medewerker=medewerker,
        klantcontact=contact,
        naam=contact.contactnaam,
    )


# --- Contactverzoeken --------------------------------------------------------------


def _signaaldatum(start: date, einde: date) -> date:
    totaal = kalender.werkdagen_tussen(start, einde)
    return kalender.werkdagen_optellen(start, math.ceil(totaal * SIGNAAL_FRACTIE))


@transaction.atomic
def contactverzoek_maken(
    *,
    klant: Klant | None,
    user: User | None,
    vraag: str,
    afdeling: Afdeling | None = None,
    medewerker: User | None = None,
    klantcontact: Klantcontact | None = None,
    termijn_werkdagen: int | None = None,
    wettelijke_termijn_weken: int | None = None,
    naam: str = "",
    telefoon: str = "",
    email: str = "",
) -> Contactverzoek:
    """Hand a question to an afdeling or a colleague, to call or write the
    customer back within ``termijn_werkdagen`` working days. The assignee
    (or the afdeling's teamleiders) gets a notice; the customer can follow
    its status in Mijn omgeving."""
    if user is not None and user.is_authenticated:
        _eis(_is_medewerker(user) or is_klant_zelf(user, klant))
    fouten = {}
    if not vraag.strip():
        fouten["vraag"] = [_("Schrijf op wat de vraag is.")]
    if afdeling is None and medewerker is None:
        fouten["afdeling"] = [_("Kies een afdeling of een collega.")]
    if medewerker is not None and not (
        medewerker.is_active and medewerker.has_perm("kcc.werkplek_gebruiken")
    ):
        fouten["medewerker"] = [_("Deze collega kan geen contactverzoeken behandelen.")]
    termijn = termijn_werkdagen or settings.CONTACTVERZOEK_TERMIJN_WERKDAGEN
    if not wettelijke_termijn_weken and not 1 <= termijn <= 30:
        fouten["termijn_werkdagen"] = [_("Kies een termijn van 1 tot 30 werkdagen.")]
    telefoon = telefoon.strip() or (klant.telefoon if klant else "")
    if telefoon:
        try:
            telefoon = normaliseer_telefoon(telefoon)
        except ValidationError:
            fouten["telefoon"] = [_("Vul een telefoonnummer in als 06 12345678.")]
    email = email.strip().lower() or (klant.email if klant else "")
    if klant is None and not (telefoon or email):
        fouten["telefoon"] = [_("Zonder klant is een telefoonnummer of e-mailadres nodig.")]
    if fouten:
        raise ValidationError(fouten)
    vandaag = timezone.localdate()
    if wettelijke_termijn_weken:
        # A statutory term (a complaint, Awb 9:11): calendar weeks, ending on a
        # working day (Atw art. 1); its 80% signal in calendar days too.
        uiterlijk = kalender.wettelijke_termijn_einde(vandaag, wettelijke_termijn_weken, "weken")
        signaal = vandaag + timedelta(days=math.ceil((uiterlijk - vandaag).days * SIGNAAL_FRACTIE))
        termijn = kalender.werkdagen_tussen(vandaag, uiterlijk)
    else:
        uiterlijk = kalender.werkdagen_optellen(vandaag, termijn)
        signaal = _signaaldatum(vandaag, uiterlijk)
    verzoek = Contactverzoek.objects.create(
        klant=klant,
        klantcontact=klantcontact,
        naam=naam.strip() or (klant.naam if klant else ""),
        telefoon=telefoon,
        email=email,
        vraag=vraag.strip(),
        afdeling=afdeling,
        medewerker=medewerker,
        aangemaakt_door=user if _is_medewerker(user) else None,
        termijn_werkdagen=termijn,
        wettelijke_termijn_weken=wettelijke_termijn_weken,
        uiterlijk_op=uiterlijk,
        signaaldatum=signaal,
    )
    ontvangers = (
        [medewerker] if medewerker else verantwoordelijken(afdeling.pk if afdeling else None)
    )
    meldingen_versturen(
        ontvangers=[o for o in ontvangers if o != user],
        soort=Melding.Soort.TOEGEWEZEN,
        titel=_("Contactverzoek voor u: %(vraag)s (uiterlijk %(datum)s)")
        % {"vraag": verzoek.vraag[:80], "datum": formaat.datum(uiterlijk)},
        url=link("contactverzoeken"),
    )
    _live(klant, "contactverzoek", _("Er is een contactverzoek gemaakt"))
    return verzoek


def mag_contactverzoek_behandelen(user: User, verzoek: Contactverzoek) -> bool:
    if not _is_medewerker(user):
        return False
    if verzoek.medewerker_id == user.pk or user.heeft_rol(Rol.TEAMLEIDER):
        return True
    return (
        verzoek.afdeling_id is not None and user.afdelingen.filter(pk=verzoek.afdeling_id).exists()
    )


@transaction.atomic
def contactverzoek_oppakken(*, contactverzoek: Contactverzoek, user: User) -> Contactverzoek:
    """Take a contactverzoek: it is now this user's, and nobody else's."""
    _eis(mag_contactverzoek_behandelen(user, contactverzoek))
    verzoek = vergrendeld(
        contactverzoek,
        overgang="oppakken",
        conflict=lambda verzoek: ValidationError(
            _("Dit contactverzoek is al opgepakt of afgehandeld (%(status)s).")
            % {"status": verzoek.get_status_display()}
        ),
        related=["klant"],
        alleen_eigen_rij=True,
    )
    verzoek.oppakken()
    verzoek.medewerker = user
    verzoek.save()
    return verzoek


@transaction.atomic
def contactverzoek_afhandelen(
    *,
    contactverzoek: Contactverzoek,
    user: User,
    uitkomst: str,
    teruggebeld: bool = False,
    in_contact: Klantcontact | None = None,
) -> Contactverzoek:
    """Done: ``uitkomst`` says what was agreed, and the customer sees it.
    ``teruggebeld``: the agent called the customer back; the call is
    registered as an outgoing contact that answered this contactverzoek,
    about the same product and case as the contact it came from.
    ``in_contact``: a contact just registered (the klantbeeld's form) answered
    it; it must be the same customer's."""
    _eis(mag_contactverzoek_behandelen(user, contactverzoek))
    if not uitkomst.strip():
        raise ValidationError({"uitkomst": [_("Schrijf op wat de uitkomst is.")]})
    if in_contact is not None and in_contact.klant_id != contactverzoek.klant_id:
        raise ValidationError(_("Dit contact is niet van de klant van het contactverzoek."))
    verzoek = vergrendeld(
        contactverzoek,
        overgang="afhandelen",
        conflict=lambda _verzoek: ValidationError(_("Dit contactverzoek is al afgehandeld.")),
        related=["klant", "klantcontact"],
        alleen_eigen_rij=True,
    )
    verzoek.afhandelen()
    verzoek.uitkomst = uitkomst.strip()
    verzoek.afgehandeld_op = timezone.now()
    verzoek.afgehandeld_door = user
    if verzoek.medewerker_id is None:
        verzoek.medewerker = user
    if in_contact is not None:
        verzoek.beantwoord_in = in_contact
    elif teruggebeld:
        aanleiding = verzoek.klantcontact
        verzoek.beantwoord_in = klantcontact_registreren(
            klant=verzoek.klant,
            user=user,
            kanaal=KanaalSoort.TELEFOON,
            richting=Klantcontact.Richting.UITGAAND,
            contactnaam="" if verzoek.klant else verzoek.naam,
            # The customer reads it in Mijn contacten: what it was about, never
            # the hand-over text (Contactverzoek.tekst_voor_klant's rule).
            onderwerp=_("Teruggebeld: %(onderwerp)s")
            % {"onderwerp": _onderwerp_voor_klant(verzoek)[:150]},
            vraag=verzoek.vraag,
            antwoord=verzoek.uitkomst,
            product=aanleiding.product if aanleiding else None,
            zaak=aanleiding.zaak if aanleiding else None,
        )
    verzoek.save()
    _live(verzoek.klant, "contactverzoek", _("Een contactverzoek is afgehandeld"))
    return verzoek


def _onderwerp_voor_klant(verzoek: Contactverzoek) -> str:
    """The subject of the contact a contactverzoek came from, else what the
    customer reads about the contactverzoek itself."""
    aanleiding = verzoek.klantcontact
    if aanleiding is not None:
        onderwerp = aanleiding.onderwerp or (aanleiding.product.naam if aanleiding.product else "")
        if onderwerp:
            return onderwerp
    return verzoek.tekst_voor_klant


# Awb 9:11 lid 2: the term of a complaint may be put off once, by at most four weeks.
KLACHT_VERLENGING_MAX_WEKEN = 4


@transaction.atomic
def contactverzoek_verlengen(
    *, contactverzoek: Contactverzoek, user: User, weken: int, reden: str
) -> Contactverzoek:
    """Put off the statutory term of a complaint, once, by at most four weeks
    (Awb 9:11 lid 2). The caller tells the customer in writing, in the same
    transaction (kanalen.portaal.vragen.klacht_verlengen does)."""
    _eis(mag_contactverzoek_behandelen(user, contactverzoek))
    fouten = {}
    if not isinstance(weken, int) or not 1 <= weken <= KLACHT_VERLENGING_MAX_WEKEN:
        fouten["weken"] = [
            _("Verleng met 1 tot %(max)s weken.") % {"max": KLACHT_VERLENGING_MAX_WEKEN}
        ]
    if not reden.strip():
        fouten["reden"] = [_("Schrijf op waarom de klacht meer tijd nodig heeft.")]
    elif len(reden.strip()) > 500:
        # The customer is told this reason: refused when too long, never cut.
        fouten["reden"] = [_("De reden is te lang: maximaal 500 tekens.")]
    if fouten:
        raise ValidationError(fouten)
    verzoek = vergrendeld(
        contactverzoek,
        voorwaarde=lambda v: v.is_open and v.wettelijke_termijn_weken and v.verlengd_op is None,
        conflict=lambda v: ValidationError(
            _("Alleen de termijn van een open klacht kan worden verlengd, en maar één keer.")
        ),
        related=["klant"],
        alleen_eigen_rij=True,
    )
    ontvangen = timezone.localdate(verzoek.aangemaakt_op)
    ruw = ontvangen + timedelta(weeks=verzoek.wettelijke_termijn_weken + weken)
    verzoek.uiterlijk_op = kalender.atw_toepassen(ontvangen, ruw)
    verzoek.signaaldatum = ontvangen + timedelta(
        days=math.ceil((verzoek.uiterlijk_op - ontvangen).days * SIGNAAL_FRACTIE)
    )
    verzoek.gesignaleerd_op = verzoek.geescaleerd_op = None
    verzoek.verlengd_op = timezone.now()
    verzoek.verlenging_reden = reden.strip()
    verzoek.save()
    audit_log(
        user=user,
        actie=Actie.WIJZIGEN,
        obj=verzoek,
        betrokkene=verzoek.klant.identificatie if verzoek.klant else "",
        omschrijving=f"Termijn van de klacht verlengd tot {formaat.datum(verzoek.uiterlijk_op)}",
        reden=_("Klacht vraagt meer tijd (Awb 9:11 lid 2)"),
    )
    _live(verzoek.klant, "contactverzoek", _("De termijn van een klacht is verlengd"))
    return verzoek


def contactverzoeken_bewaken(*, vandaag: date | None = None) -> tuple[list[int], list[int]]:
    """Beat: flag open contactverzoeken at 80% of their term and escalate late
    ones to the teamleiders, each exactly once (conditional updates on rows
    locked with SKIP LOCKED, as for cases)."""
    vandaag = vandaag or timezone.localdate()
    open_ = Contactverzoek.objects.filter(
        status__in=[ContactverzoekStatus.OPEN, ContactverzoekStatus.IN_BEHANDELING]
    )
    nu = timezone.now()
    with transaction.atomic():
        gesignaleerd = list(
            open_.filter(gesignaleerd_op__isnull=True, signaaldatum__lte=vandaag)
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
        )
        Contactverzoek.objects.filter(pk__in=gesignaleerd, gesignaleerd_op__isnull=True).update(
            gesignaleerd_op=nu
        )
        geescaleerd = list(
            open_.filter(geescaleerd_op__isnull=True, uiterlijk_op__lt=vandaag)
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
        )
        Contactverzoek.objects.filter(pk__in=geescaleerd, geescaleerd_op__isnull=True).update(
            geescaleerd_op=nu
        )
        url = link("contactverzoeken")
        for verzoek in Contactverzoek.objects.filter(pk__in=gesignaleerd).select_related(
            "medewerker"
        ):
            # Who holds it; nobody yet: those responsible for its afdeling.
            meldingen_versturen(
                ontvangers=[verzoek.medewerker]
                if verzoek.medewerker
                else verantwoordelijken(verzoek.afdeling_id),
                soort=Melding.Soort.SIGNAAL,
                titel=_("Contactverzoek bijna te laat: %(vraag)s") % {"vraag": verzoek.vraag[:80]},
                url=url,
            )
        for verzoek in Contactverzoek.objects.filter(pk__in=geescaleerd):
            meldingen_versturen(
                ontvangers=verantwoordelijken(verzoek.afdeling_id),
                soort=Melding.Soort.ESCALATIE,
                titel=_("Contactverzoek over de termijn: %(vraag)s")
                % {"vraag": verzoek.vraag[:80]},
                url=url,
            )
    return gesignaleerd, geescaleerd


# --- Duplicates ------------------------------------------------------------------


@transaction.atomic
def klanten_samenvoegen(*, behouden: Klant, opheffen: Klant, user: User) -> Klant:
    """Merge a duplicate registration into ``behouden``: every contact, case,
    message, consent and contactverzoek moves over, missing details are
    taken over, and the duplicate stays (marked) so its history can be
    traced. Only a teamleider merges; the merge is in the audit log."""
    _eis(user.has_perm("kcc.zaken_toewijzen"))
    if behouden.pk == opheffen.pk:
        raise ValidationError(_("Kies twee verschillende klanten."))
    # Lock both in id order, so two merges at once cannot deadlock.
    vergrendeld = {
        k.pk: k
        for k in Klant.objects.select_for_update()
        .filter(pk__in=[behouden.pk, opheffen.pk])
        .order_by("pk")
    }
    behouden, opheffen = vergrendeld[behouden.pk], vergrendeld[opheffen.pk]
    if behouden.is_samengevoegd or opheffen.is_samengevoegd:
        raise ValidationError(_("Een van deze klanten is al samengevoegd."))
    if behouden.soort != opheffen.soort:
        raise ValidationError(_("Een persoon en een organisatie kunnen niet samen."))
    if behouden.bsn and opheffen.bsn and behouden.bsn != opheffen.bsn:
        raise ValidationError(_("Deze klanten hebben elk een eigen BSN: het zijn twee mensen."))
    if (
        behouden.kvk_nummer
        and opheffen.kvk_nummer
        and (behouden.kvk_nummer, behouden.vestigingsnummer)
        != (opheffen.kvk_nummer, opheffen.vestigingsnummer)
    ):
        raise ValidationError(_("Deze organisaties hebben elk een eigen KVK-inschrijving."))

    overgenomen = []
    # The identifiers are unique: free them on the duplicate first.
    sleutels = {}
    if opheffen.bsn and not behouden.bsn:
        sleutels["bsn"] = opheffen.bsn
        opheffen.bsn = None
    if opheffen.kvk_nummer and not behouden.kvk_nummer:
        sleutels["kvk_nummer"] = opheffen.kvk_nummer
        sleutels["vestigingsnummer"] = opheffen.vestigingsnummer
        opheffen.kvk_nummer, opheffen.vestigingsnummer = "", ""
    opheffen.samengevoegd_in = behouden
    opheffen.save()
    for veld, waarde in sleutels.items():
        setattr(behouden, veld, waarde)
        overgenomen.append(veld)
    for veld in [
        "voornamen",
        "voorvoegsel",
        "geslachtsnaam",
        "geboortedatum",
        "organisatienaam",
        "straat",
        "huisnummer",
        "postcode",
        "woonplaats",
        "email",
        "telefoon",
    ]:
        if not getattr(behouden, veld) and getattr(opheffen, veld):
            setattr(behouden, veld, getattr(opheffen, veld))
            overgenomen.append(veld)
    behouden.geheimhouding = behouden.geheimhouding or opheffen.geheimhouding
    behouden.save()

    Klantcontact.objects.filter(klant=opheffen).update(klant=behouden)
    Contactverzoek.objects.filter(klant=opheffen).update(klant=behouden)
    for toestemming in Toestemming.objects.filter(klant=opheffen, ingetrokken_op__isnull=True):
        if heeft_toestemming(behouden, toestemming.soort):
            Toestemming.objects.filter(pk=toestemming.pk).update(ingetrokken_op=timezone.now())
    Toestemming.objects.filter(klant=opheffen, ingetrokken_op__isnull=True).update(klant=behouden)
    klanten_samengevoegd.send(sender=Klant, behouden=behouden, opheffen=opheffen, user=user)
    for klant, omschrijving in [
        (behouden, f"Dubbele klant {opheffen.uuid} samengevoegd in deze klant"),
        (opheffen, f"Samengevoegd in klant {behouden.uuid}"),
    ]:
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=klant,
            betrokkene=behouden.identificatie or klant.identificatie,
            omschrijving=omschrijving
            + (f"; overgenomen: {', '.join(overgenomen)}" if overgenomen else ""),
            reden=_("Dubbele registratie opheffen"),
        )
    _live(behouden, "samengevoegd", _("Een dubbele registratie is samengevoegd"))
    return behouden


# --- Retention --------------------------------------------------------------------


def klantcontacten_anonimiseren(*, nu: datetime | None = None, batch: int = 5000) -> int:
    """Beat, nightly: remove the free text (question, answer, on whose behalf,
    the name of an anonymous caller) of contacts older than the retention
    period (AVG art. 5(1)(e)). Channel, times, subject and outcome stay for
    the KPIs. Works in batches so a large backlog never holds long locks."""
    nu = nu or timezone.now()
    grens = nu - timedelta(days=settings.KLANTCONTACT_BEWAARTERMIJN_DAGEN)
    totaal = 0
    while True:
        with transaction.atomic():
            ids = list(
                Klantcontact.objects.filter(geanonimiseerd_op__isnull=True, gestart_op__lt=grens)
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)[:batch]
            )
            if not ids:
                return totaal
            totaal += Klantcontact.objects.filter(pk__in=ids).update(
                vraag="", antwoord="", namens="", contactnaam="", geanonimiseerd_op=nu
            )
