from celery import shared_task

from producten import services


@shared_task
def zoekvragen_opruimen() -> int:
    """Daily (beat): forget unanswered searches past their retention."""
    return services.zoekvragen_opruimen()
