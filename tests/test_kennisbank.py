"""The knowledge base finds the answer from the words a caller uses."""

import pytest

from producten import selectors
from producten.models import KennisGebruik, OnbeantwoordeZoekvraag
from tests.factories import maak_kennisitem, maak_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def kennisbank():
    paspoort = maak_product()
    items = {
        "kwijt": maak_kennisitem(
            "Mijn paspoort is gestolen. Wat moet ik doen?",
            "Doe aangifte bij de politie en vraag daarna een nieuw paspoort aan bij de balie.",
            trefwoorden="kwijt, verloren, diefstal, gestolen",
            producten=[paspoort],
        ),
        "kosten": maak_kennisitem(
            "Wat kost een paspoort?",
            "Een paspoort voor volwassenen kost € 84,40 aan de balie.",
            trefwoorden="prijs, tarief, kosten",
            producten=[paspoort],
        ),
        "verhuizen": maak_kennisitem(
            "Hoe geef ik mijn verhuizing door?",
            "U geeft uw verhuizing online door met DigiD, uiterlijk 5 dagen na de verhuisdatum.",
            trefwoorden="adreswijziging, nieuw adres, verhuizen, inschrijven",
        ),
        "afval": maak_kennisitem(
            "Mijn container is kapot. Wat nu?",
            "Meld een kapotte container online. Wij vervangen hem binnen 10 werkdagen.",
            trefwoorden="kliko, afvalbak, vuilnisbak, stuk",
        ),
        "concept": maak_kennisitem(
            "Concept over paspoorten", "Nog niet af.", trefwoorden="paspoort", publiceren=False
        ),
    }
    return items


@pytest.mark.parametrize(
    ("zoekterm", "verwacht"),
    [
        ("ik ben mijn paspoort kwijt", "kwijt"),
        ("paspoort gestolen", "kwijt"),
        ("wat kost een paspoort", "kosten"),
        ("ik ga verhuizen", "verhuizen"),
        ("adreswijziging doorgeven", "verhuizen"),
        ("kliko stuk", "afval"),
        ("paspo", None),  # search-as-you-type: a prefix finds passport items
    ],
)
def test_it_puts_the_right_answer_first(kennisbank, zoekterm, verwacht):
    resultaten = selectors.kennisitems_zoeken(zoekterm=zoekterm)
    assert resultaten, zoekterm
    if verwacht:
        assert resultaten[0] == kennisbank[verwacht], [r.vraag for r in resultaten]
    assert kennisbank["concept"] not in resultaten


def test_it_finds_nothing_for_unrelated_words(kennisbank):
    assert selectors.kennisitems_zoeken(zoekterm="zwembad openingstijden") == []


def test_it_ignores_query_syntax_in_what_people_type(kennisbank):
    for zoekterm in ["paspoort & | ! ( )", "<paspoort>", "paspoort:*"]:
        resultaten = selectors.kennisitems_zoeken(zoekterm=zoekterm)
        assert kennisbank["kwijt"] in resultaten, zoekterm  # the word still counts
    assert selectors.kennisitems_zoeken(zoekterm="'; DROP TABLE") == []
    assert selectors.kennisitems_zoeken(zoekterm=":* & |") == []


def test_it_records_whether_an_answer_helped(client, klantmanager, kennisbank):
    client.force_login(klantmanager)
    item = kennisbank["kwijt"]
    response = client.post(
        f"/kcc/kennisbank/{item.uuid}/gebruik/",
        {"geholpen": "ja", "kanaal": "telefoon", "terug": "/kcc/kennisbank/?q=kwijt"},
    )
    assert response["Location"] == "/kcc/kennisbank/?q=kwijt"
    gebruik = KennisGebruik.objects.get()
    assert (gebruik.item, gebruik.geholpen, gebruik.kanaal, gebruik.gebruiker) == (
        item,
        True,
        "telefoon",
        klantmanager,
    )


def test_it_refuses_an_unclear_helped_answer(client, klantmanager, kennisbank):
    client.force_login(klantmanager)
    client.post(f"/kcc/kennisbank/{kennisbank['kwijt'].uuid}/gebruik/", {"geholpen": "misschien"})
    assert not KennisGebruik.objects.exists()


def test_it_keeps_searches_that_found_nothing_for_the_beheerder(
    client, klantmanager, beheerder, kennisbank
):
    client.force_login(klantmanager)
    for _ in range(2):
        client.get("/kcc/kennisbank/", {"q": "Zwembad  openingstijden"})
    rij = OnbeantwoordeZoekvraag.objects.get()
    assert (rij.zoekterm, rij.aantal, rij.bron) == ("zwembad openingstijden", 2, "werkplek")
    client.force_login(beheerder)
    rapport = client.get("/beheer/producten/kennisitem/rapport/").content.decode()
    assert "zwembad openingstijden" in rapport


