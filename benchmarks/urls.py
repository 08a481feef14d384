"""The platform's URLs plus /bench/kaal/<uuid>/: a bare view that reads one
row, the baseline for reading a case's status through the real stack."""

from django.http import Http404, JsonResponse
from django.urls import include, path

from zaken.models import Zaak


def kaal(request, uuid):
    rij = Zaak.objects.filter(uuid=uuid).values("nummer", "status").first()
    if rij is None:
        raise Http404
    return JsonResponse(rij)


urlpatterns = [
    path("bench/kaal/<uuid:uuid>/", kaal),
    path("", include("kcc.urls")),
]
