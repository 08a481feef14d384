"""Chats and their messages."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition


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
    # The citizen ended an accepted chat; the agent still wraps it up (the
    # contact, first-contact resolution, a follow-up) and ends it.
    klant_vertrokken_op = models.DateTimeField(_("klant vertrokken op"), null=True, blank=True)
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

    # Transitions are called only from kanalen.chat.services.
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
