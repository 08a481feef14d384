"""Demo cases: a few requests of the demo residents in different stages.

Made once (when the demo customers have no cases yet), through the same
services as the screens, so their history and messages are real.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from kcc.models import User
from klanten.models import Klant
from producten import services as producten_services
from producten.models import Product
from zaken import services
from zaken.models import Zaak

# bsn, product code, channel, how far the afdeling got
SCENARIO = [
    ("999993653", "paspoort", "balie", "klaar_om_op_te_halen"),
    ("999993653", "parkeervergunning-bewoners", "internet", "in_behandeling"),
    ("999990019", "verhuizing-naar-voorbeeldstad", "internet", "ontvangen"),
    ("999991772", "bijzondere-bijstand", "internet", "wacht_op_klant"),
    ("999992570", "omgevingsvergunning", "internet", "in_behandeling"),
    ("999995078", "uittreksel-brp", "internet", "afgehandeld"),
    ("999997087", "gehandicaptenparkeerkaart", "balie", "ontvangen"),
]


def voorbeeldantwoorden(vragen: list[dict], klant: Klant) -> dict:
    """Plausible answers to a product's form, as a customer would give them."""
    vandaag = timezone.localdate()
    waarden = {
        "tekst": "Zie de toelichting van de klant",
        "tekstvak": "De klant heeft dit telefonisch toegelicht.",
        "datum": (vandaag + timedelta(days=14)).isoformat(),
        "janee": "ja",
        "email": klant.email or "demo@example.nl",
        "telefoon": klant.telefoon or "0612345678",
        "postcode": klant.postcode or "1234AB",
    }
    antwoorden = {}
    for vraag in vragen:
        if vraag["soort"] == "keuze":
            antwoorden[vraag["sleutel"]] = vraag["keuzes"][0]
        elif vraag["soort"] == "getal":
            antwoorden[vraag["sleutel"]] = vraag.get("minimum") or "1"
        else:
            antwoorden[vraag["sleutel"]] = waarden.get(vraag["soort"], "Demo")
    return antwoorden


def laden(stdout) -> None:
    if Zaak.objects.filter(klant__bsn__in=[bsn for bsn, *_ in SCENARIO]).exists():
        stdout.write("  zaken bestaan al")
        return
    teamleider = User.objects.get(username="teamleider")
    klantmanager = User.objects.get(username="klantmanager")
    aantal = 0
    for bsn, code, kanaal, stand in SCENARIO:
        klant = Klant.objects.get(bsn=bsn)
        product = Product.objects.filter(code=code).first()
        if product is None or not product.is_aangeboden():
            continue
        versie = producten_services.product_huidige_versie(product=product)
        antwoorden = voorbeeldantwoorden(services.aanvraagvragen(versie), klant)
        # The answers may choose parts of a compound product, which ask more.
        antwoorden = voorbeeldantwoorden(services.aanvraagvragen(versie, antwoorden), klant)
        zaak = services.zaak_registreren(
            klant=klant, product=product, kanaal=kanaal, user=klantmanager, antwoorden=antwoorden
        )
        aantal += 1
        if stand == "ontvangen":
            continue
        for deel in [zaak, *zaak.deelzaken.all()]:
            services.zaak_in_behandeling_nemen(zaak=deel, user=teamleider)
        if stand == "wacht_op_klant":
            services.zaak_wacht_op_klant(
                zaak=zaak,
                user=teamleider,
                vraag="Stuur de bankafschriften van de laatste 3 maanden",
            )
        elif stand == "klaar_om_op_te_halen":
            stappen = [
                s["naam"]
                for s in zaak.productversie.inhoud["statusstappen"]
                if s["fase"] == "in_behandeling"
            ]
            if stappen:
                services.zaak_statusstap_zetten(zaak=zaak, user=teamleider, stap=stappen[-1])
        elif stand == "afgehandeld":
            services.zaak_afhandelen(zaak=zaak, user=teamleider, resultaat="Uittreksel verstuurd")
    stdout.write(f"  {aantal} zaken")
