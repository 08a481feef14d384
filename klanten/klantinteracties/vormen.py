"""How the platform's customers, contacts and contactverzoeken look in the
Klantinteracties API: the UUIDs of the derived resources, and a body per
resource from the rows the views read."""

from __future__ import annotations

import re
import uuid as uuidlib

from django.utils.translation import gettext as _

from kcc.choices import KanaalSoort, Vertrouwelijkheid
from kcc.koppelingen.zgw import api_url
from klanten.models import ContactverzoekStatus, Klant, Klantcontact

COMPONENT = "klantinteracties"

# A contact is as confidential as its case, else its product; a contact
# about nothing in particular is still personal data.
STANDAARD_NIVEAU = Vertrouwelijkheid.ZAAKVERTROUWELIJK
VERTROUWELIJK_VANAF = Vertrouwelijkheid.values.index(Vertrouwelijkheid.VERTROUWELIJK)

BETROKKENE = 0x6A1F_3C9E_52B7_0D84_E91A_7C35_B806_4F2D
ONDERWERPOBJECT = 0x1D6B_84F2_C937_5A0E_3F81_D26C_A94B_705E
# The onderwerpobject of a call back: it was about the contact the answered
# contactverzoek came from (from the call back's own uuid).
TERUGBELOBJECT = 0x5C27_E09A_14F3_B86D_A0E5_3D71_C94B_28F6
EMAIL = 0x7E30_A5C1_9F42_68DB_0C57_E1B9_34A6_D82F
TELEFOON = 0x29C4_F806_B15D_3E7A_A68F_4C02_D7E9_1B53
TERUGBEL_EMAIL = 0x53E8_1D7A_C64F_902B_B71C_E3A5_68D0_4F96
TERUGBEL_TELEFOON = 0x8B05_E7C2_3A91_F64D_2ED8_0B73_C15A_96E4
BSN = 0x4C91_D3A7_0E5B_F826_97A3_1E6C_D048_B5F2
KVK = 0xA3D6_58E1_7C0F_B249_E50B_96D4_2A7F_1C83
VESTIGING = 0xF15A_2B8D_94E6_07C3_68F2_D1A9_5B3E_C470

# How the platform's identifiers are written (the enums of the standard).
IDENTIFICATOREN = {
    BSN: ("bsn", "natuurlijk_persoon", "brp", "bsn"),
    KVK: ("kvk_nummer", "niet_natuurlijk_persoon", "hr", "kvk_nummer"),
    VESTIGING: ("vestigingsnummer", "vestiging", "hr", "vestigingsnummer"),
}
# KISS writes the link to a case so; it finds the case by its uuid.
ZAAK_OBJECT = {
    "codeObjecttype": "zgw-Zaak",
    "codeRegister": "openzaak",
    "codeSoortObjectId": "uuid",
}
# An earlier contact as onderwerpobject (with ``wasKlantcontact`` pointing at
# it); consumers read the identificator's codes without checking for null.
CONTACT_OBJECT = {
    "codeObjecttype": "klantcontact",
    "codeRegister": "klantinteracties",
    "codeSoortObjectId": "uuid",
}
# KISS finds a medewerker or afdeling by these codes and the objectId.
MEDEWERKER_CODES = {"codeObjecttype": "mdw", "codeRegister": "obj", "codeSoortObjectId": "idf"}
AFDELING_CODES = {"codeObjecttype": "afd", "codeRegister": "obj", "codeSoortObjectId": "idf"}
# ISO 639-2 for the languages the platform knows.
TALEN = {"nl": "nld", "en": "eng", "de": "deu", "pl": "pol", "tr": "tur", "ar": "ara", "uk": "ukr"}


def gemaskeerd(waarde: uuidlib.UUID, masker: int) -> uuidlib.UUID:
    return uuidlib.UUID(int=waarde.int ^ masker)


def url(resource: str, waarde) -> str:
    return api_url(COMPONENT, f"{resource}/{waarde}")


def verwijzing(resource: str, waarde) -> dict:
    return {"uuid": str(waarde), "url": url(resource, waarde)}


def moment(waarde) -> str | None:
    return waarde.isoformat() if waarde else None


def is_vertrouwelijk(niveau: str) -> bool:
    return Vertrouwelijkheid.values.index(niveau) >= VERTROUWELIJK_VANAF


