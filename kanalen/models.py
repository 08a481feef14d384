import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, FSMField, transition

from kcc.choices import KanaalSoort


class Kanaal(models.Model):
    """One contact channel in the registry: how to reach it, when, its norm and cost."""

    class NormEenheid(models.TextChoices):
        SECONDEN = "seconden", _("seconden")
        MINUTEN = "minuten", _("minuten")
        WERKDAGEN = "werkdagen", _("werkdagen")
        WEKEN = "weken", _("weken")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField(_("kanaal"), max_length=20, choices=KanaalSoort.choices, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    bereikbaarheid = models.TextField(
        _("bereikbaarheid"),
        help_text=_("Hoe inwoners dit kanaal bereiken: nummer, adres, link."),
    )
    norm_percentage = models.PositiveSmallIntegerField(
        _("normpercentage"),
        default=100,
        help_text=_("Welk deel binnen de norm moet vallen, bijvoorbeeld 80 (%)."),
    )
    norm_aantal = models.PositiveIntegerField(
        _("norm"), null=True, blank=True, help_text=_("Bijvoorbeeld 20. Leeg: geen eigen norm.")
    )
    norm_eenheid = models.CharField(
        _("eenheid"), max_length=20, choices=NormEenheid.choices, blank=True
    )
    norm_omschrijving = models.CharField(
        _("norm voor inwoners"),
        max_length=300,
        help_text=_(
            "Zo staat de norm op de website, bijvoorbeeld 'Wij nemen 80% binnen 20 seconden op'."
        ),
    )
    kosten_per_contact = models.DecimalField(
        _("kosten per contact (€)"), max_digits=8, decimal_places=2
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("kanaal")
        verbose_name_plural = _("kanalen")
        ordering = ["volgorde", "soort"]

    def __str__(self):
        return self.naam

    def openingstijden_tuples(self):
        return [(o.weekdag, o.open, o.dicht) for o in self.openingstijden.all()]


class Openingstijd(models.Model):
    class Weekdag(models.IntegerChoices):
        MAANDAG = 0, _("maandag")
        DINSDAG = 1, _("dinsdag")
        WOENSDAG = 2, _("woensdag")
        DONDERDAG = 3, _("donderdag")
        VRIJDAG = 4, _("vrijdag")
        ZATERDAG = 5, _("zaterdag")
        ZONDAG = 6, _("zondag")

    kanaal = models.ForeignKey(Kanaal, on_delete=models.CASCADE, related_name="openingstijden")
    weekdag = models.PositiveSmallIntegerField(_("dag"), choices=Weekdag.choices)
    open = models.TimeField(_("open"))
    dicht = models.TimeField(_("dicht"))

    class Meta:
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")
        ordering = ["weekdag", "open"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(open__lt=models.F("dicht")), name="openingstijd_open_voor_dicht"
            )
        ]

    def __str__(self):
        return f"{self.get_weekdag_display()} {self.open:%H:%M}-{self.dicht:%H:%M}"


class BerichtSjabloon(models.Model):
    """The text of a message to the customer, per product (or for all) and per
    status or milestone. Placeholders: {naam}, {zaaknummer}, {product},
    {status}, {tekst} (the citizen text of the change), {datum}."""

    product = models.ForeignKey(
        "producten.Product",
        verbose_name=_("product"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Leeg: voor alle producten."),
    )
    sleutel = models.CharField(
        _("status of stap"),
        max_length=200,
        help_text=_("Een status (bijv. afgehandeld) of de naam van een statusstap; '*' voor alle."),
    )
    onderwerp = models.CharField(_("onderwerp (e-mail)"), max_length=200)
    tekst = models.TextField(_("tekst"))
    sms_tekst = models.CharField(_("sms-tekst"), max_length=320, blank=True)

    class Meta:
        verbose_name = _("berichtsjabloon")
        verbose_name_plural = _("berichtsjablonen")
        ordering = ["product__naam", "sleutel"]
        constraints = [
            models.UniqueConstraint(fields=["product", "sleutel"], name="sjabloon_uniek"),
            models.UniqueConstraint(
                fields=["sleutel"],
                condition=models.Q(product__isnull=True),
                name="sjabloon_algemeen_uniek",
            ),
        ]

    def __str__(self):
        return f"{self.product or _('Alle producten')}: {self.sleutel}"


class BerichtStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", _("In de wachtrij")
    BEZIG = "bezig", _("Wordt verstuurd")
    VERZONDEN = "verzonden", _("Verzonden")
    MISLUKT = "mislukt", _("Mislukt")


class Bericht(models.Model):
    """The outbox: a message to a customer, written in the same transaction as
    the change it tells about, sent by a worker (kanalen.services)."""

    class Kanaal(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("Sms")
        PORTAAL = "portaal", _("Alleen in Mijn omgeving")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Empty only for a reply to someone the platform does not know (an
    # acknowledgement of an e-mail from an unknown address).
    klant = models.ForeignKey(
        "klanten.Klant",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="berichten",
    )
    zaak = models.ForeignKey(
        "zaken.Zaak", null=True, blank=True, on_delete=models.PROTECT, related_name="berichten"
    )
    # E-mail threading: the Message-ID this message answers.
    in_antwoord_op = models.CharField(max_length=300, blank=True)
    kanaal = models.CharField(_("kanaal"), max_length=10, choices=Kanaal.choices)
    ontvanger = models.CharField(_("aan"), max_length=254, blank=True)
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    tekst = models.TextField(_("tekst"))
    status = FSMField(
        _("status"),
        max_length=20,
        choices=BerichtStatus.choices,
        default=BerichtStatus.WACHTRIJ,
        protected=True,
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    volgende_poging = models.DateTimeField(_("volgende poging"), default=timezone.now)
    geclaimd_op = models.DateTimeField(_("opgepakt op"), null=True, blank=True)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    laatste_fout = models.CharField(_("laatste fout"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["-aangemaakt"]
        indexes = [
            models.Index(fields=["status", "volgende_poging"]),
            models.Index(fields=["klant", "-aangemaakt"]),
        ]

    def __str__(self):
        return f"{self.get_kanaal_display()} {self.onderwerp}"

    # Transitions are called only from kanalen.services.
    @transition(field=status, source=BerichtStatus.WACHTRIJ, target=BerichtStatus.BEZIG)
    def claimen(self):
        pass

    @transition(field=status, source=BerichtStatus.BEZIG, target=BerichtStatus.VERZONDEN)
    def verzonden(self):
        pass

    @transition(field=status, source=BerichtStatus.BEZIG, target=BerichtStatus.WACHTRIJ)
    def later_opnieuw(self):
        pass

    @transition(field=status, source=BerichtStatus.BEZIG, target=BerichtStatus.MISLUKT)
    def mislukt(self):
        pass

    @transition(field=status, source=BerichtStatus.MISLUKT, target=BerichtStatus.WACHTRIJ)
    def opnieuw_versturen(self):
        pass


def _conceptpad(instance, filename):
    # A random name, never the customer's: the file name is kept in the row.
    return f"aanvragen/{uuid.uuid4().hex}"


class Aanvraag(models.Model):
    """An online application, from its first draft to the case it became.

    Its uuid is the key of the submission: submitting the same application
    again (a double click, the back button) answers with the case it already
    became instead of a second one.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    klant = models.ForeignKey("klanten.Klant", on_delete=models.CASCADE, related_name="aanvragen")
    product = models.ForeignKey("producten.Product", on_delete=models.PROTECT, related_name="+")
    antwoorden = models.JSONField(_("antwoorden (zoals ingevuld)"), default=dict, blank=True)
    aangemaakt_op = models.DateTimeField(_("begonnen op"), default=timezone.now)
    bijgewerkt_op = models.DateTimeField(_("laatst bewaard"), default=timezone.now)
    zaak = models.OneToOneField(
        "zaken.Zaak",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="aanvraag",
    )
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)

    class Meta:
        verbose_name = _("online aanvraag")
        verbose_name_plural = _("online aanvragen")
        ordering = ["-bijgewerkt_op"]
        indexes = [models.Index(fields=["klant", "-bijgewerkt_op"])]

    def __str__(self):
        return f"{self.product} ({'ingediend' if self.zaak_id else 'concept'})"

    @property
    def is_concept(self) -> bool:
        return self.zaak_id is None


class AanvraagDocument(models.Model):
    """A document uploaded while applying; it moves to the case on submission."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="documenten")
    naam = models.CharField(_("soort document"), max_length=200)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200)
    bestand = models.FileField(_("bestand"), upload_to=_conceptpad, max_length=200)
    bestandstype = models.CharField(_("bestandstype"), max_length=10)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))
    toegevoegd_op = models.DateTimeField(_("toegevoegd op"), default=timezone.now)

    class Meta:
        verbose_name = _("document bij een aanvraag")
        verbose_name_plural = _("documenten bij aanvragen")
        ordering = ["toegevoegd_op"]

    def __str__(self):
        return f"{self.naam}: {self.bestandsnaam}"


class Beoordeling(models.Model):
    """The customer's rating (1-5) of a closed case or a handled contact;
    one per item, for the satisfaction figures (CSAT)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.PROTECT, related_name="beoordelingen"
    )
    zaak = models.OneToOneField(
        "zaken.Zaak", null=True, blank=True, on_delete=models.PROTECT, related_name="beoordeling"
    )
    klantcontact = models.OneToOneField(
        "klanten.Klantcontact",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="beoordeling",
    )
    kanaal = models.CharField(
        _("kanaal van het beoordeelde"), max_length=20, choices=KanaalSoort.choices
    )
    score = models.PositiveSmallIntegerField(_("score (1-5)"))
    opmerking = models.TextField(_("toelichting"), blank=True)
    gegeven_op = models.DateTimeField(_("gegeven op"), default=timezone.now, db_index=True)
    # Copied from the case or contact when the rating is given, so CSAT per
    # agent and per product reads only this table.
    medewerker = models.ForeignKey(
        "kcc.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    product = models.ForeignKey(
        "producten.Product", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        ordering = ["-gegeven_op"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="beoordeling_score_1_tot_5"
            ),
            models.CheckConstraint(
                condition=models.Q(zaak__isnull=False, klantcontact__isnull=True)
                | models.Q(zaak__isnull=True, klantcontact__isnull=False),
                name="beoordeling_van_zaak_of_contact",
            ),
        ]

    def __str__(self):
        return f"{self.score}/5"


class Gesprek(models.Model):
    """A phone call as the phone system reports it: offered to a queue,
    answered by an agent (maybe transferred), ended or abandoned; wrapped up
    as a contact."""

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("In de wachtrij")
        IN_GESPREK = "in_gesprek", _("In gesprek")
        BEEINDIGD = "beeindigd", _("Beëindigd")
        VERLATEN = "verlaten", _("Opgehangen in de wachtrij")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    extern_id = models.CharField(
        _("gesprek-id van de telefooncentrale"), max_length=100, unique=True
    )
    nummer = models.CharField(_("nummer van de beller"), max_length=30, blank=True)
    wachtrij = models.CharField(_("wachtrij"), max_length=100, blank=True)
    klant = models.ForeignKey(
        "klanten.Klant", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = FSMField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WACHTEND, protected=True
    )
    aangeboden_op = models.DateTimeField(_("aangeboden op"))
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    beeindigd_op = models.DateTimeField(_("beëindigd op"), null=True, blank=True)
    medewerker = models.ForeignKey(
        "kcc.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    klantcontact = models.OneToOneField(
        "klanten.Klantcontact",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gesprek",
    )

    class Meta:
        verbose_name = _("telefoongesprek")
        verbose_name_plural = _("telefoongesprekken")
        ordering = ["-aangeboden_op"]
        indexes = [
            # Who is waiting in the phone queue now (the metrics endpoint): a
            # handful of rows, whatever the years of calls behind them.
            models.Index(
                fields=["aangeboden_op"],
                condition=models.Q(status="wachtend"),
                name="kanalen_gesprek_wachtend",
            )
        ]

    def __str__(self):
        return f"{self.nummer or '-'} ({self.get_status_display()})"

    # Transitions are called only from kanalen.telefonie. Answering again is
    # a transfer: the call stays in progress with another agent.
    @transition(field=status, source=[Status.WACHTEND, Status.IN_GESPREK], target=Status.IN_GESPREK)
    def beantwoorden(self):
        pass

    @transition(field=status, source=Status.WACHTEND, target=Status.VERLATEN)
    def verlaten(self):
        pass

    @transition(field=status, source=Status.IN_GESPREK, target=Status.BEEINDIGD)
    def beeindigen(self):
        pass


class Wachtrijgebeurtenis(models.Model):
    """What happened in the queue of a queued channel (phone, chat, counter):
    offered, answered (by whom, after how long), transferred, abandoned
    (after how long), ended. Service level, ASA and abandonment are computed
    from these rows."""

    class Soort(models.TextChoices):
        AANGEBODEN = "aangeboden", _("Aangeboden")
        BEANTWOORD = "beantwoord", _("Beantwoord")
        DOORVERBONDEN = "doorverbonden", _("Doorverbonden")
        VERLATEN = "verlaten", _("Verlaten")
        BEEINDIGD = "beeindigd", _("Beëindigd")

    kanaal = models.CharField(_("kanaal"), max_length=20, choices=KanaalSoort.choices)
    soort = models.CharField(_("gebeurtenis"), max_length=20, choices=Soort.choices)
    sessie = models.CharField(_("gesprek, chat of volgnummer"), max_length=100)
    # The sender's id of the event: a retried event is recognised, not counted twice.
    bron_id = models.CharField(max_length=100, unique=True, null=True, blank=True)
    wachtrij = models.CharField(_("wachtrij"), max_length=100, blank=True)
    tijdstip = models.DateTimeField(_("tijdstip"))
    wachttijd_seconden = models.PositiveIntegerField(_("wachttijd (s)"), null=True, blank=True)
    medewerker = models.ForeignKey(
        "kcc.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    klant = models.ForeignKey(
        "klanten.Klant", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    gesprek = models.ForeignKey(
        Gesprek, null=True, blank=True, on_delete=models.CASCADE, related_name="gebeurtenissen"
    )

    class Meta:
        verbose_name = _("wachtrijgebeurtenis")
        verbose_name_plural = _("wachtrijgebeurtenissen")
        ordering = ["tijdstip", "id"]
        indexes = [
            models.Index(fields=["kanaal", "tijdstip"]),
            # The dashboard's rollups read one day of every channel at once.
            models.Index(fields=["tijdstip"], name="wachtrij_tijdstip"),
        ]

    def __str__(self):
        return f"{self.get_kanaal_display()} {self.get_soort_display()} {self.sessie}"


def _bijlagepad(instance, filename):
    # A random name, never the sender's: the file name is kept in the row.
    return f"inbox/{uuid.uuid4().hex}"


class InboxStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    AFGEHANDELD = "afgehandeld", _("Afgehandeld")


class Inboxitem(models.Model):
    """Something a customer sent in writing (an e-mail, an SMS, a letter)
    that waits for an answer, with the channel's norm clock."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kanaal = models.CharField(_("kanaal"), max_length=20, choices=KanaalSoort.choices)
    status = FSMField(
        _("status"),
        max_length=20,
        choices=InboxStatus.choices,
        default=InboxStatus.OPEN,
        protected=True,
    )
    klant = models.ForeignKey(
        "klanten.Klant", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    van = models.CharField(_("van"), max_length=254)
    naam = models.CharField(_("naam afzender"), max_length=200, blank=True)
    onderwerp = models.CharField(_("onderwerp"), max_length=300, blank=True)
    tekst = models.TextField(_("tekst"), blank=True)
    ontvangen_op = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    uiterlijk_op = models.DateField(_("uiterlijk beantwoorden op"), null=True, blank=True)
    # The sender's id of the message (Message-ID, the gateway's id): a message
    # fetched or posted twice becomes one item.
    bericht_id = models.CharField(max_length=300, blank=True)
    in_antwoord_op = models.CharField(max_length=300, blank=True)
    draad = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="vervolg"
    )
    medewerker = models.ForeignKey(
        "kcc.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    genomen_op = models.DateTimeField(_("opgepakt op"), null=True, blank=True)
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    klantcontact = models.OneToOneField(
        "klanten.Klantcontact",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inboxitem",
    )
    # The product group it is about, for routing by skill (empty: anyone).
    thema = models.ForeignKey(
        "producten.Thema",
        verbose_name=_("productgroep"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("inboxitem")
        verbose_name_plural = _("inbox")
        ordering = ["uiterlijk_op", "ontvangen_op", "id"]
        indexes = [models.Index(fields=["status", "uiterlijk_op", "ontvangen_op"])]
        constraints = [
            models.UniqueConstraint(
                fields=["kanaal", "bericht_id"],
                condition=~models.Q(bericht_id=""),
                name="inboxitem_bericht_eenmaal",
            )
        ]

    def __str__(self):
        return f"{self.get_kanaal_display()} van {self.van}: {self.onderwerp}"

    # Transitions are called only from kanalen.inbox.
    @transition(field=status, source=InboxStatus.OPEN, target=InboxStatus.IN_BEHANDELING)
    def oppakken(self):
        pass

    @transition(field=status, source=InboxStatus.IN_BEHANDELING, target=InboxStatus.OPEN)
    def vrijgeven(self):
        pass

    @transition(field=status, source=InboxStatus.IN_BEHANDELING, target=InboxStatus.AFGEHANDELD)
    def afhandelen(self):
        pass


class InboxBijlage(models.Model):
    """An attachment of an inbox item, stored under a random name and only
    served as a download to staff who may see the inbox."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    item = models.ForeignKey(Inboxitem, on_delete=models.CASCADE, related_name="bijlagen")
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200)
    bestand = models.FileField(_("bestand"), upload_to=_bijlagepad, max_length=200)
    soort = models.CharField(_("bestandstype"), max_length=10, blank=True)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self):
        return self.bestandsnaam


class Chat(models.Model):
    """A chat from the portal: waits in the queue, is accepted by an agent,
    ends as a contact (its transcript) on the customer's timeline."""

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wacht op een medewerker")
        ACTIEF = "actief", _("In gesprek")
        BEEINDIGD = "beeindigd", _("Beëindigd")
        VERLATEN = "verlaten", _("Verlaten voor het begin")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    klant = models.ForeignKey(
        "klanten.Klant", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    # Who may join as the citizen when not logged in: their browser session.
    sessie_sleutel = models.CharField(max_length=64, blank=True, editable=False)
    status = FSMField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WACHTEND, protected=True
    )
    medewerker = models.ForeignKey(
        "kcc.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    gestart_op = models.DateTimeField(_("gestart op"), default=timezone.now)
    geaccepteerd_op = models.DateTimeField(_("aangenomen op"), null=True, blank=True)
    beeindigd_op = models.DateTimeField(_("beëindigd op"), null=True, blank=True)
    klantcontact = models.OneToOneField(
        "klanten.Klantcontact", null=True, blank=True, on_delete=models.PROTECT, related_name="chat"
    )
    thema = models.ForeignKey(
        "producten.Thema",
        verbose_name=_("waarover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("chat")
        verbose_name_plural = _("chats")
        ordering = ["gestart_op", "id"]
        indexes = [models.Index(fields=["status", "gestart_op"])]

    def __str__(self):
        return f"chat {self.naam or self.uuid} ({self.get_status_display()})"

    # Transitions are called only from kanalen.chat.
    @transition(field=status, source=Status.WACHTEND, target=Status.ACTIEF)
    def accepteren(self):
        pass

    @transition(field=status, source=Status.WACHTEND, target=Status.VERLATEN)
    def verlaten(self):
        pass

    @transition(field=status, source=Status.ACTIEF, target=Status.BEEINDIGD)
    def beeindigen(self):
        pass


class Chatbericht(models.Model):
    """One message in a chat, stored as it is sent; numbered per chat, so a
    client that reconnects asks for what came after the last it saw."""

    class Van(models.TextChoices):
        KLANT = "klant", _("Klant")
        MEDEWERKER = "medewerker", _("Medewerker")
        SYSTEEM = "systeem", _("Systeem")

    chat = models.ForeignKey(Chat, on_delete=models.CASCADE, related_name="berichten")
    volgnummer = models.PositiveIntegerField()
    van = models.CharField(max_length=20, choices=Van.choices)
    tekst = models.TextField()
    tijdstip = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["chat", "volgnummer"]
        constraints = [
            models.UniqueConstraint(fields=["chat", "volgnummer"], name="chatbericht_volgorde")
        ]

    def __str__(self):
        return f"{self.volgnummer}: {self.tekst[:40]}"


class Balie(models.Model):
    """A desk at the town hall where an employee serves walk-ins and
    appointments; the display shows its name next to the called number."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(_("naam"), max_length=50, unique=True)
    actief = models.BooleanField(_("actief"), default=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("balie")
        verbose_name_plural = _("balies")
        ordering = ["volgorde", "naam"]

    def __str__(self):
        return self.naam


class Afspraakrooster(models.Model):
    """When a product can be booked: on a weekday from `van` to `tot`, slots of
    `slotduur_minuten`, each for `balies` customers at once (the desks
    reserved for it). Public holidays and closing days have no slots."""

    product = models.ForeignKey(
        "producten.Product", on_delete=models.CASCADE, related_name="afspraakroosters"
    )
    weekdag = models.PositiveSmallIntegerField(_("dag"), choices=Openingstijd.Weekdag.choices)
    van = models.TimeField(_("van"))
    tot = models.TimeField(_("tot"))
    slotduur_minuten = models.PositiveSmallIntegerField(
        _("duur van een afspraak (min)"), default=15
    )
    balies = models.PositiveSmallIntegerField(
        _("balies"), default=1, help_text=_("Hoeveel klanten tegelijk een afspraak kunnen hebben.")
    )

    class Meta:
        verbose_name = _("afspraakrooster")
        verbose_name_plural = _("afspraakroosters")
        ordering = ["product", "weekdag", "van"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(van__lt=models.F("tot")), name="rooster_van_voor_tot"
            ),
            models.CheckConstraint(
                condition=models.Q(slotduur_minuten__gte=5), name="rooster_slot_min_5"
            ),
            models.CheckConstraint(
                condition=models.Q(balies__gte=1), name="rooster_minstens_een_balie"
            ),
        ]

    def __str__(self):
        return f"{self.product} {self.get_weekdag_display()} {self.van:%H:%M}-{self.tot:%H:%M}"


class Afspraak(models.Model):
    """An appointment at the counter for one product, booked in the portal or
    by an agent; the customer may move or cancel it, gets a reminder the day
    before, and checks in at the kiosk with its code."""

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("Gepland")
        GEANNULEERD = "geannuleerd", _("Geannuleerd")
        AANGEMELD = "aangemeld", _("Aangemeld bij de balie")
        NIET_VERSCHENEN = "niet_verschenen", _("Niet verschenen")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # What the customer types at the kiosk (no 0/O or 1/I to confuse).
    code = models.CharField(_("afspraakcode"), max_length=8, unique=True)
    klant = models.ForeignKey("klanten.Klant", on_delete=models.PROTECT, related_name="afspraken")
    product = models.ForeignKey("producten.Product", on_delete=models.PROTECT, related_name="+")
    begin = models.DateTimeField(_("begin"))
    eind = models.DateTimeField(_("eind"))
    status = FSMField(
        _("status"), max_length=20, choices=Status.choices, default=Status.GEPLAND, protected=True
    )
    geboekt_via = models.CharField(_("geboekt via"), max_length=20, choices=KanaalSoort.choices)
    geboekt_door = models.ForeignKey(
        "kcc.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    herinnering_op = models.DateTimeField(_("herinnering verstuurd"), null=True, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["begin", "id"]
        indexes = [
            models.Index(
                fields=["product", "begin"],
                condition=models.Q(status="gepland"),
                name="afspraak_gepland_product",
            ),
            models.Index(fields=["klant", "-begin"]),
        ]

    def __str__(self):
        return f"{self.product} {timezone.localtime(self.begin):%d-%m-%Y %H:%M}"

    # Transitions are called only from kanalen.balie.
    @transition(field=status, source=Status.GEPLAND, target=Status.GEANNULEERD)
    def annuleren(self):
        pass

    @transition(field=status, source=Status.GEPLAND, target=Status.AANGEMELD)
    def aanmelden(self):
        pass

    @transition(field=status, source=Status.GEPLAND, target=Status.NIET_VERSCHENEN)
    def niet_verschenen(self):
        pass


class Wachtnummer(models.Model):
    """A ticket from the kiosk: a walk-in for a product, or a customer who
    checked in for an appointment. A desk calls it; it ends as a contact."""

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wacht")
        OPGEROEPEN = "opgeroepen", _("Opgeroepen")
        AFGEHANDELD = "afgehandeld", _("Geholpen")
        NIET_VERSCHENEN = "niet_verschenen", _("Niet verschenen")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    datum = models.DateField(_("datum"))
    volgnummer = models.PositiveIntegerField(_("volgnummer"))
    letter = models.CharField(_("letter"), max_length=1)
    product = models.ForeignKey("producten.Product", on_delete=models.PROTECT, related_name="+")
    afspraak = models.OneToOneField(
        Afspraak, null=True, blank=True, on_delete=models.PROTECT, related_name="wachtnummer"
    )
    klant = models.ForeignKey(
        "klanten.Klant", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = FSMField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WACHTEND, protected=True
    )
    aangemaakt_op = models.DateTimeField(_("getrokken om"), default=timezone.now)
    opgeroepen_op = models.DateTimeField(_("opgeroepen om"), null=True, blank=True)
    afgehandeld_op = models.DateTimeField(_("geholpen tot"), null=True, blank=True)
    balie = models.ForeignKey(
        Balie, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    medewerker = models.ForeignKey(
        "kcc.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    klantcontact = models.OneToOneField(
        "klanten.Klantcontact",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="wachtnummer",
    )

    class Meta:
        verbose_name = _("wachtnummer")
        verbose_name_plural = _("wachtnummers")
        ordering = ["datum", "volgnummer"]
        constraints = [
            models.UniqueConstraint(fields=["datum", "volgnummer"], name="wachtnummer_per_dag"),
        ]
        indexes = [models.Index(fields=["datum", "status", "aangemaakt_op"])]

    def __str__(self):
        return self.nummer

    @property
    def nummer(self) -> str:
        return f"{self.letter}{self.volgnummer:03d}"

    # Transitions are called only from kanalen.balie.
    @transition(field=status, source=Status.WACHTEND, target=Status.OPGEROEPEN)
    def oproepen(self):
        pass

    @transition(field=status, source=Status.OPGEROEPEN, target=Status.AFGEHANDELD)
    def afhandelen(self):
        pass

    @transition(
        field=status, source=[Status.WACHTEND, Status.OPGEROEPEN], target=Status.NIET_VERSCHENEN
    )
    def niet_verschenen(self):
        pass


class Medewerkerstatus(models.Model):
    """An agent's availability and skills for routing: which product groups
    (themes) they handle, and whether they take work now. No skills means a
    generalist who sees everything."""

    class Status(models.TextChoices):
        BESCHIKBAAR = "beschikbaar", _("Beschikbaar")
        BEZET = "bezet", _("Bezet")
        PAUZE = "pauze", _("Pauze")
        OFFLINE = "offline", _("Offline")

    medewerker = models.OneToOneField(
        "kcc.User", on_delete=models.CASCADE, related_name="beschikbaarheid"
    )
    status = FSMField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OFFLINE, protected=True
    )
    sinds = models.DateTimeField(_("sinds"), default=timezone.now)
    vaardigheden = models.ManyToManyField(
        "producten.Thema", verbose_name=_("productgroepen"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("beschikbaarheid van een medewerker")
        verbose_name_plural = _("beschikbaarheid van medewerkers")

    def __str__(self):
        return f"{self.medewerker}: {self.get_status_display()}"

    # Availability is a free choice, not a lifecycle: any status may follow
    # any other. Called only from kanalen.werkvoorraad.
    @transition(field=status, source="*", target=RETURN_VALUE(*Status.values))
    def wijzigen(self, nieuw: str) -> str:
        return nieuw


class Statusperiode(models.Model):
    """How long an agent was in each status: a new period starts at every
    change (kanalen.werkvoorraad.status_wijzigen), the open one has no end.
    The dashboard's occupancy reads the logged-in time from these."""

    medewerker = models.ForeignKey("kcc.User", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Medewerkerstatus.Status.choices)
    begin = models.DateTimeField(_("begin"))
    einde = models.DateTimeField(_("einde"), null=True, blank=True)

    class Meta:
        verbose_name = _("statusperiode")
        verbose_name_plural = _("statusperioden")
        indexes = [
            models.Index(fields=["begin"]),
            models.Index(fields=["einde"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["medewerker"],
                condition=models.Q(einde__isnull=True),
                name="statusperiode_een_open",
            )
        ]

    def __str__(self):
        return f"{self.medewerker_id} {self.status} {self.begin:%Y-%m-%d %H:%M}"
