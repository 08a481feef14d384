"""API plumbing shared by every app, and the account endpoints.

Errors are answered as ``application/problem+json`` (RFC 9457), as the NL
API Design Rules ask: a ``title`` for people, a ``status``, a ``code`` for
programs and, for validation errors, ``invalidParams`` per field.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.authentication import SessionScheme
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler

from kcc.access import HasPlatformPermission
from kcc.models import Afdeling


class KccSessionScheme(SessionScheme):
    """Describes kcc.api_auth.SessionAuthentication in the OpenAPI schema."""

    target_class = "kcc.api_auth.SessionAuthentication"


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


def problem_exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    problem_body = problem(
        status=response.status_code,
        title=getattr(exc, "default_detail", "Error"),
        code=getattr(exc, "default_code", "error"),
        instance=request.path if request else None,
    )
    if isinstance(exc, exceptions.ParseError):
        problem_body["title"] = str(_("De gegevens zijn niet leesbaar."))
    if isinstance(exc, exceptions.ValidationError) and isinstance(response.data, dict):
        problem_body["title"] = str(_("De invoer is niet geldig."))
        problem_body["invalidParams"] = [
            {"name": field, "code": "invalid", "reason": " ".join(map(str, errors))}
            for field, errors in response.data.items()
        ]
    elif isinstance(response.data, dict) and "detail" in response.data:
        problem_body["detail"] = str(response.data["detail"])
    response.data = problem_body
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
