"""Following a request through the logs, its tasks and Sentry; the figures
Prometheus scrapes from /metrics."""

from __future__ import annotations

import io
import json
import logging
import math
import re
from datetime import UTC, datetime, timedelta

import pytest
import sentry_sdk
from asgiref.sync import async_to_sync
from celery import shared_task
from celery.signals import before_task_publish, task_postrun, task_prerun
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import AsyncClient, RequestFactory
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration

from dashboard import metrics, rollups
from dashboard.models import Rollupstand
from kanalen.models import (
    Bericht,
    BerichtStatus,
    Chat,
    Gesprek,
    Inboxitem,
    InboxStatus,
    Wachtnummer,
)
from kcc import observability
from kcc.observability import (
    TASK_HEADER,
    JsonFormatter,
    RequestIdFilter,
    current_request_id,
    init_sentry,
    parse_sample_rate,
    request_id_bound,
    sentry_before_send,
)
from klanten.models import Klantcontact
from tests.factories import maak_product

pytestmark = pytest.mark.django_db

TOKEN = "prometheus-" + "x" * 32


@shared_task
def request_id_in_task() -> str | None:
    """What a task sees as its request id."""
    return current_request_id()


# --- The request id -------------------------------------------------------------


def test_it_gives_a_request_an_id_that_its_log_lines_carry(client, caplog):
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/bestaat-niet/")

    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.request_id == request_id
    plain = logging.Formatter(django_settings.LOGGING["formatters"]["plain"]["format"])
    assert f"[{request_id}]" in plain.format(record)
    # Nothing after the request runs under its id.
    assert current_request_id() is None


def test_it_gives_every_request_its_own_id(client):
    first = client.get("/bestaat-niet/")["X-Request-ID"]
    second = client.get("/bestaat-niet/")["X-Request-ID"]
    assert first != second


@pytest.mark.parametrize("incoming", ["nginx-5f3a9c2e", "01HZX3.trace_id-9", "a" * 64])
def test_it_keeps_the_request_id_the_proxy_sent(client, incoming):
    response = client.get("/bestaat-niet/", HTTP_X_REQUEST_ID=incoming)
    assert response["X-Request-ID"] == incoming


@pytest.mark.parametrize(
    "incoming", ["kort", "a" * 65, "met spaties erin", "<script>x</script>", "abc123\r\nX-Evil: 1"]
)
def test_it_replaces_a_malformed_request_id(client, incoming):
    response = client.get("/bestaat-niet/", HTTP_X_REQUEST_ID=incoming)
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


# --- JSON logs -------------------------------------------------------------------


def _json_lines(log) -> list[dict]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("kcc.test_observability")
    logger.addHandler(handler)
    try:
        log(logger)
    finally:
        logger.removeHandler(handler)
    text = stream.getvalue()
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def test_it_writes_a_log_record_as_one_line_of_json():
    def log(logger):
        with request_id_bound("verzoek-12345678"):
            try:
                raise ValueError("kapot")
            except ValueError:
                logger.exception(
                    "Bericht %s niet verstuurd", 42, extra={"bericht": "b-1", "pogingen": 3}
                )
        logger.warning("Buiten een verzoek")

    [fout, buiten] = _json_lines(log)

    assert fout["level"] == "ERROR"
    assert fout["logger"] == "kcc.test_observability"
    assert fout["message"] == "Bericht 42 niet verstuurd"
    assert fout["request_id"] == "verzoek-12345678"
    assert fout["bericht"] == "b-1" and fout["pogingen"] == 3
    assert fout["exception"].startswith("Traceback")
    assert "ValueError: kapot" in fout["exception"]
    assert fout["time"].endswith("Z")
    tijd = datetime.fromisoformat(fout["time"].replace("Z", "+00:00"))
    assert tijd.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - tijd) < timedelta(minutes=1)

    assert buiten["request_id"] is None
    assert "exception" not in buiten


def test_it_logs_a_request_without_its_query_string():
    request = RequestFactory().get("/kcc/klanten/", {"q": "999993653"})

    [entry] = _json_lines(
        lambda logger: logger.warning("Niet gevonden", extra={"request": request})
    )

    assert entry["request"] == "GET /kcc/klanten/"


# --- Celery ----------------------------------------------------------------------


