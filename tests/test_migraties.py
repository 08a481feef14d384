"""The data migrations, met the way a deployment meets them: the database at
the state just before the migration, rows written through the models of that
state, the migration run, and the rewritten rows read through the models of
the state after it.

Every test leaves the database at the latest migrations, also when it fails:
the rest of the suite shares the test database.
"""

from __future__ import annotations

import gc
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from zaken.models import GEEN_TERMIJN

# Migrations need real transactions (and run outside the test's own).
pytestmark = pytest.mark.django_db(transaction=True)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class Migrator:
    """Moves the test database between migrations."""

    def __init__(self):
        self.executor = MigrationExecutor(connection)

    def naar(self, app: str, migratie: str):
        """Migrate forward or back to ``migratie`` of ``app`` (going back also
        unapplies the other apps' migrations that depend on it); returns the
        models of the state the database is then in."""
        self._migreren([(app, migratie)])
        return self.modellen()

    def naar_de_laatste(self) -> None:
        self._migreren(self.executor.loader.graph.leaf_nodes())

    def modellen(self):
        # The models of every migration applied, not only of (app, migratie)
        # and its ancestors: those lack the other apps' later columns (the
        # state of zaken 0005 has no Product.overdracht_instructie, a NOT NULL
        # column the database has) or whole apps (dashboard 0002 knows no
        # klanten), and every insert through them would fail.
        # A squashed migration of a library is recorded with the ones it
        # replaced, which are no nodes of the graph: only the graph's own.
        loader = self.executor.loader
        toegepast = [m for m in loader.applied_migrations if m in loader.graph.nodes]
        return loader.project_state(toegepast).apps

    def _migreren(self, doelen) -> None:
        # Read what is applied first: a migration that failed half way left
        # the loader behind the database.
        self.executor.loader.build_graph()
        # Every historical model rendered with an FSMField leaves a
        # class_prepared receiver (django-fsm) until the garbage collector
        # frees it, and each model the migrations render calls them all:
        # without freeing the last migration's states first, going back
        # through thirty migrations takes more than twice as long.
        gc.collect()
        try:
            self.executor.migrate(doelen)
        finally:
            self.executor.loader.build_graph()


@pytest.fixture
def migrator(transactional_db):
    """Brings the database back to the latest migrations after the test,
    also when it failed. Requests the database first, so that runs before
    the test database is flushed."""
    migrator = Migrator()
    try:
        yield migrator
    finally:
        migrator.naar_de_laatste()


def _moment(dag: date, uur: int, minuut: int = 0) -> datetime:
    return datetime.combine(dag, time(uur, minuut), tzinfo=AMSTERDAM)


def _klant(apps, bsn: str, geslachtsnaam: str, **velden):
    return apps.get_model("klanten", "Klant").objects.create(
        soort="persoon", bsn=bsn, voornamen="Suzanne", geslachtsnaam=geslachtsnaam, **velden
    )


def _medewerker(apps, username: str):
    return apps.get_model("kcc", "User").objects.create(username=username, first_name=username)


def _product(apps, code: str, naam: str, **velden):
    Aanbieder = apps.get_model("producten", "Aanbieder")
    aanbieder, _ = Aanbieder.objects.get_or_create(
        code="gemeente", defaults={"naam": "Gemeente Voorbeeldstad", "soort": "gemeente"}
    )
    velden = {
        "samenvatting": f"{naam} bij de gemeente.",
        "omschrijving": f"{naam} doet u bij de gemeente.",
        **velden,
    }
    return apps.get_model("producten", "Product").objects.create(
        code=code, naam=naam, aanbieder=aanbieder, **velden
    )


def _zaak(apps, nummer: str, *, klant, product, **velden):
    versie, _ = apps.get_model("producten", "ProductVersie").objects.get_or_create(
        product=product, nummer=1, defaults={"inhoud": {}}
    )
    return apps.get_model("zaken", "Zaak").objects.create(
        nummer=nummer,
        kanaal="internet",
        klant=klant,
        product=product,
        productversie=versie,
        **velden,
    )


