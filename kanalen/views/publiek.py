"""The public pages: catalogue, frequently asked questions, how to reach us."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from kanalen import selectors as kanaal_selectors
from producten import selectors as producten_selectors
from producten import services as producten_services
from producten.models import OnbeantwoordeZoekvraag


@require_GET
def catalogus_index(request):
    return render(
        request,
        "publiek/catalogus.html",
        {
            "themas": producten_selectors.themas_met_aantal(),
            "levensgebeurtenissen": producten_selectors.levensgebeurtenissen_met_aantal(),
        },
    )


@require_GET
def catalogus_zoeken(request):
    zoekterm = request.GET.get("q", "").strip()[:200]
    resultaten = producten_selectors.producten_zoeken(zoekterm=zoekterm) if zoekterm else []
    if zoekterm and not resultaten:
        producten_services.zoekvraag_zonder_resultaat(
            zoekterm=zoekterm, bron=OnbeantwoordeZoekvraag.Bron.PORTAAL
        )
    return render(
        request,
        "publiek/zoeken.html",
        {"zoekterm": zoekterm, "resultaten": resultaten},
    )


@require_GET
def catalogus_groep(request, soort, slug):
    groep, producten = producten_selectors.producten_per_groep(**{soort: slug})
    return render(request, "publiek/groep.html", {"groep": groep, "producten": producten})


@require_GET
def catalogus_product(request, code):
    product = producten_selectors.product_publiek(code=code)
    return render(request, "publiek/product.html", {"product": product})


@require_GET
def faq(request):
    zoekterm = request.GET.get("q", "").strip()[:200]
    resultaten = None
    if zoekterm:
        resultaten = producten_selectors.kennisitems_zoeken(zoekterm=zoekterm)
        if not resultaten:
            producten_services.zoekvraag_zonder_resultaat(
                zoekterm=zoekterm, bron=OnbeantwoordeZoekvraag.Bron.PORTAAL
            )
    return render(
        request,
        "publiek/faq.html",
        {
            "zoekterm": zoekterm,
            "resultaten": resultaten,
            "groepen": producten_selectors.faq_per_thema() if not zoekterm else [],
        },
    )


@require_GET
def contact(request):
    return render(request, "publiek/contact.html", {"kanalen": kanaal_selectors.kanalen_publiek()})
