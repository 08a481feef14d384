"""One inbox: every channel's open items in one list, sorted by the moment
their norm runs out, routed by skill and availability, taken atomically."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from kanalen.chat import services as chat_services
from kanalen.inbox import routering
from kanalen.models import Chat, Inboxitem, InboxStatus, Kanaal, Medewerkerstatus
from kanalen.post import services as post_services
from kcc.models import Afdeling
from kcc.roles import Rol
from klanten import services as klant_services
from klanten.models import Contactverzoek, ContactverzoekStatus
from producten.models import Thema
from tests.factories import PDF, UserFactory


@pytest.fixture(autouse=True)
def _kanalen(db):
    Kanaal.objects.create(
        soort="chat",
        naam="Chat",
        norm_percentage=80,
        norm_aantal=60,
        norm_eenheid="seconden",
        kosten_per_contact=3,
    )
    Kanaal.objects.create(
        soort="email",
        naam="E-mail",
        norm_percentage=95,
        norm_aantal=2,
        norm_eenheid="werkdagen",
        kosten_per_contact=4,
    )


@pytest.fixture
def kcc_afdeling(db):
    return Afdeling.objects.get_or_create(code="kcc", defaults={"naam": "KCC"})[0]


@pytest.fixture
def agent(kcc_afdeling):
    user = UserFactory(rollen=[Rol.KLANTMANAGER], username="agent-inbox")
    user.afdelingen.add(kcc_afdeling)
    return user


def _mail(onderwerp="Vraag over afval", message_id="<w1@mail>"):
    return (
        f"From: Piet <piet@example.nl>\r\nTo: info@voorbeeldstad.nl\r\n"
        f"Subject: {onderwerp}\r\nMessage-ID: {message_id}\r\n\r\nWanneer komt de container?"
    ).encode()


def _chat(naam="Sanne", thema=None):
    return chat_services.chat_starten(
        klant=None, naam=naam, sessie_sleutel="s", vraag="Hallo", thema=thema
    )


def test_every_channel_is_in_one_list_most_urgent_first(client, agent, kcc_afdeling):
    mail = post_services.email_ontvangen(ruw=_mail())
    verzoek = klant_services.contactverzoek_maken(
        klant=None,
        user=None,
        vraag="Bel mij terug over mijn paspoort",
        afdeling=kcc_afdeling,
        naam="Kees",
        telefoon="0612345678",
    )
    chat = _chat()
    client.force_login(agent)
    pagina = client.get("/kcc/inbox/").content.decode()
    posities = [pagina.index(tekst) for tekst in ("Sanne", "Bel mij terug", "Vraag over afval")]
    # The chat's norm runs out in a minute; the callback and e-mail in days.
    assert posities[0] < min(posities[1:])
    assert "Terugbelverzoek" in pagina and "Chat" in pagina
    voorraad = routering.inbox(user=agent)
    assert {i.uuid for i in voorraad["open"]} == {str(mail.uuid), str(verzoek.uuid), str(chat.uuid)}


def test_items_are_routed_by_skill_and_the_team_view_shows_all(agent):
    documenten = Thema.objects.create(slug="documenten", naam="Documenten")
    afval = Thema.objects.create(slug="afval", naam="Afval")
    status = routering.beschikbaarheid(agent)
    status.vaardigheden.add(documenten)
    voor_mij = _chat("Documentvraag", thema=documenten)
    niet_voor_mij = _chat("Afvalvraag", thema=afval)
    algemeen = _chat("Algemeen")
    mail = post_services.email_ontvangen(ruw=_mail())
    Inboxitem.objects.filter(pk=mail.pk).update(thema=afval)

    mijn = {i.uuid for i in routering.inbox(user=agent)["open"]}
    assert mijn == {str(voor_mij.uuid), str(algemeen.uuid)}
    team = {i.uuid for i in routering.inbox(user=agent, team=True)["open"]}
    assert team == {str(voor_mij.uuid), str(algemeen.uuid), str(niet_voor_mij.uuid), str(mail.uuid)}


def test_only_an_available_agent_takes_the_next_item(client, agent):
    _chat()
    client.force_login(agent)
    geweigerd = client.post("/kcc/volgende/", follow=True).content.decode()
    assert "Zet uw status op" in geweigerd
    assert Chat.objects.get().status == Chat.Status.WACHTEND

    client.post("/kcc/status/", {"status": "beschikbaar"})
    assert routering.beschikbaarheid(agent).status == Medewerkerstatus.Status.BESCHIKBAAR
    antwoord = client.post("/kcc/volgende/")
    chat = Chat.objects.get()
    assert chat.status == Chat.Status.ACTIEF and chat.medewerker == agent
    assert antwoord["Location"] == f"/kcc/chats/{chat.uuid}/"
    assert "Sanne" in client.get("/kcc/inbox/").content.decode().split("Open voor mij")[0]


def test_two_agents_taking_the_next_get_different_items(agent, kcc_afdeling):
    collega = UserFactory(rollen=[Rol.KLANTMANAGER], username="collega-inbox")
    collega.afdelingen.add(kcc_afdeling)
    for user in (agent, collega):
        routering.status_wijzigen(user=user, status="beschikbaar")
    mail = post_services.email_ontvangen(ruw=_mail())
    chat = _chat()
    # Both read the same list; the first takes the chat, the second tries
    # the chat too, finds it taken and takes the e-mail.
    eerste = routering.volgende_nemen(user=agent)
    tweede = routering.volgende_nemen(user=collega)
    assert (eerste.uuid, tweede.uuid) == (str(chat.uuid), str(mail.uuid))
    assert Inboxitem.objects.get(pk=mail.pk).status == InboxStatus.IN_BEHANDELING
    assert routering.volgende_nemen(user=agent) is None


def test_a_contactverzoek_is_taken_through_the_list(agent, kcc_afdeling):
    verzoek = klant_services.contactverzoek_maken(
        klant=None,
        user=None,
        vraag="Terugbellen",
        afdeling=kcc_afdeling,
        naam="Kees",
        telefoon="0612345678",
    )
    routering.status_wijzigen(user=agent, status="beschikbaar")
    item = routering.volgende_nemen(user=agent)
    assert item.uuid == str(verzoek.uuid)
    verzoek = Contactverzoek.objects.get(pk=verzoek.pk)
    assert verzoek.status == ContactverzoekStatus.IN_BEHANDELING and verzoek.medewerker == agent
    assert [i.uuid for i in routering.inbox(user=agent)["mijn"]] == [str(verzoek.uuid)]


def test_logging_out_sets_the_agent_offline(client, agent):
    client.force_login(agent)
    client.post("/kcc/status/", {"status": "pauze"})
    assert routering.beschikbaarheid(agent).status == "pauze"
    client.post("/kcc/status/", {"status": "vakantie"})
    assert routering.beschikbaarheid(agent).status == "pauze"
    client.post("/uitloggen/")
    assert routering.beschikbaarheid(agent).status == Medewerkerstatus.Status.OFFLINE


def test_a_teamleider_sees_who_is_available(client, teamleider, agent, kcc_afdeling):
    teamleider.afdelingen.add(kcc_afdeling)
    routering.status_wijzigen(user=agent, status="beschikbaar")
    client.force_login(teamleider)
    pagina = client.get("/kcc/inbox/").content.decode()
    assert "Wie is er" in pagina and "Beschikbaar" in pagina


def test_anonymous_chats_are_limited_per_address(client, settings):
    settings.CHAT_ANONIEM_PER_10_MINUTEN = 2
    for i in range(2):
        assert client.post("/chat/", {"naam": f"N{i}", "vraag": "Vraag"}).status_code == 302
    derde = client.post("/chat/", {"naam": "N3", "vraag": "Vraag"})
    assert derde.status_code == 429 and "net al enkele chats" in derde.content.decode()
    assert Chat.objects.count() == 2


def test_the_list_reads_a_fixed_number_of_queries(agent, django_assert_max_num_queries):
    for i in range(10):
        _chat(f"Chat {i}")
        post_services.email_ontvangen(ruw=_mail(f"Vraag {i}", f"<m{i}@mail>"))
    routering.beschikbaarheid(agent)
    agent = type(agent).objects.get(pk=agent.pk)
    with django_assert_max_num_queries(12):
        voorraad = routering.inbox(user=agent)
    assert len(voorraad["open"]) == 20
    assert timezone.now() - voorraad["nu"] < timedelta(seconds=5)


def test_e_mail_sms_and_letters_get_a_product_group_and_route_by_skill(client, agent):
    from tests.factories import maak_product

    maak_product()  # "Paspoort aanvragen", in the product group Documenten
    documenten = Thema.objects.get(slug="documenten")
    afval = Thema.objects.create(slug="afval", naam="Afval")
    mail = post_services.email_ontvangen(ruw=_mail("Mijn paspoort is verlopen", "<p1@mail>"))
    sms = post_services.sms_ontvangen(van="0612345678", tekst="Paspoort kwijt, wat nu?")
    onbekend = post_services.email_ontvangen(ruw=_mail("Hallo", "<p2@mail>"))
    assert (mail.thema, sms.thema, onbekend.thema) == (documenten, documenten, None)
    antwoord = (
        b"From: Piet <piet@example.nl>\r\nSubject: Re: iets anders\r\n"
        b"Message-ID: <p3@mail>\r\nIn-Reply-To: <p1@mail>\r\n\r\nEn nog iets."
    )
    assert post_services.email_ontvangen(ruw=antwoord).thema == documenten  # its thread's

    # An agent who knows about waste sees the unknown mail, not the passports;
    # a colleague puts the unknown one in "Afval", and it stays theirs.
    routering.beschikbaarheid(agent).vaardigheden.add(afval)
    assert {i.uuid for i in routering.inbox(user=agent)["open"]} == {str(onbekend.uuid)}
    collega = UserFactory(rollen=[Rol.KLANTMANAGER], username="collega-groep")
    client.force_login(collega)
    pagina = client.get(f"/kcc/inbox/{onbekend.uuid}/").content.decode()
    assert "Productgroep wijzigen" in pagina
    gewijzigd = client.post(
        f"/kcc/inbox/{onbekend.uuid}/", {"actie": "productgroep", "thema": "afval"}, follow=True
    )
    assert "Productgroep: Afval." in gewijzigd.content.decode()
    assert Inboxitem.objects.get(pk=onbekend.pk).thema == afval
    assert [i.groep for i in routering.inbox(user=agent)["open"]] == ["Afval"]
    client.post(f"/kcc/inbox/{onbekend.uuid}/", {"actie": "productgroep", "thema": ""})
    assert Inboxitem.objects.get(pk=onbekend.pk).thema is None


def test_every_kind_of_item_updates_the_open_inboxes_live(
    agent, kcc_afdeling, django_capture_on_commit_callbacks
):
    """An e-mail, SMS, letter or contactverzoek that arrives, is taken,
    routed, released or done tells every open inbox (no personal data)."""
    import asyncio
    import threading

    from channels.layers import get_channel_layer
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kcc.realtime import INBOX_GROUP

    # One event loop for the listening side (the layer's queues belong to it).
    lus = asyncio.new_event_loop()
    threading.Thread(target=lus.run_forever, daemon=True).start()

    def in_lus(coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, lus).result()

    layer = get_channel_layer()
    kanaal = in_lus(layer.new_channel())
    in_lus(layer.group_add(INBOX_GROUP, kanaal))

    async def alles_lezen():
        gelezen = []
        try:
            while True:
                gelezen.append((await asyncio.wait_for(layer.receive(kanaal), 0.3))["event"])
        except TimeoutError:
            return gelezen

    verzoek = {}
    mail = {}
    stappen = [
        ("e-mail", lambda: mail.setdefault("item", post_services.email_ontvangen(ruw=_mail()))),
        (
            "sms",
            lambda: post_services.sms_ontvangen(van="0612345678", tekst="Is het stadhuis open?"),
        ),
        (
            "brief",
            lambda: post_services.brief_registreren(
                user=agent,
                scan=SimpleUploadedFile("scan.pdf", PDF),
                onderwerp="Bezwaar",
                afzender="J. Jansen, Dorpsstraat 1, Voorbeeldstad",
            ),
        ),
        ("oppakken", lambda: post_services.inboxitem_oppakken(item=mail["item"], user=agent)),
        (
            "productgroep",
            lambda: post_services.inboxitem_productgroep(item=mail["item"], user=agent, thema=None),
        ),
        ("vrijgeven", lambda: post_services.inboxitem_vrijgeven(item=mail["item"], user=agent)),
        (
            "contactverzoek",
            lambda: verzoek.setdefault(
                "v",
                klant_services.contactverzoek_maken(
                    klant=None,
                    user=None,
                    vraag="Bel mij terug",
                    afdeling=kcc_afdeling,
                    naam="Kees",
                    telefoon="0612345678",
                ),
            ),
        ),
        (
            "contactverzoek oppakken",
            lambda: klant_services.contactverzoek_oppakken(contactverzoek=verzoek["v"], user=agent),
        ),
        (
            "contactverzoek afhandelen",
            lambda: klant_services.contactverzoek_afhandelen(
                contactverzoek=verzoek["v"], user=agent, uitkomst="Teruggebeld"
            ),
        ),
        ("chat", lambda: _chat()),
    ]
    try:
        for naam, stap in stappen:
            with django_capture_on_commit_callbacks(execute=True):
                stap()
            assert {"type": "wachtrij"} in in_lus(alles_lezen()), naam
    finally:
        in_lus(layer.group_discard(INBOX_GROUP, kanaal))
        lus.call_soon_threadsafe(lus.stop)


def test_a_behandelaar_sees_the_afdelings_contactverzoeken_not_the_citizens_mail(
    client, kcc_afdeling, settings
):
    """The role table: the KCC's own channels (chats, e-mail, SMS, letters)
    are for klantmanagers and teamleiders; a behandelaar works cases and the
    contactverzoeken of their afdeling."""
    behandelaar = UserFactory(rollen=[Rol.BEHANDELAAR], username="bh-inbox")
    behandelaar.afdelingen.add(kcc_afdeling)
    mail = post_services.email_ontvangen(ruw=_mail())
    sms = post_services.sms_ontvangen(van="+31612345678", tekst="Mijn uitkering is te laat")
    chat = _chat()
    verzoek = klant_services.contactverzoek_maken(
        klant=None,
        user=None,
        vraag="Bel mij terug over mijn paspoort",
        afdeling=kcc_afdeling,
        naam="Kees",
        telefoon="0612345678",
    )
    client.force_login(behandelaar)
    pagina = client.get("/kcc/inbox/").content.decode()
    assert "Bel mij terug over mijn paspoort" in pagina
    for tekst in ["Vraag over afval", "uitkering", "Sanne", "Post te versturen", ">Chats<"]:
        assert tekst not in pagina, tekst
    for pad in [
        f"/kcc/inbox/{mail.uuid}/",
        f"/kcc/inbox/{sms.uuid}/",
        "/kcc/chats/",
        f"/kcc/chats/{chat.uuid}/",
        "/kcc/post/",
    ]:
        assert client.get(pad).status_code == 403, pad
    assert client.post("/kcc/chats/", {"chat": str(chat.uuid)}).status_code == 403
    with pytest.raises(PermissionDenied):
        chat_services.chat_accepteren(chat=chat, user=behandelaar)
    with pytest.raises(PermissionDenied):
        post_services.inboxitem_oppakken(item=mail, user=behandelaar)

    # "Neem het volgende" gives the contactverzoek, never the mail or chat.
    routering.status_wijzigen(user=behandelaar, status=Medewerkerstatus.Status.BESCHIKBAAR)
    assert routering.volgende_nemen(user=behandelaar).uuid == str(verzoek.uuid)
    assert routering.volgende_nemen(user=behandelaar) is None
    assert Inboxitem.objects.get(pk=mail.pk).status == InboxStatus.OPEN
    assert Chat.objects.get().status == Chat.Status.WACHTEND
