"""The call in the workspace: the screen pop that finds the caller."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from kanalen.models import (
    Gesprek,
)
from kanalen.telefonie import services as telefonie_services
from kcc.access import medewerker_required, per_uuid_of_404
from klanten.models import Klant


@require_http_methods(["GET", "POST"])
@medewerker_required("kcc.klantbeeld_inzien")
def werkplek_gesprek(request, gesprek_uuid):
    """Several customers share the caller's number: the agent who answered
    picks the one on the line (or none: a blank contact)."""
    gesprek = get_object_or_404(Gesprek, uuid=gesprek_uuid, medewerker=request.user)
    kandidaten = telefonie_services.bellers(gesprek.nummer)
    if request.method == "POST":
        keuze = per_uuid_of_404(
            Klant.objects.filter(pk__in=[k.pk for k in kandidaten]), request.POST.get("klant")
        )
        telefonie_services.gesprek_koppelen(gesprek=gesprek, klant=keuze, user=request.user)
        return redirect(
            reverse("werkplek:klantbeeld", kwargs={"klant_uuid": keuze.uuid})
            + f"?gesprek={gesprek.uuid}"
        )
    return render(request, "werkplek/gesprek.html", {"gesprek": gesprek, "kandidaten": kandidaten})