def kanaal_naam(code: str) -> str:
    return str(KanaalSoort(code).label) if code in KanaalSoort.values else code


# --- partijen and their identificatoren ----------------------------------------------------------

KLANTVELDEN = [
    "id",
    "uuid",
    "soort",
    "bsn",
    "kvk_nummer",
    "vestigingsnummer",
    "voornamen",
    "voorvoegsel",
    "geslachtsnaam",
    "organisatienaam",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "email",
    "telefoon",
    "berichtvoorkeur",
    "geheimhouding",
    "taal",
    "samengevoegd_in_id",
]


def identificatoren(k: dict) -> list[dict]:
    """The BSN, KVK number and vestigingsnummer of a customer, each a
    partij-identificator; a vestiging is a sub-identificator of the KVK number."""
    partij = verwijzing("partijen", k["uuid"])
    kvk_uuid = gemaskeerd(k["uuid"], KVK)
    lijst = []
    for masker, waarde in (
        (BSN, k["bsn"]),
        (KVK, k["kvk_nummer"]),
        (VESTIGING, k["vestigingsnummer"]),
    ):
        if not waarde:
            continue
        soort_id, objecttype, register, _veld = IDENTIFICATOREN[masker]
        eigen = gemaskeerd(k["uuid"], masker)
        lijst.append(
            {
                "uuid": str(eigen),
                "url": url("partij-identificatoren", eigen),
                "identificeerdePartij": partij,
                "anderePartijIdentificator": "",
                "partijIdentificator": {
                    "codeObjecttype": objecttype,
                    "codeSoortObjectId": soort_id,
                    "objectId": waarde,
                    "codeRegister": register,
                },
                "subIdentificatorVan": (
                    verwijzing("partij-identificatoren", kvk_uuid)
                    if masker == VESTIGING and k["kvk_nummer"]
                    else None
                ),
            }
        )
    return lijst


def _voorletters(voornamen: str) -> str:
    return "".join(f"{deel[0].upper()}." for deel in voornamen.split() if deel)[:10]


def _adres(k: dict) -> dict | None:
    """The address of a customer, None when there is none or it is secret
    (geheimhouding: it never leaves the platform through an API)."""
    if k["geheimhouding"] or not (k["straat"] or k["postcode"]):
        return None
    gevonden = re.match(r"\s*(\d{1,5})\s*(.*)", k["huisnummer"] or "")
    huisnummer = int(gevonden.group(1)) if gevonden and int(gevonden.group(1)) > 0 else None
    toevoeging = gevonden.group(2).strip(" -")[:20] if gevonden else (k["huisnummer"] or "")[:20]
    postcode = re.sub(r"\s", "", k["postcode"] or "").upper()
    postcode = (
        f"{postcode[:4]} {postcode[4:]}" if re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", postcode) else ""
    )
    regel1 = " ".join(deel for deel in (k["straat"], k["huisnummer"]) if deel)
    regel2 = " ".join(deel for deel in (postcode, k["woonplaats"]) if deel)
    adres = {
        "straatnaam": k["straat"][:255],
        "huisnummer": huisnummer,
        "huisnummertoevoeging": toevoeging,
        "stad": k["woonplaats"][:255],
        "adresregel1": regel1[:80],
        "adresregel2": regel2[:80],
        "adresregel3": "",
        "land": "NL",
    }
    if postcode:
        adres["postcode"] = postcode
    return adres


def partij_digitale_adressen(k: dict) -> list[dict]:
    """A customer's own e-mail address and phone number as digitale adressen."""
    partij = verwijzing("partijen", k["uuid"])
    adressen = []
    for masker, soort, adres, omschrijving, voorkeur in (
        (EMAIL, "email", k["email"], _("E-mailadres"), Klant.Berichtvoorkeur.EMAIL),
        (TELEFOON, "telefoonnummer", k["telefoon"], _("Telefoonnummer"), Klant.Berichtvoorkeur.SMS),
    ):
        if adres:
            eigen = gemaskeerd(k["uuid"], masker)
            adressen.append(
                {
                    "uuid": str(eigen),
                    "url": url("digitaleadressen", eigen),
                    "verstrektDoorBetrokkene": None,
                    "verstrektDoorPartij": partij,
                    "adres": adres[:80],
                    "soortDigitaalAdres": soort,
                    "isStandaardAdres": k["berichtvoorkeur"] == voorkeur,
                    "omschrijving": omschrijving[:40],
                    "referentie": f"klant-{soort}",
                    "verificatieDatum": None,
                }
            )
    return adressen


