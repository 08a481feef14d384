"""Scale data: a municipality's worth of customers, contacts and cases, fast.

For measuring, never for production. Rows are generated in Python and
streamed into PostgreSQL with ``COPY`` in chunks, bypassing the services on
purpose: a million registrations through ``zaken.services`` would take
hours. What the services would have computed (deadlines on the working-day
calendar, the queue order, history rows) is computed here the same way, once
per registration day and product, so the data looks like the real thing to
every query that reads it.

Deterministic for a given seed. Identifiers never collide with the demo data:
BSNs start at 2000000xx (the demo uses the 99999xxxx test range), KVK
numbers at 30000000.
"""

from __future__ import annotations

import csv
import io
import random
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from django.conf import settings
from django.db import connection
from django.utils import timezone

from kcc import kalender
from kcc.models import Afdeling, User
from kcc.roles import Rol

CHUNK = 50_000

VOORNAMEN = [
    "Emma",
    "Julia",
    "Mila",
    "Tess",
    "Sophie",
    "Zoë",
    "Sara",
    "Nora",
    "Yara",
    "Eva",
    "Anna",
    "Lotte",
    "Fenna",
    "Lieke",
    "Noor",
    "Saar",
    "Noah",
    "Sem",
    "Liam",
    "Lucas",
    "Daan",
    "Finn",
    "Levi",
    "Luuk",
    "Mees",
    "Jesse",
    "Milan",
    "Bram",
    "Thomas",
    "Ruben",
    "Jan",
    "Pieter",
    "Mohamed",
    "Yusuf",
    "Ayoub",
    "Fatima",
    "Aylin",
    "Elif",
    "Mehmet",
    "Priya",
    "Wei",
    "Kofi",
    "Ana",
    "Tomasz",
    "Oksana",
    "Henk",
    "Gerrit",
    "Truus",
    "Ria",
    "Kees",
    "Willem",
    "Johanna",
    "Maria",
    "Cornelis",
    "Hendrik",
    "Geertje",
]
ACHTERNAMEN = [
    ("", "Jansen"),
    ("de", "Jong"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("", "Janssen"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Smits"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("", "Yilmaz"),
    ("", "Kaya"),
    ("", "El Amrani"),
    ("", "Demir"),
    ("", "Öztürk"),
    ("", "Nguyen"),
    ("", "Kowalski"),
    ("", "Moulin"),
    ("", "Pinas"),
    ("", "Tjon"),
    ("van", "Beek"),
    ("", "Verbeek"),
    ("", "Kok"),
    ("", "Jacobs"),
    ("", "Vermeulen"),
]
STRATEN = [
    "Stationsstraat",
    "Kerkstraat",
    "Dorpsstraat",
    "Molenweg",
    "Schoolstraat",
    "Lindelaan",
    "Eikenlaan",
    "Beukenlaan",
    "Julianastraat",
    "Wilhelminastraat",
    "Parallelweg",
    "Nieuwstraat",
    "Marktplein",
    "Industrieweg",
    "Havenkade",
    "Singel",
    "Prinsengracht",
    "Zonnebloemstraat",
    "Tulpstraat",
    "Rozenlaan",
]
BEDRIJVEN = [
    "Bakkerij",
    "Kapsalon",
    "Installatiebedrijf",
    "Schildersbedrijf",
    "Cafetaria",
    "Fietsenmaker",
    "Bouwbedrijf",
    "Hoveniersbedrijf",
    "Autobedrijf",
    "Adviesbureau",
    "Boekhandel",
    "Tandartspraktijk",
]

# Share of cases that end in each closed status; the rest of the old ones
# was done ("afgehandeld").
AFGEWEZEN = 0.06
INGETROKKEN = 0.04


@dataclass
class Verslag:
    stappen: list[tuple[str, int, float]]

    def regel(self, wat: str, aantal: int, start: float) -> None:
        self.stappen.append((wat, aantal, time.perf_counter() - start))


def _copy(tabel: str, kolommen: list[str], rijen: Iterable[tuple]) -> int:
    """Stream rows into ``tabel`` with COPY, CHUNK rows at a time."""
    sql = f"COPY {tabel} ({', '.join(kolommen)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
    aantal = 0
    buffer = io.StringIO()
    schrijver = csv.writer(buffer)
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg2 cursor: Django's wrapper has no copy_expert

        def spoel():
            buffer.seek(0)
            raw.copy_expert(sql, buffer)
            buffer.seek(0)
            buffer.truncate()

        for rij in rijen:
            schrijver.writerow(["\\N" if w is None else w for w in rij])
            aantal += 1
            if aantal % CHUNK == 0:
                spoel()
        if buffer.tell():
            spoel()
    return aantal


@contextmanager
def _zonder_indexen(tabel: str, *, als: bool = True):
    """Load a big batch without the table's secondary indexes and foreign
    keys, and build them again afterwards: one sorted build and one join
    instead of ten random index inserts and five key checks per row. Primary
    and unique keys stay, so nothing invalid gets in unnoticed; the foreign
    keys are validated when they come back."""
    if not als:
        yield
        return
    with connection.cursor() as cursor:
        # Check what is pending now: a table with pending key checks cannot change.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
            "AND indexdef NOT LIKE 'CREATE UNIQUE%%'",
            [tabel],
        )
        indexen = cursor.fetchall()
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'f'",
            [tabel],
        )
        sleutels = cursor.fetchall()
        for naam, _definitie in sleutels:
            cursor.execute(f'ALTER TABLE {tabel} DROP CONSTRAINT "{naam}"')
        for naam, _definitie in indexen:
            cursor.execute(f'DROP INDEX "{naam}"')
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for _naam, definitie in indexen:
                cursor.execute(definitie)
            for naam, definitie in sleutels:
                cursor.execute(f'ALTER TABLE {tabel} ADD CONSTRAINT "{naam}" {definitie}')


