"""Writes to the catalogue and the knowledge base."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from kcc.choices import KanaalSoort
from kcc.models import User
from producten.models import (
    KennisGebruik,
    KennisItem,
    OnbeantwoordeZoekvraag,
    Product,
    ProductVersie,
    Publicatiestatus,
)


def product_snapshot(product: Product) -> dict:
    """Everything a case registered now is promised: norms, costs, steps, form."""
    return {
        "code": product.code,
        "naam": product.naam,
        "aanbieder": product.aanbieder.code,
        "afdeling": product.afdeling.code if product.afdeling else None,
        "servicenorm": (
            [product.servicenorm_aantal, product.servicenorm_eenheid]
            if product.servicenorm_aantal is not None
            else None
        ),
        "wettelijke_termijn": (
            [product.wettelijke_termijn_aantal, product.wettelijke_termijn_eenheid]
            if product.wettelijke_termijn_aantal is not None
            else None
        ),
        "klaar_terwijl_u_wacht": product.klaar_terwijl_u_wacht,
        "overdracht": product.overdracht_instructie,
        "kanalen": {
            pk.kanaal: {
                "aanvragen": pk.aanvragen,
                "kosten": None if pk.kosten is None else str(pk.kosten),
            }
            for pk in product.kanalen.order_by("kanaal")
        },
        "statusstappen": [
            {
                "fase": stap.fase,
                "naam": stap.naam,
                "burgertekst": stap.burgertekst,
                "klant_informeren": stap.klant_informeren,
            }
            for stap in product.statusstappen.all()
        ],
        "vragen": [
            {
                "sleutel": v.sleutel,
                "vraag": v.vraag,
                "toelichting": v.toelichting,
                "soort": v.soort,
                "verplicht": v.verplicht,
                "keuzes": v.keuzes_lijst(),
                "minimum": None if v.minimum is None else str(v.minimum),
                "maximum": None if v.maximum is None else str(v.maximum),
                "weekdagen": v.weekdagen,
            }
            for v in product.vragen.all()
        ],
        "documenten": [
            {
                "naam": d.naam,
                "toelichting": d.toelichting,
                "verplicht": d.verplicht,
                "bestandstypen": d.bestandstypen,
                "max_mb": d.max_mb,
            }
            for d in product.documenten.all()
        ],
        "prefill": list(product.prefill_velden),
        "onderdelen": [
            r.onderdeel.code for r in product.onderdeel_regels.select_related("onderdeel")
        ],
        # A part asked for only when the customer answered "ja" to this question.
        "onderdeel_voorwaarden": {
            r.onderdeel.code: r.alleen_als
            for r in product.onderdeel_regels.select_related("onderdeel")
            if r.alleen_als
        },
    }


def product_versie_vastleggen(*, product: Product, user: User | None = None) -> ProductVersie:
    """Freeze the product as it is now, unless the latest version already says the same.

    The caller must hold the product's row lock (``select_for_update``) and
    pass the row as read under that lock: two saves at once would otherwise
    both claim the next version number, or freeze a stale copy.
    """
    inhoud = product_snapshot(product)
    laatste = product.versies.order_by("-nummer").first()
    if laatste is not None and laatste.inhoud == inhoud:
        return laatste
    return ProductVersie.objects.create(
        product=product,
        nummer=(laatste.nummer + 1) if laatste else 1,
        inhoud=inhoud,
        aangemaakt_door=user,
    )


@transaction.atomic
def product_huidige_versie(*, product: Product, user: User | None = None) -> ProductVersie:
    """The version a case registered now refers to (made if the product changed)."""
    vers = Product.objects.select_for_update().get(pk=product.pk)
    return product_versie_vastleggen(product=vers, user=user)


def publicatie_bezwaren(product: Product) -> list[str]:
    """What still stands in the way of publishing ``product`` (empty: nothing)."""
    bezwaren = []
    if not product.kanalen.exists():
        bezwaren.append(_("Geef aan via welke kanalen het product te krijgen of uitgelegd is."))
    if not product.themas.exists():
        bezwaren.append(_("Kies minstens één thema, zodat inwoners het product vinden."))
    aanvraagbaar = product.kanalen.filter(aanvragen=True).exists()
    if aanvraagbaar and product.servicenorm_aantal is None and not product.klaar_terwijl_u_wacht:
        bezwaren.append(_("Een aan te vragen product heeft een servicenorm nodig."))
    if aanvraagbaar and product.afdeling_id is None and not product.is_samengesteld:
        bezwaren.append(_("Kies de afdeling die aanvragen behandelt."))
    if (
        product.kanalen.filter(kanaal=KanaalSoort.INTERNET, aanvragen=True).exists()
        and not product.is_samengesteld
        and not product.statusstappen.exists()
    ):
        bezwaren.append(_("Een online aan te vragen product heeft statusstappen nodig."))
    return bezwaren


@transaction.atomic
def product_publiceren(*, product: Product, user: User | None = None) -> Product:
    """Publish a concept or withdrawn product; it is offered from its validity date.

    Raises ValidationError with every reason it cannot be published yet.
    """
    product = Product.objects.select_for_update().get(pk=product.pk)
    if not can_proceed(product.publiceren):
        raise ValidationError(_("Dit product is al gepubliceerd."))
    bezwaren = publicatie_bezwaren(product)
    if bezwaren:
        raise ValidationError(bezwaren)
    product.publiceren()
    product.save()
    product_versie_vastleggen(product=product, user=user)
    return product


@transaction.atomic
def product_intrekken(*, product: Product) -> Product:
    """Stop offering a product. Existing cases keep their version."""
    product = Product.objects.select_for_update().get(pk=product.pk)
    if not can_proceed(product.intrekken):
        raise ValidationError(_("Alleen een gepubliceerd product kan worden ingetrokken."))
    product.intrekken()
    product.save()
    return product


@transaction.atomic
def product_gewijzigd(*, product: Product, user: User | None = None) -> None:
    """After an edit (admin, import): a published product gets a new version."""
    vers = Product.objects.select_for_update().get(pk=product.pk)
    if vers.status == Publicatiestatus.GEPUBLICEERD:
        product_versie_vastleggen(product=vers, user=user)


@transaction.atomic
def kennisitem_publiceren(*, item: KennisItem) -> KennisItem:
    item = KennisItem.objects.select_for_update().get(pk=item.pk)
    if not can_proceed(item.publiceren):
        raise ValidationError(_("Dit kennisitem is al gepubliceerd."))
    if not item.antwoord.strip():
        raise ValidationError(_("Een kennisitem zonder antwoord kan niet worden gepubliceerd."))
    item.publiceren()
    item.save()
    return item


@transaction.atomic
def kennisitem_intrekken(*, item: KennisItem) -> KennisItem:
    item = KennisItem.objects.select_for_update().get(pk=item.pk)
    if not can_proceed(item.intrekken):
        raise ValidationError(_("Alleen een gepubliceerd kennisitem kan worden ingetrokken."))
    item.intrekken()
    item.save()
    return item


def kennisgebruik_vastleggen(
    *, item: KennisItem, user: User, kanaal: str, geholpen: bool
) -> KennisGebruik:
    """An agent answered with ``item``; ``geholpen`` says whether it answered the question."""
    if kanaal not in KanaalSoort.values:
        raise ValidationError(_("Onbekend kanaal."))
    return KennisGebruik.objects.create(item=item, gebruiker=user, kanaal=kanaal, geholpen=geholpen)


ZOEKVRAGEN_MAXIMUM = 10_000
ZOEKVRAGEN_BEWAARTERMIJN_DAGEN = 180


def _zonder_persoonsgegevens(zoekterm: str) -> str:
    # People type a BSN, phone number or e-mail address into a search box;
    # those are not what the beheerder needs to see, and are not kept.
    woorden = [
        "…" if "@" in woord or sum(ch.isdigit() for ch in woord) >= 2 else woord
        for woord in zoekterm.lower().split()
    ]
    return " ".join(woorden)[:200]


def zoekvraag_zonder_resultaat(*, zoekterm: str, bron: str) -> None:
    """Count a search that found nothing, so the beheerder sees what is missing.

    Numbers and e-mail addresses are masked; at most ZOEKVRAGEN_MAXIMUM
    distinct questions are kept (so a bot cannot fill the table), each for
    ZOEKVRAGEN_BEWAARTERMIJN_DAGEN after it was last asked.
    """
    term = _zonder_persoonsgegevens(zoekterm)
    if not term.replace("…", "").strip():
        return
    rij = OnbeantwoordeZoekvraag.objects.filter(zoekterm=term, bron=bron).first()
    if rij is None:
        if OnbeantwoordeZoekvraag.objects.count() >= ZOEKVRAGEN_MAXIMUM:
            return
        rij, _created = OnbeantwoordeZoekvraag.objects.get_or_create(zoekterm=term, bron=bron)
    OnbeantwoordeZoekvraag.objects.filter(pk=rij.pk).update(
        aantal=F("aantal") + 1, laatst=timezone.now()
    )


def zoekvragen_opruimen() -> int:
    """Forget questions nobody asked for ZOEKVRAGEN_BEWAARTERMIJN_DAGEN days."""
    grens = timezone.now() - timedelta(days=ZOEKVRAGEN_BEWAARTERMIJN_DAGEN)
    verwijderd, _per_model = OnbeantwoordeZoekvraag.objects.filter(laatst__lt=grens).delete()
    return verwijderd
