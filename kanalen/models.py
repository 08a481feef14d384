import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

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
