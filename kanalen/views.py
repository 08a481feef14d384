"""The front office screens: the citizen portal (PIP) and the agent workspace."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kanalen import selectors as kanaal_selectors
from kcc.access import klant_required, medewerker_required
from kcc.choices import KanaalSoort
from klanten.selectors import klant_inzien, klant_van_gebruiker, klanten_zoeken
from producten import selectors as producten_selectors
from producten import services as producten_services
from producten.models import OnbeantwoordeZoekvraag


@require_GET
@klant_required
def portaal_index(request):
    klant = klant_van_gebruiker(user=request.user)
    return render(request, "pip/index.html", {"klant": klant})


@require_GET
@klant_required
def portaal_gegevens(request):
    klant = klant_van_gebruiker(user=request.user)
    return render(request, "pip/gegevens.html", {"klant": klant})


@require_http_methods(["GET", "POST"])
@medewerker_required()
def werkplek_index(request):
    # The search is a POST so a BSN or name never appears in a URL (access
    # logs, browser history on shared workstations).
    zoekterm = request.POST.get("q", "").strip() if request.method == "POST" else ""
    mag_zoeken = request.user.has_perm("kcc.klantbeeld_inzien")
    resultaten = None
    if zoekterm and mag_zoeken:
        resultaten = klanten_zoeken(zoekterm=zoekterm, user=request.user, request=request)
    return render(
        request,
        "werkplek/index.html",
        {
            "zoekterm": zoekterm,
            "mag_zoeken": mag_zoeken,
            "resultaten": resultaten,
            "afdelingen": request.user.afdelingen.filter(actief=True),
        },
    )


@require_GET
@medewerker_required("kcc.klantbeeld_inzien")
def werkplek_klantbeeld(request, klant_uuid):
    klant = klant_inzien(
        klant_uuid=klant_uuid,
        user=request.user,
        reden="Klantbeeld geopend in de KCC-werkplek",
        request=request,
    )
    return render(request, "werkplek/klantbeeld.html", {"klant": klant})


# --- Public catalogue, FAQ and contact (no login) ----------------------------


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


# --- Product information and knowledge base in the agent workspace ----------


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
        resultaten = producten_selectors.kennisitems_zoeken(zoekterm=zoekterm)
        if not resultaten:
            producten_services.zoekvraag_zonder_resultaat(
                zoekterm=zoekterm, bron=OnbeantwoordeZoekvraag.Bron.WERKPLEK
            )
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
    terug = request.POST.get("terug", "")
    if not url_has_allowed_host_and_scheme(terug, allowed_hosts={request.get_host()}):
        terug = reverse("werkplek:kennisbank")
    return redirect(terug)
