"""Telephony (CTI): signed call events, queue events, the screen pop, and
wrapping a call up as a contact."""

from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from kanalen.models import Gesprek, Wachtrijgebeurtenis
from kanalen.webhooks import handtekening
from kcc.roles import Rol
from tests.factories import KlantFactory, UserFactory

URL = "/api/v1/telefonie/gebeurtenissen/"
GEHEIM = "test-geheim-telefonie"


@pytest.fixture(autouse=True)
def _geheim(settings):
    settings.TELEFONIE_WEBHOOK_GEHEIM = GEHEIM


def _post(client, data, *, geheim=GEHEIM, tijdstip=None, body=None):
    body = body if body is not None else json.dumps(data).encode()
    tijdstip = str(int(time.time())) if tijdstip is None else tijdstip
    return client.post(
        URL,
        body,
        content_type="application/json",
        HTTP_X_KCC_TIJDSTIP=tijdstip,
        HTTP_X_KCC_HANDTEKENING=handtekening(geheim, tijdstip, body),
    )


@pytest.fixture
def agent(db):
    return UserFactory(rollen=[Rol.KLANTMANAGER], username="agent-tel")


@pytest.fixture
def beller(db):
    return KlantFactory(bsn="999993653", telefoon="+31612345678")


def _bellen(client, agent, *, nummer="06 12345678", gesprek="c1", wacht=20):
    begin = timezone.now() - timedelta(minutes=5)
    _post(
        client,
        {
            "id": f"{gesprek}-a",
            "soort": "aangeboden",
            "gesprek": gesprek,
            "nummer": nummer,
            "wachtrij": "algemeen",
            "tijdstip": begin.isoformat(),
        },
    )
    antwoord = _post(
        client,
        {
            "id": f"{gesprek}-b",
            "soort": "beantwoord",
            "gesprek": gesprek,
            "medewerker": agent.username,
            "tijdstip": (begin + timedelta(seconds=wacht)).isoformat(),
        },
    )
    assert antwoord.status_code == 200, antwoord.content
    return Gesprek.objects.get(extern_id=gesprek)


def test_it_records_a_call_and_its_queue_events(client, agent, beller):
    gesprek = _bellen(client, agent, wacht=20)
    assert gesprek.klant == beller and gesprek.medewerker == agent
    assert gesprek.status == Gesprek.Status.IN_GESPREK
    beantwoord = Wachtrijgebeurtenis.objects.get(soort="beantwoord")
    assert (beantwoord.kanaal, beantwoord.wachttijd_seconden, beantwoord.medewerker) == (
        "telefoon",
        20,
        agent,
    )
    _post(client, {"id": "c1-c", "soort": "beeindigd", "gesprek": "c1"})
    gesprek = Gesprek.objects.get(pk=gesprek.pk)
    assert gesprek.status == Gesprek.Status.BEEINDIGD and gesprek.beeindigd_op


def test_a_retried_event_is_counted_once(client, agent, beller):
    _bellen(client, agent)
    herhaald = _post(
        client,
        {"id": "c1-b", "soort": "beantwoord", "gesprek": "c1", "medewerker": agent.username},
    )
    assert herhaald.status_code == 200
    assert Wachtrijgebeurtenis.objects.filter(soort="beantwoord").count() == 1


def test_an_abandoned_call_records_how_long_the_caller_waited(client, db):
    begin = timezone.now() - timedelta(minutes=2)
    _post(
        client,
        {
            "id": "x-a",
            "soort": "aangeboden",
            "gesprek": "x",
            "nummer": "0201234567",
            "tijdstip": begin.isoformat(),
        },
    )
    _post(
        client,
        {
            "id": "x-v",
            "soort": "verlaten",
            "gesprek": "x",
            "tijdstip": (begin + timedelta(seconds=95)).isoformat(),
        },
    )
    assert Gesprek.objects.get(extern_id="x").status == Gesprek.Status.VERLATEN
    assert Wachtrijgebeurtenis.objects.get(soort="verlaten").wachttijd_seconden == 95


@pytest.mark.parametrize(
    "geval",
    [
        "zonder handtekening",
        "verkeerd geheim",
        "te oud",
        "geen json",
        "onbekende soort",
        "soort als lijst",
        "onmogelijk tijdstip",
        "onbekend gesprek",
        "onbekende medewerker",
    ],
)
def test_it_refuses_unsigned_stale_or_malformed_events_clearly(client, agent, geval, caplog):
    goed = {"id": "e1", "soort": "aangeboden", "gesprek": "g1", "nummer": "0612345678"}
    if geval == "zonder handtekening":
        antwoord = client.post(URL, goed, content_type="application/json")
    elif geval == "verkeerd geheim":
        antwoord = _post(client, goed, geheim="iets anders")
    elif geval == "te oud":
        antwoord = _post(client, goed, tijdstip=str(int(time.time()) - 3600))
    elif geval == "geen json":
        antwoord = _post(client, None, body=b"{niet json")
    elif geval == "onbekende soort":
        antwoord = _post(client, {**goed, "soort": "gezellig"})
    elif geval == "soort als lijst":
        antwoord = _post(client, {**goed, "soort": ["aangeboden"]})
    elif geval == "onmogelijk tijdstip":
        antwoord = _post(client, {**goed, "tijdstip": "2026-13-01T09:00:00+01:00"})
    elif geval == "onbekend gesprek":
        antwoord = _post(client, {**goed, "soort": "beeindigd", "gesprek": "bestaat-niet"})
    else:
        _post(client, goed)
        antwoord = _post(
            client, {"id": "e2", "soort": "beantwoord", "gesprek": "g1", "medewerker": "niemand"}
        )
    assert antwoord.status_code in (400, 401)
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord.json()["detail"]
    assert "Telephony event refused" in caplog.text
    assert not Wachtrijgebeurtenis.objects.exclude(bron_id="e1").exists()


