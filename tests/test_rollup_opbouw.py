"""The first rollup build finishes: a rebuild larger than one task's time
budget is done in several runs, each going on where the last one stopped,
and ends with the same rollups as one full rebuild."""

from __future__ import annotations

import io
import random
from collections import Counter
from datetime import datetime, time, timedelta

import pytest
import redis
from django.conf import settings
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.utils import timezone

from dashboard import rollups
from dashboard import tasks as dashboard_tasks
from dashboard.models import (
    BeschikbaarheidPerMedewerker,
    ContactenPerDoelgroep,
    ContactenPerHalfuur,
    ContactenPerMedewerker,
    ContactenPerProduct,
    Rollupstand,
    WachtrijPerHalfuur,
)
from kanalen.models import Statusperiode, Wachtrijgebeurtenis
from kcc.roles import Rol
from klanten.models import Klantcontact
from tests.factories import KlantFactory, UserFactory, maak_product

pytestmark = pytest.mark.django_db

DAGEN = 10  # today and the nine days before, each with contacts
ROLLUPS = (
    ContactenPerHalfuur,
    ContactenPerMedewerker,
    ContactenPerProduct,
    ContactenPerDoelgroep,
    WachtrijPerHalfuur,
    BeschikbaarheidPerMedewerker,
)


