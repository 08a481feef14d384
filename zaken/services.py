"""Writes to cases. Every status change goes through here: the role check,
the row lock, the transition, the dates, the history row and the
announcement happen together or not at all."""

from __future__ import annotations

import math
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kcc import bestanden, formaat, invoer, kalender
from kcc.audit import Actie, audit_log
from kcc.choices import Doelgroep, KanaalSoort
from kcc.fsm import vergrendeld
from kcc.models import Afdeling, Melding, User
from kcc.roles import Rol
from kcc.services import verantwoordelijken
from klanten.models import Klant, Klantcontact
from klanten.services import is_klant_zelf
from producten import services as producten_services
from producten.formulier import antwoorden_controleren
from producten.models import Product
from zaken import normrealisatie
from zaken.models import (
    EIND_STATUSSEN,
    LOPENDE_STATUSSEN,
    StatusWijziging,
    Zaak,
    ZaakDocument,
    ZaakNotitie,
    ZaakStatus,
)
from zaken.signals import zaak_gewijzigd
from zaken.zgw import notificaties as zgw_notificaties


class ZaakConflict(Exception):
    """Someone else changed the case first; the caller shows this message."""

    def __init__(self, message: str | None = None):
        super().__init__(
            message
            or _(
                "Deze zaak is intussen door iemand anders gewijzigd. "
                "Bekijk de nieuwe stand en probeer het opnieuw."
            )
        )


# --- Numbers -------------------------------------------------------------------


def volgend_zaaknummer(*, jaar: int) -> str:
    """ZAAK-<jaar>-<volgnummer>: one atomic upsert, so concurrent registrations
    never get the same number. A rolled-back registration may leave a gap."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO zaken_zaaknummerreeks (jaar, laatste) VALUES (%s, 1) "
            "ON CONFLICT (jaar) DO UPDATE SET laatste = zaken_zaaknummerreeks.laatste + 1 "
            "RETURNING laatste",
            [jaar],
        )
        (volgnummer,) = cursor.fetchone()
    return f"ZAAK-{jaar}-{volgnummer:06d}"


# --- Who may do what -----------------------------------------------------------


def overziet_alle_afdelingen(user: User) -> bool:
    """A teamleider of the KCC (or of no afdeling) keeps control of the whole
    chain; a teamleider of a back-office afdeling leads only that one."""
    if not user.heeft_rol(Rol.TEAMLEIDER):
        return False
    codes = set(user.afdelingen.values_list("code", flat=True))
    return not codes or settings.KCC_AFDELING_CODE in codes


def mag_behandelen(user: User, zaak: Zaak) -> bool:
    """A behandelaar or teamleider of the case's afdeling, or a KCC teamleider."""
    if not user.has_perm("kcc.zaken_behandelen"):
        return False
    if overziet_alle_afdelingen(user):
        return True
    return zaak.afdeling_id is not None and user.afdelingen.filter(pk=zaak.afdeling_id).exists()


def _melden(ontvangers, soort: str, titel: str, zaak: Zaak) -> None:
    """A stored, live notice to staff about a case, linking to its page."""
    from kcc.services import meldingen_versturen

    meldingen_versturen(
        ontvangers=ontvangers,
        soort=soort,
        titel=titel,
        url=zaak.get_absolute_url(),
    )


def _eis(toegestaan: bool) -> None:
    if not toegestaan:
        raise PermissionDenied(_("U mag deze handeling op deze zaak niet uitvoeren."))


# --- Deadlines -----------------------------------------------------------------

SIGNAAL_FRACTIE = 0.8


def signaaldatum(start: date, streefdatum: date | None, uiterste_datum: date | None) -> date | None:
    """The day 80% of the term has passed: working days for the service norm,
    calendar days for a statutory term without one."""
    if streefdatum is not None:
        totaal = kalender.werkdagen_tussen(start, streefdatum)
        return kalender.werkdagen_optellen(start, math.ceil(totaal * SIGNAAL_FRACTIE))
    if uiterste_datum is not None:
        return start + timedelta(days=math.ceil((uiterste_datum - start).days * SIGNAAL_FRACTIE))
    return None


def termijnen_bewaken(*, vandaag: date | None = None) -> tuple[list[int], list[int]]:
    """Beat: flag open cases at 80% of their term, escalate breached ones and
    report cases an afdeling did not pick up within its norm.

    Each flag is set by one conditional UPDATE (``... IS NULL``) on rows
    locked with SKIP LOCKED, so a case is flagged, escalated and reported
    exactly once however often or concurrently this runs. Cases waiting for
    the customer are skipped: their clock stands still. The notices are
    stored for the behandelaar (80%) and the afdeling's teamleiders
    (escalation, not picked up) and pushed to their open pages.
    Returns the ids flagged and escalated now.
    """
    vandaag = vandaag or timezone.localdate()
    lopend = Zaak.objects.filter(status__in=LOPENDE_STATUSSEN)
    nu = timezone.now()
    with transaction.atomic():
        te_signaleren = _vlag_zetten(
            lopend.filter(gesignaleerd_op__isnull=True, signaaldatum__lte=vandaag),
            "gesignaleerd_op",
            nu,
        )
        te_escaleren = _vlag_zetten(
            lopend.filter(geescaleerd_op__isnull=True, termijndatum__lt=vandaag),
            "geescaleerd_op",
            nu,
        )
        niet_opgepakt = _vlag_zetten(
            Zaak.objects.filter(
                status=ZaakStatus.ONTVANGEN,
                oppak_gemeld_op__isnull=True,
                oppakken_uiterlijk__lt=vandaag,
            ),
            "oppak_gemeld_op",
            nu,
        )
        _termijnmeldingen(te_signaleren, te_escaleren, niet_opgepakt)
    return te_signaleren, te_escaleren


