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
