"""The official OpenAPI files of the standard APIs (see README.md here)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import yaml

MAP = Path(__file__).resolve().parent
BESTANDEN = {
    "zaken": "zaken-api-1.5.1.yaml",
    "catalogi": "catalogi-api-1.3.1.yaml",
    "documenten": "documenten-api-1.4.2.yaml",
    "klantinteracties": "klantinteracties-api-0.9.0.openklant-2.18.0.yaml",
    "notificaties": "notificaties-api-1.0.0.yaml",
}


@cache
def _spec(component: str) -> dict:
    return yaml.safe_load((MAP / BESTANDEN[component]).read_text())


@cache
def geleverd(
    component: str, operaties: tuple[tuple[str, tuple[str, ...]], ...], server: str
) -> bytes:
    """The official file of ``component`` narrowed to the operations the
    platform implements (path, methods), on this platform's address, as JSON."""
    spec = dict(_spec(component))
    paden = {}
    for pad, methoden in operaties:
        officieel = spec["paths"].get(pad, {})
        paden[pad] = {
            naam: waarde
            for naam, waarde in officieel.items()
            if naam in methoden or naam == "parameters"
        }
    spec["paths"] = paden
    spec["servers"] = [{"url": server}]
    return json.dumps(spec, ensure_ascii=False).encode()
