"""The citizen portal (PIP, Mijn omgeving): apply online, follow every
request and contact, keep one's own data, ask, complain and rate.

Every object is looked up *within the logged-in customer's own records*, so
another customer's case, document, application or contact answers 404,
exactly like one that does not exist.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kanalen import aanvragen as aanvraag_services
from kanalen import selectors as kanaal_selectors
from kanalen import services as kanaal_services
from kanalen.forms import (
    BeoordelingForm,
    ContactgegevensPortaalForm,
    VraagOfKlachtForm,
    fouten_overnemen,
)
from kanalen.models import Aanvraag, AanvraagDocument
from kcc import bestanden
from kcc.access import klant_required, per_uuid_of_404
from kcc.choices import KanaalSoort
from klanten import services as klant_services
from klanten.models import Klant, Klantcontact, Toestemming
from klanten.selectors import eigen_contacten, eigen_contactverzoeken, klant_van_gebruiker
from producten import selectors as producten_selectors
from producten.formulier import formulier_initial, formulier_voor
from zaken import selectors as zaken_selectors
from zaken import services as zaken_services
from zaken.models import ZaakStatus


def _klant(request) -> Klant | None:
    """The logged-in customer's record; a citizen the platform does not know
    yet is made from the person register on first use."""
    klant = klant_van_gebruiker(user=request.user)
    if klant is None and request.user.bsn:
        klant = klant_services.klant_met_bsn(bsn=request.user.bsn, user=request.user)
    return klant


def _klant_of_404(request) -> Klant:
    klant = _klant(request)
    if klant is None:
        raise Http404
    return klant


@require_GET
@klant_required
def portaal_index(request):
    klant = _klant(request)
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


# --- Mijn zaken -------------------------------------------------------------------


@require_GET
@klant_required
def portaal_zaken(request):
    klant = _klant(request)
    zaken = zaken_selectors.eigen_zaken(klant=klant) if klant else []
    return render(
        request,
        "pip/zaken.html",
        {
            "klant": klant,
            "open_zaken": [z for z in zaken if z.is_open],
            "afgesloten_zaken": [z for z in zaken if not z.is_open],
        },
    )


def _zaakpagina(request, klant, zaak, *, antwoordformulier=None, status=200):
    return render(
        request,
        "pip/zaak.html",
        {
            "klant": klant,
            "zaak": zaak,
            "tijdlijn": zaken_selectors.burgertijdlijn(zaak=zaak),
            "deelzaken": list(zaak.deelzaken.select_related("product").order_by("id")),
            "berichten": list(zaak.berichten.order_by("-aangemaakt")),
            "vraag": zaken_selectors.openstaande_vraag(zaak=zaak),
            "documentvereisten": zaak.productversie.inhoud.get("documenten", []),
            "antwoordfout": antwoordformulier,
            "beoordeling": getattr(zaak, "beoordeling", None) if not zaak.is_open else None,
            "kan_beoordelen": zaak.status in (ZaakStatus.AFGEHANDELD, ZaakStatus.AFGEWEZEN),
        },
        status=status,
    )


@require_GET
@klant_required
def portaal_zaak(request, zaak_uuid):
    klant = _klant(request)
    zaak = zaken_selectors.eigen_zaak(klant=klant, zaak_uuid=zaak_uuid)
    return _zaakpagina(request, klant, zaak)


@require_POST
@klant_required
def portaal_zaak_antwoorden(request, zaak_uuid):
    """Answer the municipality's question, with a document if asked: the case
    goes on (the clock runs again)."""
    klant = _klant(request)
    zaak = zaken_selectors.eigen_zaak(klant=klant, zaak_uuid=zaak_uuid)
    antwoord = request.POST.get("antwoord", "").strip()
    bestand = request.FILES.get("bestand")
    if zaak.status != ZaakStatus.WACHT_OP_KLANT:
        messages.info(request, _("Wij wachten niet (meer) op informatie van u."))
        return redirect("portaal:zaak", zaak_uuid=zaak.uuid)
    fouten = {}
    if not antwoord and bestand is None:
        fouten["antwoord"] = _("Schrijf uw antwoord of kies een bestand.")
    if len(antwoord) > 4000:
        fouten["antwoord"] = _("Gebruik hoogstens 4000 tekens.")
    if not fouten:
        try:
            with transaction.atomic():
                if bestand is not None:
                    zaken_services.zaak_document_toevoegen(
                        zaak=zaak,
                        user=request.user,
                        bestand=bestand,
                        naam=request.POST.get("documentnaam") or _("Aanvulling"),
                    )
                zaken_services.zaak_hervatten(
                    zaak=zaak,
                    user=request.user,
                    reden=_("Antwoord van de klant: %(antwoord)s")
                    % {"antwoord": antwoord or _("document gestuurd")},
                    verwachte_status=ZaakStatus.WACHT_OP_KLANT,
                )
        except ValidationError as fout:
            fouten["bestand" if bestand is not None else "antwoord"] = " ".join(fout.messages)
        except zaken_services.ZaakConflict:
            messages.info(request, _("Wij wachten niet (meer) op informatie van u."))
            return redirect("portaal:zaak", zaak_uuid=zaak.uuid)
        else:
            messages.success(
                request, _("Dank u wel. Wij hebben uw antwoord ontvangen en gaan verder.")
            )
            return redirect("portaal:zaak", zaak_uuid=zaak.uuid)
    return _zaakpagina(
        request,
        klant,
        zaak,
        antwoordformulier={"fouten": fouten, "antwoord": antwoord},
        status=400,
    )


@require_POST
@klant_required
def portaal_zaak_document(request, zaak_uuid):
    """Send a document for an open case (e.g. one that was still missing)."""
    klant = _klant(request)
    zaak = zaken_selectors.eigen_zaak(klant=klant, zaak_uuid=zaak_uuid)
    try:
        zaken_services.zaak_document_toevoegen(
            zaak=zaak,
            user=request.user,
            bestand=request.FILES.get("bestand"),
            naam=request.POST.get("documentnaam", ""),
        )
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("Het document is toegevoegd aan uw aanvraag."))
    return redirect(reverse("portaal:zaak", kwargs={"zaak_uuid": zaak.uuid}) + "#documenten")


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_zaak_intrekken(request, zaak_uuid):
    klant = _klant(request)
    zaak = zaken_selectors.eigen_zaak(klant=klant, zaak_uuid=zaak_uuid)
    if not zaak.is_open:
        messages.info(request, _("Deze aanvraag is al afgesloten."))
        return redirect("portaal:zaak", zaak_uuid=zaak.uuid)
    if request.method == "POST":
        try:
            zaken_services.zaak_intrekken(
                zaak=zaak, user=request.user, reden=request.POST.get("reden", "")[:500]
            )
        except (ValidationError, zaken_services.ZaakConflict) as fout:
            messages.error(request, " ".join(getattr(fout, "messages", [str(fout)])))
        else:
            messages.success(request, _("Uw aanvraag is ingetrokken."))
        return redirect("portaal:zaak", zaak_uuid=zaak.uuid)
    return render(request, "pip/intrekken.html", {"klant": klant, "zaak": zaak})


@require_GET
@klant_required
def portaal_document(request, document_uuid):
    document = zaken_selectors.document_openen(document_uuid=document_uuid, user=request.user)
    return bestanden.download(
        document.bestand, bestandsnaam=document.bestandsnaam, soort=document.bestandstype
    )


# --- Aanvragen ----------------------------------------------------------------------


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
    klant = _klant(request)
    return render(
        request,
        "pip/aanvragen.html",
        {
            "klant": klant,
            "producten": producten_selectors.productkeuzes(
                kanaal=KanaalSoort.INTERNET, aanvragen=True
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
    """Start a request for a product, or carry on with the draft for it."""
    klant = _klant(request)
    product = get_object_or_404(producten_selectors.producten_aangeboden(), code=code)
    if klant is None:
        messages.error(
            request,
            _("Wij kunnen u niet vinden in onze registratie. Bel ons, dan helpen wij u verder."),
        )
        return redirect("portaal:aanvragen")
    try:
        aanvraag = aanvraag_services.aanvraag_beginnen(
            klant=klant, user=request.user, product=product
        )
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
        return redirect("publiek:product", code=product.code)
    return redirect("portaal:aanvraag", aanvraag_uuid=aanvraag.uuid)


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
    klant = _klant(request)
    aanvraag = _eigen_aanvraag(klant, aanvraag_uuid)
    if not aanvraag.is_concept:
        return redirect("portaal:aanvraag-klaar", aanvraag_uuid=aanvraag.uuid)
    if request.method == "POST":
        # The questions follow the answers: saying yes to a part of a
        # compound product adds that part's questions to this page.
        gepost = {k[2:]: v for k, v in request.POST.items() if k.startswith("v-")}
        vragen = aanvraag_services.aanvraag_inhoud(aanvraag, gepost)["vragen"]
        formulier = formulier_voor(vragen, data=request.POST, prefix="v")
        antwoorden = {s: request.POST.get(f"v-{s}", "") for s in formulier.fields}
        try:
            aanvraag = aanvraag_services.aanvraag_bewaren(
                aanvraag=aanvraag, user=request.user, antwoorden=antwoorden
            )
        except aanvraag_services.AanvraagAlVerstuurd:
            return _al_verstuurd(request, aanvraag)
        if request.POST.get("actie") == "bewaren":
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
        status = 400
    else:
        vragen = aanvraag_services.aanvraag_inhoud(aanvraag)["vragen"]
        formulier = formulier_voor(
            vragen, initial=formulier_initial(vragen, aanvraag.antwoorden), prefix="v"
        )
        status = 200
    return render(
        request,
        "pip/aanvraag_formulier.html",
        _aanvraagcontext(request, klant, aanvraag, "gegevens", formulier=formulier),
        status=status,
    )


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_aanvraag_documenten(request, aanvraag_uuid):
    """Step 2: the documents the product asks for, each checked on upload."""
    klant = _klant(request)
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
    klant = _klant(request)
    aanvraag = _eigen_aanvraag(klant, aanvraag_uuid)
    if not aanvraag.is_concept and request.method == "GET":
        return redirect("portaal:aanvraag-klaar", aanvraag_uuid=aanvraag.uuid)
    fouten: dict = {}
    if request.method == "POST":
        try:
            aanvraag_services.aanvraag_indienen(aanvraag=aanvraag, user=request.user)
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
    klant = _klant(request)
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
    klant = _klant(request)
    aanvraag = _eigen_aanvraag(klant, aanvraag_uuid)
    try:
        aanvraag_services.aanvraag_verwijderen(aanvraag=aanvraag, user=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("Uw bewaarde aanvraag is verwijderd."))
    return redirect("portaal:aanvragen")


# --- Mijn gegevens ------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_gegevens(request):
    """The data we hold, contact details and message preference to correct,
    consents, a download of everything, and who looked at the data."""
    klant = _klant(request)
    status = 200
    if klant is not None and request.method == "POST":
        formulier = ContactgegevensPortaalForm(request.POST)
        if formulier.is_valid():
            try:
                klant_services.klant_contactgegevens_wijzigen(
                    klant=klant, user=request.user, **formulier.cleaned_data
                )
            except ValidationError as fout:
                fouten_overnemen(formulier, fout)
            else:
                messages.success(request, _("Uw contactgegevens zijn bijgewerkt."))
                return redirect("portaal:gegevens")
        status = 400
    else:
        formulier = ContactgegevensPortaalForm(
            initial={
                "email": klant.email,
                "telefoon": klant.telefoon,
                "berichtvoorkeur": klant.berichtvoorkeur,
            }
            if klant
            else None
        )
    return render(
        request,
        "pip/gegevens.html",
        {
            "klant": klant,
            "form": formulier,
            "toestemmingen": {t.soort: t for t in klant.toestemmingen.all() if t.actief}
            if klant
            else {},
            "toestemming_soorten": Toestemming.Soort.choices,
            "inzage": kanaal_selectors.inzage_door_medewerkers(klant=klant) if klant else [],
        },
        status=status,
    )


@require_POST
@klant_required
def portaal_toestemming(request):
    klant = _klant_of_404(request)
    soort = request.POST.get("soort", "")
    try:
        if request.POST.get("actie") == "intrekken":
            klant_services.toestemming_intrekken(klant=klant, user=request.user, soort=soort)
            messages.success(request, _("U heeft uw toestemming ingetrokken."))
        else:
            klant_services.toestemming_geven(
                klant=klant, user=request.user, soort=soort, via=KanaalSoort.INTERNET
            )
            messages.success(request, _("Dank u wel, uw toestemming is vastgelegd."))
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    return redirect(reverse("portaal:gegevens") + "#toestemmingen")


@require_GET
@klant_required
def portaal_gegevens_downloaden(request):
    """Everything we hold about the customer, as a file (AVG art. 15 and 20)."""
    klant = _klant_of_404(request)
    dossier = kanaal_selectors.persoonsdossier(klant=klant)
    response = HttpResponse(
        json.dumps(dossier, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- Contacten, berichten, vraag of klacht, beoordelen ---------------------------------


@require_GET
@klant_required
def portaal_contacten(request):
    """Every contact on every channel, and the status of contactverzoeken."""
    klant = _klant(request)
    contacten = eigen_contacten(klant=klant) if klant else []
    return render(
        request,
        "pip/contacten.html",
        {
            "klant": klant,
            "contacten": contacten,
            "contactverzoeken": eigen_contactverzoeken(klant=klant) if klant else [],
            "te_beoordelen": {
                c.pk
                for c in contacten
                if not hasattr(c, "beoordeling") and kanaal_services.contact_is_afgerond(c)
            },
        },
    )


@require_GET
@klant_required
def portaal_berichten(request):
    klant = _klant(request)
    return render(
        request,
        "pip/berichten.html",
        {
            "klant": klant,
            "berichten": kanaal_selectors.eigen_berichten(klant=klant) if klant else [],
        },
    )


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_vraag(request):
    """Ask a question, complain or report: the KCC reacts within the deadline
    shown, which the customer follows in Mijn contacten."""
    klant = _klant(request)
    zaken = zaken_selectors.eigen_zaken(klant=klant) if klant else []
    status = 200
    if request.method == "POST" and klant is not None:
        formulier = VraagOfKlachtForm(request.POST, zaken=zaken)
        if formulier.is_valid():
            data = formulier.cleaned_data
            try:
                verzoek = kanaal_services.vraag_of_klacht_indienen(
                    klant=klant,
                    user=request.user,
                    soort=data["soort"],
                    tekst=data["tekst"],
                    onderwerp=data["onderwerp"],
                    zaak=data["zaak"],
                )
            except ValidationError as fout:
                fouten_overnemen(formulier, fout)
            else:
                messages.success(
                    request,
                    _(
                        "Dank u wel. Wij hebben uw bericht ontvangen en reageren uiterlijk op "
                        "%(datum)s."
                    )
                    % {"datum": f"{verzoek.uiterlijk_op:%d-%m-%Y}"},
                )
                return redirect("portaal:contacten")
        status = 400
    else:
        formulier = VraagOfKlachtForm(
            zaken=zaken,
            initial={
                "soort": request.GET.get("soort", Klantcontact.Soort.VRAAG),
                "zaak": request.GET.get("zaak", ""),
            },
        )
    return render(
        request,
        "pip/vraag.html",
        {"klant": klant, "form": formulier, "termijnen": kanaal_services.REACTIETERMIJN_WERKDAGEN},
        status=status,
    )


def _beoordelen(request, klant, *, zaak=None, klantcontact=None):
    item = zaak or klantcontact
    bestaand = getattr(item, "beoordeling", None)
    status = 200
    if request.method == "POST" and bestaand is None:
        formulier = BeoordelingForm(request.POST)
        if formulier.is_valid():
            try:
                kanaal_services.beoordeling_geven(
                    klant=klant,
                    user=request.user,
                    zaak=zaak,
                    klantcontact=klantcontact,
                    **formulier.cleaned_data,
                )
            except ValidationError as fout:
                fouten_overnemen(formulier, fout)
            else:
                messages.success(request, _("Dank u wel voor uw beoordeling!"))
                return (
                    redirect("portaal:zaak", zaak_uuid=zaak.uuid)
                    if zaak
                    else redirect("portaal:contacten")
                )
        status = 400
    else:
        formulier = BeoordelingForm()
    return render(
        request,
        "pip/beoordelen.html",
        {
            "klant": klant,
            "zaak": zaak,
            "contact": klantcontact,
            "bestaand": bestaand,
            "form": formulier,
            "kan": (
                zaak.status in (ZaakStatus.AFGEHANDELD, ZaakStatus.AFGEWEZEN)
                if zaak
                else kanaal_services.contact_is_afgerond(klantcontact)
            ),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_beoordelen_zaak(request, zaak_uuid):
    klant = _klant(request)
    zaak = zaken_selectors.eigen_zaak(klant=klant, zaak_uuid=zaak_uuid)
    return _beoordelen(request, klant, zaak=zaak)


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_beoordelen_contact(request, contact_uuid):
    klant = _klant_of_404(request)
    contact = get_object_or_404(Klantcontact.objects.filter(klant=klant), uuid=contact_uuid)
    return _beoordelen(request, klant, klantcontact=contact)
