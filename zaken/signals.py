"""What zaken announces to the apps above it (docs/conventions.md: the house).

``zaak_gewijzigd`` is sent inside the transaction of the change, after the
history row is written: a receiver that writes an outbox row (kanalen) does
so in the same transaction, so a rolled-back change sends nothing. Receivers
must not do slow work or talk to the outside world here.
"""

from django.dispatch import Signal

# sender=Zaak, zaak=Zaak, wijziging=StatusWijziging
zaak_gewijzigd = Signal()