def _vlag_zetten(zaken, veld: str, nu) -> list[int]:
    ids = list(zaken.select_for_update(skip_locked=True).values_list("pk", flat=True))
    Zaak.objects.filter(pk__in=ids, **{f"{veld}__isnull": True}).update(**{veld: nu})
    return ids


def _termijnmeldingen(gesignaleerd: list[int], geescaleerd: list[int], niet_opgepakt) -> None:
    alle = set(gesignaleerd) | set(geescaleerd) | set(niet_opgepakt)
    if not alle:
        return
    zaken = {
        z.pk: z for z in Zaak.objects.filter(pk__in=alle).select_related("product", "behandelaar")
    }
    for pk in gesignaleerd:
        zaak = zaken[pk]
        if not zaak.behandelaar and pk in geescaleerd:
            continue  # the teamleiders get the escalation, which says more
        # The behandelaar; a case nobody holds yet: those responsible for its afdeling.
        _melden(
            [zaak.behandelaar] if zaak.behandelaar else verantwoordelijken(zaak.afdeling_id),
            Melding.Soort.SIGNAAL,
            _("Zaak %(nummer)s (%(product)s): 80%% van de termijn is verstreken")
            % {"nummer": zaak.nummer, "product": zaak.product.naam},
            zaak,
        )
    for pks, soort, tekst in [
        (
            geescaleerd,
            Melding.Soort.ESCALATIE,
            _("Zaak %(nummer)s (%(product)s) is over de termijn"),
        ),
        (
            niet_opgepakt,
            Melding.Soort.NIET_OPGEPAKT,
            _("Zaak %(nummer)s (%(product)s) is niet binnen de oppaknorm opgepakt"),
        ),
    ]:
        for pk in pks:
            zaak = zaken[pk]
            _melden(
                verantwoordelijken(zaak.afdeling_id),
                soort,
                tekst % {"nummer": zaak.nummer, "product": zaak.product.naam},
                zaak,
            )


# --- Registration --------------------------------------------------------------


def gekozen_onderdelen(inhoud: dict, antwoorden: dict | None) -> list[str]:
    """The parts of a compound request that apply: those without a condition,
    and those whose yes/no question the customer answered with yes."""
    voorwaarden = inhoud.get("onderdeel_voorwaarden", {})
    antwoorden = antwoorden or {}
    return [
        code
        for code in inhoud.get("onderdelen", [])
        if code not in voorwaarden or antwoorden.get(voorwaarden[code]) in (True, "ja")
    ]


def aanvraagvragen(versie, antwoorden: dict | None = None) -> list[dict]:
    """The questions of a request: the product's own and, for a compound
    product, those of the parts that apply to ``antwoorden`` (each key asked
    once). Without answers: only the parts that always apply."""
    vragen = list(versie.inhoud.get("vragen", []))
    gezien = {v["sleutel"] for v in vragen}
    for code in gekozen_onderdelen(versie.inhoud, antwoorden):
        onderdeel = Product.objects.get(code=code)
        for vraag in producten_services.product_huidige_versie(product=onderdeel).inhoud.get(
            "vragen", []
        ):
            if vraag["sleutel"] not in gezien:
                gezien.add(vraag["sleutel"])
                vragen.append(vraag)
    return vragen


def _oppakdatum(afdeling: Afdeling | None, vandaag: date) -> date | None:
    """By when the afdeling must have taken a new case in behandeling."""
    if afdeling is None:
        return None
    return kalender.werkdagen_optellen(vandaag, afdeling.oppaknorm_werkdagen)


def doelgroep_uitleg(product: Product) -> str:
    """Who may request ``product``, in the customer's words."""
    wie = [str(Doelgroep(code).label).lower() for code in product.doelgroepen]
    return _("%(product)s is alleen voor %(wie)s.") % {
        "product": product.naam,
        "wie": _(" en ").join(wie) if wie else _("niemand"),
    }


def voor_doelgroep_eisen(product: Product, klant: Klant) -> None:
    """Refuse, in the customer's words, a product that is not for their kind
    of customer (a passport for a business, a trade licence for a person).
    Every channel that registers or books a product asks this."""
    if not product.is_voor(klant.doelgroep):
        raise ValidationError(doelgroep_uitleg(product), code="doelgroep")


