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
from django_fsm import can_proceed

from kcc import kalender
from kcc.audit import Actie, audit_log
from kcc.choices import KanaalSoort
from kcc.models import Afdeling, User
from kcc.roles import Rol
from klanten.models import Klant
from producten import services as producten_services
from producten.models import Product
from zaken.models import (
    EIND_STATUSSEN,
    LOPENDE_STATUSSEN,
    StatusWijziging,
    Zaak,
    ZaakNotitie,
    ZaakStatus,
)
from zaken.signals import zaak_gewijzigd


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


def _is_klant_zelf(user: User | None, zaak: Zaak) -> bool:
    if user is None or not user.is_authenticated or not user.is_klant:
        return False
    klant = zaak.klant
    return bool(
        (user.bsn and user.bsn == klant.bsn)
        or (user.kvk_nummer and user.kvk_nummer == klant.kvk_nummer)
    )


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
    """Beat: flag open cases at 80% of their term and escalate breached ones.

    Each flag is set by one conditional UPDATE (``... IS NULL``), so a case is
    flagged and escalated exactly once however often or concurrently this
    runs. Cases waiting for the customer are skipped: their clock stands still.
    Returns the ids flagged and escalated now; the teamleiders of the
    afdeling get a live notice of each escalation.
    """
    vandaag = vandaag or timezone.localdate()
    lopend = Zaak.objects.filter(status__in=LOPENDE_STATUSSEN)
    nu = timezone.now()
    with transaction.atomic():
        te_signaleren = list(
            lopend.filter(gesignaleerd_op__isnull=True, signaaldatum__lte=vandaag)
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
        )
        Zaak.objects.filter(pk__in=te_signaleren, gesignaleerd_op__isnull=True).update(
            gesignaleerd_op=nu
        )
        # Two queries (not one OR) so each uses its partial index.
        open_escalatie = lopend.filter(geescaleerd_op__isnull=True)
        te_escaleren = sorted(
            set(
                open_escalatie.filter(streefdatum__lt=vandaag)
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)
            )
            | set(
                open_escalatie.filter(uiterste_datum__lt=vandaag)
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)
            )
        )
        Zaak.objects.filter(pk__in=te_escaleren, geescaleerd_op__isnull=True).update(
            geescaleerd_op=nu
        )
        _teamleiders_melden(te_escaleren)
    return te_signaleren, te_escaleren


def _teamleiders_melden(zaak_ids: list[int]) -> None:
    from kcc.realtime import push_to_user

    if not zaak_ids:
        return
    zaken = Zaak.objects.filter(pk__in=zaak_ids).select_related("product", "afdeling")
    per_afdeling: dict[int | None, list[Zaak]] = {}
    for zaak in zaken:
        per_afdeling.setdefault(zaak.afdeling_id, []).append(zaak)
    for afdeling_id, lijst in per_afdeling.items():
        leiders = User.objects.filter(groups__name=Rol.TEAMLEIDER, is_active=True)
        if afdeling_id is not None:
            leiders = leiders.filter(afdelingen=afdeling_id)
        for leider in leiders:
            push_to_user(
                leider.uuid,
                {
                    "type": "zaken.geescaleerd",
                    "zaken": [{"uuid": str(z.uuid), "nummer": z.nummer} for z in lijst],
                },
            )


# --- Registration --------------------------------------------------------------