def partij_body(k: dict, betrokkenen: list[uuidlib.UUID]) -> dict:
    """A customer as partij; ``betrokkenen`` are the UUIDs of their contacts'
    betrokkenen this applicatie may read."""
    adressen = partij_digitale_adressen(k)
    voorkeur = next((a for a in adressen if a["isStandaardAdres"]), None)
    body = {
        "uuid": str(k["uuid"]),
        "url": url("partijen", k["uuid"]),
        "nummer": f"{k['id']:010d}"[-10:],
        "interneNotitie": "",
        "betrokkenen": [verwijzing("betrokkenen", b) for b in betrokkenen],
        "categorieRelaties": [],
        "digitaleAdressen": [verwijzing("digitaleadressen", a["uuid"]) for a in adressen],
        "voorkeursDigitaalAdres": (
            verwijzing("digitaleadressen", voorkeur["uuid"]) if voorkeur else None
        ),
        "vertegenwoordigden": [],
        "rekeningnummers": [],
        "voorkeursRekeningnummer": None,
        "partijIdentificatoren": identificatoren(k),
        "soortPartij": "persoon" if k["soort"] == Klant.Soort.PERSOON else "organisatie",
        "indicatieGeheimhouding": k["geheimhouding"],
        "voorkeurstaal": TALEN.get(k["taal"], "nld"),
        "indicatieActief": k["samengevoegd_in_id"] is None,
        "bezoekadres": _adres(k),
        "correspondentieadres": None,
    }
    if k["soort"] == Klant.Soort.PERSOON:
        body["partijIdentificatie"] = {
            "contactnaam": {
                "voorletters": _voorletters(k["voornamen"]),
                "voornaam": k["voornamen"][:200],
                "voorvoegselAchternaam": k["voorvoegsel"][:10],
                "achternaam": k["geslachtsnaam"][:200],
            },
            "volledigeNaam": _volledige_naam(k["voornamen"], k["voorvoegsel"], k["geslachtsnaam"]),
        }
    else:
        body["partijIdentificatie"] = {"naam": k["organisatienaam"][:200]}
    return body


def _volledige_naam(*delen: str) -> str:
    return " ".join(deel for deel in delen if deel)


# --- klantcontacten, betrokkenen and onderwerpobjecten --------------------------------------------

MEDEWERKERVELDEN = ["uuid", "username", "first_name", "last_name", "email", "is_active"]
CONTACTVELDEN = [
    "id",
    "uuid",
    "kanaal",
    "richting",
    "onderwerp",
    "product__naam",
    "vraag",
    "antwoord",
    "gestart_op",
    "contactnaam",
    "overgedragen_aan_id",
    "zaak__uuid",
    "klant_id",
    "klant__uuid",
    "klant__soort",
    "klant__voornamen",
    "klant__voorvoegsel",
    "klant__geslachtsnaam",
    "klant__organisatienaam",
    "klant__bsn",
    "klant__kvk_nummer",
    "klant__taal",
    *(f"medewerker__{veld}" for veld in MEDEWERKERVELDEN),
    "niveau",
    # The contact a call back answered (an annotation of the views' contacten()).
    "aanleiding_uuid",
]


def medewerker_actor(m: dict, voorvoegsel: str = "") -> dict:
    """A member of staff as actor; KISS finds them by e-mail address (or
    user name when there is none)."""
    naam = _volledige_naam(m[f"{voorvoegsel}first_name"], m[f"{voorvoegsel}last_name"])
    return {
        "uuid": str(m[f"{voorvoegsel}uuid"]),
        "url": url("actoren", m[f"{voorvoegsel}uuid"]),
        "naam": (naam or m[f"{voorvoegsel}username"])[:200],
        "soortActor": "medewerker",
        "indicatieActief": m[f"{voorvoegsel}is_active"],
        "actoridentificator": {
            "objectId": (m[f"{voorvoegsel}email"] or m[f"{voorvoegsel}username"])[:200],
            **MEDEWERKER_CODES,
        },
    }