def zaak_registreren(
    *,
    klant: Klant,
    product: Product,
    kanaal: str,
    antwoorden: dict | None = None,
    user: User | None = None,
    hoofdzaak: Zaak | None = None,
    overdracht: str = "",
    klantcontact=None,
    inlog=None,
) -> Zaak:
    """Register a request of ``klant`` for ``product``; for a compound product
    also a sub-case per part, each for its own afdeling.

    The product must be offered. A customer applies only on a channel where
    the product can be requested; staff register on the customer's behalf
    (any channel on which the product can be requested somewhere), with in
    ``overdracht`` what the afdeling needs to know. ``antwoorden`` are checked
    against the product's form (of a compound product: its parts' forms too);
    a ValidationError keyed by question says what is wrong. A
    ``klantcontact`` of the same customer (the call in which the request was
    made) is linked to the case. ``inlog`` (kcc.auth.inlog.Inlog), for an
    online application, is kept on the case: the level the customer logged
    in with, who acted on their behalf and the vestiging.
    """
    if kanaal not in KanaalSoort.values:
        raise ValidationError(_("Onbekend kanaal."))
    invoer.tekst_eisen("overdracht", overdracht.strip(), invoer.NOTITIE)
    product = Product.objects.get(pk=product.pk)  # its publication status as stored now
    if not product.is_aangeboden():
        raise ValidationError(_("Dit product kan nu niet worden aangevraagd."))
    if hoofdzaak is None:
        voor_doelgroep_eisen(product, klant)
    aanvraagbaar = set(product.kanalen.filter(aanvragen=True).values_list("kanaal", flat=True))
    if not aanvraagbaar and hoofdzaak is None:
        raise ValidationError(
            _("Dit product kunt u niet bij de gemeente aanvragen; het is alleen informatie.")
        )
    door_klant = user is not None and user.is_authenticated and user.is_klant
    if door_klant and kanaal not in aanvraagbaar and hoofdzaak is None:
        raise ValidationError(_("Dit product kunt u niet via dit kanaal aanvragen."))
    if user is not None and user.is_authenticated and not door_klant:
        _eis(user.has_perm("kcc.klantbeeld_inzien") or user.has_perm("kcc.zaken_behandelen"))

    versie = producten_services.product_huidige_versie(product=product)
    inhoud = versie.inhoud
    if hoofdzaak is None:
        antwoorden = antwoorden_controleren(aanvraagvragen(versie, antwoorden), antwoorden or {})
    nu = timezone.now()
    vandaag = timezone.localdate(nu)
    streef = uiterst = uiterst_ruw = None
    if inhoud.get("servicenorm"):
        streef = kalender.servicenorm_einde(vandaag, *inhoud["servicenorm"])
    if inhoud.get("wettelijke_termijn"):
        uiterst_ruw = kalender.wettelijk_einde_ruw(vandaag, *inhoud["wettelijke_termijn"])
        uiterst = kalender.atw_toepassen(vandaag, uiterst_ruw)
    afdeling = Afdeling.objects.filter(code=inhoud.get("afdeling") or "").first()

    zaak = Zaak(
        signaaldatum=signaaldatum(vandaag, streef, uiterst),
        nummer=volgend_zaaknummer(jaar=vandaag.year),
        klant=klant,
        product=product,
        productversie=versie,
        hoofdzaak=hoofdzaak,
        kanaal=kanaal,
        vertrouwelijkheid=product.vertrouwelijkheid,
        antwoorden=antwoorden or {},
        afdeling=afdeling,
        geregistreerd_op=nu,
        streefdatum=streef,
        uiterste_datum=uiterst,
        uiterste_datum_ruw=uiterst_ruw,
        overdracht=overdracht.strip(),
        inlogniveau=inlog.niveau if inlog else None,
        machtiging=inlog.machtiging if inlog else "",
        gemachtigde=inlog.gemachtigde if inlog else "",
        vestigingsnummer=inlog.vestigingsnummer if inlog else "",
        # A compound request's main case follows its parts; only they are picked up.
        oppakken_uiterlijk=None if inhoud.get("onderdelen") else _oppakdatum(afdeling, vandaag),
    )
    zaak.termijndatum_bijwerken()
    zaak.save()
    if klantcontact is not None and klantcontact.klant_id == klant.pk:
        Klantcontact.objects.filter(pk=klantcontact.pk).update(zaak=zaak)
    _historie(
        zaak,
        van="",
        user=user,
        reden=_("Aanvraag geregistreerd via %(kanaal)s") % {"kanaal": KanaalSoort(kanaal).label},
        burgertekst=_("Wij hebben uw aanvraag voor %(product)s ontvangen.")
        % {"product": product.naam},
        klant_informeren=hoofdzaak is None,
    )
    for code in gekozen_onderdelen(inhoud, antwoorden):
        onderdeel = Product.objects.get(code=code)
        zaak_registreren(
            klant=klant,
            product=onderdeel,
            kanaal=kanaal,
            antwoorden=antwoorden,
            user=user,
            hoofdzaak=zaak,
            inlog=inlog,
        )
    if inlog is not None and inlog.machtiging:
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=zaak,
            betrokkene=klant.identificatie,
            omschrijving=f"Zaak {zaak.nummer} ({product.naam}) aangevraagd door een gemachtigde",
            reden=_("%(soort)s, gemachtigde %(wie)s")
            % {"soort": inlog.machtiging_naam, "wie": inlog.gemachtigde},
        )
    if user is not None and user.is_authenticated and not door_klant:
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=zaak,
            betrokkene=klant.identificatie,
            omschrijving=f"Zaak {zaak.nummer} ({product.naam}) geregistreerd",
            reden=_("Aanvraag namens de klant"),
        )
    return zaak


