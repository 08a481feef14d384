"""Case API: staff read the cases they may work and change them through the
same services as the screens; a citizen reads only their own cases."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import exceptions, generics, serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from kcc import bestanden, invoer
from kcc.audit import Actie, audit_log
from kcc.models import Afdeling
from kcc.openapi import probleem
from zaken import selectors, services
from zaken.models import Zaak, ZaakDocument, ZaakStatus


class ZaakConflictError(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("De zaak is intussen gewijzigd.")
    default_code = "conflict"


class StatusWijzigingSerializer(serializers.Serializer):
    tijdstip = serializers.DateTimeField()
    naar = serializers.CharField()
    statusstap = serializers.CharField()
    burgertekst = serializers.CharField()


class StatusWijzigingMedewerkerSerializer(StatusWijzigingSerializer):
    """A row of the status history; ``van``, ``reden`` and ``door`` only for staff."""

    # Not required: the schema describes a citizen's rows too.
    van = serializers.CharField(required=False)
    reden = serializers.CharField(required=False)
    door = serializers.CharField(
        source="door.get_username",
        default=None,
        allow_null=True,
        help_text="Gebruikersnaam; leeg bij een stap van het systeem.",
    )


class ZaakSerializer(serializers.ModelSerializer):
    product = serializers.CharField(source="product.naam")
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = Zaak
        fields = [
            "uuid",
            "nummer",
            "product",
            "status",
            "status_label",
            "statusstap",
            "kanaal",
            "geregistreerd_op",
            "streefdatum",
            "uiterste_datum",
            "resultaat",
        ]


class ZaakDocumentSerializer(serializers.ModelSerializer):
    inhoud = serializers.HyperlinkedIdentityField(
        view_name="api-v1:zaakdocument-inhoud", lookup_field="uuid"
    )
    # Declared, so the schema is the same on every database.
    grootte = serializers.IntegerField(min_value=0, help_text="In bytes.")

    class Meta:
        model = ZaakDocument
        fields = [
            "uuid",
            "naam",
            "bestandsnaam",
            "bestandstype",
            "grootte",
            "door_klant",
            "toegevoegd_op",
            "inhoud",
        ]


class ZaakDetailSerializer(ZaakSerializer):
    historie = serializers.SerializerMethodField()
    documenten = ZaakDocumentSerializer(many=True, read_only=True)

    class Meta(ZaakSerializer.Meta):
        fields = [*ZaakSerializer.Meta.fields, "toelichting", "historie", "documenten"]

    @extend_schema_field(StatusWijzigingMedewerkerSerializer(many=True))
    def get_historie(self, zaak) -> list[dict]:
        medewerker = self.context.get("medewerker", False)
        serializer = (
            StatusWijzigingMedewerkerSerializer if medewerker else StatusWijzigingSerializer
        )
        rijen = zaak.historie.all()
        if not medewerker:
            rijen = [r for r in rijen if r.burgertekst]
        return serializer(rijen, many=True).data


# What the case list reads: the serializer's own fields, and of the product
# its name only (not its texts).
_VELDEN = [
    "id",
    "klant",
    "product__naam",
    *(veld for veld in ZaakSerializer.Meta.fields if veld not in {"product", "status_label"}),
]


def _zaken_voor(user):
    if not user.is_authenticated:  # schema generation
        return Zaak.objects.none()
    bereik = selectors.reikwijdte(user)
    zaken = Zaak.objects.select_related("product")
    if bereik.medewerker:
        # Staff reads are audited under the customer's number.
        zaken = zaken.select_related("klant").only(*_VELDEN, "klant__bsn", "klant__kvk_nummer")
    else:
        zaken = zaken.only(*_VELDEN)
    return zaken.filter(selectors.reikwijdte_filter(bereik))


_DATUMTIJD = serializers.DateTimeField()
_DATUM = serializers.DateField()


def _datumtijd(waarde) -> str | None:
    if isinstance(waarde, str):  # from the database's JSON
        waarde = datetime.fromisoformat(waarde)
    return _DATUMTIJD.to_representation(waarde)


def _zaak_detail_weergave(zaak: dict, *, medewerker: bool, request) -> dict:
    """What ZaakDetailSerializer shows, written from zaken.selectors.zaak_detail's
    plain values (tests/test_zaken_api.py checks the two give the same)."""
    historie = []
    for rij in zaak["historie"]:
        regel = {
            "tijdstip": _datumtijd(rij["tijdstip"]),
            "naar": rij["naar"],
            "statusstap": rij["statusstap"],
            "burgertekst": rij["burgertekst"],
        }
        if medewerker:
            regel.update(van=rij["van"], reden=rij["reden"], door=rij["door"])
        historie.append(regel)
    documenten = [
        {
            "uuid": d["uuid"],
            "naam": d["naam"],
            "bestandsnaam": d["bestandsnaam"],
            "bestandstype": d["bestandstype"],
            "grootte": d["grootte"],
            "door_klant": d["door_klant"],
            "toegevoegd_op": _datumtijd(d["toegevoegd_op"]),
            "inhoud": request.build_absolute_uri(
                reverse("api-v1:zaakdocument-inhoud", kwargs={"uuid": d["uuid"]})
            ),
        }
        for d in zaak["documenten"]
    ]
    return {
        "uuid": str(zaak["uuid"]),
        "nummer": zaak["nummer"],
        "product": zaak["product"],
        "status": zaak["status"],
        "status_label": str(ZaakStatus(zaak["status"]).label),
        "statusstap": zaak["statusstap"],
        "kanaal": zaak["kanaal"],
        "geregistreerd_op": _datumtijd(zaak["geregistreerd_op"]),
        "streefdatum": _DATUM.to_representation(zaak["streefdatum"]),
        "uiterste_datum": _DATUM.to_representation(zaak["uiterste_datum"]),
        "resultaat": zaak["resultaat"],
        "toelichting": zaak["toelichting"],
        "historie": historie,
        "documenten": documenten,
    }


class ZaakListView(generics.ListAPIView):
    """Cases: a citizen's own; for staff the cases of their afdelingen (or all, for the KCC)."""

    serializer_class = ZaakSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "status",
                str,
                enum=ZaakStatus.values,
                description="Alleen zaken met deze status (een andere waarde wordt genegeerd).",
            )
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        zaken = _zaken_voor(self.request.user).order_by("-geregistreerd_op")
        status_filter = self.request.query_params.get("status")
        if status_filter in ZaakStatus.values:
            zaken = zaken.filter(status=status_filter)
        return zaken


