"""Following one request through the logs, the workers and the error tracker.

Every request gets an id: the one the reverse proxy sent in ``X-Request-ID``
when it looks like one, or a new one. It is kept in a context variable, so
whatever runs for that request (a view, a service, a log line, a Sentry
event, a Celery task it starts) can name it without passing it along, and it
goes back to the client in the response header, for a citizen's or an
agent's report of a problem.

This module is imported by the settings (Sentry) and by ``kcc/celery.py``
(the task hooks), before the apps are loaded: it must not import models.
"""

from __future__ import annotations

import contextvars
import json
import logging
import logging.config
import math
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

from asgiref.sync import iscoroutinefunction
from celery.signals import before_task_publish, setup_logging, task_postrun, task_prerun
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import request_finished
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.decorators import sync_and_async_middleware

HEADER = "X-Request-ID"
# The Celery message header that carries the id from the web to the worker.
TASK_HEADER = "kcc_request_id"
# What a log line shows outside any request or task.
NO_REQUEST_ID = "-"

# Long enough to be unique, short and plain enough to be safe in a log line
# or a header: what proxies (nginx's $request_id, Traefik, HAProxy) send.
_SANE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "kcc_request_id", default=None
)


def current_request_id() -> str | None:
    """The id of the request (or task) this code runs for, if any."""
    return _request_id.get()


def _sane(value: str | None) -> str | None:
    if value and _SANE_ID.fullmatch(value):
        return value
    return None


def new_request_id() -> str:
    return uuid.uuid4().hex


@contextmanager
def request_id_bound(request_id: str) -> Iterator[str]:
    """Run a block as part of ``request_id`` (a request, a task, a command)."""
    token = _request_id.set(request_id)
    try:
        yield request_id
    finally:
        _request_id.reset(token)


# --- The middleware -----------------------------------------------------------


def _begin(request: HttpRequest) -> str:
    request_id = _sane(request.META.get("HTTP_X_REQUEST_ID")) or new_request_id()
    request.request_id = request_id
    _request_id.set(request_id)
    return request_id


@sync_and_async_middleware
def request_id_middleware(get_response):
    """First in MIDDLEWARE, so even a redirect to https carries the id back.

    The id stays set when the response has left the middleware: Django logs
    a 4xx response only after that (``BaseHandler.get_response``), and that
    line should name the request too. It is cleared when the request has
    finished (below), so the thread's next request does not inherit it.
    """
    if iscoroutinefunction(get_response):

        async def middleware(request):
            request_id = _begin(request)
            response = await get_response(request)
            response[HEADER] = request_id
            return response

    else:

        def middleware(request):
            request_id = _begin(request)
            response = get_response(request)
            response[HEADER] = request_id
            return response

    return middleware


@receiver(request_finished)
def _request_id_cleared(**kwargs) -> None:
    _request_id.set(None)


# --- Logging -----------------------------------------------------------------


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record. On the handler, not a logger, so
    records of Django, Celery and libraries get it too."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id() or NO_REQUEST_ID
        return True


# What every LogRecord has; anything else on a record came in through extra=.
_RECORD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "request_id",
}


def _json_value(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, HttpRequest):
        # Django's request logger passes the request: its method and path,
        # never the query string (a search for a BSN puts one there).
        return f"{value.method} {value.path}"
    return str(value)


class JsonFormatter(logging.Formatter):
    """One JSON object a line, for the log collector: time (UTC), level,
    logger, message, request_id, the traceback when there is one, and every
    field given with ``extra=``."""

    def format(self, record: logging.LogRecord) -> str:
        request_id = getattr(record, "request_id", NO_REQUEST_ID)
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": None if request_id == NO_REQUEST_ID else request_id,
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRIBUTES and not key.startswith("_"):
                # The fixed fields win over an extra of the same name.
                entry.setdefault(key, value)
        return json.dumps(entry, default=_json_value, ensure_ascii=False)


@setup_logging.connect
def _celery_uses_django_logging(**kwargs) -> None:
    """The worker and beat log like the web processes (JSON in production,
    with the request id), instead of Celery replacing the root logger's
    handlers with its own format. LOG_LEVEL decides, not ``--loglevel``."""
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)


# --- Celery: the request id into the tasks it starts --------------------------

# The token to reset the id with after a task, per task id. The worker calls
# task_prerun and task_postrun in the same thread, as does an eager task.
_task_tokens: dict[str, contextvars.Token] = {}


@before_task_publish.connect
def _request_id_into_task(headers: dict | None = None, **kwargs) -> None:
    request_id = current_request_id()
    if request_id and headers is not None:
        headers.setdefault(TASK_HEADER, request_id)


def _request_id_of_task(task, task_id: str) -> str:
    request = task.request
    # A worker finds the message headers on the request itself; task.apply()
    # (eager tasks, tests) keeps them under .headers.
    sent = request.get(TASK_HEADER) or (request.get("headers") or {}).get(TASK_HEADER)
    # No id in the message: an eager task runs inside its request, and a task
    # beat or a command started is named by its own id, fresh for every run.
    return _sane(sent) or current_request_id() or task_id


@task_prerun.connect
def _request_id_for_task(task_id: str | None = None, task=None, **kwargs) -> None:
    if task is None or task_id is None:
        return
    _task_tokens[task_id] = _request_id.set(_request_id_of_task(task, task_id))


@task_postrun.connect
def _request_id_after_task(task_id: str | None = None, **kwargs) -> None:
    token = _task_tokens.pop(task_id, None)
    if token is not None:
        _request_id.reset(token)


# --- Sentry ------------------------------------------------------------------

# Nine digits on their own may be a BSN; an e-mail address names a person.
# "On their own": not inside a hex id (event, trace and span ids must stay).
_BSN_LIKE = re.compile(r"(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _scrub(value):
    if isinstance(value, str):
        return _EMAIL.sub("[e-mail]", _BSN_LIKE.sub("[bsn]", value))
    if isinstance(value, dict):
        return {key: _scrub(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(item) for item in value]
    return value


def sentry_before_send(event: dict, hint: dict | None = None) -> dict:
    """Tag the event with the request id, and mask what could be personal
    data the SDK's own settings do not catch: a BSN or e-mail address in an
    exception message, a log line, a URL or a breadcrumb."""
    event = _scrub(event)
    request_id = current_request_id()
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def parse_sample_rate(name: str, value: str) -> float:
    try:
        rate = float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a number.") from None
    if math.isnan(rate) or not 0 <= rate <= 1:
        raise ImproperlyConfigured(f"{name}={value!r} must be between 0 and 1.")
    return rate


def init_sentry(*, dsn: str | None, environment: str, traces_sample_rate: float) -> bool:
    """Start error tracking when a DSN is configured; without one nothing is
    imported or sent. Called from the settings, so web, worker and beat all
    report. Returns whether Sentry is on."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        traces_sample_rate=traces_sample_rate,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        # The platform holds BSNs, addresses and case files (AVG): no user,
        # cookies, IP address or request body leaves, and no local variables
        # of a stack frame, where a customer's data is most of the time.
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        before_send=sentry_before_send,
        before_send_transaction=sentry_before_send,
    )
    return True
