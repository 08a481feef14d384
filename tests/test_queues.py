"""Background work that cannot be starved or killed: every task on a queue
chosen for it, with limits fitted to its work, and periodic runs that do not
pile up behind a worker outage."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from celery.schedules import crontab
from django.conf import settings

from kcc.celery import app, time_limits

ROOT = Path(__file__).resolve().parent.parent
QUEUES = {"berichten", "snel", "zwaar", "celery"}


def _project_tasks() -> dict:
    # Worker start-up imports every app's tasks module; do the same here.
    app.loader.import_default_modules()
    return {
        name: task
        for name, task in app.tasks.items()
        if name.split(".")[0] in settings.PROJECT_APPS
    }


def test_it_finds_the_project_tasks():
    assert {"kanalen.tasks.bericht_versturen", "dashboard.tasks.rollups_bijwerken"} <= set(
        _project_tasks()
    )


def test_it_routes_every_project_task_explicitly_to_one_of_the_four_queues():
    routes = settings.CELERY_TASK_ROUTES
    for name in _project_tasks():
        # A new task must be given its queue: the default is no decision.
        assert name in routes, f"{name} has no route in CELERY_TASK_ROUTES"
        assert app.amqp.router.route({}, name)["queue"].name in QUEUES, name


def test_it_sends_messages_to_customers_apart_from_the_heavy_work():
    def queue(name):
        return app.amqp.router.route({}, name)["queue"].name

    assert queue("kanalen.tasks.bericht_versturen") == "berichten"
    assert queue("kanalen.tasks.berichten_wachtrij_verwerken") == "berichten"
    assert queue("zaken.tasks.termijnen_bewaken") == "snel"
    assert queue("dashboard.tasks.rollups_bijwerken") == "zwaar"
    assert queue("klanten.tasks.klantcontacten_anonimiseren") == "zwaar"


def test_a_worker_started_without_q_consumes_all_four_queues():
    assert set(app.amqp.queues) == QUEUES


def test_it_gives_every_project_task_its_own_limits_under_the_ceiling():
    for name, task in _project_tasks().items():
        assert task.time_limit is not None, name
        assert 0 < task.soft_time_limit < task.time_limit <= settings.CELERY_TASK_TIME_LIMIT, name
    assert _project_tasks()["kanalen.tasks.bericht_versturen"].time_limit <= 60


def test_a_lower_ceiling_lowers_every_limit(settings):
    settings.CELERY_TASK_TIME_LIMIT = 20
    assert time_limits(60) == {"time_limit": 20, "soft_time_limit": 18}
    assert time_limits(10) == {"time_limit": 10, "soft_time_limit": 9}


def test_a_claimed_message_is_handed_on_only_after_its_worker_was_stopped():
    send = _project_tasks()["kanalen.tasks.bericht_versturen"]
    assert send.time_limit < settings.OUTBOX_LEASE_SECONDS


def _django_setup(**overrides):
    keep = {"PATH", "HOME", "LANG", "PYTHONPATH", "DATABASE_URL", "REDIS_URL"}
    environment = {k: v for k, v in os.environ.items() if k in keep}
    environment.update(overrides)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "kcc.settings", **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_refuses_a_lease_no_longer_than_sending_may_take():
    result = _django_setup(OUTBOX_LEASE_SECONDS="60")
    assert result.returncode != 0
    assert "OUTBOX_LEASE_SECONDS must be longer" in result.stderr
    # The outbox benchmark's short limits: a 20 s ceiling, a 40 s lease.
    result = _django_setup(CELERY_TASK_TIME_LIMIT="20", OUTBOX_LEASE_SECONDS="40")
    assert result.returncode == 0, result.stderr


def _interval(schedule) -> float:
    if isinstance(schedule, crontab):
        return 24 * 3600.0  # every crontab here runs once a day
    return float(schedule)


@pytest.mark.parametrize("name", sorted(settings.CELERY_BEAT_SCHEDULE))
def test_a_periodic_run_expires_before_the_next_one_is_due(name):
    entry = settings.CELERY_BEAT_SCHEDULE[name]
    assert 0 < entry["options"]["expires"] < _interval(entry["schedule"]), name


def test_sending_a_message_never_expires():
    send = _project_tasks()["kanalen.tasks.bericht_versturen"]
    assert send.expires is None
    assert not any(entry["task"] == send.name for entry in settings.CELERY_BEAT_SCHEDULE.values())