# zaken 0006: "Existing cases: the queue order from their deadlines, and when
# they were first taken in behandeling." One test, as going back before
# zaken 0006 takes nineteen migrations of four apps with it.


def test_it_gives_existing_cases_their_queue_order_and_first_pickup(migrator):
    apps = migrator.naar("zaken", "0005_werkvoorraad_indexen")
    StatusWijziging = apps.get_model("zaken", "StatusWijziging")
    suzanne = _klant(apps, "999993653", "Moulin")
    jan = _klant(apps, "999990019", "Dijk")
    paspoort = _product(apps, "paspoort", "Paspoort aanvragen")
    kapvergunning = _product(apps, "kapvergunning", "Kapvergunning aanvragen")
    # Taken up, waiting for the customer, resumed, closed, reopened and
    # taken up again.
    heropend = _zaak(
        apps,
        "ZAAK-2026-000001",
        klant=suzanne,
        product=paspoort,
        status="in_behandeling",
        streefdatum=date(2026, 3, 17),
        uiterste_datum=date(2026, 4, 21),
    )
    for van, naar, dag, uur in (
        ("", "ontvangen", 2, 9),
        ("ontvangen", "in_behandeling", 3, 10),
        ("in_behandeling", "wacht_op_klant", 5, 11),
        ("wacht_op_klant", "in_behandeling", 9, 14),
        ("in_behandeling", "afgehandeld", 12, 15),
        ("afgehandeld", "heropend", 16, 9),
        ("heropend", "in_behandeling", 17, 8),
    ):
        StatusWijziging.objects.create(
            zaak=heropend, van=van, naar=naar, tijdstip=_moment(date(2026, 2, dag), uur)
        )
    # A statutory term shorter than the service norm: the law comes first.
    nog_niet_opgepakt = _zaak(
        apps,
        "ZAAK-2026-000002",
        klant=jan,
        product=kapvergunning,
        streefdatum=date(2026, 5, 4),
        uiterste_datum=date(2026, 4, 20),
    )
    StatusWijziging.objects.create(
        zaak=nog_niet_opgepakt, naar="ontvangen", tijdstip=_moment(date(2026, 3, 9), 16)
    )
    meteen_afgewezen = _zaak(
        apps,
        "ZAAK-2026-000003",
        klant=jan,
        product=kapvergunning,
        status="afgewezen",
        uiterste_datum=date(2026, 6, 1),
    )
    for van, naar, dag in (("", "ontvangen", 2), ("ontvangen", "afgewezen", 4)):
        StatusWijziging.objects.create(
            zaak=meteen_afgewezen, van=van, naar=naar, tijdstip=_moment(date(2026, 3, dag), 9)
        )
    zonder_termijn = _zaak(apps, "ZAAK-2026-000004", klant=suzanne, product=paspoort)

    apps = migrator.naar("zaken", "0006_termijndatum_overdracht_documenten")

    na = {
        zaak["pk"]: (zaak["termijndatum"], zaak["opgepakt_op"])
        for zaak in apps.get_model("zaken", "Zaak").objects.values(
            "pk", "termijndatum", "opgepakt_op"
        )
    }
    assert na == {
        # The first time it was taken up, not the last.
        heropend.pk: (date(2026, 3, 17), _moment(date(2026, 2, 3), 10)),
        nog_niet_opgepakt.pk: (date(2026, 4, 20), None),
        meteen_afgewezen.pk: (date(2026, 6, 1), None),
        # Last in every queue, as a new case without terms is.
        zonder_termijn.pk: (GEEN_TERMIJN, None),
    }


# kanalen 0010: ratings take the agent and product of their case or contact


