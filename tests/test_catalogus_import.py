"""The beheerder exports and imports the catalogue as JSON, all or nothing."""

import json

import pytest
from django.core.exceptions import ValidationError

from producten import catalogus
from producten.models import KennisItem, Product
from tests.factories import maak_kennisitem, maak_product

pytestmark = pytest.mark.django_db


def test_it_round_trips_the_catalogue():
    product = maak_product()
    maak_kennisitem("Wat kost een paspoort?", "€ 84,40.", producten=[product])
    data = json.loads(json.dumps(catalogus.exporteren()))
    Product.objects.filter(pk=product.pk).update(naam="Anders")
    KennisItem.objects.update(antwoord="Anders")
    catalogus.importeren(data)
    assert Product.objects.get(code="paspoort").naam == "Paspoort aanvragen"
    assert KennisItem.objects.get().antwoord == "€ 84,40."
    assert json.loads(json.dumps(catalogus.exporteren())) == data


def test_it_changes_nothing_when_the_file_has_a_mistake():
    maak_product()
    data = catalogus.exporteren()
    data["producten"][0]["naam"] = "Gewijzigd"
    data["producten"][0]["kanalen"]["fax"] = {"aanvragen": True, "kosten": None}
    data["producten"][0]["themas"].append("bestaat-niet")
    with pytest.raises(ValidationError) as error:
        catalogus.importeren(data)
    assert any("fax" in m for m in error.value.messages)
    assert any("bestaat-niet" in m for m in error.value.messages)
    assert Product.objects.get(code="paspoort").naam == "Paspoort aanvragen"


def test_it_refuses_a_file_that_is_no_catalogue():
    with pytest.raises(ValidationError, match="geen catalogusbestand"):
        catalogus.importeren({"iets": "anders"})


def test_it_offers_export_and_import_in_the_admin(client, beheerder):
    maak_product()
    client.force_login(beheerder)
    export = client.get("/beheer/producten/product/exporteren/")
    assert export.status_code == 200
    assert export["Content-Disposition"].startswith("attachment")
    from django.core.files.uploadedfile import SimpleUploadedFile

    kapot = SimpleUploadedFile("c.json", b"{niet json", content_type="application/json")
    page = client.post("/beheer/producten/product/importeren/", {"bestand": kapot})
    assert "geen geldig JSON-bestand" in page.content.decode()
    goed = SimpleUploadedFile("c.json", export.content, content_type="application/json")
    response = client.post("/beheer/producten/product/importeren/", {"bestand": goed})
    assert response.status_code == 302


def test_it_lets_the_beheerder_edit_a_product_in_the_admin(client, beheerder):
    product = maak_product()
    client.force_login(beheerder)
    page = client.get(f"/beheer/producten/product/{product.pk}/change/")
    assert page.status_code == 200
    assert "Statusstappen" in page.content.decode() or "statusstappen" in page.content.decode()


@pytest.mark.parametrize(
    "bederf",
    [
        lambda d: d["themas"].append(["alleen-een-slug"]),
        lambda d: d["producten"].append("geen product"),
        lambda d: d["producten"][0].update(kanalen=["balie"]),
        lambda d: d["producten"][0].update(geldig_vanaf="morgen"),
        lambda d: d["producten"][0].update(geldig_vanaf="2027-01-01", geldig_tot="2026-01-01"),
        lambda d: d["producten"][0].update(code="x" * 200),
        lambda d: d["producten"][0].update(servicenorm=5),
        lambda d: d["producten"][0]["vragen"].extend(
            [{"sleutel": "a", "vraag": "A", "soort": "tekst"}] * 2
        ),
        lambda d: d["producten"][0]["documenten"].append(
            {"naam": "X", "bestandstypen": ["pdf"], "max_mb": "veel"}
        ),
        lambda d: d["kennisitems"].append({"vraag": "Zonder antwoord", "herzien_op": "ooit"}),
        lambda d: d.update(producten={"code": "x"}),
    ],
)
def test_it_turns_a_malformed_file_into_messages_and_changes_nothing(bederf):
    maak_product()
    data = json.loads(json.dumps(catalogus.exporteren()))
    data["producten"][0]["naam"] = "Gewijzigd"
    bederf(data)
    with pytest.raises(ValidationError) as error:
        catalogus.importeren(data)
    assert error.value.messages
    assert Product.objects.get(code="paspoort").naam == "Paspoort aanvragen"


