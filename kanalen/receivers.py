"""kanalen listens to the building blocks below it."""

from kanalen import services


def zaak_gewijzigd(sender, zaak, wijziging, **kwargs):
    """A case changed: tell the customer when the change says so (same transaction)."""
    if wijziging.klant_informeren:
        services.bericht_voor_zaakwijziging(zaak=zaak, wijziging=wijziging)
