"""API plumbing shared by every app, and the account endpoints.

Errors are answered as ``application/problem+json`` (RFC 9457), as the NL
API Design Rules ask: a ``title`` for people, a ``status``, a ``code`` for
programs and, for validation errors, ``invalidParams`` per field.
"""

from __future__ import annotations

import json

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.authentication import SessionScheme
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler

from kcc.access import HasPlatformPermission
from kcc.api_parsers import OnleesbareJSON
from kcc.models import Afdeling


class KccSessionScheme(SessionScheme):
    """Describes kcc.api_auth.SessionAuthentication in the OpenAPI schema."""

    target_class = "kcc.api_auth.SessionAuthentication"


# A problem's title names its kind and is the same every time it occurs
# (RFC 9457, 3.1.4); what went wrong this time is in its detail. DRF's own
# messages cannot be the title: some have placeholders ("{method}") that are
# filled in the detail only.
TITELS = {
    400: _("De invoer is niet geldig."),
    401: _("U bent niet ingelogd."),
    403: _("U heeft hiervoor geen toegang."),
    404: _("Niet gevonden."),
    405: _("Deze methode is hier niet toegestaan."),
    406: _("Het gevraagde antwoordformaat is niet beschikbaar."),
    409: _("Het verzoek past niet bij de huidige toestand."),
    413: _("Wat u verstuurde is te groot."),
    415: _("Het formaat van de invoer wordt niet ondersteund."),
    429: _("Te veel verzoeken."),
    500: _("Er ging iets mis op de server."),
}


PROBLEM_JSON = "application/problem+json"


def is_api_request(request: HttpRequest) -> bool:
    """Whether the request is for the API, whose errors are problem+json
    (the pages answer with their Dutch HTML error pages)."""
    return request.path_info.startswith("/api/")


def problem(*, status: int, title: str, code: str, instance: str | None, **extra) -> dict:
    """The body of a problem+json answer: the one shape of every API error."""
    return {
        "type": f"https://httpstatuses.io/{status}",
        "title": str(title),
        "status": status,
        "code": code,
        "instance": instance,
        **extra,
    }


def problem_response(request: HttpRequest, *, status: int, title: str, code: str, **extra):
    """A problem+json answer outside DRF's views: an unknown address, a body
    too large to read, a server error, input refused before any view."""
    return JsonResponse(
        problem(status=status, title=title, code=code, instance=request.path, **extra),
        status=status,
        content_type=PROBLEM_JSON,
    )


def _leesfout(exc: exceptions.ParseError, request) -> str:
    """DRF's parsers explain a body they cannot read in English, with the
    parser's own message; the caller gets it in Dutch."""
    oorzaak = exc.__context__
    if isinstance(oorzaak, json.JSONDecodeError):
        return _("De invoer is geen geldige JSON (regel %(regel)s, positie %(positie)s).") % {
            "regel": oorzaak.lineno,
            "positie": oorzaak.colno,
        }
    soort = (getattr(request, "content_type", "") or "").split(";")[0].strip()
    if soort == "application/json":
        return _("De invoer is geen geldige JSON.")
    if soort.startswith("multipart/"):
        return _("Het formulier met bestanden kon niet worden gelezen.")
    return _("De invoer kon niet worden gelezen.")


def problem_exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    status = response.status_code
    body = problem(
        status=status,
        title=TITELS.get(status, _("Het verzoek is niet gelukt.")),
        code=getattr(exc.detail, "code", None) or exc.default_code,
        instance=request.path if request else None,
    )
    if isinstance(exc, exceptions.ValidationError) and isinstance(response.data, dict):
        body["invalidParams"] = [
            {"name": field, "code": "invalid", "reason": " ".join(map(str, errors))}
            for field, errors in response.data.items()
        ]
    elif isinstance(exc, exceptions.ParseError):
        body["title"] = str(_("De gegevens zijn niet leesbaar."))
        # The project's JSON reader says in Dutch what it refused (too deep,
        # a NUL character); for DRF's own parsers the cause is put in Dutch.
        eigen = isinstance(exc.__context__, (RecursionError, OnleesbareJSON))
        body["detail"] = str(exc.detail) if eigen else str(_leesfout(exc, request))
    elif isinstance(response.data, list):
        body["detail"] = " ".join(map(str, response.data))
    elif isinstance(response.data, dict) and "detail" in response.data:
        body["detail"] = str(response.data["detail"])
    response.data = body
    response.content_type = PROBLEM_JSON
    return response


class MijOutputSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    gebruikersnaam = serializers.CharField()
    naam = serializers.CharField()
    rollen = serializers.ListField(child=serializers.CharField())
    afdelingen = serializers.ListField(child=serializers.CharField())


class MijView(APIView):
    """Who is calling: the logged-in user's roles and afdelingen."""

    @extend_schema(responses=MijOutputSerializer, operation_id="mij_read")
    def get(self, request):
        user = request.user
        data = {
            "uuid": user.uuid,
            "gebruikersnaam": user.get_username(),
            "naam": str(user),
            "rollen": sorted(user.rollen),
            "afdelingen": [a.code for a in user.afdelingen.all()],
        }
        return Response(MijOutputSerializer(data).data)


class AfdelingOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Afdeling
        fields = ["uuid", "code", "naam", "email", "actief"]


class AfdelingListView(generics.ListAPIView):
    """The afdelingen cases and contactverzoeken can be handed to (staff only)."""

    serializer_class = AfdelingOutputSerializer
    permission_classes = [HasPlatformPermission]
    required_permission = "kcc.werkplek_gebruiken"
    queryset = Afdeling.objects.filter(actief=True).order_by("naam")
    filterset_fields = ["code"]
