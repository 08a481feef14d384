"""The date rules, run on the days that break them.

Every test elsewhere runs on a working Tuesday; here the clock is set to each
moment below in turn and the rules that depend on the calendar go through
the real services: a case's deadlines, the deadline watch, a contactverzoek's
deadline, the e-mail norm, whether a channel is open, the counter's slots,
the day a closed case counts on, and the year of a case number. A rule that
only holds on ordinary days fails here.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from kcc import kalender
from kcc.models import Melding
from kcc.roles import Rol
from tests.factories import AfdelingFactory, KlantFactory, UserFactory, maak_product
from zaken import services as zaak_services
from zaken.models import Zaak

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _moment(jaar, maand, dag, uur=10, minuut=0) -> datetime:
    return datetime(jaar, maand, dag, uur, minuut, tzinfo=AMSTERDAM)


# The moments that break date rules, each with why.
MOMENTEN = {
    "zaterdag": _moment(2026, 3, 14),
    "zondag": _moment(2026, 3, 15),
    "goede vrijdag": _moment(2026, 4, 3),  # Easter 2026 is 5 April
    "tweede paasdag": _moment(2026, 4, 6),
    "witte donderdag": _moment(2026, 4, 2, 16),  # the day before two days off
    "koningsdag op zaterdag": _moment(2025, 4, 25, 16),  # 27 April 2025 is a Sunday
    "5 mei op dinsdag": _moment(2026, 5, 5),
    "zomertijd": _moment(2026, 3, 29, 1, 30),  # the night the clocks go forward
    "wintertijd": _moment(2026, 10, 25, 2, 30),  # the hour that happens twice
    "kerstavond": _moment(2026, 12, 24, 16),
    "oudejaarsavond": _moment(2026, 12, 31, 23, 30),
    "nieuwjaarsnacht": _moment(2027, 1, 1, 0, 30),
}
moment_params = pytest.mark.parametrize("moment", list(MOMENTEN.values()), ids=list(MOMENTEN))


def _werkdagen_na(start: date, eind: date) -> list[date]:
    """The working days after ``start`` up to and including ``eind``."""
    dagen, dag = [], start
    while dag < eind:
        dag += timedelta(days=1)
        if kalender.is_werkdag(dag):
            dagen.append(dag)
    return dagen


@pytest.fixture
def paspoort():
    return maak_product(
        wettelijke_termijn_aantal=8,
        wettelijke_termijn_eenheid="weken",
        kanalen=[("balie", True, "84.40"), ("internet", True, "80.00")],
    )


@pytest.fixture
def teamleider_burgerzaken(paspoort):
    leider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-bz")
    leider.afdelingen.add(paspoort.afdeling)
    return leider


@moment_params
def test_it_adds_working_days_only_across_holidays_and_weekends(moment):
    vandaag = moment.date()
    for aantal in (1, 2, 5, 10):
        einde = kalender.werkdagen_optellen(vandaag, aantal)
        assert kalender.is_werkdag(einde)
        assert len(_werkdagen_na(vandaag, einde)) == aantal


@moment_params
def test_a_case_gets_deadlines_on_working_days_whenever_it_is_registered(
    moment, klok, paspoort, klantmanager
):
    klok.move_to(moment)
    vandaag = timezone.localdate()
    zaak = zaak_services.zaak_registreren(
        klant=KlantFactory(), product=paspoort, kanaal="telefoon", user=klantmanager
    )
    # The service norm: five working days, counted from the local day.
    assert zaak.streefdatum == kalender.servicenorm_einde(vandaag, 5, "werkdagen")
    assert len(_werkdagen_na(vandaag, zaak.streefdatum)) == 5
    # The statutory term (Atw art. 1): never ends on a weekend or holiday.
    assert kalender.is_wettelijke_werkdag(zaak.uiterste_datum)
    assert zaak.uiterste_datum >= vandaag + timedelta(weeks=8)
    # The 80% signal falls inside the norm.
    assert vandaag < zaak.signaaldatum <= zaak.streefdatum


@moment_params
def test_the_deadline_watch_escalates_a_late_case_once_the_day_after_its_norm(
    moment, klok, paspoort, klantmanager, teamleider_burgerzaken
):
    klok.move_to(moment)
    zaak = zaak_services.zaak_registreren(
        klant=KlantFactory(), product=paspoort, kanaal="telefoon", user=klantmanager
    )
    # On the last day of the norm the case is not late yet.
    klok.move_to(datetime.combine(zaak.streefdatum, time(9), tzinfo=AMSTERDAM))
    zaak_services.termijnen_bewaken()
    assert Zaak.objects.get(pk=zaak.pk).geescaleerd_op is None
    # The day after it is, whatever day that is; and only once.
    klok.move_to(datetime.combine(zaak.streefdatum + timedelta(days=1), time(9), tzinfo=AMSTERDAM))
    zaak_services.termijnen_bewaken()
    zaak_services.termijnen_bewaken()
    assert Zaak.objects.get(pk=zaak.pk).geescaleerd_op is not None
    meldingen = Melding.objects.filter(
        ontvanger=teamleider_burgerzaken,
        soort=Melding.Soort.ESCALATIE,
        url__contains=str(zaak.uuid),
    )
    assert meldingen.count() == 1


@moment_params
def test_a_contactverzoek_is_due_on_a_working_day(moment, klok, klant, klantmanager):
    from klanten import services as klant_services

    klok.move_to(moment)
    vandaag = timezone.localdate()
    verzoek = klant_services.contactverzoek_maken(
        klant=klant,
        user=klantmanager,
        vraag="Bel mij terug over mijn aanslag",
        afdeling=AfdelingFactory(code="belastingen"),
        termijn_werkdagen=2,
    )
    assert verzoek.uiterlijk_op == kalender.werkdagen_optellen(vandaag, 2)
    assert len(_werkdagen_na(vandaag, verzoek.uiterlijk_op)) == 2
    assert vandaag < verzoek.signaaldatum <= verzoek.uiterlijk_op


@moment_params
def test_an_email_is_due_by_the_channels_norm_in_working_days(moment, klok):
    from kanalen.models import Kanaal
    from kanalen.post import services as post_services

    Kanaal.objects.create(
        soort="email",
        naam="E-mail",
        bereikbaarheid="info@voorbeeldstad.nl",
        norm_aantal=2,
        norm_eenheid="werkdagen",
        norm_omschrijving="Binnen 2 werkdagen",
        kosten_per_contact="4.20",
    )
    klok.move_to(moment)
    vandaag = timezone.localdate()
    uiterlijk = post_services.norm_datum("email")
    assert kalender.is_werkdag(uiterlijk)
    assert len(_werkdagen_na(vandaag, uiterlijk)) == 2


@pytest.fixture
def chatkanaal():
    from kanalen.models import Kanaal, Openingstijd

    kanaal = Kanaal.objects.create(
        soort="chat",
        naam="Chat",
        bereikbaarheid="Via de website",
        norm_omschrijving="Binnen 1 minuut",
        kosten_per_contact="3.10",
    )
    for dag in range(5):
        Openingstijd.objects.create(kanaal=kanaal, weekdag=dag, open=time(9), dicht=time(16))
    return kanaal


@pytest.mark.parametrize(
    ("moment", "open_"),
    [
        (_moment(2026, 3, 10, 10), True),  # an ordinary Tuesday
        (_moment(2026, 3, 10, 16, 30), False),  # after closing time
        (_moment(2026, 3, 14, 10), False),  # Saturday
        (_moment(2026, 4, 3, 10), False),  # Good Friday
        (_moment(2026, 4, 6, 10), False),  # Easter Monday
        (_moment(2026, 5, 5, 10), False),  # Liberation Day
        (_moment(2026, 12, 25, 10), False),  # Christmas
        (_moment(2027, 1, 1, 10), False),  # New Year's Day
        (_moment(2026, 3, 30, 9, 30), True),  # Monday after summer time began
        (_moment(2026, 10, 26, 15, 30), True),  # Monday after winter time began
    ],
)
def test_a_channel_is_open_by_the_local_clock_and_never_on_a_holiday(
    moment, open_, klok, chatkanaal
):
    from kanalen.chat import services as chat_services

    klok.move_to(moment)
    assert chat_services.chat_open() is open_


@pytest.mark.parametrize(
    "dag",
    [date(2026, 4, 3), date(2026, 4, 6), date(2026, 4, 27), date(2026, 5, 5), date(2026, 12, 25)],
    ids=["goede vrijdag", "tweede paasdag", "koningsdag", "5 mei", "kerstmis"],
)
def test_the_counter_offers_no_appointments_on_a_public_holiday(dag, klok):
    from kanalen.balie import afspraken
    from kanalen.models import Afspraakrooster

    product = maak_product("id-kaart", "ID-kaart aanvragen")
    for weekdag in range(5):
        Afspraakrooster.objects.create(
            product=product, weekdag=weekdag, van=time(9), tot=time(12), slotduur_minuten=30
        )
    klok.move_to(datetime.combine(dag - timedelta(days=14), time(8), tzinfo=AMSTERDAM))
    dagen = {timezone.localdate(slot.begin) for slot in afspraken.boekbare_tijden(product=product)}
    assert dag not in dagen
    # The working days around it have their slots.
    ervoor, erna = dag - timedelta(days=1), dag + timedelta(days=1)
    while not kalender.is_werkdag(ervoor):
        ervoor -= timedelta(days=1)
    while not kalender.is_werkdag(erna):
        erna += timedelta(days=1)
    assert {ervoor, erna} <= dagen


def test_a_case_closed_around_midnight_counts_on_its_local_day_across_summer_time(
    klok, paspoort, klantmanager
):
    from zaken import normrealisatie

    for moment in [
        _moment(2026, 3, 28, 23, 30),  # Saturday evening, 22:30 UTC
        _moment(2026, 3, 29, 0, 30),  # Sunday night, still the 28th in UTC
        _moment(2026, 3, 29, 3, 30),  # just after the clocks went forward
    ]:
        klok.move_to(moment - timedelta(days=3))
        zaak = zaak_services.zaak_registreren(
            klant=KlantFactory(), product=paspoort, kanaal="telefoon", user=klantmanager
        )
        klok.move_to(moment)
        Zaak.objects.filter(pk=zaak.pk).update(afgesloten_op=timezone.now(), status="afgehandeld")
    klok.move_to(_moment(2026, 3, 31, 9))
    for dag, verwacht in [(date(2026, 3, 28), 1), (date(2026, 3, 29), 2)]:
        periode = {"van": dag, "tot": dag + timedelta(days=1)}
        uit_de_zaken = normrealisatie.per_product(**periode)[paspoort.pk]["aantal"]
        normrealisatie.dag_opbouwen(dag)
        uit_de_sommen = normrealisatie.per_product(**periode)[paspoort.pk]["aantal"]
        assert uit_de_zaken == uit_de_sommen == verwacht, dag


@pytest.mark.parametrize(
    ("moment", "jaar"),
    [
        (_moment(2026, 12, 31, 23, 30), 2026),  # 22:30 UTC
        (_moment(2027, 1, 1, 0, 30), 2027),  # 23:30 UTC on 31 December
    ],
)
def test_a_case_number_carries_the_local_year(moment, jaar, klok, paspoort, klantmanager):
    klok.move_to(moment)
    zaak = zaak_services.zaak_registreren(
        klant=KlantFactory(), product=paspoort, kanaal="telefoon", user=klantmanager
    )
    assert zaak.nummer.startswith(f"ZAAK-{jaar}-")