def test_it_carries_the_request_id_from_a_request_to_the_worker():
    headers = {"id": "taak-1", "task": request_id_in_task.name}
    with request_id_bound("verzoek-12345678"):
        # What Celery sends when the request queues the task on the broker.
        before_task_publish.send(
            sender=request_id_in_task.name,
            body=((), {}, {}),
            exchange="",
            routing_key="celery",
            headers=headers,
            properties={},
            declare=[],
            retry_policy=None,
        )
    assert headers[TASK_HEADER] == "verzoek-12345678"

    # Later, in the worker: the message's headers are its request.
    request_id_in_task.push_request(**headers)
    try:
        task_prerun.send(
            sender=request_id_in_task, task_id="taak-1", task=request_id_in_task, args=(), kwargs={}
        )
        assert current_request_id() == "verzoek-12345678"
        task_postrun.send(
            sender=request_id_in_task,
            task_id="taak-1",
            task=request_id_in_task,
            args=(),
            kwargs={},
            retval=None,
        )
    finally:
        request_id_in_task.pop_request()
    assert current_request_id() is None


def test_it_runs_a_task_under_the_request_id_in_its_headers():
    result = request_id_in_task.apply(headers={TASK_HEADER: "verzoek-12345678"})

    assert result.get() == "verzoek-12345678"
    assert current_request_id() is None


def test_it_runs_a_task_run_in_place_under_the_request_that_runs_it():
    # apply(): how the tests run tasks, with no message in between.
    with request_id_bound("verzoek-12345678"):
        assert request_id_in_task.apply().get() == "verzoek-12345678"
        assert current_request_id() == "verzoek-12345678"


def test_it_names_a_task_beat_started_by_its_own_id():
    result = request_id_in_task.apply(task_id="beat-taak-0001")

    assert result.get() == "beat-taak-0001"
    assert current_request_id() is None


# --- Sentry ----------------------------------------------------------------------


def test_it_leaves_sentry_off_without_a_dsn(monkeypatch):
    def init(**kwargs):
        raise AssertionError("sentry_sdk.init called without a DSN")

    monkeypatch.setattr(sentry_sdk, "init", init)

    assert init_sentry(dsn=None, environment="development", traces_sample_rate=0) is False
    assert init_sentry(dsn="", environment="development", traces_sample_rate=0) is False
    assert not sentry_sdk.get_client().is_active()


def test_it_starts_sentry_without_personal_data_when_a_dsn_is_set(monkeypatch):
    calls = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **kwargs: calls.append(kwargs))

    assert init_sentry(
        dsn="https://key@sentry.example.nl/1", environment="acceptatie", traces_sample_rate=0.1
    )

    [options] = calls
    assert options["environment"] == "acceptatie"
    assert options["traces_sample_rate"] == 0.1
    assert options["send_default_pii"] is False
    assert options["include_local_variables"] is False
    assert options["max_request_body_size"] == "never"
    assert {type(i) for i in options["integrations"]} == {DjangoIntegration, CeleryIntegration}
    assert options["before_send"] is sentry_before_send


def test_it_tags_sentry_events_with_the_request_id_and_masks_personal_data():
    trace_id = "abc123456789def0123456789abcdef0"
    event = {
        "exception": {"values": [{"type": "DoesNotExist", "value": "Geen klant 999993653"}]},
        "request": {"url": "https://kcc.example.nl/kcc/klanten/", "query_string": "q=999993653"},
        "breadcrumbs": {"values": [{"message": "Mail aan s.moulin@example.nl mislukt"}]},
        "contexts": {"trace": {"trace_id": trace_id}},
        "tags": {"kanaal": "email"},
    }

    with request_id_bound("verzoek-12345678"):
        sent = sentry_before_send(event, {})

    assert sent["tags"] == {"kanaal": "email", "request_id": "verzoek-12345678"}
    assert sent["exception"]["values"][0]["value"] == "Geen klant [bsn]"
    assert sent["request"]["query_string"] == "q=[bsn]"
    assert sent["breadcrumbs"]["values"][0]["message"] == "Mail aan [e-mail] mislukt"
    # A hex id with nine digits in it is no BSN.
    assert sent["contexts"]["trace"]["trace_id"] == trace_id


@pytest.mark.parametrize("value", ["veel", "1.5", "-0.1", "nan"])
def test_it_refuses_a_sample_rate_outside_zero_to_one(value):
    with pytest.raises(ImproperlyConfigured, match="SENTRY_TRACES_SAMPLE_RATE"):
        parse_sample_rate("SENTRY_TRACES_SAMPLE_RATE", value)


