"""The demo municipality, Gemeente Voorbeeldstad, one module per building
block, loaded in the order of the house (each builds on the ones before)."""

from __future__ import annotations

from kcc.devdata.demo import dashboard, kanalen, kcc, klanten, producten, zaken

# (title, loader): what ``manage.py demo_data`` runs, in this order.
BOUWSTENEN = [
    ("Kern", kcc.laden),
    ("Producten", producten.laden),
    ("Klanten", klanten.laden),
    ("Zaken", zaken.laden),
    ("Kanalen", kanalen.laden),
    ("Dashboard", dashboard.laden),
]


def laden(stdout) -> None:
    """Every building block's demo data. Safe to run again: records are
    updated in place. The caller holds the transaction."""
    for titel, laden_ in BOUWSTENEN:
        stdout.write(f"{titel}:")
        laden_(stdout)
