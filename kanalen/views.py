"""The front office screens: the citizen portal (PIP) and the agent workspace."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kanalen import selectors as kanaal_selectors
from kanalen import services as kanaal_services
from kanalen.models import Bericht, BerichtStatus
from kcc.access import klant_required, medewerker_required, per_uuid_of_404
from kcc.audit import Actie, audit_log
from kcc.choices import KanaalSoort
from kcc.models import Afdeling, User
from klanten.selectors import klant_inzien, klant_van_gebruiker, klanten_zoeken
from producten import selectors as producten_selectors
from producten import services as producten_services
from producten.models import OnbeantwoordeZoekvraag
from zaken import selectors as zaken_selectors
from zaken import services as zaken_services
from zaken.models import OPEN_STATUSSEN, ZaakStatus


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
    return render(
        request,
        "werkplek/klantbeeld.html",
        {
            "klant": klant,
            "zaken": zaken_selectors.zaken_van_klant(klant=klant),
            "berichten": klant.berichten.select_related("zaak").order_by("-aangemaakt")[:20],
            "producten": producten_selectors.producten_aangeboden()
            .filter(kanalen__aanvragen=True)
            .distinct()
            .order_by("naam"),
            "kanalen": KanaalSoort.choices,
        },
    )


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


# --- Cases in the workspace ---------------------------------------------------


def _int(waarde) -> int | None:
    try:
        return int(waarde)
    except (TypeError, ValueError):
        return None


@require_GET
@medewerker_required("kcc.zaken_behandelen", "kcc.klantbeeld_inzien")
def werkplek_zaken(request):
    filters = {
        "afdeling_id": _int(request.GET.get("afdeling")),
        "alleen_mijn": request.GET.get("mijn") == "1",
        "status": request.GET.get("status") or None,
        "product_id": _int(request.GET.get("product")),
        "termijn": request.GET.get("termijn") or None,
    }
    voorraad = zaken_selectors.werkvoorraad(
        user=request.user, pagina=_int(request.GET.get("pagina")) or 1, **filters
    )
    zonder_pagina = request.GET.copy()
    zonder_pagina.pop("pagina", None)
    return render(
        request,
        "werkplek/zaken.html",
        {
            "voorraad": voorraad,
            "filters": filters,
            "statussen": [(s, ZaakStatus(s).label) for s in OPEN_STATUSSEN],
            "afdelingen": Afdeling.objects.filter(actief=True),
            "vandaag": timezone.localdate(),
            "querystring": zonder_pagina.urlencode(),
        },
    )


@require_GET
@medewerker_required("kcc.zaken_behandelen", "kcc.klantbeeld_inzien")
def werkplek_zaak(request, zaak_uuid):
    zaak = zaken_selectors.zaak_voor_medewerker(
        zaak_uuid=zaak_uuid, user=request.user, request=request
    )
    return render(
        request,
        "werkplek/zaak.html",
        {
            "zaak": zaak,
            "acties": zaken_selectors.beschikbare_acties(zaak=zaak, user=request.user),
            "stappen": zaak.productversie.inhoud.get("statusstappen", []),
            "collegas": zaken_selectors.collegas_voor_zaak(zaak=zaak),
            "vandaag": timezone.localdate(),
        },
    )


_ZAAK_ACTIES = {
    "in_behandeling": lambda z, u, p: zaken_services.zaak_in_behandeling_nemen(
        zaak=z, user=u, verwachte_status=p.get("verwachte_status")
    ),
    "wacht_op_klant": lambda z, u, p: zaken_services.zaak_wacht_op_klant(
        zaak=z, user=u, vraag=p.get("vraag", ""), verwachte_status=p.get("verwachte_status")
    ),
    "hervatten": lambda z, u, p: zaken_services.zaak_hervatten(
        zaak=z, user=u, reden=p.get("reden", ""), verwachte_status=p.get("verwachte_status")
    ),
    "statusstap": lambda z, u, p: zaken_services.zaak_statusstap_zetten(
        zaak=z, user=u, stap=p.get("stap", "")
    ),
    "verlengen": lambda z, u, p: zaken_services.zaak_verlengen(
        zaak=z, user=u, weken=_int(p.get("weken")) or 0, reden=p.get("reden", "")
    ),
    "afhandelen": lambda z, u, p: zaken_services.zaak_afhandelen(
        zaak=z,
        user=u,
        resultaat=p.get("resultaat", ""),
        toelichting=p.get("toelichting", ""),
        verwachte_status=p.get("verwachte_status"),
    ),
    "afwijzen": lambda z, u, p: zaken_services.zaak_afwijzen(
        zaak=z, user=u, reden=p.get("reden", ""), verwachte_status=p.get("verwachte_status")
    ),
    "heropenen": lambda z, u, p: zaken_services.zaak_heropenen(
        zaak=z, user=u, reden=p.get("reden", "")
    ),
    "intrekken": lambda z, u, p: zaken_services.zaak_intrekken(
        zaak=z, user=u, reden=p.get("reden", "")
    ),
    "notitie": lambda z, u, p: zaken_services.zaak_notitie_toevoegen(
        zaak=z, user=u, tekst=p.get("tekst", "")
    ),
    "toewijzen": lambda z, u, p: zaken_services.zaak_toewijzen(
        zaak=z, user=u, behandelaar=per_uuid_of_404(User.objects.all(), p.get("behandelaar"))
    ),
}


@require_POST
@medewerker_required("kcc.zaken_behandelen", "kcc.klantbeeld_inzien")
def werkplek_zaak_actie(request, zaak_uuid):
    zaak = zaken_selectors.zaak_voor_medewerker(
        zaak_uuid=zaak_uuid, user=request.user, request=request
    )
    actie = _ZAAK_ACTIES.get(request.POST.get("actie", ""))
    if actie is None:
        messages.error(request, _("Onbekende handeling."))
    else:
        try:
            actie(zaak, request.user, request.POST)
        except zaken_services.ZaakConflict as conflict:
            messages.warning(request, str(conflict))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Opgeslagen."))
    return redirect("werkplek:zaak", zaak_uuid=zaak.uuid)


@require_POST
@medewerker_required("kcc.klantbeeld_inzien")
def werkplek_aanvraag(request, klant_uuid):
    """Start a case for a customer on their behalf (telefoon, balie, ...)."""
    klant = klant_inzien(
        klant_uuid=klant_uuid, user=request.user, reden="Aanvraag namens de klant", request=request
    )
    product = per_uuid_of_404(
        producten_selectors.producten_aangeboden(), request.POST.get("product")
    )
    try:
        zaak = zaken_services.zaak_registreren(
            klant=klant,
            product=product,
            kanaal=request.POST.get("kanaal", KanaalSoort.TELEFOON),
            user=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("werkplek:klantbeeld", klant_uuid=klant.uuid)
    messages.success(request, _("Zaak %(nummer)s is geregistreerd.") % {"nummer": zaak.nummer})
    return redirect("werkplek:zaak", zaak_uuid=zaak.uuid)


@require_http_methods(["GET", "POST"])
@medewerker_required("kcc.zaken_toewijzen")
def werkplek_mislukte_berichten(request):
    """Messages that could not be sent: the teamleider corrects and resends."""
    if request.method == "POST":
        bericht = per_uuid_of_404(Bericht.objects.all(), request.POST.get("bericht"))
        try:
            kanaal_services.bericht_opnieuw_versturen(bericht=bericht, user=request.user)
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
