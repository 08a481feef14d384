"""The klantbeeld: one screen of a customer, and what an agent changes from it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kanalen.berichten import services as bericht_services
from kanalen.inzage import selectors as inzage_selectors
from kanalen.werkplek import selectors as werkplek_selectors
from kanalen.werkplek.contactformulier import blanco_contactvelden, gesprek_van_medewerker, is_uuid
from kanalen.werkplek.forms import BerichtForm, ContactgegevensForm, KlantcontactForm
from kcc.access import medewerker_required, per_uuid_of_404
from kcc.audit import Actie, audit_log
from kcc.choices import KanaalSoort
from kcc.formaat import moment_lezen
from kcc.forms import fouten_overnemen
from kcc.links import publieke_url
from klanten import selectors as klant_selectors
from klanten import services as klant_services
from klanten.models import Klant, Toestemming
from producten import selectors as producten_selectors
from producten import services as producten_services
from producten.models import OnbeantwoordeZoekvraag

KLANTBEELD_INZIEN = "kcc.klantbeeld_inzien"


def klant_openen(request, klant_uuid, reden: str) -> Klant:
    return klant_selectors.klant_inzien(
        klant_uuid=klant_uuid, user=request.user, reden=reden, request=request
    )


def _aanvraagbare_producten(doelgroep: str) -> list[dict]:
    """Products an agent can start a request for, for this kind of customer,
    as the list shows them (from the cache for half a minute; the request
    page checks again)."""
    from django.core.cache import cache

    sleutel = f"keuzes:aanvraagbare-producten:{doelgroep}"
    producten = cache.get(sleutel)
    if producten is None:
        producten = [
            {"uuid": str(p.uuid), "naam": p.naam}
            for p in producten_selectors.productkeuzes(aanvragen=True, doelgroep=doelgroep)
        ]
        cache.set(sleutel, producten, 30)
    return producten


def kennis_zoeken(zoekterm: str, *, opnemen: bool = True) -> list | None:
    """The contact form's knowledge search: the best five answers, or None
    when nothing was asked. A search that finds nothing is counted for the
    beheerder, as on the other search pages."""
    if not zoekterm:
        return None
    kennis = producten_selectors.kennisitems_zoeken(zoekterm=zoekterm, limit=5)
    prefetch_related_objects(kennis, "producten")
    if not kennis and opnemen:
        producten_services.zoekvraag_zonder_resultaat(
            zoekterm=zoekterm, bron=OnbeantwoordeZoekvraag.Bron.WERKPLEK
        )
    return kennis


def ingevulde_contactvelden(post) -> dict:
    """What the agent typed in the contact form so far, to show it again."""
    return {naam: post.get(naam) for naam in KlantcontactForm.base_fields if naam in post}


def _kennis_overnemen(initial: dict, gekozen: str) -> bool:
    """Fill the form with a knowledge item's answer. The agent's own subject
    and product stay when already filled in."""
    item = (
        producten_selectors.kennisitems_gepubliceerd()
        .filter(uuid=gekozen)
        .prefetch_related("producten")
        .first()
        if is_uuid(gekozen)
        else None
    )
    if item is None:
        return False
    product = item.producten.first()
    initial.update({"kennisitem": item.uuid, "antwoord": item.antwoord, "kennis_geholpen": "ja"})
    if not initial.get("onderwerp"):
        initial["onderwerp"] = item.vraag[:200]
    if not initial.get("product") and product is not None:
        initial["product"] = product.uuid
    return True


def klantbeeld_pagina(request, klant, *, contactformulier=None, ingevuld=None, status=200):
    """The klantbeeld page with the forms as they are: fresh, with errors, or
    (``ingevuld``) with what the agent typed while searching the knowledge base."""
    contactvelden = gesprek = None
    if ingevuld is not None:
        kennis_term = request.POST.get("kennis", "").strip()[:200]
        kennis = kennis_zoeken(kennis_term, opnemen="kennis_zoeken" in request.POST)
    elif contactformulier is not None:  # sent back with errors: the results as they were
        kennis_term = request.POST.get("kennis", "").strip()[:200]
        kennis = kennis_zoeken(kennis_term, opnemen=False)
    else:
        kennis_term = request.GET.get("kennis", "").strip()[:200]
        kennis = kennis_zoeken(kennis_term)
    if contactformulier is None and ingevuld is not None:
        gesprek = gesprek_van_medewerker(request, ingevuld.get("gesprek"))
        initial = dict(ingevuld)
        if "kennisitem_kiezen" in request.POST:
            _kennis_overnemen(initial, request.POST["kennisitem_kiezen"])
        contactformulier = KlantcontactForm(initial=initial)
    elif contactformulier is None:
        initial = {"gestart_op": timezone.now(), "kanaal": request.GET.get("kanaal", "telefoon")}
        gesprek = gesprek_van_medewerker(request, request.GET.get("gesprek"))
        if gesprek is not None:  # the screen pop of a call this agent answered
            initial.update(gesprek=gesprek.uuid, kanaal=KanaalSoort.TELEFOON)
            initial["gestart_op"] = gesprek.beantwoord_op or gesprek.aangeboden_op
        gekozen = request.GET.get("kennisitem")
        if gekozen:
            _kennis_overnemen(initial, gekozen)
        contactformulier = KlantcontactForm(initial=initial)
        if not gekozen:
            contactvelden = blanco_contactvelden(contactformulier, initial["kanaal"])
    kern = werkplek_selectors.klantbeeld_kern(
        klant=klant, afgesloten=1000 if request.GET.get("zaken") == "alle" else 10
    )
    voor = _tijdstip(request.GET.get("voor", ""))
    tijdlijn = werkplek_selectors.tijdlijn(klant=klant, voor=voor)
    return render(
        request,
        "werkplek/klantbeeld.html",
        {
            "klant": klant,
            "zaken": kern.zaken,
            "tijdlijn": tijdlijn,
            "ouder": (
                tijdlijn[-1].tijdstip.isoformat()
                if len(tijdlijn) >= werkplek_selectors.TIJDLIJN_AANTAL
                else None
            ),
            "contactverzoeken": kern.contactverzoeken,
            "toestemmingen": kern.toestemmingen,
            "toestemming_soorten": Toestemming.Soort.choices,
            "dubbelen": (
                klant_selectors.mogelijke_dubbelen(klant=klant)
                if request.user.has_perm("kcc.zaken_toewijzen")
                else []
            ),
            "producten": _aanvraagbare_producten(klant.doelgroep),
            "kennis_term": kennis_term,
            "kennis": kennis,
            "contactformulier": contactformulier,
            "contactvelden": contactvelden,
            "gesprek": gesprek,
            # The case the contact is about, kept when the form comes back.
            "over_zaak": request.POST.get("zaak", "") if request.method == "POST" else "",
            "antwoord_op": (
                request.POST.get("antwoord_op", "") if request.method == "POST" else ""
            ),
            "kanalen": KanaalSoort.choices,
        },
        status=status,
    )


def _tijdstip(waarde: str):
    """The "oudere contacten" cursor; anything malformed shows the newest page."""
    return moment_lezen(waarde)


@require_GET
@medewerker_required(KLANTBEELD_INZIEN)
def klantbeeld(request, klant_uuid):
    klant = klant_openen(request, klant_uuid, "Klantbeeld geopend in de KCC-werkplek")
    if klant.is_samengevoegd:
        messages.info(
            request,
            _("Deze registratie is samengevoegd; u ziet nu de klant waarin zij is opgegaan."),
        )
        return redirect("werkplek:klantbeeld", klant_uuid=klant.samengevoegd_in.uuid)
    return klantbeeld_pagina(request, klant)


@require_GET
@medewerker_required(KLANTBEELD_INZIEN)
def klantbeeld_tijdlijn(request, klant_uuid):
    """The parts that change (cases, timeline): what the page fetches when a
    live update arrives."""
    klant = klant_openen(request, klant_uuid, "Klantbeeld ververst (live)")
    kern = werkplek_selectors.klantbeeld_kern(klant=klant)
    return render(
        request,
        "werkplek/klantbeeld_live.html",
        {
            "klant": klant,
            "zaken": kern.zaken,
            "tijdlijn": werkplek_selectors.tijdlijn(klant=klant),
            "contactverzoeken": kern.contactverzoeken,
        },
    )


def _klantformulier(request, klant, formulier, *, titel, knop, uitleg="", status=200):
    """A workspace form about one customer on a page of its own."""
    return render(
        request,
        "werkplek/klant_formulier.html",
        {"klant": klant, "form": formulier, "titel": titel, "knop": knop, "uitleg": uitleg},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@medewerker_required(KLANTBEELD_INZIEN)
def bericht_versturen(request, klant_uuid):
    klant = klant_openen(request, klant_uuid, "Bericht aan de klant")
    formulier = BerichtForm(request.POST if request.method == "POST" else None)
    if formulier.is_bound and formulier.is_valid():
        data = formulier.cleaned_data
        tekst = data["tekst"]
        if data["product"] is not None:
            link = publieke_url(reverse("publiek:product", kwargs={"code": data["product"].code}))
            tekst = f"{tekst}\n\n" + _("Online aanvragen: %(link)s") % {"link": link}
        try:
            bericht_services.bericht_aan_klant(
                klant=klant,
                user=request.user,
                kanaal=data["kanaal"],
                onderwerp=data["onderwerp"],
                tekst=tekst,
            )
        except ValidationError as fout:
            fouten_overnemen(formulier, fout)
        else:
            messages.success(request, _("Het bericht gaat naar de klant."))
            return redirect("werkplek:klantbeeld", klant_uuid=klant.uuid)
    return _klantformulier(
        request,
        klant,
        formulier,
        titel=_("E-mail of sms sturen"),
        knop=_("Versturen"),
        uitleg=_(
            "Bijvoorbeeld de link om online aan te vragen. Het bericht komt in het klantbeeld."
        ),
        status=400 if formulier.is_bound else 200,
    )


def _terug_met_uitkomst(request, klant, handeling, gelukt) -> HttpResponse:
    """Do ``handeling``; show its refusal, or ``gelukt`` (text, or a function
    of the result), as a message on the klantbeeld."""
    try:
        resultaat = handeling()
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, gelukt(resultaat) if callable(gelukt) else gelukt)
    return redirect("werkplek:klantbeeld", klant_uuid=klant.uuid)


@require_http_methods(["GET", "POST"])
@medewerker_required(KLANTBEELD_INZIEN)
def contactgegevens_wijzigen(request, klant_uuid):
    klant = klant_openen(request, klant_uuid, "Contactgegevens corrigeren")
    formulier = ContactgegevensForm(
        request.POST if request.method == "POST" else None,
        initial={
            "email": klant.email,
            "telefoon": klant.telefoon,
            "berichtvoorkeur": klant.berichtvoorkeur,
            "taal": klant.taal,
        },
    )
    if formulier.is_bound and formulier.is_valid():
        try:
            klant_services.klant_contactgegevens_wijzigen(
                klant=klant, user=request.user, **formulier.cleaned_data
            )
        except ValidationError as fout:
            fouten_overnemen(formulier, fout)
        else:
            messages.success(request, _("De contactgegevens zijn bijgewerkt."))
            return redirect("werkplek:klantbeeld", klant_uuid=klant.uuid)
    return _klantformulier(
        request,
        klant,
        formulier,
        titel=_("Contactgegevens corrigeren"),
        knop=_("Opslaan"),
        status=400 if formulier.is_bound else 200,
    )


@require_POST
@medewerker_required(KLANTBEELD_INZIEN)
def toestemming(request, klant_uuid):
    klant = klant_openen(request, klant_uuid, "Toestemming vastleggen")
    soort = request.POST.get("soort", "")
    if request.POST.get("actie") == "intrekken":
        handeling = lambda: klant_services.toestemming_intrekken(  # noqa: E731
            klant=klant, user=request.user, soort=soort
        )
    else:
        handeling = lambda: klant_services.toestemming_geven(  # noqa: E731
            klant=klant,
            user=request.user,
            soort=soort,
            via=request.POST.get("kanaal", KanaalSoort.TELEFOON),
        )
    return _terug_met_uitkomst(request, klant, handeling, _("De toestemming is bijgewerkt."))


@require_POST
@medewerker_required(KLANTBEELD_INZIEN)
def brp_verversen(request, klant_uuid):
    klant = klant_openen(request, klant_uuid, "Gegevens uit de BRP verversen")
    return _terug_met_uitkomst(
        request,
        klant,
        lambda: klant_services.klant_bijwerken_uit_brp(klant=klant, user=request.user),
        lambda gewijzigd: (
            _("Bijgewerkt uit de BRP: %(velden)s.") % {"velden": ", ".join(gewijzigd)}
            if gewijzigd
            else _("De gegevens waren al gelijk aan de BRP.")
        ),
    )


@require_POST
@medewerker_required("kcc.zaken_toewijzen")
def samenvoegen(request, klant_uuid):
    """A teamleider merges a duplicate registration into this customer."""
    klant = klant_openen(request, klant_uuid, "Dubbele registratie samenvoegen")
    dubbel = per_uuid_of_404(Klant.objects.all(), request.POST.get("dubbel"))
    if request.POST.get("bevestigd") != "ja":
        messages.error(request, _("Vink aan dat het om dezelfde klant gaat."))
        return redirect("werkplek:klantbeeld", klant_uuid=klant.uuid)
    return _terug_met_uitkomst(
        request,
        klant,
        lambda: klant_services.klanten_samenvoegen(
            behouden=klant, opheffen=dubbel, user=request.user
        ),
        _("De registraties zijn samengevoegd. Niets is verloren."),
    )


@require_GET
@medewerker_required(KLANTBEELD_INZIEN)
def inzage(request, klant_uuid):
    """Everything we hold about the customer (AVG art. 15): readable, or JSON."""
    klant = klant_openen(request, klant_uuid, "Inzageverzoek (AVG)")
    dossier = inzage_selectors.persoonsdossier(klant=klant, voor_medewerker=True)
    audit_log(
        user=request.user,
        actie=Actie.EXPORTEREN,
        obj=klant,
        betrokkene=klant.identificatie,
        omschrijving="Alle gegevens van de klant samengesteld (inzage)",
        reden="Inzageverzoek van de klant (AVG art. 15)",
        request=request,
    )
    if request.GET.get("formaat") == "json":
        response = HttpResponse(
            inzage_selectors.dossier_json(dossier),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="gegevens-{klant.uuid}.json"'
        response["Cache-Control"] = "private, no-store"
        return response
    return render(
        request,
        "werkplek/inzage.html",
        {
            "klant": klant,
            "dossier": dossier,
            "gegevens": inzage_selectors.gegevens_leesbaar(dossier),
        },
    )
