"""Demo channel registry: how Voorbeeldstad is reachable, when, and at what
norm.
"""

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
    historie_laden(stdout)


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


# Eight weeks of contacts, queue events and ratings, so the dashboard, the
# wallboard and the staffing forecast have something to show: Monday
# busiest, a morning peak, a lunch dip, longer waits on Monday morning.
DEMO_WEKEN = 8
DAGVOLUME = 110
HALFUREN = {
    17: 3,
    18: 8,
    19: 12,
    20: 13,
    21: 12,
    22: 10,
    23: 8,
    24: 5,
    25: 5,
    26: 7,
    27: 9,
    28: 9,
    29: 8,
    30: 7,
    31: 6,
    32: 4,
    33: 2,
}  # 08:30-17:00
DEMO_KANALEN = {"telefoon": 50, "chat": 14, "balie": 14, "email": 12, "internet": 10}
DEMO_WACHTEN = {"telefoon": 16, "chat": 30, "balie": 300}


def historie_laden(stdout) -> None:
    import random
    from datetime import datetime, timedelta

    from django.utils import timezone

    from kanalen.models import Beoordeling, Wachtrijgebeurtenis
    from kcc import kalender
    from kcc.models import User
    from kcc.roles import Rol
    from klanten.models import Klant, Klantcontact
    from producten.models import Product

    if Wachtrijgebeurtenis.objects.filter(sessie__startswith="demo-").exists():
        return
    rnd = random.Random(2026)
    agenten = list(User.objects.filter(groups__name=Rol.KLANTMANAGER).values_list("pk", flat=True))
    klanten = list(Klant.objects.values_list("pk", flat=True))
    producten = list(Product.objects.values_list("pk", flat=True))
    if not agenten:
        return
    tz = timezone.get_current_timezone()
    vandaag = timezone.localdate()
    contacten, wachtrij = [], []
    for terug in range(DEMO_WEKEN * 7, 0, -1):
        dag = vandaag - timedelta(days=terug)
        if not kalender.is_werkdag(dag):
            continue
        drukte = 1.4 if dag.weekday() == 0 else 1.0
        for slot, gewicht in HALFUREN.items():
            aantal = round(DAGVOLUME * drukte * gewicht / 120 * rnd.uniform(0.8, 1.2))
            for _ in range(aantal):
                kanaal = rnd.choices(list(DEMO_KANALEN), list(DEMO_KANALEN.values()))[0]
                begin = datetime.combine(dag, datetime.min.time(), tzinfo=tz) + timedelta(
                    minutes=slot * 30 + rnd.randrange(30)
                )
                agent = None if kanaal == "internet" else rnd.choice(agenten)
                contact = Klantcontact(
                    klant_id=rnd.choice(klanten) if klanten and rnd.random() < 0.85 else None,
                    kanaal=kanaal,
                    product_id=rnd.choice(producten) if producten and rnd.random() < 0.6 else None,
                    onderwerp="Demo",
                    vraag="",
                    in_een_keer_goed=rnd.random() < 0.82,
                    gestart_op=begin,
                    beeindigd_op=begin + timedelta(seconds=rnd.randint(90, 420)) if agent else None,
                    nawerk_seconden=rnd.randint(10, 90) if agent else 0,
                    medewerker_id=agent,
                )
                contacten.append(contact)
                if kanaal in DEMO_WACHTEN:
                    piek = (
                        2.5
                        if dag.weekday() == 0 and slot < 24
                        else (0.6 if slot in (24, 25) else 1)
                    )
                    wacht = int(rnd.expovariate(1 / (DEMO_WACHTEN[kanaal] * piek)))
                    sessie = f"demo-{len(contacten)}"
                    verlaten = rnd.random() < 0.06
                    wachtrij += [
                        Wachtrijgebeurtenis(
                            kanaal=kanaal,
                            soort="aangeboden",
                            sessie=sessie,
                            tijdstip=begin - timedelta(seconds=wacht),
                            klant_id=contact.klant_id,
                        ),
                        Wachtrijgebeurtenis(
                            kanaal=kanaal,
                            soort="verlaten" if verlaten else "beantwoord",
                            sessie=sessie,
                            tijdstip=begin,
                            wachttijd_seconden=wacht,
                            medewerker_id=None if verlaten else agent,
                            klant_id=contact.klant_id,
                        ),
                    ]
    contacten = Klantcontact.objects.bulk_create(contacten, batch_size=500)
    Wachtrijgebeurtenis.objects.bulk_create(wachtrij, batch_size=500)
    beoordelingen = [
        Beoordeling(
            klant_id=c.klant_id,
            klantcontact=c,
            kanaal=c.kanaal,
            score=rnd.choices(
                [1, 2, 3, 4, 5], [4, 6, 14, 36, 40] if c.in_een_keer_goed else [20, 20, 25, 20, 15]
            )[0],
            gegeven_op=c.gestart_op + timedelta(hours=2),
            medewerker_id=c.medewerker_id,
            product_id=c.product_id,
        )
        for c in contacten
        if c.klant_id and rnd.random() < 0.08
    ]
    Beoordeling.objects.bulk_create(beoordelingen, batch_size=500)
    perioden = _statusperioden(agenten, vandaag, tz)
    stdout.write(
        f"  {len(contacten)} contacten, {len(wachtrij)} wachtrijgebeurtenissen, "
        f"{len(beoordelingen)} beoordelingen en {perioden} statusperioden over {DEMO_WEKEN} weken"
    )


# An agent's working day in the demo: (start, status) until the next start.
DEMO_DAG = (
    ("08:25", "beschikbaar"),
    ("10:30", "pauze"),
    ("10:45", "beschikbaar"),
    ("12:15", "pauze"),
    ("12:45", "beschikbaar"),
    ("15:00", "bezet"),
    ("15:20", "beschikbaar"),
    ("17:05", "offline"),
)


def _statusperioden(agenten: list[int], vandaag, tz) -> int:
    """The demo agents' status history on working days (occupancy)."""
    from datetime import datetime, time, timedelta

    from kanalen.models import Statusperiode
    from kcc import kalender

    perioden = []
    for terug in range(DEMO_WEKEN * 7, 0, -1):
        dag = vandaag - timedelta(days=terug)
        if not kalender.is_werkdag(dag):
            continue
        momenten = [
            (datetime.combine(dag, time.fromisoformat(t), tzinfo=tz), status)
            for t, status in DEMO_DAG
        ]
        # The evening's offline period ends at midnight: the demo closes every period.
        eind = datetime.combine(dag + timedelta(days=1), time.min, tzinfo=tz)
        for agent in agenten:
            for (begin, status), volgende in zip(
                momenten, [m for m, _s in momenten[1:]] + [eind], strict=True
            ):
                perioden.append(
                    Statusperiode(medewerker_id=agent, status=status, begin=begin, einde=volgende)
                )
    Statusperiode.objects.bulk_create(perioden, batch_size=500)
    return len(perioden)
