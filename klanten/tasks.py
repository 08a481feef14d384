from celery import shared_task

from klanten import services


@shared_task(ignore_result=True)
def contactverzoeken_bewaken() -> dict:
    """Every 15 minutes (beat): 80% signals and escalations of contactverzoeken, each once."""
    gesignaleerd, geescaleerd = services.contactverzoeken_bewaken()
    return {"gesignaleerd": len(gesignaleerd), "geescaleerd": len(geescaleerd)}


@shared_task(ignore_result=True)
def klantcontacten_anonimiseren() -> int:
    """Nightly (beat): the free text of contacts past the retention period."""
    return services.klantcontacten_anonimiseren()
