"""Mijn gegevens: what the municipality knows, contact details, consents, the
download of everything.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kanalen.inzage import selectors as inzage_selectors
from kanalen.portaal.forms import ContactgegevensPortaalForm
from kanalen.portaal.views.klant import ingelogde_klant, ingelogde_klant_of_404
from kcc.access import klant_required
from kcc.choices import KanaalSoort
from kcc.forms import fouten_overnemen
from klanten import services as klant_services
from klanten.models import Toestemming


@require_http_methods(["GET", "POST"])
@klant_required
def portaal_gegevens(request):
    """The data we hold, contact details and message preference to correct,
    consents, a download of everything, and who looked at the data."""
    klant = ingelogde_klant(request)
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
            "inzage": inzage_selectors.inzage_door_medewerkers(klant=klant) if klant else [],
        },
        status=status,
    )


@require_POST
@klant_required
def portaal_toestemming(request):
    klant = ingelogde_klant_of_404(request)
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
    klant = ingelogde_klant_of_404(request)
    dossier = inzage_selectors.persoonsdossier(klant=klant, voor_medewerker=False)
    response = HttpResponse(
        inzage_selectors.dossier_json(dossier),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    response["Cache-Control"] = "private, no-store"
    return response
