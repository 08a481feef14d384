"""The customer's rating of a closed case or a finished contact (CSAT)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kcc.models import User
from klanten import services as klant_services
from klanten.models import ContactverzoekStatus, Klant, Klantcontact
from zaken.models import EIND_STATUSSEN


def contact_is_afgerond(contact: Klantcontact) -> bool:
    """A contact can be rated once it is over: ended by an agent with nothing
    left open, or its contactverzoek handled."""
    verzoeken = [v.status for v in contact.contactverzoeken.all()]
    if verzoeken:
        return all(s == ContactverzoekStatus.AFGEHANDELD for s in verzoeken)
    return contact.beeindigd_op is not None


@transaction.atomic
def beoordeling_geven(
    *,
    klant: Klant,
    user: User,
    score,
    opmerking: str = "",
    zaak=None,
    klantcontact: Klantcontact | None = None,
):
    """Record the customer's rating of a closed case or a finished contact;
    one rating per item."""
    from kanalen.models import Beoordeling

    if not klant_services.is_klant_zelf(user, klant):
        raise PermissionDenied
    item = zaak if zaak is not None else klantcontact
    if item is None or (zaak is not None and klantcontact is not None):
        raise ValueError("rate a case or a contact")
    if item.klant_id != klant.pk:
        raise PermissionDenied
    if zaak is not None and zaak.status not in EIND_STATUSSEN:
        raise ValidationError(_("U kunt een aanvraag beoordelen als die is afgehandeld."))
    if klantcontact is not None and not contact_is_afgerond(klantcontact):
        raise ValidationError(_("U kunt dit contact beoordelen als uw vraag is afgehandeld."))
    fouten = {}
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        fouten["score"] = [_("Kies een cijfer van 1 tot 5.")]
    if len(opmerking) > 2000:
        fouten["opmerking"] = [_("Gebruik hoogstens 2000 tekens.")]
    if fouten:
        raise ValidationError(fouten)
    try:
        with transaction.atomic():
            return Beoordeling.objects.create(
                klant=klant,
                zaak=zaak,
                klantcontact=klantcontact,
                kanaal=item.kanaal,
                score=score,
                opmerking=opmerking.strip(),
                medewerker_id=item.behandelaar_id if zaak is not None else item.medewerker_id,
                product_id=item.product_id,
            )
    except IntegrityError:
        raise ValidationError(_("U heeft dit al beoordeeld. Dank u wel!")) from None
