"""Every answer, in every area, carries the security headers; no page needs
the policy loosened (no inline script, style or event handler anywhere).

The browser tests check the same from the other side: the Chromium they
drive reports every load the policy blocked, and a report fails them
(tests/test_portaal_browser.py, ``browser``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.template.loaders.app_directories import get_app_template_dirs

pytestmark = pytest.mark.django_db

# Who opens which area, and where.
GEBIEDEN = [
    (None, "/"),
    (None, "/pip/inloggen/"),
    ("burger", "/pip/"),
    ("klantmanager", "/kcc/"),
    ("teamleider", "/dashboard/"),
    ("beheerder", "/beheer/"),
    (None, "/api/v1/kanalen/"),
    (None, "/api/v1/docs/"),
    (None, "/bestaat-niet/"),  # an error page
    (None, "/api/v1/bestaat-niet/"),  # an API error
]


def _beleid(koptekst: str) -> dict[str, list[str]]:
    regels = (regel.strip().split() for regel in koptekst.split(";") if regel.strip())
    return {naam: waarden for naam, *waarden in regels}


@pytest.mark.parametrize(("wie", "pad"), GEBIEDEN, ids=[pad for _, pad in GEBIEDEN])
def test_every_area_answers_with_the_security_headers(client, request, wie, pad):
    if wie:
        client.force_login(request.getfixturevalue(wie))
    response = client.get(pad)
    assert response.status_code in {200, 404}, (pad, response.status_code)

    beleid = _beleid(response["Content-Security-Policy"])
    assert beleid["default-src"] == ["'self'"]
    assert beleid["script-src"] == ["'self'"]
    assert beleid["style-src"] == ["'self'"]
    assert beleid["object-src"] == beleid["base-uri"] == beleid["frame-ancestors"] == ["'none'"]
    assert beleid["form-action"] == ["'self'"]
    assert not any("unsafe" in waarde for waarden in beleid.values() for waarde in waarden)

    uitgeschakeld = {
        regel.strip() for regel in response["Permissions-Policy"].split(",") if regel.strip()
    }
    assert {"camera=()", "microphone=()", "geolocation=()", "payment=()"} <= uitgeschakeld
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_websocket_port_of_a_development_run_is_allowed_on_its_own_host(
    client, klantmanager, settings
):
    settings.WEBSOCKET_PORT = 8001
    client.force_login(klantmanager)
    beleid = _beleid(client.get("/kcc/")["Content-Security-Policy"])
    assert beleid["connect-src"] == ["'self'", "ws://testserver:8001"]
    veilig = _beleid(client.get("/kcc/", secure=True)["Content-Security-Policy"])
    assert veilig["connect-src"] == ["'self'", "wss://testserver:8001"]


def test_behind_the_proxy_websockets_are_the_pages_own_address(client, klantmanager, settings):
    settings.WEBSOCKET_PORT = 0
    client.force_login(klantmanager)
    assert _beleid(client.get("/kcc/")["Content-Security-Policy"])["connect-src"] == ["'self'"]


# What the policy would block: a script without a file, a style element or
# attribute, an event handler in the markup, a javascript: link. A script
# element that only holds data (type="application/json") runs nothing.
INLINE = {
    "script": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.I),
    "style": re.compile(r"<style\b|\sstyle=", re.I),
    "event handler": re.compile(r"<[^>]+\son[a-z]+\s*=", re.I),
    "javascript: link": re.compile(r"javascript:", re.I),
}


def _sjablonen():
    mappen = [Path(map_) for map_ in django_settings.TEMPLATES[0]["DIRS"]]
    mappen += [
        Path(map_)
        for map_ in get_app_template_dirs("templates")
        if Path(map_).is_relative_to(django_settings.BASE_DIR) and "site-packages" not in str(map_)
    ]
    return sorted(p for map_ in mappen for p in map_.rglob("*.html"))


def test_no_template_of_the_project_holds_what_the_policy_blocks():
    sjablonen = _sjablonen()
    assert len(sjablonen) > 50  # the walk found the templates
    gevonden = [
        f"{sjabloon.relative_to(django_settings.BASE_DIR)}: {soort}"
        for sjabloon in sjablonen
        for soort, patroon in INLINE.items()
        if patroon.search(sjabloon.read_text())
    ]
    assert not gevonden


def test_the_check_sees_what_it_is_for():
    assert INLINE["script"].search('<script>alert("x")</script>')
    assert not INLINE["script"].search('<script src="/static/kcc/kcc.js" defer></script>')
    assert not INLINE["script"].search('<script type="application/json" id="d">{}</script>')
    assert INLINE["style"].search('<p style="color: red">')
    assert INLINE["style"].search("<style>p {}</style>")
    assert INLINE["event handler"].search('<button onclick="doe()">')
    assert not INLINE["event handler"].search('<button data-online="ja">')
