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
