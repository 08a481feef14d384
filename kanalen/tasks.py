from celery import shared_task
from django.conf import settings

from kanalen.balie import afspraken as afspraak_services
from kanalen.berichten import services as bericht_services
from kanalen.post import services as post_services
from kcc.celery import time_limits


# One SMTP or SMS gateway call. OUTBOX_LEASE_SECONDS is longer than this
# limit (checked in the settings), so beat hands a claimed row to another
# worker only once the first one has certainly stopped.
@shared_task(ignore_result=True, **time_limits(settings.OUTBOX_SEND_TIME_LIMIT))
def bericht_versturen(bericht_id: int) -> str:
    """Send one outbox message; safe to run twice (the claim decides)."""
    return bericht_services.bericht_versturen(bericht_id=bericht_id)


@shared_task(ignore_result=True, **time_limits(60))
def berichten_wachtrij_verwerken() -> int:
    """Every minute (beat): queue due messages, return stale claims."""
    return bericht_services.berichten_wachtrij_verwerken()


# IMAP calls time out after 30 s each; a run takes what arrived in a minute.
@shared_task(ignore_result=True, **time_limits(120))
def email_ophalen() -> int:
    """Every minute (beat): new e-mail from the KCC mailbox into the inbox."""

    return post_services.email_ophalen()


@shared_task(ignore_result=True, **time_limits(120))
def afspraken_bewaken() -> tuple[int, int]:
    """Every quarter (beat): remind tomorrow's appointments, mark missed ones."""

    return afspraak_services.afspraken_bewaken()
