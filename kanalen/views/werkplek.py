"""The agent workspace (/kcc/): find a customer, the klantbeeld, product
information and the knowledge base, requests on the customer's behalf,
notices and failed messages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kanalen import chat as chat_services
from kanalen import inbox, telefonie, werkvoorraad
from kanalen import services as kanaal_services
from kanalen.forms import BriefForm, fouten_overnemen
from kanalen.models import (
    Bericht,
    BerichtStatus,
    Chat,
    Chatbericht,
    Gesprek,
    InboxBijlage,
    Inboxitem,
    Medewerkerstatus,
)
from kcc import bestanden
from kcc import services as kcc_services
from kcc.access import medewerker_required, per_uuid_of_404
from kcc.audit import Actie, audit_log
from kcc.choices import KanaalSoort
from kcc.identifiers import is_valid_bsn, normalise_bsn
from kcc.models import Afdeling, Melding
from klanten import selectors as klant_selectors
from klanten import services as klant_services
from klanten.models import Klant, Klantcontact
from klanten.selectors import klant_inzien, klanten_zoeken, zoekopdracht
from producten import selectors as producten_selectors
from producten import services as producten_services
from producten.formulier import formulier_initial, formulier_voor
from producten.models import OnbeantwoordeZoekvraag
from zaken import selectors as zaken_selectors
from zaken import services as zaken_services


@require_http_methods(["GET", "POST"])
@medewerker_required()
def werkplek_index(request):
    # The search is a POST so a BSN or name never appears in a URL (access
    # logs, browser history on shared workstations).
    zoekterm = request.POST.get("q", "").strip() if request.method == "POST" else ""
    mag_zoeken = request.user.has_perm("kcc.klantbeeld_inzien")
    resultaten = None
    opdracht = None
    if zoekterm and mag_zoeken:
        opdracht = zoekopdracht(zoekterm)
        resultaten = klanten_zoeken(zoekterm=zoekterm, user=request.user, request=request)
        if not resultaten and opdracht and opdracht.soort == "bsn":
            # Not known here yet: the person register may know them.
            nieuw = klant_services.klant_met_bsn(bsn=normalise_bsn(zoekterm), user=request.user)
            if nieuw is not None:
                messages.info(request, _("Nieuwe klant: de gegevens komen uit de BRP."))
                return redirect("werkplek:klantbeeld", klant_uuid=nieuw.uuid)
    return render(
        request,
        "werkplek/index.html",
        {
            "zoekterm": zoekterm,
            "mag_zoeken": mag_zoeken,
            "resultaten": resultaten,
            "gezocht_op": opdracht.soort if opdracht else "",
            "afdelingen": request.user.afdelingen.filter(actief=True),
        },
    )


def _aanvraagbare_producten():
    return (
        producten_selectors.producten_aangeboden()
        .filter(kanalen__aanvragen=True)
        .distinct()
        .order_by("naam")
    )


# --- Product information and knowledge base in the agent workspace ----------


@require_GET
@medewerker_required()
def werkplek_producten(request):
    zoekterm = request.GET.get("q", "").strip()[:200]
    producten = (
        producten_selectors.producten_zoeken(zoekterm=zoekterm)
        if zoekterm
        else list(producten_selectors.producten_aangeboden().order_by("naam"))
    )
    kennis = producten_selectors.kennisitems_zoeken(zoekterm=zoekterm, limit=8) if zoekterm else []
    if zoekterm and not producten and not kennis:
        producten_services.zoekvraag_zonder_resultaat(
            zoekterm=zoekterm, bron=OnbeantwoordeZoekvraag.Bron.WERKPLEK
        )
    return render(
        request,
        "werkplek/producten.html",
        {
            "zoekterm": zoekterm,
            "producten": producten,
            "kennis": kennis,
            "kanalen": KanaalSoort.choices,
        },
    )


@require_GET
@medewerker_required("kcc.werkplek_gebruiken", "kcc.beheer_gebruiken")
def werkplek_product(request, code):
    # The beheerder previews a (concept) product here, as agents will see it.
    product = producten_selectors.product_voorbeeld(code=code)
    return render(
        request,
        "werkplek/product.html",
        {"product": product, "kanalen": KanaalSoort.choices},
    )


@require_GET
@medewerker_required()
def werkplek_kennisbank(request):
    zoekterm = request.GET.get("q", "").strip()[:200]
    resultaten = None
    if zoekterm:
        resultaten = producten_selectors.kennisitems_zoeken(zoekterm=zoekterm)
        if not resultaten:
            producten_services.zoekvraag_zonder_resultaat(
                zoekterm=zoekterm, bron=OnbeantwoordeZoekvraag.Bron.WERKPLEK
            )
    return render(
        request,
        "werkplek/kennisbank.html",
        {"zoekterm": zoekterm, "resultaten": resultaten, "kanalen": KanaalSoort.choices},
    )


@require_POST
@medewerker_required()
def werkplek_kennisgebruik(request, item_uuid):
    item = get_object_or_404(producten_selectors.kennisitems_gepubliceerd(), uuid=item_uuid)
    geholpen = request.POST.get("geholpen")
    kanaal = request.POST.get("kanaal", KanaalSoort.TELEFOON)
    if geholpen not in {"ja", "nee"} or kanaal not in KanaalSoort.values:
        messages.error(request, _("Kies of het antwoord de vraag beantwoordde."))
    else:
        producten_services.kennisgebruik_vastleggen(
            item=item, user=request.user, kanaal=kanaal, geholpen=geholpen == "ja"
        )
        messages.success(request, _("Vastgelegd. Dank u, zo wordt de kennisbank beter."))
    terug = request.POST.get("terug", "")
    if not url_has_allowed_host_and_scheme(terug, allowed_hosts={request.get_host()}):
        terug = reverse("werkplek:kennisbank")
    return redirect(terug)


# --- A request on the customer's behalf -------------------------------------


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
    product = per_uuid_of_404(_aanvraagbare_producten(), gegevens.get("product"))
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
                return redirect("werkplek:zaak", zaak_uuid=zaak.uuid)
    else:
        eerder = zaken_selectors.eerdere_antwoorden(klant=klant)
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


# --- Notices and failed messages ---------------------------------------------


@require_http_methods(["GET", "POST"])
@medewerker_required()
def werkplek_meldingen(request):
    """The user's notices: escalations, cases handed to them; newest first."""
    if request.method == "POST":
        melding = None
        if request.POST.get("melding"):
            melding = per_uuid_of_404(
                Melding.objects.filter(ontvanger=request.user), request.POST["melding"]
            )
        kcc_services.meldingen_gelezen(user=request.user, melding=melding)
        return redirect("werkplek:meldingen")
    meldingen = list(Melding.objects.filter(ontvanger=request.user)[:100])
    return render(request, "werkplek/meldingen.html", {"meldingen": meldingen})


