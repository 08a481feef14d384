"""Cases (zaken): one request for one product by one customer, its lifecycle
and status history."""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.contrib.postgres.functions import RandomUUID
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from kcc import formaat, invoer
from kcc.choices import Betrouwbaarheidsniveau, KanaalSoort, Machtiging, Vertrouwelijkheid


class ZaakStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Ontvangen")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    WACHT_OP_KLANT = "wacht_op_klant", _("Wacht op u")
    AFGEHANDELD = "afgehandeld", _("Afgehandeld")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")
    HEROPEND = "heropend", _("Heropend")


OPEN_STATUSSEN = [
    ZaakStatus.ONTVANGEN,
    ZaakStatus.IN_BEHANDELING,
    ZaakStatus.WACHT_OP_KLANT,
    ZaakStatus.HEROPEND,
]
EIND_STATUSSEN = [ZaakStatus.AFGEHANDELD, ZaakStatus.AFGEWEZEN, ZaakStatus.INGETROKKEN]
# Open and with the clock running (not waiting for the customer).
LOPENDE_STATUSSEN = [ZaakStatus.ONTVANGEN, ZaakStatus.IN_BEHANDELING, ZaakStatus.HEROPEND]
# The sort key of a case without any deadline: after every case that has one.
GEEN_TERMIJN = date(9999, 12, 31)


class ZaakNummerReeks(models.Model):
    """The last case number handed out per year (see services.volgend_zaaknummer)."""

    jaar = models.PositiveIntegerField(primary_key=True)
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("zaaknummerreeks")
        verbose_name_plural = _("zaaknummerreeksen")

    def __str__(self):
        return f"{self.jaar}: {self.laatste}"


