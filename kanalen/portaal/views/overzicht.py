"""Mijn omgeving: the overview a customer lands on."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from kanalen.models import Aanvraag
from kanalen.portaal.views.klant import ingelogde_klant
from kcc.access import klant_required
from zaken import selectors as zaken_selectors
from zaken.models import ZaakStatus


@require_GET
@klant_required
def portaal_index(request):
    klant = ingelogde_klant(request)
    zaken = zaken_selectors.eigen_zaken(klant=klant) if klant else []
    return render(
        request,
        "pip/index.html",
        {
            "klant": klant,
            "wacht_op_u": [z for z in zaken if z.status == ZaakStatus.WACHT_OP_KLANT],
            "open_zaken": [z for z in zaken if z.is_open],
            "concepten": list(
                Aanvraag.objects.filter(klant=klant, zaak__isnull=True).select_related("product")
            )
            if klant
            else [],
        },
    )
