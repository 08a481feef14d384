"""Occupancy from the agents' status history, who contacts us (target group
and channel mix) and satisfaction per product, afdeling and agent."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from dashboard import rollups, selectors
from dashboard.models import BeschikbaarheidPerMedewerker, ContactenPerDoelgroep
from kanalen.inbox import routering
from kanalen.models import Beoordeling, Statusperiode
from kcc.roles import Rol
from klanten.models import Klant, Klantcontact
from tests.factories import KlantFactory, UserFactory, maak_product

pytestmark = pytest.mark.django_db


def _moment(dag: date, uur: int, minuut: int = 0) -> datetime:
    return datetime.combine(dag, time(uur, minuut), tzinfo=timezone.get_current_timezone())


def test_a_status_change_closes_one_period_and_opens_the_next():
    agent = UserFactory(rollen=[Rol.KLANTMANAGER])
    routering.status_wijzigen(user=agent, status="beschikbaar")
    routering.status_wijzigen(user=agent, status="beschikbaar")  # no change, no period
    routering.status_wijzigen(user=agent, status="pauze")
    perioden = list(Statusperiode.objects.filter(medewerker=agent).order_by("begin", "id"))
    assert [(p.status, p.einde is None) for p in perioden] == [
        ("beschikbaar", False),
        ("pauze", True),
    ]
    assert perioden[0].einde == perioden[1].begin


def test_occupancy_is_handling_time_over_logged_in_time():
    gisteren = timezone.localdate() - timedelta(days=1)
    eergisteren = gisteren - timedelta(days=1)
    agent, collega, zonder_status = (UserFactory(rollen=[Rol.KLANTMANAGER]) for _ in range(3))
    # Agent: available 09:00-12:00 and 13:00-15:00 (5 h), pause 12:00-13:00.
    for status, van, tot in [
        ("beschikbaar", _moment(gisteren, 9), _moment(gisteren, 12)),
        ("pauze", _moment(gisteren, 12), _moment(gisteren, 13)),
        ("bezet", _moment(gisteren, 13), _moment(gisteren, 14)),
        ("beschikbaar", _moment(gisteren, 14), _moment(gisteren, 15)),
        ("offline", _moment(gisteren, 15), None),
    ]:
        Statusperiode.objects.create(medewerker=agent, status=status, begin=van, einde=tot)
    # Colleague: available from the day before yesterday 22:00 until yesterday 02:00.
    Statusperiode.objects.create(
        medewerker=collega,
        status="beschikbaar",
        begin=_moment(eergisteren, 22),
        einde=_moment(gisteren, 2),
    )
    # Handled: agent 2 h 30 (talk) + 30 min (after-work); the colleague 1 h;
    # someone who never set a status 1 h (left out).
    for medewerker, begin, seconden, nawerk in [
        (agent, _moment(gisteren, 10), 9000, 1800),
        (collega, _moment(gisteren, 1), 3600, 0),
        (zonder_status, _moment(gisteren, 10), 3600, 0),
    ]:
        Klantcontact.objects.create(
            kanaal="telefoon",
            onderwerp="Vraag",
            gestart_op=begin,
            beeindigd_op=begin + timedelta(seconds=seconden),
            nawerk_seconden=nawerk,
            medewerker=medewerker,
        )
    rollups.bijwerken(dagen_terug=2)
    rij = BeschikbaarheidPerMedewerker.objects.get(datum=gisteren, medewerker=agent)
    assert (rij.beschikbaar_seconden, rij.bezet_seconden, rij.pauze_seconden) == (
        4 * 3600,
        3600,
        3600,
    )
    assert BeschikbaarheidPerMedewerker.objects.get(
        datum=gisteren, medewerker=collega
    ).beschikbaar_seconden == (2 * 3600)
    assert BeschikbaarheidPerMedewerker.objects.get(
        datum=eergisteren, medewerker=collega
    ).beschikbaar_seconden == (2 * 3600)

    f = selectors.Filter(van=gisteren, tot=gisteren)
    # (3 h + 1 h) handled over (5 h + 2 h) logged in.
    bezetting = {k.code: k for k in selectors.kpis(f)}["bezetting"]
    assert bezetting.waarde == pytest.approx(100 * 4 / 7)
    assert bezetting.aantal == 2
    assert bezetting.op_doel is False  # 57% is under the 75% target
    alleen = {k.code: k for k in selectors.kpis(replace(f, medewerker=agent))}
    assert alleen["bezetting"].waarde == pytest.approx(60.0)

    # Above the band is off target as well.
    kpi = selectors.Kpi("bezetting", "", 95.0, "%", 75, True, "", 1, bovengrens=90)
    assert kpi.op_doel is False and kpi.te_hoog


def test_an_open_period_counts_until_now_and_a_forgotten_logout_only_12_hours():
    nu = timezone.now()
    vandaag = timezone.localdate(nu)
    agent, vergeten = (UserFactory(rollen=[Rol.KLANTMANAGER]) for _ in range(2))
    begin = max(_moment(vandaag, 0), nu - timedelta(hours=2))
    Statusperiode.objects.create(medewerker=agent, status="beschikbaar", begin=begin)
    # Never logged out: available since the day before yesterday, 20:00.
    eergisteren = vandaag - timedelta(days=2)
    Statusperiode.objects.create(
        medewerker=vergeten, status="beschikbaar", begin=_moment(eergisteren, 20)
    )
    rollups.bijwerken(dagen_terug=2)
    vandaag_rij = BeschikbaarheidPerMedewerker.objects.get(datum=vandaag, medewerker=agent)
    tot_nu = (timezone.now() - begin).total_seconds()
    assert 0 < vandaag_rij.beschikbaar_seconden <= tot_nu + 1

    def seconden(dag):
        rij = BeschikbaarheidPerMedewerker.objects.filter(datum=dag, medewerker=vergeten).first()
        return rij.beschikbaar_seconden if rij else 0

    assert [seconden(eergisteren + timedelta(days=i)) for i in range(3)] == [
        4 * 3600,
        8 * 3600,
        0,
    ]


def test_occupancy_counts_handling_only_on_days_with_a_status():
    gisteren = timezone.localdate() - timedelta(days=1)
    agent = UserFactory(rollen=[Rol.KLANTMANAGER])
    Statusperiode.objects.create(
        medewerker=agent,
        status="beschikbaar",
        begin=_moment(gisteren, 9),
        einde=_moment(gisteren, 13),
    )
    # An hour of work yesterday, and a day of work before the status was kept.
    for dag, seconden in [(gisteren, 3600), (gisteren - timedelta(days=3), 8 * 3600)]:
        Klantcontact.objects.create(
            kanaal="telefoon",
            onderwerp="Vraag",
            gestart_op=_moment(dag, 10),
            beeindigd_op=_moment(dag, 10) + timedelta(seconds=seconden),
            medewerker=agent,
        )
    rollups.bijwerken(dagen_terug=5)
    f = selectors.Filter(van=gisteren - timedelta(days=6), tot=gisteren)
    assert selectors.bezettingscijfers(f) == {
        "ingelogd_seconden": 4 * 3600,
        "afhandel_seconden": 3600,
        "medewerkers": 1,
    }


def test_occupancy_is_right_on_the_day_the_clocks_change():
    from zoneinfo import ZoneInfo

    agent = UserFactory(rollen=[Rol.KLANTMANAGER])
    zomertijd = date(2026, 3, 29)  # 23 hours in Amsterdam
    amsterdam = ZoneInfo("Europe/Amsterdam")
    Statusperiode.objects.create(
        medewerker=agent,
        status="beschikbaar",
        begin=datetime(2026, 3, 28, 23, 0, tzinfo=amsterdam),
        einde=datetime(2026, 3, 29, 10, 0, tzinfo=amsterdam),
    )
    with timezone.override(amsterdam):
        rollups.dag_opbouwen(zomertijd)
    rij = BeschikbaarheidPerMedewerker.objects.get(datum=zomertijd, medewerker=agent)
    assert rij.beschikbaar_seconden == 9 * 3600  # 00:00-10:00 with 02:00-03:00 skipped


def test_who_contacts_per_target_group_equals_the_raw_contacts():
    rnd = random.Random(5)
    vandaag = timezone.localdate()
    klanten = [
        KlantFactory(bsn="999993653", geboortedatum=rollups._jaren_voor(vandaag, 20)),
        # Turns 30 today: no longer under 30.
        KlantFactory(bsn="999990019", geboortedatum=rollups._jaren_voor(vandaag, 30)),
        KlantFactory(bsn="999991772", geboortedatum=date(1950, 3, 1)),
        KlantFactory(bsn="999992570", geboortedatum=None),
        Klant.objects.create(soort=Klant.Soort.BEDRIJF, kvk_nummer="69599084", organisatienaam="B"),
        Klant.objects.create(soort=Klant.Soort.INSTELLING, organisatienaam="Zorginstelling"),
        None,
    ]
    for _ in range(150):
        Klantcontact.objects.create(
            klant=rnd.choice(klanten),
            kanaal=rnd.choice(["telefoon", "balie", "internet", "email"]),
            onderwerp="Vraag",
            gestart_op=_moment(vandaag - timedelta(days=rnd.randrange(10)), rnd.randrange(8, 18)),
        )
    rollups.bijwerken(dagen_terug=10)

    def groep(contact) -> str:
        klant = contact.klant
        if klant is None:
            return "onbekend"
        if klant.soort != "persoon":
            return klant.soort
        if klant.geboortedatum is None:
            return "persoon"
        dag = timezone.localdate(contact.gestart_op)
        leeftijd = dag.year - klant.geboortedatum.year
        leeftijd -= (dag.month, dag.day) < (klant.geboortedatum.month, klant.geboortedatum.day)
        return (
            "persoon_tot_30"
            if leeftijd < 30
            else "persoon_30_49"
            if leeftijd < 50
            else "persoon_50_66"
            if leeftijd < 67
            else "persoon_67"
        )

    verwacht: dict = {}
    for contact in Klantcontact.objects.select_related("klant"):
        sleutel = (groep(contact), contact.kanaal)
        verwacht[sleutel] = verwacht.get(sleutel, 0) + 1
    opgeteld: dict = {}
    for rij in ContactenPerDoelgroep.objects.all():
        sleutel = (rij.doelgroep, rij.kanaal)
        opgeteld[sleutel] = opgeteld.get(sleutel, 0) + rij.contacten
    assert opgeteld == verwacht
    assert ("persoon_30_49", "telefoon") in verwacht or ("persoon_30_49", "balie") in verwacht

    wie = selectors.wie_neemt_contact_op(
        selectors.Filter(van=vandaag - timedelta(days=10), tot=vandaag)
    )
    assert sum(r["totaal"] for r in wie["regels"]) == 150
    for regel in wie["regels"]:
        assert sum(regel["mix"]) == pytest.approx(100)
    assert sum(r["aandeel"] for r in wie["regels"]) == pytest.approx(100)


def test_satisfaction_per_product_afdeling_and_agent():
    paspoort = maak_product()
    afval = maak_product("afval", "Afvalcontainer", afdeling_code="openbare-ruimte")
    agent = UserFactory(rollen=[Rol.KLANTMANAGER], first_name="Anna", last_name="Bos")
    klant = KlantFactory()
    gisteren = timezone.localdate() - timedelta(days=1)
    for product, score in [(paspoort, 5), (paspoort, 4), (paspoort, 1), (afval, 2), (None, 5)]:
        contact = Klantcontact.objects.create(
            klant=klant, kanaal="telefoon", onderwerp="Vraag", gestart_op=_moment(gisteren, 10)
        )
        Beoordeling.objects.create(
            klant=klant,
            klantcontact=contact,
            kanaal="telefoon",
            score=score,
            gegeven_op=_moment(gisteren, 11),
            product=product,
            medewerker=agent if product is paspoort else None,
        )
    f = selectors.Filter(van=gisteren, tot=gisteren)
    tevredenheid = selectors.tevredenheid(f)
    assert tevredenheid["totaal"] == {"aantal": 5, "tevreden": 3}
    assert [(r["naam"], r["aantal"]) for r in tevredenheid["kanaal"]] == [("Telefoon", 5)]
    per_product = tevredenheid["product"]
    assert [(r["naam"], r["aantal"]) for r in per_product] == [
        ("Paspoort aanvragen", 3),
        ("Afvalcontainer", 1),
    ]
    assert per_product[0]["csat"] == pytest.approx(200 / 3)
    assert [r["naam"] for r in tevredenheid["afdeling"]] == [
        paspoort.afdeling.naam,
        afval.afdeling.naam,
    ]
    [mdw] = tevredenheid["medewerker"]
    assert (mdw["naam"], mdw["aantal"]) == (str(agent), 3)


def test_the_dashboard_shows_occupancy_who_contacts_and_csat_tables(client):
    teamleider = UserFactory(rollen=[Rol.TEAMLEIDER])
    client.force_login(teamleider)
    gisteren = timezone.localdate() - timedelta(days=1)
    Klantcontact.objects.create(
        kanaal="telefoon", onderwerp="Vraag", gestart_op=_moment(gisteren, 9)
    )
    Statusperiode.objects.create(
        medewerker=teamleider,
        status="beschikbaar",
        begin=_moment(gisteren, 8),
        einde=_moment(gisteren, 20),
    )
    rollups.bijwerken(dagen_terug=2)
    query = {"periode": "eigen", "van": gisteren.isoformat(), "tot": gisteren.isoformat()}
    pagina = client.get("/dashboard/", query).content.decode()
    for tekst in [
        "Bezettingsgraad",
        "75,0% \N{EN DASH} 90,0%",
        "Wie neemt contact op",
        "Niet geïdentificeerd",
        "Tevredenheid per medewerker",
    ]:
        assert tekst in pagina, tekst
    # Which KPIs a filter cannot narrow is said under the table.
    assert "geldt voor alle kanalen" not in pagina
    per_kanaal = client.get("/dashboard/", {**query, "kanaal": "telefoon"}).content.decode()
    assert "De bezettingsgraad geldt voor alle kanalen en producten" in per_kanaal
    detail = client.get("/dashboard/kpi/bezetting/", {**query, "afwijkend": "1"})
    assert detail.status_code == 200
    assert str(teamleider) in detail.content.decode()  # 12 hours logged in


def test_figures_are_rounded_not_cut_off():
    from dashboard.templatetags.dashboard_tags import kpiwaarde, verschil

    assert kpiwaarde(200 / 3, "%") == "66,7%"
    assert kpiwaarde(99.96, "%") == "100,0%"
    assert kpiwaarde(7.5, "s") == "8 s"
    assert verschil(-2.25, "%") == "\N{MINUS SIGN}2,3 procentpunt"