class ZaakDetailView(generics.RetrieveAPIView):
    """One case with its status history (citizens see the texts meant for them)."""

    serializer_class = ZaakDetailSerializer
    lookup_field = "uuid"

    def get_queryset(self):  # the schema's; retrieve reads through its selector
        return _zaken_voor(self.request.user)

    def retrieve(self, request, *args, **kwargs):
        bereik = selectors.reikwijdte(request.user)
        zaak = selectors.zaak_detail(uuid=kwargs["uuid"], bereik=bereik)
        if zaak is None:
            raise Http404
        if bereik.medewerker:
            audit_log(
                user=request.user,
                actie=Actie.INZIEN,
                obj=Zaak(pk=zaak["id"], uuid=zaak["uuid"], nummer=zaak["nummer"]),
                betrokkene=zaak["klant_bsn"] or zaak["klant_kvk_nummer"] or "",
                request=request,
                omschrijving=f"Zaak {zaak['nummer']} opgevraagd via de API",
                reden="API",
            )
        return Response(_zaak_detail_weergave(zaak, medewerker=bereik.medewerker, request=request))


# --- Changing a case: one endpoint per operation ---------------------------


class VerwachteStatusInput(serializers.Serializer):
    verwachte_status = serializers.ChoiceField(
        choices=ZaakStatus.values,
        required=False,
        help_text="De status die de client zag; is de zaak intussen gewijzigd, dan volgt 409.",
    )


class VraagInput(VerwachteStatusInput):
    vraag = serializers.CharField(
        max_length=invoer.NOTITIE, help_text="Welke informatie de behandelaar nodig heeft."
    )


class RedenInput(VerwachteStatusInput):
    reden = serializers.CharField(
        max_length=invoer.NOTITIE, required=False, allow_blank=True, default=""
    )