class Zaak(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    nummer = models.CharField(_("zaaknummer"), max_length=20, unique=True)
    klant = models.ForeignKey(
        "klanten.Klant", verbose_name=_("klant"), on_delete=models.PROTECT, related_name="zaken"
    )
    product = models.ForeignKey(
        "producten.Product", verbose_name=_("product"), on_delete=models.PROTECT, related_name="+"
    )
    productversie = models.ForeignKey(
        "producten.ProductVersie",
        verbose_name=_("productversie"),
        on_delete=models.PROTECT,
        related_name="zaken",
        help_text=_("Wat de klant bij de aanvraag is beloofd."),
    )
    hoofdzaak = models.ForeignKey(
        "self",
        verbose_name=_("hoofdzaak"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deelzaken",
    )
    kanaal = models.CharField(_("kanaal van aanvraag"), max_length=20, choices=KanaalSoort.choices)
    # The product's confidentiality when the case was registered.
    vertrouwelijkheid = models.CharField(
        _("vertrouwelijkheid"),
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        default=Vertrouwelijkheid.OPENBAAR,
        db_default=Vertrouwelijkheid.OPENBAAR,
    )
    antwoorden = models.JSONField(_("antwoorden"), default=dict, blank=True)
    # How the customer logged in when they applied online: the level reached,
    # who acted on their behalf and how, and the business's vestiging.
    inlogniveau = models.PositiveSmallIntegerField(
        _("inlogniveau"), choices=Betrouwbaarheidsniveau.choices, null=True, blank=True
    )
    machtiging = models.CharField(
        _("machtiging"), max_length=20, choices=Machtiging.choices, blank=True
    )
    gemachtigde = models.CharField(
        _("gemachtigde"),
        max_length=12,
        blank=True,
        help_text=_("BSN of KVK-nummer van wie namens de klant aanvroeg."),
    )
    vestigingsnummer = models.CharField(_("vestigingsnummer"), max_length=12, blank=True)

    afdeling = models.ForeignKey(
        "kcc.Afdeling",
        verbose_name=_("afdeling"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="zaken",
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandelaar"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="zaken_in_behandeling",
    )
    status = FSMField(
        _("status"),
        max_length=20,
        choices=ZaakStatus.choices,
        default=ZaakStatus.ONTVANGEN,
        protected=True,
    )
    statusstap = models.CharField(
        _("huidige stap"), max_length=200, blank=True, help_text=_("Mijlpaal uit de catalogus.")
    )
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), default=timezone.now)
    streefdatum = models.DateField(_("streefdatum (servicenorm)"), null=True, blank=True)
    uiterste_datum = models.DateField(_("uiterste datum (wettelijk)"), null=True, blank=True)
    # The statutory end before the Atw moved it: suspension and extension
    # move this one, and the Atw is applied to the result again.
    uiterste_datum_ruw = models.DateField(null=True, blank=True, editable=False)
    opgeschort_op = models.DateField(_("klok stilgezet op"), null=True, blank=True)
    verlengd = models.BooleanField(_("verlengd"), default=False)
    verlenging_reden = models.CharField(_("reden verlenging"), max_length=500, blank=True)
    verlenging_weken = models.PositiveSmallIntegerField(
        _("verlengd met (weken)"), null=True, blank=True
    )
    # The first of the two deadlines (GEEN_TERMIJN when there is none): the
    # order of the work queues and what "te laat" means there. Kept by the
    # services whenever a date moves; never null, so queues page by keyset.
    termijndatum = models.DateField(_("eerstvolgende termijn"), default=GEEN_TERMIJN)
    signaaldatum = models.DateField(_("80% van de termijn op"), null=True, blank=True)
    gesignaleerd_op = models.DateTimeField(_("80%-signaal"), null=True, blank=True)
    geescaleerd_op = models.DateTimeField(_("geëscaleerd"), null=True, blank=True)
    overdracht = models.TextField(
        _("overdracht"),
        blank=True,
        help_text=_("Wat het KCC de afdeling meegeeft."),
    )
    oppakken_uiterlijk = models.DateField(_("uiterlijk oppakken op"), null=True, blank=True)
    opgepakt_op = models.DateTimeField(_("opgepakt op"), null=True, blank=True)
    oppak_gemeld_op = models.DateTimeField(_("niet-opgepakt gemeld"), null=True, blank=True)
    resultaat = models.CharField(_("resultaat"), max_length=200, blank=True)
    toelichting = models.TextField(
        _("toelichting bij het resultaat"), max_length=invoer.NOTITIE, blank=True
    )
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)

    class Meta:
        verbose_name = _("zaak")
        verbose_name_plural = _("zaken")
        ordering = ["-geregistreerd_op"]
        indexes = [
            # The work queues read open cases only, most urgent first, and
            # page by keyset on (termijndatum, id): partial indexes on
            # exactly that order for the whole KCC, per afdeling, per
            # behandelaar and per product.
            models.Index(
                fields=["termijndatum", "id"],
                condition=models.Q(status__in=OPEN_STATUSSEN),
                name="zaak_open_termijn",
            ),
            models.Index(
                fields=["afdeling", "termijndatum", "id"],
                condition=models.Q(status__in=OPEN_STATUSSEN),
                name="zaak_open_afdeling_termijn",
            ),
            models.Index(
                fields=["behandelaar", "termijndatum", "id"],
                condition=models.Q(status__in=OPEN_STATUSSEN),
                name="zaak_open_behandelaar_termijn",
            ),
            models.Index(
                fields=["product", "termijndatum", "id"],
                condition=models.Q(status__in=OPEN_STATUSSEN),
                name="zaak_open_product_termijn",
            ),
            # The deadline watch looks only at cases not yet flagged/escalated.
            models.Index(
                fields=["signaaldatum"],
                condition=models.Q(gesignaleerd_op__isnull=True, status__in=LOPENDE_STATUSSEN),
                name="zaak_te_signaleren",
            ),
            models.Index(
                fields=["termijndatum"],
                condition=models.Q(geescaleerd_op__isnull=True, status__in=LOPENDE_STATUSSEN),
                name="zaak_te_escaleren",
            ),
            models.Index(
                fields=["oppakken_uiterlijk"],
                condition=models.Q(status=ZaakStatus.ONTVANGEN, oppak_gemeld_op__isnull=True),
                name="zaak_niet_opgepakt",
            ),
            models.Index(fields=["klant", "-geregistreerd_op"]),
            # Norm realisation on the dashboard: cases closed in a period.
            # Covering: the norm figures and the list of cases behind them
            # read only the index (no heap page per closed case).
            models.Index(
                fields=["afgesloten_op"],
                include=[
                    "id",
                    "product",
                    "status",
                    "hoofdzaak",
                    "streefdatum",
                    "uiterste_datum",
                    "nummer",
                    "geregistreerd_op",
                    "afdeling",
                ],
                condition=models.Q(afgesloten_op__isnull=False),
                name="zaak_afgesloten_lijst",
            ),
            # The backlog by age: open cases by registration date.
            models.Index(
                fields=["geregistreerd_op"],
                include=["id", "termijndatum"],
                condition=models.Q(status__in=OPEN_STATUSSEN),
                name="zaak_open_geregistreerd",
            ),
        ]

    def __str__(self):
        return self.nummer

    def get_absolute_url(self) -> str:
        """The case page in the workspace (staff only)."""
        from zaken.urls import zaak_url

        return zaak_url(self.uuid)

    @property
    def inlog_naam(self) -> str:
        """``DigiD Substantieel`` or ``eHerkenning eH3``: how the applicant logged in."""
        if self.inlogniveau is None:
            return ""
        from kcc.auth.inlog import DIGID, EHERKENNING, niveau_naam

        eherkenning = self.machtiging == "bewindvoering" or bool(self.klant.kvk_nummer)
        middel = EHERKENNING if eherkenning else DIGID
        return niveau_naam(self.inlogniveau, middel)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSSEN

    @property
    def klok_loopt(self) -> bool:
        return self.is_open and self.status != ZaakStatus.WACHT_OP_KLANT

    def termijndatum_bijwerken(self) -> None:
        """Set the queue order from the deadlines; call after changing either."""
        datums = [d for d in (self.streefdatum, self.uiterste_datum) if d is not None]
        self.termijndatum = min(datums, default=GEEN_TERMIJN)

    def antwoorden_leesbaar(self) -> list[tuple[str, str]]:
        """The customer's answers with the questions as the form asked them,
        each in Dutch (a date as '16 januari 2027', an amount as '€ 12,50').
        A compound request keeps every answer on its main case and its
        parts; their questions come from the frozen versions of all of them."""
        from producten.formulier import antwoorden_leesbaar

        if not self.antwoorden:
            return []
        hoofd = self.hoofdzaak if self.hoofdzaak_id else self
        versies = [hoofd.productversie]
        versies += [
            deel.productversie
            for deel in hoofd.deelzaken.select_related("productversie").order_by("id")
        ]
        vragen = [vraag for versie in versies for vraag in versie.inhoud.get("vragen", [])]
        return antwoorden_leesbaar(vragen, self.antwoorden)

    # The transitions change only the status; zaken.services checks the
    # actor, locks the row, updates the dates and writes the history.
    @transition(
        field=status,
        source=[ZaakStatus.ONTVANGEN, ZaakStatus.HEROPEND],
        target=ZaakStatus.IN_BEHANDELING,
    )
    def in_behandeling_nemen(self):
        pass

    @transition(field=status, source=ZaakStatus.IN_BEHANDELING, target=ZaakStatus.WACHT_OP_KLANT)
    def wachten_op_klant(self):
        pass

    @transition(field=status, source=ZaakStatus.WACHT_OP_KLANT, target=ZaakStatus.IN_BEHANDELING)
    def hervatten(self):
        pass

    @transition(field=status, source=ZaakStatus.IN_BEHANDELING, target=ZaakStatus.AFGEHANDELD)
    def afhandelen(self):
        pass

    @transition(
        field=status,
        source=[ZaakStatus.ONTVANGEN, ZaakStatus.IN_BEHANDELING],
        target=ZaakStatus.AFGEWEZEN,
    )
    def afwijzen(self):
        pass

    @transition(
        field=status,
        source=[ZaakStatus.ONTVANGEN, ZaakStatus.IN_BEHANDELING, ZaakStatus.WACHT_OP_KLANT],
        target=ZaakStatus.INGETROKKEN,
    )
    def intrekken(self):
        pass

    @transition(field=status, source=ZaakStatus.AFGEHANDELD, target=ZaakStatus.HEROPEND)
    def heropenen(self):
        pass


