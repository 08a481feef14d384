from django.shortcuts import render
from django.views.decorators.http import require_GET

from dashboard import selectors
from kcc.access import medewerker_required


@require_GET
@medewerker_required("kcc.dashboard_bekijken")
def index(request):
    return render(
        request,
        "dashboard/index.html",
        {
            "afdelingen": selectors.bezetting_per_afdeling(),
            "inzage": selectors.inzage_persoonsgegevens(dagen=7),
        },
    )
