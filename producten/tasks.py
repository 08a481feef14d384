from celery import shared_task

from kcc.celery import time_limits
from producten import services


# One DELETE of the searches past their retention.
@shared_task(**time_limits(120))
def zoekvragen_opruimen() -> int:
    """Daily (beat): forget unanswered searches past their retention."""
    return services.zoekvragen_opruimen()
