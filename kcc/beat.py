"""Celery beat runs once per installation.

Two beats would queue every periodic task twice: two deadline watches at
the same moment, two sweeps of the outbox. The tasks are safe to run twice,
but the second run is pure load, and an accidental second beat (a second
host, a deploy that starts the new container before stopping the old one)
would go unnoticed. So beat schedules only while it holds a lock in Redis,
``<cache prefix>:celery-beat`` in the database of REDIS_URL: two
installations on one Redis server differ in their database or their cache
prefix, as their cache and broker must anyway.

A beat that finds the lock held by another waits as a hot standby: it
checks again every third of BEAT_LOCK_SECONDS and takes over once the lock
has expired, BEAT_LOCK_SECONDS after the active beat stopped renewing it (a
crash, a lost host), or as soon as the active beat stopped cleanly and
released it. Waiting rather than exiting means a rolling deploy or a second host
needs no orchestration, and a restart policy never loops.

The active beat renews the lock on every tick, right before it sends
anything, and ticks at least three times per lock period. A beat that
finds its lock gone to another (it was frozen longer than the lock lasts)
stops sending and becomes the standby.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from datetime import timedelta

import redis
from celery.beat import PersistentScheduler
from django.conf import settings

logger = logging.getLogger(__name__)

# Take the lock when it is free, or extend it when it is ours; 1 means this
# holder has it for the next ARGV[2] milliseconds. One script, so no other
# beat can take the lock between the check and the extension.
_HOLD = """
local holder = redis.call('get', KEYS[1])
if holder == ARGV[1] then
    redis.call('pexpire', KEYS[1], ARGV[2])
    return 1
end
if not holder then
    redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
    return 1
end
return 0
"""
# Delete the lock only when it is ours: an expired lock may be another's now.
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('del', KEYS[1])
end
return 0
"""


def lock_key() -> str:
    return f"{settings.CACHES['default']['KEY_PREFIX']}:celery-beat"


class BeatLock:
    """The installation's beat lock, as held by one beat process."""

    def __init__(self, *, client: redis.Redis | None = None, seconds: float | None = None):
        self.client = client or redis.Redis.from_url(
            settings.REDIS_URL, socket_timeout=5, socket_connect_timeout=5
        )
        self.key = lock_key()
        self.seconds = seconds or settings.BEAT_LOCK_SECONDS
        # Host and pid, so the standby's log says where the active beat runs.
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._hold = self.client.register_script(_HOLD)
        self._release = self.client.register_script(_RELEASE)

    def hold(self) -> bool:
        """Take the lock or extend it; False while another beat holds it."""
        milliseconds = int(self.seconds * 1000)
        return bool(self._hold(keys=[self.key], args=[self.holder, milliseconds]))

    def release(self) -> None:
        self._release(keys=[self.key], args=[self.holder])

    def current_holder(self) -> str | None:
        holder = self.client.get(self.key)
        return holder.decode() if holder is not None else None


class SingleBeatScheduler(PersistentScheduler):
    """The standard scheduler (its schedule file included) that sends tasks
    only while it holds the installation's beat lock."""

    ACTIVE, STANDBY, UNREACHABLE = "active", "standby", "unreachable"

    def __init__(self, *args, **kwargs):
        self.lock = BeatLock()
        self.state: str | None = None
        super().__init__(*args, **kwargs)

    @property
    def renew_every(self) -> float:
        return self.lock.seconds / 3

    def tick(self, *args, **kwargs) -> float:
        if not self._hold_lock():
            return self.renew_every
        return min(super().tick(*args, **kwargs), self.renew_every)

    def _hold_lock(self) -> bool:
        try:
            state = self.ACTIVE if self.lock.hold() else self.STANDBY
        except redis.RedisError:
            # Redis is the broker too: nothing could be sent now anyway.
            state = self.UNREACHABLE
        if state != self.state:
            self._report(previous=self.state, state=state)
            if state == self.ACTIVE and self.state is not None:
                self._take_over()
            self.state = state
        return state == self.ACTIVE

    def _take_over(self) -> None:
        """Coming from standby, this beat's schedule is as old as its start:
        every nightly entry would look due and run at once, though the beat
        before it ran them. Count as run what was due before the lock could
        have expired; only what came due in that window (when the other beat
        may already have been gone) runs now."""
        since = self.app.now() - timedelta(seconds=self.lock.seconds)
        for entry in self.schedule.values():
            if entry.last_run_at is None or entry.last_run_at < since:
                entry.last_run_at = since
        self._last_sync = None  # write the schedule at the next tick

    def _report(self, *, previous: str | None, state: str) -> None:
        key = self.lock.key
        if state == self.ACTIVE:
            logger.info("Celery beat holds %s: this beat schedules the periodic tasks", key)
        elif state == self.UNREACHABLE:
            logger.warning(
                "Celery beat cannot reach Redis for %s: it sends nothing until it can", key
            )
        elif previous == self.ACTIVE:
            logger.error(
                "Celery beat lost %s to %s: it stops scheduling and waits as the standby",
                key,
                self._other_holder(),
            )
        else:
            logger.warning(
                "Another Celery beat (%s) schedules this installation: this one waits as the "
                "standby and takes over when %s is released or expires",
                self._other_holder(),
                key,
            )

    def _other_holder(self) -> str:
        try:
            return self.lock.current_holder() or "?"
        except redis.RedisError:
            return "?"

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self.state == self.ACTIVE:
                # A clean stop hands over at once instead of after the lock expires.
                try:
                    self.lock.release()
                except redis.RedisError:
                    logger.warning("Celery beat could not release %s", self.lock.key)
                self.state = None