def test_it_reads_a_sample_rate():
    assert parse_sample_rate("SENTRY_TRACES_SAMPLE_RATE", "0.25") == 0.25


# --- /metrics: who may read it ------------------------------------------------------


@pytest.fixture
def token(settings):
    settings.METRICS_TOKEN = TOKEN
    return TOKEN


def test_it_hides_metrics_in_production_without_a_token(client, settings):
    settings.PRODUCTION = True
    settings.METRICS_TOKEN = None

    assert client.get("/metrics").status_code == 404


def test_it_serves_metrics_in_development_to_the_loopback_address_only(client, settings):
    settings.PRODUCTION = False
    settings.METRICS_TOKEN = None

    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="::1").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="10.0.0.8").status_code == 404


@pytest.mark.parametrize(
    "authorization", [None, "Bearer fout-token", f"Basic {TOKEN}", f"Bearer {TOKEN}x", "Bearer"]
)
def test_it_asks_for_the_token(client, token, authorization):
    extra = {"HTTP_AUTHORIZATION": authorization} if authorization else {}

    response = client.get("/metrics", **extra)

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert b"kcc_" not in response.content


def test_it_serves_metrics_with_the_token(client, token, settings):
    settings.PRODUCTION = True

    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response["Cache-Control"] == "no-store"


# --- /metrics: the figures --------------------------------------------------------------


def _figures(client) -> dict[tuple[str, tuple], float]:
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


def _bericht(kanaal: str, **velden) -> Bericht:
    return Bericht.objects.create(kanaal=kanaal, ontvanger="x", onderwerp="x", tekst="x", **velden)


def _wachtnummer(product, volgnummer: int, **velden) -> Wachtnummer:
    return Wachtnummer.objects.create(
        product=product,
        volgnummer=volgnummer,
        letter="A",
        datum=velden.pop("datum", timezone.localdate()),
        **velden,
    )


def test_it_reports_the_outbox(client, token):
    nu = timezone.now()
    _bericht("email", aangemaakt=nu - timedelta(minutes=11))
    _bericht("email", aangemaakt=nu - timedelta(minutes=1), status=BerichtStatus.BEZIG)
    _bericht("sms", status=BerichtStatus.MISLUKT, aangemaakt=nu - timedelta(days=2))
    _bericht("sms", status=BerichtStatus.VERZONDEN, aangemaakt=nu - timedelta(days=3))

    figures = _figures(client)

    assert figures["kcc_outbox_unsent_messages", (("kanaal", "email"),)] == 2
    assert 600 <= figures["kcc_outbox_oldest_unsent_age_seconds", (("kanaal", "email"),)] < 700
    assert figures["kcc_outbox_unsent_messages", (("kanaal", "sms"),)] == 0
    assert figures["kcc_outbox_oldest_unsent_age_seconds", (("kanaal", "sms"),)] == 0
    assert figures["kcc_outbox_failed_messages", (("kanaal", "sms"),)] == 1
    assert figures["kcc_outbox_failed_messages", (("kanaal", "email"),)] == 0
    assert figures["kcc_outbox_unsent_messages", (("kanaal", "portaal"),)] == 0


def test_it_reports_who_is_waiting_on_each_channel(client, token):
    nu = timezone.now()
    product = maak_product()
    Chat.objects.create(gestart_op=nu - timedelta(minutes=3))
    Chat.objects.create(gestart_op=nu - timedelta(minutes=1))
    Chat.objects.create(status=Chat.Status.ACTIEF, gestart_op=nu - timedelta(hours=1))
    Gesprek.objects.create(extern_id="g1", aangeboden_op=nu - timedelta(seconds=40))
    _wachtnummer(product, 1, aangemaakt_op=nu - timedelta(minutes=5))
    _wachtnummer(product, 2, status=Wachtnummer.Status.OPGEROEPEN)
    # A ticket left over from yesterday waits for no one.
    _wachtnummer(product, 1, datum=timezone.localdate() - timedelta(days=1))
    Inboxitem.objects.create(
        kanaal="email", van="a@example.nl", ontvangen_op=nu - timedelta(hours=2)
    )
    Inboxitem.objects.create(kanaal="email", van="b@example.nl", status=InboxStatus.IN_BEHANDELING)
    Inboxitem.objects.create(kanaal="sms", van="+31612345678")

    figures = _figures(client)

    waiting = {
        dict(labels)["kanaal"]: value
        for (name, labels), value in figures.items()
        if name == "kcc_contacts_waiting"
    }
    assert waiting == {"telefoon": 1, "chat": 2, "balie": 1, "email": 1, "sms": 1, "post": 0}
    longest = "kcc_contacts_waiting_oldest_age_seconds"
    assert 40 <= figures[longest, (("kanaal", "telefoon"),)] < 100
    assert 180 <= figures[longest, (("kanaal", "chat"),)] < 240
    assert 300 <= figures[longest, (("kanaal", "balie"),)] < 360
    assert 7200 <= figures[longest, (("kanaal", "email"),)] < 7260
    assert figures[longest, (("kanaal", "post"),)] == 0


