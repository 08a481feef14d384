"""The case screens, mounted under /kcc/ beside the workspace."""

from django.urls import get_script_prefix, path, reverse

from zaken import views

app_name = "zaken"

urlpatterns = [
    path("zaken/", views.werkvoorraad, name="werkvoorraad"),
    path("zaken/<uuid:zaak_uuid>/", views.zaak_pagina, name="zaak"),
    path("zaken/<uuid:zaak_uuid>/actie/", views.zaak_actie, name="zaak-actie"),
    path("documenten/<uuid:document_uuid>/", views.document, name="document"),
]


_VOORBEELD = "00000000-0000-0000-0000-000000000000"
_patronen: dict[str, str] = {}


def zaak_url(zaak_uuid) -> str:
    """The case page of ``zaak_uuid``. Reversed once per script prefix and
    filled in after: a klantbeeld links to dozens of cases, and a full
    ``reverse`` per link was a tenth of its rendering."""
    prefix = get_script_prefix()
    patroon = _patronen.get(prefix)
    if patroon is None:
        patroon = _patronen[prefix] = reverse("zaken:zaak", kwargs={"zaak_uuid": _VOORBEELD})
    return patroon.replace(_VOORBEELD, str(zaak_uuid))
