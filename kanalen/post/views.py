"""Written contact in the workspace: an e-mail, SMS or letter and its answer,
attachments, and registering a letter that came by post.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kanalen.models import (
    Bericht,
    InboxBijlage,
    Inboxitem,
)
from kanalen.post import services as post_services
from kanalen.post.forms import BriefForm
from kcc import bestanden, formaat
from kcc.access import medewerker_required
from kcc.audit import Actie, audit_log
from kcc.forms import fouten_overnemen
from kcc.identifiers import is_valid_bsn, normalise_bsn
from klanten import services as klant_services
from producten.models import Thema
from producten.selectors import productgroepen


@require_http_methods(["GET", "POST"])
@medewerker_required("kcc.kanalen_beantwoorden")
def werkplek_inboxitem(request, item_uuid):
    item = get_object_or_404(
        Inboxitem.objects.select_related("klant", "medewerker", "draad", "thema"), uuid=item_uuid
    )
    fouten: dict[str, list[str]] = {}
    antwoord = ""
    adres = item.van if item.kanaal == "post" and not item.klant_id else ""
    if request.method == "POST":
        actie = request.POST.get("actie")
        antwoord = request.POST.get("tekst", "")
        adres = request.POST.get("adres", adres)
        try:
            if actie == "oppakken":
                post_services.inboxitem_oppakken(item=item, user=request.user)
                messages.success(request, _("U heeft het bericht opgepakt."))
            elif actie == "productgroep":
                thema = Thema.objects.filter(slug=request.POST.get("thema", "")).first()
                post_services.inboxitem_productgroep(item=item, user=request.user, thema=thema)
                messages.success(
                    request,
                    _("Productgroep: %(thema)s. Het bericht gaat naar wie daar kennis van heeft.")
                    % {"thema": thema.naam}
                    if thema
                    else _("Geen productgroep: het bericht staat open voor iedereen."),
                )
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
                    adres=adres,
                )
                if item.kanaal == "post":
                    messages.success(
                        request,
                        _(
                            "De brief staat klaar bij 'Post te versturen': druk hem af en "
                            "post hem. Het contact is vastgelegd."
                        ),
                    )
                else:
                    messages.success(
                        request, _("Het antwoord is verstuurd en het contact vastgelegd.")
                    )
                return redirect("werkplek:inbox")
            return redirect("werkplek:inboxitem", item_uuid=item.uuid)
        except post_services.InboxConflict as conflict:
            messages.error(request, str(conflict))
            return redirect("werkplek:inboxitem", item_uuid=item.uuid)
        except ValidationError as fout:
            fouten = fout.message_dict if hasattr(fout, "error_dict") else {"tekst": fout.messages}
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
            "themas": productgroepen(),
            "gesprek": list(
                Inboxitem.objects.filter(Q(pk=draad.pk) | Q(draad=draad))
                .exclude(pk=item.pk)
                .order_by("ontvangen_op")
            ),
            "fout": " ".join(fouten.get("tekst", [])),
            "adres_fout": " ".join(fouten.get("adres", [])),
            "antwoord": antwoord,
            "adres": adres,
        },
        status=400 if fouten else 200,
    )


@require_GET
@medewerker_required("kcc.kanalen_beantwoorden")
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


def _scan_vasthouden(formulier: BriefForm, nieuw, bewaard, token: str, user) -> None:
    """The form goes back with an error: keep a good scan for the next try
    and say so, so the agent need not choose it again."""
    if nieuw is not None:
        try:
            bestanden.upload_controleren(
                nieuw, toegestaan=["pdf", "jpg", "png"], max_mb=settings.UPLOAD_MAX_MB
            )
        except ValidationError:
            return  # the form says what is wrong with it
        if bewaard is not None:
            bewaard.close()
            bestanden.loslaten(token)
        formulier.data = formulier.data.copy()
        formulier.data["scan_bewaard"] = bestanden.vasthouden(nieuw, user=user)
        naam = nieuw.name
    elif bewaard is not None:
        naam = bewaard.name
        bewaard.close()
    else:
        return
    formulier.fields["scan"].required = False
    formulier["scan"].help_text = _(
        "Ontvangen: %(naam)s. U hoeft de scan niet opnieuw te kiezen; "
        "kies alleen een ander bestand als dat nodig is."
    ) % {"naam": naam}


@require_http_methods(["GET", "POST"])
@medewerker_required("kcc.klantbeeld_inzien")
def werkplek_brief(request):
    """Register an incoming letter with its scan: it joins the inbox with the
    letter norm. A scan sent with a form that comes back with an error is
    kept for the next try."""
    formulier = BriefForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        token = request.POST.get("scan_bewaard", "")
        bewaard = bestanden.terughalen(token, user=request.user)
        nieuw = request.FILES.get("scan")
        if bewaard is not None:
            formulier.fields["scan"].required = False
        if formulier.is_valid():
            item = _brief_registreren(request, formulier, nieuw or bewaard)
            if item is not None:
                if bewaard is not None:
                    bewaard.close()
                    bestanden.loslaten(token)
                messages.success(
                    request,
                    _("De brief staat in de inbox; beantwoorden uiterlijk %(datum)s.")
                    % {"datum": formaat.datum(item.uiterlijk_op) or "-"},
                )
                return redirect("werkplek:inboxitem", item_uuid=item.uuid)
        _scan_vasthouden(formulier, nieuw, bewaard, token, request.user)
    return render(
        request,
        "werkplek/brief.html",
        {"form": formulier},
        status=400 if formulier.is_bound and formulier.errors else 200,
    )


def _brief_registreren(request, formulier: BriefForm, scan) -> Inboxitem | None:
    data = formulier.cleaned_data
    klant = None
    if data["bsn"]:
        bsn = normalise_bsn(data["bsn"])
        if not is_valid_bsn(bsn):
            formulier.add_error("bsn", _("Dit is geen geldig BSN: de elfproef klopt niet."))
            return None
        klant = klant_services.klant_met_bsn(bsn=bsn, user=request.user)
        if klant is None:
            formulier.add_error("bsn", _("Geen inwoner met dit BSN gevonden."))
            return None
    try:
        return post_services.brief_registreren(
            user=request.user,
            scan=scan,
            onderwerp=data["onderwerp"],
            afzender=data["afzender"],
            klant=klant,
            ontvangen_op=data["ontvangen_op"],
            thema=data["thema"],
        )
    except ValidationError as fout:
        fouten_overnemen(formulier, fout)
        return None


@require_GET
@medewerker_required("kcc.kanalen_beantwoorden")
def werkplek_post(request):
    """Letters written in answer and not yet posted: print each and mark it sent."""
    return render(
        request, "werkplek/post.html", {"brieven": list(post_services.te_versturen_brieven())}
    )


@require_http_methods(["GET", "POST"])
@medewerker_required("kcc.kanalen_beantwoorden")
def werkplek_postbrief(request, bericht_uuid):
    """One letter as it is printed (A4, window envelope), and "Verstuurd"."""
    bericht = get_object_or_404(
        Bericht.objects.select_related("klant"), uuid=bericht_uuid, kanaal=Bericht.Kanaal.POST
    )
    if request.method == "POST":
        try:
            post_services.brief_verstuurd(bericht=bericht, user=request.user)
        except post_services.InboxConflict as conflict:
            messages.info(request, str(conflict))
        else:
            messages.success(request, _("De brief is als verstuurd gemarkeerd."))
        return redirect("werkplek:post")
    return render(
        request,
        "werkplek/postbrief.html",
        {
            "bericht": bericht,
            "adres": post_services.brief_afdrukken(bericht=bericht, user=request.user),
            # A shielded address (geheimhouding) is on the printout only.
            "afgeschermd": bool(
                bericht.klant and bericht.klant.geheimhouding and not bericht.ontvanger
            ),
            "afzender": settings.GEMEENTE_POSTADRES,
        },
    )
