"""Read-only figures for the managers' dashboard."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.db.models import Count, Exists, F, Min, OuterRef, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dashboard.models import (
    DREMPELS,
    BeschikbaarheidPerMedewerker,
    ContactenPerDoelgroep,
    ContactenPerHalfuur,
    ContactenPerMedewerker,
    ContactenPerProduct,
    Kpidoel,
    Rollupstand,
    WachtrijPerHalfuur,
)
from dashboard.rollups import (
    als_seconden,
    contactcijfers_aggregaten,
    dag_grenzen,
    met_herhaling,
    wachtrij_aggregaten,
)
from kanalen.models import Beoordeling, Inboxitem, InboxStatus, Kanaal, Wachtrijgebeurtenis
from kcc.choices import KanaalSoort, choice_label
from kcc.models import Afdeling, AuditLogEntry, User
from kcc.roles import Rol
from klanten import selectors as klant_selectors
from klanten.models import Klantcontact
from producten.models import Product, Thema
from zaken import selectors as zaken_selectors
from zaken.models import Zaak

CIJFERS = (
    "contacten",
    "met_vraag",
    "in_een_keer_goed",
    "herhaald",
    "behandeld",
    "duur_seconden",
    "nawerk_seconden",
)


def bezetting_per_afdeling() -> list[Afdeling]:
    """Active afdelingen with the number of active staff per role."""
    actief = Q(medewerkers__is_active=True)
    return list(
        Afdeling.objects.filter(actief=True)
        .annotate(
            medewerkers_totaal=Count("medewerkers", filter=actief, distinct=True),
            behandelaars=Count(
                "medewerkers",
                filter=actief & Q(medewerkers__groups__name=Rol.BEHANDELAAR),
                distinct=True,
            ),
            klantmanagers=Count(
                "medewerkers",
                filter=actief & Q(medewerkers__groups__name=Rol.KLANTMANAGER),
                distinct=True,
            ),
        )
        .order_by("naam")
    )


def inzage_persoonsgegevens(*, dagen: int = 7) -> list[dict]:
    """How often staff looked up customers in the last ``dagen`` days, per role."""
    sinds = timezone.now() - timedelta(days=dagen)
    Actie = AuditLogEntry.Actie
    rows = (
        AuditLogEntry.objects.filter(tijdstip__gte=sinds, actie__in=[Actie.INZIEN, Actie.ZOEKEN])
        .values("rollen", "actie")
        .annotate(aantal=Count("id"))
        .order_by("rollen", "actie")
    )
    labels = dict(Rol.choices)
    return [
        {
            **row,
            "rollen_label": ", ".join(
                str(labels.get(code, code)) for code in row["rollen"].split(", ")
            ),
            "actie_label": Actie(row["actie"]).label,
        }
        for row in rows
    ]


# --- COPC KPIs ---------------------------------------------------------------------


def _hele_maanden(van: date, tot: date) -> int:
    """How many calendar months [van, tot] covers, if it is whole months
    (from a first to a last day of a month); 0 otherwise."""
    if van.day != 1 or (tot + timedelta(days=1)).day != 1:
        return 0
    return (tot.year - van.year) * 12 + tot.month - van.month + 1


@dataclass(frozen=True)
class Filter:
    """A period (both days included) and the dimensions to narrow it to."""

    van: date
    tot: date
    kanaal: str = ""
    thema: Thema | None = None
    afdeling: Afdeling | None = None
    team: Afdeling | None = None  # the agents of this afdeling
    medewerker: User | None = None
    # The team's agent ids, resolved once (the form fills it in).
    medewerker_ids: tuple[int, ...] = ()

    def vorige(self) -> Filter:
        """The period to compare with: for whole calendar months the same
        number of months before (March against February, not 29 January to
        28 February); for any other period (a day, a week, a span of days)
        the same number of days just before."""
        maanden = _hele_maanden(self.van, self.tot)
        if maanden:
            tot = self.van - timedelta(days=1)
            van = self.van
            for _maand in range(maanden):
                van = (van - timedelta(days=1)).replace(day=1)
            return replace(self, van=van, tot=tot)
        lengte = (self.tot - self.van).days + 1
        return replace(
            self, van=self.van - timedelta(days=lengte), tot=self.van - timedelta(days=1)
        )

    @property
    def per_medewerker(self) -> bool:
        return bool(self.medewerker or self.team)

    @property
    def per_product(self) -> bool:
        return bool(self.thema or self.afdeling)


def _medewerker_ids(f: Filter) -> list[int]:
    if f.medewerker is not None:
        return [f.medewerker.pk]
    if f.medewerker_ids:
        return list(f.medewerker_ids)
    return list(f.team.medewerkers.values_list("pk", flat=True)) if f.team else []


def _product_q(f: Filter, prefix: str = "") -> Q:
    q = Q()
    if f.thema is not None:
        q &= Q(**{f"{prefix}product__themas": f.thema})
    if f.afdeling is not None:
        q &= Q(**{f"{prefix}product__afdeling": f.afdeling})
    return q


def _leeg() -> dict:
    return dict.fromkeys(CIJFERS, 0)


def contactcijfers(f: Filter, *, ruw: bool = False) -> dict:
    """Contact sums per channel and in total for the filter, from the rollup
    that has the filter's dimension; from the raw contacts when the filter
    combines agent and product (no rollup holds both) or ``ruw`` is asked."""
    if ruw or (f.per_medewerker and f.per_product):
        bron = "ruw"
        contacten = Klantcontact.objects.filter(
            gestart_op__gte=dag_grenzen(f.van)[0], gestart_op__lt=dag_grenzen(f.tot)[1]
        )
        if f.kanaal:
            contacten = contacten.filter(kanaal=f.kanaal)
        if f.per_medewerker:
            contacten = contacten.filter(medewerker_id__in=_medewerker_ids(f))
        if f.per_product:
            contacten = contacten.filter(
                pk__in=Klantcontact.objects.filter(_product_q(f)).values("pk")
            )
        rijen = (
            met_herhaling(contacten)
            .values("kanaal")
            .annotate(**contactcijfers_aggregaten())
            .order_by()
        )
        rijen = [
            {
                **r,
                "duur_seconden": als_seconden(r.pop("duur")),
                "nawerk_seconden": r["nawerk_seconden"] or 0,
            }
            for r in rijen
        ]
    else:
        if f.per_medewerker:
            bron, rollup = (
                "per medewerker",
                ContactenPerMedewerker.objects.filter(medewerker_id__in=_medewerker_ids(f)),
            )
        elif f.per_product:
            bron, rollup = (
                "per product",
                ContactenPerProduct.objects.filter(
                    pk__in=ContactenPerProduct.objects.filter(_product_q(f)).values("pk")
                ),
            )
        else:
            bron, rollup = "per uur", ContactenPerHalfuur.objects.all()
        rollup = rollup.filter(datum__gte=f.van, datum__lte=f.tot)
        if f.kanaal:
            rollup = rollup.filter(kanaal=f.kanaal)
        rijen = rollup.values("kanaal").annotate(**{c: Sum(c) for c in CIJFERS}).order_by()
    per_kanaal = {r["kanaal"]: {c: r[c] or 0 for c in CIJFERS} for r in rijen}
    totaal = _leeg()
    for cijfers in per_kanaal.values():
        for c in CIJFERS:
            totaal[c] += cijfers[c]
    return {"per_kanaal": per_kanaal, "totaal": totaal, "bron": bron}


WACHTRIJKANALEN = (KanaalSoort.TELEFOON, KanaalSoort.CHAT, KanaalSoort.BALIE)


def bezettingscijfers(f: Filter) -> dict:
    """Logged-in time (available or busy) and handling time (talk and
    after-contact work, every channel) of the agents on the days they kept
    their status; the team or agent filter narrows both. Days without a
    status are left out, so their work does not count against nobody's
    time. Parallel chats can take occupancy over 100%."""
    beschikbaarheid = BeschikbaarheidPerMedewerker.objects.filter(
        datum__gte=f.van, datum__lte=f.tot
    )
    if f.per_medewerker:
        beschikbaarheid = beschikbaarheid.filter(medewerker_id__in=_medewerker_ids(f))
    ingelogd = dict(
        beschikbaarheid.values("medewerker_id")
        .annotate(s=Sum(F("beschikbaar_seconden") + F("bezet_seconden")))
        .values_list("medewerker_id", "s")
        .order_by()
    )
    # Handling time only on the days the agent kept a status: the same
    # (day, agent) pairs as the logged-in time.
    afhandeling = (
        ContactenPerMedewerker.objects.filter(datum__gte=f.van, datum__lte=f.tot)
        .filter(
            Exists(
                # The period again, or the planner reads every day there is.
                beschikbaarheid.filter(
                    datum=OuterRef("datum"), medewerker_id=OuterRef("medewerker_id")
                )
            )
        )
        .filter(medewerker_id__in=list(ingelogd))
        .aggregate(duur=Sum("duur_seconden"), nawerk=Sum("nawerk_seconden"))
    )
    return {
        "ingelogd_seconden": sum(v or 0 for v in ingelogd.values()),
        "afhandel_seconden": (afhandeling["duur"] or 0) + (afhandeling["nawerk"] or 0),
        "medewerkers": len(ingelogd),
    }


def wachtrijcijfers(f: Filter, *, ruw: bool = False) -> dict:
    """Queue sums per queued channel (queue events carry no product; agents
    answer but do not abandon, so these ignore those filters)."""
    kanalen = [f.kanaal] if f.kanaal else list(WACHTRIJKANALEN)
    if ruw:
        rijen = (
            Wachtrijgebeurtenis.objects.filter(
                tijdstip__gte=dag_grenzen(f.van)[0],
                tijdstip__lt=dag_grenzen(f.tot)[1],
                kanaal__in=kanalen,
            )
            .values("kanaal")
            .annotate(**wachtrij_aggregaten())
            .order_by()
        )
    else:
        velden = [
            "aangeboden",
            "beantwoord",
            "wacht_seconden",
            "verlaten",
            "verlaten_binnen_5",
            *[f"beantwoord_{d}" for d in DREMPELS],
            *[f"verlaten_{d}" for d in DREMPELS],
        ]
        rijen = (
            WachtrijPerHalfuur.objects.filter(
                datum__gte=f.van, datum__lte=f.tot, kanaal__in=kanalen
            )
            .values("kanaal")
            .annotate(**{v: Sum(v) for v in velden})
            .order_by()
        )
    return {r["kanaal"]: {k: v or 0 for k, v in r.items() if k != "kanaal"} for r in rijen}


def norm_seconden(kanaal: Kanaal | None) -> int:
    """The channel's answering norm in seconds, as one of the rollup's
    thresholds (the largest not above the norm); 20 s without a norm."""
    seconden = 20
    if kanaal is not None and kanaal.norm_aantal:
        factor = {"seconden": 1, "minuten": 60}.get(kanaal.norm_eenheid)
        if factor:
            seconden = kanaal.norm_aantal * factor
    return max([d for d in DREMPELS if d <= seconden] or [DREMPELS[0]])


class ServicelevelFormule:
    """The service level formulas a manager can choose (COPC's default first)."""

    MET_VERLATEN = "met_verlaten"
    VAN_AANGEBODEN = "van_aangeboden"
    VAN_BEANTWOORD = "van_beantwoord"
    KEUZES = {
        MET_VERLATEN: "(beantwoord binnen T + verlaten binnen T) / (beantwoord + verlaten)",
        VAN_AANGEBODEN: "beantwoord binnen T / (beantwoord + verlaten)",
        VAN_BEANTWOORD: "beantwoord binnen T / beantwoord",
    }


def servicelevel(cijfers: dict, drempel: int, formule: str) -> float | None:
    b, v = cijfers.get("beantwoord", 0), cijfers.get("verlaten", 0)
    binnen = cijfers.get(f"beantwoord_{drempel}", 0)
    if formule == ServicelevelFormule.VAN_BEANTWOORD:
        return _deel(binnen, b)
    if formule == ServicelevelFormule.VAN_AANGEBODEN:
        return _deel(binnen, b + v)
    return _deel(binnen + cijfers.get(f"verlaten_{drempel}", 0), b + v)


def _servicelevel_formule(formule: str, drempels: list[str]) -> str:
    """The service level's formula with the threshold T per queued channel;
    a selection without a queued channel (only e-mail, say) says so."""
    if not drempels:
        return _("%(formule)s (geen kanaal met wachtrij in deze selectie)") % {
            "formule": ServicelevelFormule.KEUZES[formule]
        }
    return f"{ServicelevelFormule.KEUZES[formule]} (T: {', '.join(drempels)})"


def _deel(teller, noemer) -> float | None:
    return 100 * teller / noemer if noemer else None


def beoordelingen(f: Filter):
    """The ratings given in the filter's period, narrowed by its dimensions
    (a rating keeps the agent and product of its contact or case)."""
    qs = Beoordeling.objects.filter(
        gegeven_op__gte=dag_grenzen(f.van)[0], gegeven_op__lt=dag_grenzen(f.tot)[1]
    )
    if f.kanaal:
        qs = qs.filter(kanaal=f.kanaal)
    if f.per_medewerker:
        qs = qs.filter(medewerker_id__in=_medewerker_ids(f))
    if f.per_product:
        qs = qs.filter(_product_q(f))
    return qs


def csat(f: Filter) -> dict:
    """Ratings in the period: all, and 4 or 5."""
    return beoordelingen(f).aggregate(
        aantal=Count("id"), tevreden=Count("id", filter=Q(score__gte=4))
    )


def normrealisatie(f: Filter) -> dict:
    """Share done within their norm: cases (service norm and legal term) and
    contactverzoeken through the same selectors as the public norm page, and
    written items (e-mail, letters, SMS)."""
    tz = timezone.get_current_timezone()
    na_tot = f.tot + timedelta(days=1)
    regels = zaken_selectors.normrealisatie_zaken(
        van=f.van, tot=na_tot, product_filter=_product_q(f) if f.per_product else None
    )
    zaken = {
        veld: sum(r[veld] for r in regels)
        for veld in ("aantal", "met_norm", "binnen_norm", "met_termijn", "binnen_termijn")
    }
    verzoeken = klant_selectors.normrealisatie_contactverzoeken(
        van=f.van, tot=na_tot, afdeling=f.afdeling
    )
    van, tot = dag_grenzen(f.van)[0], dag_grenzen(f.tot)[1]
    inbox = Inboxitem.objects.filter(
        status=InboxStatus.AFGEHANDELD, afgehandeld_op__gte=van, afgehandeld_op__lt=tot
    )
    if f.kanaal:
        inbox = inbox.filter(kanaal=f.kanaal)
    inbox = inbox.annotate(klaar_op=TruncDate("afgehandeld_op", tzinfo=tz)).aggregate(
        aantal=Count("id"), op_tijd=Count("id", filter=Q(uiterlijk_op__gte=F("klaar_op")))
    )
    return {"zaken": zaken, "contactverzoeken": verzoeken, "inbox": inbox, "per_product": regels}


STANDAARD_DOELEN = {
    "fcr": 80,
    "herhaal": 10,
    "servicelevel": 80,
    "asa": 30,
    "verlaten": 5,
    "aht": 360,
    "bezetting": 75,
    "csat": 80,
    "norm_zaken": 90,
    "norm_termijn": 100,
    "norm_contactverzoeken": 90,
    "norm_inbox": 95,
}


# Above this occupancy agents have no slack left (the planning's default cap).
BEZETTING_BOVENGRENS = 90


def doelen() -> dict[str, float]:
    eigen = {d.code: float(d.doel) for d in Kpidoel.objects.all()}
    return {**STANDAARD_DOELEN, **eigen}


@dataclass
class Kpi:
    code: str
    naam: str
    waarde: float | None
    eenheid: str  # "%" or "s"
    doel: float | None
    hoger_is_beter: bool
    formule: str
    aantal: int
    vorige: float | None = None
    # A band: above this is off target too (occupancy: burn-out, no slack).
    bovengrens: float | None = None

    @property
    def op_doel(self) -> bool | None:
        if self.waarde is None or self.doel is None:
            return None
        if self.bovengrens is not None and self.waarde > self.bovengrens:
            return False
        return self.waarde >= self.doel if self.hoger_is_beter else self.waarde <= self.doel

    @property
    def te_hoog(self) -> bool:
        return self.bovengrens is not None and (self.waarde or 0) > self.bovengrens

    @property
    def trend(self) -> float | None:
        if self.waarde is None or self.vorige is None:
            return None
        return self.waarde - self.vorige


def _zonder_kort_verlaten(cijfers: dict) -> dict:
    """Leave out who hung up within 5 s (a wrong number, a second thought):
    from abandoned, and from abandoned within every threshold (all >= 10 s)."""
    kort = cijfers.get("verlaten_binnen_5", 0)
    return {
        k: v - kort
        if k == "verlaten" or (k.startswith("verlaten_") and k != "verlaten_binnen_5")
        else v
        for k, v in cijfers.items()
    }


def _kpis_van(
    f: Filter,
    formule: str,
    doel: dict,
    norm: dict | None = None,
    contact: dict | None = None,
    tevreden: dict | None = None,
    kanalen: dict | None = None,
    zonder_kort: bool = False,
) -> list[Kpi]:
    contact = contact or contactcijfers(f)["totaal"]
    wachtrij = wachtrijcijfers(f)
    if zonder_kort:
        wachtrij = {soort: _zonder_kort_verlaten(c) for soort, c in wachtrij.items()}
    if kanalen is None:
        kanalen = {k.soort: k for k in Kanaal.objects.filter(soort__in=WACHTRIJKANALEN)}
    # One service level over the queued channels, each against its own norm.
    sl_teller = sl_noemer = 0
    drempels = []
    for soort, cijfers in wachtrij.items():
        drempel = norm_seconden(kanalen.get(soort))
        drempels.append(f"{choice_label(Kanaal, 'soort', soort)} {drempel} s")
        waarde = servicelevel(cijfers, drempel, formule)
        noemer = {
            ServicelevelFormule.VAN_BEANTWOORD: cijfers["beantwoord"],
        }.get(formule, cijfers["beantwoord"] + cijfers["verlaten"])
        if waarde is not None:
            sl_teller += waarde * noemer / 100
            sl_noemer += noemer
    beantwoord = sum(c["beantwoord"] for c in wachtrij.values())
    verlaten = sum(c["verlaten"] for c in wachtrij.values())
    wacht = sum(c["wacht_seconden"] for c in wachtrij.values())
    tevreden = tevreden or csat(f)
    bezetting = bezettingscijfers(f)
    norm = norm or normrealisatie(f)
    z, cv, ib = norm["zaken"], norm["contactverzoeken"], norm["inbox"]
    afhandeltijd = contact["duur_seconden"] + contact["nawerk_seconden"]
    return [
        Kpi(
            "fcr",
            _("In één keer goed (FCR)"),
            _deel(contact["in_een_keer_goed"], contact["met_vraag"]),
            "%",
            doel["fcr"],
            True,
            _("in één keer goed / contacten met een vraag"),
            contact["met_vraag"],
        ),
        Kpi(
            "herhaal",
            _("Herhaalcontact binnen 7 dagen"),
            _deel(contact["herhaald"], contact["contacten"]),
            "%",
            doel["herhaal"],
            False,
            _(
                "contacten van dezelfde klant over hetzelfde product of onderwerp "
                "binnen 7 dagen / contacten"
            ),
            contact["contacten"],
        ),
        Kpi(
            "servicelevel",
            _("Servicelevel"),
            _deel(sl_teller, sl_noemer),
            "%",
            doel["servicelevel"],
            True,
            _servicelevel_formule(formule, drempels),
            sl_noemer,
        ),
        Kpi(
            "asa",
            _("Gemiddelde wachttijd (ASA)"),
            wacht / beantwoord if beantwoord else None,
            "s",
            doel["asa"],
            False,
            _("totale wachttijd van beantwoorde contacten / beantwoord"),
            beantwoord,
        ),
        Kpi(
            "verlaten",
            _("Verlaten in de wachtrij"),
            _deel(verlaten, beantwoord + verlaten),
            "%",
            doel["verlaten"],
            False,
            _("verlaten / aangeboden (beantwoord + verlaten)")
            + (_("; verlaten binnen 5 s niet meegeteld") if zonder_kort else ""),
            beantwoord + verlaten,
        ),
        Kpi(
            "aht",
            _("Gemiddelde afhandeltijd (AHT)"),
            afhandeltijd / contact["behandeld"] if contact["behandeld"] else None,
            "s",
            doel["aht"],
            False,
            _("(gesprekstijd + nawerk) / behandelde contacten"),
            contact["behandeld"],
        ),
        Kpi(
            "bezetting",
            _("Bezettingsgraad"),
            _deel(bezetting["afhandel_seconden"], bezetting["ingelogd_seconden"]),
            "%",
            doel["bezetting"],
            True,
            _(
                "(gesprekstijd + nawerk) / ingelogde tijd (beschikbaar of bezet), "
                "alle kanalen, van medewerkers die hun status bijhouden"
            ),
            bezetting["medewerkers"],
            bovengrens=BEZETTING_BOVENGRENS,
        ),
        Kpi(
            "csat",
            _("Tevredenheid (CSAT)"),
            _deel(tevreden["tevreden"], tevreden["aantal"]),
            "%",
            doel["csat"],
            True,
            _("cijfers 4 of 5 / alle cijfers (schaal 1-5)"),
            tevreden["aantal"],
        ),
        Kpi(
            "norm_zaken",
            _("Zaken binnen de servicenorm"),
            _deel(z["binnen_norm"], z["met_norm"]),
            "%",
            doel["norm_zaken"],
            True,
            _("zaken afgesloten op of voor de streefdatum / afgesloten zaken met norm"),
            z["met_norm"],
        ),
        Kpi(
            "norm_termijn",
            _("Zaken binnen de wettelijke termijn"),
            _deel(z["binnen_termijn"], z["met_termijn"]),
            "%",
            doel["norm_termijn"],
            True,
            _("zaken afgesloten op of voor de uiterste datum / afgesloten zaken met termijn"),
            z["met_termijn"],
        ),
        Kpi(
            "norm_contactverzoeken",
            _("Contactverzoeken op tijd"),
            _deel(cv["op_tijd"], cv["aantal"]),
            "%",
            doel["norm_contactverzoeken"],
            True,
            _("op of voor de uiterste datum afgehandeld / afgehandeld"),
            cv["aantal"],
        ),
        Kpi(
            "norm_inbox",
            _("E-mail, brieven en sms op tijd"),
            _deel(ib["op_tijd"], ib["aantal"]),
            "%",
            doel["norm_inbox"],
            True,
            _("op of voor de normdatum beantwoord / beantwoord"),
            ib["aantal"],
        ),
    ]


def kpis(
    f: Filter,
    *,
    formule: str = ServicelevelFormule.MET_VERLATEN,
    norm: dict | None = None,
    contact: dict | None = None,
    tevreden: dict | None = None,
    zonder_kort: bool = False,
) -> list[Kpi]:
    """Every KPI for the filter against its target, with the previous period.
    ``norm``, ``contact`` and ``tevreden`` are normrealisatie(f),
    contactcijfers(f) and csat(f) when the caller already has them."""
    doel = doelen()
    kanalen = {k.soort: k for k in Kanaal.objects.filter(soort__in=WACHTRIJKANALEN)}
    extra = {"kanalen": kanalen, "zonder_kort": zonder_kort}
    nu = _kpis_van(f, formule, doel, norm, contact and contact["totaal"], tevreden, **extra)
    for kpi, eerder in zip(nu, _kpis_van(f.vorige(), formule, doel, **extra), strict=True):
        kpi.vorige = eerder.waarde
    return nu


def kosten_per_kanaal(f: Filter, contact: dict | None = None) -> list[dict]:
    """Contacts times the channel's cost per contact."""
    per_kanaal = (contact or contactcijfers(f))["per_kanaal"]
    kosten = dict(Kanaal.objects.values_list("soort", "kosten_per_contact"))
    regels = [
        {
            "kanaal": choice_label(Kanaal, "soort", soort),
            "contacten": c["contacten"],
            "kosten_per_contact": kosten.get(soort),
            "kosten": (kosten.get(soort) or 0) * c["contacten"],
        }
        for soort, c in sorted(per_kanaal.items(), key=lambda x: -x[1]["contacten"])
    ]
    return regels


# --- Wallboard -------------------------------------------------------------------


def wachtenden(nu) -> dict[str, dict]:
    """Who waits now on each queued channel: ``{kanaal: {"n": count, "sinds":
    since when the longest waits or None}}``, each from an index that starts
    with the status (the ticket's: with the date). Read by the wallboard and
    the metrics endpoint."""
    from kanalen.models import Chat, Gesprek, Wachtnummer

    return {
        KanaalSoort.TELEFOON: Gesprek.objects.filter(status=Gesprek.Status.WACHTEND).aggregate(
            n=Count("id"), sinds=Min("aangeboden_op")
        ),
        KanaalSoort.CHAT: Chat.objects.filter(status=Chat.Status.WACHTEND).aggregate(
            n=Count("id"), sinds=Min("gestart_op")
        ),
        KanaalSoort.BALIE: Wachtnummer.objects.filter(
            datum=timezone.localdate(nu), status=Wachtnummer.Status.WACHTEND
        ).aggregate(n=Count("id"), sinds=Min("aangemaakt_op")),
    }


def wallboard(nu=None) -> dict:
    """Now: who waits on each queued channel and for how long, how many
    agents are available (live), and today's service level so far (from the
    rollup, which beat brings up to date every five minutes: a busy day has
    tens of thousands of raw events)."""
    from kanalen.models import Medewerkerstatus

    nu = nu or timezone.now()
    wachtend = wachtenden(nu)
    vandaag = timezone.localdate(nu)
    f = Filter(van=vandaag, tot=vandaag)
    cijfers = wachtrijcijfers(f)
    kanalen = {k.soort: k for k in Kanaal.objects.filter(soort__in=WACHTRIJKANALEN)}
    regels = []
    for soort in WACHTRIJKANALEN:
        w = wachtend[soort]
        c = cijfers.get(soort, {})
        kanaal = kanalen.get(soort)
        drempel = norm_seconden(kanaal)
        langst = int((nu - w["sinds"]).total_seconds()) if w["sinds"] else None
        sl = servicelevel(c, drempel, ServicelevelFormule.MET_VERLATEN) if c else None
        doel = float(kanaal.norm_percentage) if kanaal and kanaal.norm_percentage else None
        regels.append(
            {
                "kanaal": choice_label(Kanaal, "soort", soort),
                "wachtend": w["n"],
                "langst": langst,
                # Over the norm: someone waits longer than it now, or the day's
                # service level is below the channel's percentage.
                "wacht_te_lang": langst is not None and langst > drempel,
                "onder_norm": sl is not None and doel is not None and sl < doel,
                "servicelevel": sl,
                "drempel": drempel,
                "beantwoord": c.get("beantwoord", 0),
                "verlaten": c.get("verlaten", 0),
            }
        )
    statussen = dict(
        Medewerkerstatus.objects.values_list("status").annotate(n=Count("id")).order_by()
    )
    return {
        "kanalen": regels,
        "beschikbaar": statussen.get(Medewerkerstatus.Status.BESCHIKBAAR, 0),
        "bezet": statussen.get(Medewerkerstatus.Status.BEZET, 0),
        "pauze": statussen.get(Medewerkerstatus.Status.PAUZE, 0),
        "nu": nu,
        "rollup_van": Rollupstand.objects.aggregate(m=Min("bijgewerkt_op"))["m"],
    }


# --- Breakdowns -------------------------------------------------------------------

WEEKDAGEN = ("ma", "di", "wo", "do", "vr", "za", "zo")


def heatmap(f: Filter) -> list[dict]:
    """Contacts per hour of the week (rows: hours with contacts; columns:
    Monday to Sunday), from the half-hour rollup."""
    rollup = ContactenPerHalfuur.objects.filter(datum__gte=f.van, datum__lte=f.tot)
    if f.kanaal:
        rollup = rollup.filter(kanaal=f.kanaal)
    tellingen: dict[tuple[int, int], int] = {}
    for datum, slot, aantal in rollup.values_list("datum", "halfuur").annotate(n=Sum("contacten")):
        sleutel = (slot // 2, datum.weekday())
        tellingen[sleutel] = tellingen.get(sleutel, 0) + aantal
    if not tellingen:
        return []
    hoogste = max(tellingen.values())
    uren = sorted({uur for uur, _dag in tellingen})
    return [
        {
            "uur": f"{uur:02d}:00",
            "cellen": [
                {
                    "aantal": tellingen.get((uur, dag), 0),
                    # Five shades; the number is always printed too.
                    "tint": min(4, 5 * tellingen.get((uur, dag), 0) // (hoogste + 1)),
                }
                for dag in range(7)
            ],
        }
        for uur in uren
    ]


def tevredenheid(f: Filter, aantal: int = 15) -> dict:
    """CSAT in total, per channel, and per product, afdeling (of the product)
    and agent, the most rated first (``aantal`` of each; ratings without
    that dimension are left out): one grouped read of the period's ratings,
    summed here per table."""
    groepen = list(
        beoordelingen(f)
        .values("kanaal", "product_id", "medewerker_id")
        .annotate(n=Count("id"), tevreden=Count("id", filter=Q(score__gte=4)), som=Sum("score"))
        .order_by()
    )
    producten = {
        p["id"]: p
        for p in Product.objects.filter(pk__in={g["product_id"] for g in groepen}).values(
            "id", "naam", "afdeling_id", "afdeling__naam"
        )
    }
    medewerkers = User.objects.filter(pk__in={g["medewerker_id"] for g in groepen})
    # Per table: the key of a group, and the name shown for a key.
    tabellen = {
        "kanaal": (lambda g: g["kanaal"], lambda k: choice_label(Kanaal, "soort", k)),
        "product": (lambda g: g["product_id"], lambda k: producten[k]["naam"]),
        "afdeling": (
            lambda g: producten.get(g["product_id"], {}).get("afdeling_id"),
            {p["afdeling_id"]: p["afdeling__naam"] for p in producten.values()}.get,
        ),
        "medewerker": (lambda g: g["medewerker_id"], {u.pk: str(u) for u in medewerkers}.get),
    }

    def regels(tabel: str, hoeveel: int | None = None) -> list[dict]:
        sleutel_van, naam_van = tabellen[tabel]
        sommen = defaultdict(lambda: [0, 0, 0])
        for g in groepen:
            if (sleutel := sleutel_van(g)) is not None:
                som = sommen[sleutel]
                som[0] += g["n"]
                som[1] += g["tevreden"]
                som[2] += g["som"]
        # Equal counts in the order of their keys (ids, channel codes), so
        # the order is stable.
        geordend = sorted(sommen.items(), key=lambda kv: (-kv[1][0], kv[0]))[:hoeveel]
        return [
            {"naam": naam_van(k) or "", "aantal": n, "csat": _deel(t, n), "gemiddeld": som / n}
            for k, (n, t, som) in geordend
        ]

    return {
        "totaal": {
            "aantal": sum(g["n"] for g in groepen),
            "tevreden": sum(g["tevreden"] for g in groepen),
        },
        "kanaal": regels("kanaal"),
        **{tabel: regels(tabel, aantal) for tabel in ("product", "afdeling", "medewerker")},
    }


def wie_neemt_contact_op(f: Filter) -> dict:
    """Contacts per target group (a person by age band, a business, an
    institution, not identified) and channel: the channel mix of each group.
    From the rollup per day and channel, so the agent and product filters do
    not apply."""
    rollup = ContactenPerDoelgroep.objects.filter(datum__gte=f.van, datum__lte=f.tot)
    if f.kanaal:
        rollup = rollup.filter(kanaal=f.kanaal)
    tellingen: dict[str, dict[str, int]] = {}
    for groep, kanaal, n in (
        rollup.values_list("doelgroep", "kanaal").annotate(n=Sum("contacten")).order_by()
    ):
        tellingen.setdefault(groep, {})[kanaal] = n
    kanalen = sorted(
        {k for per in tellingen.values() for k in per},
        key=lambda k: -sum(per.get(k, 0) for per in tellingen.values()),
    )
    alles = sum(sum(per.values()) for per in tellingen.values())
    regels = []
    for groep, label in ContactenPerDoelgroep.Doelgroep.choices:
        per = tellingen.get(groep)
        if not per:
            continue
        totaal = sum(per.values())
        regels.append(
            {
                "doelgroep": label,
                "totaal": totaal,
                "aandeel": _deel(totaal, alles),
                "mix": [_deel(per.get(k, 0), totaal) for k in kanalen],
            }
        )
    return {
        "kanalen": [choice_label(Kanaal, "soort", k) for k in kanalen],
        "regels": regels,
        "genegeerd": f.per_medewerker or f.per_product,
    }


def top_producten(f: Filter, aantal: int = 10) -> list[dict]:
    """The products asked about most, with their FCR, from the product rollup."""
    rollup = ContactenPerProduct.objects.filter(
        datum__gte=f.van, datum__lte=f.tot, product__isnull=False
    )
    if f.kanaal:
        rollup = rollup.filter(kanaal=f.kanaal)
    if f.per_product:
        rollup = rollup.filter(_product_q(f))
    rijen = (
        rollup.values("product__naam")
        .annotate(n=Sum("contacten"), goed=Sum("in_een_keer_goed"), vraag=Sum("met_vraag"))
        .order_by("-n")[:aantal]
    )
    return [
        {"product": r["product__naam"], "contacten": r["n"], "fcr": _deel(r["goed"], r["vraag"])}
        for r in rijen
    ]


def zonder_kennisitem(aantal: int = 10) -> list:
    """What citizens and agents searched for and the knowledge base did not answer."""
    from producten.models import OnbeantwoordeZoekvraag

    return list(OnbeantwoordeZoekvraag.objects.order_by("-aantal", "-laatst")[:aantal])


def norm_per_product(f: Filter, norm: dict | None = None) -> list[dict]:
    """Per product and its afdeling: cases closed in the period within the
    service norm and the legal term (the public norm page's selector)."""
    regels = (norm or normrealisatie(f))["per_product"]
    return sorted(
        (
            {
                "product": r["product"],
                "afdeling": r["afdeling"],
                "aantal": r["aantal"],
                "norm": r["norm_pct"],
                "termijn": r["termijn_pct"],
            }
            for r in regels
        ),
        key=lambda r: (r["afdeling"], r["product"]),
    )


def achterstand(nu=None) -> dict:
    """Open cases now, by age and how many are past their deadline."""
    from zaken.models import OPEN_STATUSSEN

    nu = nu or timezone.now()
    vandaag = timezone.localdate(nu)
    open_ = Zaak.objects.filter(status__in=OPEN_STATUSSEN)
    return open_.aggregate(
        totaal=Count("id"),
        week=Count("id", filter=Q(geregistreerd_op__gte=nu - timedelta(days=7))),
        maand=Count(
            "id",
            filter=Q(
                geregistreerd_op__lt=nu - timedelta(days=7),
                geregistreerd_op__gte=nu - timedelta(days=30),
            ),
        ),
        kwartaal=Count(
            "id",
            filter=Q(
                geregistreerd_op__lt=nu - timedelta(days=30),
                geregistreerd_op__gte=nu - timedelta(days=90),
            ),
        ),
        ouder=Count("id", filter=Q(geregistreerd_op__lt=nu - timedelta(days=90))),
        te_laat=Count("id", filter=Q(termijndatum__lt=vandaag)),
    )


def wachtrij_per_kanaal(
    f: Filter, *, formule: str = ServicelevelFormule.MET_VERLATEN
) -> list[dict]:
    """Each queued channel against its own norm (its threshold and its
    percentage; the general target where it has none): service level, ASA
    and abandonment, and what explains a miss: the volume against the
    forecast made from the weeks before, and the half hour that did worst."""
    from dashboard import prognose

    kanalen = {k.soort: k for k in Kanaal.objects.filter(soort__in=WACHTRIJKANALEN)}
    algemeen = doelen()["servicelevel"]
    cijfers = wachtrijcijfers(f)
    dagen = (f.tot - f.van).days + 1
    rijen = []
    for soort in [f.kanaal] if f.kanaal else WACHTRIJKANALEN:
        c = cijfers.get(soort)
        if not c or not c["aangeboden"]:
            continue
        kanaal = kanalen.get(soort)
        drempel = norm_seconden(kanaal)
        doel = float(kanaal.norm_percentage) if kanaal and kanaal.norm_percentage else algemeen
        waarde = servicelevel(c, drempel, formule)
        verwacht = sum(
            sum(dag)
            for dag in prognose.prognose(soort, van=f.van, dagen=dagen, basis=f.van).values()
        )
        slechtste = None
        for r in WachtrijPerHalfuur.objects.filter(
            kanaal=soort, datum__gte=f.van, datum__lte=f.tot, aangeboden__gte=5
        ).values():
            sl = servicelevel(r, drempel, formule)
            if sl is not None and (slechtste is None or sl < slechtste["servicelevel"]):
                slechtste = {
                    "datum": r["datum"],
                    "halfuur": r["halfuur"],
                    "servicelevel": sl,
                    "aangeboden": r["aangeboden"],
                }
        if slechtste:
            slechtste["tijd"] = (
                f"{slechtste['halfuur'] // 2:02d}:{slechtste['halfuur'] % 2 * 30:02d}"
            )
        rijen.append(
            {
                "kanaal": KanaalSoort(soort).label,
                "soort": soort,
                "aangeboden": c["aangeboden"],
                "drempel": drempel,
                "doel": doel,
                "servicelevel": waarde,
                "op_doel": None if waarde is None else waarde >= doel,
                "asa": c["wacht_seconden"] / c["beantwoord"] if c["beantwoord"] else None,
                "verlaten": _deel(c["verlaten"], c["beantwoord"] + c["verlaten"]),
                "verwacht": verwacht,
                "boven_prognose": _deel(c["aangeboden"] - verwacht, verwacht) if verwacht else None,
                "slechtste": slechtste,
            }
        )
    return rijen


def verloop(
    f: Filter, *, weken: int = 12, formule: str = ServicelevelFormule.MET_VERLATEN
) -> tuple[list[date], dict[str, list[float | None]]]:
    """The Mondays of the ``weken`` weeks up to the end of the period, and
    each KPI's value per week (oldest first): the sparklines of the tiles."""
    maandagen, reeksen, _kpis = _verloop(f, weken, formule)
    return maandagen, reeksen


@dataclass
class Trend:
    """One KPI over the weeks: what the trend chart on its detail page draws."""

    kpi: Kpi  # the last week's, for its name, unit and target
    weken: list[tuple[date, float | None]]

    @property
    def waarden(self) -> list[float | None]:
        return [waarde for _maandag, waarde in self.weken]


def trend(
    f: Filter, code: str, *, weken: int = 12, formule: str = ServicelevelFormule.MET_VERLATEN
) -> Trend | None:
    """KPI ``code`` per week for the ``weken`` weeks up to the end of the
    period (the same figures as the tiles' sparklines), or None for no KPI."""
    maandagen, reeksen, kpis = _verloop(f, weken, formule)
    if code not in kpis:
        return None
    return Trend(kpis[code], list(zip(maandagen, reeksen[code], strict=True)))


def _verloop(f: Filter, weken: int, formule: str):
    from django.core.cache import cache

    maandag = f.tot - timedelta(days=f.tot.weekday())
    maandagen = [maandag - timedelta(weeks=stap) for stap in range(weken - 1, -1, -1)]
    # Twelve weeks of every KPI is twelve times the page's own figures; the
    # rollups change every five minutes, so the lines are kept that long.
    sleutel = "dashboard:verloop:" + ":".join(
        str(deel)
        for deel in (
            maandag,
            weken,
            formule,
            f.kanaal,
            getattr(f.thema, "pk", ""),
            getattr(f.afdeling, "pk", ""),
            getattr(f.team, "pk", ""),
            getattr(f.medewerker, "pk", ""),
            translation.get_language(),
        )
    )
    bewaard = cache.get(sleutel)
    if bewaard is None:
        doel = doelen()
        kanalen = {k.soort: k for k in Kanaal.objects.filter(soort__in=WACHTRIJKANALEN)}
        reeksen: dict[str, list[float | None]] = {}
        laatste: dict[str, Kpi] = {}
        for van in maandagen:
            week = replace(f, van=van, tot=van + timedelta(days=6))
            for kpi in _kpis_van(week, formule, doel, kanalen=kanalen, zonder_kort=False):
                reeksen.setdefault(kpi.code, []).append(kpi.waarde)
                laatste[kpi.code] = kpi
        bewaard = (reeksen, laatste)
        cache.set(sleutel, bewaard, 300)
    reeksen, laatste = bewaard
    return maandagen, reeksen, laatste


def kosten_per_productgroep(f: Filter) -> list[dict]:
    """Contacts and their cost per product group (thema): each contact at its
    channel's cost per contact. A product in two groups counts in both;
    contacts without a product form their own line."""
    kosten = dict(Kanaal.objects.values_list("soort", "kosten_per_contact"))
    rijen = ContactenPerProduct.objects.filter(datum__gte=f.van, datum__lte=f.tot)
    if f.kanaal:
        rijen = rijen.filter(kanaal=f.kanaal)
    per_groep: dict[str, dict] = {}
    for r in (
        rijen.values("kanaal", "product__themas__naam").annotate(n=Sum("contacten")).order_by()
    ):
        naam = r["product__themas__naam"] or _("Geen product")
        groep = per_groep.setdefault(naam, {"productgroep": naam, "contacten": 0, "kosten": 0})
        groep["contacten"] += r["n"] or 0
        groep["kosten"] += (kosten.get(r["kanaal"]) or 0) * (r["n"] or 0)
    regels = sorted(per_groep.values(), key=lambda g: -g["kosten"])
    for groep in regels:
        groep["kosten_per_contact"] = (
            groep["kosten"] / groep["contacten"] if groep["contacten"] else None
        )
    return regels


def kostentotaal(regels: list[dict]) -> dict:
    """The sum line of a cost table."""
    contacten = sum(r["contacten"] for r in regels)
    bedrag = sum(r["kosten"] for r in regels)
    return {
        "contacten": contacten,
        "kosten": bedrag,
        "kosten_per_contact": bedrag / contacten if contacten else None,
    }
