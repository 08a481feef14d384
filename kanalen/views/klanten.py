"""The klantbeeld and what an agent does from it: register the contact,
answer from the knowledge base, hand over, message the customer, correct
their details, consents, the register, duplicates, and the AVG dossier."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kanalen import selectors as kanaal_selectors
from kanalen import services as kanaal_services
from kanalen import telefonie
from kanalen.forms import (
    BerichtForm,
    ContactgegevensForm,
    KlantcontactForm,
    fouten_overnemen,
)
from kanalen.models import Gesprek
from kcc.access import medewerker_required, per_uuid_of_404
from kcc.audit import Actie, audit_log
from kcc.choices import KanaalSoort
from klanten import selectors as klant_selectors
from klanten import services as klant_services
from klanten.models import Klant, Toestemming
from producten import selectors as producten_selectors

_KLANTBEELD = "kcc.klantbeeld_inzien"


def _klant(request, klant_uuid, reden: str) -> Klant:
    return klant_selectors.klant_inzien(
        klant_uuid=klant_uuid, user=request.user, reden=reden, request=request
    )


def _aanvraagbare_producten() -> list[dict]:
    """Products an agent can start a request for, as the list shows them
    (from the cache for half a minute; the request page checks again)."""
    from django.core.cache import cache

    sleutel = "keuzes:aanvraagbare-producten"
    producten = cache.get(sleutel)
    if producten is None:
        producten = [
            {"uuid": str(p.uuid), "naam": p.naam}
            for p in producten_selectors.productkeuzes(aanvragen=True)
        ]
        cache.set(sleutel, producten, 30)
    return producten


def _klantbeeld(request, klant, *, contactformulier=None, status=200):
    """The klantbeeld page with the forms as they are (fresh, or with errors)."""
    contactvelden = gesprek = None
    kennis_term = request.GET.get("kennis", "").strip()[:200]
    kennis = (
        producten_selectors.kennisitems_zoeken(zoekterm=kennis_term, limit=5)
        if kennis_term
        else None
    )
    if contactformulier is None:
        initial = {"gestart_op": timezone.now(), "kanaal": request.GET.get("kanaal", "telefoon")}
        gesprek = _gesprek(request, request.GET.get("gesprek"))
        if gesprek is not None:  # the screen pop of a call this agent answered
            initial.update(gesprek=gesprek.uuid, kanaal=KanaalSoort.TELEFOON)
            initial["gestart_op"] = gesprek.beantwoord_op or gesprek.aangeboden_op
        gekozen = request.GET.get("kennisitem")
        if gekozen:
            item = (
                producten_selectors.kennisitems_gepubliceerd()
                .filter(uuid=gekozen)
                .prefetch_related("producten")
                .first()
                if _is_uuid(gekozen)
                else None
            )
            if item is not None:
                product = item.producten.first()
                initial.update(
                    {
                        "kennisitem": item.uuid,
                        "antwoord": item.antwoord,
                        "onderwerp": item.vraag[:200],
                        "product": product.uuid if product else None,
                        "kennis_geholpen": "ja",
                    }
                )
        contactformulier = KlantcontactForm(initial=initial)
        if not gekozen:
            contactvelden = _blanco_contactvelden(contactformulier, initial["kanaal"])
    kern = kanaal_selectors.klantbeeld_kern(
        klant=klant, afgesloten=1000 if request.GET.get("zaken") == "alle" else 10
    )
    voor = _tijdstip(request.GET.get("voor", ""))
    tijdlijn = kanaal_selectors.tijdlijn(klant=klant, voor=voor)
    return render(
        request,
        "werkplek/klantbeeld.html",
        {
            "klant": klant,
            "zaken": kern.zaken,
            "tijdlijn": tijdlijn,
            "ouder": (
                tijdlijn[-1].tijdstip.isoformat()
                if len(tijdlijn) >= kanaal_selectors.TIJDLIJN_AANTAL
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
            "producten": _aanvraagbare_producten(),
            "kennis_term": kennis_term,
            "kennis": kennis,
            "contactformulier": contactformulier,
            "contactvelden": contactvelden,
            "gesprek": gesprek,
            "kanalen": KanaalSoort.choices,
        },
        status=status,
    )


def _blanco_contactvelden(formulier, kanaal: str) -> str | None:
    """The visible fields of a fresh contact form, rendered once per channel
    and kept for the same 30 seconds as its choice lists: every klantbeeld
    shows this same form, and rendering it was a large part of the page.
    (The hidden fields, with the time the agent opened the page, are
    rendered per request.)"""
    from django.core.cache import cache
    from django.utils.translation import get_language

    from kcc.templatetags.kcc_tags import veld

    if kanaal not in KanaalSoort.values:
        return None
    sleutel = f"contactformulier:{kanaal}:{get_language()}"
    html = cache.get(sleutel)
    if html is None:
        html = "".join(veld(field) + "\n" for field in formulier.visible_fields())
        cache.set(sleutel, html, 30)
    return mark_safe(html)  # noqa: S308 - rendered by the veld tag, which escapes


def _gesprek(request, waarde) -> Gesprek | None:
    """The phone call a contact wraps up: only one this agent answered."""
    if not waarde or not _is_uuid(str(waarde)):
        return None
    return (
        Gesprek.objects.filter(uuid=waarde, medewerker=request.user).select_related("klant").first()
    )


def _contact_met_gesprek(gesprek, bij_gesprek: dict, **velden):
    """Register the contact; for a call, with the call's start and end and
    the after-call work time, and the call linked to it."""
    if bij_gesprek:
        velden.update(bij_gesprek)
    contact = klant_services.klantcontact_registreren(**velden)
    if gesprek is not None and bij_gesprek:
        telefonie.gesprek_afronden(gesprek=gesprek, contact=contact)
    return contact


def _tijdstip(waarde: str):
    """The "oudere contacten" cursor; anything malformed shows the newest page."""
    try:
        tijdstip = parse_datetime(waarde.strip()) if waarde else None
    except ValueError:  # well-formed but impossible, e.g. month 13
        return None
    if tijdstip is not None and timezone.is_naive(tijdstip):
        tijdstip = timezone.make_aware(tijdstip)
    return tijdstip


def _is_uuid(waarde: str) -> bool:
    import uuid

    try:
        uuid.UUID(waarde)
    except ValueError:
        return False
    return True


@require_GET
@medewerker_required(_KLANTBEELD)
def klantbeeld(request, klant_uuid):
    klant = _klant(request, klant_uuid, "Klantbeeld geopend in de KCC-werkplek")
    if klant.is_samengevoegd:
        messages.info(
            request,
            _("Deze registratie is samengevoegd; u ziet nu de klant waarin zij is opgegaan."),
        )
        return redirect("werkplek:klantbeeld", klant_uuid=klant.samengevoegd_in.uuid)
    return _klantbeeld(request, klant)


@require_GET
@medewerker_required(_KLANTBEELD)
def klantbeeld_tijdlijn(request, klant_uuid):
    """The parts that change (cases, timeline): what the page fetches when a
    live update arrives."""
    klant = _klant(request, klant_uuid, "Klantbeeld ververst (live)")
    kern = kanaal_selectors.klantbeeld_kern(klant=klant)
    return render(
        request,
        "werkplek/klantbeeld_live.html",
        {
            "klant": klant,
            "zaken": kern.zaken,
            "tijdlijn": kanaal_selectors.tijdlijn(klant=klant),
            "contactverzoeken": kern.contactverzoeken,
        },
    )


@require_POST
@medewerker_required(_KLANTBEELD)
def contact_registreren(request, klant_uuid):
    klant = _klant(request, klant_uuid, "Klantcontact vastleggen")
    formulier = KlantcontactForm(request.POST)
    if formulier.is_valid():
        data = formulier.cleaned_data
        kennisitem = (
            producten_selectors.kennisitems_gepubliceerd().filter(uuid=data["kennisitem"]).first()
            if data["kennisitem"]
            else None
        )
        gesprek = _gesprek(request, data.get("gesprek"))
        bij_gesprek = telefonie.contact_bij_gesprek(gesprek=gesprek, user=request.user)
        try:
            with transaction.atomic():
                contact = _contact_met_gesprek(
                    gesprek,
                    bij_gesprek,
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
                    gestart_op=data["gestart_op"],
                    overgedragen_aan=data["afdeling"]
                    if data["vervolg"] == "contactverzoek"
                    else None,
                    terugbellen_door=(
                        data["medewerker"] if data["vervolg"] == "contactverzoek" else None
                    ),
                    terugbelverzoek=data["vervolg"] == "contactverzoek",
                )
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
                    % {"afdeling": data["afdeling"]}
                    if data["vervolg"] == "contactverzoek"
                    else ""
                ),
            )
            return redirect("werkplek:klantbeeld", klant_uuid=klant.uuid)
    return _klantbeeld(request, klant, contactformulier=formulier, status=400)


def _klantformulier(request, klant, formulier, *, titel, knop, uitleg="", status=200):
    """A workspace form about one customer on a page of its own."""
    return render(
        request,
        "werkplek/klant_formulier.html",
        {"klant": klant, "form": formulier, "titel": titel, "knop": knop, "uitleg": uitleg},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@medewerker_required(_KLANTBEELD)
def bericht_versturen(request, klant_uuid):
    klant = _klant(request, klant_uuid, "Bericht aan de klant")
    formulier = BerichtForm(request.POST if request.method == "POST" else None)
    if formulier.is_bound and formulier.is_valid():
        data = formulier.cleaned_data
        tekst = data["tekst"]
        if data["product"] is not None:
            link = request.build_absolute_uri(
                reverse("publiek:product", kwargs={"code": data["product"].code})
            )
            tekst = f"{tekst}\n\n" + _("Online aanvragen: %(link)s") % {"link": link}
        try:
            kanaal_services.bericht_aan_klant(
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
@medewerker_required(_KLANTBEELD)
def contactgegevens_wijzigen(request, klant_uuid):
    klant = _klant(request, klant_uuid, "Contactgegevens corrigeren")
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
@medewerker_required(_KLANTBEELD)
def toestemming(request, klant_uuid):
    klant = _klant(request, klant_uuid, "Toestemming vastleggen")
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
@medewerker_required(_KLANTBEELD)
def brp_verversen(request, klant_uuid):
    klant = _klant(request, klant_uuid, "Gegevens uit de BRP verversen")
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
    klant = _klant(request, klant_uuid, "Dubbele registratie samenvoegen")
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
@medewerker_required(_KLANTBEELD)
def inzage(request, klant_uuid):
    """Everything we hold about the customer (AVG art. 15): readable, or JSON."""
    klant = _klant(request, klant_uuid, "Inzageverzoek (AVG)")
    dossier = kanaal_selectors.persoonsdossier(klant=klant)
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
            json.dumps(dossier, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="gegevens-{klant.uuid}.json"'
        response["Cache-Control"] = "private, no-store"
        return response
    return render(request, "werkplek/inzage.html", {"klant": klant, "dossier": dossier})


def _anoniem_formulier(data=None, gesprek=None) -> KlantcontactForm:
    initial = {"gestart_op": timezone.now(), "kanaal": KanaalSoort.TELEFOON}
    if gesprek is not None:  # a caller whose number we do not know
        initial.update(
            gesprek=gesprek.uuid, gestart_op=gesprek.beantwoord_op or gesprek.aangeboden_op
        )
    formulier = KlantcontactForm(data, initial=initial)
    for veld in ("vervolg", "afdeling", "medewerker", "namens", "kennisitem", "kennis_geholpen"):
        del formulier.fields[veld]
    return formulier


@require_http_methods(["GET", "POST"])
@medewerker_required()
def anoniem_contact(request):
    """A general question without identification: it counts all the same."""
    formulier = _anoniem_formulier(
        request.POST if request.method == "POST" else None,
        gesprek=_gesprek(request, request.GET.get("gesprek")),
    )
    if request.method == "POST" and formulier.is_valid():
        data = formulier.cleaned_data
        gesprek = _gesprek(request, data.get("gesprek"))
        try:
            with transaction.atomic():
                _contact_met_gesprek(
                    gesprek,
                    telefonie.contact_bij_gesprek(gesprek=gesprek, user=request.user),
                    klant=None,
                    user=request.user,
                    kanaal=data["kanaal"],
                    richting=data["richting"],
                    product=data["product"],
                    onderwerp=data["onderwerp"],
                    vraag=data["vraag"],
                    antwoord=data["antwoord"],
                    in_een_keer_goed=data["in_een_keer_goed"] == "ja",
                    gestart_op=data["gestart_op"],
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
