"""Mijn omgeving (PIP), /pip/: the logged-in citizen or business."""

from django.urls import path

from kanalen.balie import views as balie
from kanalen.portaal.views import aanvragen, contact, gegevens, overzicht, zaken

app_name = "portaal"

urlpatterns = [
    path("", overzicht.portaal_index, name="index"),
    path("zaken/", zaken.portaal_zaken, name="zaken"),
    path("zaken/<uuid:zaak_uuid>/", zaken.portaal_zaak, name="zaak"),
    path("zaken/<uuid:zaak_uuid>/antwoord/", zaken.portaal_zaak_antwoorden, name="zaak-antwoord"),
    path("zaken/<uuid:zaak_uuid>/document/", zaken.portaal_zaak_document, name="zaak-document"),
    path("zaken/<uuid:zaak_uuid>/intrekken/", zaken.portaal_zaak_intrekken, name="zaak-intrekken"),
    path("documenten/<uuid:document_uuid>/", zaken.portaal_document, name="document"),
    path("aanvragen/", aanvragen.portaal_aanvragen, name="aanvragen"),
    path(
        "aanvragen/nieuw/<slug:code>/", aanvragen.portaal_aanvraag_beginnen, name="aanvraag-nieuw"
    ),
    path("aanvragen/<uuid:aanvraag_uuid>/", aanvragen.portaal_aanvraag, name="aanvraag"),
    path(
        "aanvragen/<uuid:aanvraag_uuid>/documenten/",
        aanvragen.portaal_aanvraag_documenten,
        name="aanvraag-documenten",
    ),
    path(
        "aanvragen/<uuid:aanvraag_uuid>/controleren/",
        aanvragen.portaal_aanvraag_controleren,
        name="aanvraag-controleren",
    ),
    path(
        "aanvragen/<uuid:aanvraag_uuid>/verstuurd/",
        aanvragen.portaal_aanvraag_klaar,
        name="aanvraag-klaar",
    ),
    path(
        "aanvragen/<uuid:aanvraag_uuid>/verwijderen/",
        aanvragen.portaal_aanvraag_verwijderen,
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
    path("mijn-gegevens/", gegevens.portaal_gegevens, name="gegevens"),
    path("mijn-gegevens/toestemming/", gegevens.portaal_toestemming, name="toestemming"),
    path("mijn-gegevens/download/", gegevens.portaal_gegevens_downloaden, name="gegevens-download"),
    path("mijn-contacten/", contact.portaal_contacten, name="contacten"),
    path("berichten/", contact.portaal_berichten, name="berichten"),
    path("vraag-of-klacht/", contact.portaal_vraag, name="vraag"),
    path(
        "beoordelen/zaak/<uuid:zaak_uuid>/", contact.portaal_beoordelen_zaak, name="beoordelen-zaak"
    ),
    path(
        "beoordelen/contact/<uuid:contact_uuid>/",
        contact.portaal_beoordelen_contact,
        name="beoordelen-contact",
    ),
]
