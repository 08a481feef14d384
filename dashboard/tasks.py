from celery import shared_task

from dashboard import rollups
from kcc.celery import time_limits

# How long one run builds days before it leaves the rest to the next run.
# Well under the soft limit: the day under way when the budget runs out is
# finished (seconds on the scale data), the first run of a large build also
# plans it (finding the days of ten million contacts) and the last sums the
# closed cases (730 days in about 11 s).
BUDGET_SECONDEN = 120


@shared_task(bind=True, ignore_result=True, **time_limits(300))
def rollups_bijwerken(self, dagen_terug: int = 1) -> int:
    """Every few minutes (beat): the days with new contacts or queue events;
    at night with dagen_terug=7, for late corrections. A rebuild larger than
    one run's budget goes on in a new run queued at once."""
    budget = min(BUDGET_SECONDEN, self.soft_time_limit / 2)
    stap = rollups.bijwerken_stap(dagen_terug=dagen_terug, budget_seconden=budget)
    if stap is None:
        if dagen_terug > 1:
            # The nightly look-back must not be lost to a run that happens to
            # hold the lock: it adds its week to the plan once that run is done.
            raise self.retry(countdown=60, max_retries=60)
        return 0  # another run holds the lock; it goes on with the plan
    if stap.resterend:
        # Right away instead of at the next beat run. Beat's runs meanwhile
        # each go on with the same plan (one at a time, under the lock) and
        # stop once it is done, so the work is never done twice.
        rollups_bijwerken.apply_async(kwargs={"dagen_terug": dagen_terug})
    return len(stap.gebouwd)
