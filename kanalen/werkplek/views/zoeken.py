"""The workspace's start: find a customer by phone, e-mail, BSN, KVK, address
or name.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kcc.access import medewerker_required
from kcc.identifiers import normalise_bsn
from klanten import services as klant_services
from klanten.selectors import klanten_zoeken, zoekopdracht


@require_http_methods(["GET", "POST"])
@medewerker_required()
def werkplek_index(request):
    # The search is a POST so a BSN or name never appears in a URL (access
    # logs, browser history on shared workstations).
    zoekterm = request.POST.get("q", "").strip() if request.method == "POST" else ""
    mag_zoeken = request.user.has_perm("kcc.klantbeeld_inzien")
    resultaten = None
    opdracht = None
    if zoekterm and mag_zoeken:
        opdracht = zoekopdracht(zoekterm)
        resultaten = klanten_zoeken(zoekterm=zoekterm, user=request.user, request=request)
        if not resultaten and opdracht and opdracht.soort == "bsn":
            # Not known here yet: the person register may know them.
            nieuw = klant_services.klant_met_bsn(bsn=normalise_bsn(zoekterm), user=request.user)
            if nieuw is not None:
                messages.info(request, _("Nieuwe klant: de gegevens komen uit de BRP."))
                return redirect("werkplek:klantbeeld", klant_uuid=nieuw.uuid)
        if resultaten is not None and len(resultaten) == 1:
            # One hit: the agent wants that customer, not a list of one.
            return redirect("werkplek:klantbeeld", klant_uuid=resultaten[0].uuid)
    return render(
        request,
        "werkplek/index.html",
        {
            "zoekterm": zoekterm,
            "mag_zoeken": mag_zoeken,
            "resultaten": resultaten,
            "gezocht_op": opdracht.soort if opdracht else "",
            "afdelingen": request.user.afdelingen.filter(actief=True),
        },
    )
