"""Status notifications: outbox row in the change's transaction, sent once."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from kanalen.berichten import services as bericht_services
from kanalen.berichten import sms
from kanalen.models import Bericht, BerichtSjabloon, BerichtStatus
from kcc.roles import Rol
from tests.factories import UserFactory, maak_product
from zaken import services as zaken_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def tl():
    return UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-berichten")


@pytest.fixture
def zaak(klant, tl, django_capture_on_commit_callbacks):
    product = maak_product(kanalen=[("balie", True, "84.40")])
    with django_capture_on_commit_callbacks(execute=True):
        zaak = zaken_services.zaak_registreren(
            klant=klant, product=product, kanaal="balie", user=tl
        )
        zaken_services.zaak_in_behandeling_nemen(zaak=zaak, user=tl)
    mail.outbox.clear()
    return zaak


def _bericht(zaak, ontvanger="a@example.nl", onderwerp="x"):
    """An e-mail in the outbox, waiting to be sent."""
    return Bericht.objects.create(
        klant=zaak.klant,
        zaak=zaak,
        kanaal="email",
        ontvanger=ontvanger,
        onderwerp=onderwerp,
        tekst="tekst",
    )


@pytest.fixture(autouse=True)
def _sms_in_memory(settings):
    settings.SMS_BACKEND = "locmem"
    sms.outbox.clear()


def test_it_emails_the_customer_at_a_notifying_step_once(
    zaak, tl, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        zaken_services.zaak_statusstap_zetten(zaak=zaak, user=tl, stap="Ligt klaar")
    [bericht] = Bericht.objects.filter(zaak=zaak, onderwerp__contains="Nieuws").order_by("-id")[:1]
    assert Bericht.objects.get(pk=bericht.pk).status == BerichtStatus.VERZONDEN
    [email] = mail.outbox
    assert email.to == ["s.moulin@example.nl"]
    assert "Uw paspoort ligt klaar." in email.body
    assert str(bericht.uuid) in email.extra_headers["Message-ID"]
    # Running the task again sends nothing more.
    assert bericht_services.bericht_versturen(bericht_id=bericht.pk) == "niet geclaimd"
    assert len(mail.outbox) == 1


def test_it_sends_nothing_for_a_change_that_rolls_back(
    zaak, tl, django_capture_on_commit_callbacks
):
    voor = Bericht.objects.count()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        zaken_services.zaak_statusstap_zetten(zaak=zaak, user=tl, stap="Ligt klaar")
        raise RuntimeError("database error after the change")
    assert Bericht.objects.count() == voor
    assert mail.outbox == []


def test_it_sends_nothing_for_a_change_the_customer_need_not_hear(klant, tl):
    product = maak_product(kanalen=[("balie", True, "84.40")])
    zaak = zaken_services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=tl)
    voor = Bericht.objects.count()
    zaken_services.zaak_in_behandeling_nemen(zaak=zaak, user=tl)
    assert Bericht.objects.count() == voor


def test_it_texts_a_customer_who_prefers_sms(zaak, tl, django_capture_on_commit_callbacks):
    zaak.klant.berichtvoorkeur = "sms"
    zaak.klant.telefoon = "06 12345678"
    zaak.klant.save()
    with django_capture_on_commit_callbacks(execute=True):
        zaken_services.zaak_statusstap_zetten(zaak=zaak, user=tl, stap="Ligt klaar")
    [bericht] = sms.outbox
    assert bericht.to == "+31612345678"
    assert "Uw paspoort ligt klaar." in bericht.text
    assert mail.outbox == []


def test_it_keeps_portal_only_messages_in_the_portal(zaak, tl, django_capture_on_commit_callbacks):
    zaak.klant.berichtvoorkeur = "portaal"
    zaak.klant.save()
    with django_capture_on_commit_callbacks(execute=True):
        zaken_services.zaak_statusstap_zetten(zaak=zaak, user=tl, stap="Ligt klaar")
    bericht = Bericht.objects.filter(zaak=zaak).order_by("-id").first()
    assert (bericht.kanaal, bericht.status) == ("portaal", BerichtStatus.VERZONDEN)
    assert mail.outbox == [] and sms.outbox == []


def test_it_uses_the_beheerders_template_with_placeholders(
    zaak, tl, django_capture_on_commit_callbacks
):
    BerichtSjabloon.objects.create(
        product=zaak.product,
        sleutel="Ligt klaar",
        onderwerp="Uw {product} ligt klaar ({zaaknummer})",
        tekst="Beste {naam}, {tekst} {naam.__class__} {onbekend}",
    )
    with django_capture_on_commit_callbacks(execute=True):
        zaken_services.zaak_statusstap_zetten(zaak=zaak, user=tl, stap="Ligt klaar")
    [email] = mail.outbox
    assert email.subject == f"Uw Paspoort aanvragen ligt klaar ({zaak.nummer})"
    assert email.body == "Beste Suzanne Moulin, Uw paspoort ligt klaar. {naam.__class__} {onbekend}"


def test_it_retries_a_transient_failure_with_backoff_and_gives_up_visibly(
    zaak, tl, monkeypatch, django_capture_on_commit_callbacks
):
    def down(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("connection lost")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", down)
    with django_capture_on_commit_callbacks(execute=True):
        zaken_services.zaak_statusstap_zetten(zaak=zaak, user=tl, stap="Ligt klaar")
    bericht = Bericht.objects.filter(zaak=zaak, kanaal="email").order_by("-id").first()
    assert bericht.status == BerichtStatus.WACHTRIJ
    assert bericht.pogingen == 1
    assert bericht.volgende_poging > timezone.now() + timedelta(seconds=50)
    assert "SMTPServerDisconnected" in bericht.laatste_fout
    for _ in range(bericht_services.MAX_POGINGEN):
        Bericht.objects.filter(pk=bericht.pk).update(volgende_poging=timezone.now())
        bericht_services.bericht_versturen(bericht_id=bericht.pk)
    bericht = Bericht.objects.get(pk=bericht.pk)
    assert bericht.status == BerichtStatus.MISLUKT

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        bericht_services.bericht_opnieuw_versturen(bericht=bericht, user=tl)
    assert Bericht.objects.get(pk=bericht.pk).status == BerichtStatus.VERZONDEN
    assert len(mail.outbox) == 1


def test_it_lets_only_one_worker_claim_a_message(zaak):
    bericht = _bericht(zaak, "a@example.nl", onderwerp="x")
    assert bericht_services.bericht_claimen(bericht_id=bericht.pk) is not None
    assert bericht_services.bericht_claimen(bericht_id=bericht.pk) is None


def test_it_picks_up_messages_left_behind(zaak):
    achtergebleven = _bericht(zaak, "a@example.nl", onderwerp="a")
    vastgelopen = _bericht(zaak, "b@example.nl", onderwerp="b")
    bericht_services.bericht_claimen(bericht_id=vastgelopen.pk)
    Bericht.objects.filter(pk=vastgelopen.pk).update(
        geclaimd_op=timezone.now() - bericht_services.LEASE - timedelta(minutes=1)
    )
    bericht_services.berichten_wachtrij_verwerken()
    for bericht in [achtergebleven, vastgelopen]:
        assert Bericht.objects.get(pk=bericht.pk).status == BerichtStatus.VERZONDEN
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.nl", "b@example.nl"]


def test_it_shows_the_beheerder_a_template_preview_and_failed_messages(client, beheerder, zaak):
    from kcc.models import AuditLogEntry

    sjabloon = BerichtSjabloon.objects.create(
        sleutel="afgehandeld", onderwerp="Klaar: {zaaknummer}", tekst="Beste {naam}, {tekst}"
    )
    client.force_login(beheerder)
    page = client.get(f"/beheer/kanalen/berichtsjabloon/{sjabloon.pk}/change/").content.decode()
    assert "Klaar: ZAAK-2026-000123" in page and "Beste Suzanne Moulin" in page
    bericht = Bericht.objects.filter(zaak=zaak).first()
    assert client.get(f"/beheer/kanalen/bericht/{bericht.pk}/change/").status_code == 200
    assert AuditLogEntry.objects.filter(object_id=str(bericht.uuid)).exists()


def test_it_never_leaves_a_message_claimed_after_an_unexpected_error(zaak, monkeypatch):
    bericht = _bericht(zaak, "a@example.nl", onderwerp="x")

    def kapot(self, *args, **kwargs):
        raise ValueError("bug in a backend")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", kapot)
    bericht_services.bericht_versturen(bericht_id=bericht.pk)
    bericht = Bericht.objects.get(pk=bericht.pk)
    assert bericht.status == BerichtStatus.WACHTRIJ
    assert "ValueError" in bericht.laatste_fout


def test_it_gives_up_on_a_message_whose_worker_keeps_dying(zaak):
    bericht = _bericht(zaak, "a@example.nl", onderwerp="x")
    bericht_services.bericht_claimen(bericht_id=bericht.pk)
    Bericht.objects.filter(pk=bericht.pk).update(
        pogingen=bericht_services.MAX_POGINGEN,
        geclaimd_op=timezone.now() - bericht_services.LEASE * 2,
    )
    bericht_services.berichten_wachtrij_verwerken()
    assert Bericht.objects.get(pk=bericht.pk).status == BerichtStatus.MISLUKT


def test_it_sends_one_message_when_a_compound_request_is_withdrawn(
    klant, tl, django_capture_on_commit_callbacks
):
    from producten import services as producten_services
    from producten.models import Product, ProductOnderdeel

    maak_product("deel-a", "Deel A", kanalen=[("balie", True, "1.00")])
    maak_product("deel-b", "Deel B", kanalen=[("balie", True, "1.00")])
    geheel = maak_product(
        "geheel", "Geheel", publiceren=False, afdeling=None, kanalen=[("balie", True, "0.00")]
    )
    for volgorde, code in enumerate(["deel-a", "deel-b"]):
        ProductOnderdeel.objects.create(
            samengesteld=geheel, onderdeel=Product.objects.get(code=code), volgorde=volgorde
        )
    producten_services.product_publiceren(product=geheel)
    with django_capture_on_commit_callbacks(execute=True):
        hoofd = zaken_services.zaak_registreren(
            klant=klant, product=geheel, kanaal="balie", user=tl
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        zaken_services.zaak_intrekken(zaak=hoofd, user=tl, reden="Verhuizing gaat niet door")
    assert [m.subject for m in mail.outbox] == [f"Nieuws over uw aanvraag {hoofd.nummer}"]


def test_it_leaves_an_unreachable_broker_alone_for_a_while(zaak, monkeypatch):
    from kanalen import tasks

    pogingen = []

    def broker_weg(bericht_id):
        pogingen.append(bericht_id)
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.bericht_versturen, "delay", broker_weg)
    monkeypatch.setattr(bericht_services, "_broker_pauze_tot", 0.0)
    bericht_services._in_wachtrij_zetten(1)  # fails, starts the pause; raises nothing
    bericht_services._in_wachtrij_zetten(2)  # skipped: beat picks it up
    assert pogingen == [1]


def test_it_shows_failed_messages_to_the_teamleider_to_resend(
    client, teamleider, klantmanager, zaak
):
    bericht = _bericht(zaak, "fout@example.nl", onderwerp="Onbestelbaar")
    bericht_services.bericht_claimen(bericht_id=bericht.pk)
    bericht_services._uitkomst(
        Bericht.objects.get(pk=bericht.pk), fout="Address refused", opnieuw=False
    )
    client.force_login(klantmanager)
    assert client.get("/kcc/berichten/mislukt/").status_code == 403
    client.force_login(teamleider)
    page = client.get("/kcc/berichten/mislukt/").content.decode()
    assert "Onbestelbaar" in page and "Address refused" in page
    response = client.post("/kcc/berichten/mislukt/", {"bericht": str(bericht.uuid)}, follow=True)
    assert "weer in de wachtrij" in response.content.decode()
    assert Bericht.objects.get(pk=bericht.pk).status in {
        BerichtStatus.WACHTRIJ,
        BerichtStatus.VERZONDEN,
    }