def test_it_gives_each_rating_the_agent_and_product_of_what_was_rated(migrator):
    apps = migrator.naar("kanalen", "0009_wachtrij_tijdstip")
    Klantcontact = apps.get_model("klanten", "Klantcontact")
    Beoordeling = apps.get_model("kanalen", "Beoordeling")
    suzanne = _klant(apps, "999993653", "Moulin")
    jan = _klant(apps, "999990019", "Dijk")
    anna = _medewerker(apps, "anna")
    bram = _medewerker(apps, "bram")
    paspoort = _product(apps, "paspoort", "Paspoort aanvragen")
    parkeren = _product(apps, "parkeervergunning", "Parkeervergunning aanvragen")
    eind = _moment(date(2026, 3, 2), 10)
    # Two customers' contacts with different agents and products: each
    # rating must take its own contact's, not the first one found.
    telefoontje = Klantcontact.objects.create(
        klant=suzanne, kanaal="telefoon", medewerker=anna, product=paspoort, beeindigd_op=eind
    )
    balie = Klantcontact.objects.create(
        klant=jan, kanaal="balie", medewerker=bram, product=parkeren, beeindigd_op=eind
    )
    # A portal question answered through a contactverzoek: no agent on the
    # contact itself, and no product.
    zonder_medewerker = Klantcontact.objects.create(
        klant=jan, kanaal="email", onderwerp="Afvalkalender", beeindigd_op=eind
    )
    afgehandeld = _zaak(
        apps,
        "ZAAK-2026-000001",
        klant=jan,
        product=parkeren,
        status="afgehandeld",
        behandelaar=anna,
    )
    # Closed at the counter while the customer waited: nobody took it up.
    zonder_behandelaar = _zaak(
        apps, "ZAAK-2026-000002", klant=suzanne, product=paspoort, status="afgehandeld"
    )
    beoordelingen = {
        naam: Beoordeling.objects.create(
            klant_id=item.klant_id, kanaal=item.kanaal, score=score, **{veld: item}
        )
        for naam, veld, item, score in (
            ("telefoontje", "klantcontact", telefoontje, 4),
            ("balie", "klantcontact", balie, 2),
            ("zonder medewerker", "klantcontact", zonder_medewerker, 5),
            ("zaak", "zaak", afgehandeld, 3),
            ("zaak zonder behandelaar", "zaak", zonder_behandelaar, 1),
        )
    }

    apps = migrator.naar("kanalen", "0010_beoordeling_medewerker_product")

    na = apps.get_model("kanalen", "Beoordeling").objects.in_bulk()
    assert {
        naam: (na[b.pk].medewerker_id, na[b.pk].product_id, na[b.pk].score)
        for naam, b in beoordelingen.items()
    } == {
        "telefoontje": (anna.pk, paspoort.pk, 4),
        "balie": (bram.pk, parkeren.pk, 2),
        "zonder medewerker": (None, None, 5),
        "zaak": (anna.pk, parkeren.pk, 3),
        "zaak zonder behandelaar": (None, paspoort.pk, 1),
    }


# kanalen 0011: each agent's current status becomes their open period


def test_it_opens_each_agents_current_status_as_a_period_from_now(migrator):
    apps = migrator.naar("kanalen", "0010_beoordeling_medewerker_product")
    Medewerkerstatus = apps.get_model("kanalen", "Medewerkerstatus")
    nu = timezone.now()
    anna = _medewerker(apps, "anna")
    bram = _medewerker(apps, "bram")
    carla = _medewerker(apps, "carla")
    # A behandelaar of the back office never set a status.
    _medewerker(apps, "dirk")
    # Anna forgot to log out three weeks ago: those weeks are not hers.
    Medewerkerstatus.objects.create(
        medewerker=anna, status="beschikbaar", sinds=nu - timedelta(weeks=3)
    )
    Medewerkerstatus.objects.create(
        medewerker=bram, status="pauze", sinds=nu - timedelta(minutes=10)
    )
    Medewerkerstatus.objects.create(
        medewerker=carla, status="offline", sinds=nu - timedelta(days=1)
    )

    voor = timezone.now()
    apps = migrator.naar("kanalen", "0011_statusperiode")
    na = timezone.now()

    perioden = apps.get_model("kanalen", "Statusperiode").objects.all()
    assert sorted((p.medewerker.username, p.status, p.einde) for p in perioden) == [
        ("anna", "beschikbaar", None),
        ("bram", "pauze", None),
        ("carla", "offline", None),
    ]
    assert all(voor <= p.begin <= na for p in perioden)


