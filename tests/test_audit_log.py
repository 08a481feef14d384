"""Every staff read of a person's data is in the audit log, which cannot be changed."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction

from kcc.audit import Actie, audit_log
from kcc.models import AuditLogEntry

pytestmark = pytest.mark.django_db


def test_it_logs_who_opened_whose_klantbeeld_and_why(client, klantmanager, klant):
    client.force_login(klantmanager)
    response = client.get(f"/kcc/klanten/{klant.uuid}/")
    assert response.status_code == 200
    assert "Suzanne" in response.content.decode()
    entry = AuditLogEntry.objects.get(actie=Actie.INZIEN)
    assert entry.gebruiker == klantmanager
    assert entry.rollen == "klantmanager"
    assert entry.betrokkene == "999993653"
    assert entry.object_type == "klanten.Klant"
    assert entry.object_id == str(klant.uuid)
    assert entry.reden
    assert entry.pad == f"/kcc/klanten/{klant.uuid}/"


def test_it_logs_a_customer_search(client, klantmanager, klant):
    client.force_login(klantmanager)
    page = client.post("/kcc/", {"q": "999993653"}, follow=True).content.decode()
    assert "Suzanne" in page
    entry = AuditLogEntry.objects.get(actie=Actie.ZOEKEN, gebruiker=klantmanager)
    assert entry.betrokkene == "999993653"
    assert entry.pad == "/kcc/"


def test_it_finds_a_business_by_kvk_number(client, klantmanager):
    from tests.factories import KlantFactory

    bedrijf = KlantFactory(
        soort="bedrijf", bsn=None, kvk_nummer="69599084", organisatienaam="Bakkerij"
    )
    client.force_login(klantmanager)
    page = client.post("/kcc/", {"q": "6959 9084"}, follow=True).content.decode()
    assert f"/kcc/klanten/{bedrijf.uuid}/" in page


def test_it_does_not_find_a_shielded_customer_by_address(client, klantmanager, klant):
    klant.geheimhouding = True
    klant.save()
    client.force_login(klantmanager)
    assert (
        f"/kcc/klanten/{klant.uuid}/"
        not in client.post("/kcc/", {"q": "1234AB 12"}, follow=True).content.decode()
    )
    assert (
        f"/kcc/klanten/{klant.uuid}/"
        in client.post("/kcc/", {"q": "999993653"}, follow=True).content.decode()
    )


@pytest.mark.parametrize(
    ("zoekterm", "gevonden"),
    [
        ("999993653", True),
        ("moulin", True),
        ("1234 ab 12", True),
        ("1234AB", True),
        ("Jansen", False),
    ],
)
def test_it_finds_a_customer_by_what_the_caller_says(
    client, klantmanager, klant, zoekterm, gevonden
):
    client.force_login(klantmanager)
    page = client.post("/kcc/", {"q": zoekterm}, follow=True).content.decode()
    assert (f"/kcc/klanten/{klant.uuid}/" in page) is gevonden


def test_it_hides_the_address_of_a_customer_with_geheimhouding(client, klantmanager, klant):
    klant.geheimhouding = True
    klant.save()
    client.force_login(klantmanager)
    page = client.get(f"/kcc/klanten/{klant.uuid}/").content.decode()
    assert "Stationsstraat" not in page
    assert "Afgeschermd" in page


def test_it_does_not_log_or_show_a_klantbeeld_to_a_behandelaar(client, behandelaar, klant):
    client.force_login(behandelaar)
    assert client.get(f"/kcc/klanten/{klant.uuid}/").status_code == 403
    assert not AuditLogEntry.objects.exists()


def test_it_answers_404_for_an_unknown_customer(client, klantmanager):
    client.force_login(klantmanager)
    response = client.get("/kcc/klanten/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404


def test_it_refuses_to_change_or_delete_an_entry(klantmanager):
    entry = audit_log(
        user=klantmanager,
        actie=Actie.INZIEN,
        object_type="klanten.Klant",
        omschrijving="test",
        reden="test",
    )
    entry.omschrijving = "anders"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()
    with pytest.raises(PermissionDenied):
        AuditLogEntry.objects.filter(pk=entry.pk).update(omschrijving="anders")
    with pytest.raises(PermissionDenied):
        AuditLogEntry.objects.all().delete()
    entry.refresh_from_db()
    assert entry.omschrijving == "test"


def test_it_refuses_raw_sql_changes_in_postgresql(klantmanager):
    entry = audit_log(
        user=klantmanager,
        actie=Actie.INZIEN,
        object_type="klanten.Klant",
        omschrijving="test",
        reden="test",
    )
    for statement in [
        "UPDATE kcc_auditlogentry SET omschrijving = 'x' WHERE id = %s",
        "DELETE FROM kcc_auditlogentry WHERE id = %s",
    ]:
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [entry.pk])
    entry.refresh_from_db()
    assert entry.omschrijving == "test"


def test_it_offers_the_beheerder_the_log_read_only_in_the_admin(client, beheerder, klantmanager):
    entry = audit_log(
        user=klantmanager,
        actie=Actie.INZIEN,
        object_type="klanten.Klant",
        omschrijving="Klantbeeld geopend",
        reden="test",
    )
    client.force_login(beheerder)
    assert client.get("/beheer/kcc/auditlogentry/").status_code == 200
    detail = client.get(f"/beheer/kcc/auditlogentry/{entry.pk}/change/")
    assert detail.status_code == 200
    assert 'name="omschrijving"' not in detail.content.decode()
    assert client.post(f"/beheer/kcc/auditlogentry/{entry.pk}/delete/").status_code == 403
    assert AuditLogEntry.objects.filter(pk=entry.pk).exists()


def test_it_logs_role_changes_and_refuses_granting_yourself_a_role(client, beheerder, klantmanager):
    from django.contrib.auth.models import Group

    client.force_login(beheerder)
    own = client.get(f"/beheer/kcc/user/{beheerder.pk}/change/").content.decode()
    assert 'name="groups"' not in own
    teamleider = Group.objects.get(name="teamleider")
    response = client.post(
        f"/beheer/kcc/user/{klantmanager.pk}/change/",
        {
            "username": "km",
            "first_name": "Mia",
            "last_name": "K",
            "email": "",
            "groups": [teamleider.pk],
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditLogEntry.objects.get(actie=Actie.WIJZIGEN, object_id=str(klantmanager.uuid))
    assert entry.gebruiker == beheerder
    assert "km" in entry.omschrijving
