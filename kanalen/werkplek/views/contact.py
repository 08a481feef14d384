"""Registering a contact: with a known customer (from the klantbeeld, maybe
during a call) or without one.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kanalen.telefonie import services as telefonie_services
from kanalen.werkplek.contactformulier import (
    anoniem_formulier,
    contact_met_gesprek,
    gesprek_van_medewerker,
)
from kanalen.werkplek.forms import KlantcontactForm
from kanalen.werkplek.views.klantbeeld import (
    KLANTBEELD_INZIEN,
    ingevulde_contactvelden,
    kennis_zoeken,
    klant_openen,
    klantbeeld_pagina,
)
from kcc.access import medewerker_required
from kcc.forms import fouten_overnemen
from klanten import services as klant_services
from klanten.models import Contactverzoek
from producten import selectors as producten_selectors
from zaken.models import Zaak


@require_POST
@medewerker_required(KLANTBEELD_INZIEN)
def contact_registreren(request, klant_uuid):
    if "kennis_zoeken" in request.POST or "kennisitem_kiezen" in request.POST:
        # The knowledge search inside the contact form (without JavaScript):
        # the page comes back with the answers, and with everything typed so
        # far and the contact's start time kept. Nothing is registered.
        klant = klant_openen(request, klant_uuid, "Klantbeeld: kennisbank gezocht tijdens contact")
        return klantbeeld_pagina(request, klant, ingevuld=ingevulde_contactvelden(request.POST))
    klant = klant_openen(request, klant_uuid, "Klantcontact vastleggen")
    formulier = KlantcontactForm(request.POST)
    over_zaak = _over_zaak(klant, request.POST.get("zaak", ""))
    antwoord_op = _antwoord_op(klant, request.POST.get("antwoord_op", ""))
    if over_zaak is False:
        formulier.is_valid()
        formulier.add_error(None, _("Kies een zaak van deze klant, of geen zaak."))
    elif antwoord_op is False:
        formulier.is_valid()
        formulier.add_error(
            None, _("Kies een open contactverzoek van deze klant, of geen contactverzoek.")
        )
    elif formulier.is_valid():
        data = formulier.cleaned_data
        kennisitem = (
            producten_selectors.kennisitems_gepubliceerd().filter(uuid=data["kennisitem"]).first()
            if data["kennisitem"]
            else None
        )
        gesprek = gesprek_van_medewerker(request, data.get("gesprek"))
        tijd_van_gesprek = telefonie_services.contact_bij_gesprek(
            gesprek=gesprek, user=request.user
        )
        doorzetten = data["vervolg"] == "contactverzoek"
        try:
            with transaction.atomic():
                contact = contact_met_gesprek(
                    gesprek,
                    tijd_van_gesprek,
                    klant=klant,
                    user=request.user,
                    kanaal=data["kanaal"],
                    richting=data["richting"],
                    product=data["product"],
                    onderwerp=data["onderwerp"],
                    vraag=data["vraag"],
                    antwoord=data["antwoord"],
                    kennisitem=kennisitem,
                    kennis_geholpen={"ja": True, "nee": False}.get(data["kennis_geholpen"]),
                    in_een_keer_goed=data["in_een_keer_goed"] == "ja",
                    namens=data["namens"],
                    zaak=over_zaak,
                    tijd=klant_services.Contacttijd(gestart_op=data["gestart_op"]),
                    overgedragen_aan=data["afdeling"] if doorzetten else None,
                    doorzetten=(
                        {"afdeling": data["afdeling"], "medewerker": data["medewerker"]}
                        if doorzetten
                        else None
                    ),
                )
                if antwoord_op is not None:
                    _contactverzoek_beantwoorden(antwoord_op, contact, request.user)
        except ValidationError as fout:
            fouten_overnemen(formulier, fout)
        else:
            if data["vervolg"] == "zaak":
                messages.success(request, _("Het contact is vastgelegd. Vul nu de aanvraag in."))
                return redirect(
                    reverse("werkplek:aanvraag", kwargs={"klant_uuid": klant.uuid})
                    + f"?product={data['product'].uuid}&kanaal={data['kanaal']}"
                    + f"&contact={contact.uuid}"
                )
            messages.success(
                request,
                _("Het contact is vastgelegd.")
                + (
                    " "
                    + _("Het contactverzoek staat bij %(afdeling)s.")
                    % {"afdeling": data["afdeling"] or data["medewerker"]}
                    if data["vervolg"] == "contactverzoek"
                    else ""
                ),
            )
            return redirect("werkplek:klantbeeld", klant_uuid=klant.uuid)
    return klantbeeld_pagina(request, klant, contactformulier=formulier, status=400)


def _antwoord_op(klant, waarde: str):
    """The open contactverzoek of this customer that the contact answers:
    None when none was chosen, False when the choice is not one of them."""
    if not waarde:
        return None
    try:
        sleutel = uuid.UUID(waarde)
    except ValueError:
        return False
    verzoek = Contactverzoek.objects.filter(klant=klant, uuid=sleutel).first()
    return verzoek if verzoek is not None and verzoek.is_open else False


def _contactverzoek_beantwoorden(verzoek, contact, user) -> None:
    """Close ``verzoek`` with the contact's answer, which the customer sees;
    refused (with the contact) when this agent may not handle it."""
    if not contact.antwoord:
        raise ValidationError(
            {"antwoord": [_("Schrijf het antwoord op: de klant ziet het bij het contactverzoek.")]}
        )
    try:
        klant_services.contactverzoek_afhandelen(
            contactverzoek=verzoek, user=user, uitkomst=contact.antwoord, in_contact=contact
        )
    except PermissionDenied:
        raise ValidationError(
            _(
                "Dit contactverzoek ligt bij %(wie)s; alleen daar of een teamleider "
                "handelt het af. Leg het contact vast zonder contactverzoek."
            )
            % {"wie": verzoek.afdeling or verzoek.medewerker}
        ) from None


def _over_zaak(klant, waarde: str):
    """The case a contact is about (a question about one of the customer's
    cases joins that case's thread): None when none was chosen, False when
    the choice is not one of this customer's cases."""
    if not waarde:
        return None
    try:
        return Zaak.objects.filter(klant=klant, uuid=uuid.UUID(waarde)).first() or False
    except ValueError:
        return False


@require_http_methods(["GET", "POST"])
@medewerker_required()
def anoniem_contact(request):
    """A general question without identification: it counts all the same."""
    formulier = anoniem_formulier(
        request.POST if request.method == "POST" else None,
        gesprek=gesprek_van_medewerker(request, request.GET.get("gesprek")),
    )
    if request.method == "POST" and formulier.is_valid():
        data = formulier.cleaned_data
        gesprek = gesprek_van_medewerker(request, data.get("gesprek"))
        try:
            with transaction.atomic():
                contact_met_gesprek(
                    gesprek,
                    telefonie_services.contact_bij_gesprek(gesprek=gesprek, user=request.user),
                    klant=None,
                    user=request.user,
                    kanaal=data["kanaal"],
                    richting=data["richting"],
                    product=data["product"],
                    onderwerp=data["onderwerp"],
                    vraag=data["vraag"],
                    antwoord=data["antwoord"],
                    in_een_keer_goed=data["in_een_keer_goed"] == "ja",
                    tijd=klant_services.Contacttijd(gestart_op=data["gestart_op"]),
                    contactnaam=request.POST.get("contactnaam", ""),
                )
        except ValidationError as fout:
            fouten_overnemen(formulier, fout)
        else:
            messages.success(request, _("Het anonieme contact is vastgelegd."))
            return redirect("werkplek:index")
    return render(
        request,
        "werkplek/anoniem_contact.html",
        {"formulier": formulier},
        status=400 if formulier.is_bound and formulier.errors else 200,
    )


@require_GET
@medewerker_required(KLANTBEELD_INZIEN)
def contact_kennis(request):
    """The answers of the contact form's knowledge search, for the page to
    show in place (the search then keeps the form as it is)."""
    zoekterm = request.GET.get("kennis", "").strip()[:200]
    return render(
        request,
        "werkplek/kennis_resultaten.html",
        {"kennis": kennis_zoeken(zoekterm), "kennis_term": zoekterm},
    )
