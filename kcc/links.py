"""Links from a lower building block to a screen of a higher one.

An app imports only the apps above it in the house (docs/architecture.md), so
it cannot name a higher app's URL either: a case page links to the
klantbeeld, a notice about a contactverzoek opens the workspace's list, a
user lands on the start page of their role. The app that owns the screen
registers a name for it when it starts (its ``AppConfig.ready``); the lower
app asks for the link by that name: ``link("klantbeeld", klant.uuid)`` in
Python, ``{% link "klantbeeld" klant.uuid %}`` in a template. The
architecture test fails on a URL name of a higher app written in a lower one.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

# Longer than any address of the platform; Django refuses to redirect to a
# much longer one with an error of its own.
_MAX_TERUG = 2000

_LINKS: dict[str, str] = {}


def link_registreren(naam: str, url_naam: str) -> None:
    """Called by the app that owns the screen ``url_naam``, at startup."""
    _LINKS[naam] = url_naam


def link(naam: str, *args) -> str:
    """The URL of the screen registered as ``naam``, with its arguments."""
    try:
        url_naam = _LINKS[naam]
    except KeyError:
        raise ImproperlyConfigured(f"No app registered a link named {naam!r}.") from None
    return reverse(url_naam, args=args)


def publieke_url(pad: str) -> str:
    """``pad`` (a path of this platform) as the full address a customer opens
    from an e-mail or SMS: on PUBLIEKE_URL, never on the host of the request
    at hand (a worker has none; an agent's may be internal)."""
    return settings.PUBLIEKE_URL + pad


def lokaal_adres(request: HttpRequest, adres: str | None) -> str | None:
    """``adres`` when it is a page of this site to send the user back to
    ("/kcc/inbox/?pagina=2"), else None. Only a path from the root: Django's
    ``redirect()`` reads a bare word ("-1", "nan") as the name of a view, and
    a name it does not know is a server error, not a way back."""
    if not adres or len(adres) > _MAX_TERUG or not adres.startswith("/"):
        return None
    if not url_has_allowed_host_and_scheme(
        adres, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    return adres
