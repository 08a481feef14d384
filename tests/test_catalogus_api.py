"""The read API of the catalogue, channels and knowledge base."""

import pytest

from tests.factories import maak_kennisitem, maak_product

pytestmark = pytest.mark.django_db


def test_it_lists_offered_products_with_filters(client):
    paspoort = maak_product()
    maak_product("concept", "Concept", publiceren=False)
    body = client.get("/api/v1/producten/").json()
    assert [p["code"] for p in body["results"]] == ["paspoort"]
    assert client.get("/api/v1/producten/", {"thema": "documenten"}).json()["count"] == 1
    assert client.get("/api/v1/producten/", {"kanaal": "balie"}).json()["count"] == 1
    assert client.get("/api/v1/producten/", {"kanaal": "internet"}).json()["count"] == 0
    assert client.get("/api/v1/producten/", {"doelgroep": "bedrijf"}).json()["count"] == 0
    detail = client.get(f"/api/v1/producten/{paspoort.uuid}/").json()
    assert detail["servicenorm"] == {"aantal": 5, "eenheid": "werkdagen"}
    assert {"kanaal": "balie", "aanvragen": True, "kosten": "84.40"} in detail["kanalen"]
    assert detail["voorwaarden"] == [
        "U staat ingeschreven in de gemeente",
        "U komt zelf naar de balie",
    ]


def test_it_does_not_show_a_concept_product(client):
    concept = maak_product(publiceren=False)
    response = client.get(f"/api/v1/producten/{concept.uuid}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_it_answers_a_question_with_the_best_items_first(client):
    maak_kennisitem("Wat kost een paspoort?", "€ 84,40.", trefwoorden="prijs")
    maak_kennisitem("Mijn paspoort is gestolen.", "Doe aangifte.", trefwoorden="kwijt, gestolen")
    body = client.get("/api/v1/kennisitems/", {"q": "paspoort kwijt"}).json()
    assert body["results"][0]["vraag"] == "Mijn paspoort is gestolen."


def test_it_lists_the_channels_with_hours_norm_and_cost(client):
    from django.core.management import call_command

    call_command("demo_data")
    body = client.get("/api/v1/kanalen/").json()
    telefoon = next(k for k in body if k["soort"] == "telefoon")
    assert telefoon["norm_percentage"] == 80
    assert telefoon["norm_aantal"] == 20
    assert telefoon["openingstijden"]
