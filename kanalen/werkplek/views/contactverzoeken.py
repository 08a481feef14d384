"""Contactverzoeken for me and my afdelingen: take one, handle it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kanalen.portaal import vragen as vraag_services
from kcc import formaat
from kcc.access import medewerker_required, per_uuid_of_404
from kcc.audit import Actie, audit_log
from klanten import selectors as klant_selectors
from klanten import services as klant_services


@require_http_methods(["GET", "POST"])
@medewerker_required()
def werkplek_contactverzoeken(request):
    """Open contactverzoeken for me and my afdelingen, the most urgent first."""
    if request.method == "POST":
        verzoek = per_uuid_of_404(
            klant_selectors.contactverzoeken_voor(user=request.user, alle=True),
            request.POST.get("verzoek"),
        )
        actie = request.POST.get("actie")
        try:
            if actie == "oppakken":
                klant_services.contactverzoek_oppakken(contactverzoek=verzoek, user=request.user)
                messages.success(request, _("U heeft het contactverzoek opgepakt."))
            elif actie == "afhandelen":
                klant_services.contactverzoek_afhandelen(
                    contactverzoek=verzoek,
                    user=request.user,
                    uitkomst=request.POST.get("uitkomst", ""),
                    teruggebeld=request.POST.get("teruggebeld") == "1",
                )
                messages.success(request, _("Het contactverzoek is afgehandeld."))
            elif actie == "verlengen":
                try:
                    weken = int(request.POST.get("weken", ""))
                except ValueError:
                    weken = 0
                verzoek = vraag_services.klacht_verlengen(
                    contactverzoek=verzoek,
                    user=request.user,
                    weken=weken,
                    reden=request.POST.get("reden", ""),
                )
                messages.success(
                    request,
                    _("De termijn is verlengd tot %(datum)s; de klant krijgt bericht.")
                    % {"datum": formaat.datum(verzoek.uiterlijk_op)},
                )
            else:
                messages.error(request, _("Onbekende handeling."))
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        return redirect("werkplek:contactverzoeken")
    verzoeken = klant_selectors.contactverzoeken_voor(user=request.user)
    if verzoeken:
        audit_log(
            user=request.user,
            actie=Actie.ZOEKEN,
            object_type="klanten.Contactverzoek",
            omschrijving=f"Contactverzoeken bekeken ({len(verzoeken)})",
            reden="Klanten terugbellen",
            request=request,
        )
    return render(
        request,
        "werkplek/contactverzoeken.html",
        {"verzoeken": verzoeken, "vandaag": timezone.localdate()},
    )
