"""The outbox's rows: message templates and the messages to customers."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from kcc import invoer


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
    tekst = models.TextField(_("tekst"), max_length=invoer.BERICHT)
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
    the change it tells about, sent by a worker (kanalen.berichten.services)."""

    class Kanaal(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("Sms")
        PORTAAL = "portaal", _("Alleen in Mijn omgeving")
        # Printed and posted by the KCC (kanalen.post); "verzonden" once posted.
        POST = "post", _("Brief per post")

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

    # Transitions are called only from kanalen.berichten.services.
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
