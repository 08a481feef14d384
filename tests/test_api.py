import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def test_it_tells_a_user_who_they_are(client, teamleider):
    client.force_login(teamleider)
    body = client.get("/api/v1/mij/").json()
    assert body["gebruikersnaam"] == "tl"
    assert body["rollen"] == ["teamleider"]


def test_it_lists_afdelingen_to_staff_paged(client, klantmanager):
    client.force_login(klantmanager)
    body = client.get("/api/v1/afdelingen/").json()
    assert {"count", "next", "previous", "results"} <= set(body)


def test_it_answers_errors_as_problem_json(client, burger):
    response = client.get("/api/v1/afdelingen/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"]
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == response.status_code
    client.force_login(burger)
    response = client.get("/api/v1/afdelingen/")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert response.json()["instance"] == "/api/v1/afdelingen/"


def test_it_serves_the_api_docs_without_a_cdn(client):
    page = client.get("/api/v1/docs/").content.decode()
    assert "swagger-ui" in page
    assert "cdn." not in page and "unpkg" not in page


def test_it_keeps_the_committed_openapi_file_in_sync():
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "spectacular",
            "--api-version",
            "v1",
            "--validate",
            "--fail-on-warn",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    committed = (ROOT / "docs" / "openapi.yaml").read_text()
    assert result.stdout == committed, "docs/openapi.yaml is out of date: run `make openapi`"
