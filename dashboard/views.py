from django.shortcuts import render
from django.views.decorators.http import require_GET

from dashboard import selectors
from dashboard.forms import KpiFilterForm
from kcc.access import medewerker_required


@require_GET
@medewerker_required("kcc.dashboard_bekijken")
def index(request):
    """The KPIs of a period against their targets, with the previous period."""
    formulier = KpiFilterForm(request.GET or {"periode": "maand"})
    context = {"form": formulier}
    if formulier.is_valid():
        f = formulier.filter()
        context.update(
            {
                "filter": f,
                "kpis": selectors.kpis(
                    f, formule=formulier.cleaned_data.get("formule") or "met_verlaten"
                ),
                "kosten": selectors.kosten_per_kanaal(f),
                "vorige": f.vorige(),
            }
        )
    context.update(
        {
            "afdelingen": selectors.bezetting_per_afdeling(),
            "inzage": selectors.inzage_persoonsgegevens(dagen=7),
        }
    )
    return render(
        request, "dashboard/index.html", context, status=200 if formulier.is_valid() else 400
    )
