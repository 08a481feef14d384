from celery import shared_task
from django.core.cache import cache
from django.utils import timezone

from kcc.celery import time_limits


@shared_task(**time_limits(10))
def ping() -> str:
    """Answers "pong": proves a worker picks up tasks from the broker."""
    return "pong"


@shared_task(**time_limits(10))
def heartbeat() -> str:
    """Run by beat every minute; `manage.py beat_healthcheck` checks it ran."""
    now = timezone.now().isoformat()
    cache.set("kcc:beat:heartbeat", now, timeout=None)
    return now


@shared_task(ignore_result=True, **time_limits(60))
def notificatie_afleveren(notificatie_id: int) -> str:
    """Post one notification to its subscriber (kcc.koppelingen.notificaties)."""
    from kcc.koppelingen import notificaties

    return notificaties.afleveren(notificatie_id=notificatie_id)


@shared_task(ignore_result=True, **time_limits(60))
def notificaties_wachtrij_verwerken() -> int:
    """Beat, every minute: queue the notifications that are due."""
    from kcc.koppelingen import notificaties

    return notificaties.wachtrij_verwerken()
