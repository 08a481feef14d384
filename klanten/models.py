import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from kcc import formaat, invoer
from kcc.choices import Doelgroep, KanaalSoort
from kcc.identifiers import validate_bsn, validate_kvk_nummer, validate_vestigingsnummer
from kcc.telefoon import normaliseer_telefoon


class Klant(models.Model):
    """A customer: a natural person (BSN), a business (KVK) or an institution."""

    class Soort(models.TextChoices):
        PERSOON = "persoon", _("Persoon")
        BEDRIJF = "bedrijf", _("Bedrijf")
        INSTELLING = "instelling", _("Instelling")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    bsn = models.CharField(
        _("BSN"), max_length=9, unique=True, null=True, blank=True, validators=[validate_bsn]
    )
    kvk_nummer = models.CharField(
        _("KVK-nummer"), max_length=8, blank=True, validators=[validate_kvk_nummer]
    )
    vestigingsnummer = models.CharField(
        _("vestigingsnummer"), max_length=12, blank=True, validators=[validate_vestigingsnummer]
    )
    voornamen = models.CharField(_("voornamen"), max_length=200, blank=True)
    voorvoegsel = models.CharField(_("voorvoegsel"), max_length=20, blank=True)
    geslachtsnaam = models.CharField(_("achternaam"), max_length=200, blank=True)
    geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True)
    organisatienaam = models.CharField(_("naam organisatie"), max_length=200, blank=True)
    straat = models.CharField(_("straat"), max_length=200, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=10, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    woonplaats = models.CharField(_("plaats"), max_length=100, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=20, blank=True)

    class Berichtvoorkeur(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("Sms")
        PORTAAL = "portaal", _("Alleen in Mijn omgeving")

    berichtvoorkeur = models.CharField(
        _("berichten ontvangen via"),
        max_length=10,
        choices=Berichtvoorkeur.choices,
        default=Berichtvoorkeur.EMAIL,
        help_text=_(
            "Hoe de klant berichten over zaken krijgt. Ze staan altijd ook in Mijn omgeving."
        ),
    )
    geheimhouding = models.BooleanField(
        _("geheimhouding"),
        default=False,
        help_text=_("Het adres wordt afgeschermd voor medewerkers die het niet nodig hebben."),
    )

    class Taal(models.TextChoices):
        NEDERLANDS = "nl", _("Nederlands")
        ENGELS = "en", _("Engels")
        DUITS = "de", _("Duits")
        POOLS = "pl", _("Pools")
        TURKS = "tr", _("Turks")
        ARABISCH = "ar", _("Arabisch")
        OEKRAIENS = "uk", _("Oekraïens")

    taal = models.CharField(
        _("voorkeurstaal"), max_length=5, choices=Taal.choices, default=Taal.NEDERLANDS
    )
    brp_bijgewerkt_op = models.DateTimeField(
        _("laatst uit de BRP bijgewerkt"), null=True, blank=True
    )
    samengevoegd_in = models.ForeignKey(
        "self",
        verbose_name=_("samengevoegd in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="samengevoegde_klanten",
        help_text=_("Deze klant was een dubbele registratie van die klant."),
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("klant")
        verbose_name_plural = _("klanten")
        ordering = ["geslachtsnaam", "organisatienaam", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kvk_nummer", "vestigingsnummer"],
                condition=~Q(kvk_nummer=""),
                name="klant_unieke_vestiging",
            ),
        ]
        indexes = [
            models.Index(fields=["postcode", "huisnummer"]),
            models.Index(fields=["geslachtsnaam", "geboortedatum"]),
            models.Index(fields=["geboortedatum"]),
            models.Index(fields=["kvk_nummer"]),
            models.Index(fields=["telefoon"]),
            models.Index(fields=["email"]),
        ]

    def __str__(self):
        return self.naam

    def save(self, *args, **kwargs):
        # One form for contact details, so a search by phone or e-mail finds
        # them however they were typed.
        self.email = (self.email or "").strip().lower()
        if self.telefoon:
            try:
                self.telefoon = normaliseer_telefoon(self.telefoon)
            except ValidationError:
                self.telefoon = self.telefoon.strip()
        super().save(*args, **kwargs)

    @property
    def is_samengevoegd(self) -> bool:
        return self.samengevoegd_in_id is not None

    @property
    def naam(self) -> str:
        if self.soort != self.Soort.PERSOON:
            return self.organisatienaam
        achternaam = " ".join(p for p in [self.voorvoegsel, self.geslachtsnaam] if p)
        return " ".join(p for p in [self.voornamen, achternaam] if p)

    @property
    def doelgroep(self) -> str:
        """The group a product is for that this customer belongs to."""
        return {
            self.Soort.PERSOON: Doelgroep.BURGER,
            self.Soort.BEDRIJF: Doelgroep.BEDRIJF,
            self.Soort.INSTELLING: Doelgroep.INSTELLING,
        }[self.soort]

    @property
    def identificatie(self) -> str:
        """The number the audit log files this customer under."""
        return self.bsn or self.kvk_nummer or ""

    def bekende_gegevens(self, velden: list[str], *, adres_afschermen: bool) -> list[tuple]:
        """(label, value) of the fields a product's form prefills, as far as
        we know them; for staff (``adres_afschermen``) a shielded address is
        named but not shown."""
        labels = {
            "naam": _("Naam"),
            "geboortedatum": _("Geboortedatum"),
            "adres": _("Adres"),
            "email": _("E-mailadres"),
            "telefoon": _("Telefoonnummer"),
            "bsn": _("BSN"),
            "kvk_nummer": _("KVK-nummer"),
        }
        gegevens = []
        for veld in velden:
            if veld == "adres" and adres_afschermen:
                waarde = self.adres_voor_medewerkers
            else:
                waarde = getattr(self, veld, "") or ""
            if veld in labels and waarde:
                gegevens.append((labels[veld], waarde))
        return gegevens

    @property
    def adres(self) -> str:
        if not self.straat:
            return ""
        return f"{self.straat} {self.huisnummer}, {self.postcode} {self.woonplaats}"

    @property
    def adres_voor_medewerkers(self) -> str:
        """The address as staff see it, on every screen and in every export.
        A person with geheimhouding in the BRP has their address shielded:
        staff see that it is, not what it is (the person themself sees it in
        Mijn omgeving). The contact details they gave us stay visible, so the
        KCC can reach them."""
        if self.geheimhouding and self.adres:
            return str(_("afgeschermd (geheimhouding)"))
        return self.adres


class Toestemming(models.Model):
    """A consent the customer gave (and may withdraw): what, when, how."""

    # Where each is asked (klanten.selectors.heeft_toestemming), at the use:
    # - gegevens_hergebruiken: zaken.selectors.eerdere_antwoorden, which
    #   fills a new form with earlier answers (portal and workspace);
    # - tevredenheidsonderzoek: the rating question in a case's closing
    #   message (kanalen.berichten.services.bericht_voor_zaakwijziging);
    # - sms_herinneringen: an appointment reminder by SMS
    #   (kanalen.balie.afspraken); without it the reminder is an e-mail;
    # - ketenpartners: nothing is shared with other governments yet.
    class Soort(models.TextChoices):
        GEGEVENS_HERGEBRUIKEN = (
            "gegevens_hergebruiken",
            _("Eerder gegeven antwoorden gebruiken om formulieren in te vullen"),
        )
        TEVREDENHEIDSONDERZOEK = (
            "tevredenheidsonderzoek",
            _("Meedoen aan onderzoek naar tevredenheid"),
        )
        KETENPARTNERS = "ketenpartners", _("Gegevens delen met andere overheden voor een aanvraag")
        SMS_HERINNERINGEN = "sms_herinneringen", _("Herinneringen per sms (bijvoorbeeld afspraken)")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    klant = models.ForeignKey(Klant, on_delete=models.CASCADE, related_name="toestemmingen")
    soort = models.CharField(_("toestemming"), max_length=40, choices=Soort.choices)
    gegeven_op = models.DateTimeField(_("gegeven op"), default=timezone.now)
    via = models.CharField(_("via"), max_length=20, choices=KanaalSoort.choices)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        ordering = ["klant", "soort", "-gegeven_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["klant", "soort"],
                condition=Q(ingetrokken_op__isnull=True),
                name="toestemming_een_actieve",
            )
        ]

    def __str__(self):
        return f"{self.klant}: {self.get_soort_display()}"

    @property
    def actief(self) -> bool:
        return self.ingetrokken_op is None


class Klantcontact(models.Model):
    """One contact moment on any channel: who, about what, the answer, how
    long it took, and whether it was answered at once (in één keer goed)."""

    class Richting(models.TextChoices):
        INKOMEND = "inkomend", _("Inkomend")
        UITGAAND = "uitgaand", _("Uitgaand")

    class Soort(models.TextChoices):
        VRAAG = "vraag", _("Vraag")
        KLACHT = "klacht", _("Klacht")
        MELDING = "melding", _("Melding")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    klant = models.ForeignKey(
        Klant,
        verbose_name=_("klant"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contacten",
        help_text=_("Leeg: een anonieme vraag."),
    )
    contactnaam = models.CharField(_("naam (anoniem contact)"), max_length=200, blank=True)
    namens = models.CharField(
        _("namens"),
        max_length=200,
        blank=True,
        help_text=_("Wie belde of kwam namens de klant, bijvoorbeeld 'dochter, Sanne'."),
    )
    kanaal = models.CharField(_("kanaal"), max_length=20, choices=KanaalSoort.choices)
    richting = models.CharField(
        _("richting"), max_length=10, choices=Richting.choices, default=Richting.INKOMEND
    )
    # A database default too: the table is large and bulk-loaded, and adding
    # the column must not rewrite it.
    soort = models.CharField(
        _("soort"), max_length=10, choices=Soort.choices, default=Soort.VRAAG, db_default="vraag"
    )
    product = models.ForeignKey(
        "producten.Product",
        verbose_name=_("over product"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    kennisitem = models.ForeignKey(
        "producten.KennisItem",
        verbose_name=_("antwoord uit de kennisbank"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    kennis_geholpen = models.BooleanField(_("kennisbank hielp"), null=True, blank=True)
    onderwerp = models.CharField(_("onderwerp"), max_length=200, blank=True)
    vraag = models.TextField(_("vraag"), blank=True)
    antwoord = models.TextField(_("antwoord"), blank=True)
    in_een_keer_goed = models.BooleanField(
        _("in één keer goed"),
        null=True,
        blank=True,
        help_text=_("Beantwoord bij het eerste contact. Leeg: er was geen vraag."),
    )
    gestart_op = models.DateTimeField(_("begin"), default=timezone.now)
    beeindigd_op = models.DateTimeField(_("einde"), null=True, blank=True)
    nawerk_seconden = models.PositiveIntegerField(_("nawerk (seconden)"), default=0)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="klantcontacten",
    )
    overgedragen_aan = models.ForeignKey(
        "kcc.Afdeling",
        verbose_name=_("overgedragen aan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    zaak = models.ForeignKey(
        "zaken.Zaak",
        verbose_name=_("zaak"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="klantcontacten",
    )
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("klantcontact")
        verbose_name_plural = _("klantcontacten")
        ordering = ["-gestart_op", "-id"]
        indexes = [
            models.Index(fields=["klant", "-gestart_op", "-id"], name="klantcontact_tijdlijn"),
            models.Index(fields=["gestart_op"], name="klantcontact_gestart"),
            models.Index(
                fields=["gestart_op"],
                condition=Q(geanonimiseerd_op__isnull=True),
                name="klantcontact_te_anonimiseren",
            ),
        ]

    def __str__(self):
        return f"{self.get_kanaal_display()} {formaat.moment(self.gestart_op)}"

    @property
    def duur_seconden(self) -> int | None:
        if self.beeindigd_op is None:
            return None
        return max(0, int((self.beeindigd_op - self.gestart_op).total_seconds()))


class ContactverzoekStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    AFGEHANDELD = "afgehandeld", _("Afgehandeld")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")


class Contactverzoek(models.Model):
    """A question the KCC hands to an afdeling or a colleague (a callback,
    an internal task), with a deadline in working days the customer can follow."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    klant = models.ForeignKey(
        Klant,
        verbose_name=_("klant"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contactverzoeken",
    )
    klantcontact = models.ForeignKey(
        Klantcontact,
        verbose_name=_("naar aanleiding van"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contactverzoeken",
    )
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    telefoon = models.CharField(_("terugbelnummer"), max_length=20, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    vraag = models.TextField(_("vraag"))
    afdeling = models.ForeignKey(
        "kcc.Afdeling",
        verbose_name=_("afdeling"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contactverzoeken",
    )
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegewezen aan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contactverzoeken",
    )
    status = FSMField(
        _("status"),
        max_length=20,
        choices=ContactverzoekStatus.choices,
        default=ContactverzoekStatus.OPEN,
        protected=True,
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    termijn_werkdagen = models.PositiveSmallIntegerField(_("termijn (werkdagen)"), default=2)
    # A complaint (Awb chapter 9) has a statutory term in weeks instead: six
    # weeks from receipt (art. 9:11), extendable once by at most four weeks.
    wettelijke_termijn_weken = models.PositiveSmallIntegerField(
        _("wettelijke termijn (weken)"), null=True, blank=True
    )
    verlengd_op = models.DateTimeField(_("termijn verlengd op"), null=True, blank=True)
    verlenging_reden = models.CharField(_("reden verlenging"), max_length=500, blank=True)
    uiterlijk_op = models.DateField(_("uiterlijk klaar op"))
    signaaldatum = models.DateField(_("80% van de termijn op"))
    gesignaleerd_op = models.DateTimeField(_("80%-signaal"), null=True, blank=True)
    geescaleerd_op = models.DateTimeField(_("geëscaleerd"), null=True, blank=True)
    uitkomst = models.TextField(_("uitkomst"), max_length=invoer.NOTITIE, blank=True)
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # What followed: the call (or other contact) that answered it; the
    # contact it came from is ``klantcontact``.
    beantwoord_in = models.ForeignKey(
        Klantcontact,
        verbose_name=_("beantwoord in contact"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="beantwoorde_contactverzoeken",
    )

    class Meta:
        verbose_name = _("contactverzoek")
        verbose_name_plural = _("contactverzoeken")
        ordering = ["uiterlijk_op", "id"]
        indexes = [
            models.Index(fields=["klant", "-aangemaakt_op"]),
            models.Index(
                fields=["afdeling", "uiterlijk_op", "id"],
                condition=Q(status__in=["open", "in_behandeling"]),
                name="contactverzoek_open_afdeling",
            ),
            models.Index(
                fields=["medewerker", "uiterlijk_op", "id"],
                condition=Q(status__in=["open", "in_behandeling"]),
                name="contactverzoek_open_mdw",
            ),
        ]

    def __str__(self):
        return f"{self.vraag[:40]} ({self.get_status_display()})"

    @property
    def tekst_voor_klant(self) -> str:
        """What the customer reads about this contactverzoek in Mijn omgeving
        and their download. Their own words when they asked it themselves
        (the portal, a chat without an agent); otherwise what it is about,
        never the hand-over text staff wrote for each other."""
        if self.aangemaakt_door_id is None:
            return self.vraag
        contact = self.klantcontact
        onderwerp = (
            (contact.onderwerp or (contact.product.naam if contact.product else ""))
            if contact
            else ""
        )
        if onderwerp:
            return gettext("Uw vraag over: %(onderwerp)s") % {"onderwerp": onderwerp}
        return gettext("Uw vraag aan de gemeente")

    @property
    def is_open(self) -> bool:
        return self.status in (ContactverzoekStatus.OPEN, ContactverzoekStatus.IN_BEHANDELING)

    # Transitions are called only from klanten.services.
    @transition(
        field=status, source=ContactverzoekStatus.OPEN, target=ContactverzoekStatus.IN_BEHANDELING
    )
    def oppakken(self):
        pass

    @transition(
        field=status,
        source=[ContactverzoekStatus.OPEN, ContactverzoekStatus.IN_BEHANDELING],
        target=ContactverzoekStatus.AFGEHANDELD,
    )
    def afhandelen(self):
        pass

    @transition(
        field=status,
        source=[ContactverzoekStatus.OPEN, ContactverzoekStatus.IN_BEHANDELING],
        target=ContactverzoekStatus.GEANNULEERD,
    )
    def annuleren(self):
        pass
