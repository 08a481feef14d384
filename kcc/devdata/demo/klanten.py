"""Demo customers: residents with valid (test-range) BSNs and a few businesses."""

from __future__ import annotations

from klanten import brp
from klanten.models import Klant, Toestemming

# The residents come from the local person register (settings.BRP_LOKAAL_BESTAND,
# kcc/devdata/brp.json: BSNs in the 99999xxxx test range, each passing the
# elfproef); what they told the municipality themselves is here.
CONTACTGEGEVENS = {
    # bsn: (e-mail, telefoon)
    "999993653": ("s.moulin@example.nl", "0612345678"),
    "999990019": ("jp.vandijk@example.nl", "0201234567"),
    "999991772": ("aylin.demir@example.nl", "0687654321"),
    "999992570": ("", "0611122233"),
    "999995078": ("noor.hendriks@example.nl", ""),
    "999996381": ("", "0301112233"),
    "999997087": ("lotte.mulder@example.nl", "0622233344"),
    "999998328": ("r.bouzid@example.nl", "0633344455"),
}

# Consents some residents gave: Suzanne Moulin has her earlier answers reused,
# is asked to rate and gets SMS reminders; the others gave none.
TOESTEMMINGEN = {
    "999993653": ["gegevens_hergebruiken", "tevredenheidsonderzoek", "sms_herinneringen"],
    "999991772": ["tevredenheidsonderzoek"],
}

ORGANISATIES = [
    # soort, kvk, vestiging, naam, straat, nr, postcode, e-mail, telefoon
    (
        Klant.Soort.BEDRIJF,
        "69599084",
        "000038509490",
        "Bakkerij De Korenbloem B.V.",
        "Marktstraat",
        "5",
        "1234AE",
        "info@korenbloem.example.nl",
        "0201239876",
    ),
    (
        Klant.Soort.BEDRIJF,
        "68750110",
        "000037178598",
        "Installatiebedrijf Smit & Zonen",
        "Industrieweg",
        "22",
        "1239FH",
        "kantoor@smitzonen.example.nl",
        "0205554433",
    ),
    (
        Klant.Soort.INSTELLING,
        "41216593",
        "",
        "Stichting Buurthuis De Linde",
        "Lindelaan",
        "1",
        "1235BD",
        "bestuur@delinde.example.nl",
        "",
    ),
]


def laden(stdout) -> None:
    for persoon in brp.lokale_personen():
        email, telefoon = CONTACTGEGEVENS.get(persoon.bsn, ("", ""))
        Klant.objects.update_or_create(
            bsn=persoon.bsn,
            defaults={
                "soort": Klant.Soort.PERSOON,
                "voornamen": persoon.voornamen,
                "voorvoegsel": persoon.voorvoegsel,
                "geslachtsnaam": persoon.geslachtsnaam,
                "geboortedatum": persoon.geboortedatum,
                "straat": persoon.straat,
                "huisnummer": persoon.huisnummer,
                "postcode": persoon.postcode,
                "woonplaats": persoon.woonplaats,
                "email": email,
                "telefoon": telefoon,
                "geheimhouding": persoon.geheimhouding,
            },
        )
    for soort, kvk, vestiging, naam, straat, nr, pc, email, tel in ORGANISATIES:
        Klant.objects.update_or_create(
            kvk_nummer=kvk,
            vestigingsnummer=vestiging,
            defaults={
                "soort": soort,
                "organisatienaam": naam,
                "straat": straat,
                "huisnummer": nr,
                "postcode": pc,
                "woonplaats": "Voorbeeldstad",
                "email": email,
                "telefoon": tel,
            },
        )
    for bsn, soorten in TOESTEMMINGEN.items():
        klant = Klant.objects.get(bsn=bsn)
        for soort in soorten:
            Toestemming.objects.get_or_create(
                klant=klant, soort=soort, ingetrokken_op=None, defaults={"via": "internet"}
            )
    stdout.write(f"  {len(CONTACTGEGEVENS)} inwoners, {len(ORGANISATIES)} organisaties")
    _contacten(stdout)


