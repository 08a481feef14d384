"""Every date, time, number and amount a person reads is written the Dutch
way, in local time: pages, messages, exports and printable downloads.
Machines (the JSON file, the API) keep ISO 8601."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from kcc import formaat
from kcc.roles import Rol
from tests.factories import AfdelingFactory, UserFactory, concept_maken, maak_product

pytestmark = pytest.mark.django_db

# 13:05 UTC on a winter day is 14:05 in Amsterdam; in summer 15:05.
WINTER = datetime(2027, 1, 16, 13, 5, tzinfo=UTC)
ZOMER = datetime(2027, 7, 16, 13, 5, tzinfo=UTC)
ISO_DATUM = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.mark.parametrize(
    ("uitkomst", "verwacht"),
    [
        (formaat.bedrag(Decimal("7495.2")), "€ 7.495,20"),
        (formaat.bedrag(0), "€ 0,00"),
        (formaat.getal(33.333, 1), "33,3"),
        (formaat.getal(66.65, 1), "66,7"),  # half up, not the float's 66,6
        (formaat.getal(1234567), "1.234.567"),
        (formaat.getal(1234.5, 1, groeperen=False), "1234,5"),
        (formaat.procent(80.25), "80,3%"),
        (formaat.datum(date(2027, 1, 16)), "16-01-2027"),
        (formaat.datum_lang(date(2027, 1, 16)), "16 januari 2027"),
        (formaat.moment(WINTER), "16-01-2027 14:05"),
        (formaat.moment(ZOMER), "16-07-2027 15:05"),
        (formaat.tijd(WINTER), "14:05"),
        (formaat.moment_lang(WINTER), "16 januari 2027 om 14:05"),
        (formaat.moment_lang(ZOMER, met_dag=True), "vrijdag 16 juli 2027 om 15:05"),
        (formaat.tekst(True), "ja"),
        (formaat.tekst(Decimal("1.5")), "1,5"),
        # A moment just before midnight UTC is the next day in Amsterdam.
        (formaat.datum_lang(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)), "1 januari 2027"),
    ],
)
def test_it_writes_numbers_dates_and_moments_the_dutch_way(uitkomst, verwacht):
    assert uitkomst == verwacht


def test_a_task_writes_dutch_whatever_its_thread_was_left_with():
    """A Celery worker renders messages outside any request: the task's
    start sets the site's language and the municipality's time zone."""
    from kcc.celery import _nederlands_en_lokaal

    try:
        translation.deactivate_all()
        assert formaat.datum_lang(date(2027, 1, 16)) == "16 January 2027"  # what would leak
        _nederlands_en_lokaal()
        assert formaat.datum_lang(date(2027, 1, 16)) == "16 januari 2027"
        assert formaat.getal(7495.2, 2) == "7.495,20"
    finally:
        translation.activate("nl")


def test_an_audit_row_is_titled_in_local_time(client, klant):
    from kcc.models import AuditLogEntry

    beheerder = UserFactory(rollen=[Rol.BEHEERDER], username="beheer-audit")
    regel = AuditLogEntry.objects.create(
        tijdstip=WINTER,
        gebruikersnaam="km1",
        rollen="Klantmanager",
        actie=AuditLogEntry.Actie.INZIEN,
        betrokkene=klant.bsn,
        object_type="klanten.klant",
        omschrijving="Klantbeeld geopend",
        reden="Vraag van de klant",
    )
    assert str(regel) == "16-01-2027 14:05 km1 Inzien klanten.klant"
    client.force_login(beheerder)
    for pagina in (
        client.get(reverse("admin:kcc_auditlogentry_change", args=[regel.pk])),
        client.get(reverse("admin:kcc_auditlogentry_changelist")),
    ):
        assert pagina.status_code == 200
        tekst = pagina.content.decode()
        assert "16 januari 2027 14:05" in tekst or "16-01-2027 14:05" in tekst
        assert "13:05" not in tekst


# --- The answers of a request: the check page and the case pages ----------------

PRODUCTEN = [
    "paspoort",
    "verhuizing-naar-voorbeeldstad",
    "verhuizing-doorgeven",
    "parkeervergunning-bewoners",
    "afvalcontainer",
]


@pytest.fixture
def catalogus(db):
    from kcc.devdata.demo import producten as producten_demo
    from kcc.devdata.demo.kcc import AFDELINGEN
    from producten import catalogus as catalogus_import

    for code, naam, _email in AFDELINGEN:
        AfdelingFactory(code=code, naam=naam)
    data = producten_demo.als_export()
    data["producten"] = [p for p in data["producten"] if p["code"] in PRODUCTEN]
    data["kennisitems"] = []
    catalogus_import.importeren(data)


@pytest.fixture
def ingelogd(client, burger, klant, catalogus):
    client.force_login(burger)
    return client


def _aanvraag(client, product: str, antwoorden: dict) -> str:
    formulier_url = concept_maken(client, product)
    client.post(formulier_url, {**antwoorden, "actie": "bewaren"})
    return formulier_url


def test_the_check_page_shows_dates_numbers_and_postcodes_as_people_write_them(ingelogd):
    url = _aanvraag(ingelogd, "paspoort", {"v-spoed": "nee", "v-lengte_cm": "172.5"})
    pagina = ingelogd.get(url + "controleren/").content.decode()
    assert "172,5" in pagina and "172.5" not in pagina

    url = _aanvraag(
        ingelogd,
        "verhuizing-naar-voorbeeldstad",
        {
            "v-verhuisdatum": "2026-03-20",
            "v-postcode": "1234ab",
            "v-huisnummer": "5",
            "v-aantal_personen": "2",
            "v-eigen_woning": "Huurwoning",
            "v-parkeervergunning_nodig": "nee",
            "v-container_nodig": "nee",
        },
    )
    pagina = ingelogd.get(url + "controleren/").content.decode()
    assert "20 maart 2026" in pagina and "1234 AB" in pagina
    assert not ISO_DATUM.search(pagina)


def test_a_compound_case_shows_every_answer_under_its_question_in_dutch(
    ingelogd, klant, klantmanager
):
    url = _aanvraag(
        ingelogd,
        "verhuizing-naar-voorbeeldstad",
        {
            "v-verhuisdatum": "2026-03-20",
            "v-postcode": "1234 AB",
            "v-huisnummer": "5",
            "v-aantal_personen": "2",
            "v-eigen_woning": "Huurwoning",
            "v-parkeervergunning_nodig": "nee",
            "v-container_nodig": "nee",
        },
    )
    assert ingelogd.post(url + "controleren/").status_code == 302
    hoofd = klant.zaken.get(hoofdzaak__isnull=True)
    deel = hoofd.deelzaken.get()
    ingelogd.logout()
    ingelogd.force_login(klantmanager)
    for zaak in (hoofd, deel):
        pagina = ingelogd.get(reverse("zaken:zaak", args=[zaak.uuid])).content.decode()
        # The part's question, asked on the main form, is named by its question.
        assert "Hoeveel personen verhuizen er mee, uzelf meegerekend?" in pagina
        assert "Wat is de datum van uw verhuizing?" in pagina
        assert "aantal_personen" not in pagina and "verhuisdatum" not in pagina
        assert "20 maart 2026" in pagina and "2026-03-20" not in pagina
        assert "Nee" in pagina or "nee" in pagina


def test_an_answer_reads_in_dutch_whatever_its_kind():
    from producten.formulier import antwoord_leesbaar

    assert antwoord_leesbaar({"soort": "bedrag"}, "7495.20") == "€ 7.495,20"
    assert antwoord_leesbaar({"soort": "bedrag"}, "7.495,2") == "€ 7.495,20"
    assert antwoord_leesbaar({"soort": "getal"}, "1.5") == "1,5"
    assert antwoord_leesbaar({"soort": "getal"}, 2) == "2"
    assert antwoord_leesbaar({"soort": "datum"}, "2027-01-16") == "16 januari 2027"
    assert antwoord_leesbaar({"soort": "janee"}, True) == "ja"
    assert antwoord_leesbaar({"soort": "telefoon"}, "+31612345678") == "06 12345678"
    # A draft's half-typed answer is shown as typed, not as an error.
    assert antwoord_leesbaar({"soort": "datum"}, "morgen") == "morgen"


def test_a_stored_amount_comes_back_into_its_text_box_with_a_decimal_comma():
    from producten.formulier import antwoorden_controleren, formulier_initial

    vragen = [{"sleutel": "bedrag", "vraag": "Hoeveel?", "soort": "bedrag"}]
    opgeslagen = antwoorden_controleren(vragen, {"bedrag": "€ 1.250,50"})
    assert opgeslagen == {"bedrag": "1250.50"}  # stored for machines
    initial = formulier_initial(vragen, opgeslagen)
    assert initial == {"bedrag": "1250,50"}
    assert antwoorden_controleren(vragen, initial) == opgeslagen  # and it reads back


# --- The AVG dossier --------------------------------------------------------------


def test_the_dossier_page_names_every_field_and_writes_local_dutch_dates(
    client, klant, klantmanager
):
    from kcc.models import AuditLogEntry

    klant.geboortedatum = date(1980, 5, 17)
    klant.save()
    AuditLogEntry.objects.create(
        tijdstip=WINTER,
        gebruikersnaam="km1",
        rollen="Klantmanager",
        actie=AuditLogEntry.Actie.INZIEN,
        betrokkene=klant.bsn,
        object_type="klanten.klant",
        omschrijving="Klantbeeld geopend",
        reden="Vraag van de klant",
    )
    client.force_login(klantmanager)
    url = reverse("werkplek:inzage", args=[klant.uuid])
    pagina = client.get(url).content.decode()
    for label in ("<dt>BSN</dt>", "<dt>KvK-nummer</dt>", "<dt>Berichten via</dt>"):
        assert label in pagina
    for fout in ("Bsn", "Kvknummer", "Berichtenvia", "Geregistreerdsinds"):
        assert f"<dt>{fout}</dt>" not in pagina
    assert "17 mei 1980" in pagina
    assert "16-01-2027 14:05" in pagina
    assert not ISO_DATUM.search(pagina) and "+00:00" not in pagina

    # The file is for machines: ISO 8601, with the municipality's offset.
    bestand = json.loads(client.get(url, {"formaat": "json"}).content)
    assert bestand["gegevens"]["geboortedatum"] == "1980-05-17"
    assert "2027-01-16T14:05:00+01:00" in [r["datum"] for r in bestand["inzage"]]


# --- Messages ---------------------------------------------------------------------


def test_a_message_to_the_customer_names_the_date_in_words(klant, klantmanager):
    from kanalen.berichten.models import Bericht
    from zaken import services

    product = maak_product(
        wettelijke_termijn_aantal=8,
        wettelijke_termijn_eenheid="weken",
        kanalen=[("balie", True, "84.40")],
    )
    behandelaar = UserFactory(rollen=[Rol.BEHANDELAAR], username="bz-notatie")
    behandelaar.afdelingen.add(product.afdeling)
    zaak = services.zaak_registreren(
        klant=klant, product=product, kanaal="balie", user=klantmanager
    )
    services.zaak_in_behandeling_nemen(zaak=zaak, user=behandelaar)
    zaak = services.zaak_verlengen(zaak=zaak, user=behandelaar, weken=4, reden="Advies nodig")
    bericht = Bericht.objects.filter(klant=klant).latest("aangemaakt")
    assert formaat.datum_lang(zaak.uiterste_datum) in bericht.tekst
    assert not ISO_DATUM.search(bericht.tekst)
    assert not re.search(r"\d{2}-\d{2}-\d{4}", zaak.historie.last().burgertekst)


# --- Exports ----------------------------------------------------------------------


def _rijen_van(antwoord) -> list[str]:
    return b"".join(antwoord.streaming_content).decode("utf-8-sig").splitlines()


def test_the_csv_export_is_what_dutch_excel_reads():
    from dashboard import export

    antwoord = export.csv_antwoord(
        "x",
        ["Begin", "Datum", "Waarde", "Bedrag", "Goed", "Leeg", "Aantal"],
        [[WINTER, date(2027, 1, 16), 33.3, Decimal("7495.20"), True, None, 12345]],
    )
    kop, rij = _rijen_van(antwoord)
    assert kop.startswith("Begin;Datum;")
    # Decimal comma without thousands separator: one number per cell.
    assert rij == "16-01-2027 14:05;16-01-2027;33,3;7495,20;ja;;12345"


def _xlsx_cellen(inhoud: bytes) -> tuple[dict[str, tuple[str | None, str]], str]:
    """Cell -> (style index, raw value) of the first sheet, and the styles."""
    boek = zipfile.ZipFile(io.BytesIO(inhoud))
    blad = boek.read("xl/worksheets/sheet1.xml").decode()
    cellen = {
        ref: (stijl, waarde)
        for ref, stijl, waarde in re.findall(
            r'<c r="([A-Z]+\d+)"(?: s="(\d+)")?[^>]*>(?:<v>([^<]*)</v>|<is><t>[^<]*</t></is>)',
            blad,
        )
    }
    for ref, tekst in re.findall(r'<c r="([A-Z]+\d+)"[^>]*t="inlineStr"><is><t>([^<]*)<', blad):
        cellen[ref] = (cellen.get(ref, (None,))[0], tekst)
    return cellen, boek.read("xl/styles.xml").decode()


def test_the_xlsx_export_holds_real_dates_and_numbers():
    from dashboard import export

    antwoord = export.xlsx_antwoord(
        "x",
        ["Begin", "Datum", "Waarde", "Aantal", "Naam"],
        [[WINTER, date(2027, 1, 16), 33.3, 7, "=SOM(A1)"]],
    )
    cellen, stijlen = _xlsx_cellen(antwoord.content)
    # A date is a serial number with a date format (46403 = 16 January 2027),
    # a moment its local clock time (14:05 = 0.5868...).
    assert cellen["B2"][1] == "46403"
    assert cellen["A2"][1].startswith("46403.5868")
    formaten = re.findall(r'<numFmt numFmtId="(\d+)" formatCode="([^"]+)"', stijlen)
    assert ("dd-mm-yyyy" in dict(formaten).values()) and (
        "dd-mm-yyyy hh:mm" in dict(formaten).values()
    )
    assert cellen["C2"][1] == "33.3" and cellen["D2"][1] == "7"  # numbers, not text
    assert cellen["E2"][1] == "'=SOM(A1)"


def test_the_dashboard_exports_carry_dutch_numbers_and_dates(client, teamleider):
    from dashboard import rollups
    from klanten.models import Klantcontact

    agent = UserFactory(rollen=[Rol.KLANTMANAGER], username="km-export")
    for goed in (True, False, False):
        Klantcontact.objects.create(
            kanaal="telefoon",
            onderwerp="Vraag",
            in_een_keer_goed=goed,
            gestart_op=datetime(2026, 3, 9, 10, 0, tzinfo=UTC),
            beeindigd_op=datetime(2026, 3, 9, 10, 5, tzinfo=UTC),
            medewerker=agent,
        )
    rollups.bijwerken(dagen_terug=2)
    client.force_login(teamleider)
    query = {"periode": "dag", "datum": "2026-03-09"}
    kpis = "\n".join(_rijen_van(client.get("/dashboard/", {**query, "formaat": "csv"})))
    assert "In één keer goed (FCR);33,3;80" in kpis and "33.3" not in kpis
    detail = _rijen_van(client.get("/dashboard/kpi/fcr/", {**query, "formaat": "csv"}))
    assert detail[1].startswith("09-03-2026 11:00;")  # local time, day first
    pagina = client.get("/dashboard/kpi/fcr/", query).content.decode()
    assert "09-03-2026 11:00" in pagina and "10:00" not in pagina
    xlsx = client.get("/dashboard/kpi/fcr/", {**query, "formaat": "xlsx"})
    cellen, _stijlen = _xlsx_cellen(xlsx.content)
    assert float(cellen["A2"][1]) == pytest.approx(46090 + 11 / 24)  # 9 March 2026 11:00


# --- What no page or message may do again ---------------------------------------


def test_no_template_shows_a_machine_date_to_a_person():
    """An ISO date or moment is only for attributes a browser reads (a link's
    query, an input's value, <time datetime>); text gets the Dutch filters
    (|datum, |moment, |date:"j F Y"), never a cut-off ISO string."""
    from django.conf import settings

    machine = re.compile(r"""\|date:['"](?:Y-m-d|c)['"]|\|slice:['"]:1[06]['"]|isoformat""")
    in_attribuut = re.compile(
        r"""[\w-]+=["'][^"'<>]*\{\{[^}]*(?:\|date:['"](?:Y-m-d|c)['"])[^}]*\}\}"""
    )
    fouten = []
    for map_ in settings.TEMPLATES[0]["DIRS"]:
        for pad in sorted(map_.rglob("*.html")):
            tekst = pad.read_text(encoding="utf-8")
            toegestaan = len(in_attribuut.findall(tekst))
            if len(machine.findall(tekst)) > toegestaan:
                fouten.append(pad.name)
    assert not fouten


def test_no_code_writes_a_moment_in_iso_for_a_person():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    fouten = [
        str(pad.relative_to(root))
        for app in ("kcc", "producten", "klanten", "zaken", "kanalen", "dashboard")
        for pad in (root / app).rglob("*.py")
        if "devdata" not in pad.parts and "%Y-%m-%d %H" in pad.read_text(encoding="utf-8")
    ]
    assert not fouten
