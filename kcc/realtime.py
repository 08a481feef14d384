"""Pushing live events to users' browsers over the channel layer."""

from __future__ import annotations

import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def user_group(user_uuid: uuid.UUID | str) -> str:
    return f"user.{user_uuid}"


def push_to_user(user_uuid: uuid.UUID | str, event: dict) -> None:
    """Send ``event`` to every open page of the user, once the transaction commits.

    Live pushes are a convenience: what they announce is always stored first,
    so a page that missed one shows it after a reload.
    """

    def send():
        async_to_sync(get_channel_layer().group_send)(
            user_group(user_uuid), {"type": "user.event", "event": event}
        )

    transaction.on_commit(send)


# Staff pages hear here when the one inbox changes: a chat, e-mail, SMS,
# letter or contactverzoek arrives, is taken, released or done. The events
# say only that something changed (nothing personal); the page fetches its list.
INBOX_GROUP = "werkplek.inbox"


def klant_group(klant_uuid: uuid.UUID | str) -> str:
    """Pages showing one customer's klantbeeld (staff allowed to see it)."""
    return f"klant.{klant_uuid}"


def push_to_group(group: str, event: dict) -> None:
    """Like push_to_user, for a group of pages (e.g. one customer's klantbeeld)."""

    def send():
        async_to_sync(get_channel_layer().group_send)(
            group, {"type": "group.event", "event": event}
        )

    transaction.on_commit(send)
