"""What a customer sends is kept whole or refused with a clear message,
never cut short without a word: a chat question or message over the form's
limit, a withdrawal reason, an SMS that came in."""

from __future__ import annotations

import pytest

from kanalen.models import Chat, Chatbericht, Inboxitem
from kanalen.post import services as post_services

pytestmark = pytest.mark.django_db


def test_a_chat_question_or_message_over_the_limit_is_refused_with_what_was_typed(
    client, chatkanaal
):
    lang = "woord " * 400  # 2,400 characters
    antwoord = client.post("/chat/", {"naam": "Sanne", "vraag": lang})
    assert antwoord.status_code == 400
    assert "maximaal 2.000 tekens" in antwoord.content.decode()
    assert lang.strip()[:100] in antwoord.content.decode()
    assert not Chat.objects.exists()

    client.post("/chat/", {"naam": "Sanne", "vraag": "Paspoort kwijt"})
    chat = Chat.objects.get()
    client.post(f"/chat/{chat.uuid}/", {"tekst": lang})
    assert Chatbericht.objects.filter(chat=chat).count() == 1  # the question only
    assert "maximaal 2.000 tekens" in client.get(f"/chat/{chat.uuid}/").content.decode()


def test_an_sms_that_came_in_is_kept_whole():
    tekst = "Mijn container is niet geleegd. " * 100  # 3,300 characters
    item = post_services.sms_ontvangen(van="+31612345678", tekst=tekst)
    assert Inboxitem.objects.get(pk=item.pk).tekst == tekst.strip()


def test_a_withdrawal_reason_over_the_limit_keeps_the_case_and_the_text(client, burger, klant):
    from tests.factories import maak_product
    from zaken import services as zaken_services

    product = maak_product(kanalen=[("internet", True, "10.00")])
    zaak = zaken_services.zaak_registreren(
        klant=klant, product=product, kanaal="internet", user=burger
    )
    client.force_login(burger)
    reden = "Ik heb het niet meer nodig. " * 20  # 560 characters
    antwoord = client.post(f"/pip/zaken/{zaak.uuid}/intrekken/", {"reden": reden})
    assert antwoord.status_code == 400
    assert "maximaal 500 tekens" in antwoord.content.decode()
    assert reden.strip()[:80] in antwoord.content.decode()
    assert type(zaak).objects.get(pk=zaak.pk).is_open
