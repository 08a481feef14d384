"""Agents for routing: their availability and skills, and how long they were in
each status.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, FSMField, transition

from kcc import formaat


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
    # any other. Called only from kanalen.inbox.routering.
    @transition(field=status, source="*", target=RETURN_VALUE(*Status.values))
    def wijzigen(self, nieuw: str) -> str:
        return nieuw


class Statusperiode(models.Model):
    """How long an agent was in each status: a new period starts at every
    change (kanalen.inbox.routering.status_wijzigen), the open one has no end.
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
        return f"{self.medewerker_id} {self.get_status_display()} {formaat.moment(self.begin)}"
