"""Written contact (post): e-mail and SMS parsed once, acknowledged, taken by one
agent, answered in the thread, ended as a contact."""

from __future__ import annotations

import io
import json
import time
from email.message import EmailMessage

import pytest
from django.utils import timezone

from kanalen.berichten.selectors import eigen_berichten
from kanalen.berichten.services import bericht_claimen
from kanalen.models import Bericht, Inboxitem, InboxStatus
from kanalen.post import services as post_services
from kanalen.webhooks import handtekening
from kcc import bestanden, formaat
from kcc.roles import Rol
from tests.factories import PDF, KlantFactory, UserFactory

GEHEIM = "test-geheim-inbox"


@pytest.fixture(autouse=True)
def _instellingen(settings, db):
    from kcc.devdata.demo import kanalen as kanalen_demo

    settings.INBOX_WEBHOOK_GEHEIM = GEHEIM
    kanalen_demo.laden(io.StringIO())  # the channels with their norms (e-mail: 2 working days)


def _mail(
    *,
    van="s.moulin@example.nl",
    onderwerp="Vraag over mijn paspoort",
    id_="<m1@mail>",
    in_antwoord_op="",
    bijlage=None,
):
    bericht = EmailMessage()
    bericht["From"] = f"Suzanne Moulin <{van}>"
    bericht["To"] = "kcc@voorbeeldstad.nl"
    bericht["Subject"] = onderwerp
    bericht["Message-ID"] = id_
    if in_antwoord_op:
        bericht["In-Reply-To"] = in_antwoord_op
    bericht.set_content("Wanneer kan ik mijn paspoort ophalen?")
    if bijlage:
        bericht.add_attachment(bijlage, maintype="application", subtype="pdf", filename="brief.pdf")
    return bericht.as_bytes()


def _post(client, pad, body, content_type):
    tijdstip = str(int(time.time()))
    return client.post(
        pad,
        body,
        content_type=content_type,
        HTTP_X_KCC_TIJDSTIP=tijdstip,
        HTTP_X_KCC_HANDTEKENING=handtekening(GEHEIM, tijdstip, body),
    )


@pytest.fixture
def klant(db):
    return KlantFactory(bsn="999993653", email="s.moulin@example.nl", telefoon="+31612345678")


@pytest.fixture
def agent(db):
    return UserFactory(rollen=[Rol.KLANTMANAGER], username="agent-inbox")


def test_an_email_on_the_webhook_becomes_one_item_with_its_attachment_and_is_acknowledged(
    client, klant, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = _post(
            client, "/api/v1/inbox/email/", _mail(bijlage=b"%PDF-1.4 brief"), "message/rfc822"
        )
    assert antwoord.status_code == 201, antwoord.content
    item = Inboxitem.objects.get()
    assert (item.klant, item.kanaal, item.onderwerp) == (klant, "email", "Vraag over mijn paspoort")
    assert "paspoort ophalen" in item.tekst and item.uiterlijk_op
    bijlage = item.bijlagen.get()
    assert (bijlage.bestandsnaam, bijlage.soort) == ("brief.pdf", "pdf")
    assert [m.subject for m in mailoutbox] == ["Ontvangen: Vraag over mijn paspoort"]
    assert formaat.datum_lang(item.uiterlijk_op) in mailoutbox[0].body  # "12 maart 2026"
    assert mailoutbox[0].extra_headers["In-Reply-To"] == "<m1@mail>"

    nogmaals = _post(client, "/api/v1/inbox/email/", _mail(), "message/rfc822")
    assert nogmaals.status_code == 201 and Inboxitem.objects.count() == 1  # same Message-ID


def test_imap_fetches_unread_mail_and_marks_it_read_only_when_stored(klant, settings):
    settings.IMAP_HOST = "imap.voorbeeldstad.nl"

    class Postbus:
        """Stands in for the IMAP server: two unread messages, one without a sender."""

        def __init__(self):
            self.gelezen = []
            self.berichten = {b"1": _mail(id_="<a@mail>"), b"2": b"Subject: geen afzender\r\n\r\nx"}

        def login(self, *args):
            pass

        def select(self, *args):
            pass

        def uid(self, opdracht, *args):
            if opdracht == "search":
                return "OK", [b" ".join(self.berichten)]
            if opdracht == "fetch":
                return "OK", [(b"1 (BODY[] {1}", self.berichten[args[0]]), b")"]
            self.gelezen.append(args[0])
            return "OK", []

        def logout(self):
            pass

    postbus = Postbus()
    assert post_services.email_ophalen(verbinden=lambda: postbus) == 1
    assert postbus.gelezen == [b"1"]  # the message without a sender stays unread for a person
    assert Inboxitem.objects.get().bericht_id == "<a@mail>"


def test_an_sms_on_the_webhook_becomes_an_item_and_bad_input_is_refused(client, klant):
    goed = json.dumps({"id": "sms-1", "van": "06 12345678", "tekst": "Is mijn pas klaar?"}).encode()
    assert _post(client, "/api/v1/inbox/sms/", goed, "application/json").status_code == 201
    item = Inboxitem.objects.get()
    assert (item.kanaal, item.klant, item.van) == ("sms", klant, "+31612345678")

    fout = json.dumps({"id": "sms-2", "van": "onzin", "tekst": "x"}).encode()
    geweigerd = _post(client, "/api/v1/inbox/sms/", fout, "application/json")
    assert geweigerd.status_code == 400 and "afzendernummer" in geweigerd.json()["detail"]
    ongetekend = client.post("/api/v1/inbox/sms/", goed, content_type="application/json")
    assert ongetekend.status_code == 401
    assert Inboxitem.objects.count() == 1


def test_two_agents_cannot_take_the_same_item(klant, agent):
    item = post_services.email_ontvangen(ruw=_mail())
    collega = UserFactory(rollen=[Rol.KLANTMANAGER], username="collega-inbox")
    post_services.inboxitem_oppakken(item=item, user=agent)
    with pytest.raises(post_services.InboxConflict):
        post_services.inboxitem_oppakken(item=item, user=collega)
    assert Inboxitem.objects.get().medewerker == agent


def test_an_agent_answers_in_the_thread_and_the_item_ends_as_a_contact(
    client, klant, agent, django_capture_on_commit_callbacks, mailoutbox
):
    item = post_services.email_ontvangen(ruw=_mail())
    mailoutbox.clear()
    client.force_login(agent)
    pagina = client.get("/kcc/inbox/").content.decode()
    assert "Vraag over mijn paspoort" in pagina
    url = f"/kcc/inbox/{item.uuid}/"
    client.post(url, {"actie": "oppakken"})
    leeg = client.post(url, {"actie": "beantwoorden", "tekst": " "})
    assert leeg.status_code == 400 and "Schrijf uw antwoord." in leeg.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"actie": "beantwoorden", "tekst": "U kunt hem morgen ophalen."})
    item = Inboxitem.objects.get(pk=item.pk)
    assert item.status == InboxStatus.AFGEHANDELD
    contact = item.klantcontact
    assert (contact.klant, contact.kanaal, contact.antwoord) == (
        klant,
        "email",
        "U kunt hem morgen ophalen.",
    )
    verstuurd = mailoutbox[-1]
    assert verstuurd.subject == "Re: Vraag over mijn paspoort"
    assert verstuurd.extra_headers["In-Reply-To"] == "<m1@mail>"

    # The customer answers our reply: it joins the same conversation.
    bericht = Bericht.objects.get(onderwerp="Re: Vraag over mijn paspoort")
    from kanalen.berichten.services import bericht_message_id

    vervolg = post_services.email_ontvangen(
        ruw=_mail(
            id_="<m2@mail>", onderwerp="Re: Re: Vraag", in_antwoord_op=bericht_message_id(bericht)
        )
    )
    assert vervolg.draad == item


