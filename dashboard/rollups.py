"""Keeping the rollups current.

A day is always rebuilt whole from the raw rows (delete its rollup rows,
insert the new sums, in one transaction), so a rollup day is either the old
or the new truth, never half. ``bijwerken`` rebuilds the days that got new
contacts or queue events since the last run (read from each table's id
watermark) plus today and yesterday, one day per transaction; the nightly
run also rebuilds the last week, for the odd correction of an existing
contact. A test compares the rollups with the raw data.

Those days are planned once and the plan is worked through by as many runs
as it takes, each saving what is left after every day: the beat task stops
after its time budget and queues the next run, so a first build of two years
(minutes on the scale data) is never stopped by a task's time limit. The
watermarks move when the plan is done.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from time import monotonic
from typing import NamedTuple

from django.core.cache import cache
from django.db import transaction
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, ExtractHour, ExtractMinute, Floor
from django.utils import timezone

from dashboard.models import (
    DREMPELS,
    BeschikbaarheidPerMedewerker,
    ContactenPerDoelgroep,
    ContactenPerHalfuur,
    ContactenPerMedewerker,
    ContactenPerProduct,
    Rollupstand,
    WachtrijPerHalfuur,
)
from kanalen.models import Medewerkerstatus, Statusperiode, Wachtrijgebeurtenis
from klanten.models import Klant, Klantcontact
from zaken import normrealisatie

HERHAAL_DAGEN = 7
_CIJFERS = (
    "contacten",
    "met_vraag",
    "in_een_keer_goed",
    "herhaald",
    "behandeld",
    "duur_seconden",
    "nawerk_seconden",
)


def dag_grenzen(dag: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return datetime.combine(dag, time.min, tzinfo=tz), datetime.combine(
        dag + timedelta(days=1), time.min, tzinfo=tz
    )


def contactcijfers_aggregaten() -> dict:
    """The sums of Contactcijfers over a Klantcontact queryset (annotated with
    ``herhaald``): the same expressions for the rollups and for raw queries."""
    behandeld = Q(medewerker__isnull=False, beeindigd_op__isnull=False)
    return {
        "contacten": Count("id"),
        "met_vraag": Count("id", filter=Q(in_een_keer_goed__isnull=False)),
        "in_een_keer_goed": Count("id", filter=Q(in_een_keer_goed=True)),
        "herhaald": Count("id", filter=Q(herhaald=True)),
        "behandeld": Count("id", filter=behandeld),
        "duur": Sum(F("beeindigd_op") - F("gestart_op"), filter=behandeld),
        "nawerk_seconden": Sum("nawerk_seconden", filter=behandeld),
    }


def met_herhaling(contacten):
    """Annotate ``herhaald``: the same customer contacted us about the same
    product (or, without a product, the same subject) in the 7 days before.
    Only a contact of the customer's repeats; a call back from us does not."""
    eerder = Klantcontact.objects.filter(
        klant=OuterRef("klant"),
        gestart_op__lt=OuterRef("gestart_op"),
        gestart_op__gte=OuterRef("gestart_op") - timedelta(days=HERHAAL_DAGEN),
    )
    return contacten.alias(
        herhaald_product=Exists(eerder.filter(product=OuterRef("product"))),
        herhaald_onderwerp=Exists(
            eerder.filter(product__isnull=True, onderwerp=OuterRef("onderwerp"))
        ),
    ).annotate(
        herhaald=ExpressionWrapper(
            Q(klant__isnull=False, richting=Klantcontact.Richting.INKOMEND)
            & (
                Q(product__isnull=False, herhaald_product=True)
                | Q(product__isnull=True, herhaald_onderwerp=True)
            ),
            output_field=BooleanField(),
        )
    )


def halfuur(veld: str):
    """The half hour of the day (0-47) of a datetime field, in local time."""
    tz = timezone.get_current_timezone()
    # EXTRACT is numeric on PostgreSQL: floor the half, then make it whole.
    return Cast(
        ExtractHour(veld, tzinfo=tz) * 2 + Floor(ExtractMinute(veld, tzinfo=tz) / Value(30.0)),
        IntegerField(),
    )


