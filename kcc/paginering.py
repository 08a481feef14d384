"""Long lists page by page: the customer's contacts, search results. A page
number that is not one (text, 0, past the end) shows the nearest page."""

from __future__ import annotations

from django.core.paginator import Page, Paginator

PARAMETER = "pagina"
# Search results: ranked up to this many, shown this many per page.
ZOEK_MAXIMUM = 200
ZOEK_PER_PAGINA = 20


def pagina(request, rijen, *, per: int = 25) -> Page:
    """The page of ``rijen`` (a queryset or a list) the request asks for."""
    return Paginator(rijen, per).get_page(request.GET.get(PARAMETER))
