"""The security headers every answer carries beyond Django's own.

Django's SecurityMiddleware sets HSTS (in production), nosniff and the
referrer policy, and XFrameOptionsMiddleware forbids framing. django-csp
adds the Content-Security-Policy of ``settings.CONTENT_SECURITY_POLICY``:
scripts, styles, images and fonts only from the platform itself, nothing
inline and nothing evaluated. This module adds what those two leave out:

- the ``Permissions-Policy``, which switches off the browser features no page
  of the platform uses (camera, microphone, location, payment, ...);
- where websockets are served on a port of their own (``make run`` without a
  proxy, ``WEBSOCKET_PORT``), that address in the policy's ``connect-src``:
  ``'self'`` covers a websocket only on the page's own host and port.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import DisallowedHost

# Every feature a page could ask the browser for that none of ours does.
UITGESCHAKELD = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{functie}=()" for functie in UITGESCHAKELD)


def _websocket_adres(request) -> str | None:
    """Where the page's script opens its websocket, when that is another port."""
    if not settings.WEBSOCKET_PORT:
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    naam = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    schema = "wss" if request.is_secure() else "ws"
    return f"{schema}://{naam}:{settings.WEBSOCKET_PORT}"


def beveiligingskoppen_middleware(get_response):
    """Sits just inside django-csp's middleware, so the policy it writes on the
    way out includes what this adds to the answer."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        adres = _websocket_adres(request)
        if adres:
            update = dict(getattr(response, "_csp_update", None) or {})
            update["connect-src"] = [*update.get("connect-src", []), adres]
            response._csp_update = update
        return response

    return middleware


# --- Failed logins (django-axes, configured in settings) ---------------------


def inlognaam(request, credentials) -> str | None:
    """The name a failure is counted under: as the staff login reads it (no
    case, no spaces), so 'KM' and 'km ' are one name; cut to the length a
    username can have (a longer one is no account, and axes keeps 255)."""
    naam = (credentials or {}).get("username")
    if naam is None:
        naam = request.POST.get("username") if request is not None else None
    return naam.strip().lower()[:150] if naam else None


def zonder_wachtwoord(request, credentials) -> bool:
    """Whether a login is none of axes's business: only a name with a password
    is counted. A citizen's DigiD or eHerkenning login (the simulator's BSN,
    the broker's code) has no name; counted, its failures would lock out
    every citizen behind one address (a library, an office) together."""
    return not (credentials or {}).get("username")


def client_adres(request) -> str:
    """The client's address as kcc.proxy has settled it (a forwarded header
    only from a trusted proxy), never one the client chose."""
    return request.META.get("REMOTE_ADDR", "")


def geblokkeerd(request, response, credentials):
    """The answer to a login while its name and address are locked: the
    login page the view made, which says so (kcc.forms), as 429."""
    if response is None:  # a lock noticed outside the login page
        from django.shortcuts import render

        return render(request, "429.html", status=429)
    response.status_code = 429
    return response
