"""The one inbox in the workspace: the list, the agent's status, taking the
next item.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kanalen.inbox import routering
from kanalen.models import (
    Medewerkerstatus,
)
from kanalen.post import services as post_services
from kcc.access import medewerker_required
from kcc.links import lokaal_adres


@require_GET
@medewerker_required()
def werkplek_inbox(request):
    """Everything waiting for an answer on every channel: waiting chats,
    e-mail, SMS, letters, contactverzoeken and callbacks, the most urgent
    first by the moment its norm runs out. "Mijn" shows what the agent has
    in hand; "open" what their skills route to them (or, with ?team=1, to
    the whole team)."""
    team = request.GET.get("team") == "1"
    lijst = routering.inbox(user=request.user, team=team)
    return render(
        request,
        "werkplek/inbox.html",
        {
            **lijst,
            "team": team,
            "status": routering.beschikbaarheid(request.user),
            "statussen": Medewerkerstatus.Status.choices,
            "bezetting": routering.bezetting(user=request.user)
            if request.user.has_perm("kcc.zaken_toewijzen")
            else [],
            "post_te_versturen": post_services.te_versturen_brieven().count()
            if request.user.has_perm("kcc.kanalen_beantwoorden")
            else 0,
        },
    )


@require_POST
@medewerker_required()
def werkplek_status(request):
    """The agent sets their availability (beschikbaar, bezet, pauze, offline)."""
    try:
        status = routering.status_wijzigen(user=request.user, status=request.POST.get("status", ""))
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request, _("Uw status is nu: %(status)s.") % {"status": status.get_status_display()}
        )
    return redirect(lokaal_adres(request, request.POST.get("volgende")) or "werkplek:inbox")


@require_POST
@medewerker_required()
def werkplek_volgende(request):
    """Take the most urgent item this agent may handle, and open it."""
    try:
        item = routering.volgende_nemen(user=request.user)
    except routering.NietBeschikbaar as fout:
        messages.error(request, str(fout))
        return redirect("werkplek:inbox")
    if item is None:
        messages.info(request, _("Er wacht nu niets op u."))
        return redirect("werkplek:inbox")
    return redirect(item.url)
