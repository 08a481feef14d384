"""The COPC KPIs: rollups kept current incrementally and equal to the raw
data, and each KPI's formula on known numbers."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from dashboard import rollups, selectors
from dashboard.models import ContactenPerHalfuur, Kpidoel
from kanalen.models import Beoordeling, Kanaal, Wachtrijgebeurtenis
from kcc.models import Afdeling
from kcc.roles import Rol
from klanten.models import Klantcontact
from producten.models import Thema
from tests.factories import KlantFactory, UserFactory, maak_product

pytestmark = pytest.mark.django_db


def _moment(dagen_terug: int, uur: int, minuut: int = 0) -> datetime:
    dag = timezone.localdate() - timedelta(days=dagen_terug)
    return datetime.combine(dag, time(uur, minuut), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def wereld(db):
    Kanaal.objects.create(
        soort="telefoon",
        naam="Telefoon",
        norm_percentage=80,
        norm_aantal=20,
        norm_eenheid="seconden",
        kosten_per_contact=5,
    )
    Kanaal.objects.create(
        soort="chat",
        naam="Chat",
        norm_percentage=80,
        norm_aantal=60,
        norm_eenheid="seconden",
        kosten_per_contact=3,
    )
    kcc = Afdeling.objects.create(code="kcc", naam="KCC")
    agenten = [UserFactory(rollen=[Rol.KLANTMANAGER]) for _ in range(3)]
    agenten[0].afdelingen.add(kcc)
    paspoort = maak_product()
    afval = maak_product("afval", "Afvalcontainer", afdeling_code="openbare-ruimte")
    afval.themas.set([Thema.objects.create(slug="afval", naam="Afval")])
    klanten = [KlantFactory(bsn=b) for b in ("999993653", "999990019", "999991772")]
    return {
        "kcc": kcc,
        "agenten": agenten,
        "producten": [paspoort, afval, None],
        "klanten": klanten,
    }


def _willekeurige_data(wereld, rnd: random.Random, aantal: int, dagen: int = 20):
    for _ in range(aantal):
        gestart = _moment(rnd.randrange(dagen), rnd.randrange(8, 18), rnd.randrange(60))
        kanaal = rnd.choice(["telefoon", "chat", "balie", "email", "internet"])
        agent = None if kanaal == "internet" else rnd.choice(wereld["agenten"])
        contact = Klantcontact.objects.create(
            klant=rnd.choice([*wereld["klanten"], None]),
            kanaal=kanaal,
            product=rnd.choice(wereld["producten"]),
            onderwerp=rnd.choice(["Afval", "Paspoort", "Adres"]),
            in_een_keer_goed=rnd.choice([True, True, True, False, None]),
            gestart_op=gestart,
            beeindigd_op=gestart + timedelta(seconds=rnd.randrange(30, 600)) if agent else None,
            nawerk_seconden=rnd.randrange(0, 120) if agent else 0,
            medewerker=agent,
        )
        if kanaal in ("telefoon", "chat"):
            wacht = rnd.randrange(0, 90)
            sessie = str(contact.uuid)
            Wachtrijgebeurtenis.objects.create(
                kanaal=kanaal,
                soort="aangeboden",
                sessie=sessie,
                tijdstip=gestart - timedelta(seconds=wacht),
            )
            Wachtrijgebeurtenis.objects.create(
                kanaal=kanaal,
                soort=rnd.choice(["beantwoord", "beantwoord", "beantwoord", "verlaten"]),
                sessie=sessie,
                tijdstip=gestart,
                wachttijd_seconden=wacht,
                medewerker=agent,
            )


def _filters(wereld):
    van, tot = timezone.localdate() - timedelta(days=30), timezone.localdate()
    afval = Thema.objects.get(slug="afval")
    return [
        selectors.Filter(van=van, tot=tot),
        selectors.Filter(van=van, tot=tot, kanaal="telefoon"),
        selectors.Filter(van=van, tot=tot, medewerker=wereld["agenten"][1]),
        selectors.Filter(van=van, tot=tot, team=wereld["kcc"]),
        selectors.Filter(van=van, tot=tot, thema=afval),
        selectors.Filter(van=van, tot=tot, afdeling=wereld["producten"][0].afdeling),
        selectors.Filter(van=tot - timedelta(days=6), tot=tot, kanaal="chat"),
    ]


def test_the_rollups_equal_the_raw_data_and_follow_new_rows(wereld, monkeypatch):
    # Without the look-back over recent ids, to see exactly which days a run takes.
    monkeypatch.setattr(rollups, "MARGE", 0)
    rnd = random.Random(8)
    _willekeurige_data(wereld, rnd, 300)
    rollups.bijwerken()
    for f in _filters(wereld):
        assert selectors.contactcijfers(f) == {
            **selectors.contactcijfers(f, ruw=True),
            "bron": selectors.contactcijfers(f)["bron"],
        }, f
        assert selectors.wachtrijcijfers(f) == selectors.wachtrijcijfers(f, ruw=True), f

    # A contact drill-down counts its pages from the rollups: the same number.
    from dataclasses import replace

    from dashboard import details

    gisteren = timezone.localdate() - timedelta(days=1)
    for f in _filters(wereld):
        f = replace(f, tot=gisteren)  # today's pages count the rows themselves
        for (kpi, afwijkend), _telling in details._TELLINGEN.items():
            records = details.DETAILS[kpi].records(f, afwijkend)
            geteld = details.te_pagineren(kpi, f, afwijkend, records)
            assert isinstance(geteld, details.GeteldeRecords)
            assert geteld.count() == records.count()

    # New contacts on old days (a late registration) and today: the next run
    # rebuilds just those days, and the rollups equal the raw data again.
    _willekeurige_data(wereld, rnd, 40, dagen=15)
    opnieuw = rollups.bijwerken(dagen_terug=0)
    # Those days and the week after each (their repeat contacts may change).
    assert len(opnieuw) <= 16
    for f in _filters(wereld):
        assert (
            selectors.contactcijfers(f)["per_kanaal"]
            == (selectors.contactcijfers(f, ruw=True)["per_kanaal"])
        )
        assert selectors.wachtrijcijfers(f) == selectors.wachtrijcijfers(f, ruw=True)
    # Nothing new: only today is rebuilt.
    assert rollups.bijwerken(dagen_terug=0) == [timezone.localdate()]


def test_a_contact_committed_below_the_watermark_is_seen_without_rebuilding_every_run(wereld):
    # Two contacts; the first one's id stands for a transaction that took its
    # id before the run and commits after it.
    laat = Klantcontact.objects.create(kanaal="telefoon", gestart_op=_moment(12, 10))
    Klantcontact.objects.create(kanaal="telefoon", gestart_op=_moment(2, 10))
    laat_id = laat.pk
    laat.delete()
    vandaag = timezone.localdate()
    assert vandaag - timedelta(days=2) in rollups.bijwerken(dagen_terug=0)
    # Nothing new: the look-back over recent ids finds the same rows and
    # rebuilds nothing but today.
    assert rollups.bijwerken(dagen_terug=0) == [vandaag]
    Klantcontact.objects.create(id=laat_id, kanaal="telefoon", gestart_op=_moment(12, 10))
    assert vandaag - timedelta(days=12) in rollups.bijwerken(dagen_terug=0)
    f = selectors.Filter(van=vandaag - timedelta(days=20), tot=vandaag)
    assert (
        selectors.contactcijfers(f)["per_kanaal"]
        == (selectors.contactcijfers(f, ruw=True)["per_kanaal"])
    )
    assert rollups.bijwerken(dagen_terug=0) == [vandaag]


def test_a_day_reads_from_a_few_rollup_rows(wereld, django_assert_max_num_queries):
    _willekeurige_data(wereld, random.Random(3), 200)
    rollups.bijwerken()
    assert ContactenPerHalfuur.objects.count() < 200
    f = selectors.Filter(van=timezone.localdate() - timedelta(days=30), tot=timezone.localdate())
    with django_assert_max_num_queries(3):
        selectors.contactcijfers(f)
        selectors.wachtrijcijfers(f)


def test_the_kpis_on_known_numbers(wereld):
    agent = wereld["agenten"][0]
    klant = wereld["klanten"][0]
    paspoort = wereld["producten"][0]
    # Four phone contacts yesterday: three at once, one not; two about the
    # passport within a week (one repeat), 300 s talk + 60 s after-work each.
    for i, goed in enumerate([True, True, True, False]):
        begin = _moment(1, 10, i * 10)
        Klantcontact.objects.create(
            klant=klant if i < 2 else None,
            kanaal="telefoon",
            product=paspoort if i < 2 else None,
            onderwerp="Paspoort",
            in_een_keer_goed=goed,
            gestart_op=begin,
            beeindigd_op=begin + timedelta(seconds=300),
            nawerk_seconden=60,
            medewerker=agent,
        )
    # Queue: answered after 10, 15 and 40 s; one abandoned after 30 s.
    for wacht, soort in [
        (10, "beantwoord"),
        (15, "beantwoord"),
        (40, "beantwoord"),
        (30, "verlaten"),
    ]:
        Wachtrijgebeurtenis.objects.create(
            kanaal="telefoon",
            soort=soort,
            sessie=str(wacht),
            tijdstip=_moment(1, 10),
            wachttijd_seconden=wacht,
        )
    contact = Klantcontact.objects.filter(klant=klant).first()
    for score in (5, 4, 2):
        Beoordeling.objects.create(
            klant=klant,
            klantcontact=Klantcontact.objects.create(
                klant=klant, kanaal="telefoon", gestart_op=_moment(3, 9)
            ),
            kanaal="telefoon",
            score=score,
            gegeven_op=_moment(1, 12),
        )
    del contact
    Kpidoel.objects.create(code="fcr", doel=70)
    rollups.bijwerken(dagen_terug=5)
    gisteren = timezone.localdate() - timedelta(days=1)
    # 10:00, 10:10 and 10:20 in the half hour 10:00-10:30 (slot 20), 10:30 in the next.
    slots = dict(
        ContactenPerHalfuur.objects.filter(datum=gisteren, kanaal="telefoon").values_list(
            "halfuur", "contacten"
        )
    )
    assert slots == {20: 3, 21: 1}
    kpis = {k.code: k for k in selectors.kpis(selectors.Filter(van=gisteren, tot=gisteren))}
    assert kpis["fcr"].waarde == 75 and kpis["fcr"].doel == 70 and kpis["fcr"].op_doel
    assert kpis["herhaal"].waarde == 25  # 1 of 4 contacts
    assert kpis["aht"].waarde == 360 and kpis["aht"].op_doel
    # Service level, T = 20 s (the phone norm): (2 answered + 0 abandoned within) / 4.
    assert kpis["servicelevel"].waarde == 50 and kpis["servicelevel"].op_doel is False
    assert "T: Telefoon 20 s" in kpis["servicelevel"].formule
    assert kpis["asa"].waarde == pytest.approx(65 / 3)
    assert kpis["verlaten"].waarde == 25
    assert kpis["csat"].waarde == pytest.approx(200 / 3)
    # The day before had none of these: no trend to show.
    assert kpis["fcr"].vorige is None and kpis["fcr"].trend is None
    van_beantwoord = {
        k.code: k
        for k in selectors.kpis(
            selectors.Filter(van=gisteren, tot=gisteren),
            formule=selectors.ServicelevelFormule.VAN_BEANTWOORD,
        )
    }
    assert van_beantwoord["servicelevel"].waarde == pytest.approx(200 / 3)
    # A selection without a queued channel names no empty threshold.
    email = {
        k.code: k
        for k in selectors.kpis(selectors.Filter(van=gisteren, tot=gisteren, kanaal="email"))
    }
    assert "(T: )" not in email["servicelevel"].formule
    assert "geen kanaal met wachtrij" in email["servicelevel"].formule


def test_a_teamleider_reads_last_months_kpis_and_a_wrong_period_is_explained(
    client, teamleider, klant
):
    client.force_login(teamleider)
    # Looking up a customer is audited; the dashboard lists it by role.
    client.get(f"/kcc/klanten/{klant.uuid}/")
    pagina = client.get("/dashboard/")
    tekst = pagina.content.decode()
    assert pagina.status_code == 200
    assert "In één keer goed (FCR)" in tekst and "Servicelevel" in tekst
    assert "in één keer goed / contacten met een vraag" in tekst
    assert "Teamleider" in tekst.split("Inzage in klantgegevens")[-1]
    fout = client.get("/dashboard/", {"periode": "eigen", "van": "2026-03-10", "tot": "2026-03-01"})
    assert (
        fout.status_code == 400 and "De einddatum ligt voor de begindatum." in fout.content.decode()
    )
    dag = client.get("/dashboard/", {"periode": "dag", "datum": "2026-03-02", "kanaal": "telefoon"})
    assert dag.status_code == 200 and "2 maart 2026" in dag.content.decode()


def test_a_figure_drills_down_to_its_records_and_exports(client, teamleider, wereld):
    agent = wereld["agenten"][0]
    for goed in (True, False, False):
        Klantcontact.objects.create(
            kanaal="telefoon",
            onderwerp="Vraag",
            in_een_keer_goed=goed,
            gestart_op=_moment(1, 11),
            beeindigd_op=_moment(1, 11, 5),
            medewerker=agent,
        )
    rollups.bijwerken(dagen_terug=2)
    gisteren = f"{timezone.localdate() - timedelta(days=1):%Y-%m-%d}"
    client.force_login(teamleider)
    query = {"periode": "dag", "datum": gisteren}
    pagina = client.get("/dashboard/kpi/fcr/", query).content.decode()
    assert "3 records" in pagina and str(agent) in pagina
    # The KPI's twelve weeks as a chart, with the same figures as a table.
    trend = pagina.split('id="trend-kop"')[1].split("De records erachter")[0]
    assert "In één keer goed (FCR) per week" in trend
    assert '<svg class="trend"' in trend and 'aria-labelledby="trend-uitleg"' in trend
    assert trend.count('<th scope="col" class="getal">') == 12
    assert "33,3%" in trend and "onder doel" in trend and "trend__punt--af" in trend
    alleen = client.get("/dashboard/kpi/fcr/", {**query, "afwijkend": "1"}).content.decode()
    assert "2 records" in alleen
    csv = client.get("/dashboard/kpi/fcr/", {**query, "afwijkend": "1", "formaat": "csv"})
    regels = b"".join(csv.streaming_content).decode("utf-8-sig").strip().splitlines()
    assert regels[0].startswith("Begin;Kanaal;Medewerker") and len(regels) == 3
    xlsx = client.get("/dashboard/kpi/fcr/", {**query, "formaat": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert xlsx.content[:2] == b"PK"
    kpis = client.get("/dashboard/", {**query, "formaat": "csv"})
    tekst = b"".join(kpis.streaming_content).decode("utf-8-sig")
    assert "In één keer goed (FCR);33,3;80" in tekst
    assert client.get("/dashboard/kpi/bestaat-niet/").status_code == 404
    from kcc.models import AuditLogEntry

    # Every export is found under the audit filter "Exporteren".
    exports = AuditLogEntry.objects.filter(actie=AuditLogEntry.Actie.EXPORTEREN)
    assert exports.filter(omschrijving__startswith="Dashboard-export fcr").count() == 2
    assert exports.filter(omschrijving__startswith="Dashboard-export KPI's").count() == 1
    assert not AuditLogEntry.objects.filter(
        actie=AuditLogEntry.Actie.ZOEKEN, omschrijving__startswith="Dashboard-export"
    ).exists()


def test_the_wallboard_shows_the_queues_now(client, teamleider, klantmanager, monkeypatch):
    from kanalen.chat import services as chat_services
    from kanalen.inbox import routering

    Kanaal.objects.create(soort="chat", naam="Chat", norm_percentage=80, kosten_per_contact=3)
    chat_services.chat_starten(klant=None, naam="Sanne", sessie_sleutel="s", vraag="Hallo")
    routering.status_wijzigen(user=klantmanager, status="beschikbaar")
    client.force_login(teamleider)
    pagina = client.get("/dashboard/wallboard/")
    tekst = pagina.content.decode()
    assert pagina.status_code == 200 and "1 beschikbaar" in tekst
    chat_regel = next(r for r in tekst.split("<tr>") if "Chat" in r)
    assert '<td class="getal">1</td>' in chat_regel
    # An agent sees the same counts, as the line above the workspace, and
    # on the full wallboard without the dashboard's other pages in its menu.
    client.force_login(klantmanager)
    strook = client.get("/dashboard/wallboard/?deel=strook").content.decode()
    assert "Chat</strong> 1 wachtend" in strook and "1 beschikbaar" in strook
    volledig = client.get("/dashboard/wallboard/").content.decode()
    assert "Prognose en bezetting" not in volledig and "1 beschikbaar" in volledig
    werkplek = client.get("/kcc/").content.decode()
    assert 'data-wallboard="/dashboard/wallboard/?deel=strook"' in werkplek
    # Made once and shared: another page while they are kept reads no queue
    # (kept longer here, so a slow machine cannot let them expire in between).
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr("dashboard.views.WALLBOARD_GELDIG", 60)
    cache.delete("dashboard:wallboard")
    client.get("/dashboard/wallboard/?deel=strook")
    with CaptureQueriesContext(connection) as vragen:
        client.get("/dashboard/wallboard/?deel=strook")
    assert not any("kanalen_chat" in v["sql"] for v in vragen.captured_queries)
    client.force_login(UserFactory(rollen=[Rol.BEHEERDER], username="bb-wallboard"))
    assert client.get("/dashboard/wallboard/").status_code == 403


@pytest.mark.django_db(transaction=True)
def test_the_wallboard_hears_a_queue_event():
    from asgiref.sync import async_to_sync
    from channels.db import database_sync_to_async
    from channels.testing import WebsocketCommunicator

    from dashboard.consumers import WallboardConsumer

    teamleider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-wallboard")
    beheerder = UserFactory(rollen=[Rol.BEHEERDER], username="bb-wallboard")

    async def scenario():
        geweigerd = WebsocketCommunicator(WallboardConsumer.as_asgi(), "/ws/dashboard/wallboard/")
        geweigerd.scope["user"] = beheerder
        verbonden, code = await geweigerd.connect()
        assert not verbonden and code == 4403
        communicator = WebsocketCommunicator(
            WallboardConsumer.as_asgi(), "/ws/dashboard/wallboard/"
        )
        communicator.scope["user"] = teamleider
        verbonden, _ = await communicator.connect()
        assert verbonden
        await database_sync_to_async(Wachtrijgebeurtenis.objects.create)(
            kanaal="telefoon", soort="aangeboden", sessie="x", tijdstip=timezone.now()
        )
        event = await communicator.receive_json_from(timeout=2)
        await communicator.disconnect()
        return event

    assert async_to_sync(scenario)() == {"type": "wallboard"}


def test_a_second_run_at_the_same_time_waits_its_turn(wereld):
    from django.core.cache import cache

    cache.add(rollups.SLOT, "bezig")
    assert rollups.bijwerken() == []
    cache.delete(rollups.SLOT)
    assert rollups.bijwerken(dagen_terug=0) == [timezone.localdate()]


def test_csat_per_agent_and_product_group_reads_the_rating_itself(wereld):
    from kanalen.portaal import beoordelingen as beoordeling_services
    from kcc.services import klant_gebruiker

    agent, ander = wereld["agenten"][0], wereld["agenten"][1]
    klant = wereld["klanten"][0]
    afval = wereld["producten"][1]
    burger = klant_gebruiker(bsn=klant.bsn)
    for medewerker, product, score in ((agent, afval, 5), (ander, None, 2)):
        contact = Klantcontact.objects.create(
            klant=klant,
            kanaal="telefoon",
            product=product,
            in_een_keer_goed=True,
            gestart_op=_moment(0, 9),
            beeindigd_op=_moment(0, 9, 5),
            medewerker=medewerker,
        )
        beoordeling = beoordeling_services.beoordeling_geven(
            klant=klant, user=burger, score=score, klantcontact=contact
        )
        assert (beoordeling.medewerker, beoordeling.product) == (medewerker, product)
    vandaag = timezone.localdate()
    f = selectors.Filter(van=vandaag, tot=vandaag)
    assert selectors.csat(f) == {"aantal": 2, "tevreden": 1}
    assert selectors.csat(selectors.Filter(van=vandaag, tot=vandaag, medewerker=ander)) == {
        "aantal": 1,
        "tevreden": 0,
    }
    thema = Thema.objects.get(slug="afval")
    assert selectors.csat(selectors.Filter(van=vandaag, tot=vandaag, thema=thema)) == {
        "aantal": 1,
        "tevreden": 1,
    }


def test_an_export_never_carries_a_spreadsheet_formula():
    from dashboard import export

    antwoord = export.csv_antwoord("x", ["Naam"], [['=HYPERLINK("http://x")'], ["-3"], [5]])
    tekst = b"".join(antwoord.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in tekst and "'-3" in tekst and "\r\n5\r\n" in tekst


@pytest.mark.parametrize(
    ("van", "tot", "vorige_van", "vorige_tot"),
    [
        ("2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28"),  # a month: the month before
        ("2026-11-01", "2026-11-30", "2026-10-01", "2026-10-31"),
        ("2026-01-01", "2026-01-31", "2025-12-01", "2025-12-31"),  # over the turn of the year
        ("2028-03-01", "2028-03-31", "2028-02-01", "2028-02-29"),  # a leap year
        ("2026-01-01", "2026-03-31", "2025-10-01", "2025-12-31"),  # a quarter: the quarter before
        ("2026-03-09", "2026-03-15", "2026-03-02", "2026-03-08"),  # a week: the week before
        ("2026-03-10", "2026-03-10", "2026-03-09", "2026-03-09"),  # a day: the day before
        ("2026-03-10", "2026-03-19", "2026-02-28", "2026-03-09"),  # ten days: the ten before
    ],
)
def test_it_compares_a_period_with_the_one_before_it_as_a_reader_expects(
    van, tot, vorige_van, vorige_tot
):
    from datetime import date

    f = selectors.Filter(van=date.fromisoformat(van), tot=date.fromisoformat(tot))
    vorige = f.vorige()
    assert (vorige.van, vorige.tot) == (
        date.fromisoformat(vorige_van),
        date.fromisoformat(vorige_tot),
    )


def test_which_channel_missed_its_service_level_last_week_and_why(client, teamleider, wereld):
    from dashboard.models import WachtrijPerHalfuur

    vandaag = timezone.localdate()
    maandag = vandaag - timedelta(days=vandaag.weekday() + 7)  # last week
    # Eight weeks before: 40 calls every weekday at 09:00 (the forecast).
    WachtrijPerHalfuur.objects.bulk_create(
        WachtrijPerHalfuur(
            datum=maandag - timedelta(weeks=w) + timedelta(days=d),
            halfuur=18,
            kanaal="telefoon",
            aangeboden=40,
            beantwoord=40,
            beantwoord_20=36,
        )
        for w in range(1, 9)
        for d in range(5)
    )
    # Last week: 60 a day, and on Tuesday 09:00 hardly anyone within 20 s.
    WachtrijPerHalfuur.objects.bulk_create(
        WachtrijPerHalfuur(
            datum=maandag + timedelta(days=d),
            halfuur=18,
            kanaal="telefoon",
            aangeboden=60,
            beantwoord=55,
            verlaten=5,
            wacht_seconden=55 * 40,
            beantwoord_20=10 if d == 1 else 40,
            verlaten_20=1,
        )
        for d in range(5)
    )
    client.force_login(teamleider)
    pagina = client.get("/dashboard/", {"periode": "week"}).content.decode()
    eerste_scherm = pagina.split("Servicelevel per kanaal, tegen de eigen norm")[1].split(
        "</table>"
    )[0]
    telefoon = eerste_scherm.split("Telefoon")[1].split("</tr>")[0]
    assert "onder doel" in telefoon and "80% binnen 20 s" in telefoon
    assert "50% boven de prognose" in telefoon  # 300 calls against 200 forecast
    assert "09:00" in telefoon and "di" in telefoon  # the worst half hour: Tuesday 09:00
    # The first lines answer it, before the tiles: which channel, and why.
    aandacht = pagina.split('id="aandacht-kop"')[1].split("</section>")[0]
    assert pagina.index('id="aandacht-kop"') < pagina.index('class="kpi-tegels"')
    telefoon = aandacht.split("<strong>Telefoon</strong>")[1].split("</li>")[0]
    assert "onder doel" in telefoon and "norm 80% binnen 20 s" in telefoon
    assert "het aanbod lag 50% boven de prognose, dus er was te weinig ingeroosterd" in telefoon
    assert "het slechtst ging dinsdag" in telefoon and "om 09:00" in telefoon
    # Then the tiles, each with its line of the last weeks, then the table.
    assert pagina.index('class="kpi-tegels"') < pagina.index("Servicelevel per kanaal, tegen")
    assert pagina.count('class="sparklijn"') >= 3


def test_cost_per_contact_per_channel_and_per_product_group_with_totals(client, teamleider, wereld):
    from dashboard.models import ContactenPerProduct

    gisteren = timezone.localdate() - timedelta(days=1)
    paspoort, afval, _geen = wereld["producten"]
    ContactenPerProduct.objects.bulk_create(
        [
            ContactenPerProduct(datum=gisteren, kanaal="telefoon", product=paspoort, contacten=10),
            ContactenPerProduct(datum=gisteren, kanaal="chat", product=afval, contacten=4),
            ContactenPerProduct(datum=gisteren, kanaal="telefoon", product=None, contacten=2),
        ]
    )
    from dashboard import selectors

    f = selectors.Filter(van=gisteren, tot=gisteren)
    groepen = {g["productgroep"]: g for g in selectors.kosten_per_productgroep(f)}
    assert groepen["Documenten"]["kosten"] == 50  # 10 calls at 5
    assert groepen["Afval"]["kosten"] == 12  # 4 chats at 3
    assert groepen["Geen product"]["contacten"] == 2
    totaal = selectors.kostentotaal(list(groepen.values()))
    assert totaal["contacten"] == 16 and totaal["kosten"] == 72
    assert totaal["kosten_per_contact"] == pytest.approx(4.5)
    client.force_login(teamleider)
    pagina = client.get("/dashboard/", {"periode": "dag"}).content.decode()
    assert "Kosten per productgroep" in pagina and "Totaal" in pagina


def test_a_drill_down_row_opens_the_customer_or_the_case(client, teamleider, wereld):
    klant = wereld["klanten"][0]
    Klantcontact.objects.create(
        klant=klant,
        kanaal="telefoon",
        onderwerp="Vraag",
        in_een_keer_goed=False,
        gestart_op=_moment(1, 11),
        beeindigd_op=_moment(1, 11, 5),
        medewerker=wereld["agenten"][0],
    )
    Klantcontact.objects.create(
        kanaal="telefoon", onderwerp="Anoniem", in_een_keer_goed=True, gestart_op=_moment(1, 12)
    )
    rollups.bijwerken(dagen_terug=2)
    gisteren = f"{timezone.localdate() - timedelta(days=1):%Y-%m-%d}"
    client.force_login(teamleider)
    pagina = client.get("/dashboard/kpi/fcr/", {"periode": "dag", "datum": gisteren})
    tekst = pagina.content.decode()
    assert tekst.count(f'href="/kcc/klanten/{klant.uuid}/"') == 1  # the anonymous one has none
    # Opening it is audited like any other look at the customer.
    client.get(f"/kcc/klanten/{klant.uuid}/")
    from kcc.models import AuditLogEntry

    assert AuditLogEntry.objects.filter(
        gebruiker=teamleider, betrokkene=klant.bsn, actie="inzien"
    ).exists()


def test_the_wallboard_marks_a_wait_over_the_norm_in_words_and_colour(client, teamleider, klok):
    from kanalen.chat import services as chat_services

    Kanaal.objects.create(
        soort="chat",
        naam="Chat",
        norm_percentage=80,
        norm_aantal=60,
        norm_eenheid="seconden",
        kosten_per_contact=3,
    )
    chat_services.chat_starten(klant=None, naam="Sanne", sessie_sleutel="s", vraag="Hallo")
    client.force_login(teamleider)
    regel = next(
        r for r in client.get("/dashboard/wallboard/").content.decode().split("<tr>") if "Chat" in r
    )
    assert "boven de norm" not in regel
    klok.shift(timedelta(seconds=90))
    # The figures are shared for a second of real time; the test's clock jumped.
    from django.core.cache import cache

    cache.delete("dashboard:wallboard")
    regel = next(
        r for r in client.get("/dashboard/wallboard/").content.decode().split("<tr>") if "Chat" in r
    )
    assert "boven-norm" in regel and "boven de norm" in regel


def test_a_call_back_is_not_a_repeat_contact_but_calling_again_after_it_is():
    klant = KlantFactory()
    for uur, richting in ((9, "inkomend"), (10, "uitgaand"), (11, "inkomend")):
        Klantcontact.objects.create(
            klant=klant,
            kanaal="telefoon",
            richting=richting,
            onderwerp="Losse stoeptegel",
            gestart_op=_moment(1, uur),
        )
    herhaald = rollups.met_herhaling(Klantcontact.objects.order_by("gestart_op"))
    assert [c.herhaald for c in herhaald] == [False, False, True]


@pytest.mark.parametrize(
    ("waarden", "eenheid"),
    [([100.0, 100.0], "%"), ([0.0, 0.0], "%"), ([0.0, None], "s"), ([42.0, 42.0], "s")],
)
def test_a_trend_of_one_value_still_has_a_y_axis(waarden, eenheid):
    from dashboard.templatetags.dashboard_tags import _schaal, trendgrafiek

    van, tot, _stap = _schaal([w for w in waarden if w is not None], eenheid)
    assert van < tot
    kpi = selectors.Kpi("x", "X", waarden[0], eenheid, None, True, "", 1)
    maandagen = [timezone.localdate() - timedelta(weeks=i) for i in (1, 0)]
    trend = selectors.Trend(kpi, list(zip(maandagen, waarden, strict=True)))
    assert '<svg class="trend"' in trendgrafiek(trend, "uitleg")
