import contextvars

import pytest
from django.core.cache import caches

from kcc import health

pytestmark = pytest.mark.django_db

CHECKS = {"database", "cache", "broker", "channel_layer"}


def _break_every_check(monkeypatch):
    def broken():
        raise AssertionError("the liveness check must not ask a dependency")

    for name in ["check_database", "check_cache", "check_broker", "check_channel_layer"]:
        monkeypatch.setattr(health, name, broken)


def test_it_answers_live_without_touching_a_dependency(
    client, monkeypatch, django_assert_num_queries
):
    _break_every_check(monkeypatch)
    with django_assert_num_queries(0):
        response = client.get("/healthz/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_it_reports_every_dependency_as_ready(client):
    response = client.get("/healthz/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["failed"] == []
    assert set(body["checks"]) == CHECKS
    assert all(check["ok"] for check in body["checks"].values())


def test_it_answers_503_naming_the_dependency_that_is_down(client, monkeypatch, caplog):
    def broken():
        raise ConnectionError("connection refused by redis.intern:6379")

    monkeypatch.setattr(health, "check_cache", broken)
    response = client.get("/healthz/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["failed"] == ["cache"]
    assert body["checks"]["cache"] == {
        "ok": False,
        "detail": "unavailable",
        "ms": body["checks"]["cache"]["ms"],
    }
    assert body["checks"]["database"]["ok"]
    # The reason is for the operator's log, not for whoever asks the endpoint.
    assert "redis.intern" not in response.content.decode()
    assert "redis.intern" in caplog.text


def test_it_keeps_answering_readiness_on_the_old_address(client, monkeypatch):
    def broken():
        raise ConnectionError("connection refused")

    assert client.get("/healthz").status_code == 200
    monkeypatch.setattr(health, "check_broker", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["broker"]


def test_it_checks_the_cache_with_one_client_per_process(monkeypatch):
    created = []
    create_connection = caches.create_connection

    def counting(alias):
        created.append(alias)
        return create_connection(alias)

    monkeypatch.setattr(caches, "create_connection", counting)
    health._cache_client.cache_clear()
    # Each request gets a fresh context under ASGI, as each run here does.
    for _ in range(3):
        assert contextvars.Context().run(health.check_cache) == "redis"
    assert created == ["default"]
