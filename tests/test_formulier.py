"""A product's online form: the same questions and the same checks on every channel."""

import pytest
from django.core.exceptions import ValidationError

from producten.formulier import antwoorden_controleren, formulier_initial, formulier_voor

VRAGEN = [
    {"sleutel": "kenteken", "vraag": "Wat is het kenteken?", "soort": "tekst", "verplicht": True},
    {
        "sleutel": "soort",
        "vraag": "Wat voor auto?",
        "soort": "keuze",
        "verplicht": True,
        "keuzes": ["Benzine", "Elektrisch"],
    },
    {
        "sleutel": "aantal",
        "vraag": "Hoeveel?",
        "soort": "getal",
        "verplicht": True,
        "minimum": "1",
        "maximum": "5",
    },
    {"sleutel": "vanaf", "vraag": "Vanaf wanneer?", "soort": "datum", "verplicht": False},
    {"sleutel": "eigen", "vraag": "Is de auto van u?", "soort": "janee", "verplicht": True},
    {"sleutel": "mobiel", "vraag": "Uw mobiele nummer", "soort": "telefoon", "verplicht": False},
    {"sleutel": "postcode", "vraag": "Postcode", "soort": "postcode", "verplicht": False},
]


def test_it_normalises_good_answers_for_storage():
    antwoorden = antwoorden_controleren(
        VRAGEN,
        {
            "kenteken": "AB-123-C",
            "soort": "Elektrisch",
            "aantal": "2",
            "vanaf": "2026-12-01",
            "eigen": "ja",
            "mobiel": "06 1234 5678",
            "postcode": "1234 ab",
            "niet_gevraagd": "wordt niet bewaard",
        },
    )
    assert antwoorden == {
        "kenteken": "AB-123-C",
        "soort": "Elektrisch",
        "aantal": 2,
        "vanaf": "2026-12-01",
        "eigen": True,
        "mobiel": "+31612345678",
        "postcode": "1234AB",
    }


def test_it_says_per_question_what_is_wrong_in_dutch():
    with pytest.raises(ValidationError) as fout:
        antwoorden_controleren(
            VRAGEN,
            {"soort": "Diesel", "aantal": "9", "eigen": "misschien", "postcode": "12345"},
        )
    berichten = fout.value.message_dict
    assert set(berichten) == {"kenteken", "soort", "aantal", "eigen", "postcode"}
    assert berichten["kenteken"] == ["Vul dit in."]
    assert berichten["eigen"] != ["Maak een keuze."]  # answered, but not ja or nee
    assert "5" in berichten["aantal"][0]
    assert berichten["postcode"] == ["Vul een postcode in als 1234 AB."]


def test_it_builds_a_form_that_starts_from_earlier_answers():
    initial = formulier_initial(VRAGEN, {"kenteken": "AB-123-C", "eigen": True, "weg": "x"})
    assert initial == {"kenteken": "AB-123-C", "eigen": "ja"}
    formulier = formulier_voor(VRAGEN, initial=initial)
    assert list(formulier.fields) == [v["sleutel"] for v in VRAGEN]
    assert formulier["kenteken"].value() == "AB-123-C"
    assert formulier.fields["vanaf"].required is False


# --- Types and ranges every channel checks (the suite runs on Tuesday 10 March 2026) ---

VERHUIZING = [
    {
        "sleutel": "verhuisdatum",
        "vraag": "Wat is de datum van uw verhuizing?",
        "soort": "datum",
        "verplicht": True,
        "minimum": "-5.00",
        "maximum": "28.00",
    },
    {"sleutel": "huisnummer", "vraag": "Huisnummer", "soort": "huisnummer", "verplicht": True},
    {
        "sleutel": "aantal_personen",
        "vraag": "Hoeveel personen?",
        "soort": "aantal",
        "verplicht": True,
        "minimum": "1.00",
        "maximum": "10.00",
    },
    {
        "sleutel": "ophaaldatum",
        "vraag": "Welke dag?",
        "soort": "datum",
        "verplicht": False,
        "minimum": "1.00",
        "maximum": "42.00",
        "weekdagen": "ma, do",
    },
    {"sleutel": "bedrag", "vraag": "Hoeveel euro?", "soort": "bedrag", "verplicht": False},
]
GOED = {"verhuisdatum": "2026-03-20", "huisnummer": "12a", "aantal_personen": "2"}


