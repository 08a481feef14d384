"""The channel register in the API, and what the channels' webhooks share."""

import logging

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, generics, serializers
from rest_framework.permissions import AllowAny

from kanalen import selectors as kanaal_selectors
from kanalen.models import Kanaal, Openingstijd
from kcc.openapi import KccAutoSchema

logger = logging.getLogger(__name__)


class OpeningstijdSerializer(serializers.ModelSerializer):
    weekdag = serializers.IntegerField(min_value=0, max_value=6, help_text="0 = maandag")

    class Meta:
        model = Openingstijd
        fields = ["weekdag", "open", "dicht"]


class KanaalSerializer(serializers.ModelSerializer):
    openingstijden = OpeningstijdSerializer(many=True)
    norm_percentage = serializers.IntegerField(min_value=0, max_value=100)
    norm_aantal = serializers.IntegerField(min_value=0, allow_null=True)

    class Meta:
        model = Kanaal
        fields = [
            "uuid",
            "soort",
            "naam",
            "bereikbaarheid",
            "norm_percentage",
            "norm_aantal",
            "norm_eenheid",
            "norm_omschrijving",
            "kosten_per_contact",
            "openingstijden",
        ]


class KanaalListView(generics.ListAPIView):
    """The channels on which the municipality can be reached, with hours, norm and cost."""

    permission_classes = [AllowAny]
    serializer_class = KanaalSerializer
    pagination_class = None

    def get_queryset(self):
        return kanaal_selectors.kanalen_alle().filter(actief=True)


class WebhookFout(exceptions.APIException):
    status_code = 400
    default_detail = _("Gebeurtenis geweigerd.")
    default_code = "geweigerd"


class WebhookSchema(KccAutoSchema):
    """A signed webhook reads its body itself (the signature covers the raw
    bytes) and answers what kanalen.webhooks refuses: never a 403 or 415."""

    def leest_body(self) -> bool:
        return True

    def problemen(self) -> dict[int, str]:
        return {
            400: "Gebeurtenis of bericht geweigerd: niet te lezen of niet geldig (zie detail).",
            401: "Geen, een verlopen of een onjuiste handtekening.",
            503: "Dit webhook is niet ingesteld (geen gedeeld geheim).",
        }
