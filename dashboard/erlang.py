"""Erlang C: how many agents a queue needs for a service level.

The offered load A (in Erlangs) is the arrival rate times the average
handling time. With N > A agents the chance that a contact waits is

    P_wait = [A^N/N! * N/(N-A)] / [Σ_{k<N} A^k/k! + A^N/N! * N/(N-A)]

computed without factorials through the Erlang B recursion
(B_0 = 1, B_k = A*B_{k-1} / (k + A*B_{k-1}); P_wait = N*B / (N - A(1 - B))),
which stays exact for hundreds of agents where A^N/N! would overflow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


def erlang_b(agenten: int, belasting: float) -> float:
    """Blocking probability with ``agenten`` servers and offered load ``belasting``."""
    b = 1.0
    for k in range(1, agenten + 1):
        b = belasting * b / (k + belasting * b)
    return b


def kans_op_wachten(agenten: int, belasting: float) -> float:
    """Erlang C: the chance a contact has to wait (1 when N ≤ A: the queue grows)."""
    if belasting <= 0:
        return 0.0
    if agenten <= belasting:
        return 1.0
    b = erlang_b(agenten, belasting)
    return agenten * b / (agenten - belasting * (1 - b))


def servicelevel(agenten: int, belasting: float, aht: float, binnen: float) -> float:
    """Share answered within ``binnen`` seconds: 1 - P_wait * e^(-(N-A)*t/AHT)."""
    if belasting <= 0:
        return 1.0
    if agenten <= belasting:
        return 0.0
    p = kans_op_wachten(agenten, belasting)
    return 1 - p * math.exp(-(agenten - belasting) * binnen / aht)


def gemiddelde_wachttijd(agenten: int, belasting: float, aht: float) -> float:
    """ASA = P_wait * AHT / (N - A); infinite when the queue cannot keep up."""
    if belasting <= 0:
        return 0.0
    if agenten <= belasting:
        return math.inf
    return kans_op_wachten(agenten, belasting) * aht / (agenten - belasting)


@dataclass(frozen=True)
class Bezetting:
    """What one interval needs."""

    aanbod: float  # contacts in the interval
    belasting: float  # A, in Erlangs
    agenten: int  # N on the phones at the same time
    ingeroosterd: int  # N / (1 - shrinkage), rounded up
    kans_op_wachten: float
    servicelevel: float
    asa: float
    bezettingsgraad: float  # occupancy A / N


def benodigde_agenten(
    *,
    aanbod: float,
    interval_seconden: int,
    aht: float,
    doel_servicelevel: float,
    binnen: float,
    max_bezettingsgraad: float = 0.85,
    shrinkage: float = 0.3,
) -> Bezetting:
    """The smallest N that reaches the target service level within ``binnen``
    seconds without letting occupancy exceed ``max_bezettingsgraad``; and how
    many to schedule when ``shrinkage`` of paid time is not on the phones
    (breaks, training, absence)."""
    if not 0 <= shrinkage < 1:
        raise ValueError("shrinkage must be at least 0 and below 1")
    belasting = aanbod * aht / interval_seconden
    if belasting <= 0:
        return Bezetting(aanbod, 0.0, 0, 0, 0.0, 1.0, 0.0, 0.0)
    agenten = max(1, math.floor(belasting) + 1)
    while (
        servicelevel(agenten, belasting, aht, binnen) < doel_servicelevel
        or belasting / agenten > max_bezettingsgraad
    ):
        agenten += 1
    return Bezetting(
        aanbod=aanbod,
        belasting=belasting,
        agenten=agenten,
        ingeroosterd=math.ceil(agenten / (1 - shrinkage) - 1e-9),
        kans_op_wachten=kans_op_wachten(agenten, belasting),
        servicelevel=servicelevel(agenten, belasting, aht, binnen),
        asa=gemiddelde_wachttijd(agenten, belasting, aht),
        bezettingsgraad=belasting / agenten,
    )


# --- Erlang A: callers who hang up ---------------------------------------------------------------
#
# Erlang C assumes every caller waits as long as it takes; real callers hang
# up. Erlang A (M/M/N+M, Palm's model) gives each caller an exponential
# patience with mean 1/θ. The number in the system is a birth-death chain:
# arrivals at λ, departures at μ·min(n, N) + θ·max(n - N, 0). Its stationary
# distribution π (truncated where the tail is negligible) gives, by PASTA:
#
#   P(wait)    = Σ_{n≥N} π_n
#   P(abandon) = θ · E[queue] / λ
#
# and the share answered within t: an arrival finding k = n - N callers
# queued ahead is answered once k + 1 places free up, at rates Nμ + jθ
# (j = k .. 0), unless it hangs up first (rate θ). With T the time to its
# turn, P(answered within t) = E[e^{-θT} 1{T ≤ t}] = Π_j r_j / (r_j + θ) ·
# P(T' ≤ t), with T' the sum of exponentials at rates r_j + θ; P(T' ≤ t) is
# computed by uniformisation, which stays exact for long queues.

_STAART = 1e-12


def _verdeling(agenten: int, belasting: float, geduld_factor: float) -> list[float]:
    """π_n for n = 0 .. where the tail is negligible; ``geduld_factor`` is θ/μ."""
    gewichten = [1.0]
    n = 0
    while True:
        n += 1
        vertrek = min(n, agenten) + max(n - agenten, 0) * geduld_factor
        volgende = gewichten[-1] * belasting / vertrek
        gewichten.append(volgende)
        if n > agenten and volgende < _STAART * sum(gewichten):
            break
        if n > agenten + 100_000:  # never reached with θ > 0; a guard
            break
    totaal = sum(gewichten)
    return [g / totaal for g in gewichten]


def _binnen_beurt(voor: int, agenten: int, mu: float, theta: float, t: float) -> float:
    """P(a caller with ``voor`` callers queued ahead is answered within t)."""
    snelheden = [agenten * mu + j * theta for j in range(voor, -1, -1)]
    factor = 1.0
    for r in snelheden:
        factor *= r / (r + theta)
    verschoven = [r + theta for r in snelheden]
    # Uniformisation of the pure-death chain through the stages.
    lam = max(verschoven)
    if t <= 0:
        return 0.0
    kans = [0.0] * (len(verschoven) + 1)
    kans[0] = 1.0
    poisson = math.exp(-lam * t)
    gedaan = poisson * kans[-1]
    cumulatief = poisson
    stap = 0
    while cumulatief < 1 - 1e-12 and stap < 100_000:
        stap += 1
        nieuw = [0.0] * len(kans)
        for i, p in enumerate(kans):
            if i < len(verschoven):
                door = verschoven[i] / lam
                nieuw[i] += p * (1 - door)
                nieuw[i + 1] += p * door
            else:
                nieuw[i] += p
        kans = nieuw
        poisson *= lam * t / stap
        cumulatief += poisson
        gedaan += poisson * kans[-1]
    return factor * min(gedaan, 1.0)


@dataclass(frozen=True)
class ErlangA:
    """What an interval looks like with impatient callers."""

    agenten: int
    kans_op_wachten: float
    servicelevel: float  # share of all callers answered within the norm
    verlaten: float  # share of callers who hang up


def erlang_a(agenten: int, belasting: float, aht: float, geduld: float, binnen: float) -> ErlangA:
    """Erlang A for ``agenten`` with offered load ``belasting``, handling time
    ``aht`` and a mean patience of ``geduld`` seconds."""
    if belasting <= 0:
        return ErlangA(agenten, 0.0, 1.0, 0.0)
    mu, theta = 1 / aht, 1 / geduld
    pi = _verdeling(agenten, belasting, theta / mu)
    lam = belasting * mu
    wachten = sum(pi[agenten:])
    rij = sum((n - agenten) * p for n, p in enumerate(pi) if n > agenten)
    binnen_norm = sum(pi[:agenten]) + sum(
        p * _binnen_beurt(n - agenten, agenten, mu, theta, binnen)
        for n, p in enumerate(pi)
        if n >= agenten and p > _STAART
    )
    return ErlangA(agenten, wachten, binnen_norm, theta * rij / lam)


def benodigde_agenten_a(
    *,
    aanbod: float,
    interval_seconden: int,
    aht: float,
    geduld: float,
    doel_servicelevel: float,
    binnen: float,
    max_bezettingsgraad: float = 0.85,
) -> ErlangA:
    """The smallest N that reaches the service level with impatient callers
    (those who hang up are not answered within the norm) at no more than
    ``max_bezettingsgraad`` occupancy of the load actually served."""
    belasting = aanbod * aht / interval_seconden
    if belasting <= 0:
        return ErlangA(0, 0.0, 1.0, 0.0)
    agenten = 1
    while True:
        uitkomst = erlang_a(agenten, belasting, aht, geduld, binnen)
        bediend = belasting * (1 - uitkomst.verlaten)
        if uitkomst.servicelevel >= doel_servicelevel and bediend / agenten <= max_bezettingsgraad:
            return uitkomst
        agenten += 1