# --- Transitions -----------------------------------------------------------------


def _historie(zaak, *, van, user, reden="", burgertekst="", klant_informeren=False, stap=""):
    wijziging = StatusWijziging.objects.create(
        zaak=zaak,
        van=van,
        naar=zaak.status,
        statusstap=stap,
        door=user if user is not None and user.is_authenticated else None,
        reden=reden,
        burgertekst=burgertekst,
        klant_informeren=klant_informeren,
    )
    zaak_gewijzigd.send(sender=Zaak, zaak=zaak, wijziging=wijziging)
    zgw_notificaties.historie_gemeld(zaak, wijziging)
    return wijziging


def _vergrendel(zaak: Zaak) -> Zaak:
    """The case (with its customer), locked for this transaction."""
    return vergrendeld(zaak, related=["klant"])


def _overgang(zaak: Zaak, methode: str, *, verwachte_status: str | None) -> tuple[Zaak, str]:
    """Lock the case and take the transition ``methode``. With
    ``verwachte_status`` (what the user saw on screen) a change by someone
    else in between is a conflict; so is a transition the case's status no
    longer allows (another session moved it on while we waited for the lock)."""

    def conflict(vergrendeld_: Zaak) -> ZaakConflict:
        if verwachte_status is not None and vergrendeld_.status != verwachte_status:
            return ZaakConflict()
        return ZaakConflict(
            _("Dit kan niet: de zaak heeft nu de status '%(status)s'.")
            % {"status": vergrendeld_.get_status_display()}
        )

    zaak = vergrendeld(
        zaak,
        verwacht=verwachte_status,
        overgang=methode,
        conflict=conflict,
        related=["klant"],
    )
    van = zaak.status
    getattr(zaak, methode)()
    return zaak, van


# Who may take each step on a case: the services below ask it, and the API
# asks it before it reads any input, so a role that may not gets 403 whatever
# it sent. ``zaak`` is the case as stored.
MAG = {
    "in_behandeling_nemen": lambda user, zaak: mag_behandelen(user, zaak),
    "wacht_op_klant": lambda user, zaak: mag_behandelen(user, zaak),
    "hervatten": lambda user, zaak: mag_behandelen(user, zaak) or is_klant_zelf(user, zaak.klant),
    "verlengen": lambda user, zaak: mag_behandelen(user, zaak),
    "statusstap": lambda user, zaak: mag_behandelen(user, zaak),
    "afhandelen": lambda user, zaak: mag_behandelen(user, zaak),
    "afwijzen": lambda user, zaak: mag_behandelen(user, zaak),
    "intrekken": lambda user, zaak: (
        is_klant_zelf(user, zaak.klant) or user.has_perm("kcc.klantbeeld_inzien")
    ),
    "heropenen": lambda user, zaak: user.has_perm("kcc.zaken_toewijzen"),
    "notitie": lambda user, zaak: (
        mag_behandelen(user, zaak) or user.has_perm("kcc.klantbeeld_inzien")
    ),
    "overdragen": lambda user, zaak: (
        mag_behandelen(user, zaak) or user.has_perm("kcc.klantbeeld_inzien")
    ),
}


@transaction.atomic
def zaak_in_behandeling_nemen(
    *, zaak: Zaak, user: User, verwachte_status: str | None = None
) -> Zaak:
    _eis(MAG["in_behandeling_nemen"](user, zaak))
    zaak, van = _overgang(zaak, "in_behandeling_nemen", verwachte_status=verwachte_status)
    if zaak.behandelaar_id is None:
        zaak.behandelaar = user
    if zaak.opgepakt_op is None:
        zaak.opgepakt_op = timezone.now()
    zaak.save()
    _historie(
        zaak,
        van=van,
        user=user,
        burgertekst=_("Wij behandelen uw aanvraag."),
        klant_informeren=van == ZaakStatus.HEROPEND,
    )
    _hoofdzaak_bijwerken(zaak)
    return zaak


