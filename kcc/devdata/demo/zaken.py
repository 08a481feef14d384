"""Demo cases: a few requests of the demo residents in different stages.

Made once (when the demo customers have no cases yet), through the same
services as the screens, so their history and messages are real.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from kcc import kalender
from kcc.models import User
from klanten.models import Klant
from producten import services as producten_services
from producten.models import Product
from zaken import normrealisatie, services
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
    # Past its service norm: the deadline watch escalates it to the
    # afdeling's teamleiders on its first run after `make run`.
    ("999990019", "parkeervergunning-bewoners", "telefoon", "te_laat"),
]


def _datum(vraag: dict, vandaag) -> str:
    """A date the question accepts: two weeks ahead when it may be, else the
    nearest allowed day."""
    from kcc import kalender
    from producten.formulier import weekdagen_lezen

    van = int(float(vraag["minimum"])) if vraag.get("minimum") is not None else None
    tot = int(float(vraag["maximum"])) if vraag.get("maximum") is not None else None
    dagen = weekdagen_lezen(vraag.get("weekdagen", ""))
    stap = max(van if van is not None else 14, min(14, tot if tot is not None else 14))
    for verschuiving in range(stap, (tot if tot is not None else stap + 60) + 1):
        dag = vandaag + timedelta(days=verschuiving)
        if not dagen or (dag.weekday() in dagen and not kalender.is_feestdag(dag)):
            return dag.isoformat()
    return (vandaag + timedelta(days=stap)).isoformat()


def voorbeeldantwoorden(vragen: list[dict], klant: Klant) -> dict:
    """Plausible answers to a product's form, as a customer would give them."""
    vandaag = timezone.localdate()
    waarden = {
        "tekst": "Zie de toelichting van de klant",
        "tekstvak": "De klant heeft dit telefonisch toegelicht.",
        "janee": "ja",
        "email": klant.email or "demo@example.nl",
        "telefoon": klant.telefoon or "0612345678",
        "postcode": klant.postcode or "1234AB",
        "huisnummer": "12",
    }
    antwoorden = {}
    for vraag in vragen:
        soort, minimum = vraag["soort"], vraag.get("minimum")
        if soort == "keuze":
            antwoorden[vraag["sleutel"]] = vraag["keuzes"][0]
        elif soort == "getal":
            antwoorden[vraag["sleutel"]] = minimum or "1"
        elif soort == "aantal":
            antwoorden[vraag["sleutel"]] = str(int(float(minimum or 1)))
        elif soort == "bedrag":
            antwoorden[vraag["sleutel"]] = minimum or "25.00"
        elif soort == "datum":
            antwoorden[vraag["sleutel"]] = _datum(vraag, vandaag)
        else:
            antwoorden[vraag["sleutel"]] = waarden.get(soort, "Demo")
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
        if stand == "te_laat":
            _terugdateren(zaak)
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
        elif code == "parkeervergunning-bewoners":
            # A document on the case, as portals (Open Inwoner) show them.
            services.zaak_document_toevoegen(
                zaak=zaak, user=teamleider, bestand=_brief(), naam="Kentekenbewijs"
            )
    stdout.write(f"  {aantal} zaken")
    historie_laden(stdout)


