"""The AVG dossier: everything the platform keeps about a person (the
customer's download in the portal, the staff's inzage page), and who looked
at their data.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kcc.choices import weergave
from kcc.models import AuditLogEntry
from klanten.models import (
    Klant,
)
from zaken.models import Zaak


def _tijd(waarde):
    """A moment in the municipality's time (a date as it is): the page
    formats it the Dutch way, the JSON file writes it as ISO 8601 with the
    offset (never a bare UTC time a reader takes for local)."""
    if isinstance(waarde, datetime):
        return timezone.localtime(waarde)
    return waarde or None


# What the page calls each of the customer's data (the file keeps the keys).
GEGEVENS_LABELS = {
    "soort": gettext_lazy("Soort klant"),
    "bsn": gettext_lazy("BSN"),
    "kvk_nummer": gettext_lazy("KvK-nummer"),
    "vestigingsnummer": gettext_lazy("Vestigingsnummer"),
    "naam": gettext_lazy("Naam"),
    "geboortedatum": gettext_lazy("Geboortedatum"),
    "adres": gettext_lazy("Adres"),
    "email": gettext_lazy("E-mailadres"),
    "telefoon": gettext_lazy("Telefoonnummer"),
    "berichten_via": gettext_lazy("Berichten via"),
    "taal": gettext_lazy("Taal"),
    "geheimhouding": gettext_lazy("Geheimhouding"),
    "geregistreerd_sinds": gettext_lazy("Bij ons bekend sinds"),
}


def gegevens_leesbaar(dossier: dict) -> list[tuple[str, object]]:
    """The dossier's data with the names a person reads ('KvK-nummer', not
    'kvk_nummer'), in the dossier's order."""
    return [
        (GEGEVENS_LABELS.get(sleutel, sleutel.replace("_", " ").capitalize()), waarde)
        for sleutel, waarde in dossier["gegevens"].items()
    ]


def _json_waarde(waarde):
    if isinstance(waarde, date):  # a datetime is a date too
        return waarde.isoformat()
    raise TypeError(type(waarde).__name__)


def dossier_json(dossier: dict) -> str:
    """The dossier as a file for machines and other organisations (AVG art.
    20): keys as they are, dates and moments in ISO 8601 with the offset."""
    return json.dumps(dossier, ensure_ascii=False, indent=2, default=_json_waarde)


