"""The catalogue: products and services, their case type and online form,
and the knowledge base every channel answers from."""

import uuid

from django.conf import settings
from django.contrib.postgres.functions import RandomUUID
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from kcc import invoer
from kcc.choices import Betrouwbaarheidsniveau, Doelgroep, KanaalSoort, Vertrouwelijkheid
from kcc.kalender import Eenheid

# Codes that are path segments of the catalogue's own pages (/producten/zoeken/).
GERESERVEERDE_CODES = {"zoeken", "thema", "levensgebeurtenis"}


def validate_productcode(code: str) -> None:
    if code in GERESERVEERDE_CODES:
        raise ValidationError(
            _("De code '%(code)s' is gereserveerd; kies een andere."), params={"code": code}
        )


class Publicatiestatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class TermijnEenheid(models.TextChoices):
    DAGEN = Eenheid.DAGEN, _("dagen")
    WERKDAGEN = Eenheid.WERKDAGEN, _("werkdagen")
    WEKEN = Eenheid.WEKEN, _("weken")


class Publiceerbaar(models.Model):
    """Concept, published or withdrawn: a protected FSM status whose
    transitions only producten.services calls (after its own checks)."""

    status = FSMField(
        _("status"),
        max_length=20,
        choices=Publicatiestatus.choices,
        default=Publicatiestatus.CONCEPT,
        protected=True,
    )

    class Meta:
        abstract = True

    @transition(
        field=status,
        source=[Publicatiestatus.CONCEPT, Publicatiestatus.INGETROKKEN],
        target=Publicatiestatus.GEPUBLICEERD,
    )
    def publiceren(self):
        pass

    @transition(
        field=status, source=Publicatiestatus.GEPUBLICEERD, target=Publicatiestatus.INGETROKKEN
    )
    def intrekken(self):
        pass


