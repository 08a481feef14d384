"""Every link in a message to a customer opens the platform where citizens
reach it (PUBLIEKE_URL): not the address of the request that caused the
message (an agent's workspace may be on an internal host), and not a
default that only works on a developer's machine."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from kanalen import tasks
from kanalen.models import Afspraak, Bericht
from kcc.choices import KanaalSoort
from kcc.roles import Rol
from klanten import services as klant_services
from klanten.models import Toestemming
from tests.factories import UserFactory, maak_product
from zaken import services as zaak_services

pytestmark = pytest.mark.django_db

PUBLIEK = "https://mijn.voorbeeldstad.nl"


@pytest.fixture(autouse=True)
def _publieke_url(settings):
    settings.PUBLIEKE_URL = PUBLIEK


def test_every_link_in_a_message_opens_the_public_address(
    client, klant, burger, klantmanager, django_capture_on_commit_callbacks
):
    paspoort = maak_product(kanalen=[("balie", True, "84.40"), ("internet", True, "84.40")])
    leider = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-links")
    klant_services.toestemming_geven(
        klant=klant,
        user=burger,
        soort=Toestemming.Soort.TEVREDENHEIDSONDERZOEK,
        via=KanaalSoort.INTERNET,
    )

    # A closed case asks for a rating; the e-mail is sent by the worker.
    with django_capture_on_commit_callbacks(execute=True):
        zaak = zaak_services.zaak_registreren(
            klant=klant, product=paspoort, kanaal="balie", user=klantmanager
        )
        zaak_services.zaak_in_behandeling_nemen(zaak=zaak, user=leider)
        zaak_services.zaak_afhandelen(zaak=zaak, user=leider, resultaat="Klaar")
    assert f"{PUBLIEK}/pip/beoordelen/" in mail.outbox[-1].body

    # Tomorrow's appointment is reminded by the beat task.
    morgen = timezone.localdate() + timedelta(days=1)
    Afspraak.objects.create(
        code="LNK234",
        klant=klant,
        product=paspoort,
        begin=datetime.combine(morgen, time(9), tzinfo=timezone.get_current_timezone()),
        eind=datetime.combine(morgen, time(9, 15), tzinfo=timezone.get_current_timezone()),
        geboekt_via=KanaalSoort.INTERNET,
    )
    tasks.afspraken_bewaken.delay()
    herinnering = Bericht.objects.get(onderwerp__contains="Herinnering")
    assert f"{PUBLIEK}/pip/afspraken/" in herinnering.tekst

    # An agent sends the link to apply online, from the workspace's host.
    client.force_login(klantmanager)
    client.post(
        f"/kcc/klanten/{klant.uuid}/bericht/",
        {
            "kanaal": "email",
            "onderwerp": "Paspoort",
            "tekst": "Zoals besproken.",
            "product": str(paspoort.uuid),
        },
        HTTP_HOST="testserver",
    )
    assert f"{PUBLIEK}/producten/{paspoort.code}/" in Bericht.objects.latest("id").tekst

    links = [
        link
        for bericht in Bericht.objects.all()
        for link in re.findall(r"https?://\S+", bericht.tekst)
    ]
    assert len(links) >= 3
    assert [link for link in links if not link.startswith(f"{PUBLIEK}/")] == []
