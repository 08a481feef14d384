"""Reading the channel registry and the timeline that joins all channels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from kanalen.models import Bericht, Kanaal, Openingstijd
from kcc import kalender
from kcc.models import AuditLogEntry
from klanten.models import Klant, Klantcontact
from zaken.models import StatusWijziging, Zaak


def kanalen_publiek() -> list[Kanaal]:
    """Active channels with their opening hours, and whether each is open now."""
    kanalen = list(
        Kanaal.objects.filter(actief=True).prefetch_related(
            Prefetch("openingstijden", queryset=Openingstijd.objects.order_by("weekdag", "open"))
        )
    )
    nu = timezone.now()
    for kanaal in kanalen:
        tijden = kanaal.openingstijden_tuples()
        kanaal.nu_open = kalender.is_open(tijden, nu) if tijden else None
    return kanalen


def kanalen_alle() -> QuerySet[Kanaal]:
    return Kanaal.objects.prefetch_related("openingstijden")


# --- The customer's timeline -------------------------------------------------


@dataclass(frozen=True)
class Gebeurtenis:
    """One line of a customer's timeline, whatever building block it comes from."""

    tijdstip: datetime
    soort: str  # contact, zaak, bericht, contactverzoek
    titel: str
    tekst: str
    kanaal: str
    door: str
    zaak: object | None = None
    obj: object | None = None


def tijdlijn(*, klant, voor: datetime | None = None, aantal: int = 40) -> list[Gebeurtenis]:
    """Every contact on every channel and the back-office events around them
    (case status changes, messages sent, contactverzoeken), newest first.

    Each source is read newest first from its own (klant, time) index, at
    most ``aantal`` rows, and the four are merged: the cost does not grow
    with the length of the customer's history. ``voor`` pages back.
    """

    def tot(qs, veld):
        return qs.filter(**{f"{veld}__lt": voor}) if voor else qs

    gebeurtenissen: list[Gebeurtenis] = []
    for c in tot(
        Klantcontact.objects.filter(klant=klant).select_related(
            "medewerker", "product", "zaak", "overgedragen_aan"
        ),
        "gestart_op",
    ).order_by("-gestart_op", "-id")[:aantal]:
        gebeurtenissen.append(
            Gebeurtenis(
                tijdstip=c.gestart_op,
                soort="contact",
                titel=c.onderwerp or c.get_richting_display(),
                tekst=c.vraag,
                kanaal=c.get_kanaal_display(),
                door=str(c.medewerker or ""),
                zaak=c.zaak,
                obj=c,
            )
        )
    for w in tot(
        StatusWijziging.objects.filter(zaak__klant=klant).select_related("zaak__product", "door"),
        "tijdstip",
    ).order_by("-tijdstip", "-id")[:aantal]:
        gebeurtenissen.append(
            Gebeurtenis(
                tijdstip=w.tijdstip,
                soort="zaak",
                titel=f"{w.zaak.product.naam}: {w.statusstap or w.get_naar_display()}",
                tekst=w.reden,
                kanaal="",
                door=str(w.door or ""),
                zaak=w.zaak,
                obj=w,
            )
        )
    for b in tot(Bericht.objects.filter(klant=klant).select_related("zaak"), "aangemaakt").order_by(
        "-aangemaakt", "-id"
    )[:aantal]:
        gebeurtenissen.append(
            Gebeurtenis(
                tijdstip=b.aangemaakt,
                soort="bericht",
                titel=b.onderwerp,
                tekst=b.get_status_display(),
                kanaal=b.get_kanaal_display(),
                door="",
                zaak=b.zaak,
                obj=b,
            )
        )
    for v in tot(
        klant.contactverzoeken.select_related("afdeling", "medewerker"), "aangemaakt_op"
    ).order_by("-aangemaakt_op", "-id")[:aantal]:
        gebeurtenissen.append(
            Gebeurtenis(
                tijdstip=v.aangemaakt_op,
                soort="contactverzoek",
                titel=v.vraag[:120],
                tekst=v.uitkomst,
                kanaal="",
                door=str(v.medewerker or v.afdeling or ""),
                obj=v,
            )
        )
    gebeurtenissen.sort(key=lambda g: g.tijdstip, reverse=True)
    return gebeurtenissen[:aantal]


# --- Everything we hold about a person (AVG art. 15) ------------------------


def _tijd(waarde) -> str | None:
    return waarde.isoformat() if waarde else None


def persoonsdossier(*, klant: Klant) -> dict:
    """All the platform holds about a customer, in plain terms: their data,
    consents, every contact, contactverzoek, case (with its history, answers
    and documents) and message, and who (by role) looked at their data."""
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
            "soort": klant.get_soort_display(),
            "bsn": klant.bsn or "",
            "kvk_nummer": klant.kvk_nummer,
            "vestigingsnummer": klant.vestigingsnummer,
            "naam": klant.naam,
            "geboortedatum": _tijd(klant.geboortedatum),
            "adres": klant.adres,
            "email": klant.email,
            "telefoon": klant.telefoon,
            "berichten_via": klant.get_berichtvoorkeur_display(),
            "taal": klant.get_taal_display(),
            "geheimhouding": klant.geheimhouding,
            "geregistreerd_sinds": _tijd(klant.aangemaakt),
        },
        "toestemmingen": [
            {
                "toestemming": t.get_soort_display(),
                "gegeven_op": _tijd(t.gegeven_op),
                "via": t.get_via_display(),
                "ingetrokken_op": _tijd(t.ingetrokken_op),
            }
            for t in klant.toestemmingen.all()
        ],
        "contacten": [
            {
                "datum": _tijd(c.gestart_op),
                "kanaal": c.get_kanaal_display(),
                "richting": c.get_richting_display(),
                "onderwerp": c.onderwerp,
                "vraag": c.vraag,
                "antwoord": c.antwoord,
                "namens": c.namens,
                "in_een_keer_goed": c.in_een_keer_goed,
            }
            for c in klant.contacten.order_by("gestart_op")
        ],
        "contactverzoeken": [
            {
                "datum": _tijd(v.aangemaakt_op),
                "vraag": v.vraag,
                "status": v.get_status_display(),
                "uiterlijk_op": _tijd(v.uiterlijk_op),
                "uitkomst": v.uitkomst,
            }
            for v in klant.contactverzoeken.order_by("aangemaakt_op")
        ],
        "zaken": [
            {
                "nummer": z.nummer,
                "product": z.product.naam,
                "status": z.get_status_display(),
                "aangevraagd_op": _tijd(z.geregistreerd_op),
                "via": z.get_kanaal_display(),
                "antwoorden": dict(z.antwoorden_leesbaar()),
                "documenten": [
                    {"document": d.naam, "bestand": d.bestandsnaam, "datum": _tijd(d.toegevoegd_op)}
                    for d in z.documenten.all()
                ],
                "verloop": [
                    {
                        "datum": _tijd(w.tijdstip),
                        "status": w.get_naar_display(),
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
                "via": b.get_kanaal_display(),
                "aan": b.ontvanger,
                "onderwerp": b.onderwerp,
                "tekst": b.tekst,
                "status": b.get_status_display(),
            }
            for b in klant.berichten.order_by("aangemaakt")
        ],
        "inzage": [
            {
                "datum": _tijd(r.tijdstip),
                "rol": r.rollen,
                "handeling": r.get_actie_display(),
                "wat": r.omschrijving,
                "waarom": r.reden,
            }
            for r in inzage
        ],
    }
