"""The channels themselves, and every model of the front office.

Here: the channel register (``Kanaal`` with its opening hours, norm and cost
per contact) and what happened in the queues of the live channels
(``Wachtrijgebeurtenis``, for service level and ASA). Each room of kanalen
keeps its own models (``kanalen/<room>/models.py``); they are imported below
so Django finds them under the app label ``kanalen``.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from kanalen.balie.models import Afspraak, Afspraakrooster, Balie, BalieApparaat, Wachtnummer
from kanalen.berichten.models import Bericht, BerichtSjabloon, BerichtStatus
from kanalen.chat.models import Chat, Chatbericht
from kanalen.inbox.models import Medewerkerstatus, Statusperiode
from kanalen.portaal.models import Aanvraag, AanvraagDocument, Beoordeling
from kanalen.post.models import InboxBijlage, Inboxitem, InboxStatus
from kanalen.telefonie.models import Gesprek
from kcc import invoer
from kcc.choices import KanaalSoort, Weekdag

__all__ = [
    "Aanvraag",
    "AanvraagDocument",
    "Afspraak",
    "Afspraakrooster",
    "Balie",
    "BalieApparaat",
    "Beoordeling",
    "Bericht",
    "BerichtSjabloon",
    "BerichtStatus",
    "Chat",
    "Chatbericht",
    "Gesprek",
    "InboxBijlage",
    "InboxStatus",
    "Inboxitem",
    "Kanaal",
    "Medewerkerstatus",
    "Openingstijd",
    "Statusperiode",
    "Wachtnummer",
    "Wachtrijgebeurtenis",
]


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
        max_length=invoer.KORT,
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
    Weekdag = Weekdag

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
        "kanalen.Gesprek",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="gebeurtenissen",
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
