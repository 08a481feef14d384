from celery import shared_task

from zaken import services


@shared_task(ignore_result=True)
def termijnen_bewaken() -> dict:
    """Every 15 minutes (beat): 80% signals and escalations, each once."""
    gesignaleerd, geescaleerd = services.termijnen_bewaken()
    return {"gesignaleerd": len(gesignaleerd), "geescaleerd": len(geescaleerd)}
