"""The one way to write the audit log (protocollering).

Call ``audit_log`` wherever staff read a person's data or anyone changes it:
in the selector that fetches it for a staff screen, the service that writes
it, the admin and the API. The entry is written in the caller's transaction,
so a change that rolls back leaves no claim that it happened, and a read is
logged before the data is shown.
"""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest

from kcc.models import AuditLogEntry, User

Actie = AuditLogEntry.Actie


def audit_log(
    *,
    user: User | None,
    actie: str,
    omschrijving: str,
    reden: str,
    betrokkene: str = "",
    obj: models.Model | None = None,
    object_type: str = "",
    request: HttpRequest | None = None,
) -> AuditLogEntry:
    """Record that ``user`` did ``actie`` on the data of ``betrokkene``.

    ``betrokkene`` is the BSN or KVK number of the person or business whose
    data it is; ``omschrijving`` says what was seen or changed and ``reden``
    why (the screen or task that needed it).
    """
    if obj is not None:
        object_type = object_type or obj._meta.label
        object_id = str(getattr(obj, "uuid", None) or obj.pk)
    else:
        object_id = ""
    if not object_type:
        raise ValueError("audit_log needs obj or object_type")
    if user is not None and not user.is_authenticated:
        user = None
    return AuditLogEntry.objects.create(
        gebruiker=user,
        gebruikersnaam=user.get_username() if user else "systeem",
        rollen=user.rollen_label() if user else "systeem",
        actie=actie,
        betrokkene=betrokkene,
        object_type=object_type,
        object_id=object_id,
        omschrijving=omschrijving[:500],
        reden=reden[:500],
        # The path without its query string: a search term may be a BSN.
        pad=request.path[:500] if request else "",
        # REMOTE_ADDR as the ASGI server set it; the server only takes the
        # client address from X-Forwarded-For when it sits behind our proxy.
        ip_adres=(request.META.get("REMOTE_ADDR") or None) if request else None,
    )