def test_it_keeps_a_published_product_offerable_when_edited_in_the_admin(client, beheerder):
    from producten.models import ProductKanaal

    product = maak_product()
    client.force_login(beheerder)
    page = client.get(f"/beheer/producten/product/{product.pk}/change/")
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not hasattr(v, "all")}
    data["themas"] = [product.themas.get().pk]
    data["levensgebeurtenissen"] = []
    for formset in page.context["inline_admin_formsets"]:
        fs = formset.formset
        data[f"{fs.prefix}-TOTAL_FORMS"] = fs.total_form_count()
        data[f"{fs.prefix}-INITIAL_FORMS"] = fs.initial_form_count()
        for index, sub in enumerate(fs.forms):
            for name, value in sub.initial.items():
                if value is not None:
                    data[f"{fs.prefix}-{index}-{name}"] = getattr(value, "pk", value)
            data[f"{fs.prefix}-{index}-id"] = sub.instance.pk
            if fs.prefix == "kanalen":
                data[f"{fs.prefix}-{index}-DELETE"] = "on"  # remove every channel
    response = client.post(f"/beheer/producten/product/{product.pk}/change/", data)
    assert response.status_code == 200
    errors = [str(e) for e in response.context["errors"]]
    assert "Verstuur minimaal 1 formulier." in errors, errors
    assert ProductKanaal.objects.filter(product=product).count() == 3


@pytest.fixture
def export():
    """A catalogue of two products and a knowledge item, as its export (plain JSON)."""
    paspoort = maak_product()
    maak_product("id-kaart", "ID-kaart aanvragen", afdeling_code="burgerzaken-id")
    maak_kennisitem("Wat kost een paspoort?", "€ 84,40.", producten=[paspoort])
    return json.loads(json.dumps(catalogus.exporteren()))


def _product(data, code):
    return next(p for p in data["producten"] if p["code"] == code)


