"""A question, complaint or report sent through the portal."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kcc.choices import KanaalSoort
from kcc.models import Afdeling, User
from klanten import services as klant_services
from klanten.models import Contactverzoek, Klant, Klantcontact

# Working days within which the KCC reacts to what a customer sends through
# the portal. A complaint: six weeks (Awb 9:11), thirty working days.
REACTIETERMIJN_WERKDAGEN = {
    Klantcontact.Soort.VRAAG: settings.PORTAAL_VRAAG_TERMIJN_WERKDAGEN,
    Klantcontact.Soort.MELDING: settings.PORTAAL_VRAAG_TERMIJN_WERKDAGEN,
    Klantcontact.Soort.KLACHT: 30,
}


@transaction.atomic
def vraag_of_klacht_indienen(
    *, klant: Klant, user: User, soort: str, tekst: str, onderwerp: str = "", zaak=None
) -> Contactverzoek:
    """A question, complaint or report from the portal: a contact on the
    customer's timeline and a contactverzoek to the KCC with the reaction
    deadline, which the customer follows in Mijn contacten."""
    if not klant_services.is_klant_zelf(user, klant):
        raise PermissionDenied
    fouten = {}
    if soort not in REACTIETERMIJN_WERKDAGEN:
        fouten["soort"] = [_("Kies of het een vraag, klacht of melding is.")]
    if not tekst.strip():
        fouten["tekst"] = [_("Schrijf uw vraag, klacht of melding op.")]
    elif len(tekst) > 4000:
        fouten["tekst"] = [_("Gebruik hoogstens 4000 tekens.")]
    if zaak is not None and zaak.klant_id != klant.pk:
        raise PermissionDenied
    if fouten:
        raise ValidationError(fouten)
    afdeling = Afdeling.objects.filter(code=settings.PORTAAL_AFDELING).first()
    if afdeling is None:
        raise ImproperlyConfigured(f"PORTAAL_AFDELING {settings.PORTAAL_AFDELING!r} bestaat niet")
    contact = klant_services.klantcontact_registreren(
        klant=klant,
        user=user,
        kanaal=KanaalSoort.INTERNET,
        soort=soort,
        onderwerp=onderwerp.strip()[:200] or Klantcontact.Soort(soort).label,
        vraag=tekst,
        zaak=zaak,
        overgedragen_aan=afdeling,
    )
    return klant_services.contactverzoek_maken(
        klant=klant,
        user=user,
        vraag=f"{Klantcontact.Soort(soort).label}: {tekst.strip()}",
        afdeling=afdeling,
        klantcontact=contact,
        termijn_werkdagen=REACTIETERMIJN_WERKDAGEN[soort],
    )
