"""Simple rate limits in the cache, for public pages that write (a kiosk
ticket, an anonymous chat). Without a cache (Redis restarting) the limit is
not applied for that moment rather than refusing citizens."""

from __future__ import annotations

import hashlib
import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)


def bezoekersadres(request) -> str:
    # REMOTE_ADDR as the ASGI server set it (it only trusts X-Forwarded-For
    # from our own proxy).
    return request.META.get("REMOTE_ADDR") or "onbekend"


def binnen_limiet(soort: str, sleutel: str, *, aantal: int, seconden: int) -> bool:
    """Count one more of ``soort`` for ``sleutel``; False once more than
    ``aantal`` happened within the window of ``seconden``."""
    key = f"kcc:limiet:{soort}:" + hashlib.sha256(sleutel.encode()).hexdigest()[:32]
    try:
        cache.add(key, 0, timeout=seconden)
        return cache.incr(key) <= aantal
    except Exception:  # any cache backend error
        logger.warning("Cache unavailable; rate limit %s not applied", soort, exc_info=True)
        return True
