"""The counter: appointments (slots and desk capacity, booked in the portal
or by an agent, moved, cancelled, reminded), the kiosk, the desks calling
the next ticket, the display, and every visit ending as a contact with its
queue events."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from kanalen.balie import afspraken as afspraak_services
from kanalen.balie import wachtnummers as wachtnummer_services
from kanalen.balie.consumers import BalieSchermConsumer
from kanalen.inbox import routering
from kanalen.models import (
    Afspraak,
    Afspraakrooster,
    Balie,
    Bericht,
    Wachtnummer,
    Wachtrijgebeurtenis,
)
from kcc import kalender
from kcc.choices import KanaalSoort
from kcc.roles import Rol
from tests.factories import KlantFactory, UserFactory, maak_product


def _werkdag_over(dagen: int):
    dag = timezone.localdate() + timedelta(days=dagen)
    while not kalender.is_werkdag(dag):
        dag += timedelta(days=1)
    return dag


def _om(dag, uur, minuut=0):
    return datetime.combine(dag, time(uur, minuut), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def paspoort(db):
    product = maak_product()
    Afspraakrooster.objects.bulk_create(
        Afspraakrooster(product=product, weekdag=d, van=time(9), tot=time(10), balies=2)
        for d in range(5)
    )
    return product


@pytest.fixture
def balie1(db):
    return Balie.objects.create(naam="Balie 1")


@pytest.fixture
def medewerker(db):
    return UserFactory(rollen=[Rol.KLANTMANAGER], username="balie-mdw")


def test_it_makes_slots_from_the_rooster_and_counts_booked_places(paspoort, klant, andere_klant):
    dag = _werkdag_over(3)
    tijden = afspraak_services.vrije_tijden(product=paspoort, van=dag, tot=dag)
    assert [t.begin.time() for t in tijden] == [time(9), time(9, 15), time(9, 30), time(9, 45)]
    assert {t.vrij for t in tijden} == {2}

    afspraak_services.afspraak_maken(
        klant=klant, product=paspoort, begin=_om(dag, 9), user=None, kanaal=KanaalSoort.INTERNET
    )
    afspraak_services.afspraak_maken(
        klant=andere_klant,
        product=paspoort,
        begin=_om(dag, 9),
        user=None,
        kanaal=KanaalSoort.INTERNET,
    )
    eerste = afspraak_services.vrije_tijden(product=paspoort, van=dag, tot=dag)[0]
    assert eerste.vrij == 0
    derde = KlantFactory(bsn="999991772")
    with pytest.raises(Exception, match="niet \\(meer\\) vrij"):
        afspraak_services.afspraak_maken(
            klant=derde,
            product=paspoort,
            begin=_om(dag, 9),
            user=None,
            kanaal=KanaalSoort.INTERNET,
        )
    assert Afspraak.objects.count() == 2


def test_a_holiday_has_no_slots_and_an_odd_time_is_refused(paspoort, klant):
    jaar = timezone.localdate().year + 1
    paasmaandag = kalender.pasen(jaar) + timedelta(days=1)
    assert afspraak_services.vrije_tijden(product=paspoort, van=paasmaandag, tot=paasmaandag) == []
    dag = _werkdag_over(3)
    with pytest.raises(Exception, match="niet \\(meer\\) vrij"):
        afspraak_services.afspraak_maken(
            klant=klant,
            product=paspoort,
            begin=_om(dag, 9, 7),
            user=None,
            kanaal=KanaalSoort.INTERNET,
        )


def test_a_citizen_books_moves_and_cancels_in_the_portal(
    client, burger, klant, paspoort, django_capture_on_commit_callbacks
):
    client.force_login(burger)
    dag = _werkdag_over(3)
    pagina = client.get(f"/pip/afspraken/nieuw/paspoort/?dag={dag:%Y-%m-%d}")
    assert pagina.status_code == 200 and "09:15" in pagina.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            "/pip/afspraken/nieuw/paspoort/", {"begin": _om(dag, 9, 15).isoformat()}
        )
    afspraak = Afspraak.objects.get()
    assert (
        antwoord.status_code == 302 and antwoord["Location"] == f"/pip/afspraken/{afspraak.uuid}/"
    )
    assert afspraak.klant == klant and afspraak.geboekt_via == KanaalSoort.INTERNET
    bevestiging = Bericht.objects.get(klant=klant)
    assert afspraak.code in bevestiging.tekst and "09:15" in bevestiging.tekst

    # Twice the same product: move the one you have instead.
    dubbel = client.post("/pip/afspraken/nieuw/paspoort/", {"begin": _om(dag, 9, 30).isoformat()})
    assert dubbel.status_code == 400 and "Verzet die afspraak" in dubbel.content.decode()

    client.post(
        f"/pip/afspraken/{afspraak.uuid}/verzetten/", {"begin": _om(dag, 9, 45).isoformat()}
    )
    afspraak = Afspraak.objects.get(pk=afspraak.pk)
    assert timezone.localtime(afspraak.begin).time() == time(9, 45)
    assert "Afspraak verzetten" in client.get(f"/pip/afspraken/{afspraak.uuid}/").content.decode()

    # Cancelling asks first; "Nee" leaves the appointment as it is.
    vraag = client.post(f"/pip/afspraken/{afspraak.uuid}/", {"actie": "annuleren"})
    assert "afzeggen?" in vraag.content.decode() and "Ja, afzeggen" in vraag.content.decode()
    assert Afspraak.objects.get(pk=afspraak.pk).status == Afspraak.Status.GEPLAND
    client.post(f"/pip/afspraken/{afspraak.uuid}/", {"actie": "annuleren", "bevestigd": "ja"})
    assert Afspraak.objects.get(pk=afspraak.pk).status == Afspraak.Status.GEANNULEERD
    assert Bericht.objects.filter(klant=klant).count() == 3
    # The message says it is off: no code to report with at the kiosk.
    afgezegd = Bericht.objects.filter(klant=klant).latest("id")
    assert "afgezegd" in afgezegd.tekst and "zuil" not in afgezegd.tekst
    assert afspraak.code not in afgezegd.tekst
    # The freed place can be booked again.
    slot = afspraak_services.vrije_tijden(product=paspoort, van=dag, tot=dag)[-1]
    assert slot.vrij == 2


def test_another_citizen_cannot_see_or_change_my_appointment(client, klant, paspoort):
    from kcc.services import klant_gebruiker

    dag = _werkdag_over(3)
    afspraak = afspraak_services.afspraak_maken(
        klant=klant, product=paspoort, begin=_om(dag, 9), user=None, kanaal=KanaalSoort.INTERNET
    )
    KlantFactory(bsn="999990019")
    client.force_login(klant_gebruiker(bsn="999990019"))
    assert client.get(f"/pip/afspraken/{afspraak.uuid}/").status_code == 404
    assert (
        client.post(f"/pip/afspraken/{afspraak.uuid}/", {"actie": "annuleren"}).status_code == 404
    )
    verzet = client.post(
        f"/pip/afspraken/{afspraak.uuid}/verzetten/", {"begin": _om(dag, 9, 30).isoformat()}
    )
    assert verzet.status_code == 404
    assert Afspraak.objects.get(pk=afspraak.pk).status == Afspraak.Status.GEPLAND
    assert (
        "Paspoort"
        not in client.get("/pip/afspraken/").content.decode().split("Afspraak maken voor")[0]
    )


def test_an_agent_books_for_the_customer(client, klantmanager, klant, paspoort):
    client.force_login(klantmanager)
    dag = _werkdag_over(3)
    pagina = client.get(f"/kcc/klanten/{klant.uuid}/afspraak/?product=paspoort&dag={dag:%Y-%m-%d}")
    assert pagina.status_code == 200 and "09:45" in pagina.content.decode()
    antwoord = client.post(
        f"/kcc/klanten/{klant.uuid}/afspraak/?product=paspoort",
        {"product": "paspoort", "begin": _om(dag, 9, 45).isoformat()},
    )
    assert antwoord.status_code == 302
    afspraak = Afspraak.objects.get()
    assert afspraak.geboekt_door == klantmanager and afspraak.geboekt_via == KanaalSoort.TELEFOON


def test_tomorrows_appointments_get_one_reminder_and_missed_ones_are_marked(paspoort, klant):
    morgen = timezone.localdate() + timedelta(days=1)
    afspraak = Afspraak.objects.create(
        code="ABC234",
        klant=klant,
        product=paspoort,
        begin=_om(morgen, 9),
        eind=_om(morgen, 9, 15),
        geboekt_via=KanaalSoort.INTERNET,
    )
    gemist = Afspraak.objects.create(
        code="XYZ789",
        klant=klant,
        product=paspoort,
        begin=_om(timezone.localdate(), 7),
        eind=_om(timezone.localdate(), 7, 15),
        geboekt_via=KanaalSoort.INTERNET,
    )
    # Not in the first run after midnight: reminders go out in the daytime.
    nacht = _om(timezone.localdate(), 0, 10)
    assert afspraak_services.afspraken_bewaken(nacht)[0] == 0
    ochtend = _om(timezone.localdate(), 10)
    assert afspraak_services.afspraken_bewaken(ochtend) == (1, 1)
    assert afspraak_services.afspraken_bewaken(ochtend) == (0, 0)
    herinnering = Bericht.objects.get(klant=klant)
    assert "Herinnering" in herinnering.onderwerp and "ABC234" in herinnering.tekst
    assert Afspraak.objects.get(pk=afspraak.pk).herinnering_op is not None
    assert Afspraak.objects.get(pk=gemist.pk).status == Afspraak.Status.NIET_VERSCHENEN


def test_a_walk_in_and_an_appointment_are_called_to_a_desk_and_end_as_contacts(
    client, klant, paspoort, balie1, medewerker
):
    # A walk-in takes a number at the kiosk (no login: the kiosk stands in the hall).
    kiosk = client.get("/balie/kiosk/")
    assert kiosk.status_code == 200 and "Paspoort aanvragen" in kiosk.content.decode()
    antwoord = client.post("/balie/kiosk/", {"actie": "nummer", "product": str(paspoort.uuid)})
    inloop = Wachtnummer.objects.get()
    assert antwoord["Location"] == f"/balie/kiosk/{inloop.uuid}/"
    assert inloop.nummer == "P001"
    assert "P001" in client.get(antwoord["Location"]).content.decode()

    # A customer with an appointment now checks in with the code.
    nu = timezone.now()
    afspraak = Afspraak.objects.create(
        code="K7M2PX",
        klant=klant,
        product=paspoort,
        begin=nu - timedelta(minutes=1),
        eind=nu + timedelta(minutes=14),
        geboekt_via=KanaalSoort.INTERNET,
    )
    fout = client.post("/balie/kiosk/", {"actie": "afspraak", "code": "WRONG1"})
    assert fout.status_code == 400 and "kennen wij niet" in fout.content.decode()
    client.post("/balie/kiosk/", {"actie": "afspraak", "code": "k7m 2px"})
    met_afspraak = Wachtnummer.objects.get(afspraak=afspraak)
    assert met_afspraak.nummer == "A002" and met_afspraak.klant == klant
    assert Afspraak.objects.get(pk=afspraak.pk).status == Afspraak.Status.AANGEMELD
    nogmaals = client.post("/balie/kiosk/", {"actie": "afspraak", "code": "K7M2PX"})
    assert "al aangemeld" in nogmaals.content.decode()

    # The desk calls: the due appointment first, then the walk-in.
    mdw = client.__class__()
    mdw.force_login(medewerker)
    mdw.post("/kcc/balie/", {"actie": "balie", "balie": str(balie1.uuid)})
    mdw.post("/kcc/balie/", {"actie": "volgende"})
    assert Wachtnummer.objects.get(pk=met_afspraak.pk).status == Wachtnummer.Status.OPGEROEPEN
    scherm = client.get("/balie/scherm/").content.decode()
    assert "A002" in scherm and "Balie 1" in scherm and "Moulin" not in scherm
    bezig = mdw.post("/kcc/balie/", {"actie": "volgende"}, follow=True)
    assert "Rond eerst het nummer af" in bezig.content.decode()

    leeg = mdw.post("/kcc/balie/", {"actie": "afhandelen", "onderwerp": " "})
    assert leeg.status_code == 400 and "Vul in waar het bezoek over ging" in leeg.content.decode()
    mdw.post(
        "/kcc/balie/",
        {"actie": "afhandelen", "onderwerp": "Paspoort aangevraagd", "in_een_keer_goed": "ja"},
    )
    geholpen = Wachtnummer.objects.get(pk=met_afspraak.pk)
    assert geholpen.status == Wachtnummer.Status.AFGEHANDELD
    contact = geholpen.klantcontact
    assert (contact.klant, contact.kanaal, contact.onderwerp) == (
        klant,
        "balie",
        "Paspoort aangevraagd",
    )

    # The walk-in identifies with a BSN at the desk; a wrong one is refused.
    mdw.post("/kcc/balie/", {"actie": "volgende"})
    fout = mdw.post("/kcc/balie/", {"actie": "afhandelen", "bsn": "123456789", "onderwerp": "x"})
    assert fout.status_code == 400 and "elfproef" in fout.content.decode()
    mdw.post(
        "/kcc/balie/",
        {"actie": "afhandelen", "bsn": "999993653", "onderwerp": "Vraag over kosten"},
    )
    inloop = Wachtnummer.objects.get(pk=inloop.pk)
    assert inloop.klantcontact.klant == klant and inloop.klantcontact.kanaal == "balie"

    gebeurtenissen = list(
        Wachtrijgebeurtenis.objects.filter(kanaal="balie").values_list("sessie", "soort")
    )
    for ticket in (inloop, met_afspraak):
        assert [s for sessie, s in gebeurtenissen if sessie == str(ticket.uuid)] == [
            "aangeboden",
            "beantwoord",
            "beeindigd",
        ]
    beantwoord = Wachtrijgebeurtenis.objects.get(sessie=str(met_afspraak.uuid), soort="beantwoord")
    assert beantwoord.wachttijd_seconden is not None and beantwoord.medewerker == medewerker


def test_two_desks_never_call_the_same_ticket(paspoort, balie1, medewerker):
    tweede = UserFactory(rollen=[Rol.KLANTMANAGER], username="balie-2")
    balie2 = Balie.objects.create(naam="Balie 2")
    wachtnummer_services.wachtnummer_trekken(product=paspoort)
    eerste = wachtnummer_services.volgende_oproepen(balie=balie1, user=medewerker)
    assert eerste is not None
    assert wachtnummer_services.volgende_oproepen(balie=balie2, user=tweede) is None


def test_staff_with_skills_still_call_products_without_a_theme(balie1, medewerker):
    from producten.models import Thema

    zonder_thema = maak_product("rijbewijs", "Rijbewijs")
    zonder_thema.themas.clear()
    routering.beschikbaarheid(medewerker).vaardigheden.add(
        Thema.objects.create(slug="afval", naam="Afval")
    )
    ticket = wachtnummer_services.wachtnummer_trekken(product=zonder_thema)
    assert wachtnummer_services.volgende_oproepen(balie=balie1, user=medewerker) == ticket


def test_a_no_show_counts_as_abandoned_not_answered(paspoort, balie1, medewerker):
    ticket = wachtnummer_services.wachtnummer_trekken(product=paspoort)
    wachtnummer_services.volgende_oproepen(balie=balie1, user=medewerker)
    wachtnummer_services.niet_verschenen(wachtnummer=ticket, user=medewerker)
    assert Wachtnummer.objects.get(pk=ticket.pk).status == Wachtnummer.Status.NIET_VERSCHENEN
    assert list(
        Wachtrijgebeurtenis.objects.filter(sessie=str(ticket.uuid)).values_list("soort", flat=True)
    ) == ["aangeboden", "verlaten"]


def test_the_kiosk_refuses_a_flood_of_tickets(client, paspoort, settings):
    settings.BALIE_TICKETS_PER_10_MINUTEN = 2
    for _ in range(2):
        client.post("/balie/kiosk/", {"actie": "nummer", "product": str(paspoort.uuid)})
    derde = client.post("/balie/kiosk/", {"actie": "nummer", "product": str(paspoort.uuid)})
    assert derde.status_code == 429 and Wachtnummer.objects.count() == 2


def test_a_product_not_served_at_the_counter_has_no_ticket(client, db):
    online = maak_product("uittreksel", "Uittreksel", kanalen=[(KanaalSoort.INTERNET, True, None)])
    antwoord = client.post("/balie/kiosk/", {"actie": "nummer", "product": str(online.uuid)})
    assert antwoord.status_code == 404 and not Wachtnummer.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_display_hears_a_call_live(paspoort):
    balie1 = Balie.objects.create(naam="Balie 7")
    medewerker = UserFactory(rollen=[Rol.KLANTMANAGER], username="balie-live")

    async def scenario():
        from channels.db import database_sync_to_async

        communicator = WebsocketCommunicator(BalieSchermConsumer.as_asgi(), "/ws/balie/")
        communicator.scope["user"] = None
        communicator.scope["client"] = ("127.0.0.1", 50000)  # the display in the hall
        verbonden, _ = await communicator.connect()
        assert verbonden

        @database_sync_to_async
        def oproepen():
            wachtnummer_services.wachtnummer_trekken(product=paspoort)
            wachtnummer_services.volgende_oproepen(balie=balie1, user=medewerker)

        await oproepen()
        events = [await communicator.receive_json_from(timeout=2) for _ in range(2)]
        await communicator.disconnect()
        return events

    events = async_to_sync(scenario)()
    assert {"type": "oproep", "nummer": "P001", "balie": "Balie 7"} in events


def test_impossible_dates_and_times_get_a_friendly_answer(client, burger, klant, paspoort):
    client.force_login(burger)
    pagina = client.get("/pip/afspraken/nieuw/paspoort/?dag=2026-13-45")
    assert pagina.status_code == 200 and "Kies een tijd op" in pagina.content.decode()
    for begin in ("2026-13-01T09:00:00+01:00", "morgen", "2026-12-01T09:00:00"):
        fout = client.post("/pip/afspraken/nieuw/paspoort/", {"begin": begin})
        assert fout.status_code == 400 and "Kies een tijd." in fout.content.decode()
    assert not Afspraak.objects.exists()


def test_the_desks_live_list_is_not_an_audited_lookup(client, klant, paspoort, balie1, medewerker):
    from kcc.models import AuditLogEntry

    nu = timezone.now()
    afspraak = Afspraak.objects.create(
        code="K7M2PY",
        klant=klant,
        product=paspoort,
        begin=nu,
        eind=nu + timedelta(minutes=15),
        geboekt_via=KanaalSoort.INTERNET,
    )
    wachtnummer_services.aanmelden_met_code(code=afspraak.code)
    wachtnummer_services.wachtnummer_trekken(product=paspoort)
    client.force_login(medewerker)
    client.post("/kcc/balie/", {"actie": "balie", "balie": str(balie1.uuid)})
    client.post("/kcc/balie/", {"actie": "volgende"})
    voor = AuditLogEntry.objects.count()
    deel = client.get("/kcc/balie/?deel=1")
    assert deel.status_code == 200 and "P002" in deel.content.decode()
    assert "Moulin" not in deel.content.decode() and AuditLogEntry.objects.count() == voor
    # An unknown BSN: nothing is finished and no customer is made.
    from klanten.models import Klant

    klanten = Klant.objects.count()
    fout = client.post("/kcc/balie/", {"actie": "afhandelen", "bsn": "111222333", "onderwerp": "x"})
    assert fout.status_code == 400 and Klant.objects.count() == klanten
    assert wachtnummer_services.huidig_nummer(medewerker) is not None
