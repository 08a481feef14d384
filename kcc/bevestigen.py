"""Asking "are you sure?" before something that cannot be undone (deleting a
saved application, cancelling an appointment): a page of its own, so it
works without JavaScript and a screen reader hears the question first."""

from __future__ import annotations

from django.shortcuts import render

BEVESTIGD = "bevestigd"


def bevestiging_gevraagd(request, *, vraag: str, knop: str, terug: str, basis: str, uitleg=""):
    """The confirmation page when the POST is not yet confirmed, else None.

    The page posts the same fields again with ``bevestigd=ja``; "Nee" goes
    back to ``terug``. ``basis`` is the frame of the area (portal, workspace).
    """
    if request.POST.get(BEVESTIGD) == "ja":
        return None
    velden = [
        (naam, waarde)
        for naam, waarden in request.POST.lists()
        if naam not in {"csrfmiddlewaretoken", BEVESTIGD}
        for waarde in waarden
    ]
    return render(
        request,
        "kcc/bevestigen.html",
        {
            "basis": basis,
            "vraag": vraag,
            "uitleg": uitleg,
            "knop": knop,
            "terug": terug,
            "velden": velden,
        },
    )
