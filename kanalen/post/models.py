"""What customers send in writing (e-mail, SMS, letters), with its attachments."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from kcc.choices import KanaalSoort


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

    # Transitions are called only from kanalen.post.services.
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
    # What makes the attachment unsafe to open (macros, JavaScript, a virus),
    # for the agent to see before opening it; the file itself is kept.
    waarschuwing = models.CharField(_("waarschuwing"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self):
        return self.bestandsnaam
