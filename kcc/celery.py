import os

from celery import Celery
from celery.signals import task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcc.settings")

app = Celery("kcc")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
def _nederlands_en_lokaal(**kwargs):
    """A task writes messages, notices and exports as a page does: in the
    site's language and the municipality's time zone (kcc.formaat), whatever
    the worker's thread was left with by the task before it."""
    from django.conf import settings
    from django.utils import timezone, translation

    translation.activate(settings.LANGUAGE_CODE)
    timezone.deactivate()


def time_limits(seconds: int) -> dict[str, int]:
    """The ``time_limit`` and ``soft_time_limit`` of a task that should be done
    within ``seconds``, for its decorator. CELERY_TASK_TIME_LIMIT is the
    ceiling: a lower one (a test run, the outbox benchmark) lowers every task's.

    The soft limit comes a tenth earlier and raises SoftTimeLimitExceeded in
    the task, so its ``finally`` blocks and rollbacks run (a lock released, a
    claim recorded as failed); the hard limit then ends a task that ignored
    it by ending its worker process. Only the prefork pool enforces them.
    """
    from django.conf import settings

    hard = min(seconds, settings.CELERY_TASK_TIME_LIMIT)
    return {"time_limit": hard, "soft_time_limit": hard - max(1, hard // 10)}


import kcc.observability  # noqa: E402, F401 (connects the request id hooks of the tasks)
