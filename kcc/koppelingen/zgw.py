"""What every standard API of the platform does the same way, as the ZGW
standards ask: absolute URLs on the configured address, ``{count, next,
previous, results}`` pages, 400 for a query parameter the operation does
not know, errors as ``Fout`` and ``ValidatieFout``, the ``API-version``
header, ``Accept-Crs``/``Content-Crs`` where a resource has a geometry,
``ETag`` with ``If-None-Match``, and every read of personal data in the
audit log with the applicatie and the person it acts for."""

from __future__ import annotations

import hashlib
import json
import uuid as uuidlib
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler

from kcc.koppelingen.toegang import ApiGebruiker, HeeftScope, ZgwJwtAuthentication
from kcc.models import AuditLogEntry

PAGINAGROOTTE = 100
CRS = "EPSG:4326"
PROBLEM_JSON = "application/problem+json"

TITELS = {
    400: gettext_lazy("Ongeldige invoer."),
    401: gettext_lazy("Niet geauthenticeerd."),
    403: gettext_lazy("Geen toegang."),
    404: gettext_lazy("Niet gevonden."),
    405: gettext_lazy("Methode niet toegestaan."),
    406: gettext_lazy("Niet acceptabel."),
    412: gettext_lazy("Voorwaarde niet vervuld."),
    415: gettext_lazy("Mediatype niet ondersteund."),
    429: gettext_lazy("Te veel verzoeken."),
    500: gettext_lazy("Er ging iets mis op de server."),
}


def basis_url() -> str:
    return settings.ZGW_API_URL.rstrip("/")


def api_url(component: str, pad: str = "") -> str:
    """The absolute URL of ``pad`` in the standard API ``component``
    (``zaken``, ``catalogi``, ``documenten``, ``klantinteracties``)."""
    return f"{basis_url()}/{component}/api/v1/{pad}"


def uuid_uit_url(url: str, component: str, resource: str) -> uuidlib.UUID | None:
    """The uuid at the end of a URL of this platform's ``resource``; None when
    the URL is another's (then it matches nothing here)."""
    voorvoegsel = api_url(component, resource + "/")
    if not url.startswith(voorvoegsel):
        return None
    try:
        return uuidlib.UUID(url[len(voorvoegsel) :])
    except ValueError:
        return None


class ValidatieFout(exceptions.ValidationError):
    """A 400 naming the parameters or fields that were wrong, each with a code."""

    def __init__(self, fouten: list[tuple[str, str, str]]):
        self.fouten = fouten
        super().__init__({naam: [reden] for naam, _code, reden in fouten})


