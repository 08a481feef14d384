"""Case API: own cases for citizens, transitions for staff, 409 on conflict."""

import pytest
from django.contrib.auth.models import Group

from kcc.roles import Rol
from tests.factories import PDF, AfdelingFactory, KlantFactory, UserFactory, maak_product
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
        client.post(f"/api/v1/zaken/{zaak.uuid}/afhandelen/", {"resultaat": "x"}).status_code == 404
    )


def test_it_lets_staff_change_a_case_and_answers_409_on_a_conflict(client, zaak):
    user = UserFactory(rollen=[Rol.BEHANDELAAR], username="bz-api")
    user.afdelingen.add(zaak.afdeling)
    client.force_login(user)
    url = f"/api/v1/zaken/{zaak.uuid}/in-behandeling-nemen/"
    ok = client.post(url, {"verwachte_status": "ontvangen"})
    assert ok.status_code == 200
    assert ok.json()["status"] == "in_behandeling"
    conflict = client.post(url, {"verwachte_status": "ontvangen"})
    assert conflict.status_code == 409
    assert conflict["Content-Type"] == "application/problem+json"
    assert "heeft nu de status" in conflict.json()["detail"] or conflict.json()["detail"]
    invalid = client.post(f"/api/v1/zaken/{zaak.uuid}/afhandelen/", {"resultaat": ""})
    assert invalid.status_code == 400
    assert invalid.json()["invalidParams"][0]["name"] == "resultaat"
    stap = client.post(f"/api/v1/zaken/{zaak.uuid}/statusstap/", {"stap": "Bestaat niet"})
    assert stap.status_code == 400
    assert "hoort niet bij dit product" in stap.json()["invalidParams"][0]["reason"]
    klaar = client.post(f"/api/v1/zaken/{zaak.uuid}/afhandelen/", {"resultaat": "Verstrekt"})
    assert klaar.json()["status"] == "afgehandeld"


def test_a_role_that_may_not_take_a_step_gets_403_before_its_input_is_judged(
    client, zaak, klantmanager
):
    """A klantmanager sees the case but does not work it: refusing an empty
    and a full request alike tells nothing about what the step expects."""
    client.force_login(klantmanager)
    for invoer in ({}, {"reden": "Past niet", "verwachte_status": "ontvangen"}):
        antwoord = client.post(
            f"/api/v1/zaken/{zaak.uuid}/afwijzen/", invoer, content_type="application/json"
        )
        assert antwoord.status_code == 403, antwoord.content
        assert antwoord.json()["detail"] == "U mag deze stap niet zetten voor deze zaak."
    # What a klantmanager may do (hand the case over) still judges its input.
    leeg = client.post(
        f"/api/v1/zaken/{zaak.uuid}/overdragen/", {}, content_type="application/json"
    )
    assert leeg.status_code == 400


def test_it_lets_staff_hand_a_case_to_another_afdeling_through_the_api(client, zaak, klantmanager):
    vth = AfdelingFactory(code="vergunningen", naam="Vergunningen")
    client.force_login(klantmanager)
    response = client.post(
        f"/api/v1/zaken/{zaak.uuid}/overdragen/",
        {"afdeling": str(vth.uuid), "toelichting": "Gaat over een dakkapel"},
        content_type="application/json",
    )
    assert response.status_code == 200
    zaak.refresh_from_db(fields=["afdeling"])
    assert zaak.afdeling == vth


def test_it_lets_a_citizen_upload_to_their_own_case_only(client, burger, zaak, teamleider):
    from django.core.files.uploadedfile import SimpleUploadedFile

    andere = services.zaak_registreren(
        klant=KlantFactory(bsn="999990019"), product=zaak.product, kanaal="balie", user=teamleider
    )
    client.force_login(burger)
    pdf = SimpleUploadedFile("pasfoto.pdf", PDF, "application/pdf")
    response = client.post(
        f"/api/v1/zaken/{zaak.uuid}/documenten/", {"naam": "Pasfoto", "bestand": pdf}
    )
    assert response.status_code == 201, response.content
    document = response.json()
    assert (document["bestandstype"], document["door_klant"]) == ("pdf", True)
    download = client.get(document["inhoud"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "attachment" in download["Content-Disposition"]

    nep = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    fout = client.post(
        f"/api/v1/zaken/{zaak.uuid}/documenten/", {"naam": "Pasfoto", "bestand": nep}
    )
    assert fout.status_code == 400
    assert "niet openen" in fout.json()["invalidParams"][0]["reason"]

    pdf.seek(0)
    vreemd = client.post(f"/api/v1/zaken/{andere.uuid}/documenten/", {"naam": "x", "bestand": pdf})
    assert vreemd.status_code == 404
    assert andere.documenten.count() == 0
    andermans = services.zaak_document_toevoegen(
        zaak=andere, user=teamleider, bestand=pdf, naam="Pasfoto"
    )
    assert client.get(f"/api/v1/zaakdocumenten/{andermans.uuid}/inhoud/").status_code == 404


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


@pytest.mark.parametrize("als", ["burger", "teamleider"])
def test_it_reads_one_case_exactly_as_the_case_serializer_describes_it(
    client, rf, burger, teamleider, zaak, als
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from zaken.api import ZaakDetailSerializer
    from zaken.models import Zaak

    services.zaak_in_behandeling_nemen(zaak=zaak, user=teamleider)
    services.zaak_wacht_op_klant(zaak=zaak, user=teamleider, vraag="Stuur uw pasfoto")
    pdf = SimpleUploadedFile("pasfoto.pdf", PDF, "application/pdf")
    services.zaak_document_toevoegen(zaak=zaak, user=teamleider, bestand=pdf, naam="Pasfoto")
    user = {"burger": burger, "teamleider": teamleider}[als]
    client.force_login(user)

    gelezen = client.get(f"/api/v1/zaken/{zaak.uuid}/").json()

    request = rf.get("/")
    request.user = user
    verwacht = ZaakDetailSerializer(
        Zaak.objects.prefetch_related("historie__door", "documenten").get(pk=zaak.pk),
        context={"request": request, "medewerker": user.is_medewerker},
    ).data
    assert gelezen == dict(verwacht)
    assert len(gelezen["documenten"]) == 1
    # Staff see every step with its reason; the citizen the texts meant for them.
    if als == "teamleider":
        assert len(gelezen["historie"]) == zaak.historie.count() == 4
        assert "Stuur uw pasfoto" in [regel["reden"] for regel in gelezen["historie"]]
    else:
        assert len(gelezen["historie"]) == zaak.historie.exclude(burgertekst="").count()
        assert "reden" not in gelezen["historie"][-1]
