import pytest

from kcc import health

pytestmark = pytest.mark.django_db


def test_it_reports_every_service_as_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker", "channel_layer"}
    assert all(check["ok"] for check in body["checks"].values())


def test_it_answers_503_when_a_service_is_down(client, monkeypatch):
    def broken():
        raise ConnectionError("connection refused")

    monkeypatch.setattr(health, "check_cache", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["cache"] == {
        "ok": False,
        "detail": "unavailable",
        "ms": body["checks"]["cache"]["ms"],
    }
    assert body["checks"]["database"]["ok"]