@transaction.atomic
def zaak_registreren(
    *,
    klant: Klant,
    product: Product,
    kanaal: str,
    antwoorden: dict | None = None,
    user: User | None = None,
    hoofdzaak: Zaak | None = None,
) -> Zaak:
    """Register a request of ``klant`` for ``product``; for a compound product
    also a sub-case per part, each for its own afdeling.

    The product must be offered. A customer applies only on a channel where
    the product can be requested; staff register on the customer's behalf
    (any channel on which the product can be requested somewhere).
    """
    if kanaal not in KanaalSoort.values:
        raise ValidationError(_("Onbekend kanaal."))
    product = Product.objects.get(pk=product.pk)  # its publication status as stored now
    if not product.is_aangeboden():
        raise ValidationError(_("Dit product kan nu niet worden aangevraagd."))
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
    nu = timezone.now()
    vandaag = timezone.localdate(nu)
    streef = uiterst = uiterst_ruw = None
    if inhoud.get("servicenorm"):
        streef = kalender.servicenorm_einde(vandaag, *inhoud["servicenorm"])
    if inhoud.get("wettelijke_termijn"):
        uiterst_ruw = kalender.wettelijk_einde_ruw(vandaag, *inhoud["wettelijke_termijn"])
        uiterst = kalender.atw_toepassen(vandaag, uiterst_ruw)
    afdeling = Afdeling.objects.filter(code=inhoud.get("afdeling") or "").first()

    zaak = Zaak.objects.create(
        signaaldatum=signaaldatum(vandaag, streef, uiterst),
        nummer=volgend_zaaknummer(jaar=vandaag.year),
        klant=klant,
        product=product,
        productversie=versie,
        hoofdzaak=hoofdzaak,
        kanaal=kanaal,
        antwoorden=antwoorden or {},
        afdeling=afdeling,
        geregistreerd_op=nu,
        streefdatum=streef,
        uiterste_datum=uiterst,
        uiterste_datum_ruw=uiterst_ruw,
    )
    _historie(
        zaak,
        van="",
        user=user,
        reden=_("Aanvraag geregistreerd via %(kanaal)s") % {"kanaal": KanaalSoort(kanaal).label},
        burgertekst=_("Wij hebben uw aanvraag voor %(product)s ontvangen.")
        % {"product": product.naam},
        klant_informeren=hoofdzaak is None,
    )
    for code in inhoud.get("onderdelen", []):
        onderdeel = Product.objects.get(code=code)
        zaak_registreren(
            klant=klant,
            product=onderdeel,
            kanaal=kanaal,
            antwoorden=antwoorden,
            user=user,
            hoofdzaak=zaak,
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
    return wijziging


def _vergrendel(zaak: Zaak, verwachte_status: str | None) -> Zaak:
    """The case, locked for this transaction. With ``verwachte_status`` (what
    the user saw on screen) a change by someone else in between is a conflict."""
    vergrendeld = Zaak.objects.select_for_update().select_related("klant").get(pk=zaak.pk)
    if verwachte_status is not None and vergrendeld.status != verwachte_status:
        raise ZaakConflict()
    return vergrendeld


def _overgang(zaak: Zaak, methode: str, *, verwachte_status: str | None) -> tuple[Zaak, str]:
    vergrendeld = _vergrendel(zaak, verwachte_status)
    overgang = getattr(vergrendeld, methode)
    if not can_proceed(overgang):
        # Another session may have moved it on while we waited for the lock.
        raise ZaakConflict(
            _("Dit kan niet: de zaak heeft nu de status '%(status)s'.")
            % {"status": vergrendeld.get_status_display()}
        )
    van = vergrendeld.status
    overgang()
    return vergrendeld, van


@transaction.atomic
def zaak_in_behandeling_nemen(
    *, zaak: Zaak, user: User, verwachte_status: str | None = None
) -> Zaak:
    _eis(mag_behandelen(user, zaak))
    zaak, van = _overgang(zaak, "in_behandeling_nemen", verwachte_status=verwachte_status)
    if zaak.behandelaar_id is None:
        zaak.behandelaar = user
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
    _eis(mag_behandelen(user, zaak))
    if not vraag.strip():
        raise ValidationError(_("Schrijf op welke informatie u van de klant nodig heeft."))
    zaak, van = _overgang(zaak, "wachten_op_klant", verwachte_status=verwachte_status)
    zaak.opgeschort_op = timezone.localdate()
    zaak.save()
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
    pause (a case that was late stays exactly as late); the statutory term
    (Awb 4:15) moves by the calendar days of the pause, from its end before
    the Atw moved it, and the Atw is applied again.
    """
    gestopt = zaak.opgeschort_op
    if gestopt is None:
        return
    werkdagen_stil = kalender.werkdagen_tussen(gestopt, vandaag)
    if zaak.streefdatum is not None:
        zaak.streefdatum = kalender.werkdagen_optellen(zaak.streefdatum, werkdagen_stil)
    if zaak.signaaldatum is not None and zaak.gesignaleerd_op is None:
        zaak.signaaldatum = kalender.werkdagen_optellen(zaak.signaaldatum, werkdagen_stil)
    if zaak.uiterste_datum_ruw is not None:
        zaak.uiterste_datum_ruw += vandaag - gestopt
        zaak.uiterste_datum = kalender.atw_toepassen(
            timezone.localdate(zaak.geregistreerd_op), zaak.uiterste_datum_ruw
        )
    zaak.opgeschort_op = None


@transaction.atomic
def zaak_hervatten(
    *, zaak: Zaak, user: User, reden: str = "", verwachte_status: str | None = None
) -> Zaak:
    """The customer answered (or the behandelaar resumes): the clock runs again."""
    _eis(mag_behandelen(user, zaak) or _is_klant_zelf(user, zaak))
    zaak, van = _overgang(zaak, "hervatten", verwachte_status=verwachte_status)
    _na_opschorting(zaak, timezone.localdate())
    zaak.save()
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
    _eis(mag_behandelen(user, zaak))
    zaak = _vergrendel(zaak, None)
    if not zaak.is_open:
        raise ZaakConflict(_("Een afgesloten zaak kan niet worden verlengd."))
    if zaak.verlengd:
        raise ValidationError(_("Deze zaak is al een keer verlengd."))
    if zaak.uiterste_datum is None:
        raise ValidationError(_("Deze zaak heeft geen wettelijke termijn om te verlengen."))
    if not reden.strip() or not 1 <= weken <= 26:
        raise ValidationError(_("Geef een reden en een verlenging van 1 tot 26 weken."))
    ruw = (zaak.uiterste_datum_ruw or zaak.uiterste_datum) + timedelta(weeks=weken)
    zaak.uiterste_datum_ruw = ruw
    zaak.uiterste_datum = kalender.atw_toepassen(timezone.localdate(zaak.geregistreerd_op), ruw)
    zaak.verlengd = True
    zaak.verlenging_reden = reden.strip()
    zaak.save()
    _historie(
        zaak,
        van=zaak.status,
        user=user,
        reden=reden,
        burgertekst=_(
            "Wij hebben meer tijd nodig voor uw aanvraag: %(reden)s. U hoort uiterlijk "
            "%(datum)s van ons."
        )
        % {"reden": reden.strip().rstrip("."), "datum": f"{zaak.uiterste_datum:%d-%m-%Y}"},
        klant_informeren=True,
    )
    return zaak


@transaction.atomic
def zaak_statusstap_zetten(*, zaak: Zaak, user: User, stap: str) -> Zaak:
    """Set a catalogue milestone (e.g. "uw paspoort ligt klaar") in the current phase."""
    _eis(mag_behandelen(user, zaak))
    zaak = _vergrendel(zaak, None)
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
    _eis(mag_behandelen(user, zaak))
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
    _eis(mag_behandelen(user, zaak))
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
def zaak_intrekken(*, zaak: Zaak, user: User, reden: str = "") -> Zaak:
    """Withdrawn by the customer (or an agent on their behalf); parts go with it."""
    _eis(_is_klant_zelf(user, zaak) or user.has_perm("kcc.klantbeeld_inzien"))
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
def zaak_heropenen(*, zaak: Zaak, user: User, reden: str) -> Zaak:
    """A teamleider reopens a closed case (a mistake to put right)."""
    _eis(user.has_perm("kcc.zaken_toewijzen"))
    if not reden.strip():
        raise ValidationError(_("Geef aan waarom de zaak wordt heropend."))
    zaak, van = _overgang(zaak, "heropenen", verwachte_status=None)
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
    zaak = _vergrendel(zaak, None)
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
    return zaak


@transaction.atomic
def zaak_notitie_toevoegen(*, zaak: Zaak, user: User, tekst: str) -> ZaakNotitie:
    _eis(mag_behandelen(user, zaak) or user.has_perm("kcc.klantbeeld_inzien"))
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
