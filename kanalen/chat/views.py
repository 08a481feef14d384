"""The chat's screens: the citizen's chat window (and the callback it offers
when nobody is free) and the agents' list of chats and chat page.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kanalen.chat import services as chat_services
from kanalen.models import (
    Chat,
    Chatbericht,
)
from kcc.access import medewerker_required, per_uuid_of_404
from kcc.choices import KanaalSoort
from kcc.limiet import bezoekersadres, binnen_limiet
from kcc.models import Afdeling
from klanten.selectors import klant_van_gebruiker
from producten import selectors as producten_selectors
from producten.models import Thema


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
    status = 400
    try:
        if not _terugbellen_binnen_limiet(request, klant):
            status = 429
            raise ValidationError(
                {
                    "telefoon": _(
                        "Er zijn net al enkele terugbelverzoeken gedaan. Wacht even, log in "
                        "met DigiD of bel ons zelf."
                    )
                }
            )
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
        return render(request, sjabloon, context, status=status)
    return render(request, "publiek/terugbellen_klaar.html", {"verzoek": verzoek})


def _terugbellen_binnen_limiet(request, klant) -> bool:
    """A callback puts an agent on the phone: without a login a few per
    address, and for any one number a few a day (nobody has a stranger's
    phone rung by the municipality over and over)."""
    if klant is None and not binnen_limiet(
        "terugbellen",
        bezoekersadres(request),
        aantal=settings.CHAT_ANONIEM_PER_10_MINUTEN,
        seconden=600,
    ):
        return False
    cijfers = "".join(t for t in request.POST.get("telefoon", "") if t.isdigit())[-9:]
    return not cijfers or binnen_limiet(
        "terugbellen-nummer",
        cijfers,
        aantal=settings.TERUGBELLEN_PER_NUMMER_PER_DAG,
        seconden=24 * 3600,
    )


@require_http_methods(["GET", "POST"])
@medewerker_required("kcc.kanalen_beantwoorden")
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
@medewerker_required("kcc.kanalen_beantwoorden")
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
                        producten_selectors.producten_aanvraagbaar(),
                        request.POST["vervolg_product"],
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
            "producten": list(
                producten_selectors.producten_aanvraagbaar(doelgroep=chat.klant.doelgroep)
            )
            if chat.klant_id
            else [],
        },
    )
