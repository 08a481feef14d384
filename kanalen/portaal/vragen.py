"""A question, complaint or report sent through the portal."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kanalen.berichten import services as bericht_services
from kcc.choices import KanaalSoort
from kcc.formaat import datum_lang
from kcc.models import Afdeling, User
from klanten import services as klant_services
from klanten.models import Contactverzoek, Klant, Klantcontact

# Working days within which the KCC reacts to a question or report sent
# through the portal (the service norm).
REACTIETERMIJN_WERKDAGEN = {
    Klantcontact.Soort.VRAAG: settings.PORTAAL_VRAAG_TERMIJN_WERKDAGEN,
    Klantcontact.Soort.MELDING: settings.PORTAAL_VRAAG_TERMIJN_WERKDAGEN,
}
# A complaint is handled within six weeks of receipt (Awb 9:11 lid 1).
KLACHT_TERMIJN_WEKEN = 6


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
    if soort not in (*REACTIETERMIJN_WERKDAGEN, Klantcontact.Soort.KLACHT):
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
    klacht = soort == Klantcontact.Soort.KLACHT
    verzoek = klant_services.contactverzoek_maken(
        klant=klant,
        user=user,
        vraag=f"{Klantcontact.Soort(soort).label}: {tekst.strip()}",
        afdeling=afdeling,
        klantcontact=contact,
        termijn_werkdagen=None if klacht else REACTIETERMIJN_WERKDAGEN[soort],
        wettelijke_termijn_weken=KLACHT_TERMIJN_WEKEN if klacht else None,
    )
    if klacht:
        # Awb 9:6: the complaint is confirmed in writing, with its term.
        _schrijven(
            klant,
            _("Wij hebben uw klacht ontvangen"),
            _(
                "Beste %(naam)s,\n\nWij hebben uw klacht van %(datum)s ontvangen. "
                "Wij behandelen die zorgvuldig en laten u uiterlijk %(uiterlijk)s weten "
                "wat wij ermee doen. U volgt uw klacht in Mijn omgeving.\n\n"
                "Met vriendelijke groet,\n%(gemeente)s"
            ),
            verzoek,
        )
    return verzoek


def _schrijven(klant: Klant, onderwerp: str, tekst: str, verzoek: Contactverzoek) -> None:
    kanaal, ontvanger = bericht_services.kanaal_en_ontvanger(klant, sms=False)
    bericht_services.bericht_klaarzetten(
        klant=klant,
        kanaal=kanaal,
        ontvanger=ontvanger,
        onderwerp=onderwerp,
        tekst=tekst
        % {
            "naam": klant.naam,
            "datum": datum_lang(timezone.localdate(verzoek.aangemaakt_op)),
            "uiterlijk": datum_lang(verzoek.uiterlijk_op),
            "reden": verzoek.verlenging_reden,
            "gemeente": settings.GEMEENTE_NAAM,
        },
    )


@transaction.atomic
def klacht_verlengen(
    *, contactverzoek: Contactverzoek, user: User, weken: int, reden: str
) -> Contactverzoek:
    """Put off the term of a complaint once, by at most four weeks, and tell
    the customer in writing why and until when (Awb 9:11 lid 2)."""
    verzoek = klant_services.contactverzoek_verlengen(
        contactverzoek=contactverzoek, user=user, weken=weken, reden=reden
    )
    if verzoek.klant is not None:
        _schrijven(
            verzoek.klant,
            _("Wij hebben meer tijd nodig voor uw klacht"),
            _(
                "Beste %(naam)s,\n\nWij hebben meer tijd nodig om uw klacht van %(datum)s "
                "goed te behandelen: %(reden)s\n\nU hoort uiterlijk %(uiterlijk)s van ons.\n\n"
                "Met vriendelijke groet,\n%(gemeente)s"
            ),
            verzoek,
        )
    return verzoek
