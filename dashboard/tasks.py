from celery import shared_task

from dashboard import rollups


@shared_task(ignore_result=True)
def rollups_bijwerken(dagen_terug: int = 1) -> int:
    """Every few minutes (beat): the days with new contacts or queue events;
    at night with dagen_terug=7, for late corrections."""
    return len(rollups.bijwerken(dagen_terug=dagen_terug))
