"""Product information and the knowledge base in the workspace."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kcc.access import medewerker_required
from kcc.choices import KanaalSoort
from kcc.links import lokaal_adres
from kcc.paginering import ZOEK_MAXIMUM, ZOEK_PER_PAGINA, pagina
from producten import selectors as producten_selectors
from producten import services as producten_services
from producten.models import OnbeantwoordeZoekvraag


@require_GET
@medewerker_required()
def werkplek_producten(request):
    zoekterm = request.GET.get("q", "").strip()[:200]
    producten = (
        producten_selectors.producten_zoeken(zoekterm=zoekterm)
        if zoekterm
        else list(producten_selectors.producten_aangeboden().order_by("naam"))
    )
    kennis = producten_selectors.kennisitems_zoeken(zoekterm=zoekterm, limit=8) if zoekterm else []
    if zoekterm and not producten and not kennis:
        producten_services.zoekvraag_zonder_resultaat(
            zoekterm=zoekterm, bron=OnbeantwoordeZoekvraag.Bron.WERKPLEK
        )
    return render(
        request,
        "werkplek/producten.html",
        {
            "zoekterm": zoekterm,
            "producten": producten,
            "kennis": kennis,
            "kanalen": KanaalSoort.choices,
        },
    )


@require_GET
@medewerker_required("kcc.werkplek_gebruiken", "kcc.beheer_gebruiken")
def werkplek_product(request, code):
    # The beheerder previews a (concept) product here, as agents will see it.
    product = producten_selectors.product_voorbeeld(code=code)
    return render(
        request,
        "werkplek/product.html",
        {"product": product, "kanalen": KanaalSoort.choices},
    )


@require_GET
@medewerker_required()
def werkplek_kennisbank(request):
    zoekterm = request.GET.get("q", "").strip()[:200]
    resultaten = None
    if zoekterm:
        gevonden = producten_selectors.kennisitems_zoeken(zoekterm=zoekterm, limit=ZOEK_MAXIMUM)
        if not gevonden:
            producten_services.zoekvraag_zonder_resultaat(
                zoekterm=zoekterm, bron=OnbeantwoordeZoekvraag.Bron.WERKPLEK
            )
        resultaten = pagina(request, gevonden, per=ZOEK_PER_PAGINA)
    return render(
        request,
        "werkplek/kennisbank.html",
        {"zoekterm": zoekterm, "resultaten": resultaten, "kanalen": KanaalSoort.choices},
    )


@require_POST
@medewerker_required()
def werkplek_kennisgebruik(request, item_uuid):
    item = get_object_or_404(producten_selectors.kennisitems_gepubliceerd(), uuid=item_uuid)
    geholpen = request.POST.get("geholpen")
    kanaal = request.POST.get("kanaal", KanaalSoort.TELEFOON)
    if geholpen not in {"ja", "nee"} or kanaal not in KanaalSoort.values:
        messages.error(request, _("Kies of het antwoord de vraag beantwoordde."))
    else:
        producten_services.kennisgebruik_vastleggen(
            item=item, user=request.user, kanaal=kanaal, geholpen=geholpen == "ja"
        )
        messages.success(request, _("Vastgelegd. Dank u, zo wordt de kennisbank beter."))
    return redirect(lokaal_adres(request, request.POST.get("terug")) or "werkplek:kennisbank")
