"""Who may enter which area.

Each area sends an anonymous visitor to its own login page (citizens to
DigiD/eHerkenning, staff to the staff login) and answers a logged-in user
without the right role with the 403 page.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from rest_framework.permissions import BasePermission


def _area_required(permissions: tuple[str, ...], login_url_name: str):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse(login_url_name))
            if not any(request.user.has_perm(permission) for permission in permissions):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def klant_required(view):
    """The portal (PIP): citizens and businesses only.

    Each portal page view renews the session, so the 15-minute limit set at
    login (PORTAL_SESSION_SECONDS) counts idle time, not time since login.
    """
    guarded = _area_required(("kcc.portaal_gebruiken",), "kcc:klant-login")(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            request.session.modified = True
        return guarded(request, *args, **kwargs)

    return wrapper


def medewerker_required(*permissions: str):
    """Staff screens for whoever has any of ``permissions`` (default: the workspace)."""
    return _area_required(permissions or ("kcc.werkplek_gebruiken",), "kcc:medewerker-login")


class HasPlatformPermission(BasePermission):
    """DRF: the view's ``required_permission`` (a kcc.* permission) is needed."""

    def has_permission(self, request, view):
        required = getattr(view, "required_permission", None)
        return bool(
            request.user
            and request.user.is_authenticated
            and (required is None or request.user.has_perm(required))
        )


def per_uuid_of_404(queryset, waarde):
    """The object whose public UUID is ``waarde`` (e.g. from a form field), or
    404 when there is none or ``waarde`` is no UUID at all (instead of the
    database error a malformed one would cause)."""
    import uuid

    from django.http import Http404
    from django.shortcuts import get_object_or_404

    try:
        sleutel = uuid.UUID(str(waarde))
    except ValueError:
        raise Http404 from None
    return get_object_or_404(queryset, uuid=sleutel)