def als_seconden(waarde) -> int:
    if waarde is None:
        return 0
    return int(waarde.total_seconds()) if isinstance(waarde, timedelta) else int(waarde)


def _contacten_van_dag(dag: date) -> None:
    begin, eind = dag_grenzen(dag)
    rijen = (
        met_herhaling(Klantcontact.objects.filter(gestart_op__gte=begin, gestart_op__lt=eind))
        .annotate(halfuur=halfuur("gestart_op"))
        .values("halfuur", "kanaal", "medewerker_id", "product_id")
        .annotate(**contactcijfers_aggregaten())
        .order_by()
    )
    per_uur: dict = defaultdict(lambda: dict.fromkeys(_CIJFERS, 0))
    per_medewerker: dict = defaultdict(lambda: dict.fromkeys(_CIJFERS, 0))
    per_product: dict = defaultdict(lambda: dict.fromkeys(_CIJFERS, 0))
    for rij in rijen:
        waarden = {
            "contacten": rij["contacten"],
            "met_vraag": rij["met_vraag"],
            "in_een_keer_goed": rij["in_een_keer_goed"],
            "herhaald": rij["herhaald"],
            "behandeld": rij["behandeld"],
            "duur_seconden": als_seconden(rij["duur"]),
            "nawerk_seconden": rij["nawerk_seconden"] or 0,
        }
        for doel, sleutel in (
            (per_uur, (rij["halfuur"], rij["kanaal"])),
            (per_medewerker, (rij["kanaal"], rij["medewerker_id"])),
            (per_product, (rij["kanaal"], rij["product_id"])),
        ):
            som = doel[sleutel]
            for veld, waarde in waarden.items():
                som[veld] += waarde
    ContactenPerHalfuur.objects.filter(datum=dag).delete()
    ContactenPerMedewerker.objects.filter(datum=dag).delete()
    ContactenPerProduct.objects.filter(datum=dag).delete()
    ContactenPerHalfuur.objects.bulk_create(
        ContactenPerHalfuur(datum=dag, halfuur=slot, kanaal=kanaal, **som)
        for (slot, kanaal), som in per_uur.items()
    )
    ContactenPerMedewerker.objects.bulk_create(
        ContactenPerMedewerker(datum=dag, kanaal=kanaal, medewerker_id=mdw, **som)
        for (kanaal, mdw), som in per_medewerker.items()
    )
    ContactenPerProduct.objects.bulk_create(
        ContactenPerProduct(datum=dag, kanaal=kanaal, product_id=product, **som)
        for (kanaal, product), som in per_product.items()
    )


def wachtrij_aggregaten() -> dict:
    """The sums of WachtrijPerHalfuur over a Wachtrijgebeurtenis queryset."""
    Soort = Wachtrijgebeurtenis.Soort
    beantwoord = Q(soort=Soort.BEANTWOORD)
    verlaten = Q(soort=Soort.VERLATEN)
    sommen = {
        "aangeboden": Count("id", filter=Q(soort=Soort.AANGEBODEN)),
        "beantwoord": Count("id", filter=beantwoord),
        "wacht_seconden": Sum("wachttijd_seconden", filter=beantwoord),
        "verlaten": Count("id", filter=verlaten),
        "verlaten_binnen_5": Count("id", filter=verlaten & Q(wachttijd_seconden__lt=5)),
    }
    for drempel in DREMPELS:
        binnen = Q(wachttijd_seconden__lte=drempel)
        sommen[f"beantwoord_{drempel}"] = Count("id", filter=beantwoord & binnen)
        sommen[f"verlaten_{drempel}"] = Count("id", filter=verlaten & binnen)
    return sommen


def _wachtrij_van_dag(dag: date) -> None:
    begin, eind = dag_grenzen(dag)
    rijen = (
        Wachtrijgebeurtenis.objects.filter(tijdstip__gte=begin, tijdstip__lt=eind)
        .annotate(halfuur=halfuur("tijdstip"))
        .values("halfuur", "kanaal")
        .annotate(**wachtrij_aggregaten())
        .order_by()
    )
    WachtrijPerHalfuur.objects.filter(datum=dag).delete()
    WachtrijPerHalfuur.objects.bulk_create(
        WachtrijPerHalfuur(datum=dag, **{**rij, "wacht_seconden": rij["wacht_seconden"] or 0})
        for rij in rijen
    )


