"""The mail server's and SMS gateway's webhooks: what a customer sent comes in
here.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from kanalen import webhooks
from kanalen.api import WebhookFout, WebhookSchema
from kanalen.post import services as post_services
from kcc.api_parsers import json_lezen

logger = logging.getLogger(__name__)


class InboxitemOutput(serializers.Serializer):
    uuid = serializers.UUIDField()
    kanaal = serializers.CharField()
    uiterlijk_op = serializers.DateField(allow_null=True)


class _InboxWebhook(APIView):
    """Signed like the telephony webhook (``X-KCC-Tijdstip``,
    ``X-KCC-Handtekening``), with the inbox's own secret."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    schema = WebhookSchema()

    def verwerk(self, request, body: bytes):
        raise NotImplementedError

    def post(self, request):
        body = request.body
        try:
            webhooks.handtekening_controleren(
                body=body,
                tijdstip=request.headers.get("X-KCC-Tijdstip"),
                ontvangen=request.headers.get("X-KCC-Handtekening"),
                geheim=settings.INBOX_WEBHOOK_GEHEIM,
            )
            item = self.verwerk(request, body)
        except webhooks.WebhookGeweigerd as fout:
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
        return post_services.email_ontvangen(ruw=body)


class SmsInput(serializers.Serializer):
    id = serializers.CharField(max_length=300, help_text="The gateway's message id.")
    van = serializers.CharField(max_length=30)
    tekst = serializers.CharField(max_length=2000)


class InboxSmsView(_InboxWebhook):
    """An incoming SMS from the gateway."""

    # The body is read as JSON whatever its Content-Type says (the signature
    # covers the raw bytes), so only JSON is described.
    @extend_schema(request={"application/json": SmsInput}, responses={201: InboxitemOutput})
    def post(self, request):
        return super().post(request)

    def verwerk(self, request, body):
        try:
            data = json_lezen(body)
        except ValueError as fout:
            raise webhooks.WebhookGeweigerd(f"body is not JSON: {fout}") from None
        invoer = SmsInput(data=data if isinstance(data, dict) else {})
        if not invoer.is_valid():
            raise webhooks.WebhookGeweigerd(f"invalid SMS: {dict(invoer.errors)}")
        return post_services.sms_ontvangen(
            van=invoer.validated_data["van"],
            tekst=invoer.validated_data["tekst"],
            bericht_id=invoer.validated_data["id"],
        )
