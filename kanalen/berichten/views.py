"""Messages that could not be sent, for staff to look at and send again."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kanalen.berichten import services as bericht_services
from kanalen.models import (
    Bericht,
    BerichtStatus,
)
from kcc.access import medewerker_required, per_uuid_of_404
from kcc.audit import Actie, audit_log


@require_http_methods(["GET", "POST"])
@medewerker_required("kcc.zaken_toewijzen")
def werkplek_mislukte_berichten(request):
    """Messages that could not be sent: the teamleider corrects and resends."""
    if request.method == "POST":
        bericht = per_uuid_of_404(Bericht.objects.all(), request.POST.get("bericht"))
        try:
            bericht_services.bericht_opnieuw_versturen(bericht=bericht, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Het bericht staat weer in de wachtrij."))
        return redirect("werkplek:mislukte-berichten")
    berichten = list(
        Bericht.objects.filter(status=BerichtStatus.MISLUKT)
        .select_related("klant", "zaak")
        .order_by("-aangemaakt")[:200]
    )
    if berichten:
        audit_log(
            user=request.user,
            actie=Actie.ZOEKEN,
            object_type="kanalen.Bericht",
            omschrijving=f"Mislukte berichten bekeken ({len(berichten)})",
            reden="Berichten opnieuw versturen",
            request=request,
        )
    return render(request, "werkplek/mislukte_berichten.html", {"berichten": berichten})