class Groep(models.Model):
    """A way citizens browse the catalogue: a theme or a life event."""

    slug = models.SlugField(_("code"), unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    omschrijving = models.CharField(_("omschrijving"), max_length=300, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        abstract = True
        ordering = ["volgorde", "naam"]

    def __str__(self):
        return self.naam


class Thema(Groep):
    class Meta(Groep.Meta):
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")


class Levensgebeurtenis(Groep):
    class Meta(Groep.Meta):
        verbose_name = _("levensgebeurtenis")
        verbose_name_plural = _("levensgebeurtenissen")


class Aanbieder(models.Model):
    """Who provides a product: the municipality or a ketenpartner (RDW, UWV, ...)."""

    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        KETENPARTNER = "ketenpartner", _("Ketenpartner")

    code = models.SlugField(_("code"), unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("aanbieder")
        verbose_name_plural = _("aanbieders")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    @property
    def is_ketenpartner(self) -> bool:
        return self.soort == self.Soort.KETENPARTNER


class Product(Publiceerbaar):
    """A product or service. What a case promised is kept in ``ProductVersie``,
    so editing a published product never changes an existing case."""

    PREFILL_VELDEN = [
        ("naam", _("Naam")),
        ("geboortedatum", _("Geboortedatum")),
        ("adres", _("Adres")),
        ("email", _("E-mailadres")),
        ("telefoon", _("Telefoonnummer")),
        ("bsn", _("BSN")),
        ("kvk_nummer", _("KVK-nummer")),
    ]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(
        _("code"), max_length=80, unique=True, validators=[validate_productcode]
    )
    naam = models.CharField(_("naam"), max_length=200)
    samenvatting = models.CharField(_("samenvatting"), max_length=300)
    omschrijving = models.TextField(_("omschrijving"), max_length=invoer.CATALOGUSTEKST)
    voorwaarden = models.TextField(
        _("voorwaarden"),
        max_length=invoer.CATALOGUSTEKST,
        blank=True,
        help_text=_("Eén per regel."),
    )
    meenemen = models.TextField(
        _("meenemen"), max_length=invoer.NOTITIE, blank=True, help_text=_("Eén per regel.")
    )
    aanvragen = models.TextField(
        _("hoe en waar aanvragen"), max_length=invoer.CATALOGUSTEKST, blank=True
    )
    zoekwoorden = models.TextField(
        _("zoekwoorden"),
        max_length=invoer.NOTITIE,
        blank=True,
        help_text=_("Woorden die inwoners gebruiken, met komma's."),
    )
    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("aanbieder"), on_delete=models.PROTECT, related_name="producten"
    )
    afdeling = models.ForeignKey(
        "kcc.Afdeling",
        verbose_name=_("behandelende afdeling"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="producten",
    )
    themas = models.ManyToManyField(Thema, verbose_name=_("thema's"), related_name="producten")
    levensgebeurtenissen = models.ManyToManyField(
        Levensgebeurtenis,
        verbose_name=_("levensgebeurtenissen"),
        blank=True,
        related_name="producten",
    )
    voor_burger = models.BooleanField(_("voor inwoners"), default=True)
    voor_bedrijf = models.BooleanField(_("voor ondernemers"), default=False)
    voor_instelling = models.BooleanField(_("voor instellingen"), default=False)
    betrouwbaarheidsniveau = models.PositiveSmallIntegerField(
        _("betrouwbaarheidsniveau"),
        choices=Betrouwbaarheidsniveau.choices,
        default=Betrouwbaarheidsniveau.BASIS,
        help_text=_(
            "Waarmee de klant minstens moet inloggen om dit product online aan te vragen: "
            "DigiD Basis is eHerkenning eH2, Midden eH2+, Substantieel eH3 en Hoog eH4."
        ),
    )
    vertrouwelijkheid = models.CharField(
        _("vertrouwelijkheid"),
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        default=Vertrouwelijkheid.OPENBAAR,
        help_text=_(
            "Hoe vertrouwelijk de zaken van dit product zijn. Een gekoppelde applicatie "
            "(zoals een klantportaal) ziet alleen zaken tot het niveau dat haar is toegekend."
        ),
    )
    extern = models.BooleanField(
        _("zichtbaar voor de klant"),
        default=True,
        help_text=_("Uit: een interne zaak, die klantportalen via de standaard-API's niet tonen."),
    )
    servicenorm_aantal = models.PositiveIntegerField(_("servicenorm"), null=True, blank=True)
    servicenorm_eenheid = models.CharField(
        _("eenheid servicenorm"), max_length=20, choices=TermijnEenheid.choices, blank=True
    )
    wettelijke_termijn_aantal = models.PositiveIntegerField(
        _("wettelijke termijn"), null=True, blank=True
    )
    wettelijke_termijn_eenheid = models.CharField(
        _("eenheid wettelijke termijn"), max_length=20, choices=TermijnEenheid.choices, blank=True
    )
    klaar_terwijl_u_wacht = models.BooleanField(_("klaar terwijl u wacht"), default=False)
    overdracht_instructie = models.TextField(
        _("overdracht aan de afdeling"),
        max_length=invoer.NOTITIE,
        blank=True,
        help_text=_(
            "Wat de afdeling van het KCC moet weten als een medewerker deze aanvraag "
            "namens de klant registreert, bijvoorbeeld 'Noteer of de klant al een afspraak heeft'."
        ),
    )
    prefill_velden = models.JSONField(
        _("vooraf ingevulde gegevens"),
        default=list,
        blank=True,
        help_text=_("Bekende klantgegevens die het online formulier al invult."),
    )
    onderdelen = models.ManyToManyField(
        "self",
        verbose_name=_("onderdelen"),
        through="ProductOnderdeel",
        symmetrical=False,
        blank=True,
        related_name="onderdeel_van",
    )
    geldig_vanaf = models.DateField(_("geldig vanaf"), null=True, blank=True)
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)
    zoektekst = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("producten")
        ordering = ["naam"]
        indexes = [models.Index(fields=["status", "geldig_vanaf", "geldig_tot"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(geldig_tot__isnull=True)
                | models.Q(geldig_vanaf__isnull=True)
                | models.Q(geldig_vanaf__lte=models.F("geldig_tot")),
                name="product_geldigheid_oplopend",
            )
        ]

    def __str__(self):
        return self.naam

    def save(self, *args, **kwargs):
        self.zoektekst = "\n".join(
            [self.naam, self.zoekwoorden, self.samenvatting, self.omschrijving, self.voorwaarden]
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "zoektekst"}
        super().save(*args, **kwargs)

    def is_aangeboden(self, op=None) -> bool:
        """Published and valid on ``op`` (today by default): offered to citizens."""
        op = op or timezone.localdate()
        return (
            self.status == Publicatiestatus.GEPUBLICEERD
            and (self.geldig_vanaf is None or self.geldig_vanaf <= op)
            and (self.geldig_tot is None or op <= self.geldig_tot)
        )

    @property
    def is_samengesteld(self) -> bool:
        return self.onderdeel_regels.exists()

    @property
    def doelgroepen(self) -> list[str]:
        return [
            code
            for code, vlag in [
                (Doelgroep.BURGER, self.voor_burger),
                (Doelgroep.BEDRIJF, self.voor_bedrijf),
                (Doelgroep.INSTELLING, self.voor_instelling),
            ]
            if vlag
        ]

    def is_voor(self, doelgroep: str) -> bool:
        """Whether a customer of this group (inwoner, ondernemer, instelling)
        may request the product: a passport is for a person, never for a B.V."""
        return doelgroep in self.doelgroepen

    def voorwaarden_lijst(self) -> list[str]:
        return [regel.strip() for regel in self.voorwaarden.splitlines() if regel.strip()]

    def meenemen_lijst(self) -> list[str]:
        return [regel.strip() for regel in self.meenemen.splitlines() if regel.strip()]


class ProductKanaal(models.Model):
    """On which channel a product can be requested (or only explained), at what cost."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="kanalen")
    kanaal = models.CharField(_("kanaal"), max_length=20, choices=KanaalSoort.choices)
    aanvragen = models.BooleanField(
        _("aanvragen mogelijk"), default=False, help_text=_("Uit: alleen informatie.")
    )
    kosten = models.DecimalField(
        _("kosten (€)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("0: gratis. Leeg: geen vaste prijs (leg het uit in de omschrijving)."),
    )

    class Meta:
        verbose_name = _("kanaal van product")
        verbose_name_plural = _("kanalen en kosten")
        constraints = [
            models.UniqueConstraint(fields=["product", "kanaal"], name="product_kanaal_uniek")
        ]
        ordering = ["product", "kanaal"]

    def __str__(self):
        return f"{self.product} via {self.get_kanaal_display()}"


class Statusstap(models.Model):
    """A milestone the citizen sees for a case of this product."""

    class Fase(models.TextChoices):
        ONTVANGEN = "ontvangen", _("Ontvangen")
        IN_BEHANDELING = "in_behandeling", _("In behandeling")
        AFGEHANDELD = "afgehandeld", _("Afgehandeld")

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="statusstappen")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices)
    naam = models.CharField(_("naam"), max_length=200)
    burgertekst = models.TextField(_("tekst voor de klant"), max_length=invoer.NOTITIE)
    klant_informeren = models.BooleanField(_("klant een bericht sturen"), default=False)

    class Meta:
        verbose_name = _("statusstap")
        verbose_name_plural = _("statusstappen")
        ordering = ["product", "volgorde", "id"]

    def __str__(self):
        return self.naam


class Formuliervraag(models.Model):
    """An extra question of the product's online form."""

    class Soort(models.TextChoices):
        TEKST = "tekst", _("Korte tekst")
        TEKSTVAK = "tekstvak", _("Lange tekst")
        GETAL = "getal", _("Getal")
        AANTAL = "aantal", _("Aantal (heel getal)")
        BEDRAG = "bedrag", _("Bedrag in euro")
        DATUM = "datum", _("Datum")
        KEUZE = "keuze", _("Keuze uit een lijst")
        JANEE = "janee", _("Ja of nee")
        EMAIL = "email", _("E-mailadres")
        TELEFOON = "telefoon", _("Telefoonnummer")
        POSTCODE = "postcode", _("Postcode")
        HUISNUMMER = "huisnummer", _("Huisnummer")

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="vragen")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    sleutel = models.SlugField(_("sleutel"), max_length=60)
    vraag = models.CharField(_("vraag"), max_length=300)
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    verplicht = models.BooleanField(_("verplicht"), default=True)
    keuzes = models.TextField(
        _("keuzes"), max_length=invoer.NOTITIE, blank=True, help_text=_("Eén per regel.")
    )
    minimum = models.DecimalField(
        _("minimum"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Bij een datum: dagen vanaf vandaag, bijvoorbeeld -365 of 1 (morgen)."),
    )
    maximum = models.DecimalField(
        _("maximum"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Bij een datum: dagen vanaf vandaag, bijvoorbeeld 0 (vandaag) of 90."),
    )
    weekdagen = models.CharField(
        _("alleen op"),
        max_length=40,
        blank=True,
        help_text=_(
            "Bij een datum: alleen deze dagen, bijvoorbeeld 'ma, do'. "
            "Feestdagen zijn altijd uitgesloten als u dagen kiest."
        ),
    )

    class Meta:
        verbose_name = _("formuliervraag")
        verbose_name_plural = _("formuliervragen")
        ordering = ["product", "volgorde", "id"]
        constraints = [
            models.UniqueConstraint(fields=["product", "sleutel"], name="formuliervraag_uniek")
        ]

    def __str__(self):
        return self.vraag

    def keuzes_lijst(self) -> list[str]:
        return [k.strip() for k in self.keuzes.splitlines() if k.strip()]

    def clean(self):
        from producten.formulier import weekdagen_lezen

        fouten = {}
        try:
            weekdagen_lezen(self.weekdagen)
        except ValueError as fout:
            fouten["weekdagen"] = _("'%(deel)s' is geen dag; schrijf bijvoorbeeld: ma, do.") % {
                "deel": fout
            }
        if self.weekdagen and self.soort != self.Soort.DATUM:
            fouten["weekdagen"] = _("Dagen kiezen kan alleen bij een datum.")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            fouten["maximum"] = _("Het maximum is kleiner dan het minimum.")
        if fouten:
            raise ValidationError(fouten)


class Documentvereiste(models.Model):
    """A document the customer uploads with an online application."""

    class Bestandstype(models.TextChoices):
        PDF = "pdf", "PDF"
        JPG = "jpg", "JPEG"
        PNG = "png", "PNG"
        DOCX = "docx", "Word (docx)"

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="documenten")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    naam = models.CharField(_("naam"), max_length=200)
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    verplicht = models.BooleanField(_("verplicht"), default=True)
    bestandstypen = models.JSONField(_("toegestane bestandstypen"), default=list)
    max_mb = models.PositiveSmallIntegerField(_("maximale grootte (MB)"), default=10)

    class Meta:
        verbose_name = _("documentvereiste")
        verbose_name_plural = _("documentvereisten")
        ordering = ["product", "volgorde", "id"]

    def __str__(self):
        return self.naam


class ProductOnderdeel(models.Model):
    """A single product inside a compound one (e.g. a move made of three requests)."""

    samengesteld = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="onderdeel_regels"
    )
    onderdeel = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    alleen_als = models.CharField(
        _("alleen als"),
        max_length=50,
        blank=True,
        help_text=_(
            "Sleutel van een ja/nee-vraag van het samengestelde product: dit onderdeel wordt "
            "alleen aangevraagd als het antwoord ja is. Leeg: altijd."
        ),
    )

    class Meta:
        verbose_name = _("onderdeel")
        verbose_name_plural = _("onderdelen (samengesteld product)")
        ordering = ["samengesteld", "volgorde", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["samengesteld", "onderdeel"], name="product_onderdeel_uniek"
            ),
            models.CheckConstraint(
                condition=~models.Q(samengesteld=models.F("onderdeel")),
                name="product_niet_eigen_onderdeel",
            ),
        ]

    def __str__(self):
        return f"{self.samengesteld} → {self.onderdeel}"


class ProductVersie(models.Model):
    """A frozen copy of a published product: what a case registered under it was promised."""

    # The zaaktype's identity in the Catalogi API; never changes.
    uuid = models.UUIDField(
        default=uuid.uuid4, db_default=RandomUUID(), unique=True, editable=False
    )
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="versies")
    nummer = models.PositiveIntegerField(_("versie"))
    inhoud = models.JSONField(_("inhoud"))
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = _("productversie")
        verbose_name_plural = _("productversies")
        ordering = ["product", "-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["product", "nummer"], name="productversie_uniek")
        ]

    def __str__(self):
        return f"{self.product} v{self.nummer}"


