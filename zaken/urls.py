"""The case screens, mounted under /kcc/ beside the workspace."""

from django.urls import path

from zaken import views

app_name = "zaken"

urlpatterns = [
    path("zaken/", views.werkvoorraad, name="werkvoorraad"),
    path("zaken/<uuid:zaak_uuid>/", views.zaak_pagina, name="zaak"),
    path("zaken/<uuid:zaak_uuid>/actie/", views.zaak_actie, name="zaak-actie"),
    path("documenten/<uuid:document_uuid>/", views.document, name="document"),
]
