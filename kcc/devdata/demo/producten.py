"""Demo catalogue: the products and knowledge items of Gemeente Voorbeeldstad.

The content is ``kcc/devdata/catalogus.json``, a catalogue export. It is loaded
through the same import as a beheerder's file, so the demo proves the import;
to change it, edit the catalogue in the admin and export it over the file.
"""

from __future__ import annotations

import json
from pathlib import Path

from producten import catalogus

CATALOGUS = Path(__file__).resolve().parent.parent / "catalogus.json"


def als_export() -> dict:
    """The demo catalogue as the import reads it (a fresh copy on every call)."""
    return json.loads(CATALOGUS.read_text(encoding="utf-8"))


def laden(stdout) -> None:
    aantallen = catalogus.importeren(als_export())
    stdout.write(f"  {aantallen['producten']} producten, {aantallen['kennisitems']} kennisitems")
