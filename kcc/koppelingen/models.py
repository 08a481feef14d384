"""API clients (applicaties), what each may read (autorisaties), and the
abonnementen on the platform's notifications with their outbox."""

import hashlib
import secrets
import uuid

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from kcc.choices import Vertrouwelijkheid


class Component(models.TextChoices):
    ZAKEN = "zaken", _("Zaken API")
    CATALOGI = "catalogi", _("Catalogi API")
    DOCUMENTEN = "documenten", _("Documenten API")
    KLANTINTERACTIES = "klantinteracties", _("Klantinteracties API")
    NOTIFICATIES = "notificaties", _("Notificaties")


# The scopes each component knows; phase 1 reads, and subscribes to notifications.
SCOPES = {
    Component.ZAKEN: ["zaken.lezen"],
    Component.CATALOGI: ["catalogi.lezen"],
    Component.DOCUMENTEN: ["documenten.lezen"],
    Component.KLANTINTERACTIES: ["klantinteracties.lezen"],
    Component.NOTIFICATIES: ["notificaties.consumeren"],
}
# Components whose data belongs to a product: granted per product, up to a
# maximum confidentiality.
PER_PRODUCT = {Component.ZAKEN, Component.CATALOGI, Component.DOCUMENTEN}


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Applicatie(models.Model):
    """Another system that uses the standard APIs: Open Inwoner, KISS, a
    zaaksysteem. It signs a ZGW JWT with its secret (HS256), or sends its
    token to the Klantinteracties API."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label = models.CharField(_("naam"), max_length=100, help_text=_("Bijvoorbeeld 'Open Inwoner'."))
    client_id = models.CharField(
        _("client-ID"),
        max_length=100,
        unique=True,
        help_text=_("Wat de applicatie als client_id in haar JWT zet."),
    )
    secret = models.CharField(
        _("geheim"),
        max_length=200,
        help_text=_(
            "Waarmee de applicatie haar JWT ondertekent (HS256); minstens 32 tekens. "
            "Geef het via een veilige weg door."
        ),
    )
    token_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    alle_rechten = models.BooleanField(
        _("mag alles lezen"),
        default=False,
        help_text=_("Alle componenten, alle producten, elke vertrouwelijkheid."),
    )
    actief = models.BooleanField(_("actief"), default=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("applicatie")
        verbose_name_plural = _("applicaties (API-koppelingen)")
        ordering = ["label"]

    def __str__(self):
        return self.label

    def clean(self):
        if self.secret and len(self.secret) < 32:
            raise ValidationError({"secret": _("Het geheim moet minstens 32 tekens zijn.")})

    def token_maken(self) -> str:
        """A new Klantinteracties token: stored as its hash, shown once."""
        token = secrets.token_hex(20)
        self.token_hash = token_hash(token)
        return token


class Autorisatie(models.Model):
    """What an applicatie may do with one component: scopes, and for cases,
    catalogue and documents the product (all when empty) up to a maximum
    confidentiality."""

    applicatie = models.ForeignKey(
        Applicatie, on_delete=models.CASCADE, related_name="autorisaties"
    )
    component = models.CharField(_("component"), max_length=20, choices=Component.choices)
    scopes = ArrayField(
        models.CharField(max_length=40),
        verbose_name=_("scopes"),
        help_text=_("Bijvoorbeeld zaken.lezen; gescheiden door komma's."),
    )
    product = models.ForeignKey(
        "producten.Product",
        verbose_name=_("product (zaaktype)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leeg: alle producten."),
    )
    max_vertrouwelijkheid = models.CharField(
        _("maximale vertrouwelijkheid"),
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        default=Vertrouwelijkheid.ZAAKVERTROUWELIJK,
    )

    class Meta:
        verbose_name = _("autorisatie")
        verbose_name_plural = _("autorisaties")
        ordering = ["applicatie", "component", "id"]

    def __str__(self):
        product = self.product or _("alle producten")
        return f"{self.get_component_display()}: {', '.join(self.scopes)} ({product})"

    def clean(self):
        onbekend = set(self.scopes or []) - set(SCOPES.get(self.component, []))
        if onbekend:
            raise ValidationError(
                {
                    "scopes": _("%(scopes)s hoort niet bij deze component; kies uit %(keuze)s.")
                    % {
                        "scopes": ", ".join(sorted(onbekend)),
                        "keuze": ", ".join(SCOPES.get(self.component, [])),
                    }
                }
            )
        if self.product_id and self.component not in PER_PRODUCT:
            raise ValidationError(
                {"product": _("Deze component wordt niet per product toegekend.")}
            )


class Abonnement(models.Model):
    """A system that wants to hear of changes: where to post them (with the
    Authorization header to send) and on which kanalen, each with filters on
    the message's kenmerken."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    applicatie = models.ForeignKey(
        Applicatie,
        verbose_name=_("applicatie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="abonnementen",
        help_text=_("De applicatie die het abonnement aanmaakte, als dat via de API ging."),
    )
    callback_url = models.URLField(_("callback-URL"), max_length=1000)
    auth = models.CharField(
        _("Authorization-kop"),
        max_length=1000,
        blank=True,
        help_text=_("Wat het platform als Authorization-kop meestuurt, bijvoorbeeld 'Token ...'."),
    )
    kanalen = models.JSONField(
        _("kanalen"),
        default=list,
        help_text=_(
            'Bijvoorbeeld [{"naam": "zaken", "filters": {"vertrouwelijkheidaanduiding": '
            '"openbaar"}}]: alleen berichten waarvan elk filter gelijk is aan het kenmerk.'
        ),
    )
    actief = models.BooleanField(_("actief"), default=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnementen op notificaties")
        ordering = ["-aangemaakt"]

    def __str__(self):
        return self.callback_url

    def ontvangt(self, kanaal: str, kenmerken: dict[str, str]) -> bool:
        for abonnement_kanaal in self.kanalen or []:
            if abonnement_kanaal.get("naam") != kanaal:
                continue
            filters = abonnement_kanaal.get("filters") or {}
            if all(kenmerken.get(naam) == waarde for naam, waarde in filters.items()):
                return True
        return False


class NotificatieStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", _("In de wachtrij")
    BEZIG = "bezig", _("Wordt afgeleverd")
    AFGELEVERD = "afgeleverd", _("Afgeleverd")
    MISLUKT = "mislukt", _("Mislukt")


class Notificatie(models.Model):
    """The outbox of notifications: one message for one abonnement, written in
    the transaction of the change it tells about, delivered by a worker at
    least once (kcc.koppelingen.notificaties)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    abonnement = models.ForeignKey(
        Abonnement, on_delete=models.CASCADE, related_name="notificaties"
    )
    kanaal = models.CharField(_("kanaal"), max_length=50)
    bericht = models.JSONField(_("bericht"))
    status = FSMField(
        _("status"),
        max_length=20,
        choices=NotificatieStatus.choices,
        default=NotificatieStatus.WACHTRIJ,
        protected=True,
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    volgende_poging = models.DateTimeField(_("volgende poging"), default=timezone.now)
    geclaimd_op = models.DateTimeField(_("opgepakt op"), null=True, blank=True)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    afgeleverd_op = models.DateTimeField(_("afgeleverd op"), null=True, blank=True)
    laatste_fout = models.CharField(_("laatste fout"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("notificatie")
        verbose_name_plural = _("notificaties (uitgaand)")
        ordering = ["-aangemaakt", "-id"]
        indexes = [models.Index(fields=["status", "volgende_poging"])]

    def __str__(self):
        return f"{self.kanaal} {self.bericht.get('resource')} {self.bericht.get('actie')}"

    # Transitions are called only from kcc.koppelingen.notificaties.
    @transition(field=status, source=NotificatieStatus.WACHTRIJ, target=NotificatieStatus.BEZIG)
    def claimen(self):
        pass

    @transition(field=status, source=NotificatieStatus.BEZIG, target=NotificatieStatus.AFGELEVERD)
    def afgeleverd(self):
        pass

    @transition(field=status, source=NotificatieStatus.BEZIG, target=NotificatieStatus.WACHTRIJ)
    def later_opnieuw(self):
        pass

    @transition(field=status, source=NotificatieStatus.BEZIG, target=NotificatieStatus.MISLUKT)
    def mislukt(self):
        pass

    @transition(field=status, source=NotificatieStatus.MISLUKT, target=NotificatieStatus.WACHTRIJ)
    def opnieuw_versturen(self):
        pass