def _brief():
    """A one-page PDF, as a customer would send it."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from pypdf import PdfWriter

    schrijver = PdfWriter()
    schrijver.add_blank_page(width=595, height=842)
    inhoud = io.BytesIO()
    schrijver.write(inhoud)
    return SimpleUploadedFile("kentekenbewijs.pdf", inhoud.getvalue(), "application/pdf")


def _terugdateren(zaak: Zaak) -> None:
    """As if the request came in so long ago that its service norm has passed
    (demo data only: the service computes the dates from today)."""
    inhoud = zaak.productversie.inhoud
    if not inhoud.get("servicenorm"):
        return
    aantal, eenheid = inhoud["servicenorm"]
    start = timezone.localdate() - timedelta(days=7 * aantal if eenheid == "weken" else 2 * aantal)
    while kalender.servicenorm_einde(start, aantal, eenheid) >= timezone.localdate():
        start -= timedelta(days=7)
    zaak.geregistreerd_op = datetime.combine(
        start, time(10, 0), tzinfo=timezone.get_current_timezone()
    )
    zaak.streefdatum = kalender.servicenorm_einde(start, aantal, eenheid)
    zaak.uiterste_datum = None
    if inhoud.get("wettelijke_termijn"):
        zaak.uiterste_datum = kalender.atw_toepassen(
            start, kalender.wettelijk_einde_ruw(start, *inhoud["wettelijke_termijn"])
        )
    zaak.signaaldatum = services.signaaldatum(start, zaak.streefdatum, zaak.uiterste_datum)
    zaak.termijndatum_bijwerken()
    zaak.save(
        update_fields=[
            "geregistreerd_op",
            "streefdatum",
            "uiterste_datum",
            "signaaldatum",
            "termijndatum",
        ]
    )
    zaak.historie.update(tijdstip=zaak.geregistreerd_op)


DEMO_WEKEN = 8


def historie_laden(stdout) -> None:
    """Eight weeks of closed requests of the demo customers, so norm
    realisation (dashboard, /normen/) has figures: written directly, with a
    registered and a closed step in their history and no messages (these
    are the past)."""
    import random

    from kcc.models import Afdeling
    from zaken.models import StatusWijziging, ZaakStatus

    if Zaak.objects.filter(resultaat="Demo: afgehandeld").exists():
        return
    rnd = random.Random(2026)
    klanten = list(Klant.objects.filter(bsn__isnull=False).values_list("pk", flat=True))
    versies = []
    for product in Product.objects.all():
        if product.is_aangeboden() and not product.is_samengesteld:
            versie = producten_services.product_huidige_versie(product=product)
            if versie.inhoud.get("servicenorm"):
                versies.append(versie)
    if not klanten or not versies:
        return
    afdelingen = {a.code: a for a in Afdeling.objects.all()}
    behandelaar = User.objects.get(username="behandelaar")
    tz = timezone.get_current_timezone()
    vandaag = timezone.localdate()
    zaken, stappen = [], []
    for terug in range(DEMO_WEKEN * 7, 0, -1):
        dag = vandaag - timedelta(days=terug)
        if not kalender.is_werkdag(dag):
            continue
        for _ in range(rnd.randint(4, 9)):
            versie = rnd.choice(versies)
            inhoud = versie.inhoud
            # Most are done within the norm; some take (much) longer.
            duur = rnd.choice([1, 2, 3, 4, 5, 6, 8, 10, 15])
            start = dag - timedelta(days=duur)
            streef = kalender.servicenorm_einde(start, *inhoud["servicenorm"])
            uiterst = None
            if inhoud.get("wettelijke_termijn"):
                uiterst = kalender.atw_toepassen(
                    start, kalender.wettelijk_einde_ruw(start, *inhoud["wettelijke_termijn"])
                )
            geregistreerd = datetime.combine(
                start, time(rnd.randint(8, 17), rnd.randrange(60)), tzinfo=tz
            )
            afgesloten = datetime.combine(
                dag, time(rnd.randint(9, 16), rnd.randrange(60)), tzinfo=tz
            )
            afgewezen = rnd.random() < 0.08
            zaak = Zaak(
                nummer=services.volgend_zaaknummer(jaar=start.year),
                klant_id=rnd.choice(klanten),
                product_id=versie.product_id,
                productversie=versie,
                vertrouwelijkheid=versie.product.vertrouwelijkheid,
                kanaal=rnd.choice(["internet", "internet", "balie", "telefoon"]),
                afdeling=afdelingen.get(inhoud.get("afdeling") or ""),
                behandelaar=behandelaar,
                status=ZaakStatus.AFGEWEZEN if afgewezen else ZaakStatus.AFGEHANDELD,
                geregistreerd_op=geregistreerd,
                streefdatum=streef,
                uiterste_datum=uiterst,
                opgepakt_op=geregistreerd + timedelta(hours=2),
                resultaat="Afgewezen" if afgewezen else "Demo: afgehandeld",
                afgesloten_op=afgesloten,
            )
            zaak.termijndatum_bijwerken()
            zaken.append(zaak)
    Zaak.objects.bulk_create(zaken, batch_size=200)
    for zaak in zaken:
        stappen += [
            StatusWijziging(
                zaak=zaak, van="", naar=ZaakStatus.ONTVANGEN, tijdstip=zaak.geregistreerd_op
            ),
            StatusWijziging(
                zaak=zaak,
                van=ZaakStatus.IN_BEHANDELING,
                naar=zaak.status,
                door=behandelaar,
                tijdstip=zaak.afgesloten_op,
            ),
        ]
    StatusWijziging.objects.bulk_create(stappen, batch_size=500)
    # Days already summed for norm realisation get these cases too.
    for moment in {zaak.afgesloten_op for zaak in zaken}:
        normrealisatie.dag_vervalt(moment)
    stdout.write(f"  {len(zaken)} afgesloten zaken over {DEMO_WEKEN} weken")
