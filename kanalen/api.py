"""API of the channels: the channel registry, and the telephony webhook."""

import json
import logging

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from kanalen import inbox, selectors, telefonie
from kanalen.models import Kanaal, Openingstijd, Wachtrijgebeurtenis

logger = logging.getLogger(__name__)

# Integer fields are declared with their real range, not the database column's
# limits, so the OpenAPI file says what a value may be.


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
        return selectors.kanalen_alle().filter(actief=True)


# --- Telephony (CTI) webhook -----------------------------------------------------------


class WebhookFout(exceptions.APIException):
    status_code = 400
    default_detail = "Gebeurtenis geweigerd."
    default_code = "geweigerd"


class GesprekGebeurtenisInput(serializers.Serializer):
    id = serializers.CharField(
        max_length=100, help_text="Unique id of this event (retries repeat it)."
    )
    gesprek = serializers.CharField(max_length=100, help_text="The phone system's call id.")
    soort = serializers.ChoiceField(choices=Wachtrijgebeurtenis.Soort.choices)
    tijdstip = serializers.DateTimeField(required=False)
    nummer = serializers.CharField(max_length=30, required=False, help_text="Caller (offered).")
    wachtrij = serializers.CharField(max_length=100, required=False)
    medewerker = serializers.CharField(
        max_length=150, required=False, help_text="Username of the agent (answered, transferred)."
    )


class GesprekOutput(serializers.Serializer):
    uuid = serializers.UUIDField()
    status = serializers.CharField()


class GesprekGebeurtenisView(APIView):
    """A call event from the phone system (CTI), signed with the shared
    secret: ``X-KCC-Tijdstip`` (Unix seconds) and ``X-KCC-Handtekening``
    (hex HMAC-SHA256 of ``"<tijdstip>.<body>"``). Unsigned, badly signed,
    stale or malformed events are refused with a problem+json and logged."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes = [JSONParser]

    @extend_schema(request=GesprekGebeurtenisInput, responses={200: GesprekOutput})
    def post(self, request):
        body = request.body  # read before DRF parses it: the signature covers the raw bytes
        try:
            telefonie.handtekening_controleren(
                body=body,
                tijdstip=request.headers.get("X-KCC-Tijdstip"),
                ontvangen=request.headers.get("X-KCC-Handtekening"),
            )
            try:
                data = json.loads(body)
            except ValueError:
                raise telefonie.WebhookGeweigerd("body is not JSON") from None
            gesprek = telefonie.gesprek_gebeurtenis_verwerken(data=data)
        except telefonie.WebhookGeweigerd as fout:
            logger.warning("Telephony event refused (%s): %s", fout.http_status, fout.reden)
            exc = WebhookFout(detail=fout.reden)
            exc.status_code = fout.http_status
            raise exc from None
        return Response(GesprekOutput({"uuid": gesprek.uuid, "status": gesprek.status}).data)


# --- Inbound e-mail and SMS ------------------------------------------------------------


class InboxitemOutput(serializers.Serializer):
    uuid = serializers.UUIDField()
    kanaal = serializers.CharField()
    uiterlijk_op = serializers.DateField(allow_null=True)


class _InboxWebhook(APIView):
    """Signed like the telephony webhook (``X-KCC-Tijdstip``,
    ``X-KCC-Handtekening``), with the inbox's own secret."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    def verwerk(self, request, body: bytes):
        raise NotImplementedError

    def post(self, request):
        body = request.body
        try:
            telefonie.handtekening_controleren(
                body=body,
                tijdstip=request.headers.get("X-KCC-Tijdstip"),
                ontvangen=request.headers.get("X-KCC-Handtekening"),
                geheim=settings.INBOX_WEBHOOK_GEHEIM,
            )
            item = self.verwerk(request, body)
        except telefonie.WebhookGeweigerd as fout:
            logger.warning("Inbound message refused (%s): %s", fout.http_status, fout.reden)
            exc = WebhookFout(detail=fout.reden)
            exc.status_code = fout.http_status
            raise exc from None
        except DjangoValidationError as fout:
            logger.warning("Inbound message refused: %s", fout.messages)
            raise WebhookFout(detail=" ".join(fout.messages)) from None
        return Response(InboxitemOutput(item).data, status=201)


class InboxEmailView(_InboxWebhook):
    """An incoming e-mail from the mail server, the whole message (RFC 5322)
    as the body; the same parser as the IMAP fetch."""

    @extend_schema(
        request={"message/rfc822": OpenApiTypes.BINARY}, responses={201: InboxitemOutput}
    )
    def post(self, request):
        return super().post(request)

    def verwerk(self, request, body):
        return inbox.email_ontvangen(ruw=body)


class SmsInput(serializers.Serializer):
    id = serializers.CharField(max_length=300, help_text="The gateway's message id.")
    van = serializers.CharField(max_length=30)
    tekst = serializers.CharField(max_length=2000)


class InboxSmsView(_InboxWebhook):
    """An incoming SMS from the gateway."""

    @extend_schema(request=SmsInput, responses={201: InboxitemOutput})
    def post(self, request):
        return super().post(request)

    def verwerk(self, request, body):
        try:
            data = json.loads(body)
        except ValueError:
            raise telefonie.WebhookGeweigerd("body is not JSON") from None
        invoer = SmsInput(data=data if isinstance(data, dict) else {})
        if not invoer.is_valid():
            raise telefonie.WebhookGeweigerd(f"invalid SMS: {dict(invoer.errors)}")
        return inbox.sms_ontvangen(
            van=invoer.validated_data["van"],
            tekst=invoer.validated_data["tekst"],
            bericht_id=invoer.validated_data["id"],
        )
