from celery import shared_task

from kanalen import services


@shared_task(ignore_result=True)
def bericht_versturen(bericht_id: int) -> str:
    """Send one outbox message; safe to run twice (the claim decides)."""
    return services.bericht_versturen(bericht_id=bericht_id)


@shared_task(ignore_result=True)
def berichten_wachtrij_verwerken() -> int:
    """Every minute (beat): queue due messages, return stale claims."""
    return services.berichten_wachtrij_verwerken()
