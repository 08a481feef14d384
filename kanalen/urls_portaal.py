from django.urls import path

from kanalen.views import balie
from kanalen.views import portaal as views

app_name = "portaal"

urlpatterns = [
    path("", views.portaal_index, name="index"),
    path("zaken/", views.portaal_zaken, name="zaken"),
    path("zaken/<uuid:zaak_uuid>/", views.portaal_zaak, name="zaak"),
    path("zaken/<uuid:zaak_uuid>/antwoord/", views.portaal_zaak_antwoorden, name="zaak-antwoord"),
    path("zaken/<uuid:zaak_uuid>/document/", views.portaal_zaak_document, name="zaak-document"),
    path("zaken/<uuid:zaak_uuid>/intrekken/", views.portaal_zaak_intrekken, name="zaak-intrekken"),
    path("documenten/<uuid:document_uuid>/", views.portaal_document, name="document"),
    path("aanvragen/", views.portaal_aanvragen, name="aanvragen"),
    path("aanvragen/nieuw/<slug:code>/", views.portaal_aanvraag_beginnen, name="aanvraag-nieuw"),
    path("aanvragen/<uuid:aanvraag_uuid>/", views.portaal_aanvraag, name="aanvraag"),
    path(
        "aanvragen/<uuid:aanvraag_uuid>/documenten/",
        views.portaal_aanvraag_documenten,
        name="aanvraag-documenten",
    ),
    path(
        "aanvragen/<uuid:aanvraag_uuid>/controleren/",
        views.portaal_aanvraag_controleren,
        name="aanvraag-controleren",
    ),
    path(
        "aanvragen/<uuid:aanvraag_uuid>/verstuurd/",
        views.portaal_aanvraag_klaar,
        name="aanvraag-klaar",
    ),
    path(
        "aanvragen/<uuid:aanvraag_uuid>/verwijderen/",
        views.portaal_aanvraag_verwijderen,
        name="aanvraag-verwijderen",
    ),
    path("afspraken/", balie.portaal_afspraken, name="afspraken"),
    path("afspraken/nieuw/<slug:code>/", balie.portaal_afspraak_maken, name="afspraak-nieuw"),
    path("afspraken/<uuid:afspraak_uuid>/", balie.portaal_afspraak, name="afspraak"),
    path(
        "afspraken/<uuid:afspraak_uuid>/verzetten/",
        balie.portaal_afspraak_verzetten,
        name="afspraak-verzetten",
    ),
    path("mijn-gegevens/", views.portaal_gegevens, name="gegevens"),
    path("mijn-gegevens/toestemming/", views.portaal_toestemming, name="toestemming"),
    path("mijn-gegevens/download/", views.portaal_gegevens_downloaden, name="gegevens-download"),
    path("mijn-contacten/", views.portaal_contacten, name="contacten"),
    path("berichten/", views.portaal_berichten, name="berichten"),
    path("vraag-of-klacht/", views.portaal_vraag, name="vraag"),
    path(
        "beoordelen/zaak/<uuid:zaak_uuid>/", views.portaal_beoordelen_zaak, name="beoordelen-zaak"
    ),
    path(
        "beoordelen/contact/<uuid:contact_uuid>/",
        views.portaal_beoordelen_contact,
        name="beoordelen-contact",
    ),
]
