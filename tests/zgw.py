"""The official OpenAPI files of the standard APIs as referee.

The files are read from ``../shared/zgw/`` beside the checkout when that is
there (the originals), else from the byte-identical copies in
``kcc/koppelingen/standaarden/``. Three defects of the files would make a
strict validator refuse what the standard means, so they are normalised
when loading (here, never in the files):

- Zaken API 1.5.1, query parameter ``ordering``: its ``enum`` is a list in a
  list; it is flattened.
- ``{allOf: [$ref], nullable: true}`` without a ``type`` is meant as "the
  referenced schema or null"; it becomes a copy of that schema that also
  takes null.
- Catalogi API 1.3.1 types ``ZaakType.informatieobjecttypen`` and
  ``InformatieObjectType.zaaktypen`` as one string, where the standard's
  own descriptions (and every implementation) give a list of URLs; they are
  read as that list.

``controleren`` checks an answer of the test client against the file of its
API; ``tests/conftest.py`` does so for every answer under a standard API's
mount, in every test.
"""

from __future__ import annotations

import json
import os
import time
from functools import cache
from pathlib import Path

import jwt
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from openapi_core.templating.responses.exceptions import ResponseNotFound

ROOT = Path(__file__).resolve().parent.parent
GEDEELD = ROOT.parent / "shared" / "zgw"
KOPIE = ROOT / "kcc" / "koppelingen" / "standaarden"
BESTANDEN = {
    "zaken": "zaken-api-1.5.1.yaml",
    "catalogi": "catalogi-api-1.3.1.yaml",
    "documenten": "documenten-api-1.4.2.yaml",
    "klantinteracties": "klantinteracties-api-0.9.0.openklant-2.18.0.yaml",
    "notificaties": "notificaties-api-1.0.0.yaml",
    "notificaties-consumer": "notificaties-consumer-api-1.0.0-rc1.yaml",
}
MOUNTS = {
    "zaken": "/zaken/api/v1",
    "catalogi": "/catalogi/api/v1",
    "documenten": "/documenten/api/v1",
    "klantinteracties": "/klantinteracties/api/v1",
    "notificaties": "/notificaties/api/v1",
}
PROBLEM_JSON = "application/problem+json"
# The routes of the standard APIs (without the leading slash): other systems
# use them with a JWT, never a person with a session, so the page sweeps and
# the access matrix leave them to tests/test_zgw_*.py.
ROUTES = tuple(mount.lstrip("/") + "/" for mount in MOUNTS.values())


def bron() -> Path:
    """Where the official files are read from."""
    return GEDEELD if GEDEELD.is_dir() else KOPIE


def verplicht_gedeeld() -> bool:
    """In CI (KCC_REQUIRE_SERVICES) the shared originals must be there."""
    return bool(os.environ.get("KCC_REQUIRE_SERVICES"))


def _nullable_refs(knoop, schemas: dict):
    if isinstance(knoop, dict):
        delen = knoop.get("allOf")
        if (
            knoop.get("nullable") is True
            and "type" not in knoop
            and isinstance(delen, list)
            and len(delen) == 1
            and "$ref" in delen[0]
        ):
            rest = {k: v for k, v in knoop.items() if k not in ("allOf", "nullable")}
            return {**rest, "anyOf": [delen[0], {"enum": [None], "nullable": True}]}
        return {sleutel: _nullable_refs(waarde, schemas) for sleutel, waarde in knoop.items()}
    if isinstance(knoop, list):
        return [_nullable_refs(waarde, schemas) for waarde in knoop]
    return knoop


def _platte_enums(knoop):
    if isinstance(knoop, dict):
        enum = knoop.get("enum")
        if isinstance(enum, list) and enum and all(isinstance(e, list) for e in enum):
            knoop["enum"] = [waarde for deel in enum for waarde in deel]
        for waarde in knoop.values():
            _platte_enums(waarde)
    elif isinstance(knoop, list):
        for waarde in knoop:
            _platte_enums(waarde)


@cache
def spec(component: str) -> dict:
    """The official file of ``component``, normalised (see above)."""
    inhoud = yaml.safe_load((bron() / BESTANDEN[component]).read_text())
    _platte_enums(inhoud)
    schemas = inhoud.get("components", {}).get("schemas", {})
    if component == "catalogi":
        lijst = {"type": "array", "readOnly": True, "items": {"type": "string", "format": "uri"}}
        schemas["ZaakType"]["properties"]["informatieobjecttypen"] = dict(lijst)
        schemas["InformatieObjectType"]["properties"]["zaaktypen"] = dict(lijst)
    inhoud = _nullable_refs(inhoud, schemas)
    if component in MOUNTS:
        inhoud["servers"] = [{"url": f"http://testserver{MOUNTS[component]}"}]
    return inhoud


@cache
def openapi(component: str) -> OpenAPI:
    config = Config(extra_media_type_deserializers={PROBLEM_JSON: json.loads})
    return OpenAPI.from_dict(spec(component), config=config)


class ZgwFout(AssertionError):
    pass


class _Verzoek(DjangoOpenAPIRequest):
    @property
    def body(self):
        return None


def component_van(pad: str) -> str | None:
    for component, mount in MOUNTS.items():
        if pad.startswith(mount + "/"):
            return component
    return None


def controleren(response) -> None:
    """Raise ZgwFout when ``response`` is not what the official file of its
    API says the operation answers. A path that is no operation of the
    standard (a trailing slash, the openapi.json) is not checked here."""
    request = response.wsgi_request
    component = component_van(request.path)
    if component is None or request.path.endswith("/openapi.json"):
        return
    if response.status_code == 304 or request.method == "HEAD":
        return
    try:
        openapi(component).validate_response(_Verzoek(request), DjangoOpenAPIResponse(response))
    except (PathNotFound, OperationNotFound):
        return
    except ResponseNotFound:
        # The Klantinteracties file describes only the 200 of a read; an
        # error must still be a problem document with its status.
        if component == "klantinteracties" and response.status_code >= 400:
            body = json.loads(response.content)
            if response["Content-Type"] == PROBLEM_JSON and body.get("status") == (
                response.status_code
            ):
                return
        raise ZgwFout(
            f"{request.method} {request.get_full_path()} answered {response.status_code}, "
            f"which the official {BESTANDEN[component]} does not describe"
        ) from None
    except Exception as fout:
        oorzaak = fout.__cause__ or fout
        details = [str(f)[:1500] for f in getattr(oorzaak, "schema_errors", ())] or [
            str(oorzaak)[:1500]
        ]
        raise ZgwFout(
            f"{request.method} {request.get_full_path()} answered {response.status_code}, "
            f"which the official {BESTANDEN[component]} does not describe:\n  "
            + "\n  ".join(details)
        ) from fout


def schema_valideren(component: str, schema_naam: str, waarde) -> None:
    """Validate ``waarde`` against one schema of an official file."""
    from openapi_schema_validator import OAS30Validator, oas30_format_checker

    volledig = spec(component)
    schema = {**volledig["components"]["schemas"][schema_naam]}
    schema["components"] = volledig["components"]
    OAS30Validator(schema, format_checker=oas30_format_checker).validate(waarde)


def jwt_maken(
    client_id: str, secret: str, *, user_id: str = "test", iat: float | None = None, **extra
) -> str:
    claims = {
        "iss": client_id,
        "client_id": client_id,
        "iat": int(time.time() if iat is None else iat),
        "user_id": user_id,
        "user_representation": f"Test {user_id}",
        **extra,
    }
    return jwt.encode(claims, secret, algorithm="HS256")
