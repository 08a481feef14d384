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


@shared_task(ignore_result=True)
def email_ophalen() -> int:
    """Every minute (beat): new e-mail from the KCC mailbox into the inbox."""
    from kanalen import inbox

    return inbox.email_ophalen()


@shared_task(ignore_result=True)
def afspraken_bewaken() -> tuple[int, int]:
    """Every quarter (beat): remind tomorrow's appointments, mark missed ones."""
    from kanalen import balie

    return balie.afspraken_bewaken()
