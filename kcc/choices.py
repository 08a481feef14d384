"""Choices shared by every building block."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class KanaalSoort(models.TextChoices):
    """The ways a customer reaches the municipality. The registry of their
    opening hours, norms and costs is ``kanalen.Kanaal``; other apps store
    the code."""

    BALIE = "balie", _("Balie")
    TELEFOON = "telefoon", _("Telefoon")
    INTERNET = "internet", _("Internet")
    EMAIL = "email", _("E-mail")
    POST = "post", _("Post")
    CHAT = "chat", _("Chat")
    SMS = "sms", _("Sms")


class Doelgroep(models.TextChoices):
    BURGER = "burger", _("Inwoners")
    BEDRIJF = "bedrijf", _("Ondernemers")
    INSTELLING = "instelling", _("Instellingen")
