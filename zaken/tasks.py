from celery import shared_task

from kcc.celery import time_limits
from zaken import services


# One pass over the open cases: a few conditional UPDATEs and the notices.
@shared_task(ignore_result=True, **time_limits(120))
def termijnen_bewaken() -> dict:
    """Every 15 minutes (beat): 80% signals and escalations, each once."""
    gesignaleerd, geescaleerd = services.termijnen_bewaken()
    return {"gesignaleerd": len(gesignaleerd), "geescaleerd": len(geescaleerd)}
