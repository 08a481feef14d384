"""The Notificaties API 1.0 (the part a subscriber uses) at
/notificaties/api/v1: an applicatie with the scope
``notificaties.consumeren`` registers, reads and ends its own abonnementen,
and lists the kanalen the platform publishes. A new abonnement gets the test
message first and must answer it with 2xx."""

from __future__ import annotations

import uuid as uuidlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from kcc.koppelingen import notificaties
from kcc.koppelingen.models import Abonnement
from kcc.koppelingen.zgw import ValidatieFout, ZgwView, api_url

VERSIE = "1.0.0"
KANAAL_NAMESPACE = uuidlib.UUID("0b7f6a52-4c1e-5d3a-8e9f-2a1b3c4d5e6f")


def abonnement_body(abonnement: Abonnement) -> dict:
    return {
        "url": api_url("notificaties", f"abonnement/{abonnement.uuid}"),
        "callbackUrl": abonnement.callback_url,
        "auth": abonnement.auth,
        "kanalen": abonnement.kanalen,
    }


class NotificatiesView(ZgwView):
    component = "notificaties"
    scope = "notificaties.consumeren"
    api_versie = VERSIE
    parser_classes = [JSONParser]

    def eigen(self):
        return Abonnement.objects.filter(applicatie_id=self.gebruiker.toegang.applicatie_id)


class AbonnementLijst(NotificatiesView):
    def get(self, request):
        return Response([abonnement_body(a) for a in self.eigen().order_by("aangemaakt", "id")])

    def post(self, request):
        body = request.data if isinstance(request.data, dict) else {}
        fouten = []
        callback = body.get("callbackUrl")
        if not isinstance(callback, str) or not callback.startswith(("https://", "http://")):
            fouten.append(("callbackUrl", "invalid", _("Geef een volledige http(s)-URL.")))
        auth = body.get("auth")
        if not isinstance(auth, str) or not auth:
            fouten.append(("auth", "required", _("Geef de Authorization-kop voor de callback.")))
        try:
            kanalen = notificaties.kanalen_controleren(body.get("kanalen"))
        except ValidationError as fout:
            fouten.append(("kanalen", "invalid", " ".join(fout.messages)))
        if fouten:
            raise ValidatieFout(fouten)
        try:
            notificaties.testbericht_sturen(callback, auth)
        except ValidationError as fout:
            raise ValidatieFout(
                [("callbackUrl", "bad-callback", " ".join(fout.messages))]
            ) from None
        with transaction.atomic():
            abonnement = Abonnement.objects.create(
                applicatie_id=self.gebruiker.toegang.applicatie_id,
                callback_url=callback[:1000],
                auth=auth[:1000],
                kanalen=kanalen,
            )
        return Response(abonnement_body(abonnement), status=201)


class AbonnementDetail(NotificatiesView):
    def abonnement(self, uuid) -> Abonnement:
        abonnement = self.eigen().filter(uuid=uuid).first()
        if abonnement is None:
            raise Http404
        return abonnement

    def get(self, request, uuid):
        return Response(abonnement_body(self.abonnement(uuid)))

    def delete(self, request, uuid):
        self.abonnement(uuid).delete()
        return Response(status=204)


class KanaalLijst(NotificatiesView):
    parameters = frozenset({"naam"})

    def get(self, request):
        naam = request.query_params.get("naam")
        return Response(
            [
                {
                    "url": api_url("notificaties", f"kanaal/{uuidlib.uuid5(KANAAL_NAMESPACE, k)}"),
                    "naam": k,
                    "filters": kenmerken,
                }
                for k, kenmerken in notificaties.KANALEN.items()
                if naam in (None, k)
            ]
        )
