"""zaken listens to the building blocks below it."""

from zaken.models import Zaak


def klanten_samengevoegd(sender, behouden, opheffen, **kwargs):
    """A duplicate customer was merged: their cases move along (same transaction)."""
    Zaak.objects.filter(klant=opheffen).update(klant=behouden)