@transaction.atomic
def zaak_wacht_op_klant(
    *, zaak: Zaak, user: User, vraag: str, verwachte_status: str | None = None
) -> Zaak:
    """Ask the customer for information; the clock stops until they answer."""
    _eis(MAG["wacht_op_klant"](user, zaak))
    if not vraag.strip():
        raise ValidationError(_("Schrijf op welke informatie u van de klant nodig heeft."))
    zaak, van = _overgang(zaak, "wachten_op_klant", verwachte_status=verwachte_status)
    zaak.opgeschort_op = timezone.localdate()
    zaak.save()
    zgw_notificaties.zaak_bijgewerkt(zaak)
    _historie(
        zaak,
        van=van,
        user=user,
        reden=vraag,
        burgertekst=_(
            "Wij hebben meer informatie van u nodig: %(vraag)s. De termijn staat stil tot wij "
            "uw antwoord hebben."
        )
        % {"vraag": vraag.strip().rstrip(".")},
        klant_informeren=True,
    )
    return zaak


def _na_opschorting(zaak: Zaak, vandaag: date) -> None:
    """Restart the clock: every date moves on by the time it stood still.

    The service norm and the 80% signal move by the working days of the
    pause (a case that was late stays late, also when its clock stopped on a
    weekend day after the norm had passed); the statutory term
    (Awb 4:15) moves by the calendar days of the pause, from its end before
    the Atw moved it, and the Atw is applied again.
    """
    gestopt = zaak.opgeschort_op
    if gestopt is None:
        return
    werkdagen_stil = kalender.werkdagen_tussen(gestopt, vandaag)
    if zaak.streefdatum is not None:
        al_te_laat = zaak.streefdatum < gestopt
        zaak.streefdatum = kalender.werkdagen_optellen(zaak.streefdatum, werkdagen_stil)
        if al_te_laat:
            zaak.streefdatum = min(zaak.streefdatum, vandaag - timedelta(days=1))
    if zaak.signaaldatum is not None and zaak.gesignaleerd_op is None:
        zaak.signaaldatum = kalender.werkdagen_optellen(zaak.signaaldatum, werkdagen_stil)
    if zaak.uiterste_datum_ruw is not None:
        zaak.uiterste_datum_ruw += vandaag - gestopt
        zaak.uiterste_datum = kalender.atw_toepassen(
            timezone.localdate(zaak.geregistreerd_op), zaak.uiterste_datum_ruw
        )
    zaak.termijndatum_bijwerken()
    zaak.opgeschort_op = None


@transaction.atomic
def zaak_hervatten(
    *, zaak: Zaak, user: User, reden: str = "", verwachte_status: str | None = None
) -> Zaak:
    """The customer answered (or the behandelaar resumes): the clock runs again."""
    _eis(MAG["hervatten"](user, zaak))
    zaak, van = _overgang(zaak, "hervatten", verwachte_status=verwachte_status)
    _na_opschorting(zaak, timezone.localdate())
    zaak.save()
    zgw_notificaties.zaak_bijgewerkt(zaak)
    _historie(
        zaak,
        van=van,
        user=user,
        reden=reden,
        burgertekst=_("Wij hebben uw informatie ontvangen en behandelen uw aanvraag verder."),
        klant_informeren=True,
    )
    return zaak


@transaction.atomic
def zaak_verlengen(*, zaak: Zaak, user: User, weken: int, reden: str) -> Zaak:
    """Extend the statutory term once (Awb 4:14), with a reason told to the customer."""
    _eis(MAG["verlengen"](user, zaak))
    zaak = _vergrendel(zaak)
    if not zaak.is_open:
        raise ZaakConflict(_("Een afgesloten zaak kan niet worden verlengd."))
    if zaak.verlengd:
        raise ValidationError(_("Deze zaak is al een keer verlengd."))
    if zaak.uiterste_datum is None:
        raise ValidationError(_("Deze zaak heeft geen wettelijke termijn om te verlengen."))
    if not reden.strip() or not 1 <= weken <= 26:
        raise ValidationError(_("Geef een reden en een verlenging van 1 tot 26 weken."))
    max_lengte = Zaak._meta.get_field("verlenging_reden").max_length
    if len(reden.strip()) > max_lengte:
        raise ValidationError(
            _("De reden mag ten hoogste %(max)s tekens lang zijn.") % {"max": max_lengte}
        )
    ruw = (zaak.uiterste_datum_ruw or zaak.uiterste_datum) + timedelta(weeks=weken)
    zaak.uiterste_datum_ruw = ruw
    zaak.uiterste_datum = kalender.atw_toepassen(timezone.localdate(zaak.geregistreerd_op), ruw)
    zaak.termijndatum_bijwerken()
    zaak.verlengd = True
    zaak.verlenging_reden = reden.strip()
    zaak.verlenging_weken = weken
    zaak.save()
    zgw_notificaties.zaak_bijgewerkt(zaak)
    _historie(
        zaak,
        van=zaak.status,
        user=user,
        reden=reden,
        burgertekst=_(
            "Wij hebben meer tijd nodig voor uw aanvraag: %(reden)s. U hoort uiterlijk "
            "%(datum)s van ons."
        )
        % {"reden": reden.strip().rstrip("."), "datum": formaat.datum_lang(zaak.uiterste_datum)},
        klant_informeren=True,
    )
    return zaak