def _jaren_voor(dag: date, jaren: int) -> date:
    try:
        return dag.replace(year=dag.year - jaren)
    except ValueError:  # 29 February
        return dag.replace(year=dag.year - jaren, day=28)


def doelgroep(dag: date) -> Case:
    """Who the contact's customer is on ``dag``: a person by age band, a
    business, an institution, or nobody identified."""
    Doelgroep = ContactenPerDoelgroep.Doelgroep
    leeftijd = [
        When(klant__geboortedatum__isnull=True, then=Value(Doelgroep.PERSOON)),
        *[
            When(klant__geboortedatum__gt=_jaren_voor(dag, jaren), then=Value(groep))
            for jaren, groep in (
                (30, Doelgroep.TOT_30),
                (50, Doelgroep.TOT_50),
                (67, Doelgroep.TOT_67),
            )
        ],
    ]
    return Case(
        When(klant__isnull=True, then=Value(Doelgroep.ONBEKEND)),
        When(klant__soort=Klant.Soort.BEDRIJF, then=Value(Doelgroep.BEDRIJF)),
        When(klant__soort=Klant.Soort.INSTELLING, then=Value(Doelgroep.INSTELLING)),
        *leeftijd,
        default=Value(Doelgroep.VANAF_67),
        output_field=CharField(),
    )


def _doelgroepen_van_dag(dag: date) -> None:
    begin, eind = dag_grenzen(dag)
    rijen = (
        Klantcontact.objects.filter(gestart_op__gte=begin, gestart_op__lt=eind)
        .annotate(doelgroep=doelgroep(dag))
        .values("kanaal", "doelgroep")
        .annotate(contacten=Count("id"))
        .order_by()
    )
    ContactenPerDoelgroep.objects.filter(datum=dag).delete()
    ContactenPerDoelgroep.objects.bulk_create(ContactenPerDoelgroep(datum=dag, **r) for r in rijen)


MAX_PERIODE = timedelta(hours=12)


def _beschikbaarheid_van_dag(dag: date, nu: datetime) -> None:
    """The logged-in seconds per agent and status: each period's overlap
    with the day (an open period runs until now)."""
    begin, eind = dag_grenzen(dag)
    Status = Medewerkerstatus.Status
    ingelogd = (Status.BESCHIKBAAR, Status.BEZET, Status.PAUZE)
    perioden = Statusperiode.objects.filter(
        Q(einde__isnull=True) | Q(einde__gt=begin), begin__lt=eind, status__in=ingelogd
    ).values_list("medewerker_id", "status", "begin", "einde")
    sommen: dict = defaultdict(lambda: dict.fromkeys(ingelogd, 0))
    for medewerker, status, van, tot in perioden:
        # A forgotten logout leaves a period open: count its first
        # MAX_PERIODE only (longer than any shift).
        tot = min(tot or nu, van + MAX_PERIODE)
        # In UTC: two local times of one zone subtract without their offsets,
        # an hour off on the days the clocks change.
        duur = (min(tot, eind).astimezone(UTC) - max(van, begin).astimezone(UTC)).total_seconds()
        if duur > 0:
            sommen[medewerker][status] += int(duur)
    BeschikbaarheidPerMedewerker.objects.filter(datum=dag).delete()
    BeschikbaarheidPerMedewerker.objects.bulk_create(
        BeschikbaarheidPerMedewerker(
            datum=dag,
            medewerker_id=medewerker,
            beschikbaar_seconden=som["beschikbaar"],
            bezet_seconden=som["bezet"],
            pauze_seconden=som["pauze"],
        )
        for medewerker, som in sommen.items()
    )


@transaction.atomic
def dag_opbouwen(dag: date) -> None:
    """Rebuild every rollup of one day from the raw rows."""
    _contacten_van_dag(dag)
    _doelgroepen_van_dag(dag)
    _wachtrij_van_dag(dag)
    _beschikbaarheid_van_dag(dag, timezone.now())