def test_the_answering_agent_gets_the_callers_klantbeeld_and_wraps_up_the_call(
    client, agent, beller, django_capture_on_commit_callbacks
):
    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer

    from kcc.realtime import user_group

    laag = get_channel_layer()
    kanaal = async_to_sync(laag.new_channel)()
    async_to_sync(laag.group_add)(user_group(agent.uuid), kanaal)
    with django_capture_on_commit_callbacks(execute=True):
        gesprek = _bellen(client, agent)
    bericht = async_to_sync(laag.receive)(kanaal)
    pop = bericht["event"]
    assert pop["type"] == "schermpop"
    assert pop["url"] == f"/kcc/klanten/{beller.uuid}/?gesprek={gesprek.uuid}"

    _post(client, {"id": "c1-c", "soort": "beeindigd", "gesprek": "c1"})
    client.force_login(agent)
    pagina = client.get(pop["url"]).content.decode()
    assert f'value="{gesprek.uuid}"' in pagina  # the form knows which call it wraps up
    assert "In gesprek met 06 12345678" in pagina
    antwoord = client.post(
        f"/kcc/klanten/{beller.uuid}/contact/",
        {
            "kanaal": "telefoon",
            "richting": "inkomend",
            "vraag": "Paspoort verlopen",
            "in_een_keer_goed": "ja",
            "vervolg": "geen",
            "gesprek": str(gesprek.uuid),
        },
    )
    assert antwoord.status_code == 302
    gesprek = Gesprek.objects.get(pk=gesprek.pk)
    contact = gesprek.klantcontact
    assert contact.klant == beller and contact.gestart_op == gesprek.beantwoord_op
    assert contact.beeindigd_op == gesprek.beeindigd_op and contact.nawerk_seconden >= 0


def test_several_customers_with_the_number_get_a_choice_and_none_a_blank_contact(client, agent, db):
    een = KlantFactory(bsn="999990019", telefoon="+31687654321", voornamen="Jan")
    twee = KlantFactory(bsn="999991772", telefoon="+31687654321", voornamen="Els")
    gesprek = _bellen(client, agent, nummer="0687654321")
    client.force_login(agent)
    keuze = client.get(f"/kcc/gesprekken/{gesprek.uuid}/").content.decode()
    assert "Wie belt er?" in keuze and een.naam in keuze and twee.naam in keuze
    gekozen = client.post(f"/kcc/gesprekken/{gesprek.uuid}/", {"klant": str(twee.uuid)})
    assert gekozen["Location"] == f"/kcc/klanten/{twee.uuid}/?gesprek={gesprek.uuid}"

    onbekend = _bellen(client, agent, nummer="0201112233", gesprek="c2")
    from kanalen.telefonie.services import schermpop_url

    assert schermpop_url(onbekend) == f"/kcc/contact/?gesprek={onbekend.uuid}"
    collega = UserFactory(rollen=[Rol.KLANTMANAGER], username="collega-tel")
    client.force_login(collega)
    assert client.get(f"/kcc/gesprekken/{gesprek.uuid}/").status_code == 404


def test_a_call_offered_again_counts_as_one_offered_call(client, agent, beller):
    _bellen(client, agent)
    opnieuw = _post(
        client,
        {
            "id": "c1-overloop",
            "soort": "aangeboden",
            "gesprek": "c1",
            "nummer": "0612345678",
            "wachtrij": "overloop",
        },
    )
    assert opnieuw.status_code == 200
    assert Wachtrijgebeurtenis.objects.filter(soort="aangeboden").count() == 1
    assert Gesprek.objects.get(extern_id="c1").status == Gesprek.Status.IN_GESPREK


def test_a_call_first_reported_as_transferred_ends_normally(client, agent, beller):
    _post(client, {"id": "t-a", "soort": "aangeboden", "gesprek": "t", "nummer": "0612345678"})
    _post(
        client,
        {"id": "t-d", "soort": "doorverbonden", "gesprek": "t", "medewerker": agent.username},
    )
    einde = _post(client, {"id": "t-e", "soort": "beeindigd", "gesprek": "t"})
    assert einde.status_code == 200
    assert Gesprek.objects.get(extern_id="t").status == Gesprek.Status.BEEINDIGD
