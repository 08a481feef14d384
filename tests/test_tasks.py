import copy
import time

import pytest
from django.core.management import CommandError, call_command

from kcc.tasks import heartbeat


def test_it_reports_beat_unhealthy_until_the_heartbeat_ran():
    with pytest.raises(CommandError, match="No heartbeat"):
        call_command("beat_healthcheck")
    heartbeat.apply()
    call_command("beat_healthcheck", "--max-age", "60")


# --- Beat runs once per installation -------------------------------------------


def test_it_lets_one_beat_hold_the_lock_and_refuses_a_second():
    from kcc.beat import BeatLock

    eerste, tweede = BeatLock(), BeatLock()
    assert eerste.hold()
    assert not tweede.hold()
    assert eerste.hold()  # renewing its own
    assert tweede.current_holder() == eerste.holder
    eerste.release()
    assert tweede.hold()
    tweede.release()


def test_it_lets_a_standby_in_once_the_lock_expired():
    from kcc.beat import BeatLock

    eerste, tweede = BeatLock(seconds=0.2), BeatLock(seconds=0.2)
    assert eerste.hold()
    assert not tweede.hold()
    time.sleep(0.3)  # the first beat stopped renewing (a crash, a lost host)
    assert tweede.hold()
    # The first one, back to life, finds the lock taken and cannot release it.
    assert not eerste.hold()
    eerste.release()
    assert tweede.current_holder() == tweede.holder
    tweede.release()


def test_two_installations_on_one_redis_each_have_their_own_beat(settings):
    from kcc.beat import BeatLock

    hier = BeatLock()
    caches = copy.deepcopy(settings.CACHES)
    caches["default"]["KEY_PREFIX"] += "-andere-gemeente"
    settings.CACHES = caches
    daar = BeatLock()
    assert hier.key != daar.key
    assert hier.hold()
    assert daar.hold()
    hier.release()
    daar.release()


@pytest.fixture
def beats(tmp_path):
    """Two beat schedulers of one installation, with one task due every
    hundredth of a second; what each sends is recorded, not queued."""
    from kcc.beat import SingleBeatScheduler
    from kcc.celery import app

    schedule = app.conf.beat_schedule
    app.conf.beat_schedule = {"ping": {"task": "kcc.tasks.ping", "schedule": 0.01}}
    verzonden = []
    schedulers = []
    for naam in ("eerste", "tweede"):
        scheduler = SingleBeatScheduler(app=app, schedule_filename=str(tmp_path / naam))
        scheduler.apply_entry = lambda entry, producer=None, naam=naam: verzonden.append(naam)
        scheduler.__dict__["producer"] = None  # no broker connection
        schedulers.append(scheduler)
    yield (*schedulers, verzonden)
    for scheduler in schedulers:
        scheduler.close()
    app.conf.beat_schedule = schedule


def _ticks(scheduler, aantal=5):
    for _ in range(aantal):
        scheduler.tick()
        time.sleep(0.02)


def test_only_the_beat_that_holds_the_lock_sends_tasks(beats):
    eerste, tweede, verzonden = beats
    _ticks(eerste)
    assert set(verzonden) == {"eerste"}
    verzonden.clear()
    _ticks(tweede)
    assert verzonden == []
    assert tweede.tick() == tweede.renew_every  # the standby checks again soon

    # The active beat stops cleanly: the standby takes over at its next tick.
    eerste.close()
    _ticks(tweede)
    assert set(verzonden) == {"tweede"}


def test_a_standby_that_takes_over_does_not_rerun_what_the_other_beat_ran(tmp_path, klok):
    from datetime import timedelta

    from celery.schedules import crontab

    from kcc.beat import SingleBeatScheduler
    from kcc.celery import app

    schedule = app.conf.beat_schedule
    # Half past: the hourly job below was last due well before the takeover.
    # (On the hour it is due again right then, and a standby rightly runs it.)
    klok.move_to("2026-03-10T10:30:00+01:00")
    # A nightly job, last due well before the takeover.
    app.conf.beat_schedule = {"nacht": {"task": "kcc.tasks.ping", "schedule": crontab(minute=0)}}
    verzonden = []
    schedulers = []
    try:
        for naam in ("eerste", "tweede"):
            scheduler = SingleBeatScheduler(app=app, schedule_filename=str(tmp_path / naam))
            scheduler.apply_entry = lambda entry, producer=None, naam=naam: verzonden.append(naam)
            scheduler.__dict__["producer"] = None
            schedulers.append(scheduler)
        eerste, tweede = schedulers
        eerste.tick()
        tweede.tick()  # standby
        # The standby's schedule is as old as its start: long ago.
        tweede.schedule["nacht"].last_run_at = app.now() - timedelta(days=2)
        eerste.close()
        tweede.tick()
        assert verzonden == []
        assert tweede.schedule["nacht"].last_run_at > app.now() - timedelta(minutes=5)
    finally:
        for scheduler in schedulers:
            scheduler.close()
        app.conf.beat_schedule = schedule
