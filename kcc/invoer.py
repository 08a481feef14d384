"""How long a text staff type may be, in one place.

A model field's ``max_length`` is the limit: CharFields have always had one;
the TextFields staff write have one too. ``lengte_bewaken`` (pre_save, every
model of the platform) refuses a longer text with a ValidationError on that
field before the database sees it, so a form, a view that reads the POST
itself, a service and the API all end in the same clear message instead of
a 2 MB note or a database error. Forms take the same ``max_length``.

Fields that hold what a customer sent (a chat transcript, an e-mail, a
letter's text) have no limit here: what a customer sent is kept whole.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

# Free-text fields without a limit, and why: each holds what a customer sent
# (or a system made from it). tests/test_invoerlimieten.py fails on any other
# TextField of the platform without a max_length.
ZONDER_LIMIET = {
    "klanten.Klantcontact.vraag": "a chat transcript, an e-mail or a letter as received",
    "klanten.Klantcontact.antwoord": "the answer sent back, whole, as it was sent",
    "klanten.Contactverzoek.vraag": "the customer's question, taken from their contact",
    "kanalen.Bericht.tekst": "a message as sent (a reply is checked before: BERICHT)",
    "kanalen.Inboxitem.tekst": "an e-mail, SMS or letter as received",
    "kanalen.Chatbericht.tekst": "a chat message (the chat itself refuses more than 2,000)",
    "kanalen.Beoordeling.opmerking": "a customer's remark with a rating",
    "zaken.Zaak.overdracht": "the hand-over remarks in a row, each limited where typed",
    "producten.Product.zoektekst": "made by the platform from the product's texts",
    "producten.KennisItem.zoektekst": "made by the platform from the item's texts",
}

KORT = 500  # a reason, a hand-over remark
NOTITIE = 4000  # a note, a question and answer, a case's hand-over, an outcome
BERICHT = 10000  # a reply by e-mail or letter
CATALOGUSTEKST = 20000  # a product's or knowledge item's text


def te_lang(waarde: str, maximum: int) -> str:
    return _(
        "Deze tekst is %(lengte)s tekens; er passen er %(max)s. Maak hem korter, "
        "bijvoorbeeld door een deel in een notitie of document te zetten."
    ) % {"lengte": len(waarde), "max": maximum}


def tekst_eisen(veld: str, waarde: str | None, maximum: int) -> None:
    """For a text that is not a model field with a max_length of its own."""
    if waarde and len(waarde) > maximum:
        raise ValidationError({veld: te_lang(waarde, maximum)})


def lengte_bewaken(sender, instance, raw=False, **kwargs):
    """pre_save: no text longer than its field's max_length is written."""
    if raw:
        return
    fouten = {}
    for veld in sender._meta.concrete_fields:
        if not isinstance(veld, models.CharField | models.TextField) or not veld.max_length:
            continue
        waarde = getattr(instance, veld.attname, None)
        if isinstance(waarde, str) and len(waarde) > veld.max_length:
            fouten[veld.name] = te_lang(waarde, veld.max_length)
    if fouten:
        raise ValidationError(fouten)
