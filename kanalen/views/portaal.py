"""The citizen portal (PIP, Mijn omgeving)."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from kcc.access import klant_required
from klanten.selectors import eigen_contacten, eigen_contactverzoeken, klant_van_gebruiker


@require_GET
@klant_required
def portaal_index(request):
    klant = klant_van_gebruiker(user=request.user)
    return render(request, "pip/index.html", {"klant": klant})


@require_GET
@klant_required
def portaal_gegevens(request):
    klant = klant_van_gebruiker(user=request.user)
    return render(request, "pip/gegevens.html", {"klant": klant})


@require_GET
@klant_required
def portaal_contacten(request):
    """Every contact on every channel, and the status of contactverzoeken."""
    klant = klant_van_gebruiker(user=request.user)
    return render(
        request,
        "pip/contacten.html",
        {
            "klant": klant,
            "contacten": eigen_contacten(klant=klant) if klant else [],
            "contactverzoeken": eigen_contactverzoeken(klant=klant) if klant else [],
        },
    )
