"""Lock, then transition: how a service changes the state of a row.

A service re-reads the row under ``SELECT ... FOR UPDATE`` in its own
transaction, so a second request for the same row waits until the first has
committed and then sees its outcome. Only then does it check that the state
it finds allows what it is about to do, and call the transition. Two agents
who take the same chat at once: one takes it, the other gets a clear
conflict, never a silent overwrite (docs/conventions.md, habit 2).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from django.db import models
from django_fsm import can_proceed

M = TypeVar("M", bound=models.Model)


def vergrendeld(
    obj: M,
    *,
    overgang: str | None = None,
    verwacht: str | None = None,
    voorwaarde: Callable[[M], bool] | None = None,
    conflict: Callable[[M], Exception] | None = None,
    related: Sequence[str] = (),
    alleen_eigen_rij: bool = False,
) -> M:
    """``obj`` read again and locked until the caller's transaction ends (the
    caller must hold one: ``transaction.atomic``).

    Then, where asked, the locked row must still be what the caller expects:
    in the status the user saw (``verwacht``), allowing the transition named
    ``overgang``, and meeting ``voorwaarde`` (e.g. it is this agent's). When
    it is not, ``conflict(row)`` is raised: say what happened in the words
    of the screen. ``related`` rows come along in the same statement (and are
    locked too, unless ``alleen_eigen_rij``).
    """
    rijen = type(obj)._default_manager.select_related(*related)
    rijen = rijen.select_for_update(of=("self",)) if alleen_eigen_rij else rijen.select_for_update()
    rij = rijen.get(pk=obj.pk)
    klopt = (
        (verwacht is None or rij.status == verwacht)
        and (overgang is None or can_proceed(getattr(rij, overgang)))
        and (voorwaarde is None or voorwaarde(rij))
    )
    if not klopt:
        if conflict is None:
            raise ValueError("a check without a conflict to raise")
        raise conflict(rij)
    return rij
