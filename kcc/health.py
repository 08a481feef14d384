"""Checks behind /healthz: can the platform reach what it is configured to use?"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.db import connection

logger = logging.getLogger(__name__)


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        detail = check()
        ok = True
    except Exception:
        # /healthz is public: the reason (hosts, user names) goes to the log only.
        logger.exception("Health check %s failed", check.__name__)
        detail = "unavailable"
        ok = False
    return {"ok": ok, "detail": detail, "ms": round((time.perf_counter() - started) * 1000, 1)}


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def check_cache() -> str:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("value written to the cache could not be read back")
    cache.delete(key)
    return "redis" if settings.REDIS_URL else "local-memory"


def check_broker() -> str:
    if not settings.REDIS_URL:
        return "none (tasks run eagerly)"
    from kcc.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, timeout=2)
    return "redis"


def check_channel_layer() -> str:
    layer = get_channel_layer()

    async def roundtrip():
        channel = await layer.new_channel()
        await layer.send(channel, {"type": "health.check"})
        message = await asyncio.wait_for(layer.receive(channel), timeout=2)
        if message.get("type") != "health.check":
            raise RuntimeError("unexpected message from the channel layer")

    async_to_sync(roundtrip)()
    return type(layer).__name__


def run_checks() -> dict[str, dict]:
    return {
        "database": _timed(check_database),
        "cache": _timed(check_cache),
        "broker": _timed(check_broker),
        "channel_layer": _timed(check_channel_layer),
    }
