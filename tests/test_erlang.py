"""Erlang C against known values (DOMAIN.md and the textbook tables)."""

import math

import pytest

from dashboard import erlang


def test_it_reproduces_the_reference_interval():
    # 100 calls in 30 minutes, AHT 180 s, 80% within 20 s: A = 10, N = 14.
    b = erlang.benodigde_agenten(
        aanbod=100, interval_seconden=1800, aht=180, doel_servicelevel=0.8, binnen=20
    )
    assert b.belasting == pytest.approx(10)
    assert b.agenten == 14
    assert b.kans_op_wachten == pytest.approx(0.1741, abs=1e-4)
    assert b.servicelevel == pytest.approx(0.8884, abs=1e-4)
    assert b.asa == pytest.approx(7.84, abs=0.01)
    assert b.bezettingsgraad == pytest.approx(10 / 14)
    assert b.ingeroosterd == 20  # 30% shrinkage


def test_erlang_b_and_c_match_known_values():
    # Erlang B table: A = 2, N = 3 -> 0.2105; A = 10, N = 10 -> 0.2146.
    assert erlang.erlang_b(3, 2) == pytest.approx(0.2105, abs=1e-4)
    assert erlang.erlang_b(10, 10) == pytest.approx(0.2146, abs=1e-4)
    # Erlang C: A = 2, N = 3 -> 0.4444 (4/9).
    assert erlang.kans_op_wachten(3, 2) == pytest.approx(4 / 9)
    # One agent is M/M/1: P_wait = utilisation.
    assert erlang.kans_op_wachten(1, 0.6) == pytest.approx(0.6)


def test_it_stays_exact_for_large_queues():
    # A = 400 Erlangs would overflow A^N/N!; the recursion does not.
    p = erlang.kans_op_wachten(420, 400)
    assert 0 < p < 1
    b = erlang.benodigde_agenten(
        aanbod=8000, interval_seconden=1800, aht=90, doel_servicelevel=0.9, binnen=15
    )
    assert b.agenten > 400 and b.servicelevel >= 0.9


def test_too_few_agents_never_reach_the_target():
    assert erlang.kans_op_wachten(10, 10) == 1
    assert erlang.servicelevel(9, 10, 180, 20) == 0
    assert math.isinf(erlang.gemiddelde_wachttijd(10, 12, 180))


def test_the_occupancy_cap_and_an_empty_interval():
    # Few calls with a loose target: the cap on occupancy decides.
    b = erlang.benodigde_agenten(
        aanbod=90,
        interval_seconden=1800,
        aht=180,
        doel_servicelevel=0.5,
        binnen=60,
        max_bezettingsgraad=0.8,
    )
    assert b.bezettingsgraad <= 0.8 and b.agenten == 12
    leeg = erlang.benodigde_agenten(
        aanbod=0, interval_seconden=1800, aht=180, doel_servicelevel=0.8, binnen=20
    )
    assert (leeg.agenten, leeg.ingeroosterd) == (0, 0)
    with pytest.raises(ValueError):
        erlang.benodigde_agenten(
            aanbod=10,
            interval_seconden=1800,
            aht=180,
            doel_servicelevel=0.8,
            binnen=20,
            shrinkage=1,
        )


def test_erlang_a_becomes_erlang_c_when_nobody_hangs_up():
    a = erlang.erlang_a(14, 10, aht=180, geduld=1e7, binnen=20)
    assert a.servicelevel == pytest.approx(erlang.servicelevel(14, 10, 180, 20), abs=1e-5)
    assert a.kans_op_wachten == pytest.approx(erlang.kans_op_wachten(14, 10), abs=1e-5)
    assert a.verlaten == pytest.approx(0, abs=1e-5)


def test_erlang_a_matches_a_simulation_of_impatient_callers():
    # A = 10 on 10 agents, AHT and mean patience 180 s: Erlang C's queue
    # would grow without end; with callers hanging up it settles. A
    # simulation of 300,000 calls (FCFS, exponential service and patience)
    # gave 58.4% answered within 20 s and 12.6% hung up.
    a = erlang.erlang_a(10, 10, aht=180, geduld=180, binnen=20)
    assert a.servicelevel == pytest.approx(0.584, abs=0.01)
    assert a.verlaten == pytest.approx(0.126, abs=0.005)
    # 14 agents, patience 120 s: 93.4% within 20 s, 2.2% hung up.
    a = erlang.erlang_a(14, 10, aht=180, geduld=120, binnen=20)
    assert a.servicelevel == pytest.approx(0.934, abs=0.01)
    assert a.verlaten == pytest.approx(0.0223, abs=0.002)


def test_with_impatient_callers_fewer_agents_reach_the_same_service_level():
    c = erlang.benodigde_agenten(
        aanbod=100, interval_seconden=1800, aht=180, doel_servicelevel=0.8, binnen=20
    )
    a = erlang.benodigde_agenten_a(
        aanbod=100, interval_seconden=1800, aht=180, geduld=120, doel_servicelevel=0.8, binnen=20
    )
    assert a.agenten == 12 < c.agenten == 14
    assert a.servicelevel >= 0.8 and a.verlaten == pytest.approx(0.062, abs=0.002)


def test_erlang_a_keeps_exact_for_a_long_norm_and_a_large_centre():
    # A counter's norm of ten minutes: the Poisson weights of the
    # uniformisation would underflow without logarithms.
    a = erlang.erlang_a(24, 20, aht=600, geduld=1e7, binnen=600)
    assert a.servicelevel == pytest.approx(erlang.servicelevel(24, 20, 600, 600), abs=1e-5)
    # Hundreds of agents: the search starts at Erlang C's answer.
    b = erlang.benodigde_agenten_a(
        aanbod=1500, interval_seconden=1800, aht=300, geduld=200, doel_servicelevel=0.8, binnen=20
    )
    assert 250 <= b.agenten <= 295 and b.servicelevel >= 0.8
