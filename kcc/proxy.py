"""The client's address when the platform sits behind its reverse proxy.

gunicorn puts the proxy's address in REMOTE_ADDR. The proxy in front
(docker-compose.yml) replaces any X-Forwarded-For a client sends with the
address it saw, so behind a proxy we trust, the last entry of that header is
the client's. From anywhere else the header is ignored: a client cannot
choose the address that rate limits and the audit log see.
"""

from __future__ import annotations

import contextlib
import ipaddress

from django.conf import settings


def vertrouwd_adres(adres: str, netwerken) -> bool:
    try:
        ip = ipaddress.ip_address(adres)
    except ValueError:
        return False
    return any(ip in netwerk for netwerk in netwerken)


def client_address_middleware(get_response):
    netwerken = [ipaddress.ip_network(n, strict=False) for n in settings.TRUSTED_PROXIES]

    def middleware(request):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
        if (
            netwerken
            and forwarded
            and vertrouwd_adres(request.META.get("REMOTE_ADDR", ""), netwerken)
        ):
            client = forwarded.rsplit(",", 1)[-1].strip()
            # A malformed header: keep the proxy's address.
            with contextlib.suppress(ValueError):
                request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(client))
        return get_response(request)

    return middleware


class ClientAdresAsgi:
    """The same for the websockets: daphne runs without --proxy-headers (it
    would take the leftmost X-Forwarded-For, which the client writes); the
    client's address is set here from the last entry, and only when the
    connection comes from a trusted proxy."""

    def __init__(self, inner):
        self.inner = inner
        self.netwerken = [ipaddress.ip_network(n, strict=False) for n in settings.TRUSTED_PROXIES]

    async def __call__(self, scope, receive, send):
        peer = (scope.get("client") or ("", 0))[0]
        if self.netwerken and vertrouwd_adres(peer, self.netwerken):
            forwarded = next(
                (v for k, v in scope.get("headers", []) if k == b"x-forwarded-for"), b""
            ).decode("latin-1")
            client = forwarded.rsplit(",", 1)[-1].strip()
            with contextlib.suppress(ValueError):
                scope = {**scope, "client": (str(ipaddress.ip_address(client)), 0)}
        return await self.inner(scope, receive, send)
