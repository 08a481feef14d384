"""Hot pages read with a fixed number of queries, however big the catalogue."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

# url: the most queries it may take (session, catalogue, prefetches; no N+1)
PUBLIEKE_PAGINAS = {
    "/producten/": 4,
    "/producten/paspoort/": 12,
    "/producten/verhuizing-naar-voorbeeldstad/": 12,
    "/producten/thema/documenten/": 4,
    "/vragen/": 4,
    "/contact/": 4,
    "/api/v1/producten/": 4,
    "/api/v1/kanalen/": 3,
    "/api/v1/kennisitems/": 5,
}


def test_it_reads_public_pages_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    # One demo load for all pages: it is the slow part.
    call_command("demo_data")
    from kcc.models import User
    from producten.models import Product

    product = Product.objects.get(code="verhuizing-naar-voorbeeldstad")
    paginas = {**PUBLIEKE_PAGINAS, f"/api/v1/producten/{product.uuid}/": 8}
    for url, maximum in paginas.items():
        with django_assert_max_num_queries(maximum):
            assert client.get(url).status_code == 200, url

    client.force_login(User.objects.get(username="klantmanager"))
    werkplek = {
        "/kcc/producten/": 8,
        "/kcc/producten/?q=paspoort+kwijt": 10,
        "/kcc/producten/paspoort/": 16,
        "/kcc/kennisbank/?q=paspoort+kwijt": 8,
    }
    for url, maximum in werkplek.items():
        with django_assert_max_num_queries(maximum):
            assert client.get(url).status_code == 200, url
