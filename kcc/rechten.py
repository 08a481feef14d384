"""What a staff member may do, kept in the cache between requests.

Every workspace request checks permissions and writes the user's roles into
the audit log; Django reads both from the database on each request (three
queries). Here they are read once and kept, with a global version number:
any change to a user's groups or permissions, or a group's permissions,
raises the version, so the next request of every user reads them afresh.
Without a cache (Redis restarting) everything is read from the database.
The cache is Redis, one for all processes (web workers, websockets, Celery).
"""

from __future__ import annotations

import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)

_VERSIE = "rechten:versie"
BEWAARTIJD = 300  # seconds; a version change takes effect at once


def _sleutel(user_pk) -> str:
    return f"rechten:{user_pk}"


def uit_cache(user_pk) -> tuple[set[str], frozenset[str]] | None:
    """(permissions, roles) of the user if the cache holds a current copy."""
    try:
        gevonden = cache.get_many([_VERSIE, _sleutel(user_pk)])
    except Exception:  # any cache backend error: read from the database
        logger.warning("Cache unavailable; permissions read from the database", exc_info=True)
        return None
    opgeslagen = gevonden.get(_sleutel(user_pk))
    if opgeslagen is None or opgeslagen[0] != gevonden.get(_VERSIE, 0):
        return None
    return opgeslagen[1], opgeslagen[2]


def bewaren(user_pk, rechten: set[str], rollen: frozenset[str]) -> None:
    try:
        versie = cache.get(_VERSIE, 0)
        cache.set(_sleutel(user_pk), (versie, set(rechten), frozenset(rollen)), BEWAARTIJD)
    except Exception:
        logger.warning("Cache unavailable; permissions not kept", exc_info=True)


def vergeten(**kwargs) -> None:
    """A receiver for changes to groups and permissions: all copies are stale."""
    try:
        try:
            cache.incr(_VERSIE)
        except ValueError:  # no version yet
            cache.set(_VERSIE, 1, None)
    except Exception:
        logger.warning("Cache unavailable; permission version not raised", exc_info=True)


def gebruiker_opgeslagen(update_fields=None, **kwargs) -> None:
    """post_save of a user: only a change to what they may do counts (not the
    last-login time every login writes)."""
    if update_fields is None or {"is_active", "is_superuser", "is_staff"} & set(update_fields):
        vergeten()
