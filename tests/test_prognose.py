"""Forecast (weekday x half-hour profile with trend) and staffing per interval."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dashboard import prognose
from dashboard.models import ContactenPerHalfuur, WachtrijPerHalfuur

pytestmark = pytest.mark.django_db

BASIS = date(2026, 11, 23)  # a Monday


def _weken(aantal: int, *, maandag: int, dinsdag: int, groei: float = 1.0):
    rijen = []
    for w in range(aantal, 0, -1):
        factor = groei ** (aantal - w)
        for offset, volume in ((0, maandag), (1, dinsdag)):
            dag = BASIS - timedelta(weeks=w) + timedelta(days=offset)
            # 09:00-09:30 and 09:30-10:00
            rijen += [
                WachtrijPerHalfuur(
                    datum=dag, halfuur=18, kanaal="telefoon", aangeboden=round(volume * factor)
                ),
                WachtrijPerHalfuur(
                    datum=dag, halfuur=19, kanaal="telefoon", aangeboden=round(volume * factor / 2)
                ),
            ]
    WachtrijPerHalfuur.objects.bulk_create(rijen)


def _aht_180():
    """AHT 180 s over the last four weeks: 1,500 s talk + 300 s after-work per 10 contacts."""
    ContactenPerHalfuur.objects.create(
        datum=BASIS - timedelta(days=3),
        halfuur=20,
        kanaal="telefoon",
        contacten=10,
        behandeld=10,
        duur_seconden=1500,
        nawerk_seconden=300,
    )


def _plannen(**anders):
    """The Monday's staffing: 80% within 20 s, at most 85% occupancy, 30% shrinkage."""
    return prognose.planning(
        "telefoon",
        dag=BASIS,
        basis=BASIS,
        doel_servicelevel=0.8,
        binnen=20,
        max_bezettingsgraad=0.85,
        shrinkage=0.3,
        **anders,
    )


def test_it_forecasts_the_weekday_profile_and_is_exact_on_a_steady_pattern():
    _weken(12, maandag=100, dinsdag=40)
    voorspeld = prognose.prognose("telefoon", van=BASIS, dagen=2, basis=BASIS)
    assert voorspeld[BASIS][18] == pytest.approx(100)
    assert voorspeld[BASIS][19] == pytest.approx(50)
    assert voorspeld[BASIS + timedelta(days=1)][18] == pytest.approx(40)
    assert sum(voorspeld[BASIS][:18]) == 0
    assert prognose.nauwkeurigheid("telefoon", basis=BASIS) == 100


def test_a_growing_volume_raises_the_forecast_within_bounds():
    _weken(12, maandag=100, dinsdag=40, groei=1.2)
    voorspeld = prognose.prognose("telefoon", van=BASIS, dagen=1, basis=BASIS)[BASIS][18]
    gemiddeld = sum(round(100 * 1.2 ** (12 - w)) for w in range(1, 9)) / 8
    assert voorspeld == pytest.approx(gemiddeld * 1.25)  # trend capped at 1.25
    assert prognose.nauwkeurigheid("telefoon", basis=BASIS) < 100


def test_the_planning_gives_erlang_c_agents_per_half_hour():
    _weken(12, maandag=100, dinsdag=40)
    _aht_180()
    regels, aht = _plannen()
    assert aht == 180
    negen_uur = next(r for r in regels if r.tijd == "09:00")
    assert (negen_uur.bezetting.agenten, negen_uur.bezetting.ingeroosterd) == (14, 20)
    assert [r.tijd for r in regels] == ["09:00", "09:30"]


def test_a_teamleider_reads_the_staffing_for_a_day(client, teamleider, klok):
    _weken(12, maandag=100, dinsdag=40)
    klok.move_to("2026-11-23T07:30:00+01:00")  # that Monday, before opening
    client.force_login(teamleider)
    pagina = client.get(
        "/dashboard/planning/",
        {"kanaal": "telefoon", "datum": "2026-11-23", "max_bezetting": 85, "shrinkage": 30},
    )
    tekst = pagina.content.decode()
    assert pagina.status_code == 200 and "09:00" in tekst and "Erlang C" in tekst
    fout = client.get("/dashboard/planning/", {"kanaal": "telefoon", "shrinkage": 95})
    assert fout.status_code == 400


