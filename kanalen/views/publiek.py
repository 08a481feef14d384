"""The public pages: catalogue, frequently asked questions, how to reach us."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kanalen import chat as chat_services
from kanalen import selectors as kanaal_selectors
from kanalen.models import Chat, Chatbericht
from kcc.limiet import bezoekersadres, binnen_limiet
from klanten import selectors as klant_selectors
from klanten.selectors import klant_van_gebruiker
from producten import selectors as producten_selectors
from producten import services as producten_services
from producten.models import OnbeantwoordeZoekvraag, Thema
from zaken import selectors as zaken_selectors


@require_GET
def catalogus_index(request):
    return render(
        request,
        "publiek/catalogus.html",
        {
            "themas": producten_selectors.themas_met_aantal(),
            "levensgebeurtenissen": producten_selectors.levensgebeurtenissen_met_aantal(),
        },
    )


@require_GET
def catalogus_zoeken(request):
    zoekterm = request.GET.get("q", "").strip()[:200]
    resultaten = producten_selectors.producten_zoeken(zoekterm=zoekterm) if zoekterm else []
    if zoekterm and not resultaten:
        producten_services.zoekvraag_zonder_resultaat(
            zoekterm=zoekterm, bron=OnbeantwoordeZoekvraag.Bron.PORTAAL
        )
    return render(
        request,
        "publiek/zoeken.html",
        {"zoekterm": zoekterm, "resultaten": resultaten},
    )


@require_GET
def catalogus_groep(request, soort, slug):
    groep, producten = producten_selectors.producten_per_groep(**{soort: slug})
    return render(request, "publiek/groep.html", {"groep": groep, "producten": producten})


@require_GET
def catalogus_product(request, code):
    product = producten_selectors.product_publiek(code=code)
    return render(
        request,
        "publiek/product.html",
        {"product": product, "afspraak": product.afspraakroosters.exists()},
    )


@require_GET
def faq(request):
    zoekterm = request.GET.get("q", "").strip()[:200]
    resultaten = None
    if zoekterm:
        resultaten = producten_selectors.kennisitems_zoeken(zoekterm=zoekterm)
        if not resultaten:
            producten_services.zoekvraag_zonder_resultaat(
                zoekterm=zoekterm, bron=OnbeantwoordeZoekvraag.Bron.PORTAAL
            )
    return render(
        request,
        "publiek/faq.html",
        {
            "zoekterm": zoekterm,
            "resultaten": resultaten,
            "groepen": producten_selectors.faq_per_thema() if not zoekterm else [],
        },
    )


@require_GET
def contact(request):
    return render(request, "publiek/contact.html", {"kanalen": kanaal_selectors.kanalen_publiek()})


def _vorige_maand(vandaag):
    eerste = vandaag.replace(day=1)
    begin = (eerste - timedelta(days=1)).replace(day=1)
    return begin, eerste


@require_GET
def normen(request):
    """Our promises and how well we kept them last month (published
    performance, BurgerServiceCode)."""
    van, tot = _vorige_maand(timezone.localdate())
    return render(
        request,
        "publiek/normen.html",
        {
            "van": van,
            "tot": tot - timedelta(days=1),
            "kanalen": kanaal_selectors.kanalen_publiek(),
            "zaken": zaken_selectors.normrealisatie_zaken(van=van, tot=tot),
            "contactverzoeken": klant_selectors.normrealisatie_contactverzoeken(van=van, tot=tot),
        },
    )


# --- Chat (portal) ----------------------------------------------------------------------


def _sessie_sleutel(request) -> str:
    if not request.session.session_key:
        request.session.save()
    return request.session.session_key


@require_http_methods(["GET", "POST"])
def chat_starten(request):
    """Start a chat: logged in as a citizen, or with a name. Outside opening
    hours the page offers the other ways to reach us instead."""
    klant = (
        klant_van_gebruiker(user=request.user)
        if request.user.is_authenticated and request.user.is_klant
        else None
    )
    fouten = {}
    if request.method == "POST" and request.POST.get("actie") == "terugbellen":
        return _terugbellen(request, klant, chat=None, sjabloon="publiek/chat_start.html")
    themas = list(Thema.objects.order_by("volgorde", "naam"))
    status = 200
    if (
        request.method == "POST"
        and klant is None
        and not binnen_limiet(
            "chat",
            bezoekersadres(request),
            aantal=settings.CHAT_ANONIEM_PER_10_MINUTEN,
            seconden=600,
        )
    ):
        # Starting many chats without logging in would block the queue.
        fouten["vraag"] = _(
            "U heeft net al enkele chats gestart. Wacht een paar minuten, log in met "
            "DigiD of bel ons."
        )
        status = 429
    elif request.method == "POST":
        try:
            chat = chat_services.chat_starten(
                klant=klant,
                naam=request.POST.get("naam", ""),
                sessie_sleutel=_sessie_sleutel(request),
                vraag=request.POST.get("vraag", ""),
                thema=next((t for t in themas if t.slug == request.POST.get("thema")), None),
            )
        except chat_services.ChatGesloten:
            return redirect("publiek:chat")
        except ValidationError as fout:
            fouten = {k: " ".join(v) for k, v in fout.message_dict.items()}
            status = 400
        else:
            return redirect("publiek:chat-gesprek", chat_uuid=chat.uuid)
    return render(
        request,
        "publiek/chat_start.html",
        {
            "open": chat_services.chat_open(),
            "klant": klant,
            "telefoon": klant.telefoon if klant else "",
            "fouten": fouten,
            "naam": request.POST.get("naam", ""),
            "vraag": request.POST.get("vraag", ""),
            "themas": themas,
            "thema": request.POST.get("thema", ""),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def chat_gesprek(request, chat_uuid):
    """The citizen's side of a chat; anyone else's chat is a 404."""
    chat = get_object_or_404(Chat, uuid=chat_uuid)
    rol = chat_services.mag_meedoen(
        chat, user=request.user, sessie_sleutel=request.session.session_key or ""
    )
    if rol != Chatbericht.Van.KLANT:
        raise Http404
    if request.method == "POST" and request.POST.get("actie") == "terugbellen":
        return _terugbellen(request, chat.klant, chat=chat, sjabloon="publiek/chat.html")
    if request.method == "POST":
        try:
            if request.POST.get("actie") == "verlaten":
                chat_services.chat_verlaten(chat=chat)
            else:  # without JavaScript the form posts here
                chat_services.chatbericht_versturen(
                    chat=chat, van=rol, tekst=request.POST.get("tekst", "")
                )
        except (ValidationError, chat_services.ChatConflict) as fout:
            messages.error(request, " ".join(getattr(fout, "messages", [str(fout)])))
        return redirect("publiek:chat-gesprek", chat_uuid=chat.uuid)
    return render(request, "publiek/chat.html", _chatcontext(chat))


def _chatcontext(chat, **extra) -> dict:
    chat = Chat.objects.get(pk=chat.pk)
    gewacht = (timezone.now() - chat.gestart_op).total_seconds()
    return {
        "chat": chat,
        "klant": chat.klant,
        "telefoon": chat.klant.telefoon if chat.klant else "",
        "berichten": list(chat.berichten.all()),
        # Seconds until the callback is offered (0: offered now).
        "terugbellen_over": max(0, int(settings.CHAT_TERUGBELLEN_NA_SECONDEN - gewacht)),
        **extra,
    }


def _terugbellen(request, klant, *, chat, sjabloon):
    """The callback form (closed chat, or waited too long)."""
    try:
        verzoek = chat_services.terugbelverzoek(
            klant=klant,
            naam=request.POST.get("naam", ""),
            telefoon=request.POST.get("telefoon", ""),
            vraag=request.POST.get("vraag", ""),
            chat=chat,
        )
    except ValidationError as fout:
        fouten = {k: " ".join(v) for k, v in fout.message_dict.items()}
        context = (
            _chatcontext(chat, terugbel_fouten=fouten)
            if chat is not None
            else {"open": chat_services.chat_open(), "klant": klant, "terugbel_fouten": fouten}
        )
        context.update(
            naam=request.POST.get("naam", ""),
            telefoon=request.POST.get("telefoon", ""),
            vraag=request.POST.get("vraag", ""),
        )
        return render(request, sjabloon, context, status=400)
    return render(request, "publiek/terugbellen_klaar.html", {"verzoek": verzoek})