@require_http_methods(["GET", "POST"])
@medewerker_required("kcc.zaken_toewijzen")
def werkplek_mislukte_berichten(request):
    """Messages that could not be sent: the teamleider corrects and resends."""
    if request.method == "POST":
        bericht = per_uuid_of_404(Bericht.objects.all(), request.POST.get("bericht"))
        try:
            kanaal_services.bericht_opnieuw_versturen(bericht=bericht, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Het bericht staat weer in de wachtrij."))
        return redirect("werkplek:mislukte-berichten")
    berichten = list(
        Bericht.objects.filter(status=BerichtStatus.MISLUKT)
        .select_related("klant", "zaak")
        .order_by("-aangemaakt")[:200]
    )
    if berichten:
        audit_log(
            user=request.user,
            actie=Actie.ZOEKEN,
            object_type="kanalen.Bericht",
            omschrijving=f"Mislukte berichten bekeken ({len(berichten)})",
            reden="Berichten opnieuw versturen",
            request=request,
        )
    return render(request, "werkplek/mislukte_berichten.html", {"berichten": berichten})


# --- Contactverzoeken ------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@medewerker_required()
def werkplek_contactverzoeken(request):
    """Open contactverzoeken for me and my afdelingen, the most urgent first."""
    if request.method == "POST":
        verzoek = per_uuid_of_404(
            klant_selectors.contactverzoeken_voor(user=request.user, alle=True),
            request.POST.get("verzoek"),
        )
        actie = request.POST.get("actie")
        try:
            if actie == "oppakken":
                klant_services.contactverzoek_oppakken(contactverzoek=verzoek, user=request.user)
                messages.success(request, _("U heeft het contactverzoek opgepakt."))
            elif actie == "afhandelen":
                klant_services.contactverzoek_afhandelen(
                    contactverzoek=verzoek,
                    user=request.user,
                    uitkomst=request.POST.get("uitkomst", ""),
                )
                messages.success(request, _("Het contactverzoek is afgehandeld."))
            else:
                messages.error(request, _("Onbekende handeling."))
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        return redirect("werkplek:contactverzoeken")
    verzoeken = klant_selectors.contactverzoeken_voor(user=request.user)
    if verzoeken:
        audit_log(
            user=request.user,
            actie=Actie.ZOEKEN,
            object_type="klanten.Contactverzoek",
            omschrijving=f"Contactverzoeken bekeken ({len(verzoeken)})",
            reden="Klanten terugbellen",
            request=request,
        )
    return render(
        request,
        "werkplek/contactverzoeken.html",
        {"verzoeken": verzoeken, "vandaag": timezone.localdate()},
    )


# --- Telephony: choosing the caller -------------------------------------------------


@require_http_methods(["GET", "POST"])
@medewerker_required("kcc.klantbeeld_inzien")
def werkplek_gesprek(request, gesprek_uuid):
    """Several customers share the caller's number: the agent who answered
    picks the one on the line (or none: a blank contact)."""
    gesprek = get_object_or_404(Gesprek, uuid=gesprek_uuid, medewerker=request.user)
    kandidaten = telefonie.bellers(gesprek.nummer)
    if request.method == "POST":
        keuze = per_uuid_of_404(
            Klant.objects.filter(pk__in=[k.pk for k in kandidaten]), request.POST.get("klant")
        )
        telefonie.gesprek_koppelen(gesprek=gesprek, klant=keuze, user=request.user)
        return redirect(
            reverse("werkplek:klantbeeld", kwargs={"klant_uuid": keuze.uuid})
            + f"?gesprek={gesprek.uuid}"
        )
    return render(request, "werkplek/gesprek.html", {"gesprek": gesprek, "kandidaten": kandidaten})


# --- One inbox: every channel, routed by skill ---------------------------------------


@require_GET
@medewerker_required()
def werkplek_inbox(request):
    """Everything waiting for an answer on every channel: waiting chats,
    e-mail, SMS, letters, contactverzoeken and callbacks, the most urgent
    first by the moment its norm runs out. "Mijn" shows what the agent has
    in hand; "open" what their skills route to them (or, with ?team=1, to
    the whole team)."""
    team = request.GET.get("team") == "1"
    voorraad = werkvoorraad.werkvoorraad(user=request.user, team=team)
    return render(
        request,
        "werkplek/inbox.html",
        {
            **voorraad,
            "team": team,
            "status": werkvoorraad.beschikbaarheid(request.user),
            "statussen": Medewerkerstatus.Status.choices,
            "bezetting": werkvoorraad.bezetting(user=request.user)
            if request.user.has_perm("kcc.zaken_toewijzen")
            else [],
        },
    )


@require_POST
@medewerker_required()
def werkplek_status(request):
    """The agent sets their availability (beschikbaar, bezet, pauze, offline)."""
    try:
        status = werkvoorraad.status_wijzigen(
            user=request.user, status=request.POST.get("status", "")
        )
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request, _("Uw status is nu: %(status)s.") % {"status": status.get_status_display()}
        )
    volgende = request.POST.get("volgende", "")
    if not url_has_allowed_host_and_scheme(volgende, allowed_hosts={request.get_host()}):
        volgende = reverse("werkplek:inbox")
    return redirect(volgende or reverse("werkplek:inbox"))


