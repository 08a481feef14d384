from celery import shared_task

from kcc.celery import time_limits
from klanten import services


@shared_task(ignore_result=True, **time_limits(120))
def contactverzoeken_bewaken() -> dict:
    """Every 15 minutes (beat): 80% signals and escalations of contactverzoeken, each once."""
    gesignaleerd, geescaleerd = services.contactverzoeken_bewaken()
    return {"gesignaleerd": len(gesignaleerd), "geescaleerd": len(geescaleerd)}


# Batches of 5,000 rows, each its own transaction: a backlog bigger than one
# run (the first night after the retention period was shortened) is stopped
# by the time limit between or inside a batch, keeps what was committed and
# goes on the next night.
@shared_task(ignore_result=True, **time_limits(300))
def klantcontacten_anonimiseren() -> int:
    """Nightly (beat): the free text of contacts past the retention period."""
    return services.klantcontacten_anonimiseren()
