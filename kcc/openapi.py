"""What the OpenAPI description of the API says beyond what drf-spectacular
works out itself: the errors each operation can answer, and the shape of the
values it writes as strings.

The error answers are worked out from how a view is built, so a new endpoint
is described as it behaves without anyone remembering to annotate it:

- 400 when it reads a body or a filter (``kcc.api.problem_exception_handler``
  lists what is wrong per field in ``invalidParams``; a body that is not
  JSON at all gets only a ``detail``);
- 401 when it needs a login and 403 when it checks a permission beyond that,
  or changes something (a session's write must carry its CSRF token);
- 404 when its path names an object, or its list is paged (a page past the
  end);
- 415 when DRF parses its body (another content type than it accepts);
- 406 always: DRF negotiates the answer's type first, and a caller whose
  ``Accept`` takes nothing it writes gets this.

And what any operation can answer before or after its view (``overal``):

- 400 for a NUL character in the address or the query (``kcc.nul_tekens``
  refuses it for every request, so also where the view reads no input);
- 413 when it reads a body and the body is over the limit (too large, too
  many fields or files: ``kcc.views.bad_request``);
- 500 for an error no view caught (``kcc.views.server_error``), as a problem
  like every other error.

What a view gives beyond these (a 409 on a case that changed meanwhile) it
declares itself with ``probleem()``. ``tests/test_api_contract.py`` checks
every answer the test suite gets from the API against the committed file.
"""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import OpenApiResponse
from rest_framework import permissions, serializers

PROBLEM_JSON = "application/problem+json"

# What DRF writes for a time (ISO 8601, local time without an offset). The
# OpenAPI format "time" would promise RFC 3339's full-time, with an offset.
TIJD_PATROON = r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?$"


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="Het veld, of 'non_field_errors' voor het geheel.")
    code = serializers.CharField()
    reason = serializers.CharField(help_text="Wat er mis is, in het Nederlands.")


class ProblemSerializer(serializers.Serializer):
    """An error as RFC 9457 has it (NL API Design Rules)."""

    type = serializers.URLField()
    title = serializers.CharField()
    status = serializers.IntegerField(min_value=400, max_value=599)
    code = serializers.CharField(help_text="Voor programma's, bijvoorbeeld 'not_found'.")
    instance = serializers.CharField(help_text="Het pad van het verzoek.")
    detail = serializers.CharField(required=False)
    # camelCase: the name the NL API Design Rules give it.
    invalidParams = InvalidParamSerializer(
        many=True, required=False, help_text="Bij 400: wat er per veld niet klopt."
    )


def probleem(status: int, beschrijving: str) -> dict:
    """An error answer for ``extend_schema(responses={..., **probleem(409, "...")})``."""
    return {(status, PROBLEM_JSON): OpenApiResponse(ProblemSerializer, description=beschrijving)}


_SCHRIJVEN = {"POST", "PUT", "PATCH", "DELETE"}

STANDAARD_PROBLEMEN = {
    400: "De invoer is niet geldig (invalidParams zegt per veld waarom).",
    401: "Niet ingelogd.",
    403: "Geen toestemming (of het CSRF-token ontbreekt).",
    404: "Niet gevonden, of niet voor u in te zien.",
    415: "Dit soort inhoud (Content-Type) neemt dit adres niet aan.",
    406: "Dit adres antwoordt niet in het gevraagde formaat (Accept).",
    413: "Het verzoek is te groot, of heeft te veel velden of bestanden.",
    500: "Er ging iets mis op de server; probeer het later opnieuw.",
}


class KccAutoSchema(AutoSchema):
    def leest_body(self) -> bool:
        return self.method in {"POST", "PUT", "PATCH"} and bool(self.get_request_serializer())

    def problemen(self) -> dict[int, str]:
        """The errors this operation's view can answer, by status, with what they mean."""
        view = self.view
        leest_body = self.leest_body()
        permissies = view.get_permissions()
        openbaar = any(isinstance(p, permissions.AllowAny) for p in permissies)
        inloggen = bool(view.get_authenticators()) and not openbaar
        fouten = []
        if leest_body or self._get_filter_parameters():
            fouten.append(400)
        if inloggen:
            fouten.append(401)
            extra_permissie = any(
                not isinstance(p, permissions.IsAuthenticated) for p in permissies
            )
            if extra_permissie or self.method in _SCHRIJVEN:
                fouten.append(403)
        if "{" in self.path or (self._is_list_view() and self._get_paginator()):
            fouten.append(404)
        if leest_body:
            fouten.append(415)
        fouten.append(406)
        return {status: STANDAARD_PROBLEMEN[status] for status in fouten}

    def overal(self) -> dict[int, str]:
        """The errors this operation can answer whatever its view does."""
        fouten = [400, 500] + ([413] if self.leest_body() else [])
        return {status: STANDAARD_PROBLEMEN[status] for status in fouten}

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        antwoorden = operation["responses"]
        for status, beschrijving in {**self.overal(), **self.problemen()}.items():
            if str(status) in antwoorden:  # the view said it more precisely
                continue
            antwoord = self._get_response_for_code(
                OpenApiResponse(ProblemSerializer, description=beschrijving),
                str(status),
                media_types=[PROBLEM_JSON],
            )
            if beschrijving == STANDAARD_PROBLEMEN.get(status):
                # The common answers once under components/responses, referred
                # to by every operation that can give them.
                component = ResolvedComponent(
                    name=f"Problem{status}",
                    type=ResolvedComponent.RESPONSE,
                    schema=antwoord,
                    object=f"Problem{status}",
                )
                self.registry.register_on_missing(component)
                antwoord = component.ref
            antwoorden[str(status)] = antwoord
        operation["responses"] = dict(sorted(antwoorden.items()))
        return operation

    def _get_serializer_name(self, serializer, direction, bypass_extensions=False):
        # COMPONENT_SPLIT_REQUEST names a request body "...Request"; an input
        # serializer (habit: separate input and output serializers) is only
        # ever a request, so it keeps its own name.
        naam = super()._get_serializer_name(serializer, direction, bypass_extensions)
        if direction == "request" and naam.endswith("InputRequest"):
            naam = naam.removesuffix("Request")
        return naam

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        if isinstance(field, serializers.TimeField):
            meta = self._get_serializer_field_meta(field, direction)
            return {"type": "string", "pattern": TIJD_PATROON, "example": "09:00:00", **meta}
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if (
            direction == "request"
            and type(field) is serializers.CharField
            and not field.allow_blank
            and field.trim_whitespace
            and "pattern" not in schema
        ):
            # DRF strips the spaces first: only spaces is as empty as "".
            schema["pattern"] = r"\S"
        return schema
