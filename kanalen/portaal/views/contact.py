"""Mijn contacten, messages, a question or complaint, and rating what was done."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kanalen.berichten import selectors as bericht_selectors
from kanalen.portaal import beoordelingen as beoordeling_services
from kanalen.portaal import vragen as vraag_services
from kanalen.portaal.forms import BeoordelingForm, VraagOfKlachtForm
from kanalen.portaal.views.klant import ingelogde_klant, ingelogde_klant_of_404
from kcc import formaat
from kcc.access import klant_required
from kcc.forms import fouten_overnemen
from kcc.limiet import binnen_limiet
from kcc.paginering import pagina
from klanten.models import Klantcontact
from klanten.selectors import eigen_contacten, eigen_contactverzoeken
from zaken import selectors as zaken_selectors
from zaken.models import ZaakStatus


@require_GET
@klant_required
def portaal_contacten(request):
    """Every contact on every channel, and the status of contactverzoeken."""
    klant = ingelogde_klant(request)
    contacten = pagina(request, eigen_contacten(klant=klant) if klant else [])
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
                if not hasattr(c, "beoordeling") and beoordeling_services.contact_is_afgerond(c)
            },
        },
    )


@require_GET
@klant_required
def portaal_berichten(request):
    klant = ingelogde_klant(request)
    return render(
        request,
        "pip/berichten.html",
        {
            "klant": klant,
            "berichten": bericht_selectors.eigen_berichten(klant=klant) if klant else [],
        },
    )


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_vraag(request):
    """Ask a question, complain or report: the KCC reacts within the deadline
    shown, which the customer follows in Mijn contacten."""
    klant = ingelogde_klant(request)
    zaken = zaken_selectors.eigen_zaken(klant=klant) if klant else []
    status = 200
    if request.method == "POST" and klant is not None:
        formulier = VraagOfKlachtForm(request.POST, zaken=zaken)
        status = 400
        if formulier.is_valid() and not binnen_limiet(
            "vraag", str(klant.uuid), aantal=settings.PORTAAL_VRAGEN_PER_DAG, seconden=24 * 3600
        ):
            # A script on a stolen session filling the KCC's queue; a person
            # with this many questions in a day is better helped by phone.
            formulier.add_error(
                None,
                _(
                    "U heeft vandaag al veel vragen en klachten gestuurd. Wij behandelen die "
                    "eerst. Is het dringend? Bel ons."
                ),
            )
            status = 429
        elif formulier.is_valid():
            data = formulier.cleaned_data
            try:
                verzoek = vraag_services.vraag_of_klacht_indienen(
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
                    % {"datum": formaat.datum_lang(verzoek.uiterlijk_op)},
                )
                return redirect("portaal:contacten")
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
        {"klant": klant, "form": formulier, "termijnen": vraag_services.REACTIETERMIJN_WERKDAGEN},
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
                beoordeling_services.beoordeling_geven(
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
                else beoordeling_services.contact_is_afgerond(klantcontact)
            ),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_beoordelen_zaak(request, zaak_uuid):
    klant = ingelogde_klant(request)
    zaak = zaken_selectors.eigen_zaak(klant=klant, zaak_uuid=zaak_uuid)
    return _beoordelen(request, klant, zaak=zaak)


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_beoordelen_contact(request, contact_uuid):
    klant = ingelogde_klant_of_404(request)
    contact = get_object_or_404(Klantcontact.objects.filter(klant=klant), uuid=contact_uuid)
    return _beoordelen(request, klant, klantcontact=contact)
