"""Starting a case for a customer with the product's form."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kcc.access import medewerker_required, per_uuid_of_404
from kcc.choices import KanaalSoort
from klanten.models import Klantcontact
from klanten.selectors import klant_inzien
from producten import selectors as producten_selectors
from producten import services as producten_services
from producten.formulier import formulier_initial, formulier_voor, herbruikbare_antwoorden
from zaken import selectors as zaken_selectors
from zaken import services as zaken_services


@require_http_methods(["GET", "POST"])
@medewerker_required("kcc.klantbeeld_inzien")
def werkplek_aanvraag(request, klant_uuid):
    """Start a case for a customer (telefoon, balie, ...): the product's own
    form, with what the customer told us before already filled in, and a
    hand-over note for the afdeling."""
    klant = klant_inzien(
        klant_uuid=klant_uuid, user=request.user, reden="Aanvraag namens de klant", request=request
    )
    gegevens = request.POST if request.method == "POST" else request.GET
    product = per_uuid_of_404(producten_selectors.producten_aanvraagbaar(), gegevens.get("product"))
    versie = producten_services.product_huidige_versie(product=product)
    # A compound product asks the questions of the parts the answers choose.
    vragen = zaken_services.aanvraagvragen(
        versie, {k[2:]: v for k, v in gegevens.items() if k.startswith("v-")} or None
    )
    kanaal = gegevens.get("kanaal", KanaalSoort.TELEFOON)
    overdracht = request.POST.get("overdracht", "")
    contact = None
    if gegevens.get("contact"):
        contact = per_uuid_of_404(Klantcontact.objects.filter(klant=klant), gegevens["contact"])
    if request.method == "POST":
        formulier = formulier_voor(vragen, data=request.POST, prefix="v")
        if formulier.is_valid():
            try:
                zaak = zaken_services.zaak_registreren(
                    klant=klant,
                    product=product,
                    kanaal=kanaal,
                    antwoorden={s: formulier.data.get(f"v-{s}", "") for s in formulier.fields},
                    user=request.user,
                    overdracht=overdracht,
                    klantcontact=contact,
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for veld, fouten in error.error_dict.items():
                        formulier.add_error(veld if veld in formulier.fields else None, fouten)
                else:
                    messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("Zaak %(nummer)s is geregistreerd.") % {"nummer": zaak.nummer}
                )
                return redirect("zaken:zaak", zaak_uuid=zaak.uuid)
    else:
        eerder = herbruikbare_antwoorden(vragen, zaken_selectors.eerdere_antwoorden(klant=klant))
        formulier = formulier_voor(vragen, initial=formulier_initial(vragen, eerder), prefix="v")
    return render(
        request,
        "werkplek/aanvraag.html",
        {
            "klant": klant,
            "product": product,
            "inhoud": versie.inhoud,
            "formulier": formulier,
            "bekend": klant.bekende_gegevens(
                versie.inhoud.get("prefill", []), adres_afschermen=True
            ),
            "kanaal": kanaal,
            "kanalen": KanaalSoort.choices,
            "overdracht": overdracht,
            "contact": contact,
        },
    )
