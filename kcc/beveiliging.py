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
