from django.urls import path

from kanalen.views import balie
from kanalen.views import publiek as views

app_name = "publiek"

urlpatterns = [
    path("producten/", views.catalogus_index, name="catalogus"),
    path("producten/zoeken/", views.catalogus_zoeken, name="zoeken"),
    path(
        "producten/thema/<slug:slug>/",
        views.catalogus_groep,
        {"soort": "thema"},
        name="thema",
    ),
    path(
        "producten/levensgebeurtenis/<slug:slug>/",
        views.catalogus_groep,
        {"soort": "levensgebeurtenis"},
        name="levensgebeurtenis",
    ),
    path("producten/<slug:code>/", views.catalogus_product, name="product"),
    path("vragen/", views.faq, name="faq"),
    path("contact/", views.contact, name="contact"),
    path("normen/", views.normen, name="normen"),
    path("balie/kiosk/", balie.kiosk, name="kiosk"),
    path("balie/kiosk/<uuid:nummer_uuid>/", balie.kiosk_nummer, name="kiosk-nummer"),
    path("balie/scherm/", balie.scherm, name="scherm"),
    path("chat/", views.chat_starten, name="chat"),
    path("chat/<uuid:chat_uuid>/", views.chat_gesprek, name="chat-gesprek"),
]