@transaction.atomic
def zaak_statusstap_zetten(*, zaak: Zaak, user: User, stap: str) -> Zaak:
    """Set a catalogue milestone (e.g. "uw paspoort ligt klaar") in the current phase."""
    _eis(MAG["statusstap"](user, zaak))
    zaak = _vergrendel(zaak)
    stappen = {s["naam"]: s for s in zaak.productversie.inhoud.get("statusstappen", [])}
    gekozen = stappen.get(stap)
    if gekozen is None:
        raise ValidationError(_("Deze stap hoort niet bij dit product."))
    if gekozen["fase"] != zaak.status and not (
        gekozen["fase"] == ZaakStatus.ONTVANGEN and zaak.status == ZaakStatus.IN_BEHANDELING
    ):
        raise ZaakConflict(
            _("Deze stap hoort bij de fase '%(fase)s'; de zaak is nu '%(status)s'.")
            % {"fase": ZaakStatus(gekozen["fase"]).label, "status": zaak.get_status_display()}
        )
    zaak.statusstap = stap
    zaak.save(update_fields=["statusstap"])
    _historie(
        zaak,
        van=zaak.status,
        user=user,
        stap=stap,
        burgertekst=gekozen["burgertekst"],
        klant_informeren=gekozen["klant_informeren"],
    )
    return zaak


def _afsluiten(zaak: Zaak, methode: str, *, user, verwachte_status, reden, burgertekst, **velden):
    zaak, van = _overgang(zaak, methode, verwachte_status=verwachte_status)
    if zaak.deelzaken.exclude(status__in=EIND_STATUSSEN).exists() and methode != "intrekken":
        raise ValidationError(_("Eerst moeten alle deelzaken klaar zijn."))
    for veld, waarde in velden.items():
        setattr(zaak, veld, waarde)
    zaak.afgesloten_op = timezone.now()
    zaak.opgeschort_op = None
    zaak.save()
    # A part withdrawn with its main case: one message, about the main case.
    informeren = not (methode == "intrekken" and zaak.hoofdzaak_id is not None)
    _historie(
        zaak, van=van, user=user, reden=reden, burgertekst=burgertekst, klant_informeren=informeren
    )
    _hoofdzaak_bijwerken(zaak)
    return zaak


@transaction.atomic
def zaak_afhandelen(
    *,
    zaak: Zaak,
    user: User,
    resultaat: str,
    toelichting: str = "",
    verwachte_status: str | None = None,
) -> Zaak:
    _eis(MAG["afhandelen"](user, zaak))
    if not resultaat.strip():
        raise ValidationError(_("Vul het resultaat in."))
    return _afsluiten(
        zaak,
        "afhandelen",
        user=user,
        verwachte_status=verwachte_status,
        reden=toelichting,
        burgertekst=_("Uw aanvraag is afgehandeld: %(resultaat)s.")
        % {"resultaat": resultaat.strip().rstrip(".")},
        resultaat=resultaat.strip(),
        toelichting=toelichting,
    )


@transaction.atomic
def zaak_afwijzen(
    *, zaak: Zaak, user: User, reden: str, verwachte_status: str | None = None
) -> Zaak:
    _eis(MAG["afwijzen"](user, zaak))
    if not reden.strip():
        raise ValidationError(_("Een afwijzing heeft een reden nodig."))
    return _afsluiten(
        zaak,
        "afwijzen",
        user=user,
        verwachte_status=verwachte_status,
        reden=reden,
        burgertekst=_("Uw aanvraag is afgewezen. De reden: %(reden)s") % {"reden": reden.strip()},
        resultaat=_("Afgewezen"),
        toelichting=reden.strip(),
    )


@transaction.atomic
def zaak_intrekken(
    *, zaak: Zaak, user: User, reden: str = "", verwachte_status: str | None = None
) -> Zaak:
    """Withdrawn by the customer (or an agent on their behalf); parts go with it."""
    _eis(MAG["intrekken"](user, zaak))
    if verwachte_status is not None:
        # What the caller saw must still hold before any part is touched.
        vergrendeld(zaak, verwacht=verwachte_status, conflict=lambda _rij: ZaakConflict())
    for deelzaak in zaak.deelzaken.exclude(status__in=EIND_STATUSSEN):
        _afsluiten(
            deelzaak,
            "intrekken",
            user=user,
            verwachte_status=None,
            reden=reden,
            burgertekst=_("Uw aanvraag is ingetrokken."),
            resultaat=_("Ingetrokken"),
        )
    zaak = Zaak.objects.get(pk=zaak.pk)
    if zaak.status in EIND_STATUSSEN:
        return zaak  # closed itself when its last part was withdrawn
    return _afsluiten(
        zaak,
        "intrekken",
        user=user,
        verwachte_status=None,
        reden=reden,
        burgertekst=_("Uw aanvraag is ingetrokken."),
        resultaat=_("Ingetrokken"),
    )


