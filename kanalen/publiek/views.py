"""The public website: products and services, frequently asked questions, how
to reach us, our norms.
"""

from __future__ import annotations

from datetime import timedelta

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from kanalen import selectors as kanaal_selectors
from kanalen.portaal.aanvragen import online_aanvraagbaar
from kcc.auth.inlog import eis_naam
from kcc.choices import Betrouwbaarheidsniveau, Doelgroep
from kcc.paginering import ZOEK_MAXIMUM, ZOEK_PER_PAGINA, pagina
from klanten import selectors as klant_selectors
from producten import selectors as producten_selectors
from producten import services as producten_services
from producten.models import OnbeantwoordeZoekvraag
from zaken import selectors as zaken_selectors
from zaken import services as zaken_services


@require_GET
def home(request):
    """The front page: what the municipality offers and the ways in."""
    return render(request, "publiek/home.html")


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
    gevonden = (
        producten_selectors.producten_zoeken(zoekterm=zoekterm, limit=ZOEK_MAXIMUM)
        if zoekterm
        else []
    )
    resultaten = pagina(request, gevonden, per=ZOEK_PER_PAGINA)
    if zoekterm and not gevonden:
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
    """A product's page. What it offers follows who is looking: a logged-in
    business is not invited to apply for a passport, but told who may."""
    product = producten_selectors.product_publiek(code=code)
    klant = (
        klant_selectors.klant_van_gebruiker(user=request.user)
        if request.user.is_authenticated
        else None
    )
    voor_u = klant is None or product.is_voor(klant.doelgroep)
    return render(
        request,
        "publiek/product.html",
        {
            "product": product,
            "voor_u": voor_u,
            "niet_voor_u": "" if voor_u else zaken_services.doelgroep_uitleg(product),
            "online": voor_u and online_aanvraagbaar(product),
            "inloggen_met": _inloggen_met(product),
            "niveau_nodig": eis_naam(product.betrouwbaarheidsniveau)
            if product.betrouwbaarheidsniveau > Betrouwbaarheidsniveau.BASIS
            else "",
            "afspraak": voor_u and product.afspraakroosters.exists(),
        },
    )


def _inloggen_met(product) -> str:
    """How the applicant logs in: DigiD for a person, eHerkenning for a
    business or institution; both when the product is for either."""
    doelgroepen = set(product.doelgroepen)
    if doelgroepen == {Doelgroep.BURGER}:
        return "digid"
    if Doelgroep.BURGER not in doelgroepen:
        return "eherkenning"
    return ""


@require_GET
def faq(request):
    zoekterm = request.GET.get("q", "").strip()[:200]
    resultaten = None
    if zoekterm:
        gevonden = producten_selectors.kennisitems_zoeken(zoekterm=zoekterm, limit=ZOEK_MAXIMUM)
        if not gevonden:
            producten_services.zoekvraag_zonder_resultaat(
                zoekterm=zoekterm, bron=OnbeantwoordeZoekvraag.Bron.PORTAAL
            )
        resultaten = pagina(request, gevonden, per=ZOEK_PER_PAGINA)
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


def _vorige_maand(vandaag):
    eerste = vandaag.replace(day=1)
    begin = (eerste - timedelta(days=1)).replace(day=1)
    return begin, eerste


@require_GET
def normen(request):
    """Our promises and how well we kept them last month (published
    performance, BurgerServiceCode)."""
    van, tot = _vorige_maand(timezone.localdate())
    return render(
        request,
        "publiek/normen.html",
        {
            "van": van,
            "tot": tot - timedelta(days=1),
            "kanalen": kanaal_selectors.kanalen_publiek(),
            "zaken": zaken_selectors.normrealisatie_zaken(van=van, tot=tot),
            "contactverzoeken": klant_selectors.normrealisatie_contactverzoeken(van=van, tot=tot),
        },
    )
