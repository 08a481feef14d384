"""The agent starts a case; the afdeling works it from its queue."""

import pytest

from kcc.roles import Rol
from tests.factories import AfdelingFactory, UserFactory, maak_product
from zaken.models import Zaak, ZaakStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    return maak_product(kanalen=[("balie", True, "84.40"), ("telefoon", False, None)])


@pytest.fixture
def behandelaar(product):
    user = UserFactory(rollen=[Rol.BEHANDELAAR], username="bz-queue")
    user.afdelingen.add(product.afdeling)
    return user


def test_it_lets_an_agent_start_a_case_and_the_afdeling_work_it(
    client, klantmanager, behandelaar, klant, product
):
    client.force_login(klantmanager)
    response = client.post(
        f"/kcc/klanten/{klant.uuid}/aanvraag/", {"product": str(product.uuid), "kanaal": "telefoon"}
    )
    zaak = Zaak.objects.get()
    assert response["Location"] == f"/kcc/zaken/{zaak.uuid}/"
    assert zaak.nummer in client.get(f"/kcc/klanten/{klant.uuid}/").content.decode()

    client.force_login(behandelaar)
    queue = client.get("/kcc/zaken/").content.decode()
    assert zaak.nummer in queue
    url = f"/kcc/zaken/{zaak.uuid}/actie/"
    stappen = [
        {"actie": "in_behandeling", "verwachte_status": "ontvangen"},
        {
            "actie": "wacht_op_klant",
            "vraag": "Stuur een pasfoto",
            "verwachte_status": "in_behandeling",
        },
        {"actie": "hervatten", "verwachte_status": "wacht_op_klant"},
        {"actie": "statusstap", "stap": "Ligt klaar"},
        {"actie": "notitie", "tekst": "Klant belt morgen"},
        {"actie": "afhandelen", "resultaat": "Uitgereikt", "verwachte_status": "in_behandeling"},
    ]
    for data in stappen:
        response = client.post(url, data, follow=True)
        assert "Opgeslagen." in response.content.decode(), data
    page = client.get(f"/kcc/zaken/{zaak.uuid}/").content.decode()
    assert "Afgehandeld" in page and "Klant belt morgen" in page and "Stuur een pasfoto" in page
    assert Zaak.objects.get().status == ZaakStatus.AFGEHANDELD


def test_it_tells_a_behandelaar_when_someone_else_was_first(
    client, behandelaar, klant, product, teamleider
):
    from zaken import services

    zaak = services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)
    services.zaak_in_behandeling_nemen(zaak=zaak, user=teamleider)
    client.force_login(behandelaar)
    response = client.post(
        f"/kcc/zaken/{zaak.uuid}/actie/",
        {"actie": "in_behandeling", "verwachte_status": "ontvangen"},
        follow=True,
    )
    assert "intussen door iemand anders gewijzigd" in response.content.decode()


def test_it_hides_cases_of_other_afdelingen(client, klant, product, teamleider):
    from zaken import services

    zaak = services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)
    vreemde = UserFactory(rollen=[Rol.BEHANDELAAR], username="vth-queue")
    vreemde.afdelingen.add(AfdelingFactory(code="vergunningen"))
    client.force_login(vreemde)
    assert zaak.nummer not in client.get("/kcc/zaken/").content.decode()
    assert client.get(f"/kcc/zaken/{zaak.uuid}/").status_code == 404
    assert client.post(f"/kcc/zaken/{zaak.uuid}/actie/", {"actie": "afwijzen"}).status_code == 404


def test_it_shows_only_the_buttons_this_user_may_use(
    client, behandelaar, klantmanager, klant, product, teamleider
):
    from zaken import services

    zaak = services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)
    client.force_login(behandelaar)
    page = client.get(f"/kcc/zaken/{zaak.uuid}/").content.decode()
    assert 'value="in_behandeling"' in page and 'value="afhandelen"' not in page
    client.force_login(klantmanager)
    page = client.get(f"/kcc/zaken/{zaak.uuid}/").content.decode()
    assert 'value="in_behandeling"' not in page and 'value="intrekken"' in page


def test_it_reads_the_work_queue_in_a_fixed_number_of_queries(
    client, behandelaar, klant, product, teamleider, django_assert_max_num_queries
):
    from zaken import services

    for _ in range(20):
        services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=teamleider)
    client.force_login(behandelaar)
    with django_assert_max_num_queries(8):
        assert client.get("/kcc/zaken/?termijn=deze_week").status_code == 200
