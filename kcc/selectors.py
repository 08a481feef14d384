"""Reading staff accounts."""

from __future__ import annotations

from django.db.models import QuerySet

from kcc.models import User


def medewerkers_voor_contactverzoeken() -> QuerySet[User]:
    """Active staff who work in the workspace and so can call a customer back."""
    return (
        User.objects.filter(
            is_active=True,
            groups__permissions__codename="werkplek_gebruiken",
            groups__permissions__content_type__app_label="kcc",
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
