"""One catalogue every channel answers from: publication, versions, the same answer."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from producten import selectors, services
from producten.models import Product, ProductKanaal, Publicatiestatus
from tests.factories import maak_product

pytestmark = pytest.mark.django_db


def test_it_offers_only_published_valid_products(client):
    concept = maak_product("concept-product", "Concept", publiceren=False)
    toekomst = maak_product(
        "toekomst", "Toekomst", geldig_vanaf=timezone.localdate() + timedelta(days=1)
    )
    verlopen = maak_product(
        "verlopen", "Verlopen", geldig_tot=timezone.localdate() - timedelta(days=1)
    )
    actueel = maak_product()
    aangeboden = set(selectors.producten_aangeboden().values_list("code", flat=True))
    assert aangeboden == {actueel.code}
    for product in [concept, toekomst, verlopen]:
        assert client.get(f"/producten/{product.code}/").status_code == 404
    assert client.get(f"/producten/{actueel.code}/").status_code == 200


def test_it_explains_why_a_product_cannot_be_published_yet():
    product = maak_product(publiceren=False, kanalen=[])
    with pytest.raises(ValidationError) as error:
        services.product_publiceren(product=product)
    assert any("kanalen" in m for m in error.value.messages)
    # (refresh_from_db cannot reload a protected FSM field: fetch anew.)
    assert Product.objects.get(pk=product.pk).status == Publicatiestatus.CONCEPT


def test_it_needs_an_afdeling_and_norm_for_a_requestable_product():
    product = maak_product(publiceren=False, afdeling=None, servicenorm_aantal=None)
    with pytest.raises(ValidationError) as error:
        services.product_publiceren(product=product)
    assert len(error.value.messages) == 2


def test_it_protects_the_status_from_direct_writes():
    product = maak_product()
    with pytest.raises(AttributeError):
        product.status = Publicatiestatus.CONCEPT


def test_it_stops_offering_a_withdrawn_product(client):
    product = maak_product()
    services.product_intrekken(product=product)
    assert client.get(f"/producten/{product.code}/").status_code == 404
    with pytest.raises(ValidationError):
        services.product_intrekken(product=product)


def test_it_freezes_what_a_case_was_promised_when_the_product_changes():
    product = maak_product()
    eerste = services.product_huidige_versie(product=product)
    assert eerste.nummer == 1
    assert eerste.inhoud["servicenorm"] == [5, "werkdagen"]
    assert eerste.inhoud["kanalen"]["balie"]["kosten"] == "84.40"

    product.servicenorm_aantal = 10
    product.save()
    ProductKanaal.objects.filter(product=product, kanaal="balie").update(kosten="90.00")
    services.product_gewijzigd(product=product)

    tweede = services.product_huidige_versie(product=product)
    assert tweede.nummer == 2
    eerste.refresh_from_db()
    assert eerste.inhoud["servicenorm"] == [5, "werkdagen"]
    assert eerste.inhoud["kanalen"]["balie"]["kosten"] == "84.40"
    assert tweede.inhoud["servicenorm"] == [10, "werkdagen"]
    # Nothing changed since: the same version is used again.
    assert services.product_huidige_versie(product=product).pk == tweede.pk


def test_it_shows_citizens_and_agents_the_same_conditions_and_norm(client, klantmanager):
    product = maak_product()
    publiek = client.get(f"/producten/{product.code}/").content.decode()
    client.force_login(klantmanager)
    werkplek = client.get(f"/kcc/producten/{product.code}/").content.decode()
    # The euro sign stays on the line of its amount (a no-break space).
    bedrag = "€\N{NO-BREAK SPACE}84,40"
    for tekst in ["U komt zelf naar de balie", "Binnen 5 werkdagen", bedrag, "Een pasfoto"]:
        assert tekst in publiek
        assert tekst in werkplek

    product.voorwaarden = "U bent zelf aanwezig bij de aanvraag"
    product.save()
    services.product_gewijzigd(product=product)
    assert "U bent zelf aanwezig" in client.get(f"/kcc/producten/{product.code}/").content.decode()
    client.logout()
    assert "U bent zelf aanwezig" in client.get(f"/producten/{product.code}/").content.decode()


def test_it_shows_a_ketenpartner_product_as_such(client):
    from producten.models import Aanbieder

    rdw = Aanbieder.objects.create(code="rdw", naam="RDW", soort="ketenpartner")
    product = maak_product("kenteken", "Kenteken overschrijven", aanbieder=rdw)
    page = client.get(f"/producten/{product.code}/").content.decode()
    assert "Dit product regelt u bij RDW" in page


def test_it_finds_a_product_by_theme(client):
    product = maak_product()
    page = client.get("/producten/thema/documenten/").content.decode()
    assert f"/producten/{product.code}/" in page
    assert client.get("/producten/thema/bestaat-niet/").status_code == 404


def test_it_lets_agents_preview_a_concept_but_not_citizens(client, klantmanager):
    product = maak_product(publiceren=False)
    assert client.get(f"/producten/{product.code}/").status_code == 404
    client.force_login(klantmanager)
    page = client.get(f"/kcc/producten/{product.code}/").content.decode()
    assert "Inwoners zien dit product niet" in page


def test_it_never_lists_a_product_as_its_own_part():
    from django.db import IntegrityError, transaction

    from producten.models import ProductOnderdeel

    product = maak_product()
    with pytest.raises(IntegrityError), transaction.atomic():
        ProductOnderdeel.objects.create(samengesteld=product, onderdeel=product)


def test_it_publishes_a_compound_product_without_its_own_afdeling():
    maak_product("verhuizing-doorgeven", "Verhuizing doorgeven")
    maak_product("afvalcontainer", "Afvalcontainer")
    from producten.models import ProductOnderdeel

    samengesteld = maak_product(
        "verhuizing", "Verhuizing naar de gemeente", publiceren=False, afdeling=None
    )
    for volgorde, code in enumerate(["verhuizing-doorgeven", "afvalcontainer"]):
        ProductOnderdeel.objects.create(
            samengesteld=samengesteld, onderdeel=Product.objects.get(code=code), volgorde=volgorde
        )
    services.product_publiceren(product=samengesteld)
    versie = services.product_huidige_versie(product=samengesteld)
    assert versie.inhoud["onderdelen"] == ["verhuizing-doorgeven", "afvalcontainer"]


def test_it_lets_the_beheerder_preview_a_concept(client, beheerder):
    product = maak_product(publiceren=False)
    client.force_login(beheerder)
    assert client.get(f"/kcc/producten/{product.code}/").status_code == 200
    assert client.get("/kcc/producten/").status_code == 403


def test_it_never_shows_a_concept_part_or_link_to_the_public(client):
    from producten.models import ProductOnderdeel
    from tests.factories import maak_kennisitem

    maak_product("verhuizing-doorgeven", "Verhuizing doorgeven")
    geheim = maak_product("geheim-plan", "Geheim plan", publiceren=False)
    samengesteld = maak_product("verhuizing", "Verhuizing", publiceren=False, afdeling=None)
    for volgorde, product in enumerate([Product.objects.get(code="verhuizing-doorgeven"), geheim]):
        ProductOnderdeel.objects.create(
            samengesteld=samengesteld, onderdeel=product, volgorde=volgorde
        )
    services.product_publiceren(product=samengesteld)
    maak_kennisitem("Wat is het plan?", "Dat zeggen we nog niet.", producten=[geheim])

    assert "Geheim plan" not in client.get("/producten/verhuizing/").content.decode()
    detail = client.get(f"/api/v1/producten/{samengesteld.uuid}/").json()
    assert detail["onderdelen"] == ["verhuizing-doorgeven"]
    items = client.get("/api/v1/kennisitems/").json()["results"]
    assert items[0]["producten"] == []
    assert client.get("/api/v1/kennisitems/", {"product": "geheim-plan"}).json()["count"] == 0


def test_it_tells_citizens_which_documents_the_online_application_needs(client):
    from producten.models import Documentvereiste

    product = maak_product()
    Documentvereiste.objects.create(
        product=product, naam="Pasfoto", bestandstypen=["jpg", "png"], max_mb=5
    )
    page = client.get(f"/producten/{product.code}/").content.decode()
    assert "Pasfoto" in page and "JPG, PNG" in page and "5 MB" in page
    detail = client.get(f"/api/v1/producten/{product.uuid}/").json()
    assert detail["documenten"][0]["bestandstypen"] == ["jpg", "png"]


def test_it_reserves_the_codes_of_the_catalogues_own_pages():
    product = Product(code="zoeken")
    with pytest.raises(ValidationError) as error:
        product.full_clean(exclude=["status"])
    assert "gereserveerd" in str(error.value)
