"""Demo-productcatalogus en kennisbank van de fictieve Gemeente Voorbeeldstad.

Alleen data, voor de demo van het KCC-platform. Alle teksten zijn fictief en geschreven op
taalniveau B1. Bedragen zijn benaderingen voor 2026 (demodata), als string met een punt als
decimaalteken. Bij een kanaal betekent ``"aanvragen": False`` dat er via dat kanaal alleen
informatie is. ``None`` bij kosten betekent: geen vaste prijs voor dat kanaal. Meestal is het
dan gratis; soms hangt het bedrag af van de situatie en staat dat in de omschrijving
(bijvoorbeeld de leges van de omgevingsvergunning of de hondenbelasting per jaar).
"""

# (slug, naam, omschrijving)
THEMAS = [
    (
        "documenten",
        "Paspoort, ID-kaart en rijbewijs",
        (
            "Een nieuw paspoort, ID-kaart of rijbewijs aanvragen. Ook als uw document kwijt of "
            "gestolen is."
        ),
    ),
    (
        "burgerzaken",
        "Uw gegevens, geboorte, trouwen en overlijden",
        (
            "Uw persoonsgegevens bekijken of een uittreksel aanvragen. Een geboorte of overlijden "
            "aangeven. Trouwen of een geregistreerd partnerschap regelen."
        ),
    ),
    (
        "wonen",
        "Wonen, verhuizen en verbouwen",
        (
            "Uw verhuizing doorgeven. Een vergunning aanvragen voor een verbouwing, een aanbouw of "
            "het kappen van een boom."
        ),
    ),
    (
        "parkeren",
        "Parkeren en verkeer",
        (
            "Een parkeervergunning voor uzelf of uw bezoek. Een gehandicaptenparkeerkaart. "
            "Informatie over het kenteken van uw auto."
        ),
    ),
    (
        "afval",
        "Afval en openbare ruimte",
        (
            "Uw container, grofvuil en de afvalkalender. Een probleem in de straat melden, zoals "
            "een kapotte lantaarnpaal of zwerfvuil."
        ),
    ),
    (
        "werk-inkomen",
        "Werk en inkomen",
        (
            "Hulp als u te weinig geld heeft om van te leven. Een uitkering, bijzondere bijstand "
            "of hulp bij schulden."
        ),
    ),
    (
        "zorg",
        "Zorg en ondersteuning",
        (
            "Hulp en voorzieningen om thuis te blijven wonen. Bijvoorbeeld hulp in het huishouden, "
            "een scootmobiel of een aanpassing in huis."
        ),
    ),
    (
        "belastingen",
        "Belastingen",
        (
            "De gemeentelijke belastingen, de WOZ-waarde van uw huis en de hondenbelasting. "
            "Betalen in termijnen of kwijtschelding aanvragen."
        ),
    ),
    (
        "ondernemen",
        "Ondernemen en evenementen",
        (
            "Een eigen bedrijf starten. Een vergunning voor een terras, een marktkraam of een "
            "evenement."
        ),
    ),
    (
        "contact",
        "Contact, klachten en informatie",
        (
            "Een afspraak maken, een klacht indienen of bezwaar maken. Informatie van de gemeente "
            "opvragen."
        ),
    ),
]

# (code, naam, soort, website); soort is "gemeente" of "ketenpartner"
AANBIEDERS = [
    ("gemeente", "Gemeente Voorbeeldstad", "gemeente", "https://www.voorbeeldstad.nl"),
    ("rdw", "RDW", "ketenpartner", "https://www.rdw.nl"),
    ("uwv", "UWV", "ketenpartner", "https://www.uwv.nl"),
    ("belastingdienst", "Belastingdienst", "ketenpartner", "https://www.belastingdienst.nl"),
    ("svb", "Sociale Verzekeringsbank (SVB)", "ketenpartner", "https://www.svb.nl"),
    ("kvk", "Kamer van Koophandel (KVK)", "ketenpartner", "https://www.kvk.nl"),
]