@pytest.mark.parametrize(
    "bederf, melding",
    [
        pytest.param(
            lambda d: _product(d, "paspoort").update(klaar_terwijl_u_wacht="misschien"),
            "Product paspoort, klaar_terwijl_u_wacht: Dit moet true of false zijn.",
            id="wrong type",
        ),
        pytest.param(
            lambda d: _product(d, "paspoort").update(vragen={"sleutel": "a"}),
            'Product paspoort, vragen: Verwacht werd een lijst, maar dit is van het type "dict".',
            id="object instead of list",
        ),
        pytest.param(
            lambda d: _product(d, "paspoort")["kanalen"].update(fax={"aanvragen": True}),
            "Product paspoort, kanalen, fax: Dit kanaal bestaat niet.",
            id="unknown channel",
        ),
        pytest.param(
            lambda d: _product(d, "paspoort")["kanalen"]["balie"].update(kosten="gratis"),
            "Product paspoort, kanalen, balie, kosten: "
            "Schrijf een getal met een punt, bijvoorbeeld 12.50.",
            id="bad amount",
        ),
        pytest.param(
            lambda d: _product(d, "paspoort").update(servicenorm=[5, "maanden"]),
            'Product paspoort, servicenorm, eenheid: "maanden" is een ongeldige keuze.',
            id="bad term unit",
        ),
        pytest.param(
            lambda d: _product(d, "paspoort").update(wettelijke_termijn=[-1, "dagen"]),
            "Product paspoort, wettelijke_termijn, aantal: "
            "Zorg ervoor dat deze waarde groter is dan of gelijk is aan 0.",
            id="negative term",
        ),
        pytest.param(
            lambda d: _product(d, "paspoort")["statusstappen"].append(["klaar", "Klaar", "X", 0]),
            'Product paspoort, statusstappen nr. 2, fase: "klaar" is een ongeldige keuze.',
            id="unknown phase",
        ),
        pytest.param(
            lambda d: _product(d, "paspoort").update(geldig_vanaf="1 januari"),
            "Product paspoort, geldig_vanaf: Dit is geen datum; schrijf bijvoorbeeld 2026-01-31.",
            id="bad date",
        ),
        pytest.param(
            lambda d: _product(d, "paspoort")["themas"].append("bestaat-niet"),
            "Product paspoort, themas nr. 2: Thema 'bestaat-niet' bestaat niet.",
            id="unknown theme",
        ),
        pytest.param(
            lambda d: d["kennisitems"][0]["themas"].append("bestaat-niet"),
            "Kennisitem Wat kost een paspoort?, themas nr. 1: Thema 'bestaat-niet' bestaat niet.",
            id="unknown theme of a knowledge item",
        ),
        pytest.param(
            lambda d: _product(d, "paspoort").update(aanbieder="rdw"),
            "Product paspoort, aanbieder: Aanbieder 'rdw' bestaat niet.",
            id="unknown provider",
        ),
        pytest.param(
            lambda d: d["kennisitems"][0].update(eigenaar="bestaat-niet"),
            "Kennisitem Wat kost een paspoort?, eigenaar: Afdeling 'bestaat-niet' bestaat niet.",
            id="unknown owner",
        ),
        pytest.param(
            lambda d: d["kennisitems"][0]["producten"].append("rijbewijs"),
            "Kennisitem Wat kost een paspoort?, producten nr. 2: Product 'rijbewijs' bestaat niet.",
            id="unknown product of a knowledge item",
        ),
        pytest.param(
            lambda d: _product(d, "paspoort").pop("samenvatting"),
            "Product paspoort, samenvatting: Dit veld is verplicht.",
            id="missing key",
        ),
        pytest.param(
            lambda d: d["producten"].append({"naam": "Zonder code"}),
            "Product nr. 3, code: Dit veld is verplicht.",
            id="missing code",
        ),
        pytest.param(
            lambda d: d["themas"].append(["alleen-een-slug"]),
            "Thema alleen-een-slug: Verwacht een lijst [slug, naam, omschrijving].",
            id="short row",
        ),
        pytest.param(
            lambda d: _product(d, "paspoort").update(onderdelen=["paspoort"]),
            "Product paspoort, onderdelen: Een product kan geen onderdeel van zichzelf zijn.",
            id="part of itself",
        ),
        pytest.param(
            lambda d: _product(d, "paspoort").update(onderdelen=["id-kaart", "id-kaart"]),
            "Product paspoort, onderdelen: Een onderdeel staat er twee keer in: id-kaart.",
            id="part twice",
        ),
        pytest.param(
            lambda d: d["producten"].append(dict(_product(d, "paspoort"), naam="Tweede")),
            "producten: Deze productcodes staan er meer dan eens in: paspoort.",
            id="product twice",
        ),
    ],
)
def test_it_names_the_place_of_a_mistake_and_writes_nothing(export, bederf, melding):
    voor = catalogus.exporteren()
    _product(export, "paspoort")["naam"] = "Gewijzigd"
    export["themas"].append(["nieuw", "Nieuw thema", ""])
    bederf(export)
    with pytest.raises(ValidationError) as error:
        catalogus.importeren(export)
    assert melding in error.value.messages
    assert catalogus.exporteren() == voor


def test_it_reports_every_mistake_in_the_file_at_once(export):
    voor = catalogus.exporteren()
    _product(export, "paspoort")["kanalen"]["fax"] = {"aanvragen": True}
    _product(export, "id-kaart")["servicenorm"] = [5, "maanden"]
    _product(export, "id-kaart").pop("naam")
    export["kennisitems"][0]["herzien_op"] = "ooit"
    with pytest.raises(ValidationError) as error:
        catalogus.importeren(export)
    assert error.value.messages == [
        "Product id-kaart, naam: Dit veld is verplicht.",
        'Product id-kaart, servicenorm, eenheid: "maanden" is een ongeldige keuze.',
        "Product paspoort, kanalen, fax: Dit kanaal bestaat niet.",
        "Kennisitem Wat kost een paspoort?, herzien_op: "
        "Dit is geen datum; schrijf bijvoorbeeld 2026-01-31.",
    ]
    assert catalogus.exporteren() == voor


def test_it_names_a_product_that_cannot_be_published_and_writes_nothing(export):
    voor = catalogus.exporteren()
    _product(export, "paspoort")["naam"] = "Gewijzigd"
    nieuw = dict(_product(export, "paspoort"), code="rijbewijs", kanalen={}, themas=[])
    export["producten"].append(nieuw)
    with pytest.raises(ValidationError) as error:
        catalogus.importeren(export)
    assert error.value.messages == [
        "Product rijbewijs: Geef aan via welke kanalen het product te krijgen of uitgelegd is.",
        "Product rijbewijs: Kies minstens één thema, zodat inwoners het product vinden.",
    ]
    assert catalogus.exporteren() == voor


