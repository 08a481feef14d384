"""Reading the channel registry and the timeline that joins all channels."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kanalen.models import Bericht, Kanaal, Openingstijd
from kcc import kalender
from kcc.choices import choice_label, weergave
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
    kanaal: str  # shown as is: the channel's label
    door: str
    zaak_uuid: str | None = None
    zaak_nummer: str = ""
    # Contacts only:
    in_een_keer_goed: bool | None = None
    namens: str = ""
    antwoord: str = ""


# Lines on the first page of a klantbeeld's timeline; "Oudere contacten" pages back.
TIJDLIJN_AANTAL = 25

# One statement for the whole timeline. Each source takes its newest rows
# from its own (customer, time) index inside a subquery, so the joins for
# names and case numbers touch only those rows, however long the history;
# the union is then cut to the newest. Columns: soort, tijdstip, id, titel,
# sub (richting / status), tekst, kanaal, door (3), afdeling, zaak (2),
# in_een_keer_goed, namens, antwoord.
_TIJDLIJN_SQL = """
SELECT * FROM (
  SELECT 'contact' AS soort, c.gestart_op AS tijdstip, c.id, c.onderwerp, c.richting, c.vraag,
         c.kanaal, u.first_name, u.last_name, u.username, NULL AS afdeling, z.uuid, z.nummer,
         c.in_een_keer_goed, c.namens, c.antwoord
  FROM (SELECT * FROM klanten_klantcontact WHERE klant_id = %(klant)s {voor_contact}
        ORDER BY gestart_op DESC, id DESC LIMIT %(aantal)s) c
  LEFT JOIN kcc_user u ON u.id = c.medewerker_id
  LEFT JOIN zaken_zaak z ON z.id = c.zaak_id
  UNION ALL
  SELECT 'zaak', w.tijdstip, w.id, p.naam, w.naar, w.reden, w.statusstap,
         u.first_name, u.last_name, u.username, NULL, z.uuid, z.nummer, NULL, '', ''
  FROM (SELECT sw.* FROM zaken_statuswijziging sw JOIN zaken_zaak zz ON zz.id = sw.zaak_id
        WHERE zz.klant_id = %(klant)s {voor_status}
        ORDER BY sw.tijdstip DESC, sw.id DESC LIMIT %(aantal)s) w
  JOIN zaken_zaak z ON z.id = w.zaak_id
  JOIN producten_product p ON p.id = z.product_id
  LEFT JOIN kcc_user u ON u.id = w.door_id
  UNION ALL
  SELECT 'bericht', b.aangemaakt, b.id, b.onderwerp, '', b.status, b.kanaal,
         NULL, NULL, NULL, NULL, z.uuid, z.nummer, NULL, '', ''
  FROM (SELECT * FROM kanalen_bericht WHERE klant_id = %(klant)s {voor_bericht}
        ORDER BY aangemaakt DESC, id DESC LIMIT %(aantal)s) b
  LEFT JOIN zaken_zaak z ON z.id = b.zaak_id
  UNION ALL
  SELECT 'contactverzoek', v.aangemaakt_op, v.id, v.vraag, '', v.uitkomst, '',
         u.first_name, u.last_name, u.username, a.naam, NULL, NULL, NULL, '', ''
  FROM (SELECT * FROM klanten_contactverzoek WHERE klant_id = %(klant)s {voor_verzoek}
        ORDER BY aangemaakt_op DESC, id DESC LIMIT %(aantal)s) v
  LEFT JOIN kcc_user u ON u.id = v.medewerker_id
  LEFT JOIN kcc_afdeling a ON a.id = v.afdeling_id
) AS tijdlijn
ORDER BY tijdstip DESC, id DESC
LIMIT %(aantal)s
"""


def _als_tijdstip(waarde) -> datetime:
    if isinstance(waarde, str):  # SQLite returns text
        waarde = datetime.fromisoformat(waarde)
    if timezone.is_naive(waarde):
        waarde = timezone.make_aware(waarde, UTC)
    return waarde


def tijdlijn(
    *, klant, voor: datetime | None = None, aantal: int = TIJDLIJN_AANTAL
) -> list[Gebeurtenis]:
    """Every contact on every channel and the back-office events around them
    (case status changes, messages sent, contactverzoeken), newest first.

    One query; each source read newest first from its own (klant, time)
    index, at most ``aantal`` rows: the cost does not grow with the length of
    the customer's history. ``voor`` pages back.
    """
    voorwaarden = {
        "voor_contact": "AND gestart_op < %(voor)s",
        "voor_status": "AND sw.tijdstip < %(voor)s",
        "voor_bericht": "AND aangemaakt < %(voor)s",
        "voor_verzoek": "AND aangemaakt_op < %(voor)s",
    }
    sql = _TIJDLIJN_SQL.format(**{k: v if voor else "" for k, v in voorwaarden.items()})
    with connection.cursor() as cursor:
        cursor.execute(sql, {"klant": klant.pk, "aantal": aantal, "voor": voor})
        rijen = cursor.fetchall()

    def label(model, veld, waarde):
        return choice_label(model, veld, waarde) if waarde else ""

    gebeurtenissen = []
    for (
        soort,
        tijdstip,
        _id,
        titel,
        sub,
        tekst,
        kanaal,
        voornaam,
        achternaam,
        gebruikersnaam,
        afdeling,
        zaak_uuid,
        zaak_nummer,
        goed,
        namens,
        antwoord,
    ) in rijen:
        door = f"{voornaam or ''} {achternaam or ''}".strip() or (gebruikersnaam or "")
        if soort == "contact":
            titel = titel or label(Klantcontact, "richting", sub)
            kanaal = label(Klantcontact, "kanaal", kanaal)
        elif soort == "zaak":
            titel = f"{titel}: {kanaal or label(StatusWijziging, 'naar', sub)}"
            kanaal = ""
        elif soort == "bericht":
            tekst = label(Bericht, "status", tekst)
            kanaal = label(Bericht, "kanaal", kanaal)
        else:
            titel = titel[:120]
            door = door or (afdeling or "")
        gebeurtenissen.append(
            Gebeurtenis(
                tijdstip=_als_tijdstip(tijdstip),
                soort=soort,
                titel=titel,
                tekst=tekst or "",
                kanaal=kanaal,
                door=door,
                zaak_uuid=str(uuid.UUID(str(zaak_uuid))) if zaak_uuid else None,
                zaak_nummer=zaak_nummer or "",
                in_een_keer_goed=None if goed is None else bool(goed),
                namens=namens or "",
                antwoord=antwoord or "",
            )
        )
    return gebeurtenissen


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
            "soort": weergave(klant, "soort"),
            "bsn": klant.bsn or "",
            "kvk_nummer": klant.kvk_nummer,
            "vestigingsnummer": klant.vestigingsnummer,
            "naam": klant.naam,
            "geboortedatum": _tijd(klant.geboortedatum),
            "adres": klant.adres,
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
                "status": weergave(v, "status"),
                "uiterlijk_op": _tijd(v.uiterlijk_op),
                "uitkomst": v.uitkomst,
            }
            for v in klant.contactverzoeken.order_by("aangemaakt_op")
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


# --- The portal ---------------------------------------------------------------------


def eigen_berichten(*, klant: Klant, aantal: int = 200) -> list[Bericht]:
    """Every message about the customer's cases, also those only in Mijn omgeving."""
    return list(klant.berichten.select_related("zaak").order_by("-aangemaakt", "-id")[:aantal])


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