PRODUCTEN = [
    {
        "code": "paspoort",
        "naam": "Paspoort aanvragen",
        "samenvatting": (
            "Vraag online een nieuw paspoort aan met uw pasfoto; u komt één keer naar de balie."
        ),
        "omschrijving": (
            "Met een paspoort kunt u reizen en laten zien wie u bent. Voor volwassenen is het "
            "paspoort 10 jaar geldig en voor kinderen onder de 18 jaar 5 jaar. Een paspoort voor "
            "een volwassene kost € 86,25. Voor een kind onder de 18 jaar betaalt u € 60,50."
        ),
        "voorwaarden": (
            "U staat ingeschreven in de gemeente Voorbeeldstad.\n"
            "U komt zelf naar de balie. Ook kinderen komen mee.\n"
            "Voor een kind onder de 18 jaar geven beide ouders met gezag toestemming.\n"
            "U haalt het paspoort binnen 3 maanden op."
        ),
        "meenemen": (
            "Uw oude paspoort of ID-kaart\n"
            "Eén goede pasfoto, niet ouder dan 6 maanden\n"
            "Uw pinpas (u kunt alleen pinnen)"
        ),
        "aanvragen": (
            "U begint de aanvraag online met DigiD en stuurt uw pasfoto mee. Daarna komt u één "
            "keer naar de balie voor uw vingerafdrukken en handtekening; u kunt ook alles aan de "
            "balie doen. Met een spoedaanvraag ligt het paspoort de volgende werkdag klaar, voor "
            "€ 57,50 extra."
        ),
        "aanbieder": "gemeente",
        "afdeling": "burgerzaken",
        "themas": ["documenten"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": (5, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": "86.25"},
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": "86.25"},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Aanvraag ontvangen",
                "Wij hebben uw aanvraag voor een paspoort ontvangen.",
                False,
            ),
            (
                "in_behandeling",
                "Paspoort wordt gemaakt",
                "Uw paspoort wordt gemaakt. Dit duurt ongeveer 5 werkdagen.",
                False,
            ),
            (
                "in_behandeling",
                "Paspoort ligt klaar",
                (
                    "Uw paspoort ligt klaar. U kunt het ophalen aan de balie. Neem uw oude "
                    "paspoort mee."
                ),
                True,
            ),
            (
                "afgehandeld",
                "Paspoort opgehaald",
                "U heeft uw nieuwe paspoort opgehaald. Goede reis!",
                False,
            ),
        ],
        "vragen": [
            {
                "sleutel": "spoed",
                "vraag": "Wilt u een spoedaanvraag (€ 57,50 extra)?",
                "soort": "janee",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Met spoed ligt uw paspoort de volgende werkdag klaar.",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "lengte_cm",
                "vraag": "Wat is uw lengte in centimeters?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Uw lengte staat in het paspoort.",
                "minimum": "50",
                "maximum": "250",
            },
        ],
        "documenten": [
            {
                "naam": "Pasfoto",
                "toelichting": (
                    "Een digitale pasfoto van de fotograaf, niet ouder dan 6 maanden (JPG of PNG)."
                ),
                "verplicht": True,
                "bestandstypen": ["jpg", "png"],
                "max_mb": 5,
            },
        ],
        "prefill": ["naam", "geboortedatum", "adres", "email", "telefoon", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "pas, reisdocument, paspoort kwijt, verlopen paspoort, pasport, paspoort verlengen, "
            "nieuw paspoort, paspoort kind, reizen, vakantie"
        ),
    },
    {
        "code": "id-kaart",
        "naam": "ID-kaart aanvragen",
        "samenvatting": (
            "Vraag een Nederlandse identiteitskaart aan aan de balie van het stadskantoor."
        ),
        "omschrijving": (
            "Met een ID-kaart laat u zien wie u bent. U kunt er ook mee reizen in Europa en naar "
            "een aantal andere landen. Een ID-kaart voor iemand van 18 jaar of ouder kost € 78,45 "
            "en is 10 jaar geldig. Voor een kind onder de 18 jaar kost de ID-kaart € 47,50 en is "
            "hij 5 jaar geldig."
        ),
        "voorwaarden": (
            "U staat ingeschreven in de gemeente Voorbeeldstad.\n"
            "U komt zelf naar de balie.\n"
            "Bij een kind onder de 12 jaar komt een ouder mee.\n"
            "U haalt de ID-kaart binnen 3 maanden op."
        ),
        "meenemen": (
            "Uw oude ID-kaart of paspoort\n"
            "Eén goede pasfoto, niet ouder dan 6 maanden\n"
            "Uw pinpas (u kunt alleen pinnen)"
        ),
        "aanvragen": (
            "U vraagt een ID-kaart aan aan de balie van het stadskantoor. Maak eerst online een "
            "afspraak of bel 14 0123. Met een spoedaanvraag ligt de ID-kaart de volgende werkdag "
            "klaar, voor € 57,50 extra."
        ),
        "aanbieder": "gemeente",
        "afdeling": "burgerzaken",
        "themas": ["documenten"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": (5, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": "78.45"},
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": False, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Aanvraag ontvangen",
                "Wij hebben uw aanvraag voor een ID-kaart ontvangen.",
                False,
            ),
            (
                "in_behandeling",
                "ID-kaart wordt gemaakt",
                "Uw ID-kaart wordt gemaakt. Dit duurt ongeveer 5 werkdagen.",
                False,
            ),
            (
                "in_behandeling",
                "ID-kaart ligt klaar",
                (
                    "Uw ID-kaart ligt klaar. U kunt hem ophalen aan de balie. Neem uw oude "
                    "ID-kaart mee."
                ),
                True,
            ),
            ("afgehandeld", "ID-kaart opgehaald", "U heeft uw nieuwe ID-kaart opgehaald.", False),
        ],
        "vragen": [],
        "documenten": [],
        "prefill": [],
        "onderdelen": [],
        "zoekwoorden": (
            "identiteitskaart, id kaart, idkaart, identiteitsbewijs, legitimatie, ID kwijt, ID "
            "verlopen, persoonskaart, nid"
        ),
    },
    {
        "code": "rijbewijs",
        "naam": "Rijbewijs aanvragen of verlengen",
        "samenvatting": "Vraag een nieuw rijbewijs aan of verleng uw rijbewijs aan de balie.",
        "omschrijving": (
            "U vraagt uw rijbewijs aan bij de gemeente en de RDW maakt het. Een rijbewijs kost € "
            "53,20 en is meestal 10 jaar geldig. Bent u 75 jaar of ouder? Dan heeft u eerst een "
            "goedgekeurde gezondheidsverklaring van het CBR nodig."
        ),
        "voorwaarden": (
            "U staat ingeschreven in de gemeente Voorbeeldstad.\n"
            "U komt zelf naar de balie.\n"
            "Voor een eerste rijbewijs: het CBR heeft uw examenuitslag geregistreerd.\n"
            "Vanaf 75 jaar: het CBR heeft uw gezondheidsverklaring goedgekeurd."
        ),
        "meenemen": (
            "Uw oude rijbewijs, of uw paspoort of ID-kaart bij een eerste rijbewijs\n"
            "Eén goede pasfoto, niet ouder dan 6 maanden\n"
            "Uw pinpas (u kunt alleen pinnen)"
        ),
        "aanvragen": (
            "U vraagt een rijbewijs aan aan de balie van het stadskantoor. Maak eerst online een "
            "afspraak of bel 14 0123. Met een spoedaanvraag ligt het rijbewijs de volgende werkdag "
            "klaar, voor € 41,00 extra."
        ),
        "aanbieder": "gemeente",
        "afdeling": "burgerzaken",
        "themas": ["documenten", "parkeren"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": (5, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": "53.20"},
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": False, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Aanvraag ontvangen",
                "Wij hebben uw aanvraag voor een rijbewijs ontvangen.",
                False,
            ),
            (
                "in_behandeling",
                "Rijbewijs wordt gemaakt",
                "De RDW maakt uw rijbewijs. Dit duurt ongeveer 5 werkdagen.",
                False,
            ),
            (
                "in_behandeling",
                "Rijbewijs ligt klaar",
                (
                    "Uw rijbewijs ligt klaar. U kunt het ophalen aan de balie. Neem uw oude "
                    "rijbewijs mee."
                ),
                True,
            ),
            ("afgehandeld", "Rijbewijs opgehaald", "U heeft uw nieuwe rijbewijs opgehaald.", False),
        ],
        "vragen": [],
        "documenten": [],
        "prefill": [],
        "onderdelen": [],
        "zoekwoorden": (
            "rijbewijs verlengen, rijbewijs verlopen, rijbewijs kwijt, rijbewijspas, rijbewijs "
            "ophalen, eerste rijbewijs, rijbeweis, CBR, 75 jaar, keuring"
        ),
    },
    {
        "code": "uittreksel-brp",
        "naam": "Uittreksel BRP aanvragen",
        "samenvatting": (
            "Vraag een bewijs aan van uw gegevens in de Basisregistratie Personen (BRP)."
        ),
        "omschrijving": (
            "In een uittreksel staan uw gegevens uit de BRP, zoals uw naam, geboortedatum en "
            "adres. U heeft het soms nodig voor werk, een woning of een instantie in het "
            "buitenland. Online kost een uittreksel € 13,50. Aan de balie of per post betaalt u € "
            "16,90."
        ),
        "voorwaarden": (
            "U staat ingeschreven in de gemeente Voorbeeldstad.\n"
            "U vraagt het uittreksel aan voor uzelf of voor uw kind onder de 16 jaar.\n"
            "Voor online aanvragen heeft u DigiD."
        ),
        "meenemen": (
            "Uw paspoort, ID-kaart of rijbewijs (aan de balie)\n"
            "Uw pinpas (aan de balie kunt u alleen pinnen)"
        ),
        "aanvragen": (
            "Vraag het uittreksel online aan met DigiD, dan krijgt u het binnen 5 werkdagen per "
            "post. Aan de balie krijgt u het meteen mee. Maak daarvoor eerst een afspraak."
        ),
        "aanbieder": "gemeente",
        "afdeling": "burgerzaken",
        "themas": ["burgerzaken"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": (5, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": True,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": "16.90"},
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": "13.50"},
            "post": {"aanvragen": True, "kosten": "16.90"},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Aanvraag ontvangen",
                "Wij hebben uw aanvraag voor een uittreksel ontvangen.",
                False,
            ),
            (
                "in_behandeling",
                "Uittreksel wordt gemaakt",
                "Wij maken uw uittreksel. U krijgt het binnen 5 werkdagen.",
                False,
            ),
            (
                "afgehandeld",
                "Uittreksel verstuurd",
                "Wij hebben uw uittreksel per post verstuurd.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "soort_uittreksel",
                "vraag": "Welk uittreksel heeft u nodig?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": [
                    "Uittreksel met mijn huidige gegevens",
                    "Uittreksel met al mijn adressen (adreshistorie)",
                    "Meertalig uittreksel voor het buitenland",
                ],
                "toelichting": (
                    "Weet u het niet zeker? Vraag het aan de organisatie die om het uittreksel "
                    "vraagt."
                ),
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "voor_wie",
                "vraag": "Voor wie is het uittreksel?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": ["Voor mijzelf", "Voor mijn kind onder de 16 jaar"],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "aantal",
                "vraag": "Hoeveel exemplaren wilt u?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "U betaalt voor elk exemplaar.",
                "minimum": 1,
                "maximum": 5,
            },
            {
                "sleutel": "doel",
                "vraag": "Waarvoor heeft u het uittreksel nodig?",
                "soort": "tekst",
                "verplicht": False,
                "keuzes": [],
                "toelichting": "Bijvoorbeeld voor een nieuwe baan of een huurwoning.",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [],
        "prefill": ["naam", "geboortedatum", "adres", "email", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "uittreksel, uittreksel GBA, GBA, BRP, bewijs van inschrijving, uittreksel "
            "bevolkingsregister, uitreksel, adreshistorie, bewijs van adres, internationaal "
            "uittreksel"
        ),
    },
    {
        "code": "verhuizing-doorgeven",
        "naam": "Verhuizing doorgeven",
        "samenvatting": "Geef uw nieuwe adres door als u verhuist binnen of naar Voorbeeldstad.",
        "omschrijving": (
            "Gaat u verhuizen? Geef uw nieuwe adres dan door tussen 4 weken voor de verhuizing en "
            "uiterlijk 5 dagen erna. Andere organisaties, zoals de Belastingdienst, krijgen uw "
            "nieuwe adres vanzelf. Het doorgeven is gratis."
        ),
        "voorwaarden": (
            "U gaat wonen op een adres in de gemeente Voorbeeldstad.\n"
            "U geeft de verhuizing door tussen 4 weken ervoor en 5 dagen erna.\n"
            "U geeft alleen personen door die met u meeverhuizen.\n"
            "Verhuist een volwassene mee? Die moet de aanvraag ook goedkeuren met DigiD."
        ),
        "meenemen": "",
        "aanvragen": (
            "Geef uw verhuizing online door met DigiD. Lukt dat niet? Maak dan een afspraak aan de "
            "balie of stuur een formulier per post."
        ),
        "aanbieder": "gemeente",
        "afdeling": "burgerzaken",
        "themas": ["wonen", "burgerzaken"],
        "levensgebeurtenissen": ["verhuizen"],
        "doelgroepen": ["burger"],
        "servicenorm": (5, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": None},
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
            "post": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            ("ontvangen", "Verhuizing ontvangen", "Wij hebben uw verhuizing ontvangen.", False),
            (
                "in_behandeling",
                "Verhuizing wordt gecontroleerd",
                (
                    "Wij controleren uw gegevens. Soms vragen wij u om een huurcontract of om "
                    "toestemming van de bewoner."
                ),
                False,
            ),
            (
                "afgehandeld",
                "Nieuw adres verwerkt",
                (
                    "Uw nieuwe adres staat in de Basisregistratie Personen. U krijgt hierover een "
                    "brief."
                ),
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "verhuisdatum",
                "vraag": "Wat is de datum van uw verhuizing?",
                "soort": "datum",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "postcode",
                "vraag": "Wat is de postcode van uw nieuwe adres?",
                "soort": "postcode",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "huisnummer",
                "vraag": "Wat is het huisnummer van uw nieuwe adres?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Vul ook een toevoeging in als die er is, bijvoorbeeld 12A.",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "aantal_personen",
                "vraag": "Hoeveel personen verhuizen er mee, uzelf meegerekend?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": 1,
                "maximum": 10,
            },
            {
                "sleutel": "eigen_woning",
                "vraag": "Is de woning van uzelf (koop) of huurt u?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": ["Koopwoning", "Huurwoning", "Ik woon in bij iemand anders"],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Huurcontract of koopakte",
                "toelichting": "Alleen nodig als u de woning huurt of koopt en wij daarom vragen.",
                "verplicht": False,
                "bestandstypen": ["pdf", "jpg", "png"],
                "max_mb": 10,
            },
            {
                "naam": "Toestemming hoofdbewoner",
                "toelichting": (
                    "Woont u in bij iemand? Stuur dan een ondertekende verklaring van de "
                    "hoofdbewoner mee, met een kopie van diens ID-bewijs."
                ),
                "verplicht": False,
                "bestandstypen": ["pdf", "jpg", "png"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "geboortedatum", "adres", "email", "telefoon", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "adreswijziging, verhuizen, nieuw adres, verhuizing melden, inschrijven, adres "
            "doorgeven, verhuisd, verhuisen, omzetten adres"
        ),
    },
    {
        "code": "verhuizing-naar-voorbeeldstad",
        "naam": "Verhuizen naar Voorbeeldstad",
        "samenvatting": (
            "Regel uw adres, parkeervergunning en container in één keer als u in Voorbeeldstad "
            "komt wonen."
        ),
        "omschrijving": (
            "Welkom in Voorbeeldstad! Met dit formulier geeft u uw nieuwe adres door. Ook kunt u "
            "meteen een parkeervergunning voor bewoners aanvragen. En u kunt een afvalcontainer "
            "aanvragen als die ontbreekt of kapot is."
        ),
        "voorwaarden": (
            "U gaat wonen op een adres in de gemeente Voorbeeldstad.\n"
            "U geeft de verhuizing door tussen 4 weken ervoor en 5 dagen erna.\n"
            "U heeft DigiD."
        ),
        "meenemen": "",
        "aanvragen": (
            "U regelt dit online met DigiD. U kiest zelf welke onderdelen u nodig heeft. Elk "
            "onderdeel krijgt een eigen status."
        ),
        "aanbieder": "gemeente",
        "afdeling": "burgerzaken",
        "themas": ["wonen"],
        "levensgebeurtenissen": ["verhuizen"],
        "doelgroepen": ["burger"],
        "servicenorm": (5, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Aanvraag ontvangen",
                "Wij hebben uw aanvraag ontvangen. U ziet per onderdeel hoe ver het is.",
                False,
            ),
            (
                "in_behandeling",
                "Onderdelen in behandeling",
                "Wij behandelen uw verhuizing en de andere onderdelen die u heeft gekozen.",
                False,
            ),
            (
                "afgehandeld",
                "Alles geregeld",
                "Alle onderdelen zijn afgehandeld. Welkom in Voorbeeldstad!",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "verhuisdatum",
                "vraag": "Wat is de datum van uw verhuizing?",
                "soort": "datum",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "postcode",
                "vraag": "Wat is de postcode van uw nieuwe adres?",
                "soort": "postcode",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "huisnummer",
                "vraag": "Wat is het huisnummer van uw nieuwe adres?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "parkeervergunning_nodig",
                "vraag": "Wilt u een parkeervergunning voor bewoners?",
                "soort": "janee",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Alleen in wijken waar u betaalt voor parkeren.",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "container_nodig",
                "vraag": "Ontbreekt er een container of is een container kapot?",
                "soort": "janee",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [],
        "prefill": ["naam", "geboortedatum", "adres", "email", "telefoon", "bsn"],
        "onderdelen": ["verhuizing-doorgeven", "parkeervergunning-bewoners", "afvalcontainer"],
        "onderdeel_voorwaarden": {
            "parkeervergunning-bewoners": "parkeervergunning_nodig",
            "afvalcontainer": "container_nodig",
        },
        "zoekwoorden": (
            "nieuw in voorbeeldstad, verhuizen naar voorbeeldstad, nieuwe inwoner, inschrijven "
            "gemeente, verhuispakket, alles regelen verhuizing, welkom"
        ),
    },
    {
        "code": "vertrek-buitenland",
        "naam": "Vertrek naar het buitenland doorgeven",
        "samenvatting": "Meld uw vertrek als u 8 maanden of langer in het buitenland gaat wonen.",
        "omschrijving": (
            "Gaat u in het buitenland wonen voor 8 maanden of langer? Dan meldt u dit bij de "
            "gemeente. U doet dit op zijn vroegst 5 dagen voor uw vertrek. Het melden is gratis."
        ),
        "voorwaarden": (
            "U woont in de gemeente Voorbeeldstad.\n"
            "U gaat 8 maanden of langer in het buitenland wonen.\n"
            "U meldt uw vertrek op zijn vroegst 5 dagen voor vertrek."
        ),
        "meenemen": "Uw paspoort of ID-kaart (aan de balie)",
        "aanvragen": (
            "Meld uw vertrek online met DigiD, aan de balie of per post. Voor de balie maakt u "
            "eerst een afspraak."
        ),
        "aanbieder": "gemeente",
        "afdeling": "burgerzaken",
        "themas": ["burgerzaken", "wonen"],
        "levensgebeurtenissen": ["verhuizen"],
        "doelgroepen": ["burger"],
        "servicenorm": (5, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": None},
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
            "post": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            ("ontvangen", "Melding ontvangen", "Wij hebben uw vertrek ontvangen.", False),
            (
                "afgehandeld",
                "Vertrek verwerkt",
                "Uw vertrek is verwerkt. U krijgt een bevestiging per e-mail.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "vertrekdatum",
                "vraag": "Wanneer vertrekt u?",
                "soort": "datum",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "land",
                "vraag": "Naar welk land gaat u?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "adres_buitenland",
                "vraag": "Wat is uw nieuwe adres in het buitenland?",
                "soort": "tekstvak",
                "verplicht": False,
                "keuzes": [],
                "toelichting": "Weet u het adres nog niet? Dan kunt u het later doorgeven.",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [],
        "prefill": ["naam", "geboortedatum", "adres", "email", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "emigreren, emigratie, naar het buitenland, vertrek, uitschrijven, buitenland wonen, "
            "verhuizen buitenland, RNI"
        ),
    },
    {
        "code": "geboorteaangifte",
        "naam": "Geboorte aangeven",
        "samenvatting": "Doe binnen 3 dagen na de geboorte aangifte van uw kind.",
        "omschrijving": (
            "Is uw kind geboren? Doe dan binnen 3 dagen na de geboorte aangifte. Daarna staat uw "
            "kind ingeschreven en krijgt het een burgerservicenummer. De aangifte is gratis."
        ),
        "voorwaarden": (
            "Het kind is geboren in de gemeente Voorbeeldstad.\n"
            "U doet aangifte binnen 3 dagen na de geboorte.\n"
            "Aangifte doet een ouder, of iemand die bij de geboorte was."
        ),
        "meenemen": (
            "Uw paspoort, ID-kaart of rijbewijs\n"
            "Als u niet getrouwd bent en de vader of meeouder erkent het kind: de akte van "
            "erkenning"
        ),
        "aanvragen": (
            "Doe de aangifte online met DigiD of aan de balie. Aan de balie maakt u eerst een "
            "afspraak. Bel ons als u hulp nodig heeft."
        ),
        "aanbieder": "gemeente",
        "afdeling": "burgerzaken",
        "themas": ["burgerzaken"],
        "levensgebeurtenissen": ["geboorte"],
        "doelgroepen": ["burger"],
        "servicenorm": (2, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": True,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": None},
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            ("ontvangen", "Aangifte ontvangen", "Wij hebben uw geboorteaangifte ontvangen.", False),
            (
                "in_behandeling",
                "Akte wordt gemaakt",
                "Wij maken de geboorteakte en schrijven uw kind in.",
                False,
            ),
            (
                "afgehandeld",
                "Kind ingeschreven",
                "Uw kind staat ingeschreven. U krijgt het burgerservicenummer per post.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "geboortedatum_kind",
                "vraag": "Wat is de geboortedatum van uw kind?",
                "soort": "datum",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "voornamen_kind",
                "vraag": "Wat zijn de voornamen van uw kind?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "achternaam_kind",
                "vraag": "Welke achternaam krijgt uw kind?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": (
                    "Heeft u samen al eerder een kind gekregen? Dan krijgt dit kind dezelfde "
                    "achternaam."
                ),
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "geboorteplaats",
                "vraag": "Waar is uw kind geboren?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": ["Thuis", "In het ziekenhuis", "Ergens anders"],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Akte van erkenning",
                "toelichting": (
                    "Alleen nodig als de ouders niet getrouwd zijn en het kind voor de geboorte is "
                    "erkend."
                ),
                "verplicht": False,
                "bestandstypen": ["pdf", "jpg", "png"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "adres", "email", "telefoon", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "geboorte, baby, aangifte geboorte, kind aangeven, bevalling, geboorteakte, "
            "pasgeboren, erkenning, naamkeuze"
        ),
    },
    {
        "code": "huwelijk",
        "naam": "Trouwen of geregistreerd partnerschap",
        "samenvatting": "Meld uw voorgenomen huwelijk of partnerschap en kies een datum en plaats.",
        "omschrijving": (
            "Wilt u trouwen of een geregistreerd partnerschap aangaan? Meld dit minimaal 2 weken "
            "en maximaal 1 jaar voor de datum bij de gemeente. Een ceremonie kost € 430,00 op een "
            "werkdag en € 615,00 op zaterdag. Op maandag om 9.00 uur kunt u gratis trouwen in het "
            "stadskantoor."
        ),
        "voorwaarden": (
            "U bent allebei 18 jaar of ouder.\n"
            "U bent allebei niet getrouwd en heeft geen geregistreerd partnerschap.\n"
            "U meldt het huwelijk minimaal 2 weken en maximaal 1 jaar van tevoren.\n"
            "U heeft minimaal 2 en maximaal 4 getuigen."
        ),
        "meenemen": (
            "De paspoorten of ID-kaarten van u en uw partner\n"
            "Gegevens en kopie ID-bewijs van de getuigen"
        ),
        "aanvragen": (
            "Meld uw huwelijk of partnerschap online met DigiD, u en uw partner loggen allebei in. "
            "Heeft u geen DigiD? Maak dan een afspraak aan de balie."
        ),
        "aanbieder": "gemeente",
        "afdeling": "burgerzaken",
        "themas": ["burgerzaken"],
        "levensgebeurtenissen": ["trouwen"],
        "doelgroepen": ["burger"],
        "servicenorm": (5, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": "430.00"},
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": "430.00"},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Melding ontvangen",
                "Wij hebben de melding van uw huwelijk of partnerschap ontvangen.",
                False,
            ),
            (
                "in_behandeling",
                "Melding wordt gecontroleerd",
                "Wij controleren uw gegevens en die van de getuigen.",
                False,
            ),
            (
                "in_behandeling",
                "Datum bevestigd",
                (
                    "Uw datum en trouwlocatie zijn bevestigd. De trouwambtenaar neemt contact met "
                    "u op."
                ),
                True,
            ),
            (
                "afgehandeld",
                "Huwelijk voltrokken",
                "Gefeliciteerd! Uw huwelijk of partnerschap is ingeschreven.",
                False,
            ),
        ],
        "vragen": [
            {
                "sleutel": "soort",
                "vraag": "Wat wilt u aangaan?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": ["Huwelijk", "Geregistreerd partnerschap"],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "datum_ceremonie",
                "vraag": "Op welke datum wilt u trouwen?",
                "soort": "datum",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "soort_ceremonie",
                "vraag": "Welke ceremonie kiest u?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": [
                    "Gratis (maandag 9.00 uur, stadskantoor)",
                    "Werkdag in de trouwzaal (€ 430,00)",
                    "Zaterdag in de trouwzaal (€ 615,00)",
                ],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "aantal_getuigen",
                "vraag": "Hoeveel getuigen heeft u?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": 2,
                "maximum": 4,
            },
            {
                "sleutel": "naam_partner",
                "vraag": "Wat is de naam van uw partner?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Kopie ID-bewijs getuigen",
                "toelichting": (
                    "Een kopie van het paspoort, de ID-kaart of het rijbewijs van elke getuige."
                ),
                "verplicht": True,
                "bestandstypen": ["pdf", "jpg", "png"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "geboortedatum", "adres", "email", "telefoon", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "trouwen, huwelijk, partnerschap, samenwonen, ondertrouw, trouwdatum, trouwzaal, "
            "gratis trouwen, getuigen, trouwambtenaar, boa"
        ),
    },
    {
        "code": "overlijdensaangifte",
        "naam": "Overlijden aangeven",
        "samenvatting": (
            "Een overlijden aangeven bij de gemeente, meestal via de uitvaartondernemer."
        ),
        "omschrijving": (
            "Als iemand in Voorbeeldstad overlijdt, moet dit worden aangegeven bij de gemeente. "
            "Meestal regelt de uitvaartondernemer dit voor u. De gemeente geeft dan meteen "
            "toestemming voor de begrafenis of crematie. De aangifte is gratis."
        ),
        "voorwaarden": (
            "De persoon is overleden in de gemeente Voorbeeldstad.\n"
            "Er is een verklaring van overlijden van een arts.\n"
            "De aangifte gebeurt zo snel mogelijk, voor de begrafenis of crematie."
        ),
        "meenemen": (
            "De verklaring van overlijden van de arts\nUw eigen paspoort, ID-kaart of rijbewijs"
        ),
        "aanvragen": (
            "De uitvaartondernemer doet de aangifte meestal online. U kunt ook zelf aangifte doen "
            "aan de balie. Bel ons dan eerst."
        ),
        "aanbieder": "gemeente",
        "afdeling": "burgerzaken",
        "themas": ["burgerzaken"],
        "levensgebeurtenissen": ["overlijden"],
        "doelgroepen": ["burger", "bedrijf"],
        "servicenorm": (1, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": True,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": None},
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Aangifte ontvangen",
                "Wij hebben de aangifte van overlijden ontvangen.",
                False,
            ),
            (
                "in_behandeling",
                "Toestemming begraven of cremeren",
                "Wij geven toestemming voor de begrafenis of crematie.",
                True,
            ),
            (
                "afgehandeld",
                "Overlijdensakte gemaakt",
                (
                    "De overlijdensakte is gemaakt. U kunt een afschrift aanvragen als u dat nodig "
                    "heeft."
                ),
                False,
            ),
        ],
        "vragen": [
            {
                "sleutel": "naam_overledene",
                "vraag": "Wat is de naam van de overledene?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "datum_overlijden",
                "vraag": "Wanneer is de persoon overleden?",
                "soort": "datum",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "plaats_overlijden",
                "vraag": "Waar is de persoon overleden?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Bijvoorbeeld thuis, in het ziekenhuis of in een verpleeghuis.",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "soort_uitvaart",
                "vraag": "Wordt de persoon begraven of gecremeerd?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": ["Begraven", "Cremeren", "Nog niet bekend"],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "datum_uitvaart",
                "vraag": "Op welke datum is de uitvaart?",
                "soort": "datum",
                "verplicht": False,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Verklaring van overlijden",
                "toelichting": "De verklaring van de arts (formulier A).",
                "verplicht": True,
                "bestandstypen": ["pdf"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "email", "telefoon", "kvk_nummer"],
        "onderdelen": [],
        "zoekwoorden": (
            "overlijden, overleden, dood, sterfgeval, begrafenis, crematie, uitvaart, "
            "overlijdensakte, verlof tot begraven, aangifte overlijden"
        ),
    },
    {
        "code": "naamgebruik",
        "naam": "Naamgebruik wijzigen",
        "samenvatting": "Kies of u de achternaam van uw partner wilt gebruiken.",
        "omschrijving": (
            "Bent u getrouwd of heeft u een geregistreerd partnerschap? Dan kunt u de achternaam "
            "van uw partner gebruiken, terwijl uw eigen naam op uw geboorteakte hetzelfde blijft. "
            "De gemeente en andere organisaties schrijven u dan aan met de naam die u kiest. Het "
            "wijzigen is gratis."
        ),
        "voorwaarden": (
            "U bent getrouwd, heeft een geregistreerd partnerschap of was dit.\n"
            "U staat ingeschreven in de gemeente Voorbeeldstad."
        ),
        "meenemen": "",
        "aanvragen": (
            "Wijzig uw naamgebruik online met DigiD, aan de balie of met een formulier per post."
        ),
        "aanbieder": "gemeente",
        "afdeling": "burgerzaken",
        "themas": ["burgerzaken"],
        "levensgebeurtenissen": ["trouwen"],
        "doelgroepen": ["burger"],
        "servicenorm": (5, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": None},
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
            "post": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Wijziging ontvangen",
                "Wij hebben uw keuze voor naamgebruik ontvangen.",
                False,
            ),
            (
                "afgehandeld",
                "Naamgebruik gewijzigd",
                "Uw naamgebruik is gewijzigd. Uw paspoort of ID-kaart blijft geldig.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "keuze_naam",
                "vraag": "Welke naam wilt u gebruiken?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": [
                    "Alleen mijn eigen achternaam",
                    "Alleen de achternaam van mijn partner",
                    "De achternaam van mijn partner en daarna mijn eigen achternaam",
                    "Mijn eigen achternaam en daarna de achternaam van mijn partner",
                ],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [],
        "prefill": ["naam", "geboortedatum", "adres", "email", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "achternaam, naam partner, meisjesnaam, naam wijzigen, naam veranderen, "
            "aanschrijfnaam, naamsverandering, getrouwd naam"
        ),
    },
    {
        "code": "verklaring-omtrent-gedrag",
        "naam": "Verklaring Omtrent het Gedrag (VOG) aanvragen",
        "samenvatting": (
            "Vraag een VOG aan als uw werkgever of vrijwilligersorganisatie erom vraagt."
        ),
        "omschrijving": (
            "Met een VOG laat u zien dat u geen strafbare feiten heeft gedaan die een probleem "
            "zijn voor uw werk. Justis beoordeelt de aanvraag. Aan de balie van de gemeente kost "
            "een VOG € 46,50. Heeft uw werkgever een online aanvraag klaargezet, dan vraagt u de "
            "VOG aan bij Justis met DigiD voor € 42,50."
        ),
        "voorwaarden": (
            "U staat ingeschreven in de gemeente Voorbeeldstad.\n"
            "U heeft het aanvraagformulier, ingevuld door de werkgever of organisatie."
        ),
        "meenemen": (
            "Het aanvraagformulier, ingevuld en ondertekend door de organisatie\n"
            "Uw paspoort, ID-kaart of rijbewijs\n"
            "Uw pinpas (u kunt alleen pinnen)"
        ),
        "aanvragen": (
            "Aan de balie vraagt u de VOG aan met een afspraak. Online aanvragen doet u niet bij "
            "de gemeente, maar bij Justis met DigiD."
        ),
        "aanbieder": "gemeente",
        "afdeling": "burgerzaken",
        "themas": ["burgerzaken", "werk-inkomen"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": (2, "weken"),
        "wettelijke_termijn": (4, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": "46.50"},
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": False, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Aanvraag ontvangen",
                "Wij hebben uw aanvraag voor een VOG ontvangen.",
                False,
            ),
            (
                "in_behandeling",
                "Aanvraag bij Justis",
                "Wij hebben uw aanvraag doorgestuurd naar Justis. Justis beoordeelt uw aanvraag.",
                False,
            ),
            (
                "afgehandeld",
                "Besluit verstuurd",
                "Justis heeft een besluit genomen. U krijgt de VOG of een brief per post.",
                True,
            ),
        ],
        "vragen": [],
        "documenten": [],
        "prefill": [],
        "onderdelen": [],
        "zoekwoorden": (
            "vog, verklaring goed gedrag, bewijs goed gedrag, justis, screening, "
            "vrijwilligerswerk, nieuwe baan, verklaring omtrent gedrag"
        ),
    },
    {
        "code": "omgevingsvergunning",
        "naam": "Omgevingsvergunning aanvragen",
        "samenvatting": "Vraag een vergunning aan om te bouwen of te verbouwen, zoals een aanbouw.",
        "omschrijving": (
            "Voor veel bouwplannen heeft u een omgevingsvergunning nodig. Bijvoorbeeld voor een "
            "aanbouw, een dakkapel aan de voorkant of het splitsen van een woning. Met de "
            "vergunningcheck in het Omgevingsloket ziet u of u een vergunning nodig heeft. De "
            "kosten (leges) zijn 3% van de bouwkosten, met een minimum van € 150,00."
        ),
        "voorwaarden": (
            "Uw plan past in het omgevingsplan, of de gemeente wil meewerken aan een afwijking.\n"
            "U bent eigenaar van het gebouw of heeft toestemming van de eigenaar.\n"
            "U vraagt de vergunning aan voordat u begint met bouwen."
        ),
        "meenemen": "",
        "aanvragen": (
            "U vraagt de vergunning online aan via het Omgevingsloket, met DigiD of eHerkenning. "
            "Twijfelt u? Vraag dan eerst een gratis vooroverleg aan."
        ),
        "aanbieder": "gemeente",
        "afdeling": "vergunningen",
        "themas": ["wonen"],
        "levensgebeurtenissen": ["verbouwen"],
        "doelgroepen": ["burger", "bedrijf", "instelling"],
        "servicenorm": (6, "weken"),
        "wettelijke_termijn": (8, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
            "email": {"aanvragen": False, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Aanvraag ontvangen",
                (
                    "Wij hebben uw aanvraag ontvangen. U krijgt binnen 2 weken bericht als er iets "
                    "ontbreekt."
                ),
                False,
            ),
            (
                "in_behandeling",
                "Aanvraag wordt beoordeeld",
                "Wij beoordelen uw plan. We kijken of het past in het omgevingsplan.",
                False,
            ),
            (
                "in_behandeling",
                "Extra informatie nodig",
                "Wij hebben meer informatie van u nodig. U leest in uw brief wat en wanneer.",
                True,
            ),
            (
                "afgehandeld",
                "Besluit genomen",
                (
                    "Wij hebben een besluit genomen over uw aanvraag. U krijgt het besluit per "
                    "post en in Mijn Voorbeeldstad."
                ),
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "soort_bouwwerk",
                "vraag": "Wat wilt u bouwen of verbouwen?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": [
                    "Aanbouw of uitbouw",
                    "Dakkapel",
                    "Bijgebouw of schuur",
                    "Woning splitsen",
                    "Iets anders",
                ],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "adres_bouwlocatie",
                "vraag": "Op welk adres wilt u bouwen?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "bouwkosten",
                "vraag": "Wat zijn de geschatte bouwkosten in euro?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Wij gebruiken dit bedrag om de leges te berekenen.",
                "minimum": 0,
                "maximum": None,
            },
            {
                "sleutel": "omschrijving_plan",
                "vraag": "Beschrijf kort uw plan.",
                "soort": "tekstvak",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Bouwtekening",
                "toelichting": "Tekening van de huidige en de nieuwe situatie, met maten.",
                "verplicht": True,
                "bestandstypen": ["pdf"],
                "max_mb": 25,
            },
            {
                "naam": "Situatietekening",
                "toelichting": "Tekening van het perceel waarop te zien is waar u bouwt.",
                "verplicht": True,
                "bestandstypen": ["pdf"],
                "max_mb": 25,
            },
            {
                "naam": "Foto's van de huidige situatie",
                "toelichting": "Foto's helpen ons uw plan te begrijpen.",
                "verplicht": False,
                "bestandstypen": ["jpg", "png"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "adres", "email", "telefoon", "bsn", "kvk_nummer"],
        "onderdelen": [],
        "zoekwoorden": (
            "bouwvergunning, vergunning, verbouwen, aanbouw, uitbouw, dakkapel, schuur, "
            "omgevingsloket, omgevingswet, bouwen, vergunningvrij, verbouwing"
        ),
    },
    {
        "code": "kapvergunning",
        "naam": "Kapvergunning aanvragen",
        "samenvatting": "Vraag een vergunning aan om een grote boom te kappen.",
        "omschrijving": (
            "Wilt u een boom kappen met een stam van meer dan 30 centimeter doorsnede, gemeten op "
            "1,30 meter hoogte? Dan heeft u een vergunning nodig. Een kapvergunning kost € 78,00. "
            "Soms moet u een nieuwe boom planten."
        ),
        "voorwaarden": (
            "De stam is dikker dan 30 centimeter, gemeten op 1,30 meter hoogte.\n"
            "U bent eigenaar van de grond of heeft toestemming van de eigenaar.\n"
            "U kapt de boom pas als u de vergunning heeft."
        ),
        "meenemen": "",
        "aanvragen": (
            "Vraag de kapvergunning online aan met DigiD of eHerkenning. Heeft u vragen over uw "
            "boom? Bel dan 14 0123."
        ),
        "aanbieder": "gemeente",
        "afdeling": "vergunningen",
        "themas": ["wonen", "afval"],
        "levensgebeurtenissen": ["verbouwen"],
        "doelgroepen": ["burger", "bedrijf", "instelling"],
        "servicenorm": (6, "weken"),
        "wettelijke_termijn": (8, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": "78.00"},
        },
        "statusstappen": [
            ("ontvangen", "Aanvraag ontvangen", "Wij hebben uw aanvraag ontvangen.", False),
            (
                "in_behandeling",
                "Boom wordt bekeken",
                "Een boomdeskundige van de gemeente komt de boom bekijken.",
                True,
            ),
            (
                "afgehandeld",
                "Besluit genomen",
                (
                    "Wij hebben een besluit genomen. U krijgt het besluit per post en in Mijn "
                    "Voorbeeldstad."
                ),
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "adres_boom",
                "vraag": "Op welk adres staat de boom?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "aantal_bomen",
                "vraag": "Hoeveel bomen wilt u kappen?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": 1,
                "maximum": 20,
            },
            {
                "sleutel": "stamomtrek",
                "vraag": "Hoe dik is de stam in centimeters (doorsnede)?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Meet op 1,30 meter boven de grond.",
                "minimum": 0,
                "maximum": 500,
            },
            {
                "sleutel": "reden",
                "vraag": "Waarom wilt u de boom kappen?",
                "soort": "tekstvak",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Foto van de boom",
                "toelichting": "Een foto waarop de hele boom te zien is.",
                "verplicht": True,
                "bestandstypen": ["jpg", "png"],
                "max_mb": 10,
            },
            {
                "naam": "Tekening met de plek van de boom",
                "toelichting": "Een eenvoudige schets is genoeg.",
                "verplicht": False,
                "bestandstypen": ["pdf", "jpg", "png"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "adres", "email", "telefoon", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "boom kappen, boom omzagen, kapvergunning, boom weg, boom tuin, bomen, kappen, "
            "houtopstand, boom rooien"
        ),
    },
    {
        "code": "parkeervergunning-bewoners",
        "naam": "Parkeervergunning voor bewoners",
        "samenvatting": "Vraag een parkeervergunning aan voor uw auto in uw eigen wijk.",
        "omschrijving": (
            "Woont u in een wijk met betaald parkeren? Dan kunt u een digitale parkeervergunning "
            "aanvragen die bij uw kenteken hoort. Een vergunning voor de eerste auto kost € 96,00 "
            "per jaar. Voor een tweede auto betaalt u € 192,00 per jaar."
        ),
        "voorwaarden": (
            "U staat ingeschreven op een adres in een wijk met betaald parkeren.\n"
            "De auto staat op uw naam, of u heeft een lease- of bedrijfsauto.\n"
            "Er zijn maximaal 2 vergunningen per adres."
        ),
        "meenemen": "",
        "aanvragen": (
            "Vraag de vergunning online aan met DigiD. Lukt dat niet? Maak dan een afspraak aan de "
            "balie."
        ),
        "aanbieder": "gemeente",
        "afdeling": "openbare-ruimte",
        "themas": ["parkeren"],
        "levensgebeurtenissen": ["verhuizen"],
        "doelgroepen": ["burger"],
        "servicenorm": (5, "werkdagen"),
        "wettelijke_termijn": (8, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": "96.00"},
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": "96.00"},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Aanvraag ontvangen",
                "Wij hebben uw aanvraag voor een parkeervergunning ontvangen.",
                False,
            ),
            (
                "in_behandeling",
                "Aanvraag wordt gecontroleerd",
                "Wij controleren uw adres en kenteken.",
                False,
            ),
            (
                "afgehandeld",
                "Vergunning actief",
                "Uw parkeervergunning is actief. U hoeft niets achter de voorruit te leggen.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "kenteken",
                "vraag": "Wat is het kenteken van uw auto?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Bijvoorbeeld AB-123-C.",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "soort_auto",
                "vraag": "Van wie is de auto?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": ["Van mijzelf", "Leaseauto", "Auto van de zaak"],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "ingangsdatum",
                "vraag": "Vanaf welke datum wilt u de vergunning?",
                "soort": "datum",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Leasecontract of verklaring werkgever",
                "toelichting": "Alleen nodig als de auto niet op uw naam staat.",
                "verplicht": False,
                "bestandstypen": ["pdf", "jpg", "png"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "adres", "email", "telefoon", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "parkeervergunning, bewonersvergunning, parkeren, vergunning auto, kenteken wijzigen, "
            "parkeer vergunning, parkeerplaats, betaald parkeren"
        ),
    },
    {
        "code": "bezoekersparkeervergunning",
        "naam": "Bezoekersparkeervergunning",
        "samenvatting": "Laat uw bezoek met korting parkeren in uw wijk.",
        "omschrijving": (
            "Woont u in een wijk met betaald parkeren? Dan kan uw bezoek met korting parkeren als "
            "u het kenteken aanmeldt in de app of op de website. De vergunning kost € 12,00 per "
            "jaar. Uw bezoek betaalt daarna € 0,60 per uur."
        ),
        "voorwaarden": (
            "U staat ingeschreven op een adres in een wijk met betaald parkeren.\n"
            "Er is maximaal 1 bezoekersvergunning per adres."
        ),
        "meenemen": "",
        "aanvragen": (
            "Vraag de vergunning online aan met DigiD. De vergunning werkt meteen. U kunt ook een "
            "afspraak maken aan de balie."
        ),
        "aanbieder": "gemeente",
        "afdeling": "openbare-ruimte",
        "themas": ["parkeren"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": (1, "werkdagen"),
        "wettelijke_termijn": (8, "weken"),
        "klaar_terwijl_u_wacht": True,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": "12.00"},
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": "12.00"},
        },
        "statusstappen": [
            ("ontvangen", "Aanvraag ontvangen", "Wij hebben uw aanvraag ontvangen.", False),
            (
                "afgehandeld",
                "Vergunning actief",
                "Uw bezoekersvergunning is actief. U kunt nu kentekens van uw bezoek aanmelden.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "email_inlog",
                "vraag": "Op welk e-mailadres wilt u inloggen in de parkeerapp?",
                "soort": "email",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [],
        "prefill": ["naam", "adres", "email", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "bezoekersvergunning, bezoek parkeren, visite, bezoekerspas, bezoekersregeling, "
            "parkeren bezoek, gasten parkeren"
        ),
    },
    {
        "code": "gehandicaptenparkeerkaart",
        "naam": "Gehandicaptenparkeerkaart aanvragen",
        "samenvatting": "Vraag een parkeerkaart aan als u door een beperking niet ver kunt lopen.",
        "omschrijving": (
            "Kunt u door een ziekte of beperking niet verder lopen dan 100 meter? Dan kunt u een "
            "gehandicaptenparkeerkaart aanvragen. De kaart kost € 125,00, inclusief de medische "
            "keuring door een onafhankelijke arts. De kaart is maximaal 5 jaar geldig."
        ),
        "voorwaarden": (
            "U staat ingeschreven in de gemeente Voorbeeldstad.\n"
            "U kunt door uw beperking niet meer dan 100 meter lopen, ook niet met hulpmiddelen.\n"
            "Uw beperking duurt minimaal 6 maanden."
        ),
        "meenemen": "",
        "aanvragen": (
            "Vraag de kaart online aan met DigiD. U kunt ook bellen met 14 0123. Wij sturen u dan "
            "een formulier."
        ),
        "aanbieder": "gemeente",
        "afdeling": "vergunningen",
        "themas": ["parkeren", "zorg"],
        "levensgebeurtenissen": ["zorg"],
        "doelgroepen": ["burger"],
        "servicenorm": (6, "weken"),
        "wettelijke_termijn": (8, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": True, "kosten": "125.00"},
            "internet": {"aanvragen": True, "kosten": "125.00"},
            "post": {"aanvragen": True, "kosten": "125.00"},
        },
        "statusstappen": [
            ("ontvangen", "Aanvraag ontvangen", "Wij hebben uw aanvraag ontvangen.", False),
            (
                "in_behandeling",
                "Medische keuring",
                (
                    "Een arts beoordeelt uw situatie. U krijgt een brief of telefoontje voor een "
                    "afspraak."
                ),
                True,
            ),
            (
                "in_behandeling",
                "Kaart wordt gemaakt",
                "De arts adviseert positief. Wij maken de kaart en sturen hem naar u toe.",
                False,
            ),
            (
                "afgehandeld",
                "Besluit verstuurd",
                "Wij hebben een besluit genomen. U krijgt de kaart of een brief per post.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "soort_kaart",
                "vraag": "Welke kaart heeft u nodig?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": ["Bestuurderskaart (ik rijd zelf)", "Passagierskaart (ik rijd mee)"],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "loopafstand",
                "vraag": "Hoeveel meter kunt u ongeveer lopen?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": 0,
                "maximum": 1000,
            },
            {
                "sleutel": "hulpmiddel",
                "vraag": "Gebruikt u een hulpmiddel, zoals een rollator of rolstoel?",
                "soort": "janee",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "toelichting",
                "vraag": "Vertel kort waarom u moeilijk loopt.",
                "soort": "tekstvak",
                "verplicht": False,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Pasfoto",
                "toelichting": "Een recente pasfoto. Deze komt op de kaart.",
                "verplicht": True,
                "bestandstypen": ["jpg", "png"],
                "max_mb": 5,
            },
        ],
        "prefill": ["naam", "geboortedatum", "adres", "email", "telefoon", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "invalidenkaart, invalidenparkeerkaart, GPK, gehandicapten parkeerkaart, "
            "gehandicaptenparkeerplaats, slecht ter been, parkeren beperking, blauwe kaart"
        ),
    },
    {
        "code": "afvalcontainer",
        "naam": "Afvalcontainer aanvragen, omruilen of vervangen",
        "samenvatting": (
            "Vraag een nieuwe, extra of andere container aan, of meld een kapotte container."
        ),
        "omschrijving": (
            "Is uw container kapot, gestolen of weg, of staat er geen container bij uw nieuwe "
            "woning? Dan vraagt u gratis een nieuwe container aan. Een extra container kost "
            "eenmalig € 35,00. Wij brengen de container binnen 10 werkdagen."
        ),
        "voorwaarden": (
            "U woont in een woning met eigen containers (geen ondergrondse container).\n"
            "Een kapotte container zet u aan de straat. Wij nemen hem mee.\n"
            "Per adres zijn maximaal 2 containers van dezelfde soort."
        ),
        "meenemen": "",
        "aanvragen": (
            "Vraag de container online aan. U kunt ook bellen met 14 0123 of chatten op onze "
            "website."
        ),
        "aanbieder": "gemeente",
        "afdeling": "openbare-ruimte",
        "themas": ["afval"],
        "levensgebeurtenissen": ["verhuizen"],
        "doelgroepen": ["burger"],
        "servicenorm": (10, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": True, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
            "chat": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            ("ontvangen", "Aanvraag ontvangen", "Wij hebben uw aanvraag ontvangen.", False),
            (
                "in_behandeling",
                "Container ingepland",
                "Wij brengen de container binnen 10 werkdagen. U hoeft niet thuis te zijn.",
                True,
            ),
            ("afgehandeld", "Container geleverd", "De container is bij u afgeleverd.", False),
        ],
        "vragen": [
            {
                "sleutel": "soort_container",
                "vraag": "Om welke container gaat het?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": [
                    "Restafval (grijs)",
                    "Groente-, fruit- en tuinafval (groen)",
                    "Papier (blauw)",
                    "Plastic, metaal en drinkpakken (oranje)",
                ],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "reden",
                "vraag": "Wat wilt u?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": [
                    "Mijn container is kapot",
                    "Mijn container is gestolen of weg",
                    "Er staat geen container bij mijn nieuwe woning",
                    "Ik wil een extra container (€ 35,00)",
                ],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "toelichting",
                "vraag": "Wilt u nog iets toevoegen?",
                "soort": "tekstvak",
                "verplicht": False,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [],
        "prefill": ["naam", "adres", "email", "telefoon"],
        "onderdelen": [],
        "zoekwoorden": (
            "kliko, container kapot, vuilnisbak, afvalbak, container gestolen, nieuwe container, "
            "gft bak, papierbak, minicontainer, containr, wieltje kapot, deksel"
        ),
    },
    {
        "code": "grofvuil-ophalen",
        "naam": "Grofvuil laten ophalen",
        "samenvatting": (
            "Maak een afspraak om grof huisvuil, zoals een bank of matras, te laten ophalen."
        ),
        "omschrijving": (
            "Grote spullen die niet in de container passen, zoals een bank of matras, kunnen wij "
            "ophalen. U laat 4 keer per jaar gratis grofvuil ophalen, maximaal 2 kuub per keer. "
            "Daarna kost het € 27,50 per keer. U kunt grofvuil ook gratis wegbrengen naar het "
            "afvalbrengstation."
        ),
        "voorwaarden": (
            "U woont in de gemeente Voorbeeldstad.\n"
            "U zet het grofvuil op de ophaaldag voor 7.30 uur buiten.\n"
            "Maximaal 2 kuub per keer. Geen bouwafval, asbest of chemisch afval."
        ),
        "meenemen": "",
        "aanvragen": (
            "Maak online een afspraak. U kiest zelf een ophaaldag. U kunt ook bellen met 14 0123."
        ),
        "aanbieder": "gemeente",
        "afdeling": "openbare-ruimte",
        "themas": ["afval"],
        "levensgebeurtenissen": ["verhuizen"],
        "doelgroepen": ["burger"],
        "servicenorm": (10, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": True, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Afspraak ontvangen",
                (
                    "Wij hebben uw afspraak ontvangen. Zet het grofvuil op de ophaaldag voor 7.30 "
                    "uur buiten."
                ),
                True,
            ),
            ("afgehandeld", "Grofvuil opgehaald", "Wij hebben uw grofvuil opgehaald.", False),
        ],
        "vragen": [
            {
                "sleutel": "ophaaldatum",
                "vraag": "Op welke dag wilt u het grofvuil laten ophalen?",
                "soort": "datum",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "U ziet alleen dagen waarop wij in uw wijk ophalen.",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "spullen",
                "vraag": "Welke spullen wilt u laten ophalen?",
                "soort": "tekstvak",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Bijvoorbeeld: 1 bank, 2 stoelen en een matras.",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "kuub",
                "vraag": "Hoeveel kuub is het ongeveer?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Een driezitsbank is ongeveer 1 kuub.",
                "minimum": 0,
                "maximum": 2,
            },
        ],
        "documenten": [],
        "prefill": ["naam", "adres", "email", "telefoon"],
        "onderdelen": [],
        "zoekwoorden": (
            "grofvuil, grof vuil, bank weg, matras, oud meubel, grof huisvuil, afval ophalen, kast "
            "weggooien, grofvuilafspraak, grofvuil ophalen"
        ),
    },
    {
        "code": "melding-openbare-ruimte",
        "naam": "Melding openbare ruimte doen",
        "samenvatting": (
            "Meld een probleem in de straat, zoals een kapotte lamp, losse tegel of afval."
        ),
        "omschrijving": (
            "Ziet u iets kapots of vies op straat, zoals een kapotte lantaarnpaal, een gat in de "
            "weg of zwerfvuil? Meld het ons. Wij lossen de meeste meldingen binnen 5 werkdagen op. "
            "Gevaarlijke situaties pakken wij binnen 24 uur aan."
        ),
        "voorwaarden": (
            "Het probleem is in de openbare ruimte van de gemeente Voorbeeldstad.\n"
            "Bij direct gevaar belt u 14 0123. Bij een noodgeval belt u 112."
        ),
        "meenemen": "",
        "aanvragen": (
            "Doe uw melding online, met een foto als dat kan. U kunt ook bellen, chatten of een "
            "e-mail sturen."
        ),
        "aanbieder": "gemeente",
        "afdeling": "openbare-ruimte",
        "themas": ["afval"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger", "bedrijf", "instelling"],
        "servicenorm": (5, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": True, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
            "email": {"aanvragen": True, "kosten": None},
            "chat": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Melding ontvangen",
                "Wij hebben uw melding ontvangen. Dank u wel!",
                False,
            ),
            (
                "in_behandeling",
                "Melding doorgestuurd",
                "Wij hebben uw melding doorgestuurd naar de medewerkers buiten.",
                False,
            ),
            ("afgehandeld", "Melding opgelost", "Uw melding is opgelost.", True),
        ],
        "vragen": [
            {
                "sleutel": "soort_melding",
                "vraag": "Waar gaat uw melding over?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": [
                    "Straatverlichting",
                    "Weg, stoep of fietspad",
                    "Zwerfvuil of dumping",
                    "Groen en bomen",
                    "Verkeersbord of verkeerslicht",
                    "Iets anders",
                ],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "locatie",
                "vraag": "Waar is het probleem?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Geef een adres of beschrijf de plek zo goed mogelijk.",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "omschrijving",
                "vraag": "Beschrijf het probleem.",
                "soort": "tekstvak",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "terugkoppeling",
                "vraag": "Wilt u bericht als de melding is opgelost?",
                "soort": "janee",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Foto",
                "toelichting": "Een foto helpt ons het probleem snel te vinden.",
                "verplicht": False,
                "bestandstypen": ["jpg", "png"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "email", "telefoon"],
        "onderdelen": [],
        "zoekwoorden": (
            "melding, lantaarnpaal kapot, straatlamp, gat in de weg, losse stoeptegel, zwerfvuil, "
            "afval gedumpt, kapot, overlast, storing, klacht straat, mor"
        ),
    },
    {
        "code": "bijstandsuitkering",
        "naam": "Bijstandsuitkering aanvragen",
        "samenvatting": "Vraag een uitkering aan als u te weinig geld heeft om van te leven.",
        "omschrijving": (
            "Heeft u geen werk, geen andere uitkering en te weinig geld? Dan kunt u een "
            "bijstandsuitkering aanvragen. Wij helpen u ook bij het zoeken naar werk. Binnen 8 "
            "weken krijgt u een besluit."
        ),
        "voorwaarden": (
            "U bent 18 jaar of ouder en woont in de gemeente Voorbeeldstad.\n"
            "U heeft te weinig inkomen en vermogen om van te leven.\n"
            "U heeft geen recht op een andere uitkering, zoals WW.\n"
            "U woont legaal in Nederland.\n"
            "U doet mee aan activiteiten om werk te vinden.\n"
            "Bent u jonger dan 27 jaar? Dan zoekt u eerst 4 weken zelf naar werk of een opleiding."
        ),
        "meenemen": (
            "Uw paspoort of ID-kaart\n"
            "Bankafschriften van de laatste 3 maanden van al uw rekeningen\n"
            "Uw huurcontract of hypotheekgegevens\n"
            "Loonstroken of andere bewijzen van inkomen"
        ),
        "aanvragen": (
            "Vraag de uitkering online aan met DigiD. Daarna maken wij een afspraak met u voor een "
            "gesprek. Bel 14 0123 als u hulp nodig heeft bij het aanvragen."
        ),
        "aanbieder": "gemeente",
        "afdeling": "werk-inkomen",
        "themas": ["werk-inkomen"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": (6, "weken"),
        "wettelijke_termijn": (8, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": None},
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Aanvraag ontvangen",
                (
                    "Wij hebben uw aanvraag ontvangen. Binnen 5 werkdagen bellen wij u voor een "
                    "afspraak."
                ),
                False,
            ),
            (
                "in_behandeling",
                "Gesprek met consulent",
                (
                    "U heeft een gesprek met een consulent. Wij bespreken uw situatie en kijken "
                    "naar werk."
                ),
                True,
            ),
            (
                "in_behandeling",
                "Aanvraag wordt beoordeeld",
                (
                    "Wij beoordelen uw aanvraag. Heeft u na 4 weken nog geen besluit? Dan kunt u "
                    "een voorschot krijgen."
                ),
                False,
            ),
            (
                "afgehandeld",
                "Besluit genomen",
                "Wij hebben een besluit genomen. U krijgt een brief met de uitkomst.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "ingangsdatum",
                "vraag": "Vanaf welke datum vraagt u bijstand aan?",
                "soort": "datum",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "woonsituatie",
                "vraag": "Wat is uw woonsituatie?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": [
                    "Ik woon alleen",
                    "Ik woon samen met een partner",
                    "Ik woon samen met anderen (geen partner)",
                    "Ik woon bij mijn ouders",
                ],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "aantal_kinderen",
                "vraag": "Hoeveel kinderen onder de 18 wonen bij u?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": 0,
                "maximum": 15,
            },
            {
                "sleutel": "inkomen",
                "vraag": "Heeft u op dit moment inkomsten?",
                "soort": "janee",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Bijvoorbeeld loon, alimentatie of een andere uitkering.",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "telefoon_afspraak",
                "vraag": "Op welk telefoonnummer kunnen wij u bellen?",
                "soort": "telefoon",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Bankafschriften",
                "toelichting": "Afschriften van de laatste 3 maanden van al uw bankrekeningen.",
                "verplicht": True,
                "bestandstypen": ["pdf"],
                "max_mb": 20,
            },
            {
                "naam": "Huurcontract of hypotheekgegevens",
                "toelichting": "Het laatste contract of overzicht.",
                "verplicht": True,
                "bestandstypen": ["pdf", "jpg", "png"],
                "max_mb": 10,
            },
            {
                "naam": "Bewijs van inkomen",
                "toelichting": "Loonstroken of een uitkeringsspecificatie.",
                "verplicht": False,
                "bestandstypen": ["pdf", "jpg", "png"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "geboortedatum", "adres", "email", "telefoon", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "bijstand, uitkering, geen inkomen, participatiewet, sociale dienst, "
            "bijstandsuitkering, geld tekort, bijstant, levensonderhoud"
        ),
    },
    {
        "code": "bijzondere-bijstand",
        "naam": "Bijzondere bijstand aanvragen",
        "samenvatting": "Vraag geld aan voor noodzakelijke kosten die u zelf niet kunt betalen.",
        "omschrijving": (
            "Heeft u een laag inkomen en onverwachte kosten die u niet kunt betalen? Zoals een "
            "nieuwe wasmachine, tandartskosten of kosten voor een bewindvoerder? Dan kunt u "
            "bijzondere bijstand aanvragen. Vraag het aan voordat u de kosten maakt, of uiterlijk "
            "3 maanden erna."
        ),
        "voorwaarden": (
            "U woont in de gemeente Voorbeeldstad.\n"
            "Uw inkomen is niet hoger dan 120% van de bijstandsnorm.\n"
            "De kosten zijn noodzakelijk en worden niet vergoed door een andere regeling.\n"
            "U vraagt het aan uiterlijk 3 maanden nadat u de kosten heeft gemaakt."
        ),
        "meenemen": "",
        "aanvragen": (
            "Vraag bijzondere bijstand online aan met DigiD. U kunt ook een formulier per post "
            "opsturen."
        ),
        "aanbieder": "gemeente",
        "afdeling": "werk-inkomen",
        "themas": ["werk-inkomen"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": (6, "weken"),
        "wettelijke_termijn": (8, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
            "post": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            ("ontvangen", "Aanvraag ontvangen", "Wij hebben uw aanvraag ontvangen.", False),
            (
                "in_behandeling",
                "Aanvraag wordt beoordeeld",
                "Wij beoordelen uw aanvraag. Soms vragen wij om meer informatie.",
                False,
            ),
            (
                "afgehandeld",
                "Besluit genomen",
                "Wij hebben een besluit genomen. U krijgt een brief met de uitkomst.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "soort_kosten",
                "vraag": "Voor welke kosten vraagt u bijzondere bijstand?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": [
                    "Wasmachine, koelkast of ander apparaat",
                    "Medische kosten",
                    "Kosten bewindvoering",
                    "Woonkosten",
                    "Iets anders",
                ],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "bedrag",
                "vraag": "Hoeveel kosten het ongeveer, in euro?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": 0,
                "maximum": 25000,
            },
            {
                "sleutel": "uitleg",
                "vraag": "Waarom heeft u dit nodig?",
                "soort": "tekstvak",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Offerte of rekening",
                "toelichting": "Een offerte of rekening van de kosten.",
                "verplicht": True,
                "bestandstypen": ["pdf", "jpg", "png"],
                "max_mb": 10,
            },
            {
                "naam": "Bankafschriften",
                "toelichting": "Afschriften van de laatste maand van al uw rekeningen.",
                "verplicht": True,
                "bestandstypen": ["pdf"],
                "max_mb": 20,
            },
        ],
        "prefill": ["naam", "geboortedatum", "adres", "email", "telefoon", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "bijzondere bijstand, extra kosten, wasmachine kapot, geld nodig, tandarts betalen, "
            "bewindvoering, noodfonds, onverwachte kosten"
        ),
    },
    {
        "code": "schuldhulpverlening",
        "naam": "Hulp bij geldzaken en schulden",
        "samenvatting": (
            "Krijg gratis hulp als u schulden heeft of uw rekeningen niet kunt betalen."
        ),
        "omschrijving": (
            "Heeft u geldzorgen of schulden? Vraag dan op tijd gratis hulp aan de gemeente. Binnen "
            "4 weken heeft u een eerste gesprek met een medewerker. Dreigt u uit uw huis gezet te "
            "worden, dan krijgt u binnen 3 werkdagen een gesprek."
        ),
        "voorwaarden": "U woont in de gemeente Voorbeeldstad.\nU bent 18 jaar of ouder.",
        "meenemen": "",
        "aanvragen": (
            "Meld u aan via het online formulier of bel 14 0123. U kunt ook langskomen bij het "
            "inloopspreekuur op dinsdagochtend in het stadskantoor."
        ),
        "aanbieder": "gemeente",
        "afdeling": "werk-inkomen",
        "themas": ["werk-inkomen"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": (2, "weken"),
        "wettelijke_termijn": (4, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": None},
            "telefoon": {"aanvragen": True, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Aanmelding ontvangen",
                "Wij hebben uw aanmelding ontvangen. Wij bellen u om een afspraak te maken.",
                False,
            ),
            (
                "in_behandeling",
                "Eerste gesprek",
                "U heeft een eerste gesprek met een schuldhulpverlener.",
                True,
            ),
            (
                "afgehandeld",
                "Plan gemaakt",
                "Samen hebben wij een plan gemaakt. Uw schuldhulpverlener helpt u verder.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "situatie",
                "vraag": "Wat past het best bij uw situatie?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": [
                    "Ik heb moeite om rond te komen",
                    "Ik heb betalingsachterstanden",
                    "Ik moet mijn huis uit (huisuitzetting)",
                    "Mijn gas, water of stroom wordt afgesloten",
                ],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "telefoon_contact",
                "vraag": "Op welk telefoonnummer kunnen wij u bellen?",
                "soort": "telefoon",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "toelichting",
                "vraag": "Wilt u nog iets vertellen?",
                "soort": "tekstvak",
                "verplicht": False,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [],
        "prefill": ["naam", "adres", "email", "telefoon", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "schulden, schuldhulp, geldzorgen, rood staan, achterstand huur, deurwaarder, "
            "budgetcoach, schuldsanering, geld problemen, afsluiting"
        ),
    },
    {
        "code": "wmo-voorziening",
        "naam": "Hulp of voorziening via de Wmo aanvragen",
        "samenvatting": (
            "Vraag hulp aan om thuis te blijven wonen, zoals huishoudelijke hulp of een "
            "scootmobiel."
        ),
        "omschrijving": (
            "Heeft u hulp nodig om thuis te kunnen blijven wonen, zoals hulp in het huishouden, "
            "een traplift of een scootmobiel? Meld dit dan bij de gemeente. Binnen 6 weken praten "
            "wij met u over wat u nodig heeft. Voor de meeste voorzieningen betaalt u een eigen "
            "bijdrage van maximaal € 21,80 per maand."
        ),
        "voorwaarden": (
            "U woont in de gemeente Voorbeeldstad.\n"
            "U kunt het niet zelf of met hulp van familie, buren of vrienden oplossen.\n"
            "Er is geen andere regeling die de hulp betaalt, zoals uw zorgverzekering."
        ),
        "meenemen": "",
        "aanvragen": (
            "Meld uw hulpvraag online, bel 14 0123 of kom langs bij het Wmo-loket in het "
            "stadskantoor. Een familielid of mantelzorger mag de melding ook voor u doen."
        ),
        "aanbieder": "gemeente",
        "afdeling": "werk-inkomen",
        "themas": ["zorg"],
        "levensgebeurtenissen": ["zorg"],
        "doelgroepen": ["burger"],
        "servicenorm": (4, "weken"),
        "wettelijke_termijn": (6, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": None},
            "telefoon": {"aanvragen": True, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Melding ontvangen",
                "Wij hebben uw melding ontvangen. Binnen 5 werkdagen nemen wij contact met u op.",
                False,
            ),
            (
                "in_behandeling",
                "Gesprek",
                (
                    "Een Wmo-consulent praat met u over wat u nodig heeft. Dit gesprek is vaak bij "
                    "u thuis."
                ),
                True,
            ),
            (
                "in_behandeling",
                "Aanvraag wordt beoordeeld",
                "U heeft een aanvraag gedaan. Wij nemen binnen 2 weken een besluit.",
                False,
            ),
            (
                "afgehandeld",
                "Besluit genomen",
                "Wij hebben een besluit genomen. U krijgt een brief met de uitkomst.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "hulpvraag",
                "vraag": "Waar heeft u hulp bij nodig?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": [
                    "Huishouden",
                    "Vervoer",
                    "Aanpassing in huis",
                    "Rolstoel of scootmobiel",
                    "Begeleiding of dagbesteding",
                    "Iets anders",
                ],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "voor_wie",
                "vraag": "Doet u deze melding voor uzelf?",
                "soort": "janee",
                "verplicht": True,
                "keuzes": [],
                "toelichting": (
                    "Doet u de melding voor iemand anders? Dan vragen wij ook uw eigen gegevens."
                ),
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "situatie",
                "vraag": "Beschrijf uw situatie in een paar zinnen.",
                "soort": "tekstvak",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "telefoon_contact",
                "vraag": "Op welk telefoonnummer kunnen wij u bellen?",
                "soort": "telefoon",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Medische informatie",
                "toelichting": "Alleen als u die al heeft, bijvoorbeeld een brief van de huisarts.",
                "verplicht": False,
                "bestandstypen": ["pdf", "jpg", "png"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "geboortedatum", "adres", "email", "telefoon", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "wmo, huishoudelijke hulp, thuiszorg, scootmobiel, rolstoel, traplift, "
            "woningaanpassing, dagbesteding, mantelzorg, keukentafelgesprek, wmo loket, hulp thuis"
        ),
    },
    {
        "code": "kwijtschelding-gemeentelijke-belastingen",
        "naam": "Kwijtschelding gemeentelijke belastingen aanvragen",
        "samenvatting": (
            "Vraag kwijtschelding aan als u de afvalstoffenheffing of rioolheffing niet kunt "
            "betalen."
        ),
        "omschrijving": (
            "Heeft u een laag inkomen en weinig spaargeld? Dan hoeft u de afvalstoffenheffing en "
            "rioolheffing misschien niet te betalen. Dit heet kwijtschelding. U vraagt het gratis "
            "aan binnen 3 maanden na de datum op uw aanslag."
        ),
        "voorwaarden": (
            "Uw inkomen is niet hoger dan de bijstandsnorm.\n"
            "U heeft weinig of geen spaargeld en geen auto met een hoge waarde.\n"
            "U vraagt het aan binnen 3 maanden na de datum op de aanslag."
        ),
        "meenemen": "",
        "aanvragen": (
            "Vraag kwijtschelding online aan met DigiD of stuur een formulier per post. Kreeg u "
            "vorig jaar ook kwijtschelding? Dan controleren wij het soms automatisch."
        ),
        "aanbieder": "gemeente",
        "afdeling": "belastingen",
        "themas": ["belastingen", "werk-inkomen"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": (6, "weken"),
        "wettelijke_termijn": (8, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
            "post": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Aanvraag ontvangen",
                "Wij hebben uw aanvraag ontvangen. U hoeft de aanslag nu nog niet te betalen.",
                False,
            ),
            (
                "in_behandeling",
                "Aanvraag wordt beoordeeld",
                "Wij beoordelen uw inkomen en uitgaven.",
                False,
            ),
            (
                "afgehandeld",
                "Besluit genomen",
                "Wij hebben een besluit genomen. U krijgt een brief met de uitkomst.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "aanslagnummer",
                "vraag": "Wat is het nummer van uw aanslag?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Dit staat rechtsboven op uw aanslagbiljet.",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "leefsituatie",
                "vraag": "Wat is uw leefsituatie?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": ["Alleenstaand", "Alleenstaande ouder", "Getrouwd of samenwonend"],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "netto_inkomen",
                "vraag": "Wat is uw netto inkomen per maand, in euro?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": 0,
                "maximum": 10000,
            },
            {
                "sleutel": "auto",
                "vraag": "Heeft u een auto?",
                "soort": "janee",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Bewijs van inkomen",
                "toelichting": "Loonstrook of uitkeringsspecificatie van de laatste maand.",
                "verplicht": True,
                "bestandstypen": ["pdf", "jpg", "png"],
                "max_mb": 10,
            },
            {
                "naam": "Bankafschriften",
                "toelichting": "Afschriften van de laatste 3 maanden van al uw rekeningen.",
                "verplicht": True,
                "bestandstypen": ["pdf"],
                "max_mb": 20,
            },
        ],
        "prefill": ["naam", "geboortedatum", "adres", "email", "telefoon", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "kwijtschelding, belasting niet betalen, afvalstoffenheffing, rioolheffing, laag "
            "inkomen, kwijtscheling, aanslag gemeente, vrijstelling"
        ),
    },
    {
        "code": "betalingsregeling-belastingen",
        "naam": "Betalingsregeling gemeentelijke belastingen",
        "samenvatting": (
            "Betaal uw gemeentelijke belastingen in 10 termijnen met automatische incasso."
        ),
        "omschrijving": (
            "U kunt de gemeentelijke belastingen in 10 maandelijkse termijnen betalen met "
            "automatische incasso. Dit kost niets extra. Kunt u ook dan niet betalen? Neem dan "
            "contact met ons op voor een andere regeling."
        ),
        "voorwaarden": (
            "De aanslag is hoger dan € 50,00.\n"
            "U geeft toestemming voor automatische incasso.\n"
            "U vraagt het aan voordat de eerste betaaldatum voorbij is."
        ),
        "meenemen": "",
        "aanvragen": (
            "Regel de automatische incasso online met DigiD in Mijn Voorbeeldstad. U kunt ook "
            "bellen met 14 0123."
        ),
        "aanbieder": "gemeente",
        "afdeling": "belastingen",
        "themas": ["belastingen"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger", "bedrijf"],
        "servicenorm": (10, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": True, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            ("ontvangen", "Aanvraag ontvangen", "Wij hebben uw aanvraag ontvangen.", False),
            (
                "afgehandeld",
                "Regeling geregeld",
                (
                    "Uw betalingsregeling is geregeld. U ziet de data van de termijnen in Mijn "
                    "Voorbeeldstad."
                ),
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "aanslagnummer",
                "vraag": "Wat is het nummer van uw aanslag?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "iban",
                "vraag": "Van welk rekeningnummer (IBAN) mogen wij afschrijven?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Bijvoorbeeld NL00 BANK 0123 4567 89.",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [],
        "prefill": ["naam", "adres", "email", "bsn", "kvk_nummer"],
        "onderdelen": [],
        "zoekwoorden": (
            "betalingsregeling, termijnen, gespreid betalen, automatische incasso, aanslag "
            "betalen, uitstel van betaling, in delen betalen"
        ),
    },
    {
        "code": "hondenbelasting",
        "naam": "Hond aanmelden of afmelden voor hondenbelasting",
        "samenvatting": "Meld uw hond aan of af voor de hondenbelasting.",
        "omschrijving": (
            "Heeft u een hond? Dan betaalt u hondenbelasting: in 2026 € 118,20 per jaar voor de "
            "eerste hond en € 154,80 voor elke hond daarna. Meld een nieuwe hond binnen 2 weken "
            "aan. Meldt u een overleden of weggegeven hond af, dan krijgt u een deel van het geld "
            "terug."
        ),
        "voorwaarden": (
            "U woont in de gemeente Voorbeeldstad.\n"
            "U meldt uw hond binnen 2 weken aan of af.\n"
            "Hulphonden, zoals een blindengeleidehond, zijn vrijgesteld."
        ),
        "meenemen": "",
        "aanvragen": "Meld uw hond online aan of af met DigiD. U kunt ook bellen met 14 0123.",
        "aanbieder": "gemeente",
        "afdeling": "belastingen",
        "themas": ["belastingen"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": (10, "werkdagen"),
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": True, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            ("ontvangen", "Melding ontvangen", "Wij hebben uw melding ontvangen.", False),
            (
                "afgehandeld",
                "Melding verwerkt",
                "Uw melding is verwerkt. U krijgt een nieuwe of aangepaste aanslag.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "aan_of_af",
                "vraag": "Wilt u een hond aanmelden of afmelden?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": ["Aanmelden", "Afmelden"],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "aantal_honden",
                "vraag": "Om hoeveel honden gaat het?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": 1,
                "maximum": 10,
            },
            {
                "sleutel": "datum",
                "vraag": "Sinds wanneer heeft u de hond, of sinds wanneer niet meer?",
                "soort": "datum",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "hulphond",
                "vraag": "Is het een erkende hulphond?",
                "soort": "janee",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [],
        "prefill": ["naam", "adres", "email", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "hondenbelasting, hond aanmelden, hond afmelden, hond overleden, puppy, "
            "hondebelasting, nieuwe hond, hulphond, belasting hond"
        ),
    },
    {
        "code": "bezwaar-woz",
        "naam": "Bezwaar maken tegen de WOZ-waarde",
        "samenvatting": "Maak gratis bezwaar als u de WOZ-waarde van uw woning niet juist vindt.",
        "omschrijving": (
            "Elk jaar bepaalt de gemeente de WOZ-waarde van uw woning. Klopt de waarde volgens u "
            "niet? Maak dan binnen 6 weken na de datum op de aanslag bezwaar. Bezwaar maken is "
            "gratis en u heeft er geen bureau voor nodig."
        ),
        "voorwaarden": (
            "U bent eigenaar of huurder van de woning.\n"
            "U maakt bezwaar binnen 6 weken na de datum op de aanslag.\n"
            "U legt uit waarom de waarde volgens u niet klopt."
        ),
        "meenemen": "",
        "aanvragen": (
            "Maak bezwaar online met DigiD in Mijn Voorbeeldstad of stuur een brief. Bel ons "
            "gerust eerst, want vaak kunnen wij de waarde direct uitleggen."
        ),
        "aanbieder": "gemeente",
        "afdeling": "belastingen",
        "themas": ["belastingen"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger", "bedrijf"],
        "servicenorm": (6, "weken"),
        "wettelijke_termijn": (6, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
            "post": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Bezwaar ontvangen",
                "Wij hebben uw bezwaar ontvangen. U hoeft de aanslag nu nog niet te betalen.",
                False,
            ),
            (
                "in_behandeling",
                "Waarde wordt opnieuw bekeken",
                (
                    "Een taxateur bekijkt de waarde van uw woning opnieuw. Soms bellen wij u of "
                    "komen wij langs."
                ),
                False,
            ),
            (
                "afgehandeld",
                "Uitspraak verstuurd",
                (
                    "Wij hebben een besluit genomen over uw bezwaar. U krijgt een brief met de "
                    "uitkomst."
                ),
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "aanslagnummer",
                "vraag": "Wat is het nummer van uw aanslag?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "adres_object",
                "vraag": "Voor welk adres maakt u bezwaar?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "gewenste_waarde",
                "vraag": "Welke waarde vindt u juist, in euro?",
                "soort": "getal",
                "verplicht": False,
                "keuzes": [],
                "toelichting": "",
                "minimum": 0,
                "maximum": None,
            },
            {
                "sleutel": "reden",
                "vraag": "Waarom klopt de waarde volgens u niet?",
                "soort": "tekstvak",
                "verplicht": True,
                "keuzes": [],
                "toelichting": (
                    "Bijvoorbeeld: mijn huis is kleiner, of het dak moet worden vernieuwd."
                ),
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Bewijs",
                "toelichting": "Bijvoorbeeld foto's, een taxatierapport of een koopcontract.",
                "verplicht": False,
                "bestandstypen": ["pdf", "jpg", "png", "docx"],
                "max_mb": 20,
            },
        ],
        "prefill": ["naam", "adres", "email", "telefoon", "bsn", "kvk_nummer"],
        "onderdelen": [],
        "zoekwoorden": (
            "woz, woz waarde, bezwaar woz, waarde huis te hoog, taxatie, ozb, "
            "onroerendezaakbelasting, woz-beschikking, taxatieverslag, bezwaar aanslag"
        ),
    },
    {
        "code": "evenementenvergunning",
        "naam": "Evenement melden of evenementenvergunning aanvragen",
        "samenvatting": (
            "Meld een feest, markt of sportevenement op straat of vraag er een vergunning voor aan."
        ),
        "omschrijving": (
            "Voor een klein evenement, zoals een buurtfeest, is een gratis melding vaak genoeg. "
            "Voor een groter evenement heeft u een vergunning nodig, die € 145,00 kost. Vraag de "
            "vergunning minimaal 8 weken van tevoren aan. Bij meer dan 1.000 bezoekers is dat 12 "
            "weken."
        ),
        "voorwaarden": (
            "Melding is genoeg bij maximaal 150 bezoekers, tussen 9.00 en 23.00 uur, zonder "
            "afgesloten doorgaande weg.\n"
            "Voor andere evenementen vraagt u een vergunning aan.\n"
            "U vraagt de vergunning minimaal 8 weken van tevoren aan (grote evenementen 12 "
            "weken).\n"
            "U heeft toestemming van de eigenaar van de locatie."
        ),
        "meenemen": "",
        "aanvragen": (
            "Doe de melding of vraag de vergunning online aan met DigiD of eHerkenning. Wilt u "
            "eerst overleggen? Bel dan 14 0123."
        ),
        "aanbieder": "gemeente",
        "afdeling": "vergunningen",
        "themas": ["ondernemen"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger", "bedrijf", "instelling"],
        "servicenorm": (6, "weken"),
        "wettelijke_termijn": (8, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": "145.00"},
            "email": {"aanvragen": False, "kosten": None},
        },
        "statusstappen": [
            ("ontvangen", "Aanvraag ontvangen", "Wij hebben uw aanvraag ontvangen.", False),
            (
                "in_behandeling",
                "Advies politie en brandweer",
                "Wij vragen advies aan de politie, de brandweer en de GHOR.",
                False,
            ),
            (
                "in_behandeling",
                "Extra informatie nodig",
                "Wij hebben meer informatie nodig over uw evenement. U leest in uw bericht wat.",
                True,
            ),
            (
                "afgehandeld",
                "Besluit genomen",
                "Wij hebben een besluit genomen. U krijgt de vergunning of een brief.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "naam_evenement",
                "vraag": "Wat is de naam van uw evenement?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "datum_evenement",
                "vraag": "Op welke datum is het evenement?",
                "soort": "datum",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "locatie",
                "vraag": "Waar is het evenement?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "aantal_bezoekers",
                "vraag": "Hoeveel bezoekers verwacht u tegelijk?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": 1,
                "maximum": 100000,
            },
            {
                "sleutel": "weg_afsluiten",
                "vraag": "Moet er een weg worden afgesloten?",
                "soort": "janee",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Plattegrond",
                "toelichting": "Een tekening met de plek van tenten, podium en nooduitgangen.",
                "verplicht": True,
                "bestandstypen": ["pdf", "jpg", "png"],
                "max_mb": 10,
            },
            {
                "naam": "Veiligheidsplan",
                "toelichting": "Alleen nodig bij meer dan 1.000 bezoekers.",
                "verplicht": False,
                "bestandstypen": ["pdf", "docx"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "adres", "email", "telefoon", "kvk_nummer"],
        "onderdelen": [],
        "zoekwoorden": (
            "evenement, buurtfeest, straatfeest, festival, braderie, koningsdag, "
            "evenementvergunning, melding evenement, wegafsluiting, feest organiseren"
        ),
    },
    {
        "code": "terrasvergunning",
        "naam": "Terrasvergunning aanvragen",
        "samenvatting": (
            "Vraag een vergunning aan voor een terras op de stoep of het plein bij uw zaak."
        ),
        "omschrijving": (
            "Wilt u een terras op de stoep of het plein voor uw horecazaak? Dan heeft u een "
            "terrasvergunning nodig. De vergunning kost € 165,00. Wij kijken of er genoeg ruimte "
            "overblijft voor voetgangers en hulpdiensten."
        ),
        "voorwaarden": (
            "U heeft een horecazaak met een geldige exploitatievergunning.\n"
            "Er blijft minimaal 1,50 meter vrije ruimte op de stoep.\n"
            "Het terras staat direct voor uw eigen zaak."
        ),
        "meenemen": "",
        "aanvragen": "Vraag de terrasvergunning online aan met eHerkenning.",
        "aanbieder": "gemeente",
        "afdeling": "vergunningen",
        "themas": ["ondernemen"],
        "levensgebeurtenissen": ["ondernemen"],
        "doelgroepen": ["bedrijf"],
        "servicenorm": (6, "weken"),
        "wettelijke_termijn": (8, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": "165.00"},
        },
        "statusstappen": [
            ("ontvangen", "Aanvraag ontvangen", "Wij hebben uw aanvraag ontvangen.", False),
            (
                "in_behandeling",
                "Locatie wordt bekeken",
                "Een medewerker bekijkt de plek van uw terras.",
                False,
            ),
            (
                "afgehandeld",
                "Besluit genomen",
                "Wij hebben een besluit genomen. U krijgt de vergunning of een brief.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "naam_zaak",
                "vraag": "Wat is de naam van uw zaak?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "oppervlakte",
                "vraag": "Hoe groot wordt het terras, in vierkante meters?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": 1,
                "maximum": 500,
            },
            {
                "sleutel": "seizoen",
                "vraag": "Wanneer wilt u het terras gebruiken?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": ["Het hele jaar", "Alleen van april tot en met oktober"],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Tekening van het terras",
                "toelichting": (
                    "Een tekening met de maten van het terras en de vrije ruimte op de stoep."
                ),
                "verplicht": True,
                "bestandstypen": ["pdf", "jpg", "png"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "adres", "email", "telefoon", "kvk_nummer"],
        "onderdelen": [],
        "zoekwoorden": (
            "terras, terrasvergunning, horeca, cafe, restaurant, stoep, tafels buiten, "
            "uitstalling, teras"
        ),
    },
    {
        "code": "standplaatsvergunning",
        "naam": "Standplaatsvergunning aanvragen",
        "samenvatting": (
            "Vraag een vergunning aan om met een kraam of foodtruck op een vaste plek te staan."
        ),
        "omschrijving": (
            "Wilt u buiten de weekmarkt met een kraam, wagen of foodtruck op een vaste plek staan? "
            "Dan heeft u een standplaatsvergunning nodig. De vergunning kost € 95,00 en is 1 jaar "
            "geldig. Er is een beperkt aantal plekken."
        ),
        "voorwaarden": (
            "U staat ingeschreven bij de KVK.\n"
            "Er is een plek vrij op de gewenste locatie.\n"
            "Verkoopt u eten? Dan voldoet u aan de regels voor hygiëne."
        ),
        "meenemen": "",
        "aanvragen": "Vraag de vergunning online aan met eHerkenning of DigiD.",
        "aanbieder": "gemeente",
        "afdeling": "vergunningen",
        "themas": ["ondernemen"],
        "levensgebeurtenissen": ["ondernemen"],
        "doelgroepen": ["bedrijf"],
        "servicenorm": (6, "weken"),
        "wettelijke_termijn": (8, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": "95.00"},
        },
        "statusstappen": [
            ("ontvangen", "Aanvraag ontvangen", "Wij hebben uw aanvraag ontvangen.", False),
            (
                "in_behandeling",
                "Aanvraag wordt beoordeeld",
                "Wij kijken of er een plek vrij is en of uw aanvraag klopt.",
                False,
            ),
            (
                "afgehandeld",
                "Besluit genomen",
                "Wij hebben een besluit genomen. U krijgt de vergunning of een brief.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "wat_verkopen",
                "vraag": "Wat wilt u verkopen?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "locatie",
                "vraag": "Op welke plek wilt u staan?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "dagen",
                "vraag": "Op welke dag wilt u staan?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": ["Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag"],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "meters",
                "vraag": "Hoeveel meter breed is uw kraam of wagen?",
                "soort": "getal",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": 1,
                "maximum": 20,
            },
        ],
        "documenten": [
            {
                "naam": "Foto van de kraam of wagen",
                "toelichting": "Een foto van hoe uw kraam of wagen eruitziet.",
                "verplicht": False,
                "bestandstypen": ["jpg", "png"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "adres", "email", "telefoon", "kvk_nummer"],
        "onderdelen": [],
        "zoekwoorden": (
            "standplaats, kraam, foodtruck, viskraam, verkoopwagen, marktkraam, ambulante handel, "
            "standplaatsvergunning, oliebollenkraam"
        ),
    },
    {
        "code": "woo-verzoek",
        "naam": "Woo-verzoek indienen (informatie opvragen)",
        "samenvatting": (
            "Vraag documenten van de gemeente op met een verzoek op grond van de Wet open overheid."
        ),
        "omschrijving": (
            "Wilt u documenten van de gemeente inzien die nog niet openbaar zijn? Dan kunt u "
            "gratis een Woo-verzoek doen. Wij beslissen binnen 4 weken. Hebben wij 2 weken extra "
            "nodig, dan laten wij u dat weten."
        ),
        "voorwaarden": (
            "U beschrijft zo duidelijk mogelijk welke informatie u zoekt.\n"
            "De informatie gaat over een bestuurlijke zaak van de gemeente.\n"
            "Iedereen mag een verzoek doen. U hoeft niet te zeggen waarom."
        ),
        "meenemen": "",
        "aanvragen": (
            "Doe uw verzoek online, per e-mail of per post. Wij bellen u soms om uw vraag beter te "
            "begrijpen."
        ),
        "aanbieder": "gemeente",
        "afdeling": "kcc",
        "themas": ["contact"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger", "bedrijf", "instelling"],
        "servicenorm": (4, "weken"),
        "wettelijke_termijn": (4, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
            "email": {"aanvragen": True, "kosten": None},
            "post": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            (
                "ontvangen",
                "Verzoek ontvangen",
                "Wij hebben uw Woo-verzoek ontvangen. U krijgt een ontvangstbevestiging.",
                False,
            ),
            (
                "in_behandeling",
                "Informatie wordt verzameld",
                "Wij zoeken de documenten en kijken wat openbaar mag worden.",
                False,
            ),
            (
                "afgehandeld",
                "Besluit genomen",
                "Wij hebben een besluit genomen. U krijgt het besluit en de documenten.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "onderwerp",
                "vraag": "Over welk onderwerp wilt u informatie?",
                "soort": "tekst",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "omschrijving",
                "vraag": "Welke documenten zoekt u?",
                "soort": "tekstvak",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "Noem bijvoorbeeld een periode, een project of een besluit.",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "periode_vanaf",
                "vraag": "Vanaf welke datum zoekt u informatie?",
                "soort": "datum",
                "verplicht": False,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [],
        "prefill": ["naam", "adres", "email", "telefoon"],
        "onderdelen": [],
        "zoekwoorden": (
            "woo, wob, wet open overheid, openbaarheid, documenten opvragen, informatie opvragen, "
            "inzage, woo verzoek, transparantie"
        ),
    },
    {
        "code": "klacht-indienen",
        "naam": "Klacht indienen",
        "samenvatting": (
            "Dien een klacht in als u ontevreden bent over hoe de gemeente u heeft behandeld."
        ),
        "omschrijving": (
            "Bent u niet tevreden over hoe de gemeente of een medewerker u heeft behandeld? Dan "
            "kunt u een klacht indienen. Binnen 5 werkdagen nemen wij contact met u op en vaak "
            "lossen wij het samen op. Uiterlijk binnen 6 weken krijgt u een reactie."
        ),
        "voorwaarden": (
            "De klacht gaat over de manier waarop de gemeente u heeft behandeld.\n"
            "Het gebeurde minder dan 1 jaar geleden.\n"
            "Bent u het niet eens met een besluit? Maak dan bezwaar in plaats van een klacht."
        ),
        "meenemen": "",
        "aanvragen": (
            "Dien uw klacht online in, stuur een e-mail of brief, of bel 14 0123. U kunt het ook "
            "aan de balie zeggen."
        ),
        "aanbieder": "gemeente",
        "afdeling": "kcc",
        "themas": ["contact"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger", "bedrijf", "instelling"],
        "servicenorm": (4, "weken"),
        "wettelijke_termijn": (6, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "balie": {"aanvragen": True, "kosten": None},
            "telefoon": {"aanvragen": True, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
            "email": {"aanvragen": True, "kosten": None},
            "post": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            ("ontvangen", "Klacht ontvangen", "Wij hebben uw klacht ontvangen.", False),
            (
                "in_behandeling",
                "Contact met klachtbehandelaar",
                "Een klachtbehandelaar neemt binnen 5 werkdagen contact met u op.",
                True,
            ),
            (
                "afgehandeld",
                "Klacht afgehandeld",
                "Uw klacht is afgehandeld. U krijgt een brief of e-mail met de uitkomst.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "datum_gebeurtenis",
                "vraag": "Wanneer is het gebeurd?",
                "soort": "datum",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "afdeling",
                "vraag": "Over welk onderwerp gaat uw klacht?",
                "soort": "keuze",
                "verplicht": True,
                "keuzes": [
                    "Paspoort, verhuizing of andere burgerzaken",
                    "Vergunningen",
                    "Belastingen",
                    "Werk, inkomen of zorg",
                    "Afval of openbare ruimte",
                    "Iets anders",
                ],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "omschrijving",
                "vraag": "Wat is er gebeurd?",
                "soort": "tekstvak",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "oplossing",
                "vraag": "Wat zou voor u een goede oplossing zijn?",
                "soort": "tekstvak",
                "verplicht": False,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Bijlage",
                "toelichting": "Bijvoorbeeld een brief of e-mail die u van ons kreeg.",
                "verplicht": False,
                "bestandstypen": ["pdf", "jpg", "png", "docx"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "adres", "email", "telefoon"],
        "onderdelen": [],
        "zoekwoorden": (
            "klacht, ontevreden, boos, slecht geholpen, klagen, klachtenformulier, ombudsman, niet "
            "teruggebeld, onvriendelijk"
        ),
    },
    {
        "code": "bezwaar-maken",
        "naam": "Bezwaar maken tegen een besluit",
        "samenvatting": (
            "Maak binnen 6 weken bezwaar als u het niet eens bent met een besluit van de gemeente."
        ),
        "omschrijving": (
            "Bent u het niet eens met een besluit van de gemeente, bijvoorbeeld over een "
            "vergunning of uitkering? Dan kunt u gratis bezwaar maken binnen 6 weken na de datum "
            "van het besluit. Meestal beslissen wij binnen 6 weken. Vragen wij advies aan de "
            "bezwaarcommissie, dan is dat 12 weken."
        ),
        "voorwaarden": (
            "U maakt bezwaar binnen 6 weken na de datum van het besluit.\n"
            "Het besluit gaat over u zelf, of u bent belanghebbende.\n"
            "U zet uw naam, adres, datum en handtekening in het bezwaar.\n"
            "U schrijft waarom u het niet eens bent met het besluit."
        ),
        "meenemen": "",
        "aanvragen": (
            "Maak bezwaar online met DigiD of stuur een brief. Bel ons gerust eerst. Soms lossen "
            "wij het dan samen op."
        ),
        "aanbieder": "gemeente",
        "afdeling": "kcc",
        "themas": ["contact"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger", "bedrijf", "instelling"],
        "servicenorm": (6, "weken"),
        "wettelijke_termijn": (6, "weken"),
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": True, "kosten": None},
            "post": {"aanvragen": True, "kosten": None},
        },
        "statusstappen": [
            ("ontvangen", "Bezwaar ontvangen", "Wij hebben uw bezwaar ontvangen.", False),
            (
                "in_behandeling",
                "Bezwaar wordt behandeld",
                (
                    "Wij bekijken het besluit opnieuw. Misschien nodigen wij u uit voor een "
                    "gesprek of hoorzitting."
                ),
                True,
            ),
            (
                "afgehandeld",
                "Beslissing op bezwaar",
                "Wij hebben een beslissing genomen op uw bezwaar. U krijgt een brief.",
                True,
            ),
        ],
        "vragen": [
            {
                "sleutel": "datum_besluit",
                "vraag": "Wat is de datum van het besluit?",
                "soort": "datum",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "kenmerk",
                "vraag": "Wat is het kenmerk of zaaknummer van het besluit?",
                "soort": "tekst",
                "verplicht": False,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
            {
                "sleutel": "reden",
                "vraag": "Waarom bent u het niet eens met het besluit?",
                "soort": "tekstvak",
                "verplicht": True,
                "keuzes": [],
                "toelichting": "",
                "minimum": None,
                "maximum": None,
            },
        ],
        "documenten": [
            {
                "naam": "Kopie van het besluit",
                "toelichting": "Een foto of scan van de brief met het besluit.",
                "verplicht": True,
                "bestandstypen": ["pdf", "jpg", "png"],
                "max_mb": 10,
            },
        ],
        "prefill": ["naam", "adres", "email", "telefoon", "bsn"],
        "onderdelen": [],
        "zoekwoorden": (
            "bezwaar, bezwaarschrift, niet eens, besluit, beroep, afwijzing, bezwaar maken, in "
            "beroep gaan, bezwaarcommissie"
        ),
    },
    {
        "code": "kenteken-overschrijven",
        "naam": "Kenteken overschrijven",
        "samenvatting": (
            "Na het kopen of verkopen van een auto schrijft u het kenteken over bij de RDW, niet "
            "bij de gemeente."
        ),
        "omschrijving": (
            "Koopt of verkoopt u een auto, motor of scooter? Dan moet het kenteken op naam van de "
            "nieuwe eigenaar komen. Dit regelt u niet bij de gemeente, maar bij een RDW-erkend "
            "bedrijf, een postkantoor met RDW-service of online bij de RDW. Kijk op rdw.nl voor de "
            "kosten."
        ),
        "voorwaarden": (
            "U heeft de kentekencard en de tenaamstellingscode van het voertuig.\n"
            "De nieuwe eigenaar heeft een geldig ID-bewijs."
        ),
        "meenemen": "",
        "aanvragen": "U regelt dit bij de RDW. Kijk op www.rdw.nl.",
        "aanbieder": "rdw",
        "afdeling": "kcc",
        "themas": ["parkeren"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": None,
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": False, "kosten": None},
        },
        "statusstappen": [],
        "vragen": [],
        "documenten": [],
        "prefill": [],
        "onderdelen": [],
        "zoekwoorden": (
            "kenteken, overschrijven, auto kopen, auto verkopen, kentekenbewijs, tenaamstelling, "
            "kentekencard, vrijwaring, rdw, scooter"
        ),
    },
    {
        "code": "ww-uitkering",
        "naam": "WW-uitkering (UWV)",
        "samenvatting": "Een WW-uitkering bij werkloosheid vraagt u aan bij het UWV.",
        "omschrijving": (
            "Bent u uw baan kwijt, maar niet door uw eigen schuld? Dan heeft u misschien recht op "
            "een WW-uitkering van het UWV. Vraag deze aan binnen 1 week na uw laatste werkdag. "
            "Heeft u geen recht op WW, dan kunt u misschien bijstand krijgen bij de gemeente."
        ),
        "voorwaarden": (
            "U was werknemer en bent minimaal 5 uur per week minder gaan werken.\n"
            "U heeft in de laatste 36 weken minimaal 26 weken gewerkt.\n"
            "U vraagt de WW aan binnen 1 week na uw laatste werkdag."
        ),
        "meenemen": "",
        "aanvragen": "U vraagt de WW online aan bij het UWV met DigiD, via werk.nl.",
        "aanbieder": "uwv",
        "afdeling": "kcc",
        "themas": ["werk-inkomen"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": None,
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": False, "kosten": None},
        },
        "statusstappen": [],
        "vragen": [],
        "documenten": [],
        "prefill": [],
        "onderdelen": [],
        "zoekwoorden": (
            "ww, werkloos, ontslag, werkloosheidswet, uwv, baan kwijt, werk.nl, "
            "werkloosheidsuitkering, contract niet verlengd"
        ),
    },
    {
        "code": "toeslagen",
        "naam": "Toeslagen (Belastingdienst)",
        "samenvatting": (
            "Huurtoeslag, zorgtoeslag, kindgebonden budget en kinderopvangtoeslag vraagt u aan bij "
            "de Belastingdienst."
        ),
        "omschrijving": (
            "Met een laag inkomen kunt u misschien toeslag krijgen voor de huur, de "
            "zorgverzekering of de kinderopvang. Toeslagen regelt de Belastingdienst, niet de "
            "gemeente. Geef wijzigingen in uw inkomen of gezin op tijd door, zodat u geen geld "
            "hoeft terug te betalen."
        ),
        "voorwaarden": (
            "U woont in Nederland en bent 18 jaar of ouder.\n"
            "Uw inkomen en vermogen zijn niet te hoog."
        ),
        "meenemen": "",
        "aanvragen": (
            "U vraagt toeslagen online aan met DigiD op de website van de Belastingdienst. Hulp "
            "nodig? Ga naar een informatiepunt Digitale Overheid in de bibliotheek."
        ),
        "aanbieder": "belastingdienst",
        "afdeling": "kcc",
        "themas": ["werk-inkomen", "wonen"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": None,
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": False, "kosten": None},
        },
        "statusstappen": [],
        "vragen": [],
        "documenten": [],
        "prefill": [],
        "onderdelen": [],
        "zoekwoorden": (
            "toeslag, huurtoeslag, zorgtoeslag, kinderopvangtoeslag, kindgebonden budget, "
            "belastingdienst, mijn toeslagen, toeslagen terugbetalen"
        ),
    },
    {
        "code": "aow",
        "naam": "AOW-pensioen (SVB)",
        "samenvatting": (
            "Het AOW-pensioen regelt de Sociale Verzekeringsbank (SVB), niet de gemeente."
        ),
        "omschrijving": (
            "Als u de AOW-leeftijd bereikt, krijgt u AOW-pensioen van de SVB. In 2026 is de "
            "AOW-leeftijd 67 jaar. Ongeveer 6 maanden van tevoren krijgt u een brief van de SVB en "
            "daarna vraagt u de AOW online aan. Heeft u geen brief gekregen, neem dan contact op "
            "met de SVB."
        ),
        "voorwaarden": "U heeft de AOW-leeftijd bereikt.\nU heeft in Nederland gewoond of gewerkt.",
        "meenemen": "",
        "aanvragen": "U vraagt de AOW online aan bij de SVB met DigiD.",
        "aanbieder": "svb",
        "afdeling": "kcc",
        "themas": ["werk-inkomen"],
        "levensgebeurtenissen": [],
        "doelgroepen": ["burger"],
        "servicenorm": None,
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": False, "kosten": None},
        },
        "statusstappen": [],
        "vragen": [],
        "documenten": [],
        "prefill": [],
        "onderdelen": [],
        "zoekwoorden": (
            "aow, pensioen, ouderdomswet, svb, 67 jaar, pensioenleeftijd, aow aanvragen, aow "
            "leeftijd"
        ),
    },
    {
        "code": "inschrijven-kvk",
        "naam": "Bedrijf inschrijven bij de KVK",
        "samenvatting": (
            "Als u een eigen bedrijf start, schrijft u het in bij de Kamer van Koophandel."
        ),
        "omschrijving": (
            "Begint u een eigen bedrijf? Dan schrijft u zich uiterlijk op de startdatum in bij de "
            "Kamer van Koophandel (KVK), niet bij de gemeente. Inschrijven kost eenmalig ongeveer "
            "€ 85. Daarna krijgt u een KVK-nummer."
        ),
        "voorwaarden": (
            "U start een bedrijf of zzp-praktijk.\n"
            "U heeft een geldig ID-bewijs en een vestigingsadres."
        ),
        "meenemen": "",
        "aanvragen": (
            "U vult online een formulier in op kvk.nl. Daarna maakt u een afspraak bij een "
            "KVK-kantoor om uw inschrijving af te ronden."
        ),
        "aanbieder": "kvk",
        "afdeling": "kcc",
        "themas": ["ondernemen"],
        "levensgebeurtenissen": ["ondernemen"],
        "doelgroepen": ["burger", "bedrijf"],
        "servicenorm": None,
        "wettelijke_termijn": None,
        "klaar_terwijl_u_wacht": False,
        "kanalen": {
            "telefoon": {"aanvragen": False, "kosten": None},
            "internet": {"aanvragen": False, "kosten": None},
        },
        "statusstappen": [],
        "vragen": [],
        "documenten": [],
        "prefill": [],
        "onderdelen": [],
        "zoekwoorden": (
            "kvk, kamer van koophandel, bedrijf starten, zzp, eigen bedrijf, inschrijven, kvk "
            "nummer, eenmanszaak, starter, ondernemer worden"
        ),
    },
]

KENNISITEMS = [
    {
        "vraag": "Wat zijn de openingstijden van het stadskantoor?",
        "antwoord": (
            "Het stadskantoor aan het Marktplein 1 is open van maandag tot en met vrijdag, van "
            "9.00 tot 17.00 uur. Op donderdag zijn wij ook open van 17.00 tot 20.00 uur. U komt "
            "alleen op afspraak. Telefonisch zijn wij bereikbaar op werkdagen van 8.30 tot 17.00 "
            "uur via 14 0123."
        ),
        "producten": [],
        "themas": ["contact"],
        "trefwoorden": (
            "openingstijden, open, gesloten, wanneer open, stadhuis, gemeentehuis, "
            "avondopenstelling, donderdagavond, tijden"
        ),
    },
    {
        "vraag": "Hoe maak ik een afspraak bij de gemeente?",
        "antwoord": (
            "U maakt een afspraak online op www.voorbeeldstad.nl/afspraak. Kies eerst het product, "
            "bijvoorbeeld een paspoort, en daarna een dag en tijd. Lukt het online niet? Bel dan "
            "14 0123. U krijgt een bevestiging per e-mail of sms."
        ),
        "producten": ["paspoort", "id-kaart", "rijbewijs"],
        "themas": ["contact"],
        "trefwoorden": (
            "afspraak, afspraak maken, balie, langskomen, reserveren, tijdslot, loket, afspraak "
            "inplannen"
        ),
    },
    {
        "vraag": "Ik kan niet naar mijn afspraak komen. Hoe zeg ik die af?",
        "antwoord": (
            "In de bevestiging van uw afspraak staat een link. Daarmee kunt u de afspraak afzeggen "
            "of verzetten. U kunt ook bellen met 14 0123. Zeg uw afspraak zo snel mogelijk af. Dan "
            "kan iemand anders de plek gebruiken."
        ),
        "producten": [],
        "themas": ["contact"],
        "trefwoorden": (
            "afspraak afzeggen, afspraak verzetten, annuleren, andere tijd, afspraak wijzigen, kan "
            "niet komen, verplaatsen"
        ),
    },
    {
        "vraag": "Hoe kan ik de gemeente bereiken?",
        "antwoord": (
            "U belt ons op werkdagen van 8.30 tot 17.00 uur via 14 0123. U kunt ook chatten op "
            "onze website, van maandag tot en met vrijdag van 9.00 tot 17.00 uur. Een e-mail "
            "stuurt u via het contactformulier op www.voorbeeldstad.nl. Voor de balie maakt u "
            "eerst een afspraak."
        ),
        "producten": [],
        "themas": ["contact"],
        "trefwoorden": (
            "telefoonnummer, bellen, contact, 14 0123, nummer gemeente, e-mail, contactformulier, "
            "bereikbaarheid"
        ),
    },
    {
        "vraag": "Hoe lang moet ik wachten als ik de gemeente bel?",
        "antwoord": (
            "Meestal krijgt u binnen 1 minuut een medewerker aan de lijn. Op maandagochtend en na "
            "de verzending van de belastingaanslagen is het drukker. Belt u liever op een rustig "
            "moment? Bel dan na 14.00 uur. U kunt ook chatten of een e-mail sturen."
        ),
        "producten": [],
        "themas": ["contact"],
        "trefwoorden": (
            "wachttijd, wachten, lang in de wacht, druk, bereikbaar, wachtrij, niemand neemt op, "
            "rustig moment"
        ),
    },
    {
        "vraag": "Kan ik ook chatten met de gemeente?",
        "antwoord": (
            "Ja, u kunt chatten via de knop op www.voorbeeldstad.nl. De chat is open van maandag "
            "tot en met vrijdag van 9.00 tot 17.00 uur. Een medewerker helpt u direct. Voor vragen "
            "over uw persoonlijke gegevens logt u eerst in met DigiD."
        ),
        "producten": [],
        "themas": ["contact"],
        "trefwoorden": (
            "chat, chatten, webchat, online vraag, whatsapp, live chat, medewerker spreken"
        ),
    },
    {
        "vraag": "Hoe snel krijg ik antwoord op mijn e-mail?",
        "antwoord": (
            "Wij beantwoorden uw e-mail of contactformulier binnen 5 werkdagen. Is uw vraag "
            "ingewikkeld? Dan krijgt u binnen 5 werkdagen bericht wanneer u antwoord krijgt. Heeft "
            "u haast? Bel dan 14 0123."
        ),
        "producten": [],
        "themas": ["contact"],
        "trefwoorden": (
            "e-mail, mail, antwoord, reactie, geen antwoord, contactformulier, hoe lang, mailtje"
        ),
    },
    {
        "vraag": "Hoe kan ik zien hoe ver mijn aanvraag is?",
        "antwoord": (
            "Log in met DigiD op Mijn Voorbeeldstad. Onder 'Mijn aanvragen' ziet u de status van "
            "uw aanvraag. U krijgt ook een e-mail als er iets verandert. Heeft u geen DigiD? Bel "
            "dan 14 0123 en noem het zaaknummer uit uw ontvangstbevestiging."
        ),
        "producten": [],
        "themas": ["contact"],
        "trefwoorden": (
            "status, stand van zaken, aanvraag volgen, hoe ver, mijn voorbeeldstad, zaaknummer, "
            "track and trace, nog niks gehoord"
        ),
    },
    {
        "vraag": "Ik ben mijn DigiD kwijt of weet mijn wachtwoord niet meer. Wat moet ik doen?",
        "antwoord": (
            "Ga naar digid.nl en kies 'Wachtwoord vergeten'. U krijgt dan binnen ongeveer 3 "
            "werkdagen een nieuwe code per post. De gemeente kan uw DigiD niet herstellen. Hulp "
            "nodig? Ga naar het Informatiepunt Digitale Overheid in de bibliotheek."
        ),
        "producten": [],
        "themas": ["contact"],
        "trefwoorden": (
            "digid, digid kwijt, wachtwoord vergeten, inloggen lukt niet, digi d, activatiecode, "
            "digid aanvragen, digid app"
        ),
    },
    {
        "vraag": "Ik heb geen DigiD. Kan ik toch iets aanvragen?",
        "antwoord": (
            "Ja. De meeste producten kunt u ook aan de balie aanvragen, na een afspraak. Sommige "
            "aanvragen kunt u ook per post doen. U kunt ook iemand machtigen via "
            "digid.nl/machtigen, die het dan voor u regelt."
        ),
        "producten": [],
        "themas": ["contact"],
        "trefwoorden": (
            "geen digid, zonder digid, machtigen, formulier op papier, post, niet digitaal, ouderen"
        ),
    },
    {
        "vraag": "Mag ik zaken regelen voor mijn vader of moeder?",
        "antwoord": (
            "Dat kan vaak met een machtiging. Uw vader of moeder machtigt u dan via digid.nl. Voor "
            "een paspoort, ID-kaart of rijbewijs moet de persoon wel zelf naar de balie komen. Bel "
            "14 0123 als u twijfelt. Wij vertellen u wat nodig is."
        ),
        "producten": [],
        "themas": ["contact"],
        "trefwoorden": (
            "machtiging, namens, voor iemand anders, ouders, mantelzorger, gemachtigde, "
            "vertegenwoordigen, curator, bewindvoerder"
        ),
    },
    {
        "vraag": "Hoe kan ik betalen aan de balie?",
        "antwoord": (
            "Aan de balie kunt u alleen pinnen. Contant betalen is niet mogelijk. Online betaalt u "
            "met iDEAL. De kosten van producten vindt u bij elk product op onze website."
        ),
        "producten": ["paspoort", "id-kaart", "rijbewijs", "uittreksel-brp"],
        "themas": ["contact"],
        "trefwoorden": "betalen, pinnen, contant, cash, iDEAL, creditcard, betaalmethode, geld",
    },
    {
        "vraag": "Wat kosten producten van de gemeente?",
        "antwoord": (
            "De kosten staan bij elk product op onze website. Een paspoort voor een volwassene "
            "kost € 86,25 en een ID-kaart € 78,45. Een uittreksel uit de BRP kost online € 13,50 "
            "en aan de balie € 16,90. Uw verhuizing doorgeven is gratis."
        ),
        "producten": ["paspoort", "id-kaart", "uittreksel-brp", "verhuizing-doorgeven"],
        "themas": ["contact"],
        "trefwoorden": "kosten, prijs, tarief, leges, wat kost, prijzen, hoe duur, gratis",
    },
    {
        "vraag": "Ik spreek niet goed Nederlands. Kan ik hulp krijgen?",
        "antwoord": (
            "Ja. U mag iemand meenemen die voor u vertaalt. Aan de telefoon kunnen onze "
            "medewerkers ook Engels spreken. Bij een gesprek over zorg of inkomen kunnen wij een "
            "tolk regelen. Vraag dit als u de afspraak maakt."
        ),
        "producten": [],
        "themas": ["contact"],
        "trefwoorden": (
            "tolk, vertaling, engels, taal, niet nederlands, english, anderstalig, vertalen"
        ),
    },
    {
        "vraag": "Hoe geef ik mijn e-mailadres of telefoonnummer door?",
        "antwoord": (
            "Log in met DigiD op Mijn Voorbeeldstad. Onder 'Mijn gegevens' vult u uw e-mailadres "
            "en telefoonnummer in. Dan kunnen wij u berichten sturen over uw aanvragen. Uw adres "
            "wijzigt u niet hier, maar via 'Verhuizing doorgeven'."
        ),
        "producten": ["verhuizing-doorgeven"],
        "themas": ["contact"],
        "trefwoorden": (
            "contactgegevens, e-mailadres wijzigen, telefoonnummer wijzigen, mobiel nummer, "
            "gegevens aanpassen, mijn gegevens"
        ),
    },
    {
        "vraag": "Ik wil een klacht indienen over de gemeente. Hoe doe ik dat?",
        "antwoord": (
            "Vul het klachtenformulier in op onze website. U kunt ook bellen met 14 0123 of een "
            "brief sturen. Binnen 5 werkdagen neemt een klachtbehandelaar contact met u op. U "
            "krijgt uiterlijk binnen 6 weken een reactie."
        ),
        "producten": ["klacht-indienen"],
        "themas": ["contact"],
        "trefwoorden": (
            "klacht, klagen, ontevreden, boos, slecht geholpen, klachtenformulier, onvriendelijk"
        ),
    },
    {
        "vraag": "Wat is het verschil tussen een klacht en een bezwaar?",
        "antwoord": (
            "Een klacht gaat over hoe u bent behandeld. Bijvoorbeeld als een medewerker "
            "onvriendelijk was of u niet terugbelde. Een bezwaar maakt u als u het niet eens bent "
            "met een besluit. Bijvoorbeeld als uw aanvraag is afgewezen. Voor bezwaar heeft u 6 "
            "weken na de datum van het besluit."
        ),
        "producten": ["klacht-indienen", "bezwaar-maken"],
        "themas": ["contact"],
        "trefwoorden": (
            "klacht of bezwaar, verschil, niet eens, afgewezen, behandeling, onvriendelijk"
        ),
    },
    {
        "vraag": "Ik ben het niet eens met een besluit van de gemeente. Wat kan ik doen?",
        "antwoord": (
            "U kunt bezwaar maken binnen 6 weken na de datum van het besluit. Bezwaar maken is "
            "gratis. Meestal beslissen wij binnen 6 weken. Vragen wij advies aan de "
            "bezwaarcommissie, dan duurt het maximaal 12 weken."
        ),
        "producten": ["bezwaar-maken"],
        "themas": ["contact"],
        "trefwoorden": (
            "bezwaar, niet eens, afwijzing, besluit, bezwaarschrift, in beroep, onterecht"
        ),
    },
    {
        "vraag": "Hoe vraag ik documenten op bij de gemeente?",
        "antwoord": (
            "Dat doet u met een Woo-verzoek. U beschrijft welke informatie u zoekt, maar u hoeft "
            "niet te zeggen waarom. Wij beslissen binnen 4 weken, soms met 2 weken extra. Een "
            "Woo-verzoek is gratis."
        ),
        "producten": ["woo-verzoek"],
        "themas": ["contact"],
        "trefwoorden": (
            "woo, wob, documenten, informatie opvragen, openbaar, inzage, stukken, dossier"
        ),
    },
    {
        "vraag": "Ik heb een ontvangstbevestiging gekregen. Wat gebeurt er nu?",
        "antwoord": (
            "In de ontvangstbevestiging staat uw zaaknummer. Wij behandelen uw aanvraag binnen de "
            "termijn die bij het product staat. U ziet de status in Mijn Voorbeeldstad. Missen wij "
            "iets, dan nemen wij contact met u op."
        ),
        "producten": [],
        "themas": ["contact"],
        "trefwoorden": (
            "ontvangstbevestiging, zaaknummer, bevestiging, wat nu, volgende stap, bericht "
            "ontvangen"
        ),
    },
    {
        "vraag": "Mijn aanvraag duurt langer dan de termijn. Wat kan ik doen?",
        "antwoord": (
            "Bel ons op 14 0123 en noem uw zaaknummer. Wij zoeken uit waarom het langer duurt. Is "
            "de wettelijke termijn voorbij? Dan kunt u de gemeente schriftelijk in gebreke "
            "stellen. Wij leggen u graag uit hoe dat werkt."
        ),
        "producten": [],
        "themas": ["contact"],
        "trefwoorden": (
            "te laat, termijn verlopen, duurt lang, ingebrekestelling, geen besluit, vertraging, "
            "lang wachten"
        ),
    },
    {
        "vraag": "Mijn paspoort is gestolen. Wat moet ik doen?",
        "antwoord": (
            "Meld de diefstal zo snel mogelijk bij de gemeente via een afspraak aan de balie. U "
            "vult daar gratis een verklaring van vermissing in. Daarna vraagt u meteen een nieuw "
            "paspoort aan. Neem een pasfoto en een ander ID-bewijs mee als u dat heeft."
        ),
        "producten": ["paspoort"],
        "themas": ["documenten"],
        "trefwoorden": (
            "gestolen, kwijt, verloren, diefstal, vermissing, paspoort weg, beroofd, zakkenroller"
        ),
    },
    {
        "vraag": "Ik ben mijn ID-kaart of paspoort kwijt in het buitenland. Wat nu?",
        "antwoord": (
            "Meld het verlies bij de lokale politie. Neem daarna contact op met de Nederlandse "
            "ambassade of het consulaat. Daar kunt u een noodpaspoort aanvragen. Terug in "
            "Nederland vraagt u een nieuw document aan bij de gemeente."
        ),
        "producten": ["paspoort", "id-kaart"],
        "themas": ["documenten"],
        "trefwoorden": (
            "buitenland, vakantie, kwijt, gestolen, ambassade, consulaat, noodpaspoort, "
            "laissez-passer"
        ),
    },
    {
        "vraag": "Hoe lang duurt het voordat mijn paspoort klaar is?",
        "antwoord": (
            "Een paspoort of ID-kaart ligt ongeveer 5 werkdagen na de aanvraag klaar. U krijgt een "
            "bericht als het klaar ligt. Heeft u het sneller nodig? Met een spoedaanvraag ligt het "
            "de volgende werkdag klaar, voor € 57,50 extra."
        ),
        "producten": ["paspoort", "id-kaart"],
        "themas": ["documenten"],
        "trefwoorden": (
            "hoe lang, levertijd, spoed, snel, haast, klaar, wanneer ophalen, spoedaanvraag"
        ),
    },
    {
        "vraag": "Wat kost een paspoort of ID-kaart?",
        "antwoord": (
            "Een paspoort kost € 86,25 voor iemand van 18 jaar of ouder. Voor een kind onder de 18 "
            "jaar kost het € 60,50. Een ID-kaart kost € 78,45 voor volwassenen en € 47,50 voor "
            "kinderen. U betaalt aan de balie met uw pinpas."
        ),
        "producten": ["paspoort", "id-kaart"],
        "themas": ["documenten"],
        "trefwoorden": "kosten paspoort, prijs paspoort, kosten id kaart, hoe duur, tarief, leges",
    },
    {
        "vraag": "Mijn kind heeft een paspoort nodig. Wat moet ik regelen?",
        "antwoord": (
            "Maak een afspraak aan de balie en neem uw kind mee, ook als het een baby is. Beide "
            "ouders met gezag moeten toestemming geven. Komt de andere ouder niet mee? Neem dan "
            "een ingevuld toestemmingsformulier en een kopie van diens ID-bewijs mee. Een paspoort "
            "voor een kind kost € 60,50."
        ),
        "producten": ["paspoort", "id-kaart"],
        "themas": ["documenten"],
        "trefwoorden": (
            "kind, baby, minderjarig, toestemming, andere ouder, gescheiden, paspoort kind, "
            "kinderpaspoort"
        ),
    },
    {
        "vraag": "Mag iemand anders mijn paspoort of ID-kaart ophalen?",
        "antwoord": (
            "Ja, dat kan. U geeft dit aan als u het document aanvraagt. U vult dan een machtiging "
            "in. De persoon die het ophaalt, neemt zijn eigen ID-bewijs en uw oude document mee."
        ),
        "producten": ["paspoort", "id-kaart"],
        "themas": ["documenten"],
        "trefwoorden": (
            "ophalen, iemand anders, machtiging, afhalen, partner ophalen, zelf niet komen"
        ),
    },
    {
        "vraag": "Welke pasfoto heeft u nodig?",
        "antwoord": (
            "De pasfoto moet in kleur zijn en niet ouder dan 6 maanden. U kijkt recht in de "
            "camera, met een neutrale blik. Een fotograaf weet aan welke eisen de foto moet "
            "voldoen. Maak de foto dus bij een fotograaf of in een erkende fotozaak."
        ),
        "producten": ["paspoort", "id-kaart", "rijbewijs"],
        "themas": ["documenten"],
        "trefwoorden": (
            "pasfoto, foto, fotograaf, eisen foto, fotomatrix, hoofddeksel, bril op foto"
        ),
    },
    {
        "vraag": "Ik heb mijn paspoort niet binnen 3 maanden opgehaald. Wat nu?",
        "antwoord": (
            "Na 3 maanden wordt het paspoort of de ID-kaart vernietigd. U krijgt uw geld niet "
            "terug. U moet dan opnieuw een aanvraag doen en opnieuw betalen. Haal uw document dus "
            "op tijd op."
        ),
        "producten": ["paspoort", "id-kaart"],
        "themas": ["documenten"],
        "trefwoorden": "niet opgehaald, te laat, vergeten op te halen, vernietigd, drie maanden",
    },
    {
        "vraag": "Mijn rijbewijs verloopt binnenkort. Hoe verleng ik het?",
        "antwoord": (
            "Maak een afspraak aan de balie. Neem uw oude rijbewijs en een goede pasfoto mee. Een "
            "rijbewijs kost € 53,20. Na ongeveer 5 werkdagen haalt u het nieuwe rijbewijs op. "
            "Spoed is mogelijk voor € 41,00 extra."
        ),
        "producten": ["rijbewijs"],
        "themas": ["documenten"],
        "trefwoorden": (
            "rijbewijs verlengen, verlopen, vernieuwen, rijbewijs verloopt, rijbewijs kosten, "
            "spoed rijbewijs"
        ),
    },
    {
        "vraag": "Ik word 75 jaar. Wat moet ik doen voor mijn rijbewijs?",
        "antwoord": (
            "Vanaf 75 jaar heeft u een gezondheidsverklaring nodig van het CBR. Vraag die aan via "
            "Mijn CBR. Doe dit minimaal 4 maanden voordat uw rijbewijs verloopt. Is de verklaring "
            "goedgekeurd? Dan vraagt u het rijbewijs aan bij de gemeente."
        ),
        "producten": ["rijbewijs"],
        "themas": ["documenten"],
        "trefwoorden": (
            "75 jaar, keuring, gezondheidsverklaring, cbr, medische keuring, ouder, oudere "
            "automobilist"
        ),
    },
    {
        "vraag": "Ik heb mijn rijexamen gehaald. Hoe krijg ik mijn rijbewijs?",
        "antwoord": (
            "Gefeliciteerd! Het CBR geeft uw uitslag door aan de RDW. Daarna maakt u een afspraak "
            "bij de gemeente. Neem uw paspoort of ID-kaart en een pasfoto mee. Vraag het rijbewijs "
            "binnen anderhalf jaar na het examen aan."
        ),
        "producten": ["rijbewijs"],
        "themas": ["documenten"],
        "trefwoorden": (
            "eerste rijbewijs, examen gehaald, geslaagd, rijexamen, nieuw rijbewijs, cbr"
        ),
    },
    {
        "vraag": "Hoe vraag ik een uittreksel uit de BRP aan?",
        "antwoord": (
            "Online met DigiD kost een uittreksel € 13,50 en krijgt u het binnen 5 werkdagen per "
            "post. Aan de balie kost het € 16,90 en krijgt u het meteen mee. Maak daarvoor eerst "
            "een afspraak."
        ),
        "producten": ["uittreksel-brp"],
        "themas": ["burgerzaken"],
        "trefwoorden": (
            "uittreksel, gba, brp, bewijs van inschrijving, uittreksel bevolkingsregister, "
            "adreshistorie"
        ),
    },
    {
        "vraag": "Ik heb een uittreksel nodig voor een instantie in het buitenland.",
        "antwoord": (
            "Kies bij het aanvragen voor een meertalig uittreksel. Dat wordt in veel Europese "
            "landen geaccepteerd. Vraag de instantie in het buitenland of een legalisatie of "
            "apostille nodig is. De kosten zijn hetzelfde als voor een gewoon uittreksel: € 13,50 "
            "online en € 16,90 aan de balie."
        ),
        "producten": ["uittreksel-brp"],
        "themas": ["burgerzaken"],
        "trefwoorden": (
            "internationaal uittreksel, meertalig, buitenland, apostille, legalisatie, engels "
            "uittreksel"
        ),
    },
    {
        "vraag": "Hoe geef ik mijn verhuizing door?",
        "antwoord": (
            "Geef uw verhuizing online door met DigiD, vanaf 4 weken voor de verhuisdatum tot "
            "uiterlijk 5 dagen erna. Het is gratis. Andere organisaties, zoals de Belastingdienst, "
            "krijgen uw nieuwe adres vanzelf. Lukt het online niet? Maak dan een afspraak aan de "
            "balie."
        ),
        "producten": ["verhuizing-doorgeven"],
        "themas": ["wonen", "burgerzaken"],
        "trefwoorden": (
            "adreswijziging, verhuizen, nieuw adres, verhuizing doorgeven, adres wijzigen, verhuisd"
        ),
    },
    {
        "vraag": "Ik kom in Voorbeeldstad wonen. Wat moet ik regelen?",
        "antwoord": (
            "Welkom! Met het formulier 'Verhuizen naar Voorbeeldstad' geeft u uw nieuwe adres "
            "door. In hetzelfde formulier vraagt u ook een parkeervergunning en een afvalcontainer "
            "aan als u die nodig heeft. U logt in met DigiD."
        ),
        "producten": [
            "verhuizing-naar-voorbeeldstad",
            "verhuizing-doorgeven",
            "parkeervergunning-bewoners",
            "afvalcontainer",
        ],
        "themas": ["wonen"],
        "trefwoorden": (
            "nieuw in voorbeeldstad, nieuwe inwoner, verhuizen naar, inschrijven, welkom, alles "
            "regelen"
        ),
    },
    {
        "vraag": "Mijn verhuizing is nog niet verwerkt. Klopt dat?",
        "antwoord": (
            "Wij verwerken uw verhuizing binnen 5 werkdagen. Soms controleren wij eerst of u echt "
            "op het adres woont, en dan kan het langer duren. U ziet de status in Mijn "
            "Voorbeeldstad. Is het na 5 werkdagen nog niet verwerkt? Bel dan 14 0123."
        ),
        "producten": ["verhuizing-doorgeven"],
        "themas": ["wonen"],
        "trefwoorden": (
            "verhuizing niet verwerkt, adres niet aangepast, mijnoverheid, nog oud adres, "
            "verhuizing status"
        ),
    },
    {
        "vraag": "Er staat iemand op mijn adres ingeschreven die hier niet woont.",
        "antwoord": (
            "Meld dit bij de gemeente via 14 0123 of het contactformulier. Wij doen dan een "
            "adresonderzoek. Wij schrijven de persoon uit als blijkt dat hij of zij hier niet "
            "woont. Dit is gratis. U heeft geen recht op informatie over de nieuwe woonplaats van "
            "die persoon."
        ),
        "producten": ["verhuizing-doorgeven"],
        "themas": ["wonen", "burgerzaken"],
        "trefwoorden": (
            "adresonderzoek, onbekende op mijn adres, vorige bewoner, post vorige bewoner, "
            "uitschrijven, spookbewoner"
        ),
    },
    {
        "vraag": "Hoe doe ik aangifte van de geboorte van mijn kind?",
        "antwoord": (
            "Doe binnen 3 dagen na de geboorte aangifte. Dat kan online met DigiD of aan de balie "
            "op afspraak. Aangifte doen is gratis. Uw kind krijgt daarna een burgerservicenummer. "
            "Dat sturen wij per post."
        ),
        "producten": ["geboorteaangifte"],
        "themas": ["burgerzaken"],
        "trefwoorden": "geboorte, baby, aangifte, geboren, bsn baby, geboorteakte, kraam",
    },
    {
        "vraag": "Wie mag de geboorte van een kind aangeven?",
        "antwoord": (
            "Meestal doet een ouder de aangifte. Lukt dat niet, dan mag iemand die bij de geboorte "
            "was het doen, of iemand die woont in het huis waar het kind is geboren. Zijn de "
            "ouders niet getrouwd? Dan moet de vader of meeouder het kind erkennen."
        ),
        "producten": ["geboorteaangifte"],
        "themas": ["burgerzaken"],
        "trefwoorden": (
            "wie aangifte, vader, moeder, meeouder, erkenning, niet getrouwd, samenwonend"
        ),
    },
    {
        "vraag": "Wij willen trouwen. Hoe regelen we dat?",
        "antwoord": (
            "Meld uw huwelijk minimaal 2 weken en maximaal 1 jaar van tevoren. Dat doet u online "
            "met DigiD. U en uw partner loggen allebei in. U heeft 2 tot 4 getuigen nodig. Een "
            "ceremonie op een werkdag kost € 430,00 en op zaterdag € 615,00."
        ),
        "producten": ["huwelijk"],
        "themas": ["burgerzaken"],
        "trefwoorden": (
            "trouwen, huwelijk, ondertrouw, melding voorgenomen huwelijk, trouwdatum, getuigen, "
            "trouwzaal"
        ),
    },
    {
        "vraag": "Kan ik gratis trouwen?",
        "antwoord": (
            "Ja. Op maandag om 9.00 uur kunt u gratis trouwen in het stadskantoor. De ceremonie is "
            "kort en zonder toespraak. U neemt 2 getuigen mee. Kies deze ceremonie als u uw "
            "huwelijk online meldt."
        ),
        "producten": ["huwelijk"],
        "themas": ["burgerzaken"],
        "trefwoorden": (
            "gratis trouwen, goedkoop trouwen, kosteloos, eenvoudig huwelijk, maandagochtend"
        ),
    },
    {
        "vraag": "Wat is het verschil tussen trouwen en een geregistreerd partnerschap?",
        "antwoord": (
            "U heeft bijna dezelfde rechten en plichten. Het grootste verschil is het beëindigen. "
            "Een huwelijk beëindigt u altijd via de rechter. Een partnerschap kunt u soms samen "
            "beëindigen zonder rechter, als u geen kinderen onder de 18 heeft. De kosten en de "
            "ceremonie zijn hetzelfde."
        ),
        "producten": ["huwelijk"],
        "themas": ["burgerzaken"],
        "trefwoorden": (
            "partnerschap, geregistreerd partnerschap, verschil, samenwonen, scheiden, "
            "samenlevingscontract"
        ),
    },
    {
        "vraag": "Iemand is overleden. Wat moet ik regelen?",
        "antwoord": (
            "Bel eerst een arts om het overlijden vast te stellen. Neem daarna contact op met een "
            "uitvaartondernemer. Die doet meestal de aangifte bij de gemeente voor u. De "
            "begrafenis of crematie is minimaal 36 uur en uiterlijk 6 werkdagen na het overlijden. "
            "De aangifte is gratis."
        ),
        "producten": ["overlijdensaangifte"],
        "themas": ["burgerzaken"],
        "trefwoorden": (
            "overleden, overlijden, dood, sterfgeval, begrafenis, crematie, uitvaart, wat regelen"
        ),
    },
    {
        "vraag": "Ik heb een overlijdensakte nodig. Hoe krijg ik die?",
        "antwoord": (
            "U vraagt een afschrift van de overlijdensakte aan bij de gemeente waar de persoon is "
            "overleden. Bel 14 0123 of maak een afspraak aan de balie. U heeft het afschrift soms "
            "nodig voor de bank of de verzekering."
        ),
        "producten": ["overlijdensaangifte"],
        "themas": ["burgerzaken"],
        "trefwoorden": "overlijdensakte, afschrift, akte, bank, verzekering, nabestaande, notaris",
    },
    {
        "vraag": "Ik wil de achternaam van mijn partner gebruiken. Kan dat?",
        "antwoord": (
            "Ja, als u getrouwd bent of een geregistreerd partnerschap heeft. U wijzigt uw "
            "naamgebruik online met DigiD. Dat is gratis. Uw eigen naam blijft op uw paspoort of "
            "ID-kaart staan, met de naam van uw partner erbij als u dat kiest."
        ),
        "producten": ["naamgebruik"],
        "themas": ["burgerzaken"],
        "trefwoorden": (
            "achternaam partner, naamgebruik, meisjesnaam, naam man, naam vrouw, getrouwde naam"
        ),
    },
    {
        "vraag": "Ik ga in het buitenland wonen. Wat moet ik doen?",
        "antwoord": (
            "Gaat u 8 maanden of langer in het buitenland wonen? Meld uw vertrek dan bij de "
            "gemeente. Dat doet u op zijn vroegst 5 dagen voor vertrek. Het kan online, aan de "
            "balie of per post. Het is gratis."
        ),
        "producten": ["vertrek-buitenland"],
        "themas": ["burgerzaken", "wonen"],
        "trefwoorden": (
            "emigreren, buitenland, vertrek, uitschrijven, emigratie, verhuizen buitenland"
        ),
    },
    {
        "vraag": "Hoe vraag ik een Verklaring Omtrent het Gedrag (VOG) aan?",
        "antwoord": (
            "Heeft uw werkgever een online aanvraag voor u klaargezet? Dan vraagt u de VOG aan bij "
            "Justis met DigiD, voor € 42,50. Met een papieren formulier vraagt u de VOG aan aan de "
            "balie van de gemeente, voor € 46,50. Justis beslist binnen 4 weken."
        ),
        "producten": ["verklaring-omtrent-gedrag"],
        "themas": ["burgerzaken"],
        "trefwoorden": (
            "vog, verklaring goed gedrag, justis, nieuwe baan, vrijwilliger, screening, kosten vog"
        ),
    },
    {
        "vraag": "Heb ik een vergunning nodig voor een dakkapel of aanbouw?",
        "antwoord": (
            "Doe eerst de vergunningcheck in het Omgevingsloket om te zien of u een "
            "omgevingsvergunning nodig heeft. Aan de achterkant van uw huis mag u vaak zonder "
            "vergunning bouwen. Twijfelt u? Vraag dan een gratis vooroverleg aan of bel 14 0123."
        ),
        "producten": ["omgevingsvergunning"],
        "themas": ["wonen"],
        "trefwoorden": (
            "dakkapel, aanbouw, uitbouw, vergunningvrij, mag ik bouwen, vergunningcheck, "
            "omgevingsloket, schuur"
        ),
    },
    {
        "vraag": "Hoe lang duurt een omgevingsvergunning en wat kost het?",
        "antwoord": (
            "Wij beslissen binnen 8 weken, soms met een verlenging van 6 weken. Dat laten wij u "
            "dan weten. De kosten zijn 3% van de bouwkosten, met een minimum van € 150,00. "
            "Ontbreekt er iets in uw aanvraag, dan hoort u dat binnen 2 weken."
        ),
        "producten": ["omgevingsvergunning"],
        "themas": ["wonen"],
        "trefwoorden": (
            "doorlooptijd, hoe lang, leges, kosten vergunning, bouwvergunning, beslistermijn"
        ),
    },
    {
        "vraag": "Mag ik een boom in mijn tuin kappen?",
        "antwoord": (
            "Is de stam dikker dan 30 centimeter, gemeten op 1,30 meter hoogte? Dan heeft u een "
            "kapvergunning nodig die € 78,00 kost. Wij beslissen binnen 8 weken. Is de stam "
            "dunner, dan mag u de boom zonder vergunning kappen."
        ),
        "producten": ["kapvergunning"],
        "themas": ["wonen"],
        "trefwoorden": (
            "boom kappen, boom omzagen, kapvergunning, boom weghalen, tuin, bomen, snoeien"
        ),
    },
    {
        "vraag": "Ik heb last van een boom van de gemeente bij mijn huis.",
        "antwoord": (
            "Doe een melding openbare ruimte, online of via 14 0123. Een medewerker komt de boom "
            "bekijken. Wij snoeien of kappen een boom alleen als dat echt nodig is. Bijvoorbeeld "
            "bij gevaar of schade."
        ),
        "producten": ["melding-openbare-ruimte"],
        "themas": ["afval", "wonen"],
        "trefwoorden": (
            "boom gemeente, overlast boom, takken, bladeren, wortels, schaduw, snoeien, boom voor "
            "mijn huis"
        ),
    },
    {
        "vraag": "Hoe vraag ik een parkeervergunning aan?",
        "antwoord": (
            "Vraag de parkeervergunning online aan met DigiD. De vergunning is digitaal en hoort "
            "bij uw kenteken. Voor de eerste auto betaalt u € 96,00 per jaar. Voor een tweede auto "
            "betaalt u € 192,00 per jaar. Binnen 5 werkdagen is de vergunning actief."
        ),
        "producten": ["parkeervergunning-bewoners"],
        "themas": ["parkeren"],
        "trefwoorden": (
            "parkeervergunning, bewonersvergunning, parkeren, vergunning auto, parkeerkosten"
        ),
    },
    {
        "vraag": "Ik heb een nieuwe auto. Hoe pas ik mijn parkeervergunning aan?",
        "antwoord": (
            "Log in met DigiD in Mijn Voorbeeldstad en wijzig het kenteken bij uw "
            "parkeervergunning. Dit is gratis en werkt meestal dezelfde dag. Heeft u een "
            "leaseauto? Upload dan het leasecontract."
        ),
        "producten": ["parkeervergunning-bewoners"],
        "themas": ["parkeren"],
        "trefwoorden": (
            "kenteken wijzigen, andere auto, nieuwe auto, kentekenwijziging, leaseauto, "
            "vervangende auto"
        ),
    },
    {
        "vraag": "Mijn bezoek wil bij mij in de wijk parkeren. Kan dat?",
        "antwoord": (
            "Ja, met een bezoekersparkeervergunning. Die kost € 12,00 per jaar. Uw bezoek parkeert "
            "daarna voor € 0,60 per uur. U meldt het kenteken van uw bezoek aan in de app of op de "
            "website. De vergunning werkt meteen nadat u hem heeft aangevraagd."
        ),
        "producten": ["bezoekersparkeervergunning"],
        "themas": ["parkeren"],
        "trefwoorden": (
            "bezoek, visite, bezoekersvergunning, gasten, bezoekerspas, familie parkeren"
        ),
    },
    {
        "vraag": "Ik kan slecht lopen. Kan ik een gehandicaptenparkeerkaart krijgen?",
        "antwoord": (
            "Kunt u door een ziekte of beperking niet verder lopen dan 100 meter? Dan kunt u een "
            "gehandicaptenparkeerkaart aanvragen. Een arts beoordeelt uw situatie. De kaart kost € "
            "125,00, inclusief de keuring. Wij beslissen binnen 8 weken."
        ),
        "producten": ["gehandicaptenparkeerkaart"],
        "themas": ["parkeren", "zorg"],
        "trefwoorden": (
            "invalidenkaart, gpk, slecht ter been, gehandicaptenparkeerkaart, rolstoel, "
            "parkeerplaats dichtbij"
        ),
    },
    {
        "vraag": "Kan ik een eigen gehandicaptenparkeerplaats bij mijn huis krijgen?",
        "antwoord": (
            "Dat kan soms. U heeft dan eerst een gehandicaptenparkeerkaart nodig. U moet ook zelf "
            "een auto hebben en er mag geen plek op eigen terrein zijn. Bel 14 0123 voor meer "
            "informatie."
        ),
        "producten": ["gehandicaptenparkeerkaart"],
        "themas": ["parkeren"],
        "trefwoorden": (
            "gehandicaptenparkeerplaats, eigen parkeerplaats, kenteken parkeerplaats, "
            "invalideplek, bord"
        ),
    },
    {
        "vraag": "Ik heb een auto gekocht. Hoe zet ik het kenteken op mijn naam?",
        "antwoord": (
            "Dat regelt u niet bij de gemeente, maar bij de RDW. U kunt terecht bij een RDW-erkend "
            "bedrijf of bij een postkantoor met RDW-service. U heeft de kentekencard en de "
            "tenaamstellingscode nodig. Kijk op rdw.nl voor meer informatie."
        ),
        "producten": ["kenteken-overschrijven"],
        "themas": ["parkeren"],
        "trefwoorden": "kenteken, overschrijven, auto gekocht, tenaamstelling, rdw, kentekencard",
    },
    {
        "vraag": "Mijn container is kapot of gestolen. Wat moet ik doen?",
        "antwoord": (
            "Vraag online of via 14 0123 gratis een nieuwe container aan. Wij brengen de container "
            "binnen 10 werkdagen en u hoeft niet thuis te zijn. Wilt u een extra container? Dat "
            "kost eenmalig € 35,00."
        ),
        "producten": ["afvalcontainer"],
        "themas": ["afval"],
        "trefwoorden": (
            "kliko, container kapot, container gestolen, vuilnisbak, deksel kapot, wiel kapot, "
            "container weg"
        ),
    },
    {
        "vraag": "Mijn container is niet geleegd. Wat nu?",
        "antwoord": (
            "Kijk eerst in de afvalkalender of het de juiste dag was. Stond de container voor 7.30 "
            "uur aan de straat? Meld het dan dezelfde dag of de volgende werkdag via 14 0123 of de "
            "website. Wij komen de container dan binnen 2 werkdagen alsnog legen."
        ),
        "producten": ["melding-openbare-ruimte"],
        "themas": ["afval"],
        "trefwoorden": (
            "niet geleegd, vergeten, container vol, vuilniswagen, niet opgehaald, afval blijft "
            "staan"
        ),
    },
    {
        "vraag": "Hoe laat ik grofvuil ophalen?",
        "antwoord": (
            "Maak online een afspraak of bel 14 0123. U laat 4 keer per jaar gratis grofvuil "
            "ophalen, maximaal 2 kuub per keer. Daarna kost het € 27,50 per keer. Zet het grofvuil "
            "op de ophaaldag voor 7.30 uur buiten."
        ),
        "producten": ["grofvuil-ophalen"],
        "themas": ["afval"],
        "trefwoorden": (
            "grofvuil, bank, matras, kast, meubels, grof huisvuil, ophalen, oude spullen"
        ),
    },
    {
        "vraag": "Wanneer wordt mijn afval opgehaald?",
        "antwoord": (
            "Dat ziet u in de afvalkalender op www.voorbeeldstad.nl/afval. Vul uw postcode en "
            "huisnummer in. U kunt de kalender ook in de app bekijken. Zet uw container op de "
            "ophaaldag voor 7.30 uur aan de straat."
        ),
        "producten": ["afvalcontainer"],
        "themas": ["afval"],
        "trefwoorden": (
            "afvalkalender, ophaaldag, vuilnis, wanneer afval, ophaalschema, gft, papier, plastic"
        ),
    },
    {
        "vraag": "Ik zie een kapotte lantaarnpaal of een gat in de weg. Waar meld ik dat?",
        "antwoord": (
            "Doe een melding openbare ruimte op onze website, het liefst met een foto. U kunt ook "
            "bellen, chatten of mailen. Wij lossen de meeste meldingen binnen 5 werkdagen op. Bij "
            "gevaar belt u 14 0123 en komen wij binnen 24 uur."
        ),
        "producten": ["melding-openbare-ruimte"],
        "themas": ["afval"],
        "trefwoorden": (
            "lantaarnpaal, straatlamp, gat in de weg, losse tegel, kapot, stoep, melding doen"
        ),
    },
    {
        "vraag": "Iemand heeft afval gedumpt in mijn straat.",
        "antwoord": (
            "Meld het gedumpte afval online of via 14 0123. Wij halen het binnen 5 werkdagen weg. "
            "Heeft u gezien wie het heeft gedumpt? Vertel het ons. Een handhaver kan dan een boete "
            "geven."
        ),
        "producten": ["melding-openbare-ruimte"],
        "themas": ["afval"],
        "trefwoorden": (
            "dumping, zwerfvuil, afval op straat, vuilniszakken, illegaal afval, bijplaatsing, "
            "rommel"
        ),
    },
    {
        "vraag": "Ik heb geen inkomen meer. Kan ik een bijstandsuitkering krijgen?",
        "antwoord": (
            "Heeft u geen werk, geen andere uitkering en te weinig geld? Dan kunt u online met "
            "DigiD bijstand aanvragen. Bent u jonger dan 27 jaar, dan zoekt u eerst 4 weken zelf "
            "naar werk of een opleiding. Binnen 8 weken krijgt u een besluit."
        ),
        "producten": ["bijstandsuitkering"],
        "themas": ["werk-inkomen"],
        "trefwoorden": (
            "bijstand, uitkering, geen geld, geen inkomen, sociale dienst, participatiewet"
        ),
    },
    {
        "vraag": "Ik heb bijstand aangevraagd. Wanneer krijg ik geld?",
        "antwoord": (
            "Binnen 8 weken krijgt u een besluit. Meestal gaat het sneller. Heeft u na 4 weken nog "
            "geen besluit? Dan kunt u een voorschot krijgen. Vraag dit aan uw consulent of bel 14 "
            "0123."
        ),
        "producten": ["bijstandsuitkering"],
        "themas": ["werk-inkomen"],
        "trefwoorden": (
            "voorschot, wanneer geld, uitbetaling, nog geen besluit, bijstand duurt lang"
        ),
    },
    {
        "vraag": "Mijn wasmachine is kapot en ik heb geen geld voor een nieuwe.",
        "antwoord": (
            "Met een laag inkomen kunt u misschien bijzondere bijstand krijgen. Vraag het online "
            "aan met DigiD en stuur een offerte mee. Doe dit voordat u de kosten maakt, of "
            "uiterlijk 3 maanden erna. Wij beslissen binnen 8 weken."
        ),
        "producten": ["bijzondere-bijstand"],
        "themas": ["werk-inkomen"],
        "trefwoorden": (
            "wasmachine, koelkast, kapot, geen geld, bijzondere bijstand, apparaat, extra kosten"
        ),
    },
    {
        "vraag": "Ik heb schulden. Kan de gemeente mij helpen?",
        "antwoord": (
            "Ja, de gemeente helpt u gratis. Meld u aan online of via 14 0123, dan heeft u binnen "
            "4 weken een eerste gesprek. Dreigt u uit uw huis gezet te worden of wordt uw energie "
            "afgesloten? Dan krijgt u binnen 3 werkdagen een gesprek."
        ),
        "producten": ["schuldhulpverlening"],
        "themas": ["werk-inkomen"],
        "trefwoorden": (
            "schulden, schuldhulp, geldzorgen, deurwaarder, achterstand, rood staan, rekeningen "
            "niet betalen"
        ),
    },
    {
        "vraag": "Ik ben mijn baan kwijt. Waar vraag ik een uitkering aan?",
        "antwoord": (
            "Een WW-uitkering vraagt u aan bij het UWV, niet bij de gemeente. Doe dit binnen 1 "
            "week na uw laatste werkdag via werk.nl. Heeft u geen recht op WW, of is de WW te "
            "laag? Dan kunt u bij de gemeente bijstand aanvragen."
        ),
        "producten": ["ww-uitkering", "bijstandsuitkering"],
        "themas": ["werk-inkomen"],
        "trefwoorden": "ww, werkloos, ontslagen, baan kwijt, uwv, werk.nl, contract afgelopen",
    },
    {
        "vraag": "Ik word 67 jaar. Hoe krijg ik AOW?",
        "antwoord": (
            "De AOW regelt de SVB, niet de gemeente. Ongeveer 6 maanden voor u de AOW-leeftijd "
            "bereikt, krijgt u een brief van de SVB. Daarna vraagt u de AOW online aan met DigiD. "
            "In 2026 is de AOW-leeftijd 67 jaar."
        ),
        "producten": ["aow"],
        "themas": ["werk-inkomen"],
        "trefwoorden": "aow, pensioen, 67, svb, ouderdom, aow-leeftijd, aow aanvragen",
    },
    {
        "vraag": "Hoe vraag ik huurtoeslag of zorgtoeslag aan?",
        "antwoord": (
            "Toeslagen regelt de Belastingdienst, niet de gemeente. U vraagt ze online aan met "
            "DigiD op de website van de Belastingdienst. Heeft u hulp nodig? Ga dan naar het "
            "Informatiepunt Digitale Overheid in de bibliotheek."
        ),
        "producten": ["toeslagen"],
        "themas": ["werk-inkomen"],
        "trefwoorden": (
            "huurtoeslag, zorgtoeslag, toeslag, kinderopvangtoeslag, kindgebonden budget, "
            "belastingdienst"
        ),
    },
    {
        "vraag": "Ik heb hulp nodig in huis. Hoe vraag ik dat aan?",
        "antwoord": (
            "Meld uw hulpvraag bij de gemeente. Dat kan online, via 14 0123 of bij het Wmo-loket. "
            "Binnen 5 werkdagen nemen wij contact met u op. Binnen 6 weken heeft u een gesprek met "
            "een Wmo-consulent. Samen kijken wij wat u nodig heeft."
        ),
        "producten": ["wmo-voorziening"],
        "themas": ["zorg"],
        "trefwoorden": (
            "hulp in huis, huishoudelijke hulp, wmo, thuiszorg, schoonmaakhulp, ondersteuning, "
            "zelfstandig wonen"
        ),
    },
    {
        "vraag": "Wat kost hulp of een voorziening via de Wmo?",
        "antwoord": (
            "Voor de meeste voorzieningen betaalt u een eigen bijdrage. Dat is maximaal € 21,80 "
            "per maand. Het CAK rekent de eigen bijdrage uit en stuurt u de rekening. Een melding "
            "doen en het gesprek zijn gratis."
        ),
        "producten": ["wmo-voorziening"],
        "themas": ["zorg"],
        "trefwoorden": "eigen bijdrage, cak, kosten wmo, abonnementstarief, betalen wmo, rekening",
    },
    {
        "vraag": "Hoe lang duurt het voordat ik weet of ik Wmo-hulp krijg?",
        "antwoord": (
            "Na uw melding heeft u binnen 6 weken een gesprek. Daarna doet u een aanvraag, en "
            "binnen 2 weken krijgt u een besluit. Is het dringend? Zeg dit als u ons belt, dan "
            "kijken wij of het sneller kan."
        ),
        "producten": ["wmo-voorziening"],
        "themas": ["zorg"],
        "trefwoorden": (
            "hoe lang wmo, wachttijd wmo, besluit wmo, keukentafelgesprek, spoed, dringend"
        ),
    },
    {
        "vraag": "Ik zorg voor mijn zieke moeder en het wordt mij te zwaar.",
        "antwoord": (
            "Dat begrijpen wij. Meld uw situatie bij de gemeente via 14 0123 of online. Een "
            "Wmo-consulent bekijkt samen met u welke hulp mogelijk is. Bijvoorbeeld respijtzorg, "
            "zodat u af en toe rust heeft. Dit gesprek is gratis."
        ),
        "producten": ["wmo-voorziening"],
        "themas": ["zorg"],
        "trefwoorden": (
            "mantelzorg, mantelzorger, overbelast, zorg voor ouder, respijtzorg, ontlasten"
        ),
    },
    {
        "vraag": "Ik heb een scootmobiel of traplift nodig.",
        "antwoord": (
            "Een scootmobiel of traplift vraagt u aan via de Wmo. Meld uw hulpvraag online of via "
            "14 0123. Binnen 6 weken heeft u een gesprek. Soms komt er een ergotherapeut langs. "
            "Daarna beslissen wij binnen 2 weken."
        ),
        "producten": ["wmo-voorziening"],
        "themas": ["zorg"],
        "trefwoorden": (
            "scootmobiel, traplift, rolstoel, hulpmiddel, woningaanpassing, drempels, douche "
            "aanpassen"
        ),
    },
    {
        "vraag": "Ik kan mijn gemeentelijke belastingen niet betalen.",
        "antwoord": (
            "Heeft u een laag inkomen en weinig spaargeld? Vraag dan kwijtschelding aan voor de "
            "afvalstoffenheffing en rioolheffing. Dat doet u binnen 3 maanden na de datum op de "
            "aanslag. U kunt ook in 10 termijnen betalen met automatische incasso. Dat kost niets "
            "extra."
        ),
        "producten": ["kwijtschelding-gemeentelijke-belastingen", "betalingsregeling-belastingen"],
        "themas": ["belastingen"],
        "trefwoorden": (
            "niet betalen, kwijtschelding, aanslag, belasting te hoog, geen geld belasting, "
            "afvalstoffenheffing"
        ),
    },
    {
        "vraag": "Kan ik mijn aanslag in delen betalen?",
        "antwoord": (
            "Ja. Met automatische incasso betaalt u de aanslag in 10 maandelijkse termijnen. Dat "
            "kan als de aanslag hoger is dan € 50,00. U regelt het online met DigiD in Mijn "
            "Voorbeeldstad of via 14 0123."
        ),
        "producten": ["betalingsregeling-belastingen"],
        "themas": ["belastingen"],
        "trefwoorden": (
            "termijnen, betalingsregeling, automatische incasso, gespreid betalen, maandelijks, in "
            "delen"
        ),
    },
    {
        "vraag": "Ik vind de WOZ-waarde van mijn huis te hoog.",
        "antwoord": (
            "Bel ons gerust eerst op 14 0123, dan leggen wij de waarde uit. Bent u het daarna nog "
            "steeds niet eens? Maak dan binnen 6 weken na de datum op de aanslag bezwaar. Bezwaar "
            "maken is gratis en u heeft er geen bureau voor nodig."
        ),
        "producten": ["bezwaar-woz"],
        "themas": ["belastingen"],
        "trefwoorden": "woz, woz te hoog, bezwaar woz, waarde huis, taxatie, ozb, woz-waarde",
    },
    {
        "vraag": "Ik heb een hond gekregen. Moet ik dat melden?",
        "antwoord": (
            "Ja. Meld uw hond binnen 2 weken aan voor de hondenbelasting. Dat kan online of via 14 "
            "0123. In 2026 betaalt u € 118,20 per jaar voor de eerste hond. Voor elke hond daarna "
            "betaalt u € 154,80."
        ),
        "producten": ["hondenbelasting"],
        "themas": ["belastingen"],
        "trefwoorden": "hond, puppy, hondenbelasting, aanmelden, nieuwe hond, kosten hond",
    },
    {
        "vraag": "Mijn hond is overleden. Krijg ik hondenbelasting terug?",
        "antwoord": (
            "Gecondoleerd met het verlies van uw hond. Meld uw hond af, online of via 14 0123. U "
            "krijgt dan het deel van de belasting terug voor de rest van het jaar."
        ),
        "producten": ["hondenbelasting"],
        "themas": ["belastingen"],
        "trefwoorden": (
            "hond overleden, hond dood, afmelden hond, geld terug, hond weg, hond weggegeven"
        ),
    },
    {
        "vraag": "Ik wil een eigen bedrijf beginnen. Waar moet ik zijn?",
        "antwoord": (
            "U schrijft uw bedrijf in bij de Kamer van Koophandel (KVK). Dat kost eenmalig "
            "ongeveer € 85. U krijgt dan een KVK-nummer. Heeft u voor uw bedrijf een vergunning "
            "van de gemeente nodig? Bel dan 14 0123."
        ),
        "producten": ["inschrijven-kvk"],
        "themas": ["ondernemen"],
        "trefwoorden": (
            "bedrijf starten, zzp, kvk, kamer van koophandel, eigen zaak, ondernemer, starter"
        ),
    },
    {
        "vraag": "Ik wil een terras bij mijn café.",
        "antwoord": (
            "Dan heeft u een terrasvergunning nodig. Die kost € 165,00. Vraag hem online aan met "
            "eHerkenning. Er moet minimaal 1,50 meter vrije ruimte op de stoep overblijven. Wij "
            "beslissen binnen 8 weken."
        ),
        "producten": ["terrasvergunning"],
        "themas": ["ondernemen"],
        "trefwoorden": "terras, horeca, café, stoep, tafels buiten, terrasvergunning",
    },
    {
        "vraag": "Ik wil met een foodtruck of kraam in Voorbeeldstad staan.",
        "antwoord": (
            "Dan heeft u een standplaatsvergunning nodig. Die kost € 95,00 en is 1 jaar geldig. U "
            "moet ingeschreven staan bij de KVK. Er is een beperkt aantal plekken. Vraag de "
            "vergunning online aan."
        ),
        "producten": ["standplaatsvergunning", "inschrijven-kvk"],
        "themas": ["ondernemen"],
        "trefwoorden": "foodtruck, kraam, standplaats, verkopen op straat, marktkraam, viskraam",
    },
    {
        "vraag": "Wij willen een buurtfeest organiseren. Wat moeten we regelen?",
        "antwoord": (
            "Heeft u maximaal 150 bezoekers en is het feest tussen 9.00 en 23.00 uur? En sluit u "
            "geen doorgaande weg af? Dan is een gratis melding genoeg. Anders vraagt u een "
            "evenementenvergunning aan. Die kost € 145,00."
        ),
        "producten": ["evenementenvergunning"],
        "themas": ["ondernemen"],
        "trefwoorden": "buurtfeest, straatfeest, barbecue, feest, evenement, koningsdag, melding",
    },
    {
        "vraag": "Hoe lang van tevoren vraag ik een evenementenvergunning aan?",
        "antwoord": (
            "Vraag de vergunning minimaal 8 weken voor het evenement aan. Verwacht u meer dan "
            "1.000 bezoekers? Dan vraagt u hem 12 weken van tevoren aan. Wij vragen advies aan de "
            "politie en de brandweer. Daarom is het belangrijk dat u op tijd bent."
        ),
        "producten": ["evenementenvergunning"],
        "themas": ["ondernemen"],
        "trefwoorden": (
            "op tijd, hoe lang van tevoren, termijn, festival, groot evenement, aanvraagtermijn"
        ),
    },
]
