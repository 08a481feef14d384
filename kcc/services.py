"""Writes of the core: accounts."""

from __future__ import annotations

import secrets

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction

from kcc.models import User
from kcc.roles import Rol


def klant_gebruiker(*, bsn: str | None = None, kvk_nummer: str | None = None) -> User:
    """The user for a citizen (BSN) or business (KVK number), created on first login.

    The caller must have checked the identifier (elfproef, 8 digits).
    """
    if bool(bsn) == bool(kvk_nummer):
        raise ValueError("Pass exactly one of bsn or kvk_nummer")
    lookup = {"bsn": bsn} if bsn else {"kvk_nummer": kvk_nummer}
    user = User.objects.filter(**lookup).first()
    if user is None:
        try:
            with transaction.atomic():
                # The username never contains the BSN: usernames end up in logs.
                user = User(username=f"klant-{secrets.token_hex(6)}", **lookup)
                user.set_unusable_password()
                user.save()
                user.groups.add(Group.objects.get(name=Rol.BURGER))
        except IntegrityError:
            # Two first logins at once: the other one created the user.
            user = User.objects.get(**lookup)
    return user