class VerplichteRedenInput(VerwachteStatusInput):
    reden = serializers.CharField(max_length=invoer.NOTITIE)


class StatusstapInput(serializers.Serializer):
    stap = serializers.CharField(
        max_length=200, help_text="De naam van een statusstap uit de catalogus."
    )


class VerlengenInput(serializers.Serializer):
    weken = serializers.IntegerField(min_value=1, max_value=26)
    reden = serializers.CharField(max_length=invoer.KORT)


class AfhandelenInput(VerwachteStatusInput):
    resultaat = serializers.CharField(max_length=200)
    toelichting = serializers.CharField(
        max_length=invoer.NOTITIE, required=False, allow_blank=True, default=""
    )


class OverdragenInput(serializers.Serializer):
    afdeling = serializers.SlugRelatedField(
        slug_field="uuid", queryset=Afdeling.objects.filter(actief=True)
    )
    toelichting = serializers.CharField(max_length=invoer.NOTITIE)


class _ZaakActie(APIView):
    """Base of the operations below: find the case the caller may work, parse
    the input, call the service, answer with the case as it is now."""

    invoer: type[serializers.Serializer]
    recht: str  # the key in services.MAG

    def uitvoeren(self, zaak: Zaak, user, data: dict) -> None:
        raise NotImplementedError

    def post(self, request, uuid):
        if not request.user.is_medewerker:
            raise Http404
        zaak = _zaken_voor(request.user).filter(uuid=uuid).first()
        if zaak is None:
            raise Http404
        # The role first: one that may not take this step learns nothing
        # from how its input would have been judged.
        if not services.MAG[self.recht](request.user, zaak):
            raise exceptions.PermissionDenied(_("U mag deze stap niet zetten voor deze zaak."))
        invoer = self.invoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            self.uitvoeren(zaak, request.user, invoer.validated_data)
        except services.ZaakConflict as conflict:
            raise ZaakConflictError(str(conflict)) from None
        except ValidationError as error:
            raise exceptions.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else {"zaak": error.messages}
            ) from None
        except PermissionDenied as error:
            raise exceptions.PermissionDenied(str(error)) from None
        zaak = Zaak.objects.prefetch_related("historie__door", "documenten").get(pk=zaak.pk)
        return Response(
            ZaakDetailSerializer(zaak, context={"medewerker": True, "request": request}).data
        )


def _actie(naam: str, invoer, uitvoeren, samenvatting: str) -> type[_ZaakActie]:
    """One small view per operation, each with its own input in the schema."""

    class Actie(_ZaakActie):
        @extend_schema(
            request=invoer,
            responses={
                200: ZaakDetailSerializer,
                **probleem(
                    409,
                    "De zaak is intussen gewijzigd (verwachte_status klopt niet meer), "
                    "of haar status laat dit niet toe.",
                ),
            },
            operation_id=f"zaak_{naam}",
            summary=samenvatting,
        )
        def post(self, request, uuid):
            return super().post(request, uuid)

    Actie.invoer = invoer
    Actie.recht = naam
    Actie.uitvoeren = staticmethod(uitvoeren)
    Actie.__name__ = Actie.__qualname__ = f"Zaak{naam.title().replace('_', '')}View"
    Actie.__doc__ = samenvatting
    return Actie


