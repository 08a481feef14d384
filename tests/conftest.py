import copy
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings

from kcc.roles import Rol
from tests.factories import KlantFactory, UserFactory


def pytest_report_header(config):
    return [f"KCC services: {settings.SERVICES_DESCRIPTION}"]


@pytest.fixture(autouse=True, scope="session")
def _eager_celery():
    """Tasks run in the test's process, right after the commit that queued
    them, so a test sees their effect; the platform itself never runs a task
    eagerly. The tests in test_real_services.py switch this off and prove the
    same tasks reach a real worker through Redis."""
    from kcc.celery import app

    app.conf.task_always_eager = True
    yield


@pytest.fixture(autouse=True, scope="session")
def _eigen_redis_per_proces(worker_id):
    """`make test` runs the suite in two processes on one Redis: each keeps
    its own Celery queues and channel-layer groups, so a worker started by a
    test in one never takes a task or a group message of the other."""
    from channels.layers import channel_layers

    from kcc.celery import app

    if worker_id == "master":
        yield
        return
    app.conf.broker_transport_options = {
        **app.conf.broker_transport_options,
        "global_keyprefix": f"test-{worker_id}:",
    }
    laag = settings.CHANNEL_LAYERS["default"]
    laag["CONFIG"]["prefix"] = f"{laag['CONFIG'].get('prefix', 'asgi')}-{worker_id}"
    channel_layers.backends.clear()
    yield


# Every test runs at this moment, a working Tuesday morning in Amsterdam, so
# no outcome depends on the day the suite runs (a weekend-only bug was once
# found by luck). Tests about dates move the clock themselves.
VAST_MOMENT = datetime(2026, 3, 10, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(autouse=True)
def klok(request):
    """The clock of the test: ``VAST_MOMENT``, ticking on from there (so
    timeouts and durations still pass). ``klok.move_to(moment)`` sets it
    elsewhere. Tests marked ``echte_klok`` keep the real clock: another
    process takes part (a worker, a server, a browser) that cannot share a
    travelled one."""
    if request.node.get_closest_marker("echte_klok"):
        yield None
        return
    with time_machine.travel(VAST_MOMENT, tick=True) as reiziger:
        yield reiziger


@pytest.fixture(autouse=True)
def _isolated_cache(settings):
    """Each test its own cache namespace: state (login lockouts, heartbeats)
    never leaks between tests or runs, and a shared Redis is not flushed."""
    caches = copy.deepcopy(settings.CACHES)
    caches["default"]["KEY_PREFIX"] = f"test-{uuid.uuid4().hex}"
    settings.CACHES = caches


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded documents go to a directory of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _api_contract(monkeypatch):
    """Every answer a test gets from /api/v1/ is checked against the committed
    docs/openapi.yaml (tests/contract.py), and every answer of a standard API
    against its official file (tests/zgw.py): a status, content type or body
    the file does not describe fails the test that received it."""
    from django.test import Client

    from tests import contract, zgw

    gewoon = Client.request

    def request(self, **kwargs):
        response = gewoon(self, **kwargs)
        contract.controleren(response)
        # The standard APIs answer to their official files.
        zgw.controleren(response)
        return response

    monkeypatch.setattr(Client, "request", request)


@pytest.fixture
def klantmanager(db):
    return UserFactory(rollen=[Rol.KLANTMANAGER], username="km")


@pytest.fixture
def behandelaar(db):
    return UserFactory(rollen=[Rol.BEHANDELAAR], username="bh")


@pytest.fixture
def teamleider(db):
    return UserFactory(rollen=[Rol.TEAMLEIDER], username="tl")


@pytest.fixture
def beheerder(db):
    return UserFactory(rollen=[Rol.BEHEERDER], username="bb")


@pytest.fixture
def burger(db):
    from kcc.services import klant_gebruiker

    return klant_gebruiker(bsn="999993653")


@pytest.fixture
def klant(db):
    return KlantFactory(bsn="999993653", voornamen="Suzanne", geslachtsnaam="Moulin")


@pytest.fixture
def andere_klant(db):
    return KlantFactory(bsn="999990019", voornamen="Jan Pieter", geslachtsnaam="Dijk")


ROLLEN = [Rol.KLANTMANAGER, Rol.BEHANDELAAR, Rol.TEAMLEIDER, Rol.BEHEERDER]


@pytest.fixture
def chatkanaal(db):
    """The chat channel, open as the clock in the tests stands."""
    from kanalen.models import Kanaal

    return Kanaal.objects.create(
        soort="chat",
        naam="Chat",
        norm_percentage=80,
        norm_aantal=60,
        norm_eenheid="seconden",
        kosten_per_contact=3,
    )
