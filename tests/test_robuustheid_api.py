"""Every operation of the API answers bad input with a problem+json, never a
server error.

Schemathesis generates requests from the committed docs/openapi.yaml: input
that fits the schema and input that does not (wrong types, missing fields,
values out of range). They are sent in-process, as a member of staff who
may work every case and as a citizen, to the cases, products and documents
of the demo municipality; the webhooks' requests are signed, so their body
is read. A bounded number of examples per operation, derandomized: a run in
CI tries what a run on a laptop tries.

What the answers look like beyond that (status codes and bodies as the
schema documents them) is test_api.py's subject, not this sweep's.
"""

from __future__ import annotations

import io
import logging
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
import schemathesis
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode

from kanalen import webhooks
from kcc.models import Afdeling
from kcc.roles import Rol
from kcc.services import klant_gebruiker
from producten.models import Product
from tests.factories import UserFactory
from zaken.models import Zaak, ZaakDocument

pytestmark = pytest.mark.django_db

# The inbound e-mail webhook takes the raw message, bytes as they came.
schemathesis.serializer.alias("message/rfc822", "application/octet-stream")
SCHEMA = schemathesis.openapi.from_path(Path(__file__).parents[1] / "docs" / "openapi.yaml")
OPERATIES = sorted(
    (resultaat.ok() for resultaat in SCHEMA.get_all_operations()), key=lambda o: o.label
)
VOORBEELDEN = 25  # per operation, per kind of input, per visitor

INSTELLINGEN = settings(
    max_examples=VOORBEELDEN,
    derandomize=True,
    database=None,
    deadline=None,
    # No shrinking: a failure names the request as it was sent, and the run
    # stays bounded.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def _identificaties() -> dict[str, list[str]]:
    """Per kind of path, the demo's identifiers to send (a random uuid only
    ever finds a 404)."""
    return {
        "/api/v1/zaken/": [
            str(u) for u in Zaak.objects.order_by("pk").values_list("uuid", flat=True)
        ],
        "/api/v1/producten/": [
            str(u) for u in Product.objects.order_by("pk").values_list("uuid", flat=True)[:5]
        ],
        "/api/v1/zaakdocumenten/": [
            str(u) for u in ZaakDocument.objects.order_by("pk").values_list("uuid", flat=True)[:5]
        ],
    }


def _strategie(operatie, identificaties):
    soorten = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    if "{uuid}" not in operatie.path:
        return st.one_of(*(operatie.as_strategy(soort) for soort in soorten))
    uuids = next(
        (waarden for voor, waarden in identificaties.items() if operatie.path.startswith(voor)), []
    )
    if not uuids:
        return st.one_of(*(operatie.as_strategy(soort) for soort in soorten))
    return st.tuples(st.sampled_from(uuids), st.sampled_from(soorten)).flatmap(
        lambda paar: operatie.as_strategy(paar[1], path_parameters={"uuid": paar[0]})
    )


def _versturen(client: Client, case, settings_) -> tuple[str, object]:
    """Send the generated request through Django's test client, encoded as
    requests would put it on the wire; a webhook's body signed."""
    kwargs = case.as_transport_kwargs(base_url="http://testserver")
    kwargs.pop("cookies", None)  # the session is the logged-in visitor's
    kwargs["headers"] = {
        naam: waarde
        for naam, waarde in kwargs.get("headers", {}).items()
        if naam.lower() not in ("cookie", "connection", "accept-encoding", "content-length")
    }
    verzoek = requests.Request(**kwargs).prepare()
    delen = urlsplit(verzoek.url)
    body = verzoek.body or b""
    if isinstance(body, str):
        body = body.encode()
    headers = {k: v for k, v in verzoek.headers.items() if k.lower() != "content-type"}
    geheim = None
    if delen.path.startswith("/api/v1/telefonie/"):
        geheim = settings_.TELEFONIE_WEBHOOK_GEHEIM
    elif delen.path.startswith("/api/v1/inbox/"):
        geheim = settings_.INBOX_WEBHOOK_GEHEIM
    if geheim:
        tijdstip = str(int(time.time()))
        headers["X-KCC-Tijdstip"] = tijdstip
        headers["X-KCC-Handtekening"] = webhooks.handtekening(geheim, tijdstip, body)
    beschrijving = f"{verzoek.method} {verzoek.url} {body[:300]!r}"
    with transaction.atomic():
        response = client.generic(
            verzoek.method,
            delen.path,
            data=body,
            content_type=verzoek.headers.get("Content-Type", ""),
            QUERY_STRING=delen.query,
            headers=headers,
        )
    return beschrijving, response


def _fouten_van(client: Client, wie: str, settings_) -> list[str]:
    identificaties = _identificaties()
    fouten = []
    laatste: dict[str, str] = {}
    for operatie in OPERATIES:
        laatste.clear()

        @INSTELLINGEN
        @given(case=_strategie(operatie, identificaties))
        def proberen(case):
            try:
                laatste["verzoek"], response = _versturen(client, case, settings_)
            except Exception as exc:
                raise AssertionError(f"{exc!r}") from exc
            assert response.status_code < 500, response.status_code
            if response.status_code >= 400:
                soort = response.get("Content-Type", "")
                assert soort.startswith("application/problem+json"), soort

        try:
            proberen()
        except Exception as exc:
            fouten.append(f"{wie}: {operatie.label}: {laatste.get('verzoek')} -> {exc}"[:800])
    return fouten


@pytest.fixture(autouse=True)
def _alleen_het_schema_telt(monkeypatch):
    """The examples depend on the schema and the seed only. Hypothesis also
    mixes in literals it finds in the project's modules loaded so far, so
    the same test drew other examples alone than after other tests; CI and a
    developer running this file must try the same requests."""
    from hypothesis.internal.conjecture import providers
    from hypothesis.internal.constants_ast import Constants

    monkeypatch.setattr(providers, "_get_local_constants", Constants, raising=False)


@pytest.fixture
def gemeente(caplog):
    caplog.set_level(logging.CRITICAL, logger="django.request")
    caplog.set_level(logging.CRITICAL, logger="django.security")
    caplog.set_level(logging.CRITICAL, logger="kanalen")
    call_command("demo_data", stdout=io.StringIO())


def _medewerker():
    medewerker = UserFactory(
        rollen=[Rol.KLANTMANAGER, Rol.BEHANDELAAR, Rol.TEAMLEIDER, Rol.BEHEERDER]
    )
    medewerker.afdelingen.set(Afdeling.objects.all())
    return medewerker


BEZOEKERS = {
    # Every role and every afdeling: each operation reaches its real work.
    "medewerker": _medewerker,
    "burger": lambda: klant_gebruiker(bsn="999993653"),
    "anoniem": lambda: None,
}


def test_it_answers_every_operation_without_a_server_error(gemeente, settings):
    """Each visitor in turn on one demo municipality (loading it is a third
    of the time): the anonymous visitor and the citizen, who change little,
    before the member of staff with every role."""
    fouten = []
    for wie in ("anoniem", "burger", "medewerker"):
        client = Client()
        if (user := BEZOEKERS[wie]()) is not None:
            client.force_login(user)
        fouten += _fouten_van(client, wie, settings)
    assert not fouten, "\n".join(fouten)
