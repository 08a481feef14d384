"""Malformed identifiers in forms get a friendly answer, never a server error."""

import pytest

from tests.factories import maak_product
from zaken import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(klant, teamleider):
    product = maak_product(kanalen=[("balie", True, "84.40")])
    return services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)


@pytest.mark.parametrize("waarde", ["kapot", "", "00000000-0000-0000-0000-000000000000"])
def test_it_answers_404_for_a_malformed_or_unknown_identifier(
    client, klantmanager, teamleider, klant, zaak, waarde
):
    client.force_login(teamleider)
    assert client.post("/kcc/berichten/mislukt/", {"bericht": waarde}).status_code == 404
    response = client.post(
        f"/kcc/zaken/{zaak.uuid}/actie/", {"actie": "toewijzen", "behandelaar": waarde}
    )
    assert response.status_code == 404
    client.force_login(klantmanager)
    response = client.post(f"/kcc/klanten/{klant.uuid}/aanvraag/", {"product": waarde})
    assert response.status_code == 404
    assert services.Zaak.objects.count() == 1
