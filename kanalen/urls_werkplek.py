from django.urls import path

from kanalen import views

app_name = "werkplek"

urlpatterns = [
    path("", views.werkplek_index, name="index"),
    path("klanten/<uuid:klant_uuid>/", views.werkplek_klantbeeld, name="klantbeeld"),
    path("producten/", views.werkplek_producten, name="producten"),
    path("producten/<slug:code>/", views.werkplek_product, name="product"),
    path("kennisbank/", views.werkplek_kennisbank, name="kennisbank"),
    path("zaken/", views.werkplek_zaken, name="zaken"),
    path("berichten/mislukt/", views.werkplek_mislukte_berichten, name="mislukte-berichten"),
    path("zaken/<uuid:zaak_uuid>/", views.werkplek_zaak, name="zaak"),
    path("zaken/<uuid:zaak_uuid>/actie/", views.werkplek_zaak_actie, name="zaak-actie"),
    path("klanten/<uuid:klant_uuid>/aanvraag/", views.werkplek_aanvraag, name="aanvraag"),
    path(
        "kennisbank/<uuid:item_uuid>/gebruik/",
        views.werkplek_kennisgebruik,
        name="kennisgebruik",
    ),
]