class StatusWijziging(models.Model):
    """Append-only history of a case: every transition and every milestone."""

    # Its identity as a status in the Zaken API (made by the database for
    # rows written in bulk).
    uuid = models.UUIDField(
        default=uuid.uuid4, db_default=RandomUUID(), unique=True, editable=False
    )
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="historie")
    van = models.CharField(_("van"), max_length=20, choices=ZaakStatus.choices, blank=True)
    naar = models.CharField(_("naar"), max_length=20, choices=ZaakStatus.choices)
    statusstap = models.CharField(_("stap"), max_length=200, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now)
    # A reason typed (limited where it is typed) with what the platform adds.
    reden = models.TextField(_("reden"), max_length=invoer.BERICHT, blank=True)
    burgertekst = models.TextField(_("tekst voor de klant"), max_length=invoer.NOTITIE, blank=True)
    klant_informeren = models.BooleanField(_("klant geïnformeerd"), default=False)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statushistorie")
        # By the key itself: ordering by "zaak" would join the case table for
        # its own ordering on every read of a history.
        ordering = ["zaak_id", "tijdstip", "id"]

    def __str__(self):
        return f"{self.zaak}: {self.van or '-'} → {self.naar}"


class NormrealisatiePerDag(models.Model):
    """The main cases closed on one day, per product, against their service
    norm and legal term. For finished days the published norm page and the
    dashboard read these few rows instead of every closed case; built by
    zaken.normrealisatie, always rebuildable from the cases."""

    datum = models.DateField()
    product = models.ForeignKey(
        "producten.Product", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    aantal = models.PositiveIntegerField(default=0)
    met_norm = models.PositiveIntegerField(default=0)
    binnen_norm = models.PositiveIntegerField(default=0)
    met_termijn = models.PositiveIntegerField(default=0)
    binnen_termijn = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("normrealisatie per dag")
        verbose_name_plural = _("normrealisatie per dag")
        constraints = [
            models.UniqueConstraint(fields=["datum", "product"], name="normrealisatie_dag_product")
        ]

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} {self.product_id}: {self.binnen_norm}/{self.met_norm}"