def test_it_reports_how_far_behind_the_rollups_and_beat_are(client, token):
    nu = timezone.now()
    eerste = Klantcontact.objects.create(kanaal="telefoon", gestart_op=nu)
    Rollupstand.objects.create(
        bron="klanten.Klantcontact", tot_id=eerste.pk, bijgewerkt_op=nu - timedelta(minutes=20)
    )
    Klantcontact.objects.create(kanaal="telefoon", gestart_op=nu)
    Klantcontact.objects.create(kanaal="telefoon", gestart_op=nu)
    cache.set(metrics.HEARTBEAT_KEY, (nu - timedelta(seconds=90)).isoformat())

    figures = _figures(client)

    assert 1200 <= figures["kcc_rollup_last_run_age_seconds", ()] < 1260
    assert figures["kcc_rollup_ids_behind", (("bron", "klanten.Klantcontact"),)] == 2
    assert 90 <= figures["kcc_beat_heartbeat_age_seconds", ()] < 150


def test_it_reports_what_never_ran_as_infinitely_old(client, token):
    figures = _figures(client)

    assert figures["kcc_rollup_last_run_age_seconds", ()] == math.inf
    assert figures["kcc_beat_heartbeat_age_seconds", ()] == math.inf


def test_it_still_serves_the_other_figures_when_one_group_fails(client, token, monkeypatch, caplog):
    def broken(now):
        raise ConnectionError("cache unavailable")

    monkeypatch.setitem(metrics.FIGURES, "beat", broken)

    figures = _figures(client)

    assert figures["kcc_metrics_figures_read", (("figures", "beat"),)] == 0
    assert figures["kcc_metrics_figures_read", (("figures", "outbox"),)] == 1
    assert ("kcc_outbox_unsent_messages", (("kanaal", "email"),)) in figures
    assert not any(name == "kcc_beat_heartbeat_age_seconds" for name, _labels in figures)
    assert "beat figures" in caplog.text


def test_it_reads_the_figures_in_a_fixed_number_of_queries(
    client, token, django_assert_max_num_queries
):
    nu = timezone.now()
    product = maak_product()
    for kanaal in ("email", "sms", "portaal"):
        _bericht(kanaal)
        _bericht(kanaal, status=BerichtStatus.MISLUKT)
    for i in range(3):
        Chat.objects.create()
        Gesprek.objects.create(extern_id=f"g{i}", aangeboden_op=nu)
        _wachtnummer(product, i + 1)
        Inboxitem.objects.create(kanaal="email", van=f"{i}@example.nl")
        Klantcontact.objects.create(kanaal="telefoon", gestart_op=nu)
    for bron in rollups.BRONNEN:
        Rollupstand.objects.create(bron=bron.naam, bijgewerkt_op=nu)
    cache.set(metrics.HEARTBEAT_KEY, nu.isoformat())

    # Outbox 1, rollups 1 + one per source (3), calls 1, chats 1, tickets 1,
    # inbox 1.
    with django_assert_max_num_queries(9):
        figures = _figures(client)

    assert all(
        value == 1 for (name, _labels), value in figures.items() if name.endswith("figures_read")
    )


def test_it_leaves_nothing_in_the_request_context_after_a_scrape(client, token):
    _figures(client)
    assert observability.current_request_id() is None


def test_it_gives_a_request_over_asgi_an_id_too():
    response = async_to_sync(AsyncClient().get)(
        "/bestaat-niet/", headers={"X-Request-ID": "asgi-1234"}
    )

    assert response["X-Request-ID"] == "asgi-1234"
