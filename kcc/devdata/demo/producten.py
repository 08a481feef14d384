"""Demo catalogue: the products and knowledge items of Gemeente Voorbeeldstad.

The content lives in ``demo_catalogus``; it is loaded through the same import
as a beheerder's JSON file, so the demo exercises the real validation.
"""

from __future__ import annotations

from producten import catalogus, demo_catalogus
from producten.models import Publicatiestatus

LEVENSGEBEURTENISSEN = [
    ("verhuizen", "Verhuizen", "Wat u regelt als u verhuist, naar of binnen de gemeente."),
    ("geboorte", "Een kind krijgen", "Aangifte, naam en wat verder geregeld moet worden."),
    ("trouwen", "Trouwen of partnerschap", "Trouwen, geregistreerd partnerschap en naamgebruik."),
    ("overlijden", "Overlijden", "Wat u regelt als iemand is overleden."),
    ("verbouwen", "(Ver)bouwen", "Vergunningen en regels voor bouwen en verbouwen."),
    ("ondernemen", "Ondernemen", "Een bedrijf starten of runnen in de gemeente."),
    ("zorg", "Zorg en ondersteuning", "Hulp thuis, hulpmiddelen en ondersteuning."),
]


# Products whose price depends on the situation (explained in their text);
# for every other product a channel without a price is free.
VARIABELE_PRIJS = {"omgevingsvergunning", "grofvuil-ophalen", "hondenbelasting", "afvalcontainer"}


def als_export() -> dict:
    producten = []
    for product in demo_catalogus.PRODUCTEN:
        kanalen = product["kanalen"]
        if product["code"] not in VARIABELE_PRIJS:
            kanalen = {
                kanaal: {**instelling, "kosten": instelling["kosten"] or "0.00"}
                if instelling["aanvragen"]
                else instelling
                for kanaal, instelling in kanalen.items()
            }
        producten.append({**product, "kanalen": kanalen, "status": Publicatiestatus.GEPUBLICEERD})
    kennisitems = [
        {**item, "status": Publicatiestatus.GEPUBLICEERD, "eigenaar": "kcc"}
        for item in demo_catalogus.KENNISITEMS
    ]
    return {
        "formaat": catalogus.FORMAAT_VERSIE,
        "themas": [list(t) for t in demo_catalogus.THEMAS],
        "levensgebeurtenissen": [list(lg) for lg in LEVENSGEBEURTENISSEN],
        "aanbieders": [list(a) for a in demo_catalogus.AANBIEDERS],
        "producten": producten,
        "kennisitems": kennisitems,
    }


def laden(stdout) -> None:
    aantallen = catalogus.importeren(als_export())
    stdout.write(f"  {aantallen['producten']} producten, {aantallen['kennisitems']} kennisitems")
