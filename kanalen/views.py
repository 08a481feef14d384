"""The front office screens: the citizen portal (PIP) and the agent workspace."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from kcc.access import klant_required, medewerker_required
from klanten.selectors import klant_inzien, klant_van_gebruiker, klanten_zoeken


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


@require_http_methods(["GET", "POST"])
@medewerker_required()
def werkplek_index(request):
    # The search is a POST so a BSN or name never appears in a URL (access
    # logs, browser history on shared workstations).
    zoekterm = request.POST.get("q", "").strip() if request.method == "POST" else ""
    mag_zoeken = request.user.has_perm("kcc.klantbeeld_inzien")
    resultaten = None
    if zoekterm and mag_zoeken:
        resultaten = klanten_zoeken(zoekterm=zoekterm, user=request.user, request=request)
    return render(
        request,
        "werkplek/index.html",
        {
            "zoekterm": zoekterm,
            "mag_zoeken": mag_zoeken,
            "resultaten": resultaten,
            "afdelingen": request.user.afdelingen.filter(actief=True),
        },
    )


@require_GET
@medewerker_required("kcc.klantbeeld_inzien")
def werkplek_klantbeeld(request, klant_uuid):
    klant = klant_inzien(
        klant_uuid=klant_uuid,
        user=request.user,
        reden="Klantbeeld geopend in de KCC-werkplek",
        request=request,
    )
    return render(request, "werkplek/klantbeeld.html", {"klant": klant})