@require_POST
@medewerker_required()
def werkplek_volgende(request):
    """Take the most urgent item this agent may handle, and open it."""
    try:
        item = werkvoorraad.volgende_nemen(user=request.user)
    except werkvoorraad.NietBeschikbaar as fout:
        messages.error(request, str(fout))
        return redirect("werkplek:inbox")
    if item is None:
        messages.info(request, _("Er wacht nu niets op u."))
        return redirect("werkplek:inbox")
    return redirect(item.url)


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
                inbox.inboxitem_oppakken(item=item, user=request.user)
                messages.success(request, _("U heeft het bericht opgepakt."))
            elif actie == "vrijgeven":
                inbox.inboxitem_vrijgeven(item=item, user=request.user)
                messages.info(request, _("Het bericht staat weer open voor collega's."))
                return redirect("werkplek:inbox")
            elif actie == "beantwoorden":
                inbox.inboxitem_beantwoorden(
                    item=item,
                    user=request.user,
                    tekst=antwoord,
                    in_een_keer_goed=request.POST.get("in_een_keer_goed") != "nee",
                )
                messages.success(request, _("Het antwoord is verstuurd en het contact vastgelegd."))
                return redirect("werkplek:inbox")
            return redirect("werkplek:inboxitem", item_uuid=item.uuid)
        except inbox.InboxConflict as conflict:
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
                item = inbox.brief_registreren(
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


# --- Chat: the agent's side -----------------------------------------------------------


@require_http_methods(["GET", "POST"])
@medewerker_required()
def werkplek_chats(request):
    """Waiting chats with how long they wait, and the agent's own; accept one."""
    if request.method == "POST":
        chat = per_uuid_of_404(Chat.objects.all(), request.POST.get("chat"))
        try:
            chat_services.chat_accepteren(chat=chat, user=request.user)
        except chat_services.ChatConflict as conflict:
            messages.error(request, str(conflict))
            return redirect("werkplek:chats")
        return redirect("werkplek:chat", chat_uuid=chat.uuid)
    nu = timezone.now()
    wachtend = list(Chat.objects.filter(status=Chat.Status.WACHTEND).order_by("gestart_op"))
    for chat in wachtend:
        chat.wacht_seconden = int((nu - chat.gestart_op).total_seconds())
    return render(
        request,
        "werkplek/chats.html",
        {
            "wachtend": wachtend,
            "mijn": list(Chat.objects.filter(status=Chat.Status.ACTIEF, medewerker=request.user)),
        },
    )


@require_http_methods(["GET", "POST"])
@medewerker_required()
def werkplek_chat(request, chat_uuid):
    chat = get_object_or_404(Chat.objects.select_related("klant"), uuid=chat_uuid)
    if chat.medewerker_id != request.user.pk:
        raise Http404
    if request.method == "POST":
        try:
            if request.POST.get("actie") == "beeindigen":
                afdeling = None
                if request.POST.get("vervolg_afdeling"):
                    afdeling = per_uuid_of_404(
                        Afdeling.objects.filter(actief=True), request.POST["vervolg_afdeling"]
                    )
                product = None
                if request.POST.get("vervolg_product") and chat.klant_id:
                    product = per_uuid_of_404(
                        _aanvraagbare_producten(), request.POST["vervolg_product"]
                    )
                chat = chat_services.chat_beeindigen(
                    chat=chat,
                    user=request.user,
                    in_een_keer_goed=request.POST.get("in_een_keer_goed") != "nee",
                    vervolg_afdeling=afdeling,
                    terugbelnummer=request.POST.get("terugbelnummer", ""),
                )
                messages.success(request, _("De chat is beëindigd en als contact vastgelegd."))
                if afdeling is not None:
                    messages.success(
                        request,
                        _("Het contactverzoek staat bij %(afdeling)s.") % {"afdeling": afdeling},
                    )
                if product is not None:
                    # Start the case from the chat: the product's form, tied to this contact.
                    return redirect(
                        reverse("werkplek:aanvraag", kwargs={"klant_uuid": chat.klant.uuid})
                        + f"?product={product.uuid}&kanaal={KanaalSoort.CHAT}"
                        + f"&contact={chat.klantcontact.uuid}"
                    )
                return redirect("werkplek:chats")
            chat_services.chatbericht_versturen(
                chat=chat, van=Chatbericht.Van.MEDEWERKER, tekst=request.POST.get("tekst", "")
            )
        except (ValidationError, chat_services.ChatConflict) as fout:
            messages.error(request, " ".join(getattr(fout, "messages", [str(fout)])))
        return redirect("werkplek:chat", chat_uuid=chat.uuid)
    return render(
        request,
        "werkplek/chat.html",
        {
            "chat": chat,
            "berichten": list(chat.berichten.all()),
            "afdelingen": list(Afdeling.objects.filter(actief=True)),
            "producten": list(_aanvraagbare_producten()) if chat.klant_id else [],
        },
    )