def _maandagen(tot: date, volume: int, slots=(18, 40)):
    """Twelve Mondays of calls before ``tot``, at 09:00 and (outside the
    opening hours) at 20:00."""
    WachtrijPerHalfuur.objects.bulk_create(
        WachtrijPerHalfuur(
            datum=tot - timedelta(weeks=w), halfuur=slot, kanaal="telefoon", aangeboden=volume
        )
        for w in range(1, 13)
        for slot in slots
    )


def test_nothing_is_forecast_or_planned_when_the_channel_is_closed(client, teamleider, klok):
    from kanalen.models import Kanaal, Openingstijd
    from kcc.models import Sluitingsdag

    telefoon = Kanaal.objects.create(
        soort="telefoon",
        naam="Telefoon",
        bereikbaarheid="14 0123",
        norm_omschrijving="80% binnen 20 seconden",
        kosten_per_contact="5.50",
    )
    for weekdag in range(5):
        Openingstijd.objects.create(kanaal=telefoon, weekdag=weekdag, open="08:00", dicht="17:00")
    paasmaandag, gewone_maandag = date(2026, 4, 6), date(2026, 3, 30)
    _maandagen(date(2026, 3, 30), volume=60)
    Sluitingsdag.objects.create(datum=date(2026, 4, 13), omschrijving="Personeelsdag")
    voorspeld = prognose.prognose("telefoon", van=gewone_maandag, dagen=15, basis=gewone_maandag)
    assert voorspeld[gewone_maandag][18] == pytest.approx(60)
    assert voorspeld[gewone_maandag][40] == 0  # 20:00: closed
    assert sum(voorspeld[paasmaandag]) == 0  # Tweede Paasdag
    assert sum(voorspeld[date(2026, 4, 13)]) == 0  # the municipality's closing day

    klok.move_to("2026-04-03T09:00:00+02:00")
    client.force_login(teamleider)
    pagina = client.get("/dashboard/planning/", {"kanaal": "telefoon", "datum": "2026-04-06"})
    tekst = pagina.content.decode()
    assert "Gesloten (Tweede Paasdag)" in tekst and "09:00" not in tekst


def test_the_patience_is_measured_from_who_hung_up_and_sets_the_roster():
    _weken(12, maandag=100, dinsdag=40)
    # Four weeks of queue: 40 hung up (20 within 10 s, 20 between 60 and
    # 120 s), and the answered waited 4,000 s together: patience
    # (4,000 + 20 x 5 + 20 x 90) / 40 = 147.5 s.
    WachtrijPerHalfuur.objects.filter(datum=BASIS - timedelta(weeks=1), halfuur=18).update(
        verlaten=40,
        wacht_seconden=4000,
        verlaten_10=20,
        verlaten_20=20,
        verlaten_30=20,
        verlaten_60=20,
        verlaten_120=40,
        verlaten_300=40,
        verlaten_600=40,
        verlaten_900=40,
    )
    assert prognose.geduld("telefoon", basis=BASIS) == pytest.approx(147.5)
    _aht_180()
    regels, _aht = _plannen(patience=147.5)
    negen_uur = next(r for r in regels if r.tijd == "09:00")
    assert negen_uur.nodig_c == 14
    assert negen_uur.nodig_a < 14
    assert negen_uur.ingeroosterd == -(-negen_uur.nodig_a * 10 // 7)  # on Erlang A, 30% shrinkage
    # Chat: three chats at once per agent, so a third of the places.
    regels, _aht = _plannen(per_medewerker=3)
    assert next(r for r in regels if r.tijd == "09:00").nodig_c == 5  # 14 places / 3


def test_a_teamleider_downloads_the_week_for_the_roster(client, teamleider, klok):
    _weken(12, maandag=100, dinsdag=40)
    klok.move_to("2026-11-22T10:00:00+01:00")  # the Sunday before
    client.force_login(teamleider)
    query = {"kanaal": "telefoon", "datum": "2026-11-23", "week": "on"}
    pagina = client.get("/dashboard/planning/", query).content.decode()
    assert "Erlang A" in pagina and "dinsdag 24 november" in pagina
    antwoord = client.get("/dashboard/planning/", {**query, "formaat": "csv"})
    assert antwoord["Content-Type"].startswith("text/csv")
    regels = antwoord.content.decode().strip().splitlines()
    assert regels[0].startswith("datum;half uur;verwacht aanbod;nodig (Erlang C)")
    dagen = {regel.split(";")[0] for regel in regels[1:]}
    assert dagen == {"2026-11-23", "2026-11-24"}  # the days with a forecast