class KennisItem(Publiceerbaar):
    """A vraag-antwoordcombinatie: the approved answer agents and the public FAQ share."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    vraag = models.CharField(_("vraag"), max_length=300)
    antwoord = models.TextField(_("antwoord"), max_length=invoer.CATALOGUSTEKST)
    trefwoorden = models.TextField(
        _("trefwoorden"),
        max_length=invoer.NOTITIE,
        blank=True,
        help_text=_("Woorden die bellers gebruiken (synoniemen, spreektaal), met komma's."),
    )
    producten = models.ManyToManyField(
        Product, verbose_name=_("producten"), blank=True, related_name="kennisitems"
    )
    themas = models.ManyToManyField(
        Thema, verbose_name=_("thema's"), blank=True, related_name="kennisitems"
    )
    eigenaar = models.ForeignKey(
        "kcc.Afdeling",
        verbose_name=_("eigenaar"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kennisitems",
    )
    herzien_op = models.DateField(
        _("herzien vóór"), null=True, blank=True, help_text=_("Wanneer de eigenaar het nakijkt.")
    )
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)
    # Question, keywords and answer in one column, for the full-text index
    # (a GIN index on to_tsvector('dutch', zoektekst) on PostgreSQL).
    zoektekst = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("kennisitem")
        verbose_name_plural = _("kennisbank")
        ordering = ["vraag"]

    def __str__(self):
        return self.vraag

    def save(self, *args, **kwargs):
        self.zoektekst = "\n".join([self.vraag, self.trefwoorden, self.antwoord])
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "zoektekst"}
        super().save(*args, **kwargs)


class KennisGebruik(models.Model):
    """An agent used an item to answer a question, and said whether it helped."""

    item = models.ForeignKey(KennisItem, on_delete=models.CASCADE, related_name="gebruik")
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    kanaal = models.CharField(_("kanaal"), max_length=20, choices=KanaalSoort.choices)
    geholpen = models.BooleanField(_("beantwoordde de vraag"))
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("gebruik van kennisitem")
        verbose_name_plural = _("gebruik van kennisitems")
        ordering = ["-tijdstip"]

    def __str__(self):
        return f"{self.item} ({'geholpen' if self.geholpen else 'niet geholpen'})"


class OnbeantwoordeZoekvraag(models.Model):
    """A search in the knowledge base or catalogue that found nothing."""

    class Bron(models.TextChoices):
        WERKPLEK = "werkplek", _("KCC-werkplek")
        PORTAAL = "portaal", _("Website")

    zoekterm = models.CharField(_("zoekterm"), max_length=200)
    bron = models.CharField(_("waar gezocht"), max_length=20, choices=Bron.choices)
    aantal = models.PositiveIntegerField(_("aantal keer"), default=0)
    laatst = models.DateTimeField(_("laatst gezocht"), default=timezone.now)

    class Meta:
        verbose_name = _("zoekvraag zonder resultaat")
        verbose_name_plural = _("zoekvragen zonder resultaat")
        ordering = ["-aantal", "-laatst"]
        constraints = [
            models.UniqueConstraint(fields=["zoekterm", "bron"], name="onbeantwoord_uniek")
        ]

    def __str__(self):
        return self.zoekterm
