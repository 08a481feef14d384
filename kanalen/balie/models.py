"""The counter: desks, appointment schedules, appointments and kiosk tickets."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from kcc.choices import KanaalSoort, Weekdag


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


class BalieApparaat(models.Model):
    """A kiosk or waiting-room display in the building, registered by the
    beheerder: its token (kept as a hash) in the device's cookie lets it use
    the kiosk and the display from outside the counter's network."""

    naam = models.CharField(
        _("naam"), max_length=100, help_text=_("Bijvoorbeeld: Kiosk hal stadhuis.")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    actief = models.BooleanField(_("actief"), default=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now, editable=False)
    laatst_gezien_op = models.DateTimeField(_("laatst gezien op"), null=True, editable=False)

    class Meta:
        verbose_name = _("balie-apparaat")
        verbose_name_plural = _("balie-apparaten (kiosk en wachtkamerscherm)")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Afspraakrooster(models.Model):
    """When a product can be booked: on a weekday from `van` to `tot`, slots of
    `slotduur_minuten`, each for `balies` customers at once (the desks
    reserved for it). Public holidays and closing days have no slots."""

    product = models.ForeignKey(
        "producten.Product", on_delete=models.CASCADE, related_name="afspraakroosters"
    )
    weekdag = models.PositiveSmallIntegerField(_("dag"), choices=Weekdag.choices)
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

    # Transitions are called only from kanalen.balie.afspraken.
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

    # Transitions are called only from kanalen.balie.wachtnummers.
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
