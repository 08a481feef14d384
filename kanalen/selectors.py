"""Reading the channel register: opening hours, norms, whether a channel is
open now.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from kanalen.models import Kanaal, Openingstijd
from kcc import kalender


def kanalen_publiek() -> list[Kanaal]:
    """Active channels with their opening hours, and whether each is open now."""
    kanalen = list(
        Kanaal.objects.filter(actief=True).prefetch_related(
            Prefetch("openingstijden", queryset=Openingstijd.objects.order_by("weekdag", "open"))
        )
    )
    nu = timezone.now()
    for kanaal in kanalen:
        tijden = kanaal.openingstijden_tuples()
        kanaal.nu_open = kalender.is_open(tijden, nu) if tijden else None
    return kanalen


def kanalen_alle() -> QuerySet[Kanaal]:
    return Kanaal.objects.prefetch_related("openingstijden")
