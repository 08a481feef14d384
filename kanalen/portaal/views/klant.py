"""The customer behind the logged-in user."""

from __future__ import annotations

from django.http import Http404

from klanten import services as klant_services
from klanten.models import Klant
from klanten.selectors import klant_van_gebruiker


def ingelogde_klant(request) -> Klant | None:
    """The logged-in customer's record; a citizen the platform does not know
    yet is made from the person register on first use."""
    klant = klant_van_gebruiker(user=request.user)
    if klant is None and request.user.bsn:
        klant = klant_services.klant_met_bsn(bsn=request.user.bsn, user=request.user)
    return klant


def ingelogde_klant_of_404(request) -> Klant:
    klant = ingelogde_klant(request)
    if klant is None:
        raise Http404
    return klant
