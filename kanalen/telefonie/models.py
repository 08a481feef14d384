"""Phone calls as the phone system reports them."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition


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

    # Transitions are called only from kanalen.telefonie.services. Answering again is
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
