"""Every write anyone can make without logging in has a limit, and the
address it counts is one the client cannot choose: rotating X-Forwarded-For
changes nothing, directly or behind the trusted proxy."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync

from kanalen.models import Chat, Chatbericht
from kcc.models import Afdeling
from kcc.proxy import ClientAdresAsgi
from klanten.models import Contactverzoek

pytestmark = pytest.mark.django_db

PROXY = "172.30.40.2"


@pytest.fixture
def kcc_afdeling(db):
    return Afdeling.objects.create(code="kcc", naam="KCC")


def _terugbellen(client, telefoon, **extra):
    return client.post(
        "/chat/",
        {"actie": "terugbellen", "naam": "Piet", "telefoon": telefoon, "vraag": "Afval?"},
        **extra,
    )


def test_anonymous_callbacks_are_limited_per_address_whatever_it_forwards(
    client, kcc_afdeling, settings
):
    settings.CHAT_ANONIEM_PER_10_MINUTEN = 2
    for nummer in range(2):
        assert _terugbellen(client, f"06123456{nummer}0").status_code == 200
    derde = _terugbellen(
        client, "0612345699", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert derde.status_code == 429
    assert "enkele terugbelverzoeken" in derde.content.decode()
    assert Contactverzoek.objects.count() == 2


def test_behind_the_proxy_only_its_own_entry_counts(client, kcc_afdeling, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.CHAT_ANONIEM_PER_10_MINUTEN = 2
    gelukt = []
    for nummer in range(5):
        # The browser writes the left part; the proxy appends what it saw.
        antwoord = _terugbellen(
            client,
            f"06123456{nummer}0",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"10.9.8.{nummer}, 203.0.113.50",
        )
        gelukt.append(antwoord.status_code)
    assert gelukt == [200, 200, 429, 429, 429]
    # Another client behind the same proxy is not held up.
    assert (
        _terugbellen(
            client, "0687654321", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.51"
        ).status_code
        == 200
    )


def test_one_number_is_not_called_back_over_and_over(client, kcc_afdeling, settings):
    settings.TERUGBELLEN_PER_NUMMER_PER_DAG = 2
    for adres in ["203.0.113.1", "203.0.113.2"]:
        assert _terugbellen(client, "06 12345678", REMOTE_ADDR=adres).status_code == 200
    derde = _terugbellen(client, "+31612345678", REMOTE_ADDR="203.0.113.3")
    assert derde.status_code == 429
    assert Contactverzoek.objects.count() == 2


def test_anonymous_chats_stay_limited_when_the_forwarded_address_rotates(
    client, chatkanaal, settings
):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.CHAT_ANONIEM_PER_10_MINUTEN = 3
    codes = [
        client.post(
            "/chat/",
            {"naam": f"N{i}", "vraag": "Vraag"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{i}, 203.0.113.60",
        ).status_code
        for i in range(7)
    ]
    assert codes == [302, 302, 302, 429, 429, 429, 429]
    assert Chat.objects.count() == 3


def test_a_chat_customer_cannot_flood_the_agent(client, chatkanaal, settings):
    settings.CHAT_BERICHTEN_PER_MINUUT = 3
    client.post("/chat/", {"naam": "Sanne", "vraag": "Vraag"})
    chat = Chat.objects.get()
    for i in range(5):
        client.post(f"/chat/{chat.uuid}/", {"tekst": f"bericht {i}"})
    van_klant = Chatbericht.objects.filter(chat=chat, van=Chatbericht.Van.KLANT)
    # The opening question and the messages up to the limit.
    assert van_klant.count() == 1 + 3
    pagina = client.get(f"/chat/{chat.uuid}/").content.decode()
    assert "U stuurt veel berichten kort na elkaar" in pagina


@pytest.mark.parametrize(
    ("peer", "forwarded", "gezien"),
    [
        (PROXY, b"10.0.0.1, 203.0.113.9", "203.0.113.9"),
        ("198.51.100.4", b"203.0.113.9", "198.51.100.4"),  # not our proxy: ignored
        (PROXY, b"geen adres", PROXY),
    ],
)
def test_the_websockets_see_the_same_client_address(settings, peer, forwarded, gezien):
    settings.TRUSTED_PROXIES = [PROXY]
    ontvangen = {}

    async def binnen(scope, receive, send):
        ontvangen["client"] = scope["client"]

    scope = {
        "type": "websocket",
        "client": (peer, 4000),
        "headers": [(b"x-forwarded-for", forwarded)],
    }
    async_to_sync(ClientAdresAsgi(binnen))(scope, None, None)
    assert ontvangen["client"][0] == gezien


def test_a_customer_sends_a_days_worth_of_questions_then_is_asked_to_call(
    client, burger, klant, kcc_afdeling, settings
):
    from klanten.models import Klantcontact

    settings.PORTAAL_VRAGEN_PER_DAG = 2
    client.force_login(burger)
    vraag = {"soort": "vraag", "onderwerp": "Afval", "tekst": "Wanneer komt de kliko?"}
    for _ in range(2):
        assert client.post("/pip/vraag-of-klacht/", vraag).status_code == 302
    derde = client.post("/pip/vraag-of-klacht/", vraag)
    assert derde.status_code == 429
    assert "Is het dringend? Bel ons." in derde.content.decode()
    assert 'value="Afval"' in derde.content.decode()  # what was typed stays
    assert Klantcontact.objects.filter(klant=klant).count() == 2
