"""Demo channel registry: how Voorbeeldstad is reachable, when, and at what norm."""

from __future__ import annotations

from datetime import time
from decimal import Decimal

from kanalen.models import Afspraakrooster, Balie, Kanaal, Openingstijd
from kcc.choices import KanaalSoort

WERKDAGEN = range(5)

# soort, naam, bereikbaarheid, norm (%, aantal, eenheid), normtekst, kosten, openingstijden
KANALEN = [
    (
        KanaalSoort.BALIE,
        "Balie in het Stadskantoor",
        "Stadskantoor, Marktplein 1, Voorbeeldstad. "
        "Voor de meeste producten maakt u eerst een afspraak.",
        (90, 10, "minuten"),
        "U wordt binnen 10 minuten na uw afspraaktijd geholpen.",
        Decimal("11.50"),
        [(d, time(9), time(17)) for d in WERKDAGEN] + [(3, time(17), time(20))],
    ),
    (
        KanaalSoort.TELEFOON,
        "Telefoon 14 0123",
        "Bel 14 0123 (lokaal tarief). Vanuit het buitenland: +31 123 45 67 89.",
        (80, 20, "seconden"),
        "Wij nemen 80% van de telefoontjes binnen 20 seconden op.",
        Decimal("5.40"),
        [(d, time(8, 30), time(17)) for d in WERKDAGEN],
    ),
    (
        KanaalSoort.INTERNET,
        "Website en Mijn omgeving",
        "www.voorbeeldstad.nl: dag en nacht producten aanvragen en uw aanvragen volgen.",
        (None, None, ""),
        "Dag en nacht bereikbaar. Voor aanvragen geldt de norm van het product.",
        Decimal("0.35"),
        [(d, time(0), time(23, 59)) for d in range(7)],
    ),
    (
        KanaalSoort.EMAIL,
        "E-mail",
        "Mail naar info@voorbeeldstad.nl.",
        (95, 2, "werkdagen"),
        "Wij beantwoorden uw e-mail binnen 2 werkdagen.",
        Decimal("4.20"),
        [],
    ),
    (
        KanaalSoort.POST,
        "Post",
        "Gemeente Voorbeeldstad, Postbus 100, 1234 AA Voorbeeldstad.",
        (95, 3, "weken"),
        "Wij beantwoorden uw brief binnen 3 weken.",
        Decimal("14.80"),
        [],
    ),
    (
        KanaalSoort.CHAT,
        "Chat",
        "Chat via de website of Mijn omgeving.",
        (80, 60, "seconden"),
        "Wij reageren op 80% van de chats binnen 1 minuut.",
        Decimal("3.10"),
        [(d, time(9), time(16)) for d in WERKDAGEN],
    ),
    (
        KanaalSoort.SMS,
        "Sms",
        "Berichten over uw aanvraag ontvangt u per sms als u dat wilt. Antwoorden kan op 4123.",
        (95, 1, "werkdagen"),
        "Wij reageren binnen 1 werkdag op uw sms.",
        Decimal("0.60"),
        [],
    ),
]


def laden(stdout) -> None:
    for volgorde, (soort, naam, bereik, norm, normtekst, kosten, uren) in enumerate(KANALEN):
        percentage, aantal, eenheid = norm
        kanaal, _ = Kanaal.objects.update_or_create(
            soort=soort,
            defaults={
                "naam": naam,
                "bereikbaarheid": bereik,
                "norm_percentage": percentage or 100,
                "norm_aantal": aantal,
                "norm_eenheid": eenheid,
                "norm_omschrijving": normtekst,
                "kosten_per_contact": kosten,
                "volgorde": volgorde,
            },
        )
        kanaal.openingstijden.all().delete()
        Openingstijd.objects.bulk_create(
            Openingstijd(kanaal=kanaal, weekdag=dag, open=open_, dicht=dicht)
            for dag, open_, dicht in uren
        )
    stdout.write(f"  {len(KANALEN)} kanalen")
    balie_laden(stdout)


# The counter: four desks; passports, ID cards and driving licences by
# appointment on weekdays (and Thursday evening), two desks per slot.
BALIES = ["Balie 1", "Balie 2", "Balie 3", "Balie 4"]
AFSPRAAKPRODUCTEN = ["paspoort", "id-kaart", "rijbewijs", "uittreksel-brp"]
ROOSTER = (
    [(d, time(9), time(12, 30)) for d in WERKDAGEN]
    + [(d, time(13, 30), time(16, 30)) for d in WERKDAGEN]
    + [(3, time(17), time(20))]
)


def balie_laden(stdout) -> None:
    from producten.models import Product

    for volgorde, naam in enumerate(BALIES):
        Balie.objects.update_or_create(naam=naam, defaults={"volgorde": volgorde, "actief": True})
    producten = Product.objects.filter(code__in=AFSPRAAKPRODUCTEN)
    Afspraakrooster.objects.filter(product__in=producten).delete()
    Afspraakrooster.objects.bulk_create(
        Afspraakrooster(
            product=product, weekdag=dag, van=van, tot=tot, slotduur_minuten=15, balies=2
        )
        for product in producten
        for dag, van, tot in ROOSTER
    )
    stdout.write(f"  {len(BALIES)} balies, afspraakrooster voor {producten.count()} producten")
