"""Reading the catalogue and the knowledge base: one source for every channel."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kcc.choices import Doelgroep
from producten import zoeken
from producten.models import (
    KennisGebruik,
    KennisItem,
    Levensgebeurtenis,
    OnbeantwoordeZoekvraag,
    Product,
    ProductOnderdeel,
    Publicatiestatus,
    Thema,
)


def _aangeboden_filter(op: date) -> Q:
    return (
        Q(status=Publicatiestatus.GEPUBLICEERD)
        & (Q(geldig_vanaf__isnull=True) | Q(geldig_vanaf__lte=op))
        & (Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=op))
    )


def producten_aangeboden(*, op: date | None = None) -> QuerySet[Product]:
    """Published products valid on ``op`` (today): what citizens are offered."""
    return Product.objects.filter(_aangeboden_filter(op or timezone.localdate())).select_related(
        "aanbieder"
    )


def producten_aanvraagbaar(*, doelgroep: str | None = None) -> QuerySet[Product]:
    """Offered products that can be requested on some channel: what an agent
    can start a case for (for a customer of ``doelgroep``)."""
    producten = producten_aangeboden().filter(kanalen__aanvragen=True)
    if doelgroep:
        producten = producten.filter(**{DOELGROEP_VELD[doelgroep]: True})
    return producten.distinct().order_by("naam")


# The product flag that says a customer group may request it.
DOELGROEP_VELD = {
    Doelgroep.BURGER: "voor_burger",
    Doelgroep.BEDRIJF: "voor_bedrijf",
    Doelgroep.INSTELLING: "voor_instelling",
}


def productkeuzes(
    *, kanaal: str | None = None, aanvragen: bool = False, doelgroep: str | None = None
) -> QuerySet[Product]:
    """Offered products for a choice list: only what a list shows (a
    workspace page carries several such lists); with ``doelgroep`` only what
    that group of customers may request."""
    producten = producten_aangeboden()
    if doelgroep:
        producten = producten.filter(**{DOELGROEP_VELD[doelgroep]: True})
    # One filter() call, so both conditions hold for the same channel row
    # (on the internet *and* requestable there, not requestable elsewhere).
    voorwaarden = {}
    if kanaal:
        voorwaarden["kanalen__kanaal"] = kanaal
    if aanvragen:
        voorwaarden["kanalen__aanvragen"] = True
    producten = producten.filter(**voorwaarden)
    if kanaal or aanvragen:
        producten = producten.distinct()
    return producten.select_related(None).only("id", "uuid", "code", "naam").order_by("naam")


def onderdelen_prefetch(*, alleen_aangeboden: bool) -> Prefetch:
    """The parts of compound products; for the public only the offered ones."""
    regels = ProductOnderdeel.objects.select_related("onderdeel")
    if alleen_aangeboden:
        regels = regels.filter(onderdeel__in=producten_aangeboden().values("pk"))
    return Prefetch("onderdeel_regels", queryset=regels)


def _met_details(queryset: QuerySet[Product], *, alleen_aangeboden: bool) -> QuerySet[Product]:
    return queryset.select_related("aanbieder", "afdeling").prefetch_related(
        "kanalen",
        "statusstappen",
        "themas",
        "levensgebeurtenissen",
        "vragen",
        "documenten",
        onderdelen_prefetch(alleen_aangeboden=alleen_aangeboden),
        Prefetch(
            "kennisitems",
            queryset=KennisItem.objects.filter(status=Publicatiestatus.GEPUBLICEERD),
        ),
    )


def product_publiek(*, code: str) -> Product:
    """One offered product with everything its page shows; 404 when not offered."""
    product = _met_details(producten_aangeboden(), alleen_aangeboden=True).filter(code=code).first()
    if product is None:
        raise Http404
    return product


def product_voorbeeld(*, code: str) -> Product:
    """Any product, also a concept, for staff (agents see what citizens see; the
    beheerder previews before publishing)."""
    product = _met_details(Product.objects.all(), alleen_aangeboden=False).filter(code=code).first()
    if product is None:
        raise Http404
    return product


def producten_zoeken(*, zoekterm: str, limit: int = 20) -> list[Product]:
    return zoeken.zoek(
        producten_aangeboden(),
        zoekterm=zoekterm,
        titel="naam",
        trefwoorden="zoekwoorden",
        tekst="omschrijving",
        limit=limit,
    )


def product_herkennen(tekst: str) -> Product | None:
    """The offered product whose name or search words ``tekst`` names, if any."""
    return zoeken.op_titel(producten_aangeboden(), tekst=tekst, titel="naam")


def productgroepen() -> list[Thema]:
    """The themes as product groups, for routing work by skill."""
    return list(Thema.objects.order_by("volgorde", "naam"))


def themas_met_aantal() -> list[Thema]:
    today = timezone.localdate()
    return list(
        Thema.objects.annotate(
            aantal=Count(
                "producten",
                filter=Q(
                    producten__in=Product.objects.filter(_aangeboden_filter(today)).values("pk")
                ),
            )
        ).filter(aantal__gt=0)
    )


def levensgebeurtenissen_met_aantal() -> list[Levensgebeurtenis]:
    today = timezone.localdate()
    return list(
        Levensgebeurtenis.objects.annotate(
            aantal=Count(
                "producten",
                filter=Q(
                    producten__in=Product.objects.filter(_aangeboden_filter(today)).values("pk")
                ),
            )
        ).filter(aantal__gt=0)
    )


def producten_per_groep(*, thema: str | None = None, levensgebeurtenis: str | None = None):
    """The group (theme or life event) and its offered products; 404 when unknown."""
    model, slug = (Thema, thema) if thema else (Levensgebeurtenis, levensgebeurtenis)
    groep = model.objects.filter(slug=slug).first()
    if groep is None:
        raise Http404
    relation = "themas" if thema else "levensgebeurtenissen"
    producten = producten_aangeboden().filter(**{relation: groep}).order_by("naam")
    return groep, list(producten)


def kennisitems_gepubliceerd() -> QuerySet[KennisItem]:
    return KennisItem.objects.filter(status=Publicatiestatus.GEPUBLICEERD)


def kennisitems_zoeken(
    *, zoekterm: str, limit: int = 20, binnen: QuerySet[KennisItem] | None = None
) -> list[KennisItem]:
    """The best published items for ``zoekterm``; ``binnen`` narrows the set first."""
    return zoeken.zoek(
        binnen if binnen is not None else kennisitems_gepubliceerd(),
        zoekterm=zoekterm,
        titel="vraag",
        trefwoorden="trefwoorden",
        tekst="antwoord",
        limit=limit,
    )


def faq_per_thema() -> list[tuple[Thema, list[KennisItem]]]:
    items = kennisitems_gepubliceerd().prefetch_related("themas").order_by("vraag")
    groepen: dict[int, tuple[Thema, list[KennisItem]]] = {}
    for item in items:
        for thema in item.themas.all():
            groepen.setdefault(thema.pk, (thema, []))[1].append(item)
    return sorted(groepen.values(), key=lambda groep: (groep[0].volgorde, groep[0].naam))


def kennisbank_rapport(*, limit: int = 25) -> dict:
    """For the beheerder: which items are used, which fail, what found nothing."""
    gebruik = (
        KennisItem.objects.annotate(
            keer=Count("gebruik"),
            geholpen=Count("gebruik", filter=Q(gebruik__geholpen=True)),
            niet_geholpen=Count("gebruik", filter=Q(gebruik__geholpen=False)),
        )
        .filter(keer__gt=0)
        .order_by("-keer")
    )
    return {
        "meest_gebruikt": list(gebruik[:limit]),
        "vaak_niet_geholpen": list(
            gebruik.filter(niet_geholpen__gt=0).order_by("-niet_geholpen")[:limit]
        ),
        "zonder_resultaat": list(OnbeantwoordeZoekvraag.objects.all()[:limit]),
        "te_herzien": list(
            kennisitems_gepubliceerd()
            .filter(herzien_op__lte=timezone.localdate())
            .select_related("eigenaar")[:limit]
        ),
        "totaal_gebruik": KennisGebruik.objects.count(),
    }
