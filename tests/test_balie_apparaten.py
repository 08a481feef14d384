"""The kiosk and the waiting-room display work in the building only: on a
device the beheerder registered, or from the counter's network. From
anywhere else on the internet nobody draws a ticket or reads the display."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator

from kanalen.balie.apparaten import COOKIE
from kanalen.balie.consumers import BalieSchermConsumer
from kanalen.models import BalieApparaat, Wachtnummer
from kcc.models import AuditLogEntry
from tests.factories import maak_product

pytestmark = pytest.mark.django_db

BUITEN = "203.0.113.5"


@pytest.fixture
def paspoort(db):
    return maak_product(kanalen=[("balie", True, "84.40")])


def test_from_outside_the_building_the_kiosk_and_display_refuse_politely(client, paspoort):
    for pad in ["/balie/kiosk/", "/balie/scherm/", "/balie/scherm/?deel=1"]:
        antwoord = client.get(pad, REMOTE_ADDR=BUITEN)
        assert antwoord.status_code == 403, pad
        assert "alleen in het gemeentehuis" in antwoord.content.decode()
    trekken = client.post(
        "/balie/kiosk/", {"actie": "nummer", "product": str(paspoort.uuid)}, REMOTE_ADDR=BUITEN
    )
    assert trekken.status_code == 403 and not Wachtnummer.objects.exists()


def test_the_counters_network_is_configurable(client, paspoort, settings):
    settings.BALIE_NETWERKEN = ["192.0.2.0/24"]
    assert client.get("/balie/kiosk/", REMOTE_ADDR="192.0.2.44").status_code == 200
    assert client.get("/balie/kiosk/", REMOTE_ADDR="127.0.0.1").status_code == 403


def test_a_registered_device_works_anywhere_until_the_beheerder_switches_it_off(
    client, paspoort, beheerder, settings
):
    settings.BALIE_NETWERKEN = []
    client.force_login(beheerder)
    antwoord = client.post(
        "/beheer/kanalen/balieapparaat/add/", {"naam": "Kiosk hal", "actief": "on"}, follow=True
    )
    tekst = antwoord.content.decode()
    assert "Open deze link één keer op het apparaat" in tekst
    link = tekst.split("/balie/apparaat/", 1)[1].split("/", 1)[0]
    apparaat = BalieApparaat.objects.get(naam="Kiosk hal")
    assert link not in apparaat.token_hash  # only the hash is kept
    assert AuditLogEntry.objects.filter(omschrijving__contains="Kiosk hal").exists()
    client.logout()

    koppelen = client.get(f"/balie/apparaat/{link}/", REMOTE_ADDR=BUITEN)
    assert koppelen.status_code == 200 and "Kiosk hal" in koppelen.content.decode()
    cookie = koppelen.cookies[COOKIE]
    assert cookie["httponly"] and cookie["max-age"] > 365 * 24 * 3600
    assert client.get("/balie/kiosk/", REMOTE_ADDR=BUITEN).status_code == 200
    client.post(
        "/balie/kiosk/", {"actie": "nummer", "product": str(paspoort.uuid)}, REMOTE_ADDR=BUITEN
    )
    assert Wachtnummer.objects.count() == 1
    apparaat.refresh_from_db()
    assert apparaat.laatst_gezien_op is not None

    apparaat.actief = False
    apparaat.save()
    assert client.get("/balie/scherm/", REMOTE_ADDR=BUITEN).status_code == 403


def test_a_wrong_link_couples_nothing(client, settings):
    settings.BALIE_NETWERKEN = []
    antwoord = client.get("/balie/apparaat/verzonnen-token/", REMOTE_ADDR=BUITEN)
    assert antwoord.status_code == 404 and COOKIE not in antwoord.cookies


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("client_adres", "medewerker", "verbonden"),
    [("127.0.0.1", False, True), (BUITEN, False, False), (BUITEN, True, True)],
)
def test_the_live_display_connects_only_in_the_building_or_for_staff(
    client_adres, medewerker, verbonden
):
    from kcc.roles import Rol
    from tests.factories import UserFactory

    user = UserFactory(rollen=[Rol.KLANTMANAGER]) if medewerker else None

    async def scenario():
        communicator = WebsocketCommunicator(BalieSchermConsumer.as_asgi(), "/ws/balie/")
        communicator.scope["user"] = user
        communicator.scope["client"] = (client_adres, 50000)
        gelukt, _ = await communicator.connect()
        await communicator.disconnect()
        return gelukt

    assert async_to_sync(scenario)() is verbonden