# dashboard 0003 and 0004: the rollups are rebuilt from the raw rows


@pytest.fixture
def volgende_run(monkeypatch):
    """The next rollup run, as the platform does it after the deploy, on the
    latest models. Without a look-back (as the rollup tests have it), so only
    the watermarks decide which past days are rebuilt."""
    from dashboard import rollups

    monkeypatch.setattr(rollups, "MARGE", 0)
    return rollups.bijwerken


def test_it_rebuilds_every_past_day_per_half_hour(migrator, volgende_run):
    apps = migrator.naar("dashboard", "0002_rollups")
    Rollupstand = apps.get_model("dashboard", "Rollupstand")
    oude_dag = timezone.localdate() - timedelta(days=20)
    contact = apps.get_model("klanten", "Klantcontact").objects.create(
        kanaal="telefoon",
        gestart_op=_moment(oude_dag, 10, 10),
        beeindigd_op=_moment(oude_dag, 10, 16),
    )
    # The hourly rollups were current: the watermarks stood at the last rows.
    bijgewerkt = timezone.now() - timedelta(minutes=5)
    Rollupstand.objects.create(
        bron="klanten.Klantcontact", tot_id=contact.pk, bijgewerkt_op=bijgewerkt
    )
    Rollupstand.objects.create(
        bron="kanalen.Wachtrijgebeurtenis", tot_id=1200, bijgewerkt_op=bijgewerkt
    )
    apps.get_model("dashboard", "ContactenPerUur").objects.create(
        datum=oude_dag, uur=10, kanaal="telefoon", contacten=1
    )
    # What the beheerder set is no rollup: it stays.
    apps.get_model("dashboard", "Kpidoel").objects.create(code="fcr", doel=Decimal("85.0"))

    apps = migrator.naar("dashboard", "0003_halfuur")

    assert not apps.get_model("dashboard", "Rollupstand").objects.exists()
    assert list(apps.get_model("dashboard", "Kpidoel").objects.values_list("code", "doel")) == [
        ("fcr", Decimal("85.0"))
    ]

    migrator.naar_de_laatste()
    volgende_run()

    from dashboard.models import ContactenPerHalfuur

    assert list(
        ContactenPerHalfuur.objects.filter(datum=oude_dag).values_list("kanaal", "contacten")
    ) == [("telefoon", 1)]


def test_it_rebuilds_every_past_day_for_the_new_doelgroep_and_beschikbaarheid(
    migrator, volgende_run
):
    apps = migrator.naar("dashboard", "0003_halfuur")
    Rollupstand = apps.get_model("dashboard", "Rollupstand")
    oude_dag = timezone.localdate() - timedelta(days=20)
    anna = _medewerker(apps, "anna")
    # 55 on that day.
    suzanne = _klant(apps, "999993653", "Moulin", geboortedatum=date(1970, 5, 1))
    contact = apps.get_model("klanten", "Klantcontact").objects.create(
        klant=suzanne,
        kanaal="balie",
        medewerker=anna,
        gestart_op=_moment(oude_dag, 10, 10),
        beeindigd_op=_moment(oude_dag, 10, 25),
    )
    periode = apps.get_model("kanalen", "Statusperiode").objects.create(
        medewerker=anna,
        status="beschikbaar",
        begin=_moment(oude_dag, 8),
        einde=_moment(oude_dag, 12),
    )
    bijgewerkt = timezone.now() - timedelta(minutes=5)
    for bron, tot_id in (
        ("klanten.Klantcontact", contact.pk),
        ("kanalen.Statusperiode", periode.pk),
    ):
        Rollupstand.objects.create(bron=bron, tot_id=tot_id, bijgewerkt_op=bijgewerkt)
    apps.get_model("dashboard", "Kpidoel").objects.create(code="bezetting", doel=Decimal("70.0"))

    apps = migrator.naar("dashboard", "0004_beschikbaarheid_en_doelgroep")

    # The watermarks go back to the start; the rows themselves stay.
    assert sorted(
        apps.get_model("dashboard", "Rollupstand").objects.values_list(
            "bron", "tot_id", "bijgewerkt_op"
        )
    ) == [
        ("kanalen.Statusperiode", 0, bijgewerkt),
        ("klanten.Klantcontact", 0, bijgewerkt),
    ]
    assert apps.get_model("dashboard", "Kpidoel").objects.get().doel == Decimal("70.0")

    migrator.naar_de_laatste()
    volgende_run()

    from dashboard.models import BeschikbaarheidPerMedewerker, ContactenPerDoelgroep

    assert list(
        ContactenPerDoelgroep.objects.filter(datum=oude_dag).values_list(
            "kanaal", "doelgroep", "contacten"
        )
    ) == [("balie", "persoon_50_66", 1)]
    assert list(
        BeschikbaarheidPerMedewerker.objects.filter(datum=oude_dag).values_list(
            "medewerker_id", "beschikbaar_seconden"
        )
    ) == [(anna.pk, 4 * 3600)]


