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


def _binnen_per_plek(plekken: int, agenten: int, mu: float, theta: float, t: float) -> list[float]:
    """P(answered within t) for a caller with k = 0 .. ``plekken`` callers
    queued ahead, all at once: k ahead means stages at rates r_j = Nμ + jθ
    (j = k .. 0), each survived against the caller's own patience, so the
    answer is Π r_j / (r_j + θ) times P(T' ≤ t), T' the time a pure-death
    chain at rates r_j + θ takes from k to the end. That last one for every
    start at once by uniformisation of the backward equation (one pass over
    the chain per Poisson term), with the Poisson weights in logarithms so a
    long norm (a counter's ten minutes) does not underflow."""
    if t <= 0:
        return [0.0] * (plekken + 1)
    snelheid = [agenten * mu + (j + 1) * theta for j in range(plekken + 1)]
    lam = max(snelheid)
    kans = [s_ / lam for s_ in snelheid]
    # v_n: P(absorbed within n uniformised steps | start k); u = Σ Pois(n) v_n.
    v = [0.0] * (plekken + 1)
    u = [0.0] * (plekken + 1)
    lt = lam * t
    laatste = int(lt + 10 * math.sqrt(lt) + 20)
    for n in range(laatste + 1):
        gewicht = math.exp(-lt + n * math.log(lt) - math.lgamma(n + 1)) if lt > 0 else 0.0
        if n > 0:
            # One step: from k either on to k - 1 (k = 0: the caller's turn) or stay.
            v = [
                (1 - kans[k]) * v[k] + kans[k] * (v[k - 1] if k > 0 else 1.0)
                for k in range(plekken + 1)
            ]
        if gewicht > 1e-300:
            for k in range(plekken + 1):
                u[k] += gewicht * v[k]
    uitkomst, factor = [], 1.0
    for k in range(plekken + 1):
        r = agenten * mu + k * theta
        factor *= r / (r + theta)
        uitkomst.append(factor * min(u[k], 1.0))
    return uitkomst


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
    per_plek = _binnen_per_plek(len(pi) - 1 - agenten, agenten, mu, theta, binnen)
    binnen_norm = sum(pi[:agenten]) + sum(pi[agenten + k] * kans for k, kans in enumerate(per_plek))
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

    def haalt(n: int) -> tuple[bool, ErlangA]:
        uitkomst = erlang_a(n, belasting, aht, geduld, binnen)
        bediend = belasting * (1 - uitkomst.verlaten)
        goed = uitkomst.servicelevel >= doel_servicelevel and bediend / n <= max_bezettingsgraad
        return goed, uitkomst

    # Service level and occupancy both improve with every agent added, so
    # search from Erlang C's answer (callers who wait forever need at least
    # as many): down while it still holds, up if it did not.
    agenten = benodigde_agenten(
        aanbod=aanbod,
        interval_seconden=interval_seconden,
        aht=aht,
        doel_servicelevel=doel_servicelevel,
        binnen=binnen,
        max_bezettingsgraad=max_bezettingsgraad,
    ).agenten
    goed, uitkomst = haalt(agenten)
    while not goed:
        agenten += 1
        goed, uitkomst = haalt(agenten)
    while agenten > 1:
        lager_goed, lager = haalt(agenten - 1)
        if not lager_goed:
            break
        agenten, uitkomst = agenten - 1, lager
    return uitkomst