class NormrealisatieDag(models.Model):
    """That a day's NormrealisatiePerDag rows are complete: built after the
    day ended. A day without this row (or built too early, or invalidated by
    a reopened case) is read from the cases themselves."""

    datum = models.DateField(unique=True)
    opgebouwd_op = models.DateTimeField()

    class Meta:
        verbose_name = _("opgebouwde normrealisatiedag")
        verbose_name_plural = _("opgebouwde normrealisatiedagen")

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} ({formaat.moment(self.opgebouwd_op)})"


class ZaakNotitie(models.Model):
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="notities")
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField(_("notitie"), max_length=invoer.NOTITIE)
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now)

    class Meta:
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")
        ordering = ["zaak_id", "-tijdstip"]

    def __str__(self):
        return f"{self.zaak}: {self.tekst[:40]}"


def _documentpad(document: ZaakDocument, bestandsnaam: str) -> str:
    # Never the customer's own file name on disk: it may be anything.
    return f"zaakdocumenten/{timezone.now():%Y/%m}/{document.uuid.hex}.{document.bestandstype}"


class ZaakDocument(models.Model):
    """A document of a case: uploaded by the customer with the request or
    later, or added by staff. Served only through a view that checks access."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="documenten")
    naam = models.CharField(
        _("omschrijving"), max_length=200, help_text=_("Wat het is, bijvoorbeeld 'Pasfoto'.")
    )
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200)
    bestand = models.FileField(_("bestand"), upload_to=_documentpad, max_length=200)
    bestandstype = models.CharField(_("bestandstype"), max_length=10)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))
    sha256 = models.CharField(max_length=64, editable=False)
    toegevoegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    door_klant = models.BooleanField(_("door de klant"), default=False)
    toegevoegd_op = models.DateTimeField(_("toegevoegd op"), default=timezone.now)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["zaak_id", "toegevoegd_op", "id"]

    def __str__(self):
        return f"{self.zaak}: {self.naam}"
