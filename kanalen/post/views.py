"""Written contact in the workspace: an e-mail, SMS or letter and its answer,
attachments, and registering a letter that came by post.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kanalen.models import (
    InboxBijlage,
    Inboxitem,
)
from kanalen.post import services as post_services
from kanalen.post.forms import BriefForm
from kcc import bestanden
from kcc.access import medewerker_required
from kcc.audit import Actie, audit_log
from kcc.forms import fouten_overnemen
from kcc.identifiers import is_valid_bsn, normalise_bsn
from klanten import services as klant_services


@require_http_methods(["GET", "POST"])
@medewerker_required()
def werkplek_inboxitem(request, item_uuid):
    item = get_object_or_404(
        Inboxitem.objects.select_related("klant", "medewerker", "draad"), uuid=item_uuid
    )
    fout = ""
    antwoord = ""
    if request.method == "POST":
        actie = request.POST.get("actie")
        antwoord = request.POST.get("tekst", "")
        try:
            if actie == "oppakken":
                post_services.inboxitem_oppakken(item=item, user=request.user)
                messages.success(request, _("U heeft het bericht opgepakt."))
            elif actie == "vrijgeven":
                post_services.inboxitem_vrijgeven(item=item, user=request.user)
                messages.info(request, _("Het bericht staat weer open voor collega's."))
                return redirect("werkplek:inbox")
            elif actie == "beantwoorden":
                post_services.inboxitem_beantwoorden(
                    item=item,
                    user=request.user,
                    tekst=antwoord,
                    in_een_keer_goed=request.POST.get("in_een_keer_goed") != "nee",
                )
                messages.success(request, _("Het antwoord is verstuurd en het contact vastgelegd."))
                return redirect("werkplek:inbox")
            return redirect("werkplek:inboxitem", item_uuid=item.uuid)
        except post_services.InboxConflict as conflict:
            messages.error(request, str(conflict))
            return redirect("werkplek:inboxitem", item_uuid=item.uuid)
        except ValidationError as fouten:
            fout = " ".join(fouten.messages)
    if item.klant_id:
        audit_log(
            user=request.user,
            actie=Actie.INZIEN,
            obj=item,
            betrokkene=item.klant.identificatie,
            omschrijving=f"{item.get_kanaal_display()} van de klant gelezen",
            reden="Bericht van de klant beantwoorden",
            request=request,
        )
    draad = item.draad or item
    return render(
        request,
        "werkplek/inboxitem.html",
        {
            "item": item,
            "gesprek": list(
                Inboxitem.objects.filter(Q(pk=draad.pk) | Q(draad=draad))
                .exclude(pk=item.pk)
                .order_by("ontvangen_op")
            ),
            "fout": fout,
            "antwoord": antwoord,
        },
        status=400 if fout else 200,
    )


@require_GET
@medewerker_required()
def werkplek_inboxbijlage(request, bijlage_uuid):
    bijlage = get_object_or_404(
        InboxBijlage.objects.select_related("item__klant"), uuid=bijlage_uuid
    )
    if bijlage.item.klant_id:
        audit_log(
            user=request.user,
            actie=Actie.INZIEN,
            obj=bijlage.item,
            betrokkene=bijlage.item.klant.identificatie,
            omschrijving=f"Bijlage '{bijlage.bestandsnaam}' geopend",
            reden="Bericht van de klant beantwoorden",
            request=request,
        )
    return bestanden.download(
        bijlage.bestand, bestandsnaam=bijlage.bestandsnaam, soort=bijlage.soort
    )


@require_http_methods(["GET", "POST"])
@medewerker_required("kcc.klantbeeld_inzien")
def werkplek_brief(request):
    """Register an incoming letter with its scan: it joins the inbox with the
    letter norm."""
    formulier = BriefForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and formulier.is_valid():
        data = formulier.cleaned_data
        klant = None
        if data["bsn"]:
            bsn = normalise_bsn(data["bsn"])
            if not is_valid_bsn(bsn):
                formulier.add_error("bsn", _("Dit is geen geldig BSN: de elfproef klopt niet."))
            else:
                klant = klant_services.klant_met_bsn(bsn=bsn, user=request.user)
                if klant is None:
                    formulier.add_error("bsn", _("Geen inwoner met dit BSN gevonden."))
        if not formulier.errors:
            try:
                item = post_services.brief_registreren(
                    user=request.user,
                    scan=data["scan"],
                    onderwerp=data["onderwerp"],
                    afzender=data["afzender"],
                    klant=klant,
                    ontvangen_op=data["ontvangen_op"],
                )
            except ValidationError as fout:
                fouten_overnemen(formulier, fout)
            else:
                messages.success(
                    request,
                    _("De brief staat in de inbox; beantwoorden uiterlijk %(datum)s.")
                    % {"datum": f"{item.uiterlijk_op:%d-%m-%Y}" if item.uiterlijk_op else "-"},
                )
                return redirect("werkplek:inboxitem", item_uuid=item.uuid)
    return render(
        request,
        "werkplek/brief.html",
        {"form": formulier},
        status=400 if formulier.is_bound and formulier.errors else 200,
    )
