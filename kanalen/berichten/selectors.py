"""Reading the outbox."""

from __future__ import annotations

from kanalen.models import Bericht
from klanten.models import (
    Klant,
)


def eigen_berichten(*, klant: Klant, aantal: int = 200) -> list[Bericht]:
    """Every message about the customer's cases, also those only in Mijn omgeving."""
    return list(klant.berichten.select_related("zaak").order_by("-aangemaakt", "-id")[:aantal])


def zaak_sectie(*, zaak, user) -> dict:
    """The messages sent about a case, newest first, for the case page (a
    section kanalen adds to a page of zaken: kcc.secties)."""
    return {
        "sjabloon": "werkplek/zaak_berichten.html",
        "berichten": list(
            Bericht.objects.filter(zaak=zaak).order_by("-aangemaakt", "-id")[:ZAAK_BERICHTEN]
        ),
        "zaak": zaak,
    }


# The case page shows the newest this many; the klantbeeld's timeline pages back.
ZAAK_BERICHTEN = 50
