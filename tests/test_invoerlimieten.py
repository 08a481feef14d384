"""Every text staff type has a limit, on the model and in the form: a longer
one is refused with a clear message and nothing half-written, and what was
typed comes back to correct. What a customer sent keeps no limit here."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from kcc import invoer
from klanten.models import Klantcontact
from tests.factories import WACHTWOORD, maak_product, medewerker_inloggen
from zaken import services
from zaken.models import StatusWijziging, Zaak, ZaakNotitie

pytestmark = pytest.mark.django_db

TE_LANG = "x" * (invoer.NOTITIE + 1)


def test_every_free_text_field_has_a_limit_or_says_why_not():
    zonder = set()
    for app in settings.PROJECT_APPS:
        for model in apps.get_app_config(app).get_models():
            for veld in model._meta.concrete_fields:
                if isinstance(veld, models.TextField) and not veld.max_length:
                    zonder.add(f"{model._meta.label}.{veld.name}")
    assert zonder == set(invoer.ZONDER_LIMIET), (
        "Give the new TextField a max_length (kcc/invoer.py has the usual ones), or "
        "name it in invoer.ZONDER_LIMIET with why it holds what a customer sent."
    )


def test_a_model_refuses_a_text_longer_than_its_field(klant, klantmanager):
    from django.core.exceptions import ValidationError

    zaak = services.zaak_registreren(
        klant=klant, product=maak_product(), kanaal="telefoon", user=klantmanager
    )
    with pytest.raises(ValidationError) as fout:
        ZaakNotitie.objects.create(zaak=zaak, auteur=klantmanager, tekst=TE_LANG)
    assert "4001 tekens; er passen er 4000" in str(fout.value.message_dict["tekst"])


@pytest.fixture
def zaakpagina(client, klant, klantmanager):
    zaak = services.zaak_registreren(
        klant=klant, product=maak_product(), kanaal="telefoon", user=klantmanager
    )
    medewerker_inloggen(client, klantmanager.username, WACHTWOORD)
    return zaak


def test_a_long_note_on_a_case_is_refused_and_comes_back_to_correct(client, zaakpagina):
    zaak = zaakpagina
    terug = client.post(
        f"/kcc/zaken/{zaak.uuid}/actie/", {"actie": "notitie", "tekst": TE_LANG}, follow=True
    )
    pagina = terug.content.decode()
    assert "Deze tekst is 4001 tekens; er passen er 4000." in pagina
    assert f">{TE_LANG}</textarea>" in pagina
    assert not ZaakNotitie.objects.exists()
    # Once shown, the text is not offered again.
    assert TE_LANG not in client.get(f"/kcc/zaken/{zaak.uuid}/").content.decode()


def test_a_long_hand_over_leaves_the_case_where_it_was(client, zaakpagina):
    from tests.factories import AfdelingFactory

    zaak = zaakpagina
    andere = AfdelingFactory(code="wmo", naam="Wmo")
    historie = StatusWijziging.objects.count()
    terug = client.post(
        f"/kcc/zaken/{zaak.uuid}/actie/",
        {"actie": "overdragen", "afdeling": str(andere.uuid), "toelichting": TE_LANG},
        follow=True,
    )
    assert "Deze tekst is 4001 tekens" in terug.content.decode()
    zaak = Zaak.objects.get(pk=zaak.pk)
    assert zaak.afdeling.code == "burgerzaken" and zaak.overdracht == ""
    assert StatusWijziging.objects.count() == historie


def test_the_api_refuses_a_long_text_before_it_touches_the_case(client, zaakpagina):
    zaak = zaakpagina
    from tests.factories import AfdelingFactory

    andere = AfdelingFactory(code="wmo", naam="Wmo")
    antwoord = client.post(
        f"/api/v1/zaken/{zaak.uuid}/overdragen/",
        {"afdeling": str(andere.uuid), "toelichting": TE_LANG},
        content_type="application/json",
    )
    assert antwoord.status_code == 400
    assert "4000" in antwoord.content.decode()
    assert Zaak.objects.get(pk=zaak.pk).afdeling.code == "burgerzaken"


def test_a_long_contact_note_is_refused_with_the_form_as_typed(client, klant, klantmanager):
    medewerker_inloggen(client, klantmanager.username, WACHTWOORD)
    antwoord = client.post(
        f"/kcc/klanten/{klant.uuid}/contact/",
        {
            "kanaal": "telefoon",
            "onderwerp": "Vraag over afval",
            "vraag": TE_LANG,
            "antwoord": "Uitgelegd.",
            "in_een_keer_goed": "ja",
            "vervolg": "geen",
        },
    )
    pagina = antwoord.content.decode()
    assert antwoord.status_code in (200, 400)
    assert "Zorg ervoor dat deze waarde maximaal 4000 tekens bevat" in pagina or "4000" in pagina
    assert TE_LANG in pagina
    assert not Klantcontact.objects.filter(onderwerp="Vraag over afval").exists()


def test_a_reply_longer_than_a_letter_is_refused_and_the_item_stays_open(klantmanager):
    from django.core.exceptions import ValidationError

    from kanalen.models import Inboxitem
    from kanalen.post import services as post_services

    item = Inboxitem.objects.create(
        kanaal="email",
        van="a@example.nl",
        onderwerp="Vraag",
        tekst="Hoe zit het?",
        medewerker=klantmanager,
        status="in_behandeling",
    )
    with pytest.raises(ValidationError) as fout:
        post_services.inboxitem_beantwoorden(
            item=item, user=klantmanager, tekst="x" * (invoer.BERICHT + 1)
        )
    assert "10001 tekens" in str(fout.value)
    assert Inboxitem.objects.get(pk=item.pk).status == "in_behandeling"