def test_a_letter_is_registered_with_its_scan_and_the_letter_norm(client, klant, agent):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(agent)
    nep = SimpleUploadedFile("scan.pdf", b"geen pdf", content_type="application/pdf")
    fout = client.post(
        "/kcc/inbox/brief/",
        {"bsn": "123456789", "onderwerp": "Bezwaar", "ontvangen_op": "2026-03-06", "scan": nep},
    )
    assert fout.status_code == 400
    assert "elfproef" in fout.content.decode() and not Inboxitem.objects.exists()

    scan = SimpleUploadedFile("scan.pdf", PDF, content_type="application/pdf")
    antwoord = client.post(
        "/kcc/inbox/brief/",
        {"bsn": klant.bsn, "onderwerp": "Bezwaar WOZ", "ontvangen_op": "2026-03-06", "scan": scan},
        follow=True,
    )
    item = Inboxitem.objects.get()
    assert (item.kanaal, item.klant, item.onderwerp) == ("post", klant, "Bezwaar WOZ")
    assert item.bijlagen.get().soort == "pdf"
    assert str(item.uiterlijk_op) == "2026-03-27"  # three weeks: fifteen working days
    assert "beantwoorden uiterlijk 27-03-2026" in antwoord.content.decode()

    client.post(f"/kcc/inbox/{item.uuid}/", {"actie": "oppakken"})
    client.post(
        f"/kcc/inbox/{item.uuid}/", {"actie": "beantwoorden", "tekst": "Wij behandelen uw bezwaar."}
    )
    item = Inboxitem.objects.get(pk=item.pk)
    assert item.status == InboxStatus.AFGEHANDELD and item.klantcontact.kanaal == "post"
    # The answer is a letter waiting to be printed and posted (never picked
    # up by the outbox's worker); the customer reads it in Mijn omgeving.
    bericht = Bericht.objects.get(klant=klant)
    assert (bericht.kanaal, bericht.status) == ("post", "wachtrij") and "bezwaar" in bericht.tekst
    assert bericht_claimen(bericht_id=bericht.pk) is None
    assert bericht in eigen_berichten(klant=klant)


