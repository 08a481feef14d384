"""Sections a higher building block adds to a page of a lower one.

The case page belongs to ``zaken``; the messages sent about a case are kept
by ``kanalen``, which ``zaken`` may not import (docs/architecture.md). As with
links (kcc.links), the app that owns the data registers at startup what it
adds to a page (its ``AppConfig.ready``); the page asks for its sections by
the page's name and includes each one's template.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

_SECTIES: dict[str, list[Callable[..., dict | None]]] = defaultdict(list)


def sectie_registreren(pagina: str, maak: Callable[..., dict | None]) -> None:
    """``maak(**gegevens)`` gives a section of ``pagina`` (a dict with the
    ``sjabloon`` to include and what that template reads) or None."""
    if maak not in _SECTIES[pagina]:
        _SECTIES[pagina].append(maak)


def secties(pagina: str, **gegevens) -> list[dict]:
    """The sections registered for ``pagina``, in the order of registration."""
    return [sectie for maak in _SECTIES[pagina] if (sectie := maak(**gegevens)) is not None]