ACTIES = {
    "in-behandeling-nemen": _actie(
        "in_behandeling_nemen",
        VerwachteStatusInput,
        lambda z, u, d: services.zaak_in_behandeling_nemen(
            zaak=z, user=u, verwachte_status=d.get("verwachte_status")
        ),
        "Zaak in behandeling nemen",
    ),
    "wacht-op-klant": _actie(
        "wacht_op_klant",
        VraagInput,
        lambda z, u, d: services.zaak_wacht_op_klant(
            zaak=z, user=u, vraag=d["vraag"], verwachte_status=d.get("verwachte_status")
        ),
        "Informatie opvragen bij de klant (de termijn staat stil)",
    ),
    "hervatten": _actie(
        "hervatten",
        RedenInput,
        lambda z, u, d: services.zaak_hervatten(
            zaak=z, user=u, reden=d["reden"], verwachte_status=d.get("verwachte_status")
        ),
        "Behandeling hervatten (de termijn loopt weer)",
    ),
    "statusstap": _actie(
        "statusstap",
        StatusstapInput,
        lambda z, u, d: services.zaak_statusstap_zetten(zaak=z, user=u, stap=d["stap"]),
        "Een statusstap uit de catalogus zetten",
    ),
    "verlengen": _actie(
        "verlengen",
        VerlengenInput,
        lambda z, u, d: services.zaak_verlengen(zaak=z, user=u, weken=d["weken"], reden=d["reden"]),
        "De wettelijke termijn eenmalig verlengen",
    ),
    "afhandelen": _actie(
        "afhandelen",
        AfhandelenInput,
        lambda z, u, d: services.zaak_afhandelen(
            zaak=z,
            user=u,
            resultaat=d["resultaat"],
            toelichting=d["toelichting"],
            verwachte_status=d.get("verwachte_status"),
        ),
        "Zaak afhandelen met een resultaat",
    ),
    "afwijzen": _actie(
        "afwijzen",
        VerplichteRedenInput,
        lambda z, u, d: services.zaak_afwijzen(
            zaak=z, user=u, reden=d["reden"], verwachte_status=d.get("verwachte_status")
        ),
        "Zaak afwijzen met een reden",
    ),
    "heropenen": _actie(
        "heropenen",
        VerplichteRedenInput,
        lambda z, u, d: services.zaak_heropenen(
            zaak=z, user=u, reden=d["reden"], verwachte_status=d.get("verwachte_status")
        ),
        "Afgehandelde zaak heropenen (teamleider)",
    ),
    "intrekken": _actie(
        "intrekken",
        RedenInput,
        lambda z, u, d: services.zaak_intrekken(
            zaak=z, user=u, reden=d["reden"], verwachte_status=d.get("verwachte_status")
        ),
        "Zaak intrekken namens de klant",
    ),
    "overdragen": _actie(
        "overdragen",
        OverdragenInput,
        lambda z, u, d: services.zaak_overdragen(
            zaak=z, user=u, afdeling=d["afdeling"], toelichting=d["toelichting"]
        ),
        "Zaak overdragen aan een andere afdeling",
    ),
}


# --- Documents -------------------------------------------------------------


class DocumentInput(serializers.Serializer):
    naam = serializers.CharField(max_length=200, help_text="Wat het is, bijvoorbeeld 'Pasfoto'.")
    bestand = serializers.FileField(help_text="PDF, JPEG of PNG (of wat de catalogus toestaat).")


class ZaakDocumentToevoegenView(APIView):
    """Add a document to a case: the customer to their own open case, staff
    to a case they may see. The type is checked by the content."""

    parser_classes = [MultiPartParser]

    @extend_schema(request=DocumentInput, responses={201: ZaakDocumentSerializer})
    def post(self, request, uuid):
        zaak = _zaken_voor(request.user).filter(uuid=uuid).first()
        if zaak is None:
            raise Http404
        invoer = DocumentInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            document = services.zaak_document_toevoegen(
                zaak=zaak,
                user=request.user,
                bestand=invoer.validated_data["bestand"],
                naam=invoer.validated_data["naam"],
            )
        except ValidationError as error:
            raise exceptions.ValidationError({"bestand": error.messages}) from None
        except PermissionDenied:
            raise Http404 from None
        return Response(
            ZaakDocumentSerializer(document, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class ZaakDocumentInhoudView(APIView):
    """The file itself, as a download (staff reads are logged)."""

    @extend_schema(
        responses={
            (200, soort): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="Het bestand, met het type dat bij het uploaden uit de inhoud "
                "bleek (application/octet-stream als dat onbekend is).",
            )
            for soort in [*(s for _, s in bestanden.SOORTEN.values()), "application/octet-stream"]
        }
    )
    def get(self, request, uuid):
        document = selectors.document_openen(document_uuid=uuid, user=request.user, request=request)
        return bestanden.download(
            document.bestand, bestandsnaam=document.bestandsnaam, soort=document.bestandstype
        )