def persoonsdossier(*, klant: Klant, voor_medewerker: bool) -> dict:
    """All the platform holds about a customer, in plain terms: their data,
    consents, every contact, contactverzoek, case (with its history, answers
    and documents) and message, and who (by role) looked at their data.
    Compiled by staff (``voor_medewerker``) the address follows geheimhouding
    (``Klant.adres_voor_medewerkers``); the customer's own download has it."""
    zaken = (
        Zaak.objects.filter(klant=klant)
        .select_related("product")
        .prefetch_related("historie", "documenten")
        .order_by("geregistreerd_op")
    )
    inzage = (
        AuditLogEntry.objects.filter(betrokkene=klant.identificatie) if klant.identificatie else []
    )
    return {
        "gegevens": {
            "soort": weergave(klant, "soort"),
            "bsn": klant.bsn or "",
            "kvk_nummer": klant.kvk_nummer,
            "vestigingsnummer": klant.vestigingsnummer,
            "naam": klant.naam,
            "geboortedatum": _tijd(klant.geboortedatum),
            "adres": klant.adres_voor_medewerkers if voor_medewerker else klant.adres,
            "email": klant.email,
            "telefoon": klant.telefoon,
            "berichten_via": weergave(klant, "berichtvoorkeur"),
            "taal": weergave(klant, "taal"),
            "geheimhouding": klant.geheimhouding,
            "geregistreerd_sinds": _tijd(klant.aangemaakt),
        },
        "toestemmingen": [
            {
                "toestemming": weergave(t, "soort"),
                "gegeven_op": _tijd(t.gegeven_op),
                "via": weergave(t, "via"),
                "ingetrokken_op": _tijd(t.ingetrokken_op),
            }
            for t in klant.toestemmingen.all()
        ],
        "contacten": [
            {
                "datum": _tijd(c.gestart_op),
                "kanaal": weergave(c, "kanaal"),
                "richting": weergave(c, "richting"),
                "onderwerp": c.onderwerp,
                # An agent's note of the question is written for colleagues;
                # what the customer wrote themselves (the portal) is theirs.
                "vraag": c.vraag if voor_medewerker or c.medewerker_id is None else "",
                "antwoord": c.antwoord,
                "namens": c.namens,
                "in_een_keer_goed": c.in_een_keer_goed,
            }
            for c in klant.contacten.order_by("gestart_op")
        ],
        "contactverzoeken": [
            {
                "datum": _tijd(v.aangemaakt_op),
                # Staff read the hand-over; the customer what it is about.
                "vraag": v.vraag if voor_medewerker else v.tekst_voor_klant,
                "status": weergave(v, "status"),
                "uiterlijk_op": _tijd(v.uiterlijk_op),
                "uitkomst": v.uitkomst,
            }
            for v in klant.contactverzoeken.select_related("klantcontact__product").order_by(
                "aangemaakt_op"
            )
        ],
        "zaken": [
            {
                "nummer": z.nummer,
                "product": z.product.naam,
                "status": weergave(z, "status"),
                "aangevraagd_op": _tijd(z.geregistreerd_op),
                "via": weergave(z, "kanaal"),
                "antwoorden": dict(z.antwoorden_leesbaar()),
                "documenten": [
                    {"document": d.naam, "bestand": d.bestandsnaam, "datum": _tijd(d.toegevoegd_op)}
                    for d in z.documenten.all()
                ],
                "verloop": [
                    {
                        "datum": _tijd(w.tijdstip),
                        "status": weergave(w, "naar"),
                        "tekst": w.burgertekst,
                    }
                    for w in z.historie.all()
                ],
                "resultaat": z.resultaat,
            }
            for z in zaken
        ],
        "berichten": [
            {
                "datum": _tijd(b.aangemaakt),
                "via": weergave(b, "kanaal"),
                "aan": b.ontvanger,
                "onderwerp": b.onderwerp,
                "tekst": b.tekst,
                "status": weergave(b, "status"),
            }
            for b in klant.berichten.order_by("aangemaakt")
        ],
        "aanvragen_in_concept": [
            {
                "product": a.product.naam,
                "begonnen_op": _tijd(a.aangemaakt_op),
                "antwoorden": a.antwoorden,
                "documenten": [d.bestandsnaam for d in a.documenten.all()],
            }
            for a in klant.aanvragen.filter(zaak__isnull=True).select_related("product")
        ],
        "beoordelingen": [
            {"datum": _tijd(b.gegeven_op), "cijfer": b.score, "toelichting": b.opmerking}
            for b in klant.beoordelingen.order_by("gegeven_op")
        ],
        "inzage": [
            {
                "datum": _tijd(r.tijdstip),
                "rol": r.rollen,
                "handeling": weergave(r, "actie"),
                "wat": r.omschrijving,
                "waarom": r.reden,
            }
            for r in inzage
        ],
    }


def inzage_door_medewerkers(*, klant: Klant, aantal: int = 100) -> list[AuditLogEntry]:
    """Who (by role, not by name) looked at or changed the customer's data,
    newest first; what the customer did themselves is left out."""
    from kcc.roles import Rol

    if not klant.identificatie:
        return []
    regels = list(
        AuditLogEntry.objects.filter(betrokkene=klant.identificatie)
        .exclude(gebruiker__bsn=klant.bsn or "-")
        .exclude(gebruiker__kvk_nummer=klant.kvk_nummer or "-")
        .only("tijdstip", "rollen", "actie", "omschrijving", "reden")
        .order_by("-tijdstip", "-id")[:aantal]
    )
    for regel in regels:
        regel.rol_weergave = ", ".join(
            str(Rol(code).label) if code in Rol.values else _("het systeem (automatisch)")
            for code in regel.rollen.split(", ")
        )
    return regels
