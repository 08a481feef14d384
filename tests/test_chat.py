"""Chat: the queue, accepting, messages stored and pushed both ways,
resuming after a dropped connection, and the transcript as a contact."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator

from kanalen.chat import services as chat_services
from kanalen.chat.consumers import ChatConsumer
from kanalen.models import Chat, Chatbericht, Kanaal, Wachtrijgebeurtenis
from kcc.roles import Rol
from tests.factories import KlantFactory, UserFactory


@pytest.fixture(autouse=True)
def _chat_open(db):
    # A chat channel without opening hours is always open.
    Kanaal.objects.create(soort="chat", naam="Chat", norm_percentage=80, kosten_per_contact=4)


@pytest.fixture
def agent(db):
    return UserFactory(rollen=[Rol.KLANTMANAGER], username="agent-chat")


def test_an_anonymous_citizen_chats_with_an_agent_and_it_ends_as_a_contact(client, agent):
    start = client.post("/chat/", {"naam": "Sanne", "vraag": "Hoe laat is de balie open?"})
    assert start.status_code == 302
    chat = Chat.objects.get()
    assert chat.status == Chat.Status.WACHTEND and chat.naam == "Sanne"
    assert "U staat in de wachtrij" in client.get(start["Location"]).content.decode()

    medewerker = client.__class__()
    medewerker.force_login(agent)
    assert "Sanne" in medewerker.get("/kcc/chats/").content.decode()
    medewerker.post("/kcc/chats/", {"chat": str(chat.uuid)})
    medewerker.post(f"/kcc/chats/{chat.uuid}/", {"tekst": "Van 9 tot 17 uur."})
    client.post(start["Location"], {"tekst": "Dank u!"})
    medewerker.post(f"/kcc/chats/{chat.uuid}/", {"actie": "beeindigen", "in_een_keer_goed": "ja"})

    chat = Chat.objects.get(pk=chat.pk)
    assert chat.status == Chat.Status.BEEINDIGD
    teksten = [b.tekst for b in chat.berichten.all()]
    assert teksten[0] == "Hoe laat is de balie open?" and "Dank u!" in teksten
    contact = chat.klantcontact
    assert contact.kanaal == "chat" and "Van 9 tot 17 uur." in contact.vraag
    assert contact.contactnaam == "Sanne" and contact.in_een_keer_goed
    soorten = list(Wachtrijgebeurtenis.objects.values_list("soort", flat=True))
    assert soorten == ["aangeboden", "beantwoord", "beeindigd"]


def test_someone_else_cannot_read_or_write_a_chat(client, agent):
    client.post("/chat/", {"naam": "Sanne", "vraag": "Vraag"})
    chat = Chat.objects.get()
    vreemde = client.__class__()
    assert vreemde.get(f"/chat/{chat.uuid}/").status_code == 404
    assert vreemde.post(f"/chat/{chat.uuid}/", {"tekst": "hallo"}).status_code == 404
    collega = client.__class__()
    collega.force_login(agent)
    assert collega.get(f"/kcc/chats/{chat.uuid}/").status_code == 404  # not accepted by them


def test_an_agent_holds_at_most_the_configured_number_of_chats(agent, settings):
    settings.CHAT_MAX_PER_MEDEWERKER = 1
    een, twee = (
        chat_services.chat_starten(klant=None, naam=n, sessie_sleutel=n, vraag="?") for n in "ab"
    )
    chat_services.chat_accepteren(chat=een, user=agent)
    with pytest.raises(chat_services.ChatConflict):
        chat_services.chat_accepteren(chat=twee, user=agent)
    collega = UserFactory(rollen=[Rol.KLANTMANAGER], username="collega-chat")
    with pytest.raises(chat_services.ChatConflict):
        chat_services.chat_accepteren(chat=een, user=collega)  # already taken


def test_leaving_the_queue_counts_as_abandoned_and_closed_hours_offer_another_way(client, db):
    chat = chat_services.chat_starten(klant=None, naam="Piet", sessie_sleutel="s", vraag="?")
    chat_services.chat_verlaten(chat=chat)
    assert Chat.objects.get().status == Chat.Status.VERLATEN
    assert Wachtrijgebeurtenis.objects.filter(soort="verlaten").exists()

    Kanaal.objects.filter(soort="chat").update(actief=False)
    pagina = client.get("/chat/").content.decode()
    assert "De chat is nu gesloten" in pagina and "/pip/vraag-of-klacht/" in pagina
    client.post("/chat/", {"naam": "Piet", "vraag": "Hallo?"})
    assert Chat.objects.count() == 1


def _verbind(user, chat, na=0):
    communicator = WebsocketCommunicator(ChatConsumer.as_asgi(), f"/ws/chat/{chat.uuid}/?na={na}")
    communicator.scope["user"] = user
    communicator.scope["url_route"] = {"kwargs": {"chat_uuid": str(chat.uuid)}}
    communicator.scope["query_string"] = f"na={na}".encode()
    return communicator


@pytest.mark.django_db(transaction=True)
def test_messages_go_both_ways_live_and_a_reconnect_gets_what_it_missed():
    klant = KlantFactory(bsn="999993653")
    from kcc.services import klant_gebruiker

    burger = klant_gebruiker(bsn=klant.bsn)
    agent = UserFactory(rollen=[Rol.KLANTMANAGER], username="agent-ws")
    chat = chat_services.chat_starten(klant=klant, naam="", sessie_sleutel="", vraag="Hallo")
    chat_services.chat_accepteren(chat=chat, user=agent)

    async def gesprek():
        burger_ws = _verbind(burger, chat, na=1)
        agent_ws = _verbind(agent, chat, na=2)
        assert (await burger_ws.connect())[0] and (await agent_ws.connect())[0]
        gemist = await burger_ws.receive_json_from(timeout=5)  # the system line after "Hallo"
        assert gemist["volgnummer"] == 2
        await burger_ws.send_json_to({"type": "bericht", "tekst": "Is mijn pas klaar?"})
        bij_agent = await agent_ws.receive_json_from(timeout=5)
        assert (bij_agent["van"], bij_agent["tekst"]) == ("klant", "Is mijn pas klaar?")
        await burger_ws.disconnect()
        await agent_ws.send_json_to({"type": "bericht", "tekst": "Ja, morgen."})
        await agent_ws.receive_json_from(timeout=5)
        # The citizen comes back: what came after number 3 arrives at once.
        terug = _verbind(burger, chat, na=3)
        assert (await terug.connect())[0]
        assert (await terug.receive_json_from(timeout=5))["tekst"] == "Ja, morgen."
        await terug.disconnect()
        await agent_ws.disconnect()

        vreemd = _verbind(UserFactory.build(username="x"), chat)
        verbonden, _code = await vreemd.connect()
        assert not verbonden

    async_to_sync(gesprek)()
    assert Chatbericht.objects.filter(chat=chat).count() == 4


def test_closed_or_waiting_too_long_the_citizen_leaves_a_number_to_be_called_back(client, settings):
    from kcc.models import Afdeling
    from klanten.models import Contactverzoek

    Afdeling.objects.create(code="kcc", naam="KCC")
    Kanaal.objects.filter(soort="chat").update(actief=False)
    fout = client.post(
        "/chat/", {"actie": "terugbellen", "naam": "Piet", "telefoon": "12", "vraag": "Afval?"}
    )
    assert fout.status_code == 400 and "06 12345678" in fout.content.decode()
    assert not Contactverzoek.objects.exists()
    klaar = client.post(
        "/chat/",
        {"actie": "terugbellen", "naam": "Piet", "telefoon": "0612345678", "vraag": "Afval?"},
    )
    verzoek = Contactverzoek.objects.get()
    assert "bellen u uiterlijk" in klaar.content.decode()
    assert (verzoek.naam, verzoek.telefoon, verzoek.vraag) == ("Piet", "+31612345678", "Afval?")

    Kanaal.objects.filter(soort="chat").update(actief=True)
    settings.CHAT_TERUGBELLEN_NA_SECONDEN = 10
    client.post("/chat/", {"naam": "Sanne", "vraag": "Paspoort kwijt"})
    chat = Chat.objects.get()
    url = f"/chat/{chat.uuid}/"
    assert re.search(r'data-over="[1-9]\d*" hidden', client.get(url).content.decode())  # not yet
    Chat.objects.filter(pk=chat.pk).update(gestart_op=chat.gestart_op - timedelta(minutes=3))
    pagina = client.get(url).content.decode()
    assert 'data-over="0">' in pagina and "Duurt het te lang?" in pagina
    client.post(url, {"actie": "terugbellen", "telefoon": "06 11122233"})
    assert Chat.objects.get(pk=chat.pk).status == Chat.Status.VERLATEN
    assert Contactverzoek.objects.filter(vraag="Paspoort kwijt", naam="Sanne").exists()


def test_the_agent_hands_a_chat_on_as_a_contactverzoek_or_starts_a_case(client, agent):
    from kcc.models import Afdeling
    from klanten.models import Contactverzoek
    from tests.factories import maak_product

    afdeling = Afdeling.objects.create(code="burgerzaken", naam="Burgerzaken")
    client.post("/chat/", {"naam": "Sanne", "vraag": "Kan iemand mij terugbellen?"})
    chat = Chat.objects.get()
    medewerker = client.__class__()
    medewerker.force_login(agent)
    medewerker.post("/kcc/chats/", {"chat": str(chat.uuid)})
    url = f"/kcc/chats/{chat.uuid}/"
    # Without a customer, a contactverzoek needs a number to call back:
    # nothing is stored and the chat stays open.
    zonder = medewerker.post(
        url, {"actie": "beeindigen", "vervolg_afdeling": str(afdeling.uuid)}, follow=True
    )
    assert "telefoonnummer" in zonder.content.decode()
    assert Chat.objects.get(pk=chat.pk).status == Chat.Status.ACTIEF
    assert not Contactverzoek.objects.exists()
    medewerker.post(
        url,
        {
            "actie": "beeindigen",
            "vervolg_afdeling": str(afdeling.uuid),
            "terugbelnummer": "0612345678",
        },
    )
    chat = Chat.objects.get(pk=chat.pk)
    verzoek = Contactverzoek.objects.get()
    assert chat.status == Chat.Status.BEEINDIGD
    assert verzoek.klantcontact == chat.klantcontact and verzoek.afdeling == afdeling
    assert verzoek.naam == "Sanne" and verzoek.vraag == "Kan iemand mij terugbellen?"

    # A logged-in customer's chat can go on as a case, tied to the contact.
    klant = KlantFactory(bsn="999993653")
    product = maak_product(kanalen=[("balie", True, None), ("chat", True, None)])
    tweede = chat_services.chat_starten(klant=klant, naam="", sessie_sleutel="", vraag="Paspoort")
    chat_services.chat_accepteren(chat=tweede, user=agent)
    antwoord = medewerker.post(
        f"/kcc/chats/{tweede.uuid}/", {"actie": "beeindigen", "vervolg_product": str(product.uuid)}
    )
    tweede = Chat.objects.get(pk=tweede.pk)
    assert antwoord["Location"] == (
        f"/kcc/klanten/{klant.uuid}/aanvraag/?product={product.uuid}&kanaal=chat"
        f"&contact={tweede.klantcontact.uuid}"
    )
    assert medewerker.get(antwoord["Location"]).status_code == 200


def test_a_citizen_ends_an_accepted_chat_and_the_agent_wraps_it_up(client, agent):
    start = client.post("/chat/", {"naam": "Sanne", "vraag": "Hoe laat is de balie open?"})
    chat = Chat.objects.get()
    pagina = client.get(start["Location"]).content.decode()
    assert "Chat verlaten" in pagina
    chat_services.chat_accepteren(chat=chat, user=agent)
    pagina = client.get(start["Location"]).content.decode()
    assert "U bent in gesprek met een medewerker." in pagina
    assert "data-chat-einde>" in pagina  # "Chat beëindigen", shown

    client.post(start["Location"], {"actie": "verlaten"})
    chat = Chat.objects.get(pk=chat.pk)
    assert chat.status == Chat.Status.ACTIEF and chat.klant_vertrokken_op is not None
    pagina = client.get(start["Location"]).content.decode()
    assert "Deze chat is beëindigd." in pagina and "data-chat-form" not in pagina
    geweigerd = client.post(start["Location"], {"tekst": "Nog één ding"}, follow=True)
    assert "U heeft deze chat beëindigd." in geweigerd.content.decode()
    assert not chat.berichten.filter(tekst="Nog één ding").exists()

    medewerker = client.__class__()
    medewerker.force_login(agent)
    bij_agent = medewerker.get(f"/kcc/chats/{chat.uuid}/").content.decode()
    assert "Sanne heeft de chat beëindigd." in bij_agent
    assert re.search(r"data-chat-klant-weg>", bij_agent)  # the notice, not hidden
    assert "Chat beëindigen en vastleggen" in bij_agent
    medewerker.post(f"/kcc/chats/{chat.uuid}/", {"actie": "beeindigen", "in_een_keer_goed": "ja"})
    chat = Chat.objects.get(pk=chat.pk)
    assert chat.status == Chat.Status.BEEINDIGD and chat.klantcontact is not None
    teksten = list(chat.berichten.values_list("tekst", flat=True))
    assert "De medewerker heeft de chat beëindigd." not in teksten  # the citizen had left


def test_the_same_message_line_live_and_after_a_reload():
    """The page draws each line as time, who, text; the script that adds a
    live line reads who from the same labels (data-label-ik/-ander)."""
    from django.template.loader import render_to_string

    chat = Chat(naam="Sanne", status=Chat.Status.ACTIEF)
    html = render_to_string("includes/chat_venster.html", {"chat": chat, "ik": "medewerker"})
    assert 'data-label-ik="U" data-label-ander="Sanne"' in html
    html = render_to_string("includes/chat_venster.html", {"chat": chat, "ik": "klant"})
    assert 'data-label-ik="U" data-label-ander="Medewerker"' in html


@pytest.mark.django_db(transaction=True)
def test_both_sides_follow_the_state_of_the_chat_live():
    from channels.db import database_sync_to_async

    from kcc.services import klant_gebruiker

    Kanaal.objects.get_or_create(
        soort="chat", defaults={"naam": "Chat", "norm_percentage": 80, "kosten_per_contact": 4}
    )
    klant = KlantFactory(bsn="999993653")
    burger = klant_gebruiker(bsn=klant.bsn)
    agent = UserFactory(rollen=[Rol.KLANTMANAGER], username="agent-status")
    chat = chat_services.chat_starten(klant=klant, naam="", sessie_sleutel="", vraag="Hallo")

    async def ontvangen(ws, aantal):
        return [await ws.receive_json_from(timeout=5) for _ in range(aantal)]

    async def verloop():
        burger_ws = _verbind(burger, chat, na=1)
        assert (await burger_ws.connect())[0]
        await database_sync_to_async(chat_services.chat_accepteren)(chat=chat, user=agent)
        assert {"type": "status", "status": "actief"} in await ontvangen(burger_ws, 2)
        agent_ws = _verbind(agent, chat, na=2)
        assert (await agent_ws.connect())[0]
        await database_sync_to_async(chat_services.chat_verlaten)(chat=chat)
        bij_agent = await ontvangen(agent_ws, 2)
        assert {"type": "status", "status": "klant_weg"} in bij_agent
        assert any("heeft de chat beëindigd" in e.get("tekst", "") for e in bij_agent)
        await database_sync_to_async(chat_services.chat_beeindigen)(chat=chat, user=agent)
        assert {"type": "status", "status": "beeindigd"} in await ontvangen(burger_ws, 3)
        await burger_ws.disconnect()
        await agent_ws.disconnect()

    async_to_sync(verloop)()
