"""Applying online: the product's form step by step (prefilled with what
the customer gave before), documents, checking and sending.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kanalen.models import Aanvraag, AanvraagDocument
from kanalen.portaal import aanvragen as aanvraag_services
from kanalen.portaal.views.klant import ingelogde_klant
from kcc.access import klant_required, per_uuid_of_404
from kcc.auth.inlog import EHERKENNING, huidige_inlog
from kcc.bevestigen import bevestiging_gevraagd
from kcc.choices import KanaalSoort
from kcc.forms import fouten_overnemen
from producten import selectors as producten_selectors
from producten.formulier import antwoord_leesbaar, formulier_initial, formulier_voor


def _eigen_aanvraag(klant, aanvraag_uuid) -> Aanvraag:
    if klant is None:
        raise Http404
    return get_object_or_404(
        Aanvraag.objects.select_related("product", "zaak"), klant=klant, uuid=aanvraag_uuid
    )


@require_GET
@klant_required
def portaal_aanvragen(request):
    """What can be requested online, and the drafts the customer saved."""
    klant = ingelogde_klant(request)
    return render(
        request,
        "pip/aanvragen.html",
        {
            "klant": klant,
            "producten": producten_selectors.productkeuzes(
                kanaal=KanaalSoort.INTERNET,
                aanvragen=True,
                doelgroep=klant.doelgroep if klant else None,
            ),
            "concepten": list(
                Aanvraag.objects.filter(klant=klant, zaak__isnull=True).select_related("product")
            )
            if klant
            else [],
        },
    )


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_aanvraag_beginnen(request, code):
    """Start a request for a product, or carry on with the draft for it. The
    form is shown without storing anything; the draft is made when the
    customer saves it or sends a first page that is right."""
    klant = ingelogde_klant(request)
    product = get_object_or_404(producten_selectors.producten_aangeboden(), code=code)
    if klant is None:
        messages.error(
            request,
            _("Wij kunnen u niet vinden in onze registratie. Bel ons, dan helpen wij u verder."),
        )
        return redirect("portaal:aanvragen")
    try:
        aanvraag = aanvraag_services.aanvraag_voorbereiden(
            klant=klant, user=request.user, product=product, inlog=huidige_inlog(request)
        )
        if request.method == "POST":
            return _gegevens_verwerken(request, klant, aanvraag)
    except aanvraag_services.NiveauTeLaag as fout:
        return hoger_niveau_nodig(request, fout, request.path)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
        return redirect("publiek:product", code=product.code)
    if aanvraag.pk is not None:
        return redirect("portaal:aanvraag", aanvraag_uuid=aanvraag.uuid)
    return _gegevens_tonen(request, klant, aanvraag)


def hoger_niveau_nodig(request, fout, terug: str):
    """The product needs a surer login: say which, and offer to log in again
    at that level, back to where the customer was. Their draft is kept."""
    route = "kcc:eherkenning-login" if fout.middel == EHERKENNING else "kcc:digid-login"
    opnieuw = reverse(route) + "?" + urlencode({"niveau": fout.niveau, "next": terug})
    return render(
        request,
        "pip/hoger_niveau.html",
        {"melding": fout.messages[0], "opnieuw": opnieuw},
        status=403,
    )


def _stappen(aanvraag, inhoud, huidige: str) -> list[dict]:
    stappen = [("gegevens", _("Uw gegevens en vragen"))]
    if inhoud["documenten"]:
        stappen.append(("documenten", _("Documenten")))
    stappen += [("controleren", _("Controleren en versturen")), ("klaar", _("Verstuurd"))]
    return [{"code": c, "naam": n, "huidig": c == huidige} for c, n in stappen]


def _aanvraagcontext(request, klant, aanvraag, stap: str, **extra) -> dict:
    inhoud = aanvraag_services.aanvraag_inhoud(aanvraag)
    return {
        "klant": klant,
        "aanvraag": aanvraag,
        "product": aanvraag.product,
        "inhoud": inhoud,
        "stappen": _stappen(aanvraag, inhoud, stap),
        "bekend": klant.bekende_gegevens(inhoud["prefill"], adres_afschermen=False),
        **extra,
    }


def _al_verstuurd(request, aanvraag):
    """The draft was sent in the meantime (another tab, a double click): what
    was sent stands; show it instead of an error."""
    messages.info(request, _("Deze aanvraag was al verstuurd. Dit is wat wij ontvingen."))
    return redirect("portaal:aanvraag-klaar", aanvraag_uuid=aanvraag.uuid)


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_aanvraag(request, aanvraag_uuid):
    """Step 1: what we know (shown, not asked) and the product's questions.
    "Bewaren" keeps the draft as it is; "Volgende" checks the answers."""
    klant = ingelogde_klant(request)
    aanvraag = _eigen_aanvraag(klant, aanvraag_uuid)
    if not aanvraag.is_concept:
        return redirect("portaal:aanvraag-klaar", aanvraag_uuid=aanvraag.uuid)
    if request.method == "POST":
        return _gegevens_verwerken(request, klant, aanvraag)
    return _gegevens_tonen(request, klant, aanvraag)


def _gegevens_tonen(request, klant, aanvraag):
    vragen = aanvraag_services.aanvraag_inhoud(aanvraag)["vragen"]
    formulier = formulier_voor(
        vragen, initial=formulier_initial(vragen, aanvraag.antwoorden), prefix="v"
    )
    return render(
        request,
        "pip/aanvraag_formulier.html",
        _aanvraagcontext(request, klant, aanvraag, "gegevens", formulier=formulier),
    )


def _gegevens_verwerken(request, klant, aanvraag):
    """The first page sent: keep the answers as typed; go on when they are right."""
    # The questions follow the answers: saying yes to a part of a
    # compound product adds that part's questions to this page.
    gepost = {k[2:]: v for k, v in request.POST.items() if k.startswith("v-")}
    vragen = aanvraag_services.aanvraag_inhoud(aanvraag, gepost)["vragen"]
    formulier = formulier_voor(vragen, data=request.POST, prefix="v")
    antwoorden = {s: request.POST.get(f"v-{s}", "") for s in formulier.fields}
    bewaren = request.POST.get("actie") == "bewaren"
    try:
        aanvraag_services.antwoorden_lengte_eisen(antwoorden)
    except ValidationError as fout:
        fouten_overnemen(formulier, fout)
        return _gegevens_fout(request, klant, aanvraag, formulier)
    if aanvraag.pk is None:
        # Nothing is kept until the customer saves or the first page is
        # right: a "Volgende stap" on an empty form leaves no draft behind.
        if not bewaren and not formulier.is_valid():
            aanvraag.antwoorden = {s: w for s, w in antwoorden.items() if w}
            return _gegevens_fout(request, klant, aanvraag, formulier)
        aanvraag = aanvraag_services.aanvraag_beginnen(
            klant=klant, user=request.user, product=aanvraag.product, inlog=huidige_inlog(request)
        )
    try:
        aanvraag = aanvraag_services.aanvraag_bewaren(
            aanvraag=aanvraag, user=request.user, antwoorden=antwoorden
        )
    except aanvraag_services.AanvraagAlVerstuurd:
        return _al_verstuurd(request, aanvraag)
    if bewaren:
        messages.success(
            request,
            _("Uw aanvraag is bewaard. U kunt later verder gaan via Aanvragen."),
        )
        return redirect("portaal:aanvragen")
    if formulier.is_valid():
        volgende = (
            "portaal:aanvraag-documenten"
            if aanvraag_services.aanvraag_inhoud(aanvraag)["documenten"]
            else "portaal:aanvraag-controleren"
        )
        return redirect(volgende, aanvraag_uuid=aanvraag.uuid)
    return _gegevens_fout(request, klant, aanvraag, formulier)


def _gegevens_fout(request, klant, aanvraag, formulier):
    return render(
        request,
        "pip/aanvraag_formulier.html",
        _aanvraagcontext(request, klant, aanvraag, "gegevens", formulier=formulier),
        status=400,
    )


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_aanvraag_documenten(request, aanvraag_uuid):
    """Step 2: the documents the product asks for, each checked on upload."""
    klant = ingelogde_klant(request)
    aanvraag = _eigen_aanvraag(klant, aanvraag_uuid)
    if not aanvraag.is_concept:
        return redirect("portaal:aanvraag-klaar", aanvraag_uuid=aanvraag.uuid)
    fouten: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        if request.POST.get("verwijderen"):
            document = per_uuid_of_404(
                AanvraagDocument.objects.filter(aanvraag=aanvraag), request.POST["verwijderen"]
            )
            try:
                aanvraag_services.aanvraag_document_verwijderen(
                    document=document, user=request.user
                )
            except aanvraag_services.AanvraagAlVerstuurd:
                return _al_verstuurd(request, aanvraag)
            messages.success(request, _("Het bestand is verwijderd."))
            return redirect("portaal:aanvraag-documenten", aanvraag_uuid=aanvraag.uuid)
        naam = request.POST.get("naam", "")
        bestand = request.FILES.get("bestand")
        if bestand is None:
            fouten[naam] = _("Kies een bestand.")
        else:
            try:
                aanvraag_services.aanvraag_document_toevoegen(
                    aanvraag=aanvraag, user=request.user, bestand=bestand, naam=naam
                )
            except aanvraag_services.AanvraagAlVerstuurd:
                return _al_verstuurd(request, aanvraag)
            except ValidationError as fout:
                fouten[naam] = " ".join(fout.messages)
        if not fouten:
            messages.success(request, _("Het bestand is toegevoegd."))
            return redirect("portaal:aanvraag-documenten", aanvraag_uuid=aanvraag.uuid)
        status = 400
    geupload = {d.naam: d for d in aanvraag.documenten.all()}
    inhoud = aanvraag_services.aanvraag_inhoud(aanvraag)
    vereisten = [
        {
            **d,
            "veld": f"document-{i}",
            "document": geupload.get(d["naam"]),
            "fout": fouten.get(d["naam"], ""),
        }
        for i, d in enumerate(inhoud["documenten"])
    ]
    return render(
        request,
        "pip/aanvraag_documenten.html",
        _aanvraagcontext(request, klant, aanvraag, "documenten", vereisten=vereisten),
        status=status,
    )


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_aanvraag_controleren(request, aanvraag_uuid):
    """Step 3: everything on one page; "Versturen" makes it one case, however
    often it is pressed."""
    klant = ingelogde_klant(request)
    aanvraag = _eigen_aanvraag(klant, aanvraag_uuid)
    if not aanvraag.is_concept and request.method == "GET":
        return redirect("portaal:aanvraag-klaar", aanvraag_uuid=aanvraag.uuid)
    fouten: dict = {}
    if request.method == "POST":
        try:
            aanvraag_services.aanvraag_indienen(
                aanvraag=aanvraag, user=request.user, inlog=huidige_inlog(request)
            )
        except aanvraag_services.NiveauTeLaag as fout:
            return hoger_niveau_nodig(request, fout, request.path)
        except ValidationError as fout:
            fouten = fout.message_dict
        else:
            return redirect("portaal:aanvraag-klaar", aanvraag_uuid=aanvraag.uuid)
    else:
        fouten = aanvraag_services.antwoorden_fouten(aanvraag)
        ontbrekend = aanvraag_services.ontbrekende_documenten(aanvraag)
        if ontbrekend:
            fouten["documenten"] = [
                _("Voeg dit document toe: %(naam)s.") % {"naam": n} for n in ontbrekend
            ]
    inhoud = aanvraag_services.aanvraag_inhoud(aanvraag)
    formulier = formulier_voor(inhoud["vragen"])
    antwoorden = []
    for vraag in inhoud["vragen"]:
        waarde = aanvraag.antwoorden.get(vraag["sleutel"], "")
        veld = formulier.fields[vraag["sleutel"]]
        if hasattr(veld, "choices"):
            waarde = dict(veld.choices).get(waarde, waarde)
        else:
            waarde = antwoord_leesbaar(vraag, waarde)
        antwoorden.append(
            {"vraag": vraag["vraag"], "antwoord": waarde, "fout": fouten.get(vraag["sleutel"])}
        )
    return render(
        request,
        "pip/aanvraag_controleren.html",
        _aanvraagcontext(
            request,
            klant,
            aanvraag,
            "controleren",
            antwoorden=antwoorden,
            documenten=list(aanvraag.documenten.all()),
            fouten=fouten,
            kosten=aanvraag.product.kanalen.filter(kanaal=KanaalSoort.INTERNET).first(),
        ),
        status=400 if request.method == "POST" else 200,
    )


@require_GET
@klant_required
def portaal_aanvraag_klaar(request, aanvraag_uuid):
    """Step 4: the confirmation, with the case number and expected date."""
    klant = ingelogde_klant(request)
    aanvraag = _eigen_aanvraag(klant, aanvraag_uuid)
    if aanvraag.is_concept:
        return redirect("portaal:aanvraag", aanvraag_uuid=aanvraag.uuid)
    zaak = aanvraag.zaak
    return render(
        request,
        "pip/aanvraag_klaar.html",
        _aanvraagcontext(
            request,
            klant,
            aanvraag,
            "klaar",
            zaak=zaak,
            deelzaken=list(zaak.deelzaken.select_related("product").order_by("id")),
        ),
    )


@require_POST
@klant_required
def portaal_aanvraag_verwijderen(request, aanvraag_uuid):
    klant = ingelogde_klant(request)
    aanvraag = _eigen_aanvraag(klant, aanvraag_uuid)
    vraag = bevestiging_gevraagd(
        request,
        vraag=_("Uw bewaarde aanvraag %(product)s verwijderen?") % {"product": aanvraag.product},
        uitleg=_("Wat u invulde en de bestanden die u toevoegde, zijn daarna weg."),
        knop=_("Ja, verwijderen"),
        terug=reverse("portaal:aanvragen"),
        basis="pip/base.html",
    )
    if vraag is not None:
        return vraag
    try:
        aanvraag_services.aanvraag_verwijderen(aanvraag=aanvraag, user=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("Uw bewaarde aanvraag is verwijderd."))
    return redirect("portaal:aanvragen")
