"""Writes of the core: accounts and notices for staff."""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone

from kcc.models import Melding, User
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


# --- Notices for staff -------------------------------------------------------


def verantwoordelijken(afdeling_id: int | None) -> list[User]:
    """Who gets a notice about work of an afdeling that no one person holds
    (an escalation, a case not picked up, an 80% signal without a
    behandelaar, a hand-over). The rule:

    1. the afdeling's own active teamleiders;
    2. if it has none (or the work has no afdeling), the KCC's teamleiders,
       who keep control of the whole chain;
    3. if the KCC has none either, every active teamleider.

    So every notice reaches someone who can act on it.
    """
    from django.conf import settings

    leiders = User.objects.filter(groups__name=Rol.TEAMLEIDER, is_active=True)
    for kandidaten in (
        leiders.filter(afdelingen=afdeling_id) if afdeling_id is not None else leiders.none(),
        leiders.filter(afdelingen__code=settings.KCC_AFDELING_CODE),
        leiders,
    ):
        gevonden = list(kandidaten.distinct().order_by("pk"))
        if gevonden:
            return gevonden
    return []


def meldingen_versturen(
    *, ontvangers: Iterable[User], soort: str, titel: str, url: str = ""
) -> list[Melding]:
    """Store a notice for each recipient and push it to their open pages.

    Written in the caller's transaction; the live push follows its commit, so
    a notice is never shown for something that rolled back.
    """
    from kcc.realtime import push_to_user

    meldingen = Melding.objects.bulk_create(
        [
            Melding(ontvanger=ontvanger, soort=soort, titel=titel[:300], url=url)
            for ontvanger in ontvangers
        ]
    )
    for melding in meldingen:
        push_to_user(
            melding.ontvanger.uuid,
            {
                "type": "melding",
                "uuid": str(melding.uuid),
                "soort": soort,
                "titel": melding.titel,
                "url": url,
            },
        )
    return meldingen


def meldingen_gelezen(*, user: User, melding: Melding | None = None) -> int:
    """Mark one notice of ``user`` (or all of them) as read; returns how many."""
    meldingen = Melding.objects.filter(ontvanger=user, gelezen_op__isnull=True)
    if melding is not None:
        meldingen = meldingen.filter(pk=melding.pk)
    return meldingen.update(gelezen_op=timezone.now())
