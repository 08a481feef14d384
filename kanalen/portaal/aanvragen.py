"""Applying online: a draft the customer can leave and resume, documents
checked as they are uploaded, and one submission that becomes one case.

The form, the checks and the registration are those of every channel
(``producten.formulier`` and ``zaken.services.zaak_registreren``); this module
only keeps what the customer has entered so far.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kanalen.models import Aanvraag, AanvraagDocument
from kcc import bestanden, invoer
from kcc.auth.inlog import Inlog, niveau_naam
from kcc.choices import KanaalSoort
from kcc.models import User
from klanten.models import Klant
from klanten.services import is_klant_zelf
from producten import services as producten_services
from producten.formulier import antwoorden_controleren, herbruikbare_antwoorden
from producten.models import Product
from zaken import selectors as zaken_selectors
from zaken import services as zaken_services
from zaken.models import Zaak


def _eigen(user: User, klant: Klant) -> None:
    if not is_klant_zelf(user, klant):
        raise PermissionDenied


def online_aanvraagbaar(product: Product) -> bool:
    return (
        product.is_aangeboden()
        and product.kanalen.filter(kanaal=KanaalSoort.INTERNET, aanvragen=True).exists()
    )


def aanvraag_inhoud(aanvraag: Aanvraag, antwoorden: dict | None = None) -> dict:
    """The form as the catalogue defines it now: questions (of a compound
    product also those of the parts that apply to the answers so far),
    required documents and what is prefilled."""
    antwoorden = aanvraag.antwoorden if antwoorden is None else antwoorden
    versie = producten_services.product_huidige_versie(product=aanvraag.product)
    documenten = list(versie.inhoud.get("documenten", []))
    for code in zaken_services.gekozen_onderdelen(versie.inhoud, antwoorden):
        onderdeel = Product.objects.filter(code=code).first()
        if onderdeel is not None:
            inhoud = producten_services.product_huidige_versie(product=onderdeel).inhoud
            documenten += [d for d in inhoud.get("documenten", []) if d not in documenten]
    return {
        "vragen": zaken_services.aanvraagvragen(versie, antwoorden),
        "documenten": documenten,
        "prefill": versie.inhoud.get("prefill", []),
    }


class NiveauTeLaag(ValidationError):
    """The customer logged in at a lower level of assurance than the product
    needs; ``niveau`` is what it needs."""

    def __init__(self, product: Product, inlog: Inlog):
        self.niveau = product.betrouwbaarheidsniveau
        self.middel = inlog.middel
        super().__init__(
            _(
                "Voor %(product)s moet u inloggen met minstens %(nodig)s. "
                "U bent ingelogd met %(huidig)s."
            )
            % {
                "product": product.naam,
                "nodig": niveau_naam(product.betrouwbaarheidsniveau, inlog.middel),
                "huidig": inlog.niveau_naam,
            }
        )


def niveau_eisen(product: Product, inlog: Inlog) -> None:
    """A product asks a minimum level of assurance of an online login."""
    if inlog.niveau < product.betrouwbaarheidsniveau:
        raise NiveauTeLaag(product, inlog)


def aanvraag_voorbereiden(*, klant: Klant, user: User, product: Product, inlog: Inlog) -> Aanvraag:
    """The customer's draft for ``product``; without one, a new application
    (not yet stored: opening a form leaves nothing behind) with the answers
    they gave in earlier requests filled in where they allowed that."""
    _eigen(user, klant)
    if not online_aanvraagbaar(product):
        raise ValidationError(_("Dit product kunt u niet online aanvragen."))
    zaken_services.voor_doelgroep_eisen(product, klant)
    niveau_eisen(product, inlog)
    bestaand = Aanvraag.objects.filter(klant=klant, product=product, zaak__isnull=True).first()
    if bestaand is not None:
        return bestaand
    aanvraag = Aanvraag(klant=klant, product=product)
    eerder = zaken_selectors.eerdere_antwoorden(klant=klant)
    aanvraag.antwoorden = herbruikbare_antwoorden(
        aanvraag_inhoud(aanvraag, eerder)["vragen"], eerder
    )
    return aanvraag


@transaction.atomic
def aanvraag_beginnen(*, klant: Klant, user: User, product: Product, inlog: Inlog) -> Aanvraag:
    """Store the draft when the customer first saves or goes on (or resume
    the one there is). The customer's row lock makes two tabs that send the
    first page at once start one draft."""
    _eigen(user, klant)
    Klant.objects.select_for_update().filter(pk=klant.pk).first()
    aanvraag = aanvraag_voorbereiden(klant=klant, user=user, product=product, inlog=inlog)
    if aanvraag.pk is None:
        aanvraag.save()
    return aanvraag


class AanvraagAlVerstuurd(ValidationError):
    """The draft was sent meanwhile (another tab, a double click)."""


def _concept(aanvraag: Aanvraag, user: User) -> Aanvraag:
    """The draft, locked, still a draft; raises AanvraagAlVerstuurd when it was
    submitted meanwhile."""
    _eigen(user, aanvraag.klant)
    aanvraag = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
    if not aanvraag.is_concept:
        raise AanvraagAlVerstuurd(_("Deze aanvraag is al verstuurd."))
    return aanvraag


ANTWOORD_MAXIMUM = invoer.NOTITIE  # the longest answer a form's question takes


def antwoorden_lengte_eisen(antwoorden: dict) -> None:
    """An answer longer than any question takes is refused, not cut: the
    customer sees which and keeps what they typed."""
    fouten = {
        sleutel: invoer.te_lang(str(waarde), ANTWOORD_MAXIMUM)
        for sleutel, waarde in antwoorden.items()
        if len(str(waarde)) > ANTWOORD_MAXIMUM
    }
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def aanvraag_bewaren(*, aanvraag: Aanvraag, user: User, antwoorden: dict) -> Aanvraag:
    """Keep the answers as typed, also unfinished ones: a draft is checked
    when it is submitted, not while it is being filled in."""
    aanvraag = _concept(aanvraag, user)
    sleutels = {v["sleutel"] for v in aanvraag_inhoud(aanvraag, antwoorden)["vragen"]}
    antwoorden_lengte_eisen(antwoorden)
    aanvraag.antwoorden = {
        s: str(w) for s, w in antwoorden.items() if s in sleutels and w not in (None, "")
    }
    aanvraag.bijgewerkt_op = timezone.now()
    aanvraag.save(update_fields=["antwoorden", "bijgewerkt_op"])
    return aanvraag


def antwoorden_fouten(aanvraag: Aanvraag) -> dict[str, list[str]]:
    """What is still wrong or missing in the answers, per question."""
    try:
        antwoorden_controleren(aanvraag_inhoud(aanvraag)["vragen"], aanvraag.antwoorden)
    except ValidationError as fout:
        return {k: [m for e in v for m in e.messages] for k, v in fout.error_dict.items()}
    return {}


def ontbrekende_documenten(aanvraag: Aanvraag) -> list[str]:
    aanwezig = {d.naam for d in aanvraag.documenten.all()}
    return [
        d["naam"]
        for d in aanvraag_inhoud(aanvraag)["documenten"]
        if d.get("verplicht", True) and d["naam"] not in aanwezig
    ]


@transaction.atomic
def aanvraag_document_toevoegen(
    *, aanvraag: Aanvraag, user: User, bestand, naam: str
) -> AanvraagDocument:
    """Check an upload by its content against the product's requirement and
    keep it with the draft (another upload for the same requirement replaces it)."""
    aanvraag = _concept(aanvraag, user)
    vereiste = next((d for d in aanvraag_inhoud(aanvraag)["documenten"] if d["naam"] == naam), None)
    if vereiste is None:
        raise ValidationError(_("Kies voor welk document dit bestand is."))
    soort = bestanden.upload_controleren(
        bestand,
        toegestaan=vereiste.get("bestandstypen") or None,
        max_mb=vereiste.get("max_mb") or settings.UPLOAD_MAX_MB,
    )
    for oud in aanvraag.documenten.filter(naam=naam):
        _document_weg(oud)
    document = AanvraagDocument(
        aanvraag=aanvraag,
        naam=naam,
        bestandsnaam=bestanden.veilige_bestandsnaam(bestand.name or ""),
        bestandstype=soort,
        grootte=bestand.size,
    )
    document.bestand.save("upload", bestand, save=False)
    try:
        document.save()
    except Exception:
        document.bestand.delete(save=False)
        raise
    return document


def _document_weg(document: AanvraagDocument) -> None:
    """Remove the row now and the file once that is committed (a rollback
    keeps both)."""
    opslag, pad = document.bestand.storage, document.bestand.name
    document.delete()
    transaction.on_commit(lambda: opslag.delete(pad))


@transaction.atomic
def aanvraag_document_verwijderen(*, document: AanvraagDocument, user: User) -> None:
    _concept(document.aanvraag, user)
    _document_weg(document)


@transaction.atomic
def aanvraag_verwijderen(*, aanvraag: Aanvraag, user: User) -> None:
    """Throw a draft away, with its uploads."""
    aanvraag = _concept(aanvraag, user)
    for document in aanvraag.documenten.all():
        _document_weg(document)
    aanvraag.delete()


@transaction.atomic
def aanvraag_indienen(*, aanvraag: Aanvraag, user: User, inlog: Inlog) -> Zaak:
    """Submit the draft: the answers are checked as on every channel, the
    required documents must be there, and it becomes one case (a compound
    product: a main case with its sub-cases) with the documents on it.

    Submitting an application that was already submitted returns its case:
    the row lock makes a double click wait for the first, then see its case.
    """
    _eigen(user, aanvraag.klant)
    aanvraag = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
    if aanvraag.zaak_id is not None:
        return aanvraag.zaak
    # A draft begun at a higher level is sent only at that level: the
    # session may have been renewed in between.
    niveau_eisen(aanvraag.product, inlog)
    fouten = antwoorden_fouten(aanvraag)
    ontbrekend = ontbrekende_documenten(aanvraag)
    if ontbrekend:
        fouten["documenten"] = [
            _("Voeg dit document toe: %(naam)s.") % {"naam": naam} for naam in ontbrekend
        ]
    if fouten:
        raise ValidationError(fouten)
    zaak = zaken_services.zaak_registreren(
        klant=aanvraag.klant,
        product=aanvraag.product,
        kanaal=KanaalSoort.INTERNET,
        antwoorden=aanvraag.antwoorden,
        user=user,
        inlog=inlog,
    )
    for document in aanvraag.documenten.all():
        with document.bestand.open("rb") as inhoud:
            bestand = File(inhoud, name=document.bestandsnaam)
            zaken_services.zaak_document_toevoegen(
                zaak=zaak, user=user, bestand=bestand, naam=document.naam
            )
        _document_weg(document)
    aanvraag.zaak = zaak
    aanvraag.ingediend_op = timezone.now()
    aanvraag.save(update_fields=["zaak", "ingediend_op"])
    return zaak
