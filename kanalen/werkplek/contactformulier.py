"""The contact form of the workspace: what the klantbeeld and the anonymous
contact page both need to show it, fill it from a call, and register it.
"""

from __future__ import annotations

import uuid

from django.utils import timezone
from django.utils.safestring import mark_safe

from kanalen.models import Gesprek
from kanalen.telefonie import services as telefonie_services
from kanalen.werkplek.forms import KlantcontactForm
from kcc.choices import KanaalSoort
from klanten import services as klant_services


def blanco_contactvelden(formulier, kanaal: str) -> str | None:
    """The visible fields of a fresh contact form, rendered once per channel
    and kept for the same 30 seconds as its choice lists: every klantbeeld
    shows this same form, and rendering it was a large part of the page.
    (The hidden fields, with the time the agent opened the page, are
    rendered per request.)"""
    from django.core.cache import cache
    from django.utils.translation import get_language

    from kcc.templatetags.kcc_tags import veld

    if kanaal not in KanaalSoort.values:
        return None
    sleutel = f"contactformulier:{kanaal}:{get_language()}"
    html = cache.get(sleutel)
    if html is None:
        html = "".join(veld(field) + "\n" for field in formulier.visible_fields())
        cache.set(sleutel, html, 30)
    return mark_safe(html)  # noqa: S308 - rendered by the veld tag, which escapes


def gesprek_van_medewerker(request, waarde) -> Gesprek | None:
    """The phone call a contact wraps up: only one this agent answered."""
    if not waarde or not is_uuid(str(waarde)):
        return None
    return (
        Gesprek.objects.filter(uuid=waarde, medewerker=request.user).select_related("klant").first()
    )


def contact_met_gesprek(
    gesprek,
    tijd_van_gesprek: klant_services.Contacttijd | None,
    *,
    doorzetten: dict | None = None,
    **velden,
):
    """Register the contact; for a call, with the call's start and end and
    the after-call work time, and the call linked to it. With ``doorzetten``
    (an afdeling or a colleague) the question goes on as a contactverzoek.
    The caller holds the transaction: all of it is stored, or none."""
    if tijd_van_gesprek is not None:
        velden["tijd"] = tijd_van_gesprek
    contact = klant_services.klantcontact_registreren(**velden)
    if doorzetten is not None:
        klant_services.klantcontact_doorzetten(contact=contact, user=velden["user"], **doorzetten)
    if gesprek is not None and tijd_van_gesprek is not None:
        telefonie_services.gesprek_afronden(gesprek=gesprek, contact=contact)
    return contact


def is_uuid(waarde: str) -> bool:
    try:
        uuid.UUID(waarde)
    except ValueError:
        return False
    return True


def anoniem_formulier(data=None, gesprek=None) -> KlantcontactForm:
    initial = {"gestart_op": timezone.now(), "kanaal": KanaalSoort.TELEFOON}
    if gesprek is not None:  # a caller whose number we do not know
        initial.update(
            gesprek=gesprek.uuid, gestart_op=gesprek.beantwoord_op or gesprek.aangeboden_op
        )
    formulier = KlantcontactForm(data, initial=initial)
    for veld in ("vervolg", "afdeling", "medewerker", "namens", "kennisitem", "kennis_geholpen"):
        del formulier.fields[veld]
    return formulier