def test_every_knowledge_search_that_finds_nothing_is_counted(client, klantmanager, kennisbank):
    """Each place a person searches the knowledge base: the public FAQ and
    product search, the workspace's product screen and knowledge base, the
    contact form, and the API a chat widget or another system asks."""
    zoekpogingen = [
        (None, "/vragen/", "q", "portaal"),
        (None, "/producten/zoeken/", "q", "portaal"),
        (None, "/api/v1/kennisitems/", "q", "portaal"),
        (klantmanager, "/kcc/producten/", "q", "werkplek"),
        (klantmanager, "/kcc/kennisbank/", "q", "werkplek"),
        (klantmanager, "/kcc/kennisbank/contact/", "kennis", "werkplek"),
        (klantmanager, "/api/v1/kennisitems/", "q", "werkplek"),
    ]
    vogels = ["kwartel", "fazant", "merel", "spreeuw", "reiger", "ekster", "gaai"]
    for vogel, (gebruiker, pad, parameter, bron) in zip(vogels, zoekpogingen, strict=True):
        client.logout()
        if gebruiker:
            client.force_login(gebruiker)
        zoekterm = f"zwembad {vogel}"
        assert client.get(pad, {parameter: zoekterm}).status_code == 200, pad
        assert OnbeantwoordeZoekvraag.objects.filter(zoekterm=zoekterm, bron=bron).exists(), pad


def test_it_answers_the_public_faq_from_the_same_items(client, kennisbank):
    page = client.get("/vragen/", {"q": "paspoort kwijt"}).content.decode()
    assert "Mijn paspoort is gestolen" in page
    assert "Concept over paspoorten" not in page


def test_it_shows_agents_the_knowledge_search_in_the_product_screen(
    client, klantmanager, kennisbank
):
    client.force_login(klantmanager)
    page = client.get("/kcc/producten/", {"q": "paspoort kwijt"}).content.decode()
    assert "Mijn paspoort is gestolen" in page
    assert "/kcc/producten/paspoort/" in page


def test_it_uses_the_full_text_index_on_postgresql(kennisbank):
    from django.db import connection

    from producten.models import KennisItem
    from producten.zoeken import postgres_zoekopdracht

    qs = postgres_zoekopdracht(KennisItem.objects.all(), ws=["paspoort"])
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        sql, params = qs.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "producten_kennisitem_zoekvector" in plan


def test_it_offers_every_channel_when_recording_use(client, klantmanager, kennisbank):
    client.force_login(klantmanager)
    for url in ["/kcc/producten/?q=paspoort+kwijt", "/kcc/kennisbank/?q=paspoort+kwijt"]:
        page = client.get(url).content.decode()
        assert '<option value="telefoon" selected>' in page, url
        assert '<option value="chat">' in page, url


@pytest.mark.parametrize(
    ("zoekterm", "verwacht"), [("pasport gestoolen", "kwijt"), ("vuilnisbakk", "afval")]
)
def test_it_forgives_typos_on_postgresql(kennisbank, zoekterm, verwacht):
    resultaten = selectors.kennisitems_zoeken(zoekterm=zoekterm)
    assert resultaten and resultaten[0] == kennisbank[verwacht], [r.vraag for r in resultaten]


def test_it_keeps_no_numbers_or_addresses_from_failed_searches(client):
    for zoekterm in ["bsn 999993653 zwembad", "mail piet@example.nl over zwembad"]:
        client.get("/vragen/", {"q": zoekterm})
    termen = set(OnbeantwoordeZoekvraag.objects.values_list("zoekterm", flat=True))
    assert termen == {"bsn … zwembad", "mail … over zwembad"}


def test_it_forgets_failed_searches_after_the_retention_period(client):
    from datetime import timedelta

    from django.utils import timezone

    from producten.tasks import zoekvragen_opruimen

    client.get("/vragen/", {"q": "zwembad"})
    client.get("/vragen/", {"q": "sporthal"})
    OnbeantwoordeZoekvraag.objects.filter(zoekterm="zwembad").update(
        laatst=timezone.now() - timedelta(days=181)
    )
    assert zoekvragen_opruimen.delay().get() == 1
    assert list(OnbeantwoordeZoekvraag.objects.values_list("zoekterm", flat=True)) == ["sporthal"]
