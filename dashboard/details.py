"""The records behind each KPI, for the drill-down pages and the exports.

Only what a manager needs to see why a figure is what it is: dates,
channel, product, agent, outcome, case number. No names, BSNs or texts of
customers: the dashboard is not a way around the klantbeeld's audit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import F, Q, QuerySet
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dashboard.models import BeschikbaarheidPerMedewerker
from dashboard.rollups import dag_grenzen, met_herhaling
from dashboard.selectors import (
    WACHTRIJKANALEN,
    Filter,
    _medewerker_ids,
    _product_q,
    beoordelingen,
    norm_seconden,
)
from kanalen.models import Beoordeling, Inboxitem, InboxStatus, Kanaal, Wachtrijgebeurtenis
from kcc.choices import choice_label
from klanten.models import Contactverzoek, ContactverzoekStatus, Klantcontact
from zaken.models import Zaak, ZaakStatus


def _moment(waarde):
    # The municipality's time zone (cached); localtime() looks up the
    # current one per call, a noticeable share of an export of many rows.
    # A value, not text: the page, the CSV and the XLSX each write it their way.
    return waarde.astimezone(timezone.get_default_timezone()) if waarde else None


def _datum(waarde):
    return waarde or None


def _janee(waarde) -> str:
    return "" if waarde is None else (str(_("ja")) if waarde else str(_("nee")))


# The records are plain rows (values()), not models: an export writes tens
# of thousands, and building a case, its product and afdeling for each was
# most of the time.
_MEDEWERKER = ("medewerker__first_name", "medewerker__last_name", "medewerker__username")


def _naam(r: dict, pad: str = "medewerker") -> str:
    """What str(user) gives: the full name, else the username."""
    volledig = f"{r[f'{pad}__first_name'] or ''} {r[f'{pad}__last_name'] or ''}".strip()
    return volledig or r[f"{pad}__username"] or ""


@dataclass(frozen=True)
class Detail:
    titel: str
    # The records of the filter; ``alleen_afwijkend`` keeps those that
    # pulled the figure down (not resolved, late, abandoned, ...).
    records: Callable[[Filter, bool], QuerySet]
    kolommen: tuple[tuple[str, Callable], ...]
    afwijkend: str  # what "alleen_afwijkend" shows
    # Where a record opens (the case page, the customer's klantbeeld), if
    # anywhere; opening it there is audited as any other look at it.
    link: Callable[[dict], str | None] | None = None


def _contacten(f: Filter, afwijkend: bool, *, soort: str) -> QuerySet:
    qs = Klantcontact.objects.filter(
        gestart_op__gte=dag_grenzen(f.van)[0], gestart_op__lt=dag_grenzen(f.tot)[1]
    )
    if f.kanaal:
        qs = qs.filter(kanaal=f.kanaal)
    if f.per_medewerker:
        qs = qs.filter(medewerker_id__in=_medewerker_ids(f))
    if f.per_product:
        qs = qs.filter(pk__in=Klantcontact.objects.filter(_product_q(f)).values("pk"))
    if soort == "herhaal":
        qs = met_herhaling(qs)
        if afwijkend:
            qs = qs.filter(herhaald=True)
    elif soort == "fcr":
        qs = qs.filter(in_een_keer_goed__isnull=False)
        if afwijkend:
            qs = qs.filter(in_een_keer_goed=False)
    elif soort == "aht":
        qs = qs.filter(medewerker__isnull=False, beeindigd_op__isnull=False)
        if afwijkend:
            qs = qs.filter(beeindigd_op__gt=F("gestart_op") + timedelta(seconds=600))
    return qs.order_by("-gestart_op", "-id").values(
        "gestart_op",
        "kanaal",
        "in_een_keer_goed",
        "beeindigd_op",
        "nawerk_seconden",
        "product__naam",
        "klant__uuid",
        *_MEDEWERKER,
    )


CONTACTKOLOMMEN = (
    (_("Begin"), lambda c: _moment(c["gestart_op"])),
    (_("Kanaal"), lambda c: choice_label(Klantcontact, "kanaal", c["kanaal"])),
    (_("Medewerker"), _naam),
    (_("Product"), lambda c: c["product__naam"] or ""),
    (_("In één keer goed"), lambda c: _janee(c["in_een_keer_goed"])),
    (
        _("Duur (s)"),
        lambda c: (
            int((c["beeindigd_op"] - c["gestart_op"]).total_seconds()) if c["beeindigd_op"] else ""
        ),
    ),
    (_("Nawerk (s)"), lambda c: c["nawerk_seconden"]),
)


def _wachtrij(f: Filter, afwijkend: bool, *, soort: str) -> QuerySet:
    qs = Wachtrijgebeurtenis.objects.filter(
        tijdstip__gte=dag_grenzen(f.van)[0],
        tijdstip__lt=dag_grenzen(f.tot)[1],
        kanaal__in=[f.kanaal] if f.kanaal else list(WACHTRIJKANALEN),
        soort__in=[Wachtrijgebeurtenis.Soort.BEANTWOORD, Wachtrijgebeurtenis.Soort.VERLATEN],
    )
    if afwijkend and soort == "verlaten":
        qs = qs.filter(soort=Wachtrijgebeurtenis.Soort.VERLATEN)
    elif afwijkend:
        # Waited longer than the channel's own norm (as the service level counts).
        normen = {
            k.soort: norm_seconden(k) for k in Kanaal.objects.filter(soort__in=WACHTRIJKANALEN)
        }
        langer = Q()
        for kanaal in WACHTRIJKANALEN:
            langer |= Q(
                kanaal=kanaal, wachttijd_seconden__gt=normen.get(kanaal, norm_seconden(None))
            )
        qs = qs.filter(langer)
    return qs.order_by("-tijdstip", "-id").values(
        "tijdstip", "kanaal", "soort", "wachttijd_seconden", *_MEDEWERKER
    )


WACHTRIJKOLOMMEN = (
    (_("Tijdstip"), lambda w: _moment(w["tijdstip"])),
    (_("Kanaal"), lambda w: choice_label(Wachtrijgebeurtenis, "kanaal", w["kanaal"])),
    (_("Gebeurtenis"), lambda w: choice_label(Wachtrijgebeurtenis, "soort", w["soort"])),
    (
        _("Wachttijd (s)"),
        lambda w: w["wachttijd_seconden"] if w["wachttijd_seconden"] is not None else "",
    ),
    (_("Medewerker"), _naam),
)


def _beoordelingen(f: Filter, afwijkend: bool) -> QuerySet:
    qs = beoordelingen(f)
    if afwijkend:
        qs = qs.filter(score__lte=3)
    return qs.order_by("-gegeven_op", "-id").values(
        "gegeven_op", "kanaal", "score", "zaak__nummer", *_MEDEWERKER
    )


BEOORDELINGKOLOMMEN = (
    (_("Gegeven op"), lambda b: _moment(b["gegeven_op"])),
    (_("Kanaal"), lambda b: choice_label(Beoordeling, "kanaal", b["kanaal"])),
    (_("Cijfer"), lambda b: b["score"]),
    (_("Zaak"), lambda b: b["zaak__nummer"] or ""),
    (_("Medewerker"), _naam),
)


def _zaken(f: Filter, afwijkend: bool, *, veld: str) -> QuerySet:
    qs = Zaak.objects.filter(
        hoofdzaak__isnull=True,
        afgesloten_op__gte=dag_grenzen(f.van)[0],
        afgesloten_op__lt=dag_grenzen(f.tot)[1],
        status__in=[ZaakStatus.AFGEHANDELD, ZaakStatus.AFGEWEZEN],
        **{f"{veld}__isnull": False},
    )
    if f.per_product:
        qs = qs.filter(_product_q(f))
    if afwijkend:
        qs = qs.annotate(
            klaar_op=TruncDate("afgesloten_op", tzinfo=timezone.get_current_timezone())
        ).filter(**{f"{veld}__lt": F("klaar_op")})
    return qs.order_by("-afgesloten_op", "-id").values(
        "nummer",
        "status",
        "geregistreerd_op",
        "streefdatum",
        "uiterste_datum",
        "afgesloten_op",
        "product__naam",
        "afdeling__naam",
        "uuid",
    )


ZAAKKOLOMMEN = (
    (_("Zaak"), lambda z: z["nummer"]),
    (_("Product"), lambda z: z["product__naam"]),
    (_("Afdeling"), lambda z: z["afdeling__naam"] or ""),
    (_("Geregistreerd"), lambda z: _moment(z["geregistreerd_op"])),
    (_("Streefdatum"), lambda z: _datum(z["streefdatum"])),
    (_("Uiterste datum"), lambda z: _datum(z["uiterste_datum"])),
    (_("Afgesloten"), lambda z: _moment(z["afgesloten_op"])),
    (_("Status"), lambda z: choice_label(Zaak, "status", z["status"])),
)


def _verzoeken(f: Filter, afwijkend: bool) -> QuerySet:
    qs = Contactverzoek.objects.filter(
        status=ContactverzoekStatus.AFGEHANDELD,
        afgehandeld_op__gte=dag_grenzen(f.van)[0],
        afgehandeld_op__lt=dag_grenzen(f.tot)[1],
    )
    if f.afdeling is not None:
        qs = qs.filter(afdeling=f.afdeling)
    if afwijkend:
        qs = qs.annotate(
            klaar_op=TruncDate("afgehandeld_op", tzinfo=timezone.get_current_timezone())
        ).filter(uiterlijk_op__lt=F("klaar_op"))
    return qs.order_by("-afgehandeld_op", "-id").values(
        "aangemaakt_op",
        "afdeling__naam",
        "uiterlijk_op",
        "afgehandeld_op",
        "afgehandeld_door__first_name",
        "afgehandeld_door__last_name",
        "afgehandeld_door__username",
    )


VERZOEKKOLOMMEN = (
    (_("Aangemaakt"), lambda v: _moment(v["aangemaakt_op"])),
    (_("Afdeling"), lambda v: v["afdeling__naam"] or ""),
    (_("Uiterlijk"), lambda v: _datum(v["uiterlijk_op"])),
    (_("Afgehandeld"), lambda v: _moment(v["afgehandeld_op"])),
    (_("Door"), lambda v: _naam(v, "afgehandeld_door")),
)


def _inbox(f: Filter, afwijkend: bool) -> QuerySet:
    qs = Inboxitem.objects.filter(
        status=InboxStatus.AFGEHANDELD,
        afgehandeld_op__gte=dag_grenzen(f.van)[0],
        afgehandeld_op__lt=dag_grenzen(f.tot)[1],
    )
    if f.kanaal:
        qs = qs.filter(kanaal=f.kanaal)
    if afwijkend:
        qs = qs.annotate(
            klaar_op=TruncDate("afgehandeld_op", tzinfo=timezone.get_current_timezone())
        ).filter(uiterlijk_op__lt=F("klaar_op"))
    return qs.order_by("-afgehandeld_op", "-id").values(
        "ontvangen_op", "kanaal", "uiterlijk_op", "afgehandeld_op", *_MEDEWERKER
    )


INBOXKOLOMMEN = (
    (_("Ontvangen"), lambda i: _moment(i["ontvangen_op"])),
    (_("Kanaal"), lambda i: choice_label(Inboxitem, "kanaal", i["kanaal"])),
    (_("Uiterlijk"), lambda i: _datum(i["uiterlijk_op"])),
    (_("Beantwoord"), lambda i: _moment(i["afgehandeld_op"])),
    (_("Medewerker"), _naam),
)


def _beschikbaarheid(f: Filter, afwijkend: bool) -> QuerySet:
    qs = BeschikbaarheidPerMedewerker.objects.filter(datum__gte=f.van, datum__lte=f.tot)
    if f.per_medewerker:
        qs = qs.filter(medewerker_id__in=_medewerker_ids(f))
    if afwijkend:
        # Logged in for more than 9 hours: a forgotten logout, most likely.
        qs = qs.annotate(
            ingelogd=F("beschikbaar_seconden") + F("bezet_seconden") + F("pauze_seconden")
        ).filter(ingelogd__gt=9 * 3600)
    return qs.order_by("-datum", "medewerker_id").values(
        "datum", "beschikbaar_seconden", "bezet_seconden", "pauze_seconden", *_MEDEWERKER
    )


def _minuten(seconden: int) -> int:
    return round(seconden / 60)


BESCHIKBAARHEIDKOLOMMEN = (
    (_("Datum"), lambda b: _datum(b["datum"])),
    (_("Medewerker"), _naam),
    (_("Beschikbaar (min)"), lambda b: _minuten(b["beschikbaar_seconden"])),
    (_("Bezet (min)"), lambda b: _minuten(b["bezet_seconden"])),
    (_("Pauze (min)"), lambda b: _minuten(b["pauze_seconden"])),
)


def _klantbeeld(c: dict) -> str | None:
    return reverse("werkplek:klantbeeld", args=[c["klant__uuid"]]) if c.get("klant__uuid") else None


def _zaakpagina(z: dict) -> str | None:
    return reverse("zaken:zaak", args=[z["uuid"]]) if z.get("uuid") else None


DETAILS: dict[str, Detail] = {
    "fcr": Detail(
        _("Contacten met een vraag"),
        lambda f, a: _contacten(f, a, soort="fcr"),
        CONTACTKOLOMMEN,
        _("alleen niet in één keer goed"),
        _klantbeeld,
    ),
    "herhaal": Detail(
        _("Contacten"),
        lambda f, a: _contacten(f, a, soort="herhaal"),
        CONTACTKOLOMMEN,
        _("alleen herhaalcontacten"),
        _klantbeeld,
    ),
    "aht": Detail(
        _("Behandelde contacten"),
        lambda f, a: _contacten(f, a, soort="aht"),
        CONTACTKOLOMMEN,
        _("alleen langer dan 10 minuten"),
        _klantbeeld,
    ),
    "servicelevel": Detail(
        _("Beantwoord en verlaten in de wachtrij"),
        lambda f, a: _wachtrij(f, a, soort="servicelevel"),
        WACHTRIJKOLOMMEN,
        _("alleen langer dan de norm van het kanaal gewacht"),
    ),
    "asa": Detail(
        _("Beantwoord en verlaten in de wachtrij"),
        lambda f, a: _wachtrij(f, a, soort="asa"),
        WACHTRIJKOLOMMEN,
        _("alleen langer dan de norm van het kanaal gewacht"),
    ),
    "verlaten": Detail(
        _("Beantwoord en verlaten in de wachtrij"),
        lambda f, a: _wachtrij(f, a, soort="verlaten"),
        WACHTRIJKOLOMMEN,
        _("alleen verlaten"),
    ),
    "bezetting": Detail(
        _("Ingelogde tijd per medewerker per dag"),
        _beschikbaarheid,
        BESCHIKBAARHEIDKOLOMMEN,
        _("alleen dagen met meer dan 9 uur ingelogd"),
    ),
    "csat": Detail(_("Beoordelingen"), _beoordelingen, BEOORDELINGKOLOMMEN, _("alleen 1, 2 of 3")),
    "norm_zaken": Detail(
        _("Afgesloten zaken met een servicenorm"),
        lambda f, a: _zaken(f, a, veld="streefdatum"),
        ZAAKKOLOMMEN,
        _("alleen buiten de servicenorm"),
        _zaakpagina,
    ),
    "norm_termijn": Detail(
        _("Afgesloten zaken met een wettelijke termijn"),
        lambda f, a: _zaken(f, a, veld="uiterste_datum"),
        ZAAKKOLOMMEN,
        _("alleen buiten de wettelijke termijn"),
        _zaakpagina,
    ),
    "norm_contactverzoeken": Detail(
        _("Afgehandelde contactverzoeken"), _verzoeken, VERZOEKKOLOMMEN, _("alleen te laat")
    ),
    "norm_inbox": Detail(
        _("Beantwoorde e-mail, brieven en sms"), _inbox, INBOXKOLOMMEN, _("alleen te laat")
    ),
}


def links(detail: Detail, records) -> list[str | None]:
    return [detail.link(r) if detail.link else None for r in records]


def rijen(detail: Detail, records) -> Iterator[list]:
    for record in records:
        yield [kolom(record) for _titel, kolom in detail.kolommen]


# The number of records of a contact drill-down, from the rollups (a month
# is hundreds of thousands of contacts; counting them row by row was most of
# the page). Only where a rollup holds exactly that number.
_TELLINGEN = {
    ("fcr", False): lambda c: c["met_vraag"],
    ("fcr", True): lambda c: c["met_vraag"] - c["in_een_keer_goed"],
    ("herhaal", False): lambda c: c["contacten"],
    ("herhaal", True): lambda c: c["herhaald"],
    ("aht", False): lambda c: c["behandeld"],
}


class GeteldeRecords:
    """A queryset whose count is already known, for the paginator."""

    def __init__(self, records: QuerySet, aantal: int):
        self.records = records
        self.aantal = aantal

    def count(self) -> int:
        return self.aantal

    def __getitem__(self, plek):
        return self.records[plek]

    def __len__(self) -> int:
        return self.aantal


def te_pagineren(kpi: str, f: Filter, afwijkend: bool, records: QuerySet):
    from dashboard.selectors import contactcijfers

    telling = _TELLINGEN.get((kpi, afwijkend))
    # Today's rollup runs a few minutes behind the rows; count those.
    if telling is None or (f.per_medewerker and f.per_product) or f.tot >= timezone.localdate():
        return records
    return GeteldeRecords(records, telling(contactcijfers(f)["totaal"]))
