"""Consent is asked where personal data is used, every time: without it (or
after it was withdrawn) the use does not happen. One test per consent that
the platform uses; a new kind of consent fails the last test until its use
is tested here too."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from kcc.choices import KanaalSoort
from kcc.roles import Rol
from klanten import services as klant_services
from klanten.models import Toestemming
from tests.factories import UserFactory, maak_product
from zaken import selectors as zaak_selectors
from zaken import services as zaak_services

pytestmark = pytest.mark.django_db

Soort = Toestemming.Soort
GETEST = {Soort.GEGEVENS_HERGEBRUIKEN, Soort.TEVREDENHEIDSONDERZOEK, Soort.SMS_HERINNERINGEN}
# Nothing is shared with other governments yet: there is no use to check.
ONGEBRUIKT = {Soort.KETENPARTNERS}


def _geven(klant, soort, burger):
    klant_services.toestemming_geven(
        klant=klant, user=burger, soort=soort, via=KanaalSoort.INTERNET
    )


@pytest.fixture
def verhuizing():
    product = maak_product(
        "verhuizing-doorgeven",
        "Verhuizing doorgeven",
        kanalen=[("internet", True, None), ("balie", True, None)],
    )
    for volgorde, (sleutel, soort) in enumerate(
        [("aantal_personen", "getal"), ("verhuisdatum", "datum"), ("nieuwe_straat", "tekst")]
    ):
        product.vragen.create(
            volgorde=volgorde, sleutel=sleutel, vraag=sleutel.replace("_", " "), soort=soort
        )
    from producten import services as producten_services

    producten_services.product_huidige_versie(product=product)  # freeze the questions
    return product


def _eerdere_aanvraag(klant, product, klantmanager):
    zaak_services.zaak_registreren(
        klant=klant,
        product=product,
        kanaal="telefoon",
        user=klantmanager,
        antwoorden={
            "aantal_personen": "2",
            "verhuisdatum": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "nieuwe_straat": "Lindelaan 4",
        },
    )


def test_earlier_answers_fill_a_new_form_only_with_consent(
    client, klant, burger, verhuizing, klantmanager
):
    _eerdere_aanvraag(klant, verhuizing, klantmanager)
    assert zaak_selectors.eerdere_antwoorden(klant=klant) == {}
    client.force_login(burger)
    pagina = client.get("/pip/aanvragen/nieuw/verhuizing-doorgeven/").content.decode()
    assert "Lindelaan 4" not in pagina

    _geven(klant, Soort.GEGEVENS_HERGEBRUIKEN, burger)
    eerder = zaak_selectors.eerdere_antwoorden(klant=klant)
    assert eerder["nieuwe_straat"] == "Lindelaan 4"
    pagina = client.get("/pip/aanvragen/nieuw/verhuizing-doorgeven/").content.decode()
    assert "Lindelaan 4" in pagina
    # A date belongs to its own request: last time's moving date is not offered.
    assert eerder["verhuisdatum"] not in pagina

    # The agent's form for the same customer follows the same consent.
    client.force_login(klantmanager)
    aanvraag = f"/kcc/klanten/{klant.uuid}/aanvraag/?product={verhuizing.uuid}"
    assert "Lindelaan 4" in client.get(aanvraag).content.decode()
    klant_services.toestemming_intrekken(
        klant=klant, user=burger, soort=Soort.GEGEVENS_HERGEBRUIKEN
    )
    assert "Lindelaan 4" not in client.get(aanvraag).content.decode()


def test_a_closing_message_asks_for_a_rating_only_with_consent(klant, burger, klantmanager):
    from kanalen.models import Bericht

    product = maak_product(kanalen=[("balie", True, "84.40")])
    leider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-toest")

    def afsluiten():
        zaak = zaak_services.zaak_registreren(
            klant=klant, product=product, kanaal="balie", user=klantmanager
        )
        zaak_services.zaak_in_behandeling_nemen(zaak=zaak, user=leider)
        zaak_services.zaak_afhandelen(zaak=zaak, user=leider, resultaat="Klaar")
        return Bericht.objects.filter(zaak=zaak).order_by("-aangemaakt", "-id").first().tekst

    assert "/pip/beoordelen/" not in afsluiten()
    _geven(klant, Soort.TEVREDENHEIDSONDERZOEK, burger)
    assert "/pip/beoordelen/" in afsluiten()


def test_an_appointment_reminder_goes_by_sms_only_with_consent(klant, burger, klok):
    from kanalen.balie import afspraken
    from kanalen.models import Afspraak, Afspraakrooster, Bericht

    klant.berichtvoorkeur = "sms"
    klant.telefoon = "+31612345678"
    klant.save()
    product = maak_product("id-kaart", "ID-kaart aanvragen")
    for weekdag in range(5):
        Afspraakrooster.objects.create(
            product=product, weekdag=weekdag, van="09:00", tot="12:00", slotduur_minuten=30
        )

    def herinnering():
        for eerdere in Afspraak.objects.filter(klant=klant, status="gepland"):
            afspraken.afspraak_annuleren(afspraak=eerdere, user=burger)
        morgen = [
            s
            for s in afspraken.boekbare_tijden(product=product)
            if timezone.localdate(s.begin) == timezone.localdate() + timedelta(days=1)
        ]
        afspraken.afspraak_maken(
            klant=klant, product=product, begin=morgen[0].begin, user=burger, kanaal="internet"
        )
        Bericht.objects.all().delete()
        afspraken.afspraken_bewaken()
        return Bericht.objects.get()

    klok.move_to("2026-03-10T10:00:00+01:00")
    assert herinnering().kanaal == Bericht.Kanaal.EMAIL  # no consent: e-mail instead
    _geven(klant, Soort.SMS_HERINNERINGEN, burger)
    assert herinnering().kanaal == Bericht.Kanaal.SMS


def test_every_consent_the_customer_can_give_has_its_use_checked_here():
    assert set(Soort.values) == GETEST | ONGEBRUIKT
