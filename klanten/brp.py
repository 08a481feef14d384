"""Looking people up in the person register (BRP).

One small interface, ``persoon_opvragen(bsn)``, with two implementations
chosen by ``BRP_BACKEND``:

- ``lokaal`` (development, tests, demo): the persons in the JSON file
  ``BRP_LOKAAL_BESTAND`` (the demo residents), written as Haal Centraal
  answers and read by the same code; anyone else is unknown.
- ``haalcentraal``: the Haal Centraal BRP Personen API (``POST /personen``
  with ``RaadpleegMetBurgerservicenummer``), at ``BRP_API_URL`` with the key
  in ``BRP_API_KEY``; the gateway in front of it handles mTLS and OAuth.

A lookup that fails (register unreachable) raises ``BrpNietBereikbaar``; the
caller carries on with what the platform already knows.
"""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass
from datetime import date

from django.conf import settings

logger = logging.getLogger(__name__)

VELDEN = [
    "burgerservicenummer",
    "naam",
    "geboorte.datum",
    "verblijfplaats.verblijfadres",
    "geheimhoudingPersoonsgegevens",
]


class BrpNietBereikbaar(Exception):
    pass


@dataclass(frozen=True)
class BrpPersoon:
    bsn: str
    voornamen: str
    voorvoegsel: str
    geslachtsnaam: str
    geboortedatum: date | None
    straat: str
    huisnummer: str
    postcode: str
    woonplaats: str
    geheimhouding: bool


def persoon_opvragen(bsn: str) -> BrpPersoon | None:
    """The person with this BSN as the register knows them, or None."""
    if settings.BRP_BACKEND == "haalcentraal":
        return _haal_centraal(bsn)
    return _lokaal(bsn)


def lokale_personen() -> list[BrpPersoon]:
    """Everyone in the local register file, as the register would answer."""
    return list(_lokaal_register(str(settings.BRP_LOKAAL_BESTAND)).values())


@functools.cache
def _lokaal_register(pad: str) -> dict[str, BrpPersoon]:
    with open(pad, encoding="utf-8") as bestand:
        personen = json.load(bestand)["personen"]
    return {p["burgerservicenummer"]: _uit_haal_centraal(p) for p in personen}


def _lokaal(bsn: str) -> BrpPersoon | None:
    return _lokaal_register(str(settings.BRP_LOKAAL_BESTAND)).get(bsn)


def _haal_centraal(bsn: str) -> BrpPersoon | None:
    import requests

    try:
        response = requests.post(
            settings.BRP_API_URL.rstrip("/") + "/personen",
            json={
                "type": "RaadpleegMetBurgerservicenummer",
                "burgerservicenummer": [bsn],
                "fields": VELDEN,
            },
            headers={"X-Api-Key": settings.BRP_API_KEY, "Accept": "application/json"},
            timeout=settings.BRP_TIMEOUT_SECONDS,
        )
    except requests.RequestException as error:
        raise BrpNietBereikbaar(str(error)) from None
    if response.status_code >= 500 or response.status_code in (401, 403, 429):
        logger.warning("BRP answered %s", response.status_code)
        raise BrpNietBereikbaar(f"HTTP {response.status_code}")
    if response.status_code != 200:
        logger.warning("BRP refused the lookup: %s", response.status_code)
        return None
    personen = response.json().get("personen") or []
    return _uit_haal_centraal(personen[0]) if personen else None


def _uit_haal_centraal(persoon: dict) -> BrpPersoon:
    naam = persoon.get("naam") or {}
    geboorte = ((persoon.get("geboorte") or {}).get("datum") or {}).get("datum")
    adres = (persoon.get("verblijfplaats") or {}).get("verblijfadres") or {}
    huisnummer = "".join(
        str(adres.get(deel) or "") for deel in ("huisnummer", "huisletter", "huisnummertoevoeging")
    )
    return BrpPersoon(
        bsn=persoon.get("burgerservicenummer", ""),
        voornamen=naam.get("voornamen", ""),
        voorvoegsel=naam.get("voorvoegsel", ""),
        geslachtsnaam=naam.get("geslachtsnaam", ""),
        geboortedatum=date.fromisoformat(geboorte) if geboorte else None,
        straat=adres.get("officieleStraatnaam") or adres.get("korteStraatnaam") or "",
        huisnummer=huisnummer,
        postcode=(adres.get("postcode") or "").replace(" ", "").upper(),
        woonplaats=adres.get("woonplaats", ""),
        geheimhouding=bool(persoon.get("geheimhoudingPersoonsgegevens")),
    )
