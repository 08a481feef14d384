"""The committed OpenAPI file as a contract: every answer the test suite gets
from the API must be one it describes (status code, content type and body).

``tests/conftest.py`` wraps the test client with ``controleren`` for every
test, so an API test that gets an undocumented status, a PDF where the file
promises JSON, or a field that is not described fails on the spot.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from openapi_core import Config, OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound

OPENAPI_BESTAND = Path(__file__).resolve().parent.parent / "docs" / "openapi.yaml"
API_PREFIX = "/api/v1/"
PROBLEM_JSON = "application/problem+json"
# The schema and its viewer describe the API; they are not in it.
BUITEN_HET_CONTRACT = ("/api/v1/schema/", "/api/v1/docs/")


class ContractFout(AssertionError):
    pass


class _Verzoek(DjangoOpenAPIRequest):
    # Only the answer is checked (a test may send a wrong request on
    # purpose), and a multipart body has been read as a stream already.
    @property
    def body(self):
        return None


def _strikt(schema):
    """Every described object closed: a field the API sends but the file
    does not mention is drift too. Only in this copy for the tests; the
    published file leaves room to add fields later."""
    if isinstance(schema, dict):
        if schema.get("type") == "object" and "properties" in schema:
            schema.setdefault("additionalProperties", False)
        for waarde in schema.values():
            _strikt(waarde)
    elif isinstance(schema, list):
        for waarde in schema:
            _strikt(waarde)
    return schema


@cache
def openapi() -> OpenAPI:
    return openapi_van(yaml.safe_load(OPENAPI_BESTAND.read_text()))


def openapi_van(spec: dict) -> OpenAPI:
    spec = copy.deepcopy(spec)
    spec["components"]["schemas"] = _strikt(spec["components"]["schemas"])
    config = Config(
        # RFC 9457's errors are JSON under their own media type.
        extra_media_type_deserializers={PROBLEM_JSON: json.loads},
        # "time" as JSON Schema and RFC 3339 mean it (with an offset), not the
        # looser reading of the validator's own checker: a generated client
        # holds the API to that.
        extra_format_validators={
            "time": lambda waarde: Draft202012Validator.FORMAT_CHECKER.conforms(waarde, "time")
        },
    )
    return OpenAPI.from_dict(spec, config=config)


def in_het_contract(path: str) -> bool:
    return path.startswith(API_PREFIX) and not path.startswith(BUITEN_HET_CONTRACT)


def controleren(response, *, tegen: OpenAPI | None = None) -> None:
    """Raise ContractFout when ``response`` (from the test client) is not
    what docs/openapi.yaml says its operation answers. A method or path the
    file does not have (a 405, a URL that is no endpoint) is no operation of
    the API and is not checked here."""
    request = response.wsgi_request
    if not in_het_contract(request.path):
        return
    try:
        (tegen or openapi()).validate_response(_Verzoek(request), DjangoOpenAPIResponse(response))
    except (PathNotFound, OperationNotFound):
        return
    except Exception as fout:  # openapi-core's errors chain the detail in __cause__
        oorzaak = fout.__cause__ or fout
        details = [str(oorzaak), *map(str, getattr(oorzaak, "schema_errors", ()))]
        raise ContractFout(
            f"{request.method} {request.path} answered {response.status_code} "
            f"{response.get('Content-Type', '')!r}, which docs/openapi.yaml does not "
            "describe:\n  " + "\n  ".join(details)
        ) from fout