def afdeling_actor(a: dict, voorvoegsel: str = "") -> dict:
    identificatie = {"omschrijving": a[f"{voorvoegsel}naam"][:200]}
    if a[f"{voorvoegsel}email"]:
        identificatie["emailadres"] = a[f"{voorvoegsel}email"]
    return {
        "uuid": str(a[f"{voorvoegsel}uuid"]),
        "url": url("actoren", a[f"{voorvoegsel}uuid"]),
        "naam": a[f"{voorvoegsel}naam"][:200],
        "soortActor": "organisatorische_eenheid",
        "indicatieActief": a[f"{voorvoegsel}actief"],
        "actoridentificator": {"objectId": a[f"{voorvoegsel}code"][:200], **AFDELING_CODES},
        "actorIdentificatie": identificatie,
    }


def onderwerpobject_body(c: dict) -> dict:
    """The case a contact was about."""
    eigen = gemaskeerd(c["uuid"], ONDERWERPOBJECT)
    return {
        "uuid": str(eigen),
        "url": url("onderwerpobjecten", eigen),
        "klantcontact": verwijzing("klantcontacten", c["uuid"]),
        "wasKlantcontact": None,
        "onderwerpobjectidentificator": {"objectId": str(c["zaak__uuid"]), **ZAAK_OBJECT},
    }


def terugbelobject_body(c: dict) -> dict:
    """A call back was about the contact its contactverzoek came from."""
    eigen = gemaskeerd(c["uuid"], TERUGBELOBJECT)
    return {
        "uuid": str(eigen),
        "url": url("onderwerpobjecten", eigen),
        "klantcontact": verwijzing("klantcontacten", c["uuid"]),
        "wasKlantcontact": verwijzing("klantcontacten", c["aanleiding_uuid"]),
        "onderwerpobjectidentificator": {
            "objectId": str(c["aanleiding_uuid"]),
            **CONTACT_OBJECT,
        },
    }


def onderwerpobjecten_van(c: dict) -> list[dict]:
    """What a contact was about: its case, and for a call back the contact
    it answered."""
    return [
        maak(c)
        for maak, veld in (
            (onderwerpobject_body, "zaak__uuid"),
            (terugbelobject_body, "aanleiding_uuid"),
        )
        if c.get(veld)
    ]


def klantcontact_body(c: dict, verzoeken: list[dict]) -> dict:
    """A contact moment; ``verzoeken`` are the contactverzoeken it led to."""
    return {
        "uuid": str(c["uuid"]),
        "url": url("klantcontacten", c["uuid"]),
        "gingOverOnderwerpobjecten": [
            {"uuid": o["uuid"], "url": o["url"]} for o in onderwerpobjecten_van(c)
        ],
        "hadBetrokkenActoren": [medewerker_actor(c, "medewerker__")]
        if c["medewerker__uuid"]
        else [],
        "omvatteBijlagen": [],
        "hadBetrokkenen": [verwijzing("betrokkenen", gemaskeerd(c["uuid"], BETROKKENE))],
        "leiddeTotInterneTaken": [verwijzing("internetaken", v["uuid"]) for v in verzoeken],
        "nummer": f"{c['id']:010d}"[-10:],
        "referentienummer": None,
        "kanaal": kanaal_naam(c["kanaal"])[:50],
        "onderwerp": (c["onderwerp"] or c["product__naam"] or "")[:200],
        "inhoud": c["vraag"][:1000],
        "reactie": c["antwoord"][:4000],
        "indicatieContactGelukt": True,
        "verdereActieOndernomen": bool(verzoeken or c["zaak__uuid"] or c["overgedragen_aan_id"]),
        "taal": TALEN.get(c["klant__taal"] or "nl", "nld"),
        "vertrouwelijk": is_vertrouwelijk(c["niveau"]),
        "plaatsgevondenOp": moment(c["gestart_op"]),
    }