@pytest.mark.parametrize(
    ("sleutel", "fout", "melding"),
    [
        ("verhuisdatum", "1990-05-01", "Kies een datum vanaf 5 maart 2026"),
        ("verhuisdatum", "2026-06-01", "Kies een datum tot en met 7 april 2026"),
        ("huisnummer", "zeven", "Vul een huisnummer in cijfers in"),
        ("aantal_personen", "1.5", "Vul een heel getal in"),
        ("aantal_personen", "0", "minstens 1"),
        ("ophaaldatum", "2026-03-09", "Kies een datum vanaf 11 maart 2026"),  # in the past
        ("ophaaldatum", "2026-03-17", "Kies een maandag of donderdag"),  # a Tuesday
        ("ophaaldatum", "2026-04-06", "Kies een maandag of donderdag die geen feestdag is"),
        ("bedrag", "12,505", "niet meer dan 2 cijfers achter de komma"),
    ],
)
def test_it_refuses_an_answer_outside_its_type_or_range(sleutel, fout, melding):
    with pytest.raises(ValidationError) as gevangen:
        antwoorden_controleren(VERHUIZING, {**GOED, sleutel: fout})
    assert melding in " ".join(gevangen.value.message_dict[sleutel])


def test_it_stores_checked_answers_in_one_form():
    antwoorden = antwoorden_controleren(
        VERHUIZING,
        {**GOED, "huisnummer": "12 b", "ophaaldatum": "2026-03-12", "bedrag": "1.250,5"},
    )
    assert antwoorden["huisnummer"] == "12B"
    assert antwoorden["aantal_personen"] == 2
    assert antwoorden["ophaaldatum"] == "2026-03-12"  # a Thursday
    assert antwoorden["bedrag"] == "1250.50"


def test_the_date_input_offers_only_the_allowed_range():
    html = str(formulier_voor(VERHUIZING)["verhuisdatum"])
    assert 'min="2026-03-05"' in html and 'max="2026-04-07"' in html


@pytest.mark.django_db
def test_every_channel_refuses_a_moving_date_in_1990(client, klant, burger, klantmanager):
    from kanalen.models import Aanvraag
    from tests.factories import concept_maken, maak_product
    from zaken import services as zaak_services
    from zaken.models import Zaak

    product = maak_product(
        "verhuizing-doorgeven",
        "Verhuizing doorgeven",
        kanalen=[("internet", True, None), ("telefoon", True, None)],
    )
    for volgorde, vraag in enumerate(VERHUIZING[:3]):
        velden = {
            k: v
            for k, v in vraag.items()
            if k in ("sleutel", "vraag", "soort", "minimum", "maximum")
        }
        product.vragen.create(volgorde=volgorde, **velden)
    from producten import services as producten_services

    producten_services.product_huidige_versie(product=product)
    fout = {**GOED, "verhuisdatum": "1990-05-01"}
    # The service, for every channel.
    with pytest.raises(ValidationError):
        zaak_services.zaak_registreren(
            klant=klant, product=product, kanaal="telefoon", user=klantmanager, antwoorden=fout
        )
    # The agent's form.
    client.force_login(klantmanager)
    pagina = client.post(
        f"/kcc/klanten/{klant.uuid}/aanvraag/",
        {
            "product": str(product.uuid),
            "kanaal": "telefoon",
            **{f"v-{k}": w for k, w in fout.items()},
        },
    )
    assert "Kies een datum vanaf 5 maart 2026" in pagina.content.decode()
    # The portal.
    client.force_login(burger)
    formulier_url = concept_maken(client, "verhuizing-doorgeven")
    pagina = client.post(
        formulier_url, {**{f"v-{k}": w for k, w in fout.items()}, "actie": "verder"}
    )
    assert "Kies een datum vanaf 5 maart 2026" in pagina.content.decode()
    assert not Zaak.objects.exists() and Aanvraag.objects.get().zaak is None
