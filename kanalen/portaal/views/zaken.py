"""Mijn zaken: the customer's cases, answering a question about one, adding a
document, withdrawing.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kanalen.portaal.views.klant import ingelogde_klant
from kcc import bestanden
from kcc.access import klant_required
from zaken import selectors as zaken_selectors
from zaken import services as zaken_services
from zaken.models import ZaakStatus


@require_GET
@klant_required
def portaal_zaken(request):
    klant = ingelogde_klant(request)
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
            "contacten": zaken_selectors.contacten_over_zaak(zaak=zaak),
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
    klant = ingelogde_klant(request)
    zaak = zaken_selectors.eigen_zaak(klant=klant, zaak_uuid=zaak_uuid)
    return _zaakpagina(request, klant, zaak)


@require_POST
@klant_required
def portaal_zaak_antwoorden(request, zaak_uuid):
    """Answer the municipality's question, with a document if asked: the case
    goes on (the clock runs again)."""
    klant = ingelogde_klant(request)
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
    klant = ingelogde_klant(request)
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
    klant = ingelogde_klant(request)
    zaak = zaken_selectors.eigen_zaak(klant=klant, zaak_uuid=zaak_uuid)
    if not zaak.is_open:
        messages.info(request, _("Deze aanvraag is al afgesloten."))
        return redirect("portaal:zaak", zaak_uuid=zaak.uuid)
    reden = request.POST.get("reden", "")
    if request.method == "POST" and len(reden) > 500:
        # Refused with what was typed, never cut.
        messages.error(request, _("Uw reden is te lang: maximaal 500 tekens."))
        return render(
            request,
            "pip/intrekken.html",
            {"klant": klant, "zaak": zaak, "reden": reden},
            status=400,
        )
    if request.method == "POST":
        try:
            zaken_services.zaak_intrekken(zaak=zaak, user=request.user, reden=reden)
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