# producten 0005: a stored, weighted search vector instead of the expression index


def _indexen(tabel: str) -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, tabel))


def _kolommen(tabel: str) -> set[str]:
    with connection.cursor() as cursor:
        return {k.name for k in connection.introspection.get_table_description(cursor, tabel)}


def _gevonden(model, *woorden: str) -> list[int]:
    """The ids the platform's search finds for ``woorden``, best first."""
    from producten.zoeken import postgres_zoekopdracht

    return list(
        postgres_zoekopdracht(model.objects.all(), ws=list(woorden))
        .order_by("-rank", "id")
        .values_list("id", flat=True)
    )


def test_it_gives_every_row_a_weighted_search_vector_and_takes_it_away_going_back(migrator):
    # One test for both ways, as going back before producten 0005 takes
    # thirty-four migrations of five apps with it.

    # Says "paspoort" once, in its name.
    paspoort = _product(
        migrator.modellen(),
        "paspoort",
        "Paspoort aanvragen",
        samenvatting="Een nieuw reisdocument.",
        omschrijving="U vraagt het aan bij de balie.",
    )

    apps = migrator.naar("producten", "0004_kosten_toelichting")

    for tabel in ("producten_product", "producten_kennisitem"):
        assert "zoekvector" not in _kolommen(tabel)
        # The expression index of 0003 that forward replaced is back.
        assert f"{tabel}_zoektekst_fts" in _indexen(tabel)
    assert apps.get_model("producten", "Product").objects.get().naam == "Paspoort aanvragen"

    # Says it three times, in the text and the conditions that weigh least.
    verhuizing = _product(
        apps,
        "verhuizing",
        "Verhuizing doorgeven",
        omschrijving="Geef uw verhuizing door en houd uw paspoort bij de hand.",
        voorwaarden="U neemt uw paspoort mee.\nKinderen zonder eigen paspoort gaan mee.",
    )
    _product(apps, "kapvergunning", "Kapvergunning aanvragen")
    KennisItem = apps.get_model("producten", "KennisItem")
    # Found by its keywords only.
    vraag = KennisItem.objects.create(
        vraag="Hoe lang is mijn reisdocument geldig?",
        antwoord="Tien jaar voor volwassenen.",
        trefwoorden="paspoort identiteitskaart",
    )
    KennisItem.objects.create(
        vraag="Wanneer wordt het grofvuil opgehaald?", antwoord="Op afspraak."
    )

    apps = migrator.naar("producten", "0005_zoekvector")
    Product = apps.get_model("producten", "Product")

    # Found by the platform's own search, the name weighing most.
    assert _gevonden(Product, "paspoort") == [paspoort.pk, verhuizing.pk]
    assert _gevonden(apps.get_model("producten", "KennisItem"), "paspoort") == [vraag.pk]
    # Generated and stored: the vector follows the row.
    Product.objects.filter(pk=verhuizing.pk).update(
        omschrijving="Geef uw verhuizing door.", voorwaarden="U neemt een legitimatie mee."
    )
    assert _gevonden(Product, "paspoort") == [paspoort.pk]
    for tabel in ("producten_product", "producten_kennisitem"):
        assert f"{tabel}_zoekvector" in _indexen(tabel)