@transaction.atomic
def zaak_heropenen(
    *, zaak: Zaak, user: User, reden: str, verwachte_status: str | None = None
) -> Zaak:
    """A teamleider reopens a closed case (a mistake to put right)."""
    _eis(MAG["heropenen"](user, zaak))
    if not reden.strip():
        raise ValidationError(_("Geef aan waarom de zaak wordt heropend."))
    zaak, van = _overgang(zaak, "heropenen", verwachte_status=verwachte_status)
    # The day it closed on no longer holds it: read that day afresh.
    normrealisatie.dag_vervalt(zaak.afgesloten_op)
    zaak.afgesloten_op = None
    zaak.save()
    _historie(
        zaak,
        van=van,
        user=user,
        reden=reden,
        burgertekst=_("Wij kijken opnieuw naar uw aanvraag."),
        klant_informeren=True,
    )
    return zaak


def _hoofdzaak_bijwerken(deelzaak: Zaak) -> None:
    """A main case follows its parts: in progress with the first, done with the last."""
    if deelzaak.hoofdzaak_id is None:
        return
    hoofdzaak = Zaak.objects.select_for_update().get(pk=deelzaak.hoofdzaak_id)
    delen = list(hoofdzaak.deelzaken.values_list("status", flat=True))
    if hoofdzaak.status == ZaakStatus.ONTVANGEN and any(s != ZaakStatus.ONTVANGEN for s in delen):
        hoofdzaak.in_behandeling_nemen()
        hoofdzaak.opgepakt_op = hoofdzaak.opgepakt_op or timezone.now()
        hoofdzaak.save()
        _historie(
            hoofdzaak,
            van=ZaakStatus.ONTVANGEN,
            user=None,
            reden=_("Een deelzaak is in behandeling genomen"),
        )
    if hoofdzaak.status == ZaakStatus.IN_BEHANDELING and all(s in EIND_STATUSSEN for s in delen):
        alle_ingetrokken = all(s == ZaakStatus.INGETROKKEN for s in delen)
        if alle_ingetrokken:
            hoofdzaak.intrekken()
            hoofdzaak.resultaat = _("Ingetrokken")
            burgertekst = _("Uw aanvraag is ingetrokken.")
        else:
            hoofdzaak.afhandelen()
            hoofdzaak.resultaat = _("Alle onderdelen zijn afgehandeld")
            burgertekst = _("Alle onderdelen van uw aanvraag zijn afgehandeld.")
        hoofdzaak.afgesloten_op = timezone.now()
        hoofdzaak.save()
        _historie(
            hoofdzaak,
            van=ZaakStatus.IN_BEHANDELING,
            user=None,
            reden=_("Alle deelzaken zijn klaar"),
            burgertekst=burgertekst,
            klant_informeren=True,
        )


@transaction.atomic
def zaak_toewijzen(*, zaak: Zaak, user: User, behandelaar: User) -> Zaak:
    """Assign a behandelaar: a teamleider who leads the case's afdeling assigns
    anyone of it; a behandelaar may take a case of their own afdeling."""
    zelf = behandelaar.pk == user.pk and mag_behandelen(user, zaak)
    _eis((user.has_perm("kcc.zaken_toewijzen") and mag_behandelen(user, zaak)) or zelf)
    if not (behandelaar.is_active and behandelaar.has_perm("kcc.zaken_behandelen")):
        raise ValidationError(_("Deze medewerker kan geen zaken behandelen."))
    if zaak.afdeling_id and not behandelaar.afdelingen.filter(pk=zaak.afdeling_id).exists():
        raise ValidationError(_("Deze medewerker hoort niet bij de afdeling van de zaak."))
    zaak = _vergrendel(zaak)
    zaak.behandelaar = behandelaar
    zaak.save(update_fields=["behandelaar"])
    audit_log(
        user=user,
        actie=Actie.WIJZIGEN,
        obj=zaak,
        betrokkene=zaak.klant.identificatie,
        omschrijving=f"Zaak {zaak.nummer} toegewezen aan {behandelaar.get_username()}",
        reden=_("Werkverdeling"),
    )
    if behandelaar.pk != user.pk:
        _melden(
            [behandelaar],
            Melding.Soort.TOEGEWEZEN,
            _("Zaak %(nummer)s is aan u toegewezen") % {"nummer": zaak.nummer},
            zaak,
        )
    return zaak


@transaction.atomic
def zaak_notitie_toevoegen(*, zaak: Zaak, user: User, tekst: str) -> ZaakNotitie:
    _eis(MAG["notitie"](user, zaak))
    if not tekst.strip():
        raise ValidationError(_("Een lege notitie wordt niet bewaard."))
    notitie = ZaakNotitie.objects.create(zaak=zaak, auteur=user, tekst=tekst.strip())
    audit_log(
        user=user,
        actie=Actie.AANMAKEN,
        obj=zaak,
        betrokkene=zaak.klant.identificatie,
        omschrijving=f"Notitie bij zaak {zaak.nummer}",
        reden=_("Zaakbehandeling"),
    )
    return notitie


