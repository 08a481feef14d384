"""What a customer leaves in the portal: online applications (drafts and what
they became) and ratings.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kcc.choices import KanaalSoort


def _conceptpad(instance, filename):
    # A random name, never the customer's: the file name is kept in the row.
    return f"aanvragen/{uuid.uuid4().hex}"


class Aanvraag(models.Model):
    """An online application, from its first draft to the case it became.

    Its uuid is the key of the submission: submitting the same application
    again (a double click, the back button) answers with the case it already
    became instead of a second one.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    klant = models.ForeignKey("klanten.Klant", on_delete=models.CASCADE, related_name="aanvragen")
    product = models.ForeignKey("producten.Product", on_delete=models.PROTECT, related_name="+")
    antwoorden = models.JSONField(_("antwoorden (zoals ingevuld)"), default=dict, blank=True)
    aangemaakt_op = models.DateTimeField(_("begonnen op"), default=timezone.now)
    bijgewerkt_op = models.DateTimeField(_("laatst bewaard"), default=timezone.now)
    zaak = models.OneToOneField(
        "zaken.Zaak",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="aanvraag",
    )
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)

    class Meta:
        verbose_name = _("online aanvraag")
        verbose_name_plural = _("online aanvragen")
        ordering = ["-bijgewerkt_op"]
        indexes = [models.Index(fields=["klant", "-bijgewerkt_op"])]

    def __str__(self):
        return f"{self.product} ({'ingediend' if self.zaak_id else 'concept'})"

    @property
    def is_concept(self) -> bool:
        return self.zaak_id is None


class AanvraagDocument(models.Model):
    """A document uploaded while applying; it moves to the case on submission."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="documenten")
    naam = models.CharField(_("soort document"), max_length=200)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200)
    bestand = models.FileField(_("bestand"), upload_to=_conceptpad, max_length=200)
    bestandstype = models.CharField(_("bestandstype"), max_length=10)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))
    toegevoegd_op = models.DateTimeField(_("toegevoegd op"), default=timezone.now)

    class Meta:
        verbose_name = _("document bij een aanvraag")
        verbose_name_plural = _("documenten bij aanvragen")
        ordering = ["toegevoegd_op"]

    def __str__(self):
        return f"{self.naam}: {self.bestandsnaam}"


class Beoordeling(models.Model):
    """The customer's rating (1-5) of a closed case or a handled contact;
    one per item, for the satisfaction figures (CSAT)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.PROTECT, related_name="beoordelingen"
    )
    zaak = models.OneToOneField(
        "zaken.Zaak", null=True, blank=True, on_delete=models.PROTECT, related_name="beoordeling"
    )
    klantcontact = models.OneToOneField(
        "klanten.Klantcontact",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="beoordeling",
    )
    kanaal = models.CharField(
        _("kanaal van het beoordeelde"), max_length=20, choices=KanaalSoort.choices
    )
    score = models.PositiveSmallIntegerField(_("score (1-5)"))
    opmerking = models.TextField(_("toelichting"), blank=True)
    gegeven_op = models.DateTimeField(_("gegeven op"), default=timezone.now, db_index=True)
    # Copied from the case or contact when the rating is given, so CSAT per
    # agent and per product reads only this table.
    medewerker = models.ForeignKey(
        "kcc.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    product = models.ForeignKey(
        "producten.Product", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        ordering = ["-gegeven_op"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="beoordeling_score_1_tot_5"
            ),
            models.CheckConstraint(
                condition=models.Q(zaak__isnull=False, klantcontact__isnull=True)
                | models.Q(zaak__isnull=True, klantcontact__isnull=False),
                name="beoordeling_van_zaak_of_contact",
            ),
        ]

    def __str__(self):
        return f"{self.score}/5"
