"""Working days and the Algemene termijnenwet, on real dates."""

from datetime import date, datetime, time

import pytest
from django.utils import timezone

from kcc import kalender
from kcc.kalender import Eenheid
from kcc.models import Sluitingsdag


@pytest.mark.parametrize(
    ("jaar", "pasen"),
    [
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_it_knows_easter(jaar, pasen):
    assert kalender.pasen(jaar) == pasen


def test_it_lists_the_atw_holidays_of_2026():
    assert sorted(kalender.feestdagen(2026)) == [
        date(2026, 1, 1),
        date(2026, 4, 3),
        date(2026, 4, 5),
        date(2026, 4, 6),
        date(2026, 4, 27),
        date(2026, 5, 5),
        date(2026, 5, 14),
        date(2026, 5, 24),
        date(2026, 5, 25),
        date(2026, 12, 25),
        date(2026, 12, 26),
    ]


@pytest.mark.parametrize("jaar", [2025, 2031])
def test_it_moves_kings_day_to_saturday_when_the_27th_is_a_sunday(jaar):
    assert date(jaar, 4, 27).weekday() == 6
    assert kalender.is_feestdag(date(jaar, 4, 26))
    assert not kalender.is_feestdag(date(jaar, 4, 27 - 2))


def test_it_keeps_liberation_day_every_year():
    assert all(kalender.is_feestdag(date(jaar, 5, 5)) for jaar in range(2020, 2040))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "aantal", "einde"),
    [
        (date(2026, 3, 2), 5, date(2026, 3, 9)),  # an ordinary week
        (date(2026, 4, 2), 1, date(2026, 4, 7)),  # over Good Friday and Easter
        (date(2026, 12, 24), 3, date(2026, 12, 30)),  # over Christmas
        (date(2025, 12, 31), 1, date(2026, 1, 2)),  # over the turn of the year
        (date(2026, 4, 25), 0, date(2026, 4, 28)),  # Saturday, then King's Day
    ],
)
def test_it_adds_working_days(start, aantal, einde):
    assert kalender.werkdagen_optellen(start, aantal) == einde


@pytest.mark.django_db
def test_it_skips_the_municipalitys_closing_days_for_service_norms_only():
    # Nothing cached yet in this test's cache namespace: read from the database.
    Sluitingsdag.objects.create(datum=date(2026, 5, 15), omschrijving="Vrijdag na Hemelvaart")
    assert kalender.servicenorm_einde(date(2026, 5, 13), 2, Eenheid.WERKDAGEN) == date(2026, 5, 19)
    # A statutory term counts the closing day: the law does not know it.
    assert kalender.wettelijke_termijn_einde(date(2026, 5, 13), 2, Eenheid.WERKDAGEN) == date(
        2026, 5, 18
    )


@pytest.mark.django_db
def test_it_forgets_a_removed_closing_day(django_capture_on_commit_callbacks):
    assert kalender.is_werkdag(date(2026, 3, 9))  # cached without the closing day
    with django_capture_on_commit_callbacks(execute=True):
        dag = Sluitingsdag.objects.create(datum=date(2026, 3, 9), omschrijving="Storing")
    assert not kalender.is_werkdag(date(2026, 3, 9))
    with django_capture_on_commit_callbacks(execute=True):
        dag.delete()
    assert kalender.is_werkdag(date(2026, 3, 9))


@pytest.mark.django_db
def test_it_counts_working_days_between_two_dates():
    assert kalender.werkdagen_tussen(date(2026, 4, 2), date(2026, 4, 10)) == 4


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "aantal", "eenheid", "einde"),
    [
        # Art. 1: six weeks ending on a Saturday end on the Monday.
        (date(2026, 2, 28), 6, Eenheid.WEKEN, date(2026, 4, 13)),
        # Art. 1: ending on Easter Sunday, the Monday is a holiday too.
        (date(2026, 3, 22), 14, Eenheid.DAGEN, date(2026, 4, 7)),
        # Art. 2: three days from a Friday end on Tuesday (two working days).
        (date(2026, 1, 9), 3, Eenheid.DAGEN, date(2026, 1, 13)),
        # Art. 1 and 2 over Easter: Thursday + 3 days ends on Wednesday.
        (date(2026, 4, 2), 3, Eenheid.DAGEN, date(2026, 4, 8)),
        # Over the turn of the year: 8 weeks ending on 1 January.
        (date(2026, 11, 6), 8, Eenheid.WEKEN, date(2027, 1, 4)),
        # Eight weeks ending on King's Day (a Monday) end on the Tuesday.
        (date(2026, 3, 2), 8, Eenheid.WEKEN, date(2026, 4, 28)),
        # Terms under three days get art. 1 only (art. 2 is for 3 days or more).
        (date(2026, 4, 2), 1, Eenheid.DAGEN, date(2026, 4, 7)),
        (date(2026, 4, 2), 2, Eenheid.DAGEN, date(2026, 4, 7)),
        (date(2026, 4, 24), 1, Eenheid.DAGEN, date(2026, 4, 28)),
        # A term that ends on a working day stays as it is.
        (date(2026, 3, 3), 8, Eenheid.WEKEN, date(2026, 4, 28)),
    ],
)
def test_it_applies_the_algemene_termijnenwet(start, aantal, eenheid, einde):
    assert kalender.wettelijke_termijn_einde(start, aantal, eenheid) == einde


@pytest.mark.django_db
def test_it_moves_a_service_norm_in_weeks_off_a_weekend():
    assert kalender.servicenorm_einde(date(2026, 3, 7), 2, Eenheid.WEKEN) == date(2026, 3, 23)


@pytest.mark.django_db
def test_it_knows_when_a_channel_is_open():
    kantoor = [(weekdag, time(9), time(17)) for weekdag in range(5)]
    assert kalender.is_open(kantoor, datetime(2026, 4, 28, 10, 0))
    assert not kalender.is_open(kantoor, datetime(2026, 4, 27, 10, 0))  # King's Day
    assert not kalender.is_open(kantoor, datetime(2026, 4, 28, 17, 0))
    assert not kalender.is_open(kantoor, datetime(2026, 5, 2, 10, 0))  # Saturday


def test_it_does_not_let_callers_change_the_holidays():
    with pytest.raises(TypeError):
        kalender.feestdagen(2026)[date(2026, 6, 1)] = "Eigen feestdag"


@pytest.mark.django_db
def test_it_reads_closing_days_from_the_database_when_the_cache_is_down(monkeypatch):
    class StukkeCache:
        def get(self, *args, **kwargs):
            raise ConnectionError("Redis is restarting")

        set = delete = get

    Sluitingsdag.objects.create(datum=date(2026, 3, 9), omschrijving="Storing")
    monkeypatch.setattr(kalender, "cache", StukkeCache())
    assert not kalender.is_werkdag(date(2026, 3, 9))


def test_every_test_runs_at_the_suites_fixed_moment():
    from tests.conftest import VAST_MOMENT

    # A working Tuesday morning, whatever day the suite runs on.
    verschil = timezone.now() - VAST_MOMENT
    assert abs(verschil.total_seconds()) < 60
    assert timezone.localdate().isoweekday() == 2
    assert kalender.is_wettelijke_werkdag(timezone.localdate())
