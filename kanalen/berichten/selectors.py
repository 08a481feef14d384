"""Reading the outbox."""

from __future__ import annotations

from kanalen.models import Bericht
from klanten.models import (
    Klant,
)


def eigen_berichten(*, klant: Klant, aantal: int = 200) -> list[Bericht]:
    """Every message about the customer's cases, also those only in Mijn omgeving."""
    return list(klant.berichten.select_related("zaak").order_by("-aangemaakt", "-id")[:aantal])
