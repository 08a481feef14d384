"""Pages every visitor sees: no CDN, Dutch, accessible basics."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/pip/inloggen/", "/pip/inloggen/digid/", "/kcc/inloggen/"])
def test_it_serves_public_pages_in_dutch_with_a_skip_link_and_no_cdn(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert 'href="#inhoud"' in page
    assert 'id="inhoud"' in page
    assert not re.search(r'(src|href)="(https?:)?//', page), "external asset on the page"


def test_it_answers_unknown_pages_with_a_friendly_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_it_labels_every_form_field(client):
    page = client.get("/kcc/inloggen/").content.decode()
    for field_id in re.findall(r'<input[^>]+id="([^"]+)"', page):
        assert f'for="{field_id}"' in page


def test_it_serves_the_static_files_without_debug(client):
    """`make run` runs without DEBUG, so the demo shows the platform's Dutch
    error pages; outside production WhiteNoise serves the static files
    itself, without collectstatic."""
    page = client.get("/").content.decode()
    bestanden = re.findall(r'(?:src|href)="(/static/[^"]+)"', page)
    assert bestanden
    for url in [*bestanden, "/static/admin/js/SelectFilter2.js"]:
        assert client.get(url).status_code == 200, url


def test_a_citizen_refused_a_staff_page_is_sent_to_their_own_pages(client, burger):
    client.force_login(burger)
    pagina = client.get("/kcc/")
    assert pagina.status_code == 403
    tekst = pagina.content.decode()
    assert "voor medewerkers van de gemeente" in tekst and "teamleider" not in tekst
    assert "Naar Mijn omgeving" in tekst


def test_the_browsers_favicon_request_finds_the_icon(client):
    antwoord = client.get("/favicon.ico")
    assert antwoord.status_code == 301 and antwoord["Location"].endswith("kcc/favicon.svg")
