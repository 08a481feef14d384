"""No NUL character gets past the door.

PostgreSQL keeps no NUL character (``\\x00``, typed as ``%00`` in an address)
in text, so a search, a filter or a form field holding one ended in a server
error wherever a view read it without a form field that refuses it. One
check, for every page and the API alike, before any view reads the request:
the address, the query, the fields of a form and the cookies (JSON bodies are
checked by kcc.api_parsers). The visitor gets a 400 that says what was wrong: a Dutch
page, or a problem+json from the API.
"""

from __future__ import annotations

from django.http import HttpRequest, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _

from kcc.api import is_api_request, problem_response

FORMULIER_SOORTEN = ("application/x-www-form-urlencoded", "multipart/form-data")


def _met_nul_teken(velden: QueryDict) -> list[str]:
    return sorted(
        {
            naam
            for naam, waarden in velden.lists()
            if "\x00" in naam or any("\x00" in waarde for waarde in waarden)
        }
    )


def _weigeren(request: HttpRequest, velden: list[str]):
    uitleg = _(
        "Uw invoer bevat een teken dat niet is toegestaan (een nul-teken, ook "
        "geschreven als %00). Haal het weg en probeer het opnieuw."
    )
    if is_api_request(request):
        return problem_response(
            request,
            status=400,
            title=_("De invoer is niet geldig."),
            code="nul_teken",
            detail=uitleg,
            invalidParams=[
                {"name": veld.replace("\x00", "\\u0000"), "code": "nul_teken", "reason": uitleg}
                for veld in velden
            ],
        )
    return render(request, "400.html", {"uitleg": uitleg}, status=400)


class NulTekensMiddleware:
    """The address and the query before anything else; the fields of a form
    just before the view (and the CSRF check, which reads them anyway).

    A multipart body is read here only for a view that checks CSRF: the API
    parses its own bodies (DRF's fields refuse a NUL character) and a
    webhook reads the raw body to check its signature, which a multipart
    body read here would no longer give."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A cookie holding one (a quoted cookie may spell it as \000) is
        # treated as absent: the visitor is not logged in, rather than locked
        # out by a 400 until they clear their cookies.
        if any("\x00" in naam + waarde for naam, waarde in request.COOKIES.items()):
            request.COOKIES = {
                naam: waarde
                for naam, waarde in request.COOKIES.items()
                if "\x00" not in naam + waarde
            }
        velden = (["pad"] if "\x00" in request.path_info else []) + _met_nul_teken(request.GET)
        if velden:
            return _weigeren(request, velden)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.content_type not in FORMULIER_SOORTEN:
            return None
        if request.content_type == "multipart/form-data" and getattr(
            view_func, "csrf_exempt", False
        ):
            return None
        velden = _met_nul_teken(request.POST)
        return _weigeren(request, velden) if velden else None
