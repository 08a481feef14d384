"""Read API of the catalogue and the knowledge base (public, like the website)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny

from kcc.choices import Doelgroep, KanaalSoort
from producten import selectors, services
from producten.models import KennisItem, OnbeantwoordeZoekvraag, Product


class ProductKanaalSerializer(serializers.Serializer):
    kanaal = serializers.CharField()
    aanvragen = serializers.BooleanField()
    kosten = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)


# A term or null, written out here: in OpenAPI 3.0 "nullable" next to a $ref
# (what drf-spectacular makes of a serializer with allow_null) does not
# allow null to a strict reader.
TERMIJN_OF_NULL = {
    "type": "object",
    "nullable": True,
    "properties": {
        "aantal": {"type": "integer", "minimum": 0},
        "eenheid": {"type": "string", "description": "dagen, werkdagen of weken"},
    },
    "required": ["aantal", "eenheid"],
}


class StatusstapSerializer(serializers.Serializer):
    fase = serializers.CharField()
    naam = serializers.CharField()
    burgertekst = serializers.CharField()


class DocumentvereisteSerializer(serializers.Serializer):
    naam = serializers.CharField()
    toelichting = serializers.CharField()
    verplicht = serializers.BooleanField()
    bestandstypen = serializers.ListField(child=serializers.CharField())
    max_mb = serializers.IntegerField(min_value=1)


class FormuliervraagSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    vraag = serializers.CharField()
    toelichting = serializers.CharField()
    soort = serializers.CharField()
    verplicht = serializers.BooleanField()
    keuzes = serializers.ListField(source="keuzes_lijst", child=serializers.CharField())


class ProductLijstSerializer(serializers.ModelSerializer):
    aanbieder = serializers.CharField(source="aanbieder.naam")
    ketenpartner = serializers.BooleanField(source="aanbieder.is_ketenpartner")
    themas = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Product
        fields = ["uuid", "code", "naam", "samenvatting", "aanbieder", "ketenpartner", "themas"]


class ProductDetailSerializer(ProductLijstSerializer):
    levensgebeurtenissen = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    doelgroepen = serializers.ListField(child=serializers.CharField())
    voorwaarden = serializers.ListField(source="voorwaarden_lijst", child=serializers.CharField())
    meenemen = serializers.ListField(source="meenemen_lijst", child=serializers.CharField())
    kanalen = ProductKanaalSerializer(many=True)
    servicenorm = serializers.SerializerMethodField()
    wettelijke_termijn = serializers.SerializerMethodField()
    onderdelen = serializers.SerializerMethodField()
    statusstappen = serializers.SerializerMethodField()
    documenten = DocumentvereisteSerializer(many=True)
    vragen = FormuliervraagSerializer(many=True)
    prefill = serializers.ListField(source="prefill_velden", child=serializers.CharField())

    class Meta(ProductLijstSerializer.Meta):
        fields = [
            *ProductLijstSerializer.Meta.fields,
            "omschrijving",
            "voorwaarden",
            "meenemen",
            "aanvragen",
            "levensgebeurtenissen",
            "doelgroepen",
            "kanalen",
            "servicenorm",
            "wettelijke_termijn",
            "klaar_terwijl_u_wacht",
            "onderdelen",
            "statusstappen",
            "documenten",
            "vragen",
            "prefill",
        ]

    @extend_schema_field(TERMIJN_OF_NULL)
    def get_servicenorm(self, product) -> dict | None:
        if product.servicenorm_aantal is None:
            return None
        return {"aantal": product.servicenorm_aantal, "eenheid": product.servicenorm_eenheid}

    @extend_schema_field(TERMIJN_OF_NULL)
    def get_wettelijke_termijn(self, product) -> dict | None:
        if product.wettelijke_termijn_aantal is None:
            return None
        return {
            "aantal": product.wettelijke_termijn_aantal,
            "eenheid": product.wettelijke_termijn_eenheid,
        }

    def get_onderdelen(self, product) -> list[str]:
        return [regel.onderdeel.code for regel in product.onderdeel_regels.all()]

    @extend_schema_field(StatusstapSerializer(many=True))
    def get_statusstappen(self, product) -> list[dict]:
        return [
            {"fase": s.fase, "naam": s.naam, "burgertekst": s.burgertekst}
            for s in product.statusstappen.all()
        ]


class ProductFilter(filters.FilterSet):
    code = filters.CharFilter()
    thema = filters.CharFilter(field_name="themas__slug")
    levensgebeurtenis = filters.CharFilter(field_name="levensgebeurtenissen__slug")
    doelgroep = filters.ChoiceFilter(choices=Doelgroep.choices, method="filter_doelgroep")
    kanaal = filters.ChoiceFilter(
        choices=KanaalSoort.choices,
        method="filter_kanaal",
        label=_("Alleen producten die via dit kanaal aan te vragen zijn"),
    )

    def filter_doelgroep(self, queryset, name, value):
        return queryset.filter(**{f"voor_{value}": True})

    def filter_kanaal(self, queryset, name, value):
        return queryset.filter(kanalen__kanaal=value, kanalen__aanvragen=True)


class ProductListView(generics.ListAPIView):
    """Products the municipality offers now (published and valid)."""

    permission_classes = [AllowAny]
    serializer_class = ProductLijstSerializer
    filterset_class = ProductFilter

    def get_queryset(self):
        return (
            selectors.producten_aangeboden().prefetch_related("themas").order_by("naam").distinct()
        )


class ProductDetailView(generics.RetrieveAPIView):
    """One offered product with its conditions, costs per channel and norms."""

    permission_classes = [AllowAny]
    serializer_class = ProductDetailSerializer
    lookup_field = "uuid"

    def get_queryset(self):
        return selectors.producten_aangeboden().prefetch_related(
            "themas",
            "levensgebeurtenissen",
            "kanalen",
            "statusstappen",
            "vragen",
            "documenten",
            selectors.onderdelen_prefetch(alleen_aangeboden=True),
        )


class KennisItemSerializer(serializers.ModelSerializer):
    producten = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    themas = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = KennisItem
        fields = ["uuid", "vraag", "antwoord", "producten", "themas", "gewijzigd"]


class KennisItemListView(generics.ListAPIView):
    """Published knowledge items; with ``q`` the best matches for a question, best first."""

    permission_classes = [AllowAny]
    serializer_class = KennisItemSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="De vraag in de woorden van de klant"),
            OpenApiParameter("product", str, description="Productcode"),
            OpenApiParameter("thema", str, description="Thema (slug)"),
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        aangeboden = selectors.producten_aangeboden()
        queryset = selectors.kennisitems_gepubliceerd().prefetch_related(
            # Only offered products: a concept's code never leaves the building.
            Prefetch("producten", queryset=aangeboden),
            "themas",
        )
        params = self.request.query_params
        if params.get("product"):
            queryset = queryset.filter(
                producten__in=aangeboden.filter(code=params["product"]).values("pk")
            )
        if params.get("thema"):
            queryset = queryset.filter(themas__slug=params["thema"])
        zoekterm = params.get("q", "").strip()[:200]
        if zoekterm:
            # Narrow first, then rank: the best matches within the filter.
            gevonden = selectors.kennisitems_zoeken(
                zoekterm=zoekterm, limit=100, binnen=queryset.distinct()
            )
            if not gevonden and not params.get("product") and not params.get("thema"):
                # A question the whole knowledge base has no answer to (a
                # chat widget or a colleague's system asking): the beheerder
                # sees it, as from the search pages.
                services.zoekvraag_zonder_resultaat(
                    zoekterm=zoekterm,
                    bron=OnbeantwoordeZoekvraag.Bron.WERKPLEK
                    if self.request.user.has_perm("kcc.werkplek_gebruiken")
                    else OnbeantwoordeZoekvraag.Bron.PORTAAL,
                )
            return gevonden
        return queryset.order_by("vraag").distinct()