def betrokkene_body(c: dict, verzoeken: list[dict]) -> dict:
    """The customer in a contact (or the caller who gave a name), with the
    callback addresses of the contactverzoeken it led to."""
    eigen = gemaskeerd(c["uuid"], BETROKKENE)
    if c["klant_id"] and c["klant__soort"] == Klant.Soort.PERSOON:
        contactnaam = {
            "voorletters": _voorletters(c["klant__voornamen"]),
            "voornaam": c["klant__voornamen"][:200],
            "voorvoegselAchternaam": c["klant__voorvoegsel"][:10],
            "achternaam": c["klant__geslachtsnaam"][:200],
        }
        naam = _volledige_naam(
            c["klant__voornamen"], c["klant__voorvoegsel"], c["klant__geslachtsnaam"]
        )
    elif c["klant_id"]:
        contactnaam, naam = None, c["klant__organisatienaam"]
    elif c["contactnaam"]:
        contactnaam = {"achternaam": c["contactnaam"][:200]}
        naam = c["contactnaam"]
    else:
        contactnaam, naam = None, _("Onbekend")
    return {
        "uuid": str(eigen),
        "url": url("betrokkenen", eigen),
        "wasPartij": verwijzing("partijen", c["klant__uuid"]) if c["klant_id"] else None,
        "hadKlantcontact": verwijzing("klantcontacten", c["uuid"]),
        "digitaleAdressen": [
            verwijzing("digitaleadressen", a["uuid"])
            for v in verzoeken
            for a in terugbel_adressen(v, c)
        ],
        "bezoekadres": None,
        "correspondentieadres": None,
        "contactnaam": contactnaam,
        "volledigeNaam": naam,
        "rol": "klant",
        "organisatienaam": (c["klant__organisatienaam"] or "")[:200] if c["klant_id"] else "",
        "initiator": c["richting"] == Klantcontact.Richting.INKOMEND,
    }


# --- contactverzoeken: interne taken and their callback addresses ---------------------------------

VERZOEKVELDEN = [
    "id",
    "uuid",
    "klantcontact_id",
    "klantcontact__uuid",
    "vraag",
    "telefoon",
    "email",
    "status",
    "aangemaakt_op",
    "afgehandeld_op",
    *(f"medewerker__{veld}" for veld in MEDEWERKERVELDEN),
    "afdeling__uuid",
    "afdeling__naam",
    "afdeling__code",
    "afdeling__email",
    "afdeling__actief",
]


def terugbel_adressen(v: dict, c: dict | None = None) -> list[dict]:
    """The phone number and e-mail address a contactverzoek was given, as
    digitale adressen of the contact's betrokkene."""
    betrokkene = gemaskeerd(v["klantcontact__uuid"], BETROKKENE)
    adressen = []
    for masker, soort, adres, omschrijving in (
        (TERUGBEL_TELEFOON, "telefoonnummer", v["telefoon"], _("Terugbelnummer")),
        (TERUGBEL_EMAIL, "email", v["email"], _("E-mailadres voor antwoord")),
    ):
        if adres:
            eigen = gemaskeerd(v["uuid"], masker)
            adressen.append(
                {
                    "uuid": str(eigen),
                    "url": url("digitaleadressen", eigen),
                    "verstrektDoorBetrokkene": verwijzing("betrokkenen", betrokkene),
                    "verstrektDoorPartij": None,
                    "adres": adres[:80],
                    "soortDigitaalAdres": soort,
                    "isStandaardAdres": False,
                    "omschrijving": omschrijving[:40],
                    "referentie": f"terugbel-{soort}",
                    "verificatieDatum": None,
                }
            )
    return adressen


def internetaak_body(v: dict) -> dict:
    actoren = []
    if v["afdeling__uuid"]:
        actoren.append(verwijzing("actoren", v["afdeling__uuid"]))
    if v["medewerker__uuid"]:
        actoren.append(verwijzing("actoren", v["medewerker__uuid"]))
    body = {
        "uuid": str(v["uuid"]),
        "url": url("internetaken", v["uuid"]),
        "nummer": f"{v['id']:010d}"[-10:],
        "referentienummer": None,
        "gevraagdeHandeling": _("Contact opnemen met de klant"),
        "aanleidinggevendKlantcontact": verwijzing("klantcontacten", v["klantcontact__uuid"]),
        "toegewezenAanActoren": actoren,
        "toelichting": v["vraag"][:1000],
        "status": (
            "te_verwerken"
            if v["status"] in (ContactverzoekStatus.OPEN, ContactverzoekStatus.IN_BEHANDELING)
            else "verwerkt"
        ),
        "toegewezenOp": moment(v["aangemaakt_op"]),
        "afgehandeldOp": moment(v["afgehandeld_op"]),
    }
    if actoren:
        # The one it is assigned to: the colleague, else the afdeling.
        body["toegewezenAanActor"] = actoren[-1]
    return body
