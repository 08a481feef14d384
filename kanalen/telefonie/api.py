"""The phone system's webhook: call events in, the call as the platform now
sees it out.
"""

import logging

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from kanalen import webhooks
from kanalen.api import WebhookFout, WebhookSchema
from kanalen.models import Wachtrijgebeurtenis
from kanalen.telefonie import services as telefonie_services
from kcc.api_parsers import JSONParser, json_lezen

logger = logging.getLogger(__name__)


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
    schema = WebhookSchema()
    parser_classes = [JSONParser]

    @extend_schema(request=GesprekGebeurtenisInput, responses={200: GesprekOutput})
    def post(self, request):
        body = request.body  # read before DRF parses it: the signature covers the raw bytes
        try:
            webhooks.handtekening_controleren(
                body=body,
                tijdstip=request.headers.get("X-KCC-Tijdstip"),
                ontvangen=request.headers.get("X-KCC-Handtekening"),
            )
            try:
                data = json_lezen(body)
            except ValueError as fout:
                raise webhooks.WebhookGeweigerd(f"body is not JSON: {fout}") from None
            gesprek = telefonie_services.gesprek_gebeurtenis_verwerken(data=data)
        except webhooks.WebhookGeweigerd as fout:
            logger.warning("Telephony event refused (%s): %s", fout.http_status, fout.reden)
            exc = WebhookFout(detail=fout.reden)
            exc.status_code = fout.http_status
            raise exc from None
        return Response(GesprekOutput({"uuid": gesprek.uuid, "status": gesprek.status}).data)
