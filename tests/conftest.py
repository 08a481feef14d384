import copy
import os
import uuid

import pytest
from django.conf import settings

from kcc.roles import Rol
from tests.factories import KlantFactory, UserFactory

# CI sets this: a test that needs PostgreSQL or Redis then fails instead of
# skipping, so a green run always means the real services were exercised.
REQUIRE_SERVICES = os.environ.get("KCC_REQUIRE_SERVICES", "").lower() in {"1", "true", "yes"}


def pytest_report_header(config):
    return [
        f"KCC services: {settings.SERVICES_DESCRIPTION}",
        f"KCC services required: {'yes' if REQUIRE_SERVICES else 'no (skipped when absent)'}",
    ]


def _need(available: bool, what: str):
    if available:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"{what} is required (KCC_REQUIRE_SERVICES) but not configured")
    pytest.skip(f"{what} not configured")


@pytest.fixture
def needs_postgres():
    _need(
        settings.DATABASES["default"]["ENGINE"].endswith("postgresql"), "PostgreSQL (DATABASE_URL)"
    )


@pytest.fixture
def needs_redis():
    _need(bool(settings.REDIS_URL), "Redis (REDIS_URL)")


@pytest.fixture(autouse=True, scope="session")
def _eager_celery():
    """Tasks run in the test's process, also when REDIS_URL is set; the test
    that proves the Redis broker reaches a real worker switches this off."""
    from kcc.celery import app

    app.conf.task_always_eager = True
    yield


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
