"""Notices for staff: escalations, signals, cases assigned."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from kcc import services as kcc_services
from kcc.access import medewerker_required, per_uuid_of_404
from kcc.models import Melding


@require_http_methods(["GET", "POST"])
@medewerker_required()
def werkplek_meldingen(request):
    """The user's notices: escalations, cases handed to them; newest first."""
    if request.method == "POST":
        melding = None
        if request.POST.get("melding"):
            melding = per_uuid_of_404(
                Melding.objects.filter(ontvanger=request.user), request.POST["melding"]
            )
        kcc_services.meldingen_gelezen(user=request.user, melding=melding)
        return redirect("werkplek:meldingen")
    meldingen = list(Melding.objects.filter(ontvanger=request.user)[:100])
    return render(request, "werkplek/meldingen.html", {"meldingen": meldingen})