class VoorwaardeNietVervuld(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


def fout_body(*, status_code: int, code: str, detail: str, instance: str, **extra) -> dict:
    return {
        "type": f"https://httpstatuses.io/{status_code}",
        "code": code,
        "title": str(TITELS.get(status_code, _("Het verzoek is niet gelukt."))),
        "status": status_code,
        "detail": detail,
        "instance": instance,
        **extra,
    }


def zgw_exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Niet gevonden."))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        # The ZGW APIs answer 403 to a missing or wrong JWT (as the reference
        # implementation does); 401 is left to the Token of Klantinteracties.
        view = context.get("view")
        if getattr(view, "geen_inlog_status", 403) == 403:
            detail, code = exc.detail, exc.get_codes()
            exc = exceptions.PermissionDenied(detail, code=code)
    response = exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    instance = f"urn:uuid:{uuidlib.uuid4()}"
    code = exc.get_codes() if hasattr(exc, "get_codes") else exc.default_code
    if not isinstance(code, str):
        code = exc.default_code
    extra = {}
    if isinstance(exc, ValidatieFout):
        code = "invalid"
        detail = _("Een of meer parameters of velden zijn ongeldig.")
        extra["invalidParams"] = [
            {"name": naam, "code": fcode, "reason": reden} for naam, fcode, reden in exc.fouten
        ]
    elif isinstance(exc, exceptions.ValidationError):
        code = "invalid"
        detail = _("Een of meer parameters of velden zijn ongeldig.")
        extra["invalidParams"] = [
            {"name": naam, "code": "invalid", "reason": " ".join(map(str, fouten))}
            for naam, fouten in (response.data.items() if isinstance(response.data, dict) else [])
        ]
    else:
        detail = str(getattr(exc, "detail", "") or TITELS.get(response.status_code, ""))
    response.data = fout_body(
        status_code=response.status_code, code=code, detail=detail, instance=instance, **extra
    )
    response.content_type = PROBLEM_JSON
    if request is not None and getattr(context.get("view"), "api_versie", None):
        response["API-version"] = context["view"].api_versie
    return response


MAX_PAGINA = 100_000


def paginanummer(waarde) -> int:
    waarde = str(waarde)
    if not waarde.isdigit() or not 1 <= int(waarde) <= MAX_PAGINA:
        raise ValidatieFout(
            [("page", "invalid", _("Geef een paginanummer van 1 tot en met 100000."))]
        )
    return int(waarde)


class ZgwView(APIView):
    """A read operation of a standard API. Subclasses say their component,
    scope, version, the query parameters they know and whether a geometry
    makes ``Accept-Crs`` required."""

    component = ""
    scope = ""
    api_versie = ""
    parameters: frozenset[str] = frozenset()
    crs = False
    authentication_classes = [ZgwJwtAuthentication]
    permission_classes = [HeeftScope]
    renderer_classes = [JSONRenderer]
    # Never the project's own problem format or its session login.
    schema = None

    def get_exception_handler(self):
        return zgw_exception_handler

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        onbekend = sorted(set(request.query_params) - self.parameters)
        if onbekend:
            raise ValidatieFout(
                [
                    (naam, "unknown-parameters", _("Deze parameter wordt hier niet ondersteund."))
                    for naam in onbekend
                ]
            )
        if self.crs and request.method in ("GET", "HEAD", "POST"):
            gevraagd = request.META.get("HTTP_ACCEPT_CRS")
            if not gevraagd:
                raise VoorwaardeNietVervuld(_("De kop 'Accept-Crs' ontbreekt; stuur EPSG:4326."))
            if gevraagd.strip() != CRS:
                raise exceptions.NotAcceptable(_("Alleen het CRS EPSG:4326 wordt ondersteund."))
            if request.method == "POST" and request.META.get("HTTP_CONTENT_CRS", CRS) != CRS:
                raise VoorwaardeNietVervuld(_("Alleen het CRS EPSG:4326 wordt ondersteund."))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-version"] = self.api_versie
        if self.crs and response.status_code < 400:
            response["Content-Crs"] = CRS
        return response

    def head(self, request, *args, **kwargs):
        """HEAD: the GET's status and headers (its ETag), without the body."""
        response = self.get(request, *args, **kwargs)
        if isinstance(response, Response):
            response.data = None
        return response

    # --- helpers for the operations ---

    @property
    def gebruiker(self) -> ApiGebruiker:
        return self.request.user

    def recht(self):
        return self.gebruiker.toegang.recht(self.scope)

    def pagina(self) -> int:
        return paginanummer(self.request.query_params.get("page", "1"))

    def gepagineerd(
        self, aantal: int, pagina: int, resultaten: list, grootte: int = PAGINAGROOTTE
    ) -> Response:
        # A page past the end is empty (with the way back), as every list
        # operation of the standards describes it.
        return Response(
            {
                "count": aantal,
                "next": self._pagina_url(pagina + 1) if pagina * grootte < aantal else None,
                "previous": self._pagina_url(pagina - 1) if pagina > 1 else None,
                "results": resultaten,
            }
        )

    def _pagina_url(self, pagina: int) -> str:
        query = self.request.GET.copy()
        query["page"] = str(pagina)
        return f"{basis_url()}{self.request.path}?{query.urlencode()}"

    def met_etag(self, body: dict) -> HttpResponse | Response:
        """The answer with its ETag; 304 when the client has it already."""
        etag = (
            '"'
            + hashlib.md5(  # noqa: S324 - a fingerprint, not security
                json.dumps(body, sort_keys=True, default=str).encode()
            ).hexdigest()
            + '"'
        )
        gevraagd = self.request.META.get("HTTP_IF_NONE_MATCH", "")
        if etag in [deel.strip() for deel in gevraagd.split(",")]:
            response = HttpResponse(status=304)
        else:
            response = Response(body)
        response["ETag"] = etag
        return response

    def audit(
        self,
        *,
        omschrijving: str,
        betrokkenen: Iterable[str],
        object_type: str,
        object_id: str = "",
    ) -> None:
        """One audit row per person or business whose data was read (in one
        query), naming the applicatie and whom it acted for."""
        gebruiker = self.gebruiker
        reden = _("Via %(applicatie)s, namens %(wie)s") % {
            "applicatie": gebruiker.toegang.label,
            "wie": gebruiker.user_representation or gebruiker.user_id or _("onbekend"),
        }
        rijen = [
            AuditLogEntry(
                gebruiker=None,
                gebruikersnaam=gebruiker.get_username(),
                rollen="applicatie",
                actie=AuditLogEntry.Actie.INZIEN,
                betrokkene=betrokkene,
                object_type=object_type,
                object_id=object_id,
                omschrijving=omschrijving[:500],
                reden=reden[:500],
                pad=self.request.path[:500],
                ip_adres=self.request.META.get("REMOTE_ADDR") or None,
            )
            for betrokkene in sorted(set(betrokkenen))
            if betrokkene
        ]
        if len(rijen) == 1:
            # One row without a transaction around it: no BEGIN and COMMIT
            # round trips on the hot path of a portal's case list.
            rijen[0].save()
        elif rijen:
            AuditLogEntry.objects.bulk_create(rijen)


def zgw_niet_gevonden(request, component: str, versie: str):
    """A path under a standard API that is no operation (a trailing slash,
    an unknown resource): a Fout, not the pages' HTML."""
    body = fout_body(
        status_code=404,
        code="not_found",
        detail=_("Deze URL bestaat niet in de %(component)s API.") % {"component": component},
        instance=f"urn:uuid:{uuidlib.uuid4()}",
    )
    response = JsonResponse(body, status=404, content_type=PROBLEM_JSON)
    response["API-version"] = versie
    return response
