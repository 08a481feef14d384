"""/metrics: the platform's own figures for Prometheus.

Everything is read when Prometheus scrapes, from the database and the cache
every process shares, and nothing is kept in between: each gunicorn worker
answers the same, so no multiprocess mode is needed. Each figure is one or a
few index lookups (tests/test_observability.py counts the queries), cheap at
a scrape every 15 seconds.

It lives in the dashboard, which may read every building block: the
contacts waiting are the wallboard's own figures (dashboard.selectors).

Who may read it: with ``METRICS_TOKEN`` set, whoever sends
``Authorization: Bearer <token>``. Without a token it answers 404 in
production; in development it answers a client on the loopback address
(a Prometheus next to ``make run``) and 404 to anyone else.
"""

from __future__ import annotations

import hmac
import logging
import math
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Min
from django.http import Http404, HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily

from dashboard.models import Rollupstand
from dashboard.selectors import wachtenden
from kanalen.models import Bericht, BerichtStatus, Inboxitem, InboxStatus
from kcc.choices import KanaalSoort

logger = logging.getLogger(__name__)

HEARTBEAT_KEY = "kcc:beat:heartbeat"  # written by kcc.tasks.heartbeat
LOOPBACK = {"127.0.0.1", "::1"}

# The written channels whose items wait in the inbox.
INBOX_KANALEN = (KanaalSoort.EMAIL, KanaalSoort.SMS, KanaalSoort.POST)


def _seconds(now: datetime, since: datetime | None) -> float:
    return max(0.0, (now - since).total_seconds()) if since else 0.0


def _outbox(now: datetime):
    unsent = GaugeMetricFamily(
        "kcc_outbox_unsent_messages",
        "Messages to customers in the outbox (kanalen.Bericht) not sent yet: waiting, "
        "waiting for a retry, or being sent.",
        labels=["kanaal"],
    )
    oldest = GaugeMetricFamily(
        "kcc_outbox_oldest_unsent_age_seconds",
        "Seconds since the oldest unsent message was written to the outbox (0: none). "
        "Beat hands the outbox to the workers every minute; a growing age means sending "
        "is stuck (workers, SMTP, the SMS gateway).",
        labels=["kanaal"],
    )
    failed = GaugeMetricFamily(
        "kcc_outbox_failed_messages",
        "Messages given up on after their last attempt (status mislukt); each one is a "
        "customer who did not hear from us until someone sends it again.",
        labels=["kanaal"],
    )
    # One read through the (status, volgende_poging) index: unsent and failed
    # rows are few, the sent ones (nearly all) are not touched.
    rows = (
        Bericht.objects.filter(
            status__in=(BerichtStatus.WACHTRIJ, BerichtStatus.BEZIG, BerichtStatus.MISLUKT)
        )
        .values("kanaal", "status")
        .annotate(n=Count("id"), sinds=Min("aangemaakt"))
        .order_by()
    )
    figures = {kanaal: {"unsent": 0, "since": None, "failed": 0} for kanaal in Bericht.Kanaal}
    for row in rows:
        figure = figures.setdefault(row["kanaal"], {"unsent": 0, "since": None, "failed": 0})
        if row["status"] == BerichtStatus.MISLUKT:
            figure["failed"] += row["n"]
        else:
            figure["unsent"] += row["n"]
            if figure["since"] is None or row["sinds"] < figure["since"]:
                figure["since"] = row["sinds"]
    for kanaal, figure in sorted(figures.items()):
        unsent.add_metric([kanaal], figure["unsent"])
        oldest.add_metric([kanaal], _seconds(now, figure["since"]))
        failed.add_metric([kanaal], figure["failed"])
    return [unsent, oldest, failed]