@transaction.atomic
def zaak_overdragen(*, zaak: Zaak, user: User, afdeling: Afdeling, toelichting: str) -> Zaak:
    """Hand an open case to another afdeling, with what it needs to know.

    The KCC (klantmanager, teamleider) keeps control of the chain and may
    route any case; a behandelaar passes on a case of their own afdeling
    that belongs elsewhere. The new afdeling's teamleiders get a notice, and
    a case not yet in behandeling gets the new afdeling's pick-up norm.
    """
    _eis(MAG["overdragen"](user, zaak))
    if not toelichting.strip():
        raise ValidationError(_("Schrijf op wat de afdeling moet weten."))
    invoer.tekst_eisen("toelichting", toelichting.strip(), invoer.NOTITIE)
    if not afdeling.actief:
        raise ValidationError(_("Deze afdeling neemt geen zaken meer aan."))
    zaak = _vergrendel(zaak)
    if not zaak.is_open:
        raise ZaakConflict(_("Een afgesloten zaak kan niet worden overgedragen."))
    if zaak.afdeling_id == afdeling.pk:
        raise ValidationError(_("De zaak ligt al bij deze afdeling."))
    van_afdeling = zaak.afdeling
    zaak.afdeling = afdeling
    zaak.behandelaar = None
    zaak.overdracht = "\n\n".join(
        p
        for p in [
            zaak.overdracht,
            f"{formaat.moment(timezone.now())} {user}: {toelichting.strip()}",
        ]
        if p
    )
    if zaak.status == ZaakStatus.ONTVANGEN:
        zaak.oppakken_uiterlijk = _oppakdatum(afdeling, timezone.localdate())
        zaak.oppak_gemeld_op = None
    zaak.save()
    _historie(
        zaak,
        van=zaak.status,
        user=user,
        reden=_("Overgedragen van %(van)s aan %(naar)s: %(toelichting)s")
        % {
            "van": van_afdeling or _("geen afdeling"),
            "naar": afdeling,
            "toelichting": toelichting.strip(),
        },
    )
    _melden(
        verantwoordelijken(afdeling.pk),
        Melding.Soort.OVERGEDRAGEN,
        _("Zaak %(nummer)s is aan %(afdeling)s overgedragen")
        % {"nummer": zaak.nummer, "afdeling": afdeling},
        zaak,
    )
    audit_log(
        user=user,
        actie=Actie.WIJZIGEN,
        obj=zaak,
        betrokkene=zaak.klant.identificatie,
        omschrijving=f"Zaak {zaak.nummer} overgedragen aan {afdeling.code}",
        reden=_("Overdracht aan de backoffice"),
    )
    return zaak


def documentvereiste(zaak: Zaak, naam: str) -> dict | None:
    """The catalogue's requirement for a document of this name, if any."""
    for vereiste in zaak.productversie.inhoud.get("documenten", []):
        if vereiste["naam"] == naam:
            return vereiste
    return None


@transaction.atomic
def zaak_document_toevoegen(*, zaak: Zaak, user: User, bestand, naam: str) -> ZaakDocument:
    """Add a document to a case, checked by its content before it is stored.

    The customer adds documents to their own open case; staff who may see
    or work the case add them to any case. When ``naam`` is one of the
    product's required documents, that requirement's types and size apply.
    """
    door_klant = is_klant_zelf(user, zaak.klant)
    _eis(door_klant or mag_behandelen(user, zaak) or user.has_perm("kcc.klantbeeld_inzien"))
    naam = (naam or "").strip()[:200]
    if not naam:
        raise ValidationError(_("Zeg wat voor document het is."))
    zaak = _vergrendel(zaak)
    if door_klant and not zaak.is_open:
        raise ValidationError(
            _("Deze aanvraag is afgesloten. Neem contact met ons op als u nog iets wilt sturen.")
        )
    vereiste = documentvereiste(zaak, naam) or {}
    soort = bestanden.upload_controleren(
        bestand,
        toegestaan=vereiste.get("bestandstypen") or None,
        max_mb=vereiste.get("max_mb") or settings.UPLOAD_MAX_MB,
    )
    document = ZaakDocument(
        zaak=zaak,
        naam=naam,
        bestandsnaam=bestanden.veilige_bestandsnaam(bestand.name or ""),
        bestandstype=soort,
        grootte=bestand.size,
        sha256=bestanden.sha256(bestand),
        toegevoegd_door=user if user.is_authenticated else None,
        door_klant=door_klant,
    )
    document.bestand.save("upload", bestand, save=False)
    # A file without its row must not stay behind when the transaction
    # rolls back; removing it on failure here covers this function's part.
    try:
        document.save()
        zgw_notificaties.document_toegevoegd(zaak, document)
        _historie(
            zaak,
            van=zaak.status,
            user=user,
            reden=_("Document toegevoegd: %(naam)s") % {"naam": naam},
        )
        if not door_klant:
            audit_log(
                user=user,
                actie=Actie.AANMAKEN,
                obj=zaak,
                betrokkene=zaak.klant.identificatie,
                omschrijving=f"Document '{naam}' toegevoegd aan zaak {zaak.nummer}",
                reden=_("Zaakbehandeling"),
            )
    except Exception:
        document.bestand.delete(save=False)
        raise
    return document