class Bron(NamedTuple):
    naam: str
    model: type
    veld: str  # the moment that decides a row's day
    # Ids to look back (at most MARGE): a transaction that took its ids
    # before the last run but committed after it is still seen. Status
    # periods are few a day, so MARGE of them would reach back months.
    marge: int
    # Days after a new row's day that change with it (repeat contacts).
    volgdagen: int


BRONNEN = (
    Bron("klanten.Klantcontact", Klantcontact, "gestart_op", 10_000, HERHAAL_DAGEN),
    Bron("kanalen.Wachtrijgebeurtenis", Wachtrijgebeurtenis, "tijdstip", 10_000, 0),
    # A status change closes the agent's open period and starts one: only
    # the day it starts on changes (earlier days counted the open period in
    # full already).
    Bron("kanalen.Statusperiode", Statusperiode, "begin", 200, 0),
)


def _aantal_tussen(bron: Bron, boven: int, tot_en_met: int) -> int:
    return bron.model.objects.filter(id__gt=max(0, boven), id__lte=tot_en_met).count()


SLOT = "kcc:dashboard:rollups-bijwerken"
# A run renews its lock after every day it built, so a worker that died holds
# up the next runs for at most this long: far longer than one day or the
# planning of a first build (the days of ten million contacts) take.
SLOT_SECONDEN = 10 * 60
# The days still to rebuild and the watermarks to set once they are, kept
# between runs: a first build larger than one task's time budget goes on
# where the last run stopped. In the cache, as it is derived: when it is
# lost, the watermarks have not moved and the next run plans the same days.
# The suffix changes with the plan's shape, so a deploy never reads an old one.
PLAN = "kcc:dashboard:rollups-plan:1"
MARGE = 10_000  # the most any source looks back (tests set it to 0)


class Stap(NamedTuple):
    """What one run of ``bijwerken_stap`` did."""

    gebouwd: list[date]  # the days it rebuilt, in that order
    resterend: int  # days of the plan left for a next run (0: all current)
    hervat: bool  # it went on with a plan an earlier run made


def _plannen(dagen_terug: int) -> dict:
    """The days with new rows since the watermarks, the last ``dagen_terug``
    days and today; newest first, so the days a teamleider looks at are
    current first when a large build takes several runs."""
    vandaag = timezone.localdate()
    tz = timezone.get_current_timezone()
    for bron in BRONNEN:
        Rollupstand.objects.get_or_create(bron=bron.naam)
    standen = {s.bron: s for s in Rollupstand.objects.filter(bron__in=[b.naam for b in BRONNEN])}
    dagen = {vandaag - timedelta(days=i) for i in range(dagen_terug + 1)}
    tot, terug_aantal = {}, {}
    for bron in BRONNEN:
        stand = standen[bron.naam]
        tot[bron.naam] = bron.model.objects.aggregate(m=Max("id"))["m"] or 0
        terug = min(MARGE, bron.marge)
        # Counted before the days are read: a row that commits later
        # changes the count, and the next run looks back for it.
        terug_aantal[bron.naam] = _aantal_tussen(bron, tot[bron.naam] - terug, tot[bron.naam])
        vanaf = stand.tot_id
        if stand.terug_aantal != _aantal_tussen(bron, stand.tot_id - terug, stand.tot_id):
            # Rows committed below the watermark since the last run: look
            # back. (Not on every run: in imported or generated data the
            # last ids can reach over every day there is.)
            vanaf = max(0, stand.tot_id - terug)
        nieuw = bron.model.objects.filter(id__gt=vanaf, id__lte=tot[bron.naam])
        for moment in nieuw.datetimes(bron.veld, "day", tzinfo=tz):
            volgende = (moment.date() + timedelta(days=i) for i in range(bron.volgdagen + 1))
            dagen.update(dag for dag in volgende if dag <= vandaag)
    return {
        "dagen": sorted(dagen, reverse=True),
        "dagen_terug": dagen_terug,
        "van": {naam: stand.tot_id for naam, stand in standen.items()},
        "tot": tot,
        "terug_aantal": terug_aantal,
    }