def test_it_lets_a_product_name_a_theme_and_provider_the_same_file_adds(export):
    export["themas"].append(["reizen", "Reizen", "Op reis naar het buitenland."])
    export["aanbieders"].append(["rdw", "RDW", "ketenpartner", "https://www.rdw.nl"])
    _product(export, "paspoort")["themas"].append("reizen")
    _product(export, "id-kaart")["aanbieder"] = "rdw"
    assert catalogus.importeren(export) == {"producten": 2, "kennisitems": 1}
    assert set(Product.objects.get(code="paspoort").themas.values_list("slug", flat=True)) == {
        "documenten",
        "reizen",
    }
    assert Product.objects.get(code="id-kaart").aanbieder.naam == "RDW"


def test_it_reads_a_hand_written_product_with_only_the_required_keys(export):
    export["producten"].append(
        {
            "code": "huwelijk",
            "naam": "Trouwen",
            "samenvatting": "Trouwen in Voorbeeldstad.",
            "omschrijving": "U trouwt in het stadhuis.",
            "aanbieder": "gemeente",
            "servicenorm": "",
            "geldig_vanaf": "",
        }
    )
    assert catalogus.importeren(export) == {"producten": 3, "kennisitems": 1}
    huwelijk = Product.objects.get(code="huwelijk")
    assert (huwelijk.status, huwelijk.voor_burger, huwelijk.servicenorm_aantal) == (
        "concept",
        True,
        None,
    )


def test_the_beheerder_publishes_and_withdraws_on_the_product_page_with_the_checks_shown(
    client, beheerder
):
    from producten.models import Product

    product = maak_product(publiceren=False)
    product.themas.clear()
    client.force_login(beheerder)
    pagina = client.get(f"/beheer/producten/product/{product.pk}/change/").content.decode()
    assert "Nog niet klaar om te publiceren" in pagina
    assert "Kies minstens één thema" in pagina
    assert 'name="handeling" value="publiceren"' not in pagina
    # Publishing it anyway (a forged post) is refused with the same reasons.
    client.post(f"/beheer/producten/product/{product.pk}/publicatie/", {"handeling": "publiceren"})
    assert Product.objects.get(pk=product.pk).status == "concept"
    from producten.models import Thema

    product.themas.add(Thema.objects.get(slug="documenten"))
    pagina = client.get(f"/beheer/producten/product/{product.pk}/change/").content.decode()
    assert "Alle controles zijn in orde" in pagina
    r = client.post(
        f"/beheer/producten/product/{product.pk}/publicatie/", {"handeling": "publiceren"}
    )
    assert r.status_code == 302
    assert Product.objects.get(pk=product.pk).status == "gepubliceerd"
    client.post(f"/beheer/producten/product/{product.pk}/publicatie/", {"handeling": "intrekken"})
    assert Product.objects.get(pk=product.pk).status == "ingetrokken"
    assert client.get(f"/beheer/producten/product/{product.pk}/publicatie/").status_code == 403


def test_the_beheerder_previews_the_online_form_as_the_citizen_sees_it(client, beheerder):
    from kanalen.models import Aanvraag
    from producten.models import Formuliervraag

    product = maak_product(publiceren=False)
    Formuliervraag.objects.create(
        product=product,
        volgorde=1,
        sleutel="lengte",
        soort="getal",
        vraag="Uw lengte in cm?",
        verplicht=True,
        minimum=50,
        maximum=250,
    )
    client.force_login(beheerder)
    pagina = client.get(f"/beheer/producten/product/{product.pk}/change/").content.decode()
    assert f"/beheer/producten/product/{product.pk}/formulier/" in pagina
    voorbeeld = client.get(f"/beheer/producten/product/{product.pk}/formulier/").content.decode()
    assert "Uw lengte in cm?" in voorbeeld and "er wordt niets bewaard" in voorbeeld
    fout = client.post(f"/beheer/producten/product/{product.pk}/formulier/", {"v-lengte": "20"})
    assert "foutsamenvatting" in fout.content.decode()
    goed = client.post(f"/beheer/producten/product/{product.pk}/formulier/", {"v-lengte": "180"})
    assert "Deze antwoorden zijn goed" in goed.content.decode()
    assert not Aanvraag.objects.exists()