# bsn, days ago, channel, subject, question, answer, at once, hand over to
CONTACTEN = [
    (
        "999993653",
        40,
        "telefoon",
        "Paspoort",
        "Hoe lang is mijn paspoort geldig?",
        "Tien jaar voor volwassenen.",
        True,
        None,
    ),
    (
        "999993653",
        12,
        "balie",
        "Parkeervergunning",
        "Kan ik een tweede vergunning krijgen?",
        "Nee, één per adres; wel bezoekersparkeren.",
        True,
        None,
    ),
    (
        "999993653",
        2,
        "email",
        "Afval",
        "De container is niet geleegd.",
        "Doorgezet naar Openbare Ruimte.",
        False,
        "openbare-ruimte",
    ),
    (
        "999990019",
        5,
        "telefoon",
        "Verhuizing",
        "Wanneer wordt mijn verhuizing verwerkt?",
        "Binnen vijf werkdagen; u krijgt bericht.",
        True,
        None,
    ),
    (
        "999991772",
        20,
        "chat",
        "Bijzondere bijstand",
        "Welke papieren heb ik nodig?",
        "Bankafschriften van drie maanden en uw huurcontract.",
        True,
        None,
    ),
    (
        "999991772",
        1,
        "telefoon",
        "Bijzondere bijstand",
        "Ik heb de afschriften nog niet.",
        "Terugbelverzoek voor Werk en Inkomen.",
        False,
        "werk-inkomen",
    ),
    (
        None,
        0,
        "telefoon",
        "Openingstijden",
        "Is het gemeentehuis zaterdag open?",
        "Nee, van maandag tot en met vrijdag.",
        True,
        None,
    ),
]


def _contacten(stdout) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from kcc.models import Afdeling, User
    from klanten import services
    from klanten.models import Klantcontact

    if Klantcontact.objects.exists():
        stdout.write("  contacten bestaan al")
        return
    medewerker = User.objects.get(username="klantmanager")
    nu = timezone.now()
    for bsn, dagen, kanaal, onderwerp, vraag, antwoord, goed, afdeling in CONTACTEN:
        begin = nu - timedelta(days=dagen, minutes=7)
        overgedragen_aan = Afdeling.objects.get(code=afdeling) if afdeling else None
        contact = services.klantcontact_registreren(
            klant=Klant.objects.get(bsn=bsn) if bsn else None,
            user=medewerker,
            kanaal=kanaal,
            onderwerp=onderwerp,
            vraag=vraag,
            antwoord=antwoord,
            in_een_keer_goed=goed,
            tijd=services.Contacttijd(gestart_op=begin, beeindigd_op=begin + timedelta(minutes=4)),
            overgedragen_aan=overgedragen_aan,
        )
        if overgedragen_aan is not None:
            services.klantcontact_doorzetten(
                contact=contact, user=medewerker, afdeling=overgedragen_aan
            )
    _teruggebeld(medewerker, nu)
    stdout.write(f"  {len(CONTACTEN)} contacten, één teruggebeld")


def _teruggebeld(medewerker, nu) -> None:
    """One thread to follow on Suzanne Moulin's klantbeeld and in her Mijn
    contacten: a question handed to Burgerzaken, and the call back that
    answered it."""
    from datetime import timedelta

    from kcc.models import Afdeling, User
    from klanten import services

    begin = nu - timedelta(days=2, hours=3)
    contact = services.klantcontact_registreren(
        klant=Klant.objects.get(bsn="999993653"),
        user=medewerker,
        kanaal="telefoon",
        onderwerp="Naamgebruik partner",
        vraag="Kan ik de achternaam van mijn partner op mijn paspoort laten zetten?",
        antwoord="Een collega van Burgerzaken belt u terug.",
        in_een_keer_goed=False,
        tijd=services.Contacttijd(gestart_op=begin, beeindigd_op=begin + timedelta(minutes=5)),
        overgedragen_aan=Afdeling.objects.get(code="burgerzaken"),
    )
    verzoek = services.klantcontact_doorzetten(
        contact=contact, user=medewerker, afdeling=Afdeling.objects.get(code="burgerzaken")
    )
    services.contactverzoek_afhandelen(
        contactverzoek=verzoek,
        user=User.objects.get(username="behandelaar"),
        uitkomst="Dat kan: geef het naamgebruik door bij de aanvraag aan de balie.",
        teruggebeld=True,
    )