def _afronden(plan: dict) -> None:
    normrealisatie.bijwerken(dagen_terug=plan["dagen_terug"])
    for bron in BRONNEN:
        # Only from where the plan started: watermarks a migration reset
        # meanwhile (it added a rollup) stay reset, and the next run
        # rebuilds every day.
        Rollupstand.objects.filter(bron=bron.naam, tot_id=plan["van"][bron.naam]).update(
            tot_id=plan["tot"][bron.naam],
            terug_aantal=plan["terug_aantal"][bron.naam],
            bijgewerkt_op=timezone.now(),
        )


def _slot_houden(sleutel: str) -> bool:
    """Renew this run's lock; False when it expired and another run has it."""
    if cache.get(SLOT) != sleutel:
        return False
    cache.touch(SLOT, SLOT_SECONDEN)
    return True


def bijwerken_stap(
    *,
    dagen_terug: int = 1,
    budget_seconden: float | None = None,
    bij_dag: Callable[[date, int, int], None] | None = None,
) -> Stap | None:
    """Go on with the plan of days to rebuild, or make one when there is
    none, for about ``budget_seconden`` (None: to the end), at least one day.

    Each day is its own transaction and the plan is saved after each, so a
    run that stops (its budget spent, its worker gone) leaves the rest to
    the next one; the watermarks move only when the last day is built. A
    longer ``dagen_terug`` than the plan's (the nightly run) adds its days.
    ``bij_dag(dag, gebouwd, resterend)`` is called after every day. One run
    at a time: None, at once, while another run holds the lock."""
    begin = monotonic()
    sleutel = uuid.uuid4().hex
    if not cache.add(SLOT, sleutel, timeout=SLOT_SECONDEN):
        return None
    try:
        plan = cache.get(PLAN)
        hervat = plan is not None
        if plan is None:
            plan = _plannen(dagen_terug)
        elif dagen_terug > plan["dagen_terug"]:
            vandaag = timezone.localdate()
            extra = {vandaag - timedelta(days=i) for i in range(dagen_terug + 1)}
            plan["dagen"] = sorted(set(plan["dagen"]) | extra, reverse=True)
            plan["dagen_terug"] = dagen_terug
        cache.set(PLAN, plan, timeout=None)
        gebouwd: list[date] = []
        while plan["dagen"]:
            if gebouwd and budget_seconden is not None and monotonic() - begin >= budget_seconden:
                break
            dag = plan["dagen"][0]
            dag_opbouwen(dag)
            # Checked before the plan is saved: a run that stalled past its
            # lock must not overwrite the plan of the run that took over.
            if not _slot_houden(sleutel):
                return Stap(gebouwd, len(plan["dagen"]), hervat)
            plan["dagen"] = plan["dagen"][1:]
            cache.set(PLAN, plan, timeout=None)
            gebouwd.append(dag)
            if bij_dag is not None:
                bij_dag(dag, len(gebouwd), len(plan["dagen"]))
        if not plan["dagen"]:
            _afronden(plan)
            cache.delete(PLAN)
        return Stap(gebouwd, len(plan["dagen"]), hervat)
    finally:
        if cache.get(SLOT) == sleutel:
            cache.delete(SLOT)


def bijwerken(
    *, dagen_terug: int = 1, bij_dag: Callable[[date, int, int], None] | None = None
) -> list[date]:
    """Rebuild the days with new rows since the last run, and the last
    ``dagen_terug`` days besides today, to the end in this call however
    long it takes (``manage.py rollups_opbouwen``, the demo, the tests; the
    beat task goes by time budget instead). A plan an earlier run left is
    finished first, then the days since are planned and built. Returns the
    days rebuilt; [] at once while another run holds the lock."""
    gebouwd: set[date] = set()
    while (stap := bijwerken_stap(dagen_terug=dagen_terug, bij_dag=bij_dag)) is not None:
        gebouwd.update(stap.gebouwd)
        if not stap.hervat or stap.resterend:
            break
    return sorted(gebouwd)
