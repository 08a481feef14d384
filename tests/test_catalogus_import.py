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
