import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kcc.identifiers import validate_bsn, validate_kvk_nummer, validate_vestigingsnummer


class Klant(models.Model):
    """A customer: a natural person (BSN), a business (KVK) or an institution."""

    class Soort(models.TextChoices):
        PERSOON = "persoon", _("Persoon")
        BEDRIJF = "bedrijf", _("Bedrijf")
        INSTELLING = "instelling", _("Instelling")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    bsn = models.CharField(
        _("BSN"), max_length=9, unique=True, null=True, blank=True, validators=[validate_bsn]
    )
    kvk_nummer = models.CharField(
        _("KVK-nummer"), max_length=8, blank=True, validators=[validate_kvk_nummer]
    )
    vestigingsnummer = models.CharField(
        _("vestigingsnummer"), max_length=12, blank=True, validators=[validate_vestigingsnummer]
    )
    voornamen = models.CharField(_("voornamen"), max_length=200, blank=True)
    voorvoegsel = models.CharField(_("voorvoegsel"), max_length=20, blank=True)
    geslachtsnaam = models.CharField(_("achternaam"), max_length=200, blank=True)
    geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True)
    organisatienaam = models.CharField(_("naam organisatie"), max_length=200, blank=True)
    straat = models.CharField(_("straat"), max_length=200, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=10, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    woonplaats = models.CharField(_("plaats"), max_length=100, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=20, blank=True)

    class Berichtvoorkeur(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("Sms")
        PORTAAL = "portaal", _("Alleen in Mijn omgeving")

    berichtvoorkeur = models.CharField(
        _("berichten ontvangen via"),
        max_length=10,
        choices=Berichtvoorkeur.choices,
        default=Berichtvoorkeur.EMAIL,
        help_text=_(
            "Hoe de klant berichten over zaken krijgt. Ze staan altijd ook in Mijn omgeving."
        ),
    )
    geheimhouding = models.BooleanField(
        _("geheimhouding"),
        default=False,
        help_text=_("Het adres wordt afgeschermd voor medewerkers die het niet nodig hebben."),
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("klant")
        verbose_name_plural = _("klanten")
        ordering = ["geslachtsnaam", "organisatienaam", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kvk_nummer", "vestigingsnummer"],
                condition=~Q(kvk_nummer=""),
                name="klant_unieke_vestiging",
            ),
        ]
        indexes = [
            models.Index(fields=["postcode", "huisnummer"]),
            models.Index(fields=["geslachtsnaam", "geboortedatum"]),
            models.Index(fields=["kvk_nummer"]),
        ]

    def __str__(self):
        return self.naam

    @property
    def naam(self) -> str:
        if self.soort != self.Soort.PERSOON:
            return self.organisatienaam
        achternaam = " ".join(p for p in [self.voorvoegsel, self.geslachtsnaam] if p)
        return " ".join(p for p in [self.voornamen, achternaam] if p)

    @property
    def identificatie(self) -> str:
        """The number the audit log files this customer under."""
        return self.bsn or self.kvk_nummer or ""

    def bekende_gegevens(self, velden: list[str], *, adres_afschermen: bool) -> list[tuple]:
        """(label, value) of the fields a product's form prefills, as far as
        we know them; a shielded address is named but not shown."""
        labels = {
            "naam": _("Naam"),
            "geboortedatum": _("Geboortedatum"),
            "adres": _("Adres"),
            "email": _("E-mailadres"),
            "telefoon": _("Telefoonnummer"),
            "bsn": _("BSN"),
            "kvk_nummer": _("KVK-nummer"),
        }
        gegevens = []
        for veld in velden:
            if veld == "adres" and adres_afschermen and self.geheimhouding:
                waarde = _("afgeschermd (geheimhouding)")
            else:
                waarde = getattr(self, veld, "") or ""
            if veld in labels and waarde:
                gegevens.append((labels[veld], waarde))
        return gegevens

    @property
    def adres(self) -> str:
        if not self.straat:
            return ""
        return f"{self.straat} {self.huisnummer}, {self.postcode} {self.woonplaats}"
