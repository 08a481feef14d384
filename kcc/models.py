import uuid

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from kcc import formaat
from kcc.identifiers import validate_bsn, validate_kvk_nummer
from kcc.roles import Rol


class Afdeling(models.Model):
    """An organisational unit: the KCC itself or a back-office department."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), blank=True)
    oppaknorm_werkdagen = models.PositiveSmallIntegerField(
        _("oppaknorm (werkdagen)"),
        default=2,
        help_text=_(
            "Binnen hoeveel werkdagen een overgedragen zaak in behandeling moet zijn genomen."
        ),
    )
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelingen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Sluitingsdag(models.Model):
    """A day the municipality is closed besides the public holidays
    (e.g. the Friday after Ascension). Service norms skip it; statutory
    terms (Atw) do not."""

    datum = models.DateField(_("datum"), unique=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)

    class Meta:
        verbose_name = _("sluitingsdag")
        verbose_name_plural = _("sluitingsdagen")
        ordering = ["datum"]

    def __str__(self):
        return f"{self.datum:%d-%m-%Y} {self.omschrijving}"


class User(AbstractUser):
    """Anyone who logs in: staff with a password, citizens through DigiD
    (identified by BSN) and businesses through eHerkenning (by KVK number).

    What a user may do follows from their groups, one per role (kcc.roles).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bsn = models.CharField(
        _("BSN"), max_length=9, unique=True, null=True, blank=True, validators=[validate_bsn]
    )
    kvk_nummer = models.CharField(
        _("KVK-nummer"),
        max_length=8,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_kvk_nummer],
    )
    afdelingen = models.ManyToManyField(
        Afdeling, verbose_name=_("afdelingen"), blank=True, related_name="medewerkers"
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        permissions = [
            ("portaal_gebruiken", _("Mag het klantportaal (PIP) gebruiken")),
            ("werkplek_gebruiken", _("Mag de KCC-werkplek gebruiken")),
            ("klantbeeld_inzien", _("Mag klanten zoeken en het klantbeeld inzien")),
            (
                "kanalen_beantwoorden",
                _("Mag chats, e-mail, sms en brieven van klanten lezen en beantwoorden"),
            ),
            ("zaken_behandelen", _("Mag zaken van de eigen afdeling behandelen")),
            ("zaken_toewijzen", _("Mag zaken toewijzen en heropenen")),
            ("dashboard_bekijken", _("Mag het dashboard bekijken")),
            ("beheer_gebruiken", _("Mag de beheeromgeving gebruiken")),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    @cached_property
    def rollen(self) -> frozenset[str]:
        """The role codes of this user (per request; between requests the
        permission backend keeps them in the cache with the permissions)."""
        if not self.pk:
            return frozenset()
        if self.is_active:
            self.get_all_permissions()  # fills this from the cache when it can
            if "rollen" in self.__dict__:
                return self.__dict__["rollen"]
        return self.rollen_uit_database()

    def rollen_uit_database(self) -> frozenset[str]:
        return frozenset(self.groups.filter(name__in=Rol.values).values_list("name", flat=True))

    def heeft_rol(self, *rollen: str) -> bool:
        return bool(self.rollen.intersection(rollen))

    @property
    def is_klant(self) -> bool:
        """Logged in as a citizen or business, not as staff."""
        return self.heeft_rol(Rol.BURGER)

    @property
    def is_medewerker(self) -> bool:
        return bool(self.rollen - {Rol.BURGER}) or self.is_superuser

    def rollen_label(self) -> str:
        return ", ".join(sorted(self.rollen)) or ("superuser" if self.is_superuser else "-")


class AuditLogQuerySet(models.QuerySet):
    # Bulk changes bypass Model.save/delete, so they are refused here too.
    # On PostgreSQL a trigger refuses them in the database as well.
    def update(self, **kwargs):
        raise PermissionDenied("Het auditlog kan niet worden gewijzigd.")

    def delete(self):
        raise PermissionDenied("Het auditlog kan niet worden verwijderd.")


class AuditLogEntry(models.Model):
    """One line of the protocollering: who read or changed whose data.

    Append-only. Written only through ``kcc.audit.audit_log``.
    """

    class Actie(models.TextChoices):
        INLOGGEN = "inloggen", _("Inloggen")
        INZIEN = "inzien", _("Inzien")
        ZOEKEN = "zoeken", _("Zoeken")
        AANMAKEN = "aanmaken", _("Aanmaken")
        WIJZIGEN = "wijzigen", _("Wijzigen")
        VERWIJDEREN = "verwijderen", _("Verwijderen")
        EXPORTEREN = "exporteren", _("Exporteren")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    # PROTECT: a user with audit history is deactivated, never deleted, so
    # the log keeps saying who it was.
    gebruiker = models.ForeignKey(
        User, verbose_name=_("gebruiker"), null=True, on_delete=models.PROTECT
    )
    gebruikersnaam = models.CharField(_("gebruikersnaam"), max_length=150)
    rollen = models.CharField(_("rollen"), max_length=200)
    actie = models.CharField(_("actie"), max_length=20, choices=Actie.choices)
    betrokkene = models.CharField(
        _("betrokkene"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_("BSN of KVK-nummer van de persoon of organisatie om wie het gaat."),
    )
    object_type = models.CharField(_("soort gegevens"), max_length=100)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    omschrijving = models.CharField(_("wat"), max_length=500)
    reden = models.CharField(_("waarom"), max_length=500)
    pad = models.CharField(_("pagina of API"), max_length=500, blank=True)
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)

    objects = AuditLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditlogregel")
        verbose_name_plural = _("auditlog")
        ordering = ["-tijdstip", "-id"]
        indexes = [models.Index(fields=["betrokkene", "-tijdstip"])]
        default_permissions = ("view",)

    def __str__(self):
        # Local time: the admin's list and title are read by a person.
        return (
            f"{formaat.moment(self.tijdstip)} {self.gebruikersnaam} "
            f"{self.get_actie_display()} {self.object_type}"
        )

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("Het auditlog kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Het auditlog kan niet worden verwijderd.")


class Melding(models.Model):
    """A notice for one staff member (an escalation, a task handed to them).

    Stored, so someone who was not logged in sees it later; pushed live to
    their open pages when they are (``kcc.services.meldingen_versturen``).
    """

    class Soort(models.TextChoices):
        SIGNAAL = "signaal", _("80% van de termijn")
        ESCALATIE = "escalatie", _("Termijn verstreken")
        NIET_OPGEPAKT = "niet_opgepakt", _("Niet op tijd opgepakt")
        TOEGEWEZEN = "toegewezen", _("Aan u toegewezen")
        OVERGEDRAGEN = "overgedragen", _("Overgedragen aan uw afdeling")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ontvanger = models.ForeignKey(
        User, verbose_name=_("ontvanger"), on_delete=models.CASCADE, related_name="meldingen"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    titel = models.CharField(_("titel"), max_length=300)
    url = models.CharField(_("link"), max_length=500, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    gelezen_op = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-aangemaakt", "-id"]
        indexes = [
            models.Index(
                fields=["ontvanger", "-aangemaakt"],
                condition=models.Q(gelezen_op__isnull=True),
                name="melding_ongelezen",
            ),
            models.Index(fields=["ontvanger", "-aangemaakt"], name="melding_ontvanger"),
        ]

    def __str__(self):
        return self.titel


# The standard APIs' clients live in their own module (kcc/koppelingen), under
# this app's label.
from kcc.koppelingen.models import (  # noqa: E402, F401
    Abonnement,
    Applicatie,
    Autorisatie,
    Notificatie,
)
