"""Norm realisation of closed cases: per product, how many main cases closed
in a period were done within the service norm and within the legal term.

A year holds about a million closed cases; counting them on every page view
took over a second. So each finished day is summed once per product into
NormrealisatiePerDag, and a period reads those rows for its finished days
and the cases themselves only for the days that are not (yet) summed: today,
a day not built yet, or a day a reopened case took a case out of. The two
always give the same figures; a test compares them.

A day counts as summed when it was built at least ``MARGE`` after it ended,
so a closing that was committed just after midnight is in it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, F, Min, Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from zaken.models import NormrealisatieDag, NormrealisatiePerDag, Zaak, ZaakStatus

VELDEN = ("aantal", "met_norm", "binnen_norm", "met_termijn", "binnen_termijn")
MARGE = timedelta(minutes=5)
# Withdrawn requests do not count: nobody finished them.
MEETELLENDE_STATUSSEN = (ZaakStatus.AFGEHANDELD, ZaakStatus.AFGEWEZEN)


def _begin(dag: date) -> datetime:
    return datetime.combine(dag, time.min, tzinfo=timezone.get_current_timezone())


def gesloten_zaken() -> QuerySet[Zaak]:
    """Main cases that count for norm realisation (add the period)."""
    return Zaak.objects.filter(
        hoofdzaak__isnull=True,
        afgesloten_op__isnull=False,
        status__in=MEETELLENDE_STATUSSEN,
    )


def _tellingen() -> dict:
    return {
        "aantal": Count("id"),
        "met_norm": Count("id", filter=Q(streefdatum__isnull=False)),
        "binnen_norm": Count("id", filter=Q(streefdatum__gte=F("klaar_op"))),
        "met_termijn": Count("id", filter=Q(uiterste_datum__isnull=False)),
        "binnen_termijn": Count("id", filter=Q(uiterste_datum__gte=F("klaar_op"))),
    }


def _per_product_ruw(zaken: QuerySet[Zaak]) -> QuerySet:
    tz = timezone.get_current_timezone()
    return (
        zaken.annotate(klaar_op=TruncDate("afgesloten_op", tzinfo=tz))
        .values("product_id")
        .annotate(**_tellingen())
        .order_by()
    )


def dag_opbouwen(dag: date, *, nu: datetime | None = None) -> None:
    """Sum one day's closed cases per product (replacing what was there).

    The day's marker row is made first (not complete) and locked before the
    cases are read: a case reopened meanwhile (dag_vervalt updates the same
    row) either waits for this build and then marks the day incomplete, or
    commits first and is then not counted here."""
    NormrealisatieDag.objects.get_or_create(datum=dag, defaults={"opgebouwd_op": _begin(dag)})
    with transaction.atomic():
        NormrealisatieDag.objects.select_for_update().get(datum=dag)
        rijen = list(
            _per_product_ruw(
                gesloten_zaken().filter(
                    afgesloten_op__gte=_begin(dag),
                    afgesloten_op__lt=_begin(dag + timedelta(days=1)),
                )
            )
        )
        NormrealisatiePerDag.objects.filter(datum=dag).delete()
        NormrealisatiePerDag.objects.bulk_create(
            NormrealisatiePerDag(datum=dag, **r) for r in rijen
        )
        NormrealisatieDag.objects.filter(datum=dag).update(opgebouwd_op=nu or timezone.now())


def opgebouwde_dagen(van: date, tot: date) -> set[date]:
    """The days in [van, tot) whose sums are complete."""
    dagen = set()
    for datum, opgebouwd_op in NormrealisatieDag.objects.filter(
        datum__gte=van, datum__lt=tot
    ).values_list("datum", "opgebouwd_op"):
        if opgebouwd_op >= _begin(datum + timedelta(days=1)) + MARGE:
            dagen.add(datum)
    return dagen


def bijwerken(*, dagen_terug: int = 1) -> list[date]:
    """Build every finished day that is not complete yet (the first run: all
    of them), and rebuild the last ``dagen_terug`` days for late
    corrections. One day per transaction."""
    nu = timezone.now()
    gisteren = timezone.localdate(nu) - timedelta(days=1)
    eerste = gesloten_zaken().aggregate(m=Min("afgesloten_op"))["m"]
    if eerste is None:
        return []
    begin = timezone.localdate(eerste)
    alle = {begin + timedelta(days=i) for i in range((gisteren - begin).days + 1)}
    te_bouwen = alle - opgebouwde_dagen(begin, gisteren + timedelta(days=1))
    recent = (gisteren - timedelta(days=i) for i in range(dagen_terug))
    te_bouwen |= {dag for dag in recent if dag >= begin}
    for dag in sorted(te_bouwen):
        dag_opbouwen(dag, nu=nu)
    return sorted(te_bouwen)


def dag_vervalt(moment: datetime | None) -> None:
    """A case closed at ``moment`` changed (reopened): that day's sums are
    read from the cases again until the next build (which builds every day
    not complete). Marked, not deleted: the update waits for a build of that
    day in progress (see dag_opbouwen)."""
    if moment is not None:
        dag = timezone.localdate(moment)
        NormrealisatieDag.objects.filter(datum=dag).update(opgebouwd_op=_begin(dag))


def alles_vervalt() -> None:
    """Cases were written into the table directly (scale data, an import):
    every day is read from the cases again until the next build."""
    NormrealisatieDag.objects.all().delete()


def _reeksen(dagen: list[date]) -> list[tuple[date, date]]:
    """Consecutive days as [begin, end) ranges."""
    reeksen: list[list[date]] = []
    for dag in sorted(dagen):
        if reeksen and reeksen[-1][1] == dag:
            reeksen[-1][1] = dag + timedelta(days=1)
        else:
            reeksen.append([dag, dag + timedelta(days=1)])
    return [(b, e) for b, e in reeksen]


def per_product(*, van: date, tot: date, product_filter: Q | None = None) -> dict[int, dict]:
    """Sums per product id over the cases closed in [van, tot):
    ``product_filter`` is a Q on ``product__...`` (a product group, an
    afdeling) and works on both the sums and the cases."""
    product_filter = product_filter or Q()
    opgebouwd = opgebouwde_dagen(van, tot)
    sommen: dict[int, dict] = defaultdict(lambda: dict.fromkeys(VELDEN, 0))
    if opgebouwd:
        for rij in (
            NormrealisatiePerDag.objects.filter(datum__in=opgebouwd)
            .filter(product_filter)
            .values("product_id")
            .annotate(**{v: Sum(v) for v in VELDEN})
            .order_by()
        ):
            for veld in VELDEN:
                sommen[rij["product_id"]][veld] += rij[veld]
    rest = [van + timedelta(days=i) for i in range((tot - van).days)]
    rest = [dag for dag in rest if dag not in opgebouwd]
    if rest:
        periode = Q()
        for begin, eind in _reeksen(rest):
            periode |= Q(afgesloten_op__gte=_begin(begin), afgesloten_op__lt=_begin(eind))
        for rij in _per_product_ruw(gesloten_zaken().filter(periode).filter(product_filter)):
            for veld in VELDEN:
                sommen[rij["product_id"]][veld] += rij[veld]
    return dict(sommen)