def _rollups(now: datetime):
    age = GaugeMetricFamily(
        "kcc_rollup_last_run_age_seconds",
        "Seconds since the dashboard rollups last finished a run (the oldest watermark "
        "of dashboard.Rollupstand; +Inf: never). Beat starts a run every 5 minutes, so "
        "more than about 15 minutes means the dashboard shows stale figures.",
    )
    behind = GaugeMetricFamily(
        "kcc_rollup_ids_behind",
        "How many ids the newest row of each source table is past the rollups' watermark "
        "(about the rows not counted yet). Grows between runs and drops to about 0 after "
        "each: it sizes a backlog; alert on the age.",
        labels=["bron"],
    )
    stands = list(Rollupstand.objects.values_list("bron", "tot_id", "bijgewerkt_op"))
    runs = [bijgewerkt_op for _bron, _tot, bijgewerkt_op in stands]
    age.add_metric([], _seconds(now, min(runs)) if runs and None not in runs else math.inf)
    for bron, tot_id, _bijgewerkt_op in stands:
        try:
            model = apps.get_model(bron)
        except (LookupError, ValueError):
            continue  # a source the rollups no longer read
        # The newest id, from the end of the primary key index: one probe per
        # source (there are three).
        newest = model.objects.aggregate(m=Max("id"))["m"] or 0
        behind.add_metric([bron], max(0, newest - tot_id))
    return [age, behind]


def _beat(now: datetime):
    age = GaugeMetricFamily(
        "kcc_beat_heartbeat_age_seconds",
        "Seconds since Celery beat last ran its heartbeat task (every minute; +Inf: never "
        "seen). Above a few minutes nothing scheduled runs: the outbox, deadlines, rollups.",
    )
    value = cache.get(HEARTBEAT_KEY)
    age.add_metric([], _seconds(now, datetime.fromisoformat(value)) if value else math.inf)
    return [age]


def _waiting(now: datetime):
    waiting = GaugeMetricFamily(
        "kcc_contacts_waiting",
        "Customers waiting for an agent now, per channel: calls and chats in the queue, kiosk "
        "tickets of today not called yet, inbox items (e-mail, SMS, letters) nobody has "
        "taken.",
        labels=["kanaal"],
    )
    longest = GaugeMetricFamily(
        "kcc_contacts_waiting_oldest_age_seconds",
        "Seconds the longest-waiting customer of each channel has waited (0: nobody).",
        labels=["kanaal"],
    )
    figures = wachtenden(now)
    figures.update({kanaal: {"n": 0, "sinds": None} for kanaal in INBOX_KANALEN})
    figures.update(
        {
            row["kanaal"]: row
            for row in Inboxitem.objects.filter(status=InboxStatus.OPEN)
            .values("kanaal")
            .annotate(n=Count("id"), sinds=Min("ontvangen_op"))
            .order_by()
        }
    )
    for kanaal, figure in sorted(figures.items()):
        waiting.add_metric([kanaal], figure["n"])
        longest.add_metric([kanaal], _seconds(now, figure["sinds"]))
    return [waiting, longest]


FIGURES = {"outbox": _outbox, "rollups": _rollups, "beat": _beat, "waiting": _waiting}


class PlatformCollector:
    """Reads every figure at the scrape. A group that fails (the cache is
    down, say) is logged and reported as not read; the others still are."""

    def collect(self):
        now = timezone.now()
        read = GaugeMetricFamily(
            "kcc_metrics_figures_read",
            "1 when this group of figures could be read at this scrape, 0 when it failed "
            "(the reason is in the log).",
            labels=["figures"],
        )
        for name, figures in FIGURES.items():
            try:
                families = figures(now)
            except Exception:
                logger.exception("Reading the %s figures for /metrics failed", name)
                read.add_metric([name], 0)
            else:
                read.add_metric([name], 1)
                yield from families
        yield read


# Only the platform's figures: the process and GC metrics of whichever
# gunicorn worker happens to answer would mean nothing.
registry = CollectorRegistry()
registry.register(PlatformCollector())


def _bearer_matches(request, token: str) -> bool:
    scheme, _sep, given = request.headers.get("Authorization", "").partition(" ")
    # Constant time: the comparison must not tell how much of a guess was right.
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode(), token.encode()
    )


@require_GET
def metrics(request):
    token = settings.METRICS_TOKEN
    if not token:
        if settings.PRODUCTION or request.META.get("REMOTE_ADDR") not in LOOPBACK:
            raise Http404
    elif not _bearer_matches(request, token):
        response = HttpResponse(
            _("Voor deze meetgegevens is een geldig token nodig."),
            status=401,
            content_type="text/plain; charset=utf-8",
        )
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    response = HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response


# Mounted by kcc/urls.py as path("metrics", include("dashboard.metrics")).
urlpatterns = [path("", metrics, name="metrics")]
