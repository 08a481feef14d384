"""Rollups: the raw contacts and queue events summed per day (and half hour), kept
current by Celery (dashboard.rollups). The dashboard reads these, so a month
or a year of 10 million contacts is a few thousand rows. Only the dashboard
writes them; they can always be rebuilt from the raw data."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kcc import formaat
from kcc.choices import KanaalSoort

# Waiting-time thresholds (s) the queue rollup counts "within" for; the
# service level of a channel uses its own norm when it is one of these.
DREMPELS = (10, 20, 30, 60, 120, 300, 600, 900)


class Contactcijfers(models.Model):
    """What every contact rollup sums."""

    contacten = models.PositiveIntegerField(default=0)
    # FCR: contacts with a question whose answer was recorded (yes/no), and the yes.
    met_vraag = models.PositiveIntegerField(default=0)
    in_een_keer_goed = models.PositiveIntegerField(default=0)
    # Same customer, same product (or subject) within the 7 days before.
    herhaald = models.PositiveIntegerField(default=0)
    # Handled by an agent, with its talk time and after-contact work.
    behandeld = models.PositiveIntegerField(default=0)
    duur_seconden = models.BigIntegerField(default=0)
    nawerk_seconden = models.BigIntegerField(default=0)

    class Meta:
        abstract = True


class ContactenPerHalfuur(Contactcijfers):
    datum = models.DateField()
    # The half hour of the day: 0 is 00:00-00:30, 19 is 09:30-10:00.
    halfuur = models.PositiveSmallIntegerField()
    kanaal = models.CharField(max_length=20, choices=KanaalSoort.choices)

    class Meta:
        verbose_name = _("contacten per half uur")
        constraints = [
            models.UniqueConstraint(
                fields=["datum", "halfuur", "kanaal"], name="rollup_contact_halfuur"
            )
        ]

    def __str__(self):
        uur, minuut = divmod(self.halfuur * 30, 60)
        return f"{formaat.datum(self.datum)} {uur:02d}:{minuut:02d} {self.kanaal}"


class ContactenPerMedewerker(Contactcijfers):
    datum = models.DateField()
    kanaal = models.CharField(max_length=20, choices=KanaalSoort.choices)
    medewerker = models.ForeignKey(
        "kcc.User", null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )

    class Meta:
        verbose_name = _("contacten per medewerker")
        indexes = [models.Index(fields=["datum", "kanaal"])]

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} {self.kanaal} {self.medewerker_id}"


class ContactenPerProduct(Contactcijfers):
    datum = models.DateField()
    kanaal = models.CharField(max_length=20, choices=KanaalSoort.choices)
    product = models.ForeignKey(
        "producten.Product",
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("contacten per product")
        indexes = [models.Index(fields=["datum", "kanaal"])]

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} {self.kanaal} {self.product_id}"


class WachtrijPerHalfuur(models.Model):
    """Queue events of the queued channels per hour: offered, answered (with
    the total wait and how many within each threshold), abandoned."""

    datum = models.DateField()
    halfuur = models.PositiveSmallIntegerField()
    kanaal = models.CharField(max_length=20, choices=KanaalSoort.choices)
    aangeboden = models.PositiveIntegerField(default=0)
    beantwoord = models.PositiveIntegerField(default=0)
    wacht_seconden = models.BigIntegerField(default=0)
    verlaten = models.PositiveIntegerField(default=0)
    verlaten_binnen_5 = models.PositiveIntegerField(default=0)
    # Per threshold in DREMPELS: answered within it, abandoned within it.
    beantwoord_10 = models.PositiveIntegerField(default=0)
    beantwoord_20 = models.PositiveIntegerField(default=0)
    beantwoord_30 = models.PositiveIntegerField(default=0)
    beantwoord_60 = models.PositiveIntegerField(default=0)
    beantwoord_120 = models.PositiveIntegerField(default=0)
    beantwoord_300 = models.PositiveIntegerField(default=0)
    beantwoord_600 = models.PositiveIntegerField(default=0)
    beantwoord_900 = models.PositiveIntegerField(default=0)
    verlaten_10 = models.PositiveIntegerField(default=0)
    verlaten_20 = models.PositiveIntegerField(default=0)
    verlaten_30 = models.PositiveIntegerField(default=0)
    verlaten_60 = models.PositiveIntegerField(default=0)
    verlaten_120 = models.PositiveIntegerField(default=0)
    verlaten_300 = models.PositiveIntegerField(default=0)
    verlaten_600 = models.PositiveIntegerField(default=0)
    verlaten_900 = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("wachtrij per half uur")
        constraints = [
            models.UniqueConstraint(
                fields=["datum", "halfuur", "kanaal"], name="rollup_wachtrij_halfuur"
            )
        ]

    def __str__(self):
        uur, minuut = divmod(self.halfuur * 30, 60)
        return f"{formaat.datum(self.datum)} {uur:02d}:{minuut:02d} {self.kanaal}"


class BeschikbaarheidPerMedewerker(models.Model):
    """Per day and agent: the seconds logged in per status, from the status
    periods (occupancy: handling time / available and busy time)."""

    datum = models.DateField()
    medewerker = models.ForeignKey(
        "kcc.User", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    beschikbaar_seconden = models.PositiveIntegerField(default=0)
    bezet_seconden = models.PositiveIntegerField(default=0)
    pauze_seconden = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("beschikbaarheid per medewerker")
        constraints = [
            models.UniqueConstraint(
                fields=["datum", "medewerker"], name="rollup_beschikbaarheid_dag"
            )
        ]

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} {self.medewerker_id}"


class ContactenPerDoelgroep(models.Model):
    """Per day and channel: contacts by who the customer is (a person by age
    band, a business, an institution, or not identified)."""

    class Doelgroep(models.TextChoices):
        TOT_30 = "persoon_tot_30", _("Inwoner jonger dan 30")
        TOT_50 = "persoon_30_49", _("Inwoner van 30 tot 50")
        TOT_67 = "persoon_50_66", _("Inwoner van 50 tot 67")
        VANAF_67 = "persoon_67", _("Inwoner van 67 of ouder")
        PERSOON = "persoon", _("Inwoner, leeftijd onbekend")
        BEDRIJF = "bedrijf", _("Bedrijf")
        INSTELLING = "instelling", _("Instelling")
        ONBEKEND = "onbekend", _("Niet geïdentificeerd")

    datum = models.DateField()
    kanaal = models.CharField(max_length=20, choices=KanaalSoort.choices)
    doelgroep = models.CharField(max_length=20, choices=Doelgroep.choices)
    contacten = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("contacten per doelgroep")
        constraints = [
            models.UniqueConstraint(
                fields=["datum", "kanaal", "doelgroep"], name="rollup_contact_doelgroep"
            )
        ]

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} {self.kanaal} {self.doelgroep}"


class Rollupstand(models.Model):
    """How far the rollups have read each source table (its highest id), so
    the next run rebuilds only the days that got new rows."""

    bron = models.CharField(max_length=50, unique=True)
    tot_id = models.BigIntegerField(default=0)
    # Rows in the look-back window below tot_id when it was set (None:
    # unknown). The next run looks back only when that number changed.
    terug_aantal = models.BigIntegerField(null=True)
    bijgewerkt_op = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("stand van de rollups")

    def __str__(self):
        return f"{self.bron}: {self.tot_id}"


class Kpidoel(models.Model):
    """A KPI's target, set by the functional administrator; without a row the
    default in dashboard.selectors.STANDAARD_DOELEN applies."""

    code = models.CharField(_("KPI"), max_length=30, unique=True)
    doel = models.DecimalField(_("doel"), max_digits=8, decimal_places=1)

    class Meta:
        verbose_name = _("KPI-doel")
        verbose_name_plural = _("KPI-doelen")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code}: {formaat.getal(self.doel)}"
