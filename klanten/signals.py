"""What klanten announces to the apps above it (docs/conventions.md: the house).

``klanten_samengevoegd`` is sent inside the transaction of a merge, before
the duplicate is marked: receivers move the rows of their own app that point
at ``opheffen`` over to ``behouden``, in the same transaction.
"""

from django.dispatch import Signal

# sender=Klant, behouden=Klant, opheffen=Klant, user=User
klanten_samengevoegd = Signal()
