"""Races as they happen on a busy day, through the real request path with
one database connection per request: every request gets a clear answer (no
server error), and what is taken or sent is taken or sent once."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client

from kanalen.chat import services as chat_services
from kanalen.inbox import routering
from kanalen.models import Aanvraag, Chat, Inboxitem, InboxStatus, Kanaal
from kanalen.post import services as post_services
from kcc.models import Afdeling
from kcc.roles import Rol
from klanten import services as klant_services
from klanten.models import Contactverzoek, ContactverzoekStatus
from tests.factories import UserFactory
from tests.test_portaal import _paspoort_aanvragen, catalogus  # noqa: F401 (fixture)
from zaken.models import Zaak

pytestmark = pytest.mark.django_db(transaction=True)


def _tegelijk(verzoeken) -> list:
    """Send the requests at the same moment, each on its own connection."""
    start = threading.Barrier(len(verzoeken))
    antwoorden: list = [None] * len(verzoeken)

    def sturen(nummer, verzoek):
        try:
            start.wait(timeout=10)
            antwoorden[nummer] = verzoek()
        except Exception as fout:
            antwoorden[nummer] = fout
        finally:
            connection.close()

    draden = [threading.Thread(target=sturen, args=item) for item in enumerate(verzoeken)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=60)
    return antwoorden


def _ingelogd(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


def _meldingen(client) -> str:
    return " ".join(str(m) for m in client.get("/kcc/").context["messages"])


@pytest.fixture
def kcc(db):
    Kanaal.objects.create(soort="chat", naam="Chat", norm_percentage=80, kosten_per_contact=3)
    afdeling = Afdeling.objects.create(code="kcc", naam="KCC")
    agenten = []
    for naam in ("agent-a", "agent-b"):
        agent = UserFactory(rollen=[Rol.KLANTMANAGER], username=naam)
        agent.afdelingen.add(afdeling)
        routering.status_wijzigen(user=agent, status="beschikbaar")
        agenten.append(agent)
    return afdeling, agenten


def test_two_agents_taking_the_next_item_at_once_get_one_each(kcc):
    _afdeling, agenten = kcc
    post_services.email_ontvangen(
        ruw=b"From: Piet <piet@example.nl>\r\nSubject: Afval\r\nMessage-ID: <r1@x>\r\n\r\nHoi"
    )
    chat_services.chat_starten(klant=None, naam="Sanne", sessie_sleutel="s", vraag="Hallo")
    clients = [_ingelogd(agent) for agent in agenten]
    antwoorden = _tegelijk([lambda c=c: c.post("/kcc/volgende/") for c in clients])
    assert [getattr(a, "status_code", a) for a in antwoorden] == [302, 302]
    assert antwoorden[0]["Location"] != antwoorden[1]["Location"]
    chat = Chat.objects.get()
    mail = Inboxitem.objects.get()
    assert chat.status == Chat.Status.ACTIEF and mail.status == InboxStatus.IN_BEHANDELING
    assert {chat.medewerker, mail.medewerker} == set(agenten)


def test_two_agents_taking_one_contactverzoek_at_once(kcc):
    afdeling, agenten = kcc
    verzoek = klant_services.contactverzoek_maken(
        klant=None,
        user=None,
        vraag="Bel mij terug",
        afdeling=afdeling,
        naam="Kees",
        telefoon="0612345678",
    )
    clients = [_ingelogd(agent) for agent in agenten]
    antwoorden = _tegelijk(
        [
            lambda c=c: c.post(
                "/kcc/contactverzoeken/", {"verzoek": str(verzoek.uuid), "actie": "oppakken"}
            )
            for c in clients
        ]
    )
    assert [getattr(a, "status_code", a) for a in antwoorden] == [302, 302]
    verzoek = Contactverzoek.objects.get()
    assert verzoek.status == ContactverzoekStatus.IN_BEHANDELING
    meldingen = [_meldingen(c) for c in clients]
    winnaar = agenten.index(verzoek.medewerker)
    assert "U heeft het contactverzoek opgepakt." in meldingen[winnaar]
    assert "al opgepakt" in meldingen[1 - winnaar]


def test_three_sends_of_one_application_make_one_case(catalogus, burger, klant):  # noqa: F811
    client = _ingelogd(burger)
    formulier_url = _paspoort_aanvragen(client)
    clients = [_ingelogd(burger) for _ in range(3)]
    antwoorden = _tegelijk([lambda c=c: c.post(formulier_url + "controleren/") for c in clients])
    assert [getattr(a, "status_code", a) for a in antwoorden] == [302, 302, 302]
    assert {a["Location"] for a in antwoorden} == {formulier_url + "verstuurd/"}
    assert Zaak.objects.filter(klant=klant).count() == 1
    assert Aanvraag.objects.get().zaak is not None
