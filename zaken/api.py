"""Case API: staff read the cases they may work and change them through the
same services as the screens; a citizen reads only their own cases."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from kcc.audit import Actie, audit_log
from zaken import services
from zaken.models import Zaak, ZaakStatus


class ZaakConflictError(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "De zaak is intussen gewijzigd."
    default_code = "conflict"


class StatusWijzigingSerializer(serializers.Serializer):
    tijdstip = serializers.DateTimeField()
    naar = serializers.CharField()
    statusstap = serializers.CharField()
    burgertekst = serializers.CharField()


class StatusWijzigingMedewerkerSerializer(StatusWijzigingSerializer):
    van = serializers.CharField()
    reden = serializers.CharField()
    door = serializers.CharField(source="door.get_username", default=None)


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


class ZaakDetailSerializer(ZaakSerializer):
    historie = serializers.SerializerMethodField()

    class Meta(ZaakSerializer.Meta):
        fields = [*ZaakSerializer.Meta.fields, "toelichting", "historie"]

    @extend_schema(responses=StatusWijzigingMedewerkerSerializer(many=True))
    def get_historie(self, zaak) -> list[dict]:
        medewerker = self.context.get("medewerker", False)
        serializer = (
            StatusWijzigingMedewerkerSerializer if medewerker else StatusWijzigingSerializer
        )
        rijen = zaak.historie.all()
        if not medewerker:
            rijen = [r for r in rijen if r.burgertekst]
        return serializer(rijen, many=True).data


def _zaken_voor(user):
    zaken = Zaak.objects.select_related("product", "klant")
    if not user.is_authenticated:  # schema generation
        return zaken.none()
    if user.is_klant:
        eigen = Q(pk__in=[])
        if user.bsn:
            eigen |= Q(klant__bsn=user.bsn)
        if user.kvk_nummer:
            eigen |= Q(klant__kvk_nummer=user.kvk_nummer)
        return zaken.filter(eigen)
    if user.has_perm("kcc.klantbeeld_inzien") or user.heeft_rol("teamleider"):
        return zaken
    if user.has_perm("kcc.zaken_behandelen"):
        return zaken.filter(afdeling__in=user.afdelingen.values("pk"))
    return zaken.none()


class ZaakListView(generics.ListAPIView):
    """Cases: a citizen's own; for staff the cases of their afdelingen (or all, for the KCC)."""

    serializer_class = ZaakSerializer

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

    def get_queryset(self):
        return _zaken_voor(self.request.user).prefetch_related("historie__door")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "medewerker": self.request.user.is_medewerker}

    def retrieve(self, request, *args, **kwargs):
        zaak = self.get_object()
        if request.user.is_medewerker:
            audit_log(
                user=request.user,
                actie=Actie.INZIEN,
                obj=zaak,
                betrokkene=zaak.klant.identificatie,
                request=request,
                omschrijving=f"Zaak {zaak.nummer} opgevraagd via de API",
                reden="API",
            )
        return Response(self.get_serializer(zaak).data)


class OvergangInputSerializer(serializers.Serializer):
    actie = serializers.ChoiceField(
        choices=[
            "in_behandeling",
            "wacht_op_klant",
            "hervatten",
            "statusstap",
            "verlengen",
            "afhandelen",
            "afwijzen",
            "heropenen",
            "intrekken",
        ]
    )
    verwachte_status = serializers.ChoiceField(choices=ZaakStatus.values, required=False)
    vraag = serializers.CharField(required=False, default="")
    reden = serializers.CharField(required=False, default="")
    resultaat = serializers.CharField(required=False, default="")
    toelichting = serializers.CharField(required=False, default="")
    stap = serializers.CharField(required=False, default="")
    weken = serializers.IntegerField(required=False, default=0, min_value=0, max_value=26)


class ZaakOvergangView(APIView):
    """Change a case's status (staff). 409 when someone else changed it first."""

    @extend_schema(request=OvergangInputSerializer, responses=ZaakDetailSerializer)
    def post(self, request, uuid):
        if not request.user.is_medewerker:
            raise Http404
        zaak = _zaken_voor(request.user).filter(uuid=uuid).first()
        if zaak is None:
            raise Http404
        invoer = OvergangInputSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        verwacht = d.get("verwachte_status")
        acties = {
            "in_behandeling": lambda: services.zaak_in_behandeling_nemen(
                zaak=zaak, user=request.user, verwachte_status=verwacht
            ),
            "wacht_op_klant": lambda: services.zaak_wacht_op_klant(
                zaak=zaak, user=request.user, vraag=d["vraag"], verwachte_status=verwacht
            ),
            "hervatten": lambda: services.zaak_hervatten(
                zaak=zaak, user=request.user, reden=d["reden"], verwachte_status=verwacht
            ),
            "statusstap": lambda: services.zaak_statusstap_zetten(
                zaak=zaak, user=request.user, stap=d["stap"]
            ),
            "verlengen": lambda: services.zaak_verlengen(
                zaak=zaak, user=request.user, weken=d["weken"], reden=d["reden"]
            ),
            "afhandelen": lambda: services.zaak_afhandelen(
                zaak=zaak,
                user=request.user,
                resultaat=d["resultaat"],
                toelichting=d["toelichting"],
                verwachte_status=verwacht,
            ),
            "afwijzen": lambda: services.zaak_afwijzen(
                zaak=zaak, user=request.user, reden=d["reden"], verwachte_status=verwacht
            ),
            "heropenen": lambda: services.zaak_heropenen(
                zaak=zaak, user=request.user, reden=d["reden"]
            ),
            "intrekken": lambda: services.zaak_intrekken(
                zaak=zaak, user=request.user, reden=d["reden"]
            ),
        }
        try:
            acties[d["actie"]]()
        except services.ZaakConflict as conflict:
            raise ZaakConflictError(str(conflict)) from None
        except ValidationError as error:
            raise exceptions.ValidationError({"actie": error.messages}) from None
        except PermissionDenied as error:
            raise exceptions.PermissionDenied(str(error)) from None
        zaak = Zaak.objects.prefetch_related("historie__door").get(pk=zaak.pk)
        return Response(ZaakDetailSerializer(zaak, context={"medewerker": True}).data)
