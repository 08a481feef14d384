"""Checks behind /healthz/ready: can this process reach what it depends on?

/healthz/live asks nothing of them (see kcc.views.healthz_live). Readiness is
polled by the proxy every few seconds per upstream, so each check is one
short round trip over a connection the process already holds where it can.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.db import connection

logger = logging.getLogger(__name__)

# Seconds a broker or channel layer round trip may take before it counts as down.
TIMEOUT = 2


def _timed(name: str, check) -> dict:
    started = time.perf_counter()
    try:
        detail = check()
        ok = True
    except Exception:
        # The health endpoints are public: the reason (hosts, user names) goes
        # to the log only.
        logger.exception("Health check %s failed", name)
        detail = "unavailable"
        ok = False
    return {"ok": ok, "detail": detail, "ms": round((time.perf_counter() - started) * 1000, 1)}


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "postgresql"


@functools.cache
def _cache_client():
    # One cache client (and so one Redis connection pool) for the process.
    # Django hands out a cache per request context: under ASGI every request
    # gets a new one, and a polled check would open a connection per call.
    return caches.create_connection(DEFAULT_CACHE_ALIAS)


def check_cache() -> str:
    cache = _cache_client()
    # One key for every process: they all write the same value, so a check
    # never reads another's half-written state and leaves no keys behind.
    cache.set("healthz", "ok", timeout=60)
    if cache.get("healthz") != "ok":
        raise RuntimeError("value written to the cache could not be read back")
    return "redis"


def check_broker() -> str:
    from kcc.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, timeout=TIMEOUT)
    return "redis"


def check_channel_layer() -> str:
    layer = get_channel_layer()

    async def roundtrip():
        channel = await layer.new_channel()
        await layer.send(channel, {"type": "health.check"})
        message = await asyncio.wait_for(layer.receive(channel), timeout=TIMEOUT)
        if message.get("type") != "health.check":
            raise RuntimeError("unexpected message from the channel layer")

    async_to_sync(roundtrip)()
    return type(layer).__name__


def run_checks() -> dict[str, dict]:
    return {
        "database": _timed("database", check_database),
        "cache": _timed("cache", check_cache),
        "broker": _timed("broker", check_broker),
        "channel_layer": _timed("channel_layer", check_channel_layer),
    }