def test_a_letter_form_keeps_its_date_and_scan_through_an_error(client, klant, agent):
    """The date shows in the browser's date picker (ISO) and a scan sent
    with a wrong BSN need not be chosen again."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(agent)
    leeg = client.get("/kcc/inbox/brief/").content.decode()
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in leeg
    scan = SimpleUploadedFile("brief-woz.pdf", PDF, content_type="application/pdf")
    fout = client.post(
        "/kcc/inbox/brief/",
        {"bsn": "123456789", "onderwerp": "Bezwaar", "ontvangen_op": "2026-03-06", "scan": scan},
    )
    assert fout.status_code == 400
    html = fout.content.decode()
    assert 'value="2026-03-06"' in html and "Ontvangen: brief-woz.pdf" in html
    token = fout.context["form"].data["scan_bewaard"]
    assert token and not Inboxitem.objects.exists()
    # Another agent cannot use the token; the agent themself can, without a file.
    collega = UserFactory(rollen=[Rol.KLANTMANAGER], username="collega-post")
    client.force_login(collega)
    gegevens = {"bsn": klant.bsn, "onderwerp": "Bezwaar", "ontvangen_op": "2026-03-06"}
    ander = client.post("/kcc/inbox/brief/", {**gegevens, "scan_bewaard": token})
    assert ander.status_code == 400 and "scan" in ander.context["form"].errors
    client.force_login(agent)
    client.post("/kcc/inbox/brief/", {**gegevens, "scan_bewaard": token})
    item = Inboxitem.objects.get()
    bijlage = item.bijlagen.get()
    assert (bijlage.bestandsnaam, bijlage.soort) == ("brief-woz.pdf", "pdf")
    assert bijlage.bestand.read() == PDF
    assert bestanden.terughalen(token, user=agent) is None  # removed once stored


def test_a_letter_from_an_unknown_sender_is_answered_by_a_letter_to_print(client, agent):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(agent)
    scan = SimpleUploadedFile("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    client.post(
        "/kcc/inbox/brief/",
        {
            "afzender": "J. de Vries, Kerkstraat 4, 1234 AB Voorbeeldstad",
            "onderwerp": "Vraag over de markt",
            "ontvangen_op": "2026-03-06",
            "scan": scan,
        },
    )
    item = Inboxitem.objects.get()
    client.post(f"/kcc/inbox/{item.uuid}/", {"actie": "oppakken"})
    scherm = client.get(f"/kcc/inbox/{item.uuid}/").content.decode()
    assert "Kerkstraat 4" in scherm  # the address field is filled from the letter
    zonder = client.post(
        f"/kcc/inbox/{item.uuid}/",
        {"actie": "beantwoorden", "tekst": "Geachte heer De Vries,", "adres": " "},
    )
    assert zonder.status_code == 400 and "Vul het adres in" in zonder.content.decode()
    assert not Bericht.objects.exists()
    klaar = client.post(
        f"/kcc/inbox/{item.uuid}/",
        {
            "actie": "beantwoorden",
            "tekst": "Geachte heer De Vries,\n\nDe markt is op zaterdag.",
            "adres": "J. de Vries\nKerkstraat 4\n1234 AB Voorbeeldstad",
        },
        follow=True,
    )
    assert "Post te versturen" in klaar.content.decode()
    bericht = Bericht.objects.get()
    assert (bericht.kanaal, bericht.status, bericht.klant) == ("post", "wachtrij", None)

    lijst = client.get("/kcc/post/").content.decode()
    assert bericht.onderwerp in lijst
    brief = client.get(f"/kcc/post/{bericht.uuid}/").content.decode()
    assert "J. de Vries<br>Kerkstraat 4<br>1234 AB Voorbeeldstad" in brief
    assert "De markt is op zaterdag." in brief and "Met vriendelijke groet" in brief
    client.post(f"/kcc/post/{bericht.uuid}/")
    bericht = Bericht.objects.get(pk=bericht.pk)
    assert bericht.status == "verzonden" and bericht.verzonden_op is not None
    assert "Alle brieven zijn verstuurd." in client.get("/kcc/post/").content.decode()
    # A second "Verstuurd" (a colleague's stale page) changes nothing and says so.
    nogmaals = client.post(f"/kcc/post/{bericht.uuid}/", follow=True)
    assert "al als verstuurd gemarkeerd" in nogmaals.content.decode()


def test_a_letter_to_a_known_customer_goes_to_their_address_and_printing_is_audited(
    client, klant, agent
):
    from kcc.models import AuditLogEntry

    item = Inboxitem.objects.create(
        kanaal="post", klant=klant, van=klant.naam, onderwerp="Vraag", tekst="Brief"
    )
    post_services.inboxitem_oppakken(item=item, user=agent)
    bericht = post_services.inboxitem_beantwoorden(item=item, user=agent, tekst="Geachte ...")
    assert post_services.briefadres(bericht) == [
        klant.naam,
        f"{klant.straat} {klant.huisnummer}",
        f"{klant.postcode[:4]} {klant.postcode[4:]}  {klant.woonplaats}",  # as PostNL asks
    ]
    client.force_login(agent)
    assert klant.straat in client.get(f"/kcc/post/{bericht.uuid}/").content.decode()
    assert AuditLogEntry.objects.filter(
        betrokkene=klant.bsn, omschrijving__startswith="Brief aan de klant afgedrukt"
    ).exists()