def _moment(dagen_terug: int, uur: int, minuut: int = 0) -> datetime:
    dag = timezone.localdate() - timedelta(days=dagen_terug)
    return datetime.combine(dag, time(uur, minuut), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def contacten(db):
    rnd = random.Random(11)
    agenten = [UserFactory(rollen=[Rol.KLANTMANAGER]) for _ in range(2)]
    klanten = [KlantFactory(), KlantFactory(), None]
    producten = [maak_product(), None]
    for dagen_terug in range(DAGEN):
        for _ in range(5):
            gestart = _moment(dagen_terug, rnd.randrange(8, 18), rnd.randrange(60))
            agent = rnd.choice(agenten)
            wacht = rnd.randrange(0, 60)
            contact = Klantcontact.objects.create(
                klant=rnd.choice(klanten),
                kanaal=rnd.choice(["telefoon", "balie"]),
                product=rnd.choice(producten),
                onderwerp="Paspoort",
                in_een_keer_goed=rnd.choice([True, False, None]),
                gestart_op=gestart,
                beeindigd_op=gestart + timedelta(seconds=rnd.randrange(30, 600)),
                nawerk_seconden=rnd.randrange(0, 120),
                medewerker=agent,
            )
            for soort, tijdstip in (
                ("aangeboden", gestart - timedelta(seconds=wacht)),
                ("beantwoord", gestart),
            ):
                Wachtrijgebeurtenis.objects.create(
                    kanaal="telefoon",
                    soort=soort,
                    sessie=str(contact.uuid),
                    tijdstip=tijdstip,
                    wachttijd_seconden=wacht if soort == "beantwoord" else None,
                    medewerker=agent if soort == "beantwoord" else None,
                )
        Statusperiode.objects.create(
            medewerker=agenten[0],
            status="beschikbaar",
            begin=_moment(dagen_terug, 8),
            einde=_moment(dagen_terug, 12),
        )


def _rollups() -> dict[str, Counter]:
    """Every rollup row, without its id."""
    return {
        model.__name__: Counter(
            tuple(sorted((k, v) for k, v in rij.items() if k != "id"))
            for rij in model.objects.values()
        )
        for model in ROLLUPS
    }


def _volledig_opnieuw() -> dict[str, Counter]:
    """The rollups of one full rebuild from the raw rows."""
    for model in ROLLUPS:
        model.objects.all().delete()
    Rollupstand.objects.all().delete()
    cache.delete(rollups.PLAN)
    rollups.bijwerken()
    return _rollups()


@pytest.fixture
def stappen(monkeypatch):
    """The runs' outcomes, in order."""
    gezien = []
    echte_stap = rollups.bijwerken_stap

    def stap(**kwargs):
        uitkomst = echte_stap(**kwargs)
        gezien.append(uitkomst)
        return uitkomst

    monkeypatch.setattr(rollups, "bijwerken_stap", stap)
    return gezien


def test_it_builds_a_rebuild_larger_than_one_runs_budget_in_several_runs(
    contacten, stappen, monkeypatch
):
    # A budget spent by the first day: each run builds one day and queues
    # the next run (at once, in the test's process).
    monkeypatch.setattr(dashboard_tasks, "BUDGET_SECONDEN", 0)
    dashboard_tasks.rollups_bijwerken.delay()
    assert [len(stap.gebouwd) for stap in stappen] == [1] * DAGEN
    assert stappen[0].gebouwd == [timezone.localdate()]  # today first
    assert [stap.resterend for stap in stappen] == list(range(DAGEN - 1, -1, -1))
    gebouwd = _rollups()
    assert sum(gebouwd["ContactenPerHalfuur"].values()) > 0
    assert Rollupstand.objects.get(bron="klanten.Klantcontact").tot_id == (
        Klantcontact.objects.order_by("-id").first().id
    )

    assert gebouwd == _volledig_opnieuw()


def test_each_beat_run_goes_on_where_the_last_one_stopped(contacten):
    vandaag = timezone.localdate()
    eerste = rollups.bijwerken_stap(dagen_terug=0, budget_seconden=0)
    assert eerste == rollups.Stap([vandaag], DAGEN - 1, hervat=False)
    # The watermarks move only once every day of the plan is built.
    assert Rollupstand.objects.get(bron="klanten.Klantcontact").tot_id == 0
    tweede = rollups.bijwerken_stap(dagen_terug=0, budget_seconden=0)
    assert tweede == rollups.Stap([vandaag - timedelta(days=1)], DAGEN - 2, hervat=True)
    while rollups.bijwerken_stap(dagen_terug=0, budget_seconden=0).resterend:
        pass
    assert Rollupstand.objects.get(bron="klanten.Klantcontact").tot_id > 0
    gebouwd = _rollups()
    # Done: the next run plans afresh and finds only today.
    assert rollups.bijwerken_stap(dagen_terug=0, budget_seconden=0) == rollups.Stap(
        [vandaag], 0, hervat=False
    )

    assert gebouwd == _volledig_opnieuw()


def test_a_run_that_fails_half_way_leaves_the_rest_to_the_next(contacten, monkeypatch):
    echt_opbouwen = rollups.dag_opbouwen
    gebouwd = []

    def opbouwen(dag):
        if len(gebouwd) == 3:
            raise TimeoutError("database gone")
        echt_opbouwen(dag)
        gebouwd.append(dag)

    monkeypatch.setattr(rollups, "dag_opbouwen", opbouwen)
    with pytest.raises(TimeoutError):
        rollups.bijwerken()
    # The lock is released, the plan kept without the days that were built.
    assert cache.get(rollups.SLOT) is None
    assert len(cache.get(rollups.PLAN)["dagen"]) == DAGEN - 3
    monkeypatch.setattr(rollups, "dag_opbouwen", echt_opbouwen)

    opnieuw = rollups.bijwerken()
    # The rest of the plan (the oldest days), then today and yesterday again.
    assert len(opnieuw) == DAGEN - 3 + 2
    assert cache.get(rollups.PLAN) is None
    assert _rollups() == _volledig_opnieuw()


def test_the_nightly_run_adds_its_week_to_a_plan_under_way(db):
    vandaag = timezone.localdate()
    Klantcontact.objects.create(kanaal="telefoon", gestart_op=_moment(12, 1))
    rollups.bijwerken_stap(dagen_terug=1, budget_seconden=0)
    plan = cache.get(rollups.PLAN)["dagen"]
    assert vandaag - timedelta(days=3) not in plan

    rollups.bijwerken_stap(dagen_terug=7, budget_seconden=0)
    plan = cache.get(rollups.PLAN)["dagen"]
    assert {vandaag - timedelta(days=i) for i in range(2, 8)} <= set(plan)


def test_a_run_while_another_holds_the_lock_does_nothing(contacten, stappen):
    cache.add(rollups.SLOT, "ander")
    assert dashboard_tasks.rollups_bijwerken.delay().get() == 0
    assert stappen == [None]  # and queued no next run
    assert cache.get(rollups.PLAN) is None
    assert cache.get(rollups.SLOT) == "ander"


def test_the_nightly_run_waits_for_a_run_that_holds_the_lock(contacten):
    from celery.exceptions import Retry

    cache.add(rollups.SLOT, "ander")
    with pytest.raises(Retry):
        dashboard_tasks.rollups_bijwerken.apply(kwargs={"dagen_terug": 7}, throw=True)


def test_a_dead_workers_lock_expires(contacten):
    # A worker ended at its hard time limit runs no `finally`: the lock must
    # lapse on its own, renewed after every day while the run lives.
    client = redis.Redis.from_url(settings.REDIS_URL)
    ttls = []

    def na_dag(dag, gebouwd, resterend):
        ttls.append(client.ttl(cache.make_key(rollups.SLOT)))

    rollups.bijwerken(bij_dag=na_dag)
    assert ttls
    assert all(0 < ttl <= rollups.SLOT_SECONDEN for ttl in ttls)


def test_the_command_builds_everything_in_the_foreground(contacten):
    # A plan a beat run left half done: the command finishes it, then builds
    # the days since.
    rollups.bijwerken_stap(budget_seconden=0)
    uit = io.StringIO()
    call_command("rollups_opbouwen", stdout=uit)
    tekst = uit.getvalue()
    assert f"{timezone.localdate() - timedelta(days=DAGEN - 1)} built" in tekst
    assert "0 to go" in tekst
    assert "Rollups are current" in tekst
    assert cache.get(rollups.PLAN) is None
    assert _rollups() == _volledig_opnieuw()


def test_the_command_gives_up_when_another_run_keeps_the_lock(db):
    cache.add(rollups.SLOT, "ander")
    with pytest.raises(CommandError, match="held the lock"):
        call_command("rollups_opbouwen", "--wachten", "0", stdout=io.StringIO())