def _nieuwe_ids(tabel: str, sinds: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {tabel} WHERE id > %s ORDER BY id", [sinds])  # noqa: S608
        return [r[0] for r in cursor.fetchall()]


def _max_id(tabel: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {tabel}")  # noqa: S608
        return cursor.fetchone()[0]


def bsns(aantal: int, *, vanaf: int = 20_000_000) -> Iterator[str]:
    """Distinct BSNs passing the elfproef: the check digit follows from the first eight."""
    gewichten = (9, 8, 7, 6, 5, 4, 3, 2)
    prefix = vanaf
    gemaakt = 0
    while gemaakt < aantal:
        cijfers = f"{prefix:08d}"
        rest = sum(g * int(c) for g, c in zip(gewichten, cijfers, strict=True)) % 11
        prefix += 1
        if rest < 10:
            gemaakt += 1
            yield f"{cijfers}{rest}"


def klanten_genereren(aantal: int, rnd: random.Random, *, start: int = 0) -> int:
    """Residents (95%) and businesses, numbered on from ``start`` so a second
    run adds new people; returns how many rows were written."""
    nu = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT MAX(bsn) FROM klanten_klant WHERE bsn >= '200000000' AND bsn < '990000000'"
        )
        hoogste = cursor.fetchone()[0]
    bsn_bron = bsns(aantal, vanaf=int(hoogste[:8]) + 1 if hoogste else 20_000_000)

    def rijen():
        for i in range(start, start + aantal):
            straat = rnd.choice(STRATEN)
            letters = "".join(rnd.choices("ABCDEFGHJKLMNPRSTVWXZ", k=2))
            postcode = f"{rnd.randint(1000, 9999)}{letters}"
            huisnummer = str(rnd.randint(1, 250))
            # Stored as Klant.save() stores them: E.164 (06-1 to 06-5: mobile
            # ranges the number library accepts), e-mail in lower case.
            telefoon = f"+316{rnd.randint(10_000_000, 59_999_999)}" if rnd.random() < 0.8 else ""
            voorkeur = rnd.choices(["email", "sms", "portaal"], [70, 20, 10])[0]
            if i % 20 == 19:
                naam = f"{rnd.choice(BEDRIJVEN)} {rnd.choice(ACHTERNAMEN)[1]} {i}"
                kvk = f"{30_000_000 + i:08d}"
                yield (
                    str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
                    "bedrijf",
                    None,
                    kvk,
                    f"{100_000_000_000 + i:012d}",
                    "",
                    "",
                    "",
                    None,
                    naam,
                    straat,
                    huisnummer,
                    postcode,
                    "Voorbeeldstad",
                    f"info@bedrijf{i}.example.nl",
                    telefoon,
                    voorkeur,
                    "nl",
                    False,
                    nu,
                    nu,
                )
                continue
            voorvoegsel, achternaam = rnd.choice(ACHTERNAMEN)
            voornaam = rnd.choice(VOORNAMEN)
            geboren = date(1930, 1, 1) + timedelta(days=rnd.randint(0, 33_000))
            email = (
                f"{voornaam.lower()}.{achternaam.lower().replace(' ', '')}{i}@example.nl"
                if rnd.random() < 0.7
                else ""
            )
            yield (
                str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
                "persoon",
                next(bsn_bron),
                "",
                "",
                voornaam,
                voorvoegsel,
                achternaam,
                geboren,
                "",
                straat,
                huisnummer,
                postcode,
                "Voorbeeldstad",
                email,
                telefoon,
                voorkeur,
                "nl",
                rnd.random() < 0.002,
                nu,
                nu,
            )

    return _copy(
        "klanten_klant",
        [
            "uuid",
            "soort",
            "bsn",
            "kvk_nummer",
            "vestigingsnummer",
            "voornamen",
            "voorvoegsel",
            "geslachtsnaam",
            "geboortedatum",
            "organisatienaam",
            "straat",
            "huisnummer",
            "postcode",
            "woonplaats",
            "email",
            "telefoon",
            "berichtvoorkeur",
            "taal",
            "geheimhouding",
            "aangemaakt",
            "gewijzigd",
        ],
        rijen(),
    )


def behandelaars_zorgen(per_afdeling: int) -> dict[int, list[int]]:
    """Enough behandelaars per afdeling to spread the cases over; returns their ids."""
    from django.contrib.auth.models import Group

    groep = Group.objects.get(name=Rol.BEHANDELAAR)
    per: dict[int, list[int]] = {}
    for afdeling in Afdeling.objects.exclude(code="kcc"):
        bestaand = list(
            User.objects.filter(afdelingen=afdeling, groups=groep).values_list("pk", flat=True)
        )
        for n in range(len(bestaand), per_afdeling):
            user = User.objects.create(
                username=f"schaal-{afdeling.code}-{n}",
                first_name="Behandelaar",
                last_name=f"{afdeling.code} {n}",
            )
            user.set_unusable_password()
            user.save(update_fields=["password"])
            user.groups.add(groep)
            user.afdelingen.add(afdeling)
            bestaand.append(user.pk)
        per[afdeling.pk] = bestaand
    return per


def _aanvraagdagen(vandaag: date, dagen: int) -> list[date]:
    """The working days of the last ``dagen`` days to draw registration days
    from; Mondays twice, as they get the most requests."""
    lijst = []
    for n in range(dagen + 1):
        dag = vandaag - timedelta(days=n)
        if kalender.is_werkdag(dag):
            lijst.extend([dag, dag] if dag.weekday() == 0 else [dag])
    return lijst


def zaken_genereren(
    aantal: int,
    klant_ids: list[int],
    rnd: random.Random,
    *,
    open_fractie_recent: float = 0.7,
    open_fractie_oud: float = 0.03,
    dagen: int = 730,
    behandelaars_per_afdeling: int = 8,
) -> tuple[int, int]:
    """Cases over the last ``dagen`` days with their history; returns (cases, history rows)."""
    from producten.models import ProductVersie
    from zaken.models import GEEN_TERMIJN

    versies = []
    for versie in ProductVersie.objects.select_related("product").order_by("product", "-nummer"):
        if versies and versies[-1].product_id == versie.product_id:
            continue
        if versie.product.is_aangeboden() and not versie.inhoud.get("onderdelen"):
            versies.append(versie)
    afdelingen = {a.code: a for a in Afdeling.objects.all()}
    behandelaars = behandelaars_zorgen(behandelaars_per_afdeling)
    vandaag = timezone.localdate()

    @cache
    def termijnen(dag: date, norm: tuple | None, wet: tuple | None):
        streef = kalender.servicenorm_einde(dag, *norm) if norm else None
        ruw = kalender.wettelijk_einde_ruw(dag, *wet) if wet else None
        uiterst = kalender.atw_toepassen(dag, ruw) if ruw else None
        return streef, uiterst, ruw

    @cache
    def oppakdatum(dag: date, norm: int) -> date:
        return kalender.werkdagen_optellen(dag, norm)

    @cache
    def signaal(dag: date, streef: date | None, uiterst: date | None) -> date | None:
        from zaken.services import signaaldatum

        return signaaldatum(dag, streef, uiterst)

    aanvraagdagen = _aanvraagdagen(vandaag, dagen)
    zone = timezone.get_current_timezone()
    volgnummers: dict[int, int] = {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT jaar, laatste FROM zaken_zaaknummerreeks")
        volgnummers.update(cursor.fetchall())

    zaak_id_start = _max_id("zaken_zaak")
    plannen: list[list[tuple]] = []  # per case: (van, naar, tijdstip, door, reden, burgertekst)

    def moment(dag: date, uur: int) -> datetime:
        seconden = rnd.randrange(3600)
        return datetime(
            dag.year, dag.month, dag.day, uur, seconden // 60, seconden % 60, tzinfo=zone
        )

    def rijen():
        for _ in range(aantal):
            versie = rnd.choice(versies)
            inhoud = versie.inhoud
            afdeling = afdelingen.get(inhoud.get("afdeling") or "")
            dag = rnd.choice(aanvraagdagen)
            norm = tuple(inhoud["servicenorm"]) if inhoud.get("servicenorm") else None
            wet = tuple(inhoud["wettelijke_termijn"]) if inhoud.get("wettelijke_termijn") else None
            streef, uiterst, ruw = termijnen(dag, norm, wet)
            registratie = moment(dag, rnd.randint(8, 17))
            recent = (vandaag - dag).days <= 30
            open_ = rnd.random() < (open_fractie_recent if recent else open_fractie_oud)
            mensen = behandelaars.get(afdeling.pk, []) if afdeling else []
            behandelaar = None
            gebeurtenissen = [("", "ontvangen", registratie, None, "Aanvraag geregistreerd")]
            status = "ontvangen"
            afgesloten = None
            opgepakt = None
            resultaat = ""
            if not open_ or rnd.random() < 0.75:
                behandelaar = rnd.choice(mensen) if mensen else None
                opgepakt = registratie + timedelta(hours=rnd.randint(2, 60))
                gebeurtenissen.append(("ontvangen", "in_behandeling", opgepakt, behandelaar, ""))
                status = "in_behandeling"
                if open_ and rnd.random() < 0.15:
                    status = "wacht_op_klant"
                    gebeurtenissen.append(
                        (
                            "in_behandeling",
                            "wacht_op_klant",
                            opgepakt + timedelta(hours=rnd.randint(1, 48)),
                            behandelaar,
                            "Aanvullende gegevens nodig",
                        )
                    )
            if not open_:
                kans = rnd.random()
                status = (
                    "afgewezen"
                    if kans < AFGEWEZEN
                    else "ingetrokken"
                    if kans < AFGEWEZEN + INGETROKKEN
                    else "afgehandeld"
                )
                van = gebeurtenissen[-1][1]
                if status == "afgehandeld" and van != "in_behandeling":
                    status = "ingetrokken"
                einde = streef or uiterst or dag + timedelta(days=10)
                # Most cases close within their norm; some miss it.
                gesloten_dag = dag + timedelta(
                    days=max(0, int(((einde - dag).days or 1) * rnd.uniform(0.2, 1.25)))
                )
                afgesloten = moment(min(gesloten_dag, vandaag), rnd.randint(9, 16))
                afgesloten = max(afgesloten, gebeurtenissen[-1][2] + timedelta(minutes=5))
                resultaat = {
                    "afgehandeld": "Verstrekt",
                    "afgewezen": "Afgewezen",
                    "ingetrokken": "Ingetrokken",
                }[status]
                gebeurtenissen.append((van, status, afgesloten, behandelaar, ""))
            plannen.append(gebeurtenissen)
            jaar = dag.year
            volgnummers[jaar] = volgnummers.get(jaar, 0) + 1
            termijndatum = min([d for d in (streef, uiterst) if d], default=GEEN_TERMIJN)
            te_laat = open_ and status != "wacht_op_klant" and termijndatum < vandaag
            sig = signaal(dag, streef, uiterst)
            kanaal = rnd.choices(
                ["internet", "balie", "telefoon", "post", "email"], [55, 20, 15, 5, 5]
            )[0]
            yield (
                str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
                f"ZAAK-{jaar}-{volgnummers[jaar]:06d}",
                rnd.choice(klant_ids),
                versie.product_id,
                versie.pk,
                None,
                kanaal,
                "{}",
                afdeling.pk if afdeling else None,
                behandelaar,
                status,
                "",
                registratie,
                streef,
                uiterst,
                ruw,
                moment(dag, 12).date() if status == "wacht_op_klant" else None,
                False,
                "",
                termijndatum,
                sig,
                registratie if open_ and sig and sig <= vandaag else None,
                registratie if te_laat else None,
                "",
                oppakdatum(dag, afdeling.oppaknorm_werkdagen) if afdeling else None,
                opgepakt,
                None,
                resultaat,
                "",
                afgesloten,
                # Online with DigiD (the app: Midden), on one's own behalf.
                20 if kanaal == "internet" else None,
                "",
                "",
                "",
                versie.product.vertrouwelijkheid,
            )

    zaken = _copy(
        "zaken_zaak",
        [
            "uuid",
            "nummer",
            "klant_id",
            "product_id",
            "productversie_id",
            "hoofdzaak_id",
            "kanaal",
            "antwoorden",
            "afdeling_id",
            "behandelaar_id",
            "status",
            "statusstap",
            "geregistreerd_op",
            "streefdatum",
            "uiterste_datum",
            "uiterste_datum_ruw",
            "opgeschort_op",
            "verlengd",
            "verlenging_reden",
            "termijndatum",
            "signaaldatum",
            "gesignaleerd_op",
            "geescaleerd_op",
            "overdracht",
            "oppakken_uiterlijk",
            "opgepakt_op",
            "oppak_gemeld_op",
            "resultaat",
            "toelichting",
            "afgesloten_op",
            "inlogniveau",
            "machtiging",
            "gemachtigde",
            "vestigingsnummer",
            "vertrouwelijkheid",
        ],
        rijen(),
    )
    ids = _nieuwe_ids("zaken_zaak", zaak_id_start)

    def historie_rijen():
        for zaak_id, gebeurtenissen in zip(ids, plannen, strict=True):
            for van, naar, tijdstip, door, reden in gebeurtenissen:
                yield (zaak_id, van, naar, "", door, tijdstip, reden, "", naar != "in_behandeling")

    rijen_historie = _copy(
        "zaken_statuswijziging",
        [
            "zaak_id",
            "van",
            "naar",
            "statusstap",
            "door_id",
            "tijdstip",
            "reden",
            "burgertekst",
            "klant_informeren",
        ],
        historie_rijen(),
    )
    with connection.cursor() as cursor:
        for jaar, laatste in volgnummers.items():
            cursor.execute(
                "INSERT INTO zaken_zaaknummerreeks (jaar, laatste) VALUES (%s, %s) "
                "ON CONFLICT (jaar) DO UPDATE SET laatste = GREATEST("
                "zaken_zaaknummerreeks.laatste, EXCLUDED.laatste)",
                [jaar, laatste],
            )
    return zaken, rijen_historie


# Channel mix of contacts (weights) and how long a contact on it takes (s).
CONTACTKANALEN = {
    "telefoon": (45, 120, 600),
    "email": (15, 60, 300),
    "balie": (14, 300, 1200),
    "chat": (10, 180, 900),
    "internet": (10, 0, 0),
    "post": (3, 60, 300),
    "sms": (3, 30, 120),
}
# Contacts per hour of the working day: a morning peak and a lunch dip.
UREN = {8: 6, 9: 14, 10: 15, 11: 12, 12: 7, 13: 8, 14: 11, 15: 10, 16: 9, 17: 5, 18: 3}
VRAGEN = [
    "Wanneer is mijn aanvraag klaar?",
    "Welke documenten moet ik meenemen?",
    "Wat kost het?",
    "Kan ik dit online regelen?",
    "Ik heb een brief gekregen en begrijp hem niet.",
    "Mijn afvalcontainer is niet geleegd.",
    "Ik wil een afspraak maken.",
    "Ik ben verhuisd, wat moet ik doen?",
    "Hoe lang duurt de behandeling?",
    "Ik wil bezwaar maken.",
]


def kcc_medewerkers_zorgen(aantal: int) -> list[int]:
    """KCC agents to register the generated contacts; returns their ids."""
    from django.contrib.auth.models import Group

    groep = Group.objects.get(name=Rol.KLANTMANAGER)
    bestaand = list(User.objects.filter(groups=groep).values_list("pk", flat=True))
    for n in range(len(bestaand), aantal):
        user = User.objects.create(
            username=f"schaal-kcc-{n}", first_name="Klantmanager", last_name=str(n)
        )
        user.set_unusable_password()
        user.save(update_fields=["password"])
        user.groups.add(groep)
        bestaand.append(user.pk)
    return bestaand


def klantcontacten_genereren(
    aantal: int,
    klant_ids: list[int],
    rnd: random.Random,
    *,
    dagen: int = 730,
    anoniem_fractie: float = 0.08,
    agenten: int = 60,
) -> int:
    """Contacts on every channel over the last ``dagen`` days: identified
    (spread over ``klant_ids``) or anonymous, most answered at once, some
    answered from the knowledge base, some handed over."""
    from producten.models import KennisItem, Product

    producten = list(Product.objects.values_list("pk", "naam"))
    kennis = list(KennisItem.objects.values_list("pk", flat=True))
    afdelingen = list(Afdeling.objects.exclude(code="kcc").values_list("pk", flat=True))
    medewerkers = kcc_medewerkers_zorgen(agenten)
    kanalen = list(CONTACTKANALEN)
    kanaalgewichten = [CONTACTKANALEN[k][0] for k in kanalen]
    uren = list(UREN)
    uurgewichten = list(UREN.values())
    werkdagen = _aanvraagdagen(timezone.localdate(), dagen)
    zone = timezone.get_current_timezone()

    def rijen():
        # Draw in batches: random.choices with weights is much faster per call of many.
        for begin in range(0, aantal, CHUNK):
            n = min(CHUNK, aantal - begin)
            kanaal_reeks = rnd.choices(kanalen, kanaalgewichten, k=n)
            uur_reeks = rnd.choices(uren, uurgewichten, k=n)
            for kanaal, uur in zip(kanaal_reeks, uur_reeks, strict=True):
                dag = rnd.choice(werkdagen)
                seconde = rnd.randrange(3600)
                gestart = datetime(
                    dag.year, dag.month, dag.day, uur, seconde // 60, seconde % 60, tzinfo=zone
                )
                _gewicht, kort, lang = CONTACTKANALEN[kanaal]
                agent = kanaal != "internet"
                duur = rnd.randint(kort, lang) if agent else 0
                product = rnd.choice(producten) if rnd.random() < 0.6 else None
                item = rnd.choice(kennis) if kennis and agent and rnd.random() < 0.45 else None
                goed = rnd.random() < 0.8
                overgedragen = None if goed or not afdelingen else rnd.choice(afdelingen)
                vraag = rnd.choice(VRAGEN)
                yield (
                    str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
                    None if rnd.random() < anoniem_fractie else rnd.choice(klant_ids),
                    "",
                    "",
                    kanaal,
                    "uitgaand" if rnd.random() < 0.08 else "inkomend",
                    product[0] if product else None,
                    item,
                    (rnd.random() < 0.85) if item else None,
                    product[1] if product else vraag[:60],
                    vraag,
                    "Uitgelegd aan de klant." if goed else "",
                    goed,
                    gestart,
                    gestart + timedelta(seconds=duur) if agent else None,
                    rnd.randint(0, 180) if agent else 0,
                    rnd.choice(medewerkers) if agent else None,
                    overgedragen,
                    None,
                    None,
                )

    # A big batch (more rows than the table holds) loads faster without indexes.
    with _zonder_indexen("klanten_klantcontact", als=aantal > _max_id("klanten_klantcontact")):
        return _copy(
            "klanten_klantcontact",
            [
                "uuid",
                "klant_id",
                "contactnaam",
                "namens",
                "kanaal",
                "richting",
                "product_id",
                "kennisitem_id",
                "kennis_geholpen",
                "onderwerp",
                "vraag",
                "antwoord",
                "in_een_keer_goed",
                "gestart_op",
                "beeindigd_op",
                "nawerk_seconden",
                "medewerker_id",
                "overgedragen_aan_id",
                "zaak_id",
                "geanonimiseerd_op",
            ],
            rijen(),
        )


# Queued channels and how long a customer waits there on average (s) outside
# the peaks; Monday morning waits longer, the lunch dip shorter.
WACHTEN = {"telefoon": 18, "chat": 25, "balie": 360}
VERLATEN_FRACTIE = 0.07


def wachtrij_en_beoordelingen_genereren(sinds_id: int, seed: float) -> tuple[int, int]:
    """Queue events and ratings for the contacts with an id above
    ``sinds_id``, in SQL (a few million rows): every incoming phone, chat and
    counter contact was offered and answered after a wait (exponential, longer
    on Monday morning, shorter at lunch); about 7% more were offered and
    abandoned; about 6% of the identified customers rated their contact, lower
    when it was not resolved at once."""
    kanalen = list(WACHTEN)
    gemiddeld = "CASE kanaal " + " ".join(f"WHEN '{k}' THEN {v}" for k, v in WACHTEN.items())
    piek = (
        "CASE WHEN extract(isodow FROM lokaal) = 1 AND extract(hour FROM lokaal) BETWEEN 9 AND 11"
        " THEN 2.5 WHEN extract(hour FROM lokaal) IN (12, 13) THEN 0.6 ELSE 1 END"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [seed])
        cursor.execute(
            f"""
            WITH bron AS MATERIALIZED (
                SELECT uuid, kanaal, gestart_op, medewerker_id, klant_id,
                       (-ln(1 - random()) * ({gemiddeld} END) * ({piek}))::int AS wacht
                FROM (SELECT *, gestart_op AT TIME ZONE %(tz)s AS lokaal
                      FROM klanten_klantcontact
                      WHERE id > %(sinds)s AND kanaal = ANY(%(kanalen)s)
                        AND richting = 'inkomend') c
            )
            INSERT INTO kanalen_wachtrijgebeurtenis
                (kanaal, soort, sessie, wachtrij, tijdstip, wachttijd_seconden,
                 medewerker_id, klant_id)
            SELECT kanaal, 'aangeboden', uuid::text, '', gestart_op - make_interval(secs => wacht),
                   NULL, NULL, klant_id FROM bron
            UNION ALL
            SELECT kanaal, 'beantwoord', uuid::text, '', gestart_op, wacht, medewerker_id,
                   klant_id FROM bron
            """,  # noqa: S608 - only this module's constants are formatted in
            {"tz": settings.TIME_ZONE, "sinds": sinds_id, "kanalen": kanalen},
        )
        beantwoord = cursor.rowcount
        cursor.execute(
            f"""
            WITH bron AS MATERIALIZED (
                SELECT md5(uuid::text || 'verlaten') AS sessie, kanaal, klant_id,
                       gestart_op + make_interval(secs => (random() * 1800)::int) AS aangeboden,
                       (-ln(1 - random()) * 2 * ({gemiddeld} END))::int AS wacht
                FROM klanten_klantcontact
                WHERE id > %(sinds)s AND kanaal = ANY(%(kanalen)s) AND richting = 'inkomend'
                  AND random() < %(fractie)s
            )
            INSERT INTO kanalen_wachtrijgebeurtenis
                (kanaal, soort, sessie, wachtrij, tijdstip, wachttijd_seconden, klant_id)
            SELECT kanaal, 'aangeboden', sessie, '', aangeboden, NULL, klant_id FROM bron
            UNION ALL
            SELECT kanaal, 'verlaten', sessie, '', aangeboden + make_interval(secs => wacht),
                   wacht, klant_id FROM bron
            """,  # noqa: S608 - only this module's constants are formatted in
            {"sinds": sinds_id, "kanalen": kanalen, "fractie": VERLATEN_FRACTIE},
        )
        verlaten = cursor.rowcount
        cursor.execute(
            """
            INSERT INTO kanalen_beoordeling
                (uuid, klant_id, klantcontact_id, kanaal, score, opmerking, gegeven_op,
                 medewerker_id, product_id)
            SELECT gen_random_uuid(), klant_id, id, kanaal,
                   CASE WHEN r < 0.04 THEN 1 WHEN r < 0.10 THEN 2 WHEN r < 0.24 THEN 3
                        WHEN r < 0.58 THEN 4 ELSE 5 END,
                   '', coalesce(beeindigd_op, gestart_op) + interval '2 hours',
                   medewerker_id, product_id
            FROM (SELECT id, klant_id, kanaal, gestart_op, beeindigd_op, medewerker_id, product_id,
                         random() * CASE WHEN in_een_keer_goed THEN 1 ELSE 0.55 END AS r
                  FROM klanten_klantcontact
                  WHERE id > %(sinds)s AND klant_id IS NOT NULL AND random() < 0.06) c
            """,
            {"sinds": sinds_id},
        )
        beoordelingen = cursor.rowcount
    return beantwoord + verlaten, beoordelingen


def statusperioden_genereren(sinds_id: int) -> int:
    """Agent status history for the contacts with an id above ``sinds_id``:
    per agent and day one available period from just before their first
    contact to just after their last (occupancy's logged-in time)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO kanalen_statusperiode (medewerker_id, status, begin, einde)
            SELECT medewerker_id, 'beschikbaar',
                   min(gestart_op) - interval '5 minutes',
                   max(coalesce(beeindigd_op, gestart_op)) + interval '5 minutes'
            FROM klanten_klantcontact
            WHERE id > %(sinds)s AND medewerker_id IS NOT NULL
            GROUP BY medewerker_id, (gestart_op AT TIME ZONE %(tz)s)::date
            """,
            {"sinds": sinds_id, "tz": settings.TIME_ZONE},
        )
        return cursor.rowcount


def lange_historie(
    klant_id: int, rnd: random.Random, *, contacten: int, zaken: int
) -> tuple[int, int]:
    """One customer who has been in touch for years: the worst case for the klantbeeld."""
    aantal_zaken, _historie = zaken_genereren(zaken, [klant_id], rnd) if zaken else (0, 0)
    return klantcontacten_genereren(contacten, [klant_id], rnd, anoniem_fractie=0), aantal_zaken


def genereren(
    *,
    klanten: int,
    zaken: int,
    contacten: int = 0,
    lange_historie_bsn: str | None = None,
    seed: int = 2026,
    melden: Callable[[str], None] = print,
) -> Verslag:
    """Add ``klanten`` customers, ``zaken`` cases (with history) and
    ``contacten`` contacts to the database; with ``lange_historie_bsn`` that
    customer gets years of contacts and cases on top."""
    verslag = Verslag(stappen=[])
    klant_start = _max_id("klanten_klant")
    # A second run on the same database continues with other numbers.
    rnd = random.Random(f"{seed}-{klant_start}")
    start = time.perf_counter()
    klanten_genereren(klanten, rnd, start=klant_start)
    klant_ids = _nieuwe_ids("klanten_klant", klant_start) or _nieuwe_ids("klanten_klant", 0)
    verslag.regel("klanten", klanten, start)
    melden(f"klanten: {klanten} in {verslag.stappen[-1][2]:.0f} s")
    start = time.perf_counter()
    aantal_zaken, aantal_historie = zaken_genereren(zaken, klant_ids, rnd)
    verslag.regel("zaken", aantal_zaken, start)
    verslag.stappen.append(("statuswijzigingen", aantal_historie, 0.0))
    duur = verslag.stappen[-2][2]
    melden(f"zaken: {aantal_zaken} met {aantal_historie} statuswijzigingen in {duur:.0f} s")
    if contacten:
        start = time.perf_counter()
        contact_start = _max_id("klanten_klantcontact")
        aantal = klantcontacten_genereren(contacten, klant_ids, rnd)
        verslag.regel("klantcontacten", aantal, start)
        melden(f"klantcontacten: {aantal} in {verslag.stappen[-1][2]:.0f} s")
        start = time.perf_counter()
        gebeurtenissen, beoordelingen = wachtrij_en_beoordelingen_genereren(
            contact_start, rnd.random() * 2 - 1
        )
        verslag.regel("wachtrijgebeurtenissen", gebeurtenissen, start)
        verslag.stappen.append(("beoordelingen", beoordelingen, 0.0))
        verslag.stappen.append(("statusperioden", statusperioden_genereren(contact_start), 0.0))
        melden(
            f"wachtrijgebeurtenissen: {gebeurtenissen}, beoordelingen: {beoordelingen} "
            f"in {verslag.stappen[-2][2]:.0f} s"
        )
    if lange_historie_bsn:
        from klanten.models import Klant

        klant = Klant.objects.filter(bsn=lange_historie_bsn).first()
        if klant is None:
            raise RuntimeError(f"No customer with BSN {lange_historie_bsn} for the long history.")
        start = time.perf_counter()
        aantal, aantal_zaken = lange_historie(klant.pk, rnd, contacten=2_500, zaken=150)
        verslag.regel("lange historie", aantal, start)
        melden(f"lange historie: {aantal} contacten en {aantal_zaken} zaken voor één klant")
    if zaken or lange_historie_bsn:
        # Closed cases written on days whose norm sums were built already.
        from zaken import normrealisatie

        normrealisatie.alles_vervalt()
    # Statistics for the planner, and the visibility map that lets index-only
    # scans skip the heap: autovacuum would do both in time, but may be off or
    # behind right after a bulk load. VACUUM cannot run in a transaction (a
    # test's), ANALYZE can.
    start = time.perf_counter()
    opdracht = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        cursor.execute(opdracht)
    verslag.regel(opdracht, 0, start)
    return verslag
