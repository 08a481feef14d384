"""Case API: own cases for citizens, transitions for staff, 409 on conflict."""

import pytest
from django.contrib.auth.models import Group

from kcc.roles import Rol
from tests.factories import AfdelingFactory, KlantFactory, UserFactory, maak_product
from zaken import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(klant, teamleider):
    product = maak_product(kanalen=[("balie", True, "84.40")])
    return services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)


def test_it_shows_a_citizen_only_their_own_cases(client, burger, zaak, teamleider):
    andere_klant = KlantFactory(bsn="999990019")
    andere = services.zaak_registreren(
        klant=andere_klant, product=zaak.product, kanaal="balie", user=teamleider
    )
    client.force_login(burger)
    body = client.get("/api/v1/zaken/").json()
    assert [z["nummer"] for z in body["results"]] == [zaak.nummer]
    detail = client.get(f"/api/v1/zaken/{zaak.uuid}/").json()
    assert detail["historie"][0]["burgertekst"].startswith("Wij hebben uw aanvraag")
    assert "reden" not in detail["historie"][0]
    response = client.get(f"/api/v1/zaken/{andere.uuid}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert (
        client.post(f"/api/v1/zaken/{zaak.uuid}/overgangen/", {"actie": "afhandelen"}).status_code
        == 404
    )


def test_it_lets_staff_change_a_case_and_answers_409_on_a_conflict(client, zaak):
    user = UserFactory(rollen=[Rol.BEHANDELAAR], username="bz-api")
    user.afdelingen.add(zaak.afdeling)
    client.force_login(user)
    url = f"/api/v1/zaken/{zaak.uuid}/overgangen/"
    ok = client.post(url, {"actie": "in_behandeling", "verwachte_status": "ontvangen"})
    assert ok.status_code == 200
    assert ok.json()["status"] == "in_behandeling"
    conflict = client.post(url, {"actie": "in_behandeling", "verwachte_status": "ontvangen"})
    assert conflict.status_code == 409
    assert conflict["Content-Type"] == "application/problem+json"
    invalid = client.post(url, {"actie": "afhandelen", "resultaat": ""})
    assert invalid.status_code == 400
    assert invalid.json()["invalidParams"][0]["name"] == "actie"


def test_it_hides_cases_of_other_afdelingen_from_staff(client, zaak):
    vreemde = UserFactory(rollen=[Rol.BEHANDELAAR], username="vth-api")
    vreemde.afdelingen.add(AfdelingFactory(code="vergunningen"))
    client.force_login(vreemde)
    assert client.get(f"/api/v1/zaken/{zaak.uuid}/").status_code == 404
    assert client.get("/api/v1/zaken/").json()["count"] == 0


def test_it_logs_staff_reading_a_case_through_the_api(client, klantmanager, zaak):
    from kcc.models import AuditLogEntry

    client.force_login(klantmanager)
    assert client.get(f"/api/v1/zaken/{zaak.uuid}/").status_code == 200
    assert AuditLogEntry.objects.filter(object_id=str(zaak.uuid), gebruiker=klantmanager).exists()


def test_it_refuses_a_citizen_group_member_without_identity(client, zaak):
    zonder = UserFactory(username="leeg")
    zonder.groups.add(Group.objects.get(name=Rol.BURGER))
    client.force_login(zonder)
    assert client.get("/api/v1/zaken/").json()["count"] == 0
