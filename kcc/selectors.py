"""Reading staff accounts."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, QuerySet

from kcc.models import User


def medewerkers_voor_contactverzoeken() -> QuerySet[User]:
    """Active staff who work in the workspace and so can call a customer back."""
    groepen = Group.objects.filter(
        permissions__codename="werkplek_gebruiken", permissions__content_type__app_label="kcc"
    )
    lid = User.groups.through.objects.filter(user=OuterRef("pk"), group__in=groepen)
    return (
        User.objects.filter(Exists(lid), is_active=True)
        .only("id", "uuid", "username", "first_name", "last_name")
        .order_by("first_name", "last_name", "username")
    )
