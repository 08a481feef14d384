"""The public website: anyone, no login."""

from django.urls import path

from kanalen.balie import views as balie
from kanalen.chat import views as chat
from kanalen.publiek import views

app_name = "publiek"

urlpatterns = [
    path("", views.home, name="home"),
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
    path("balie/apparaat/<str:token>/", balie.apparaat_koppelen, name="apparaat-koppelen"),
    path("chat/", chat.chat_starten, name="chat"),
    path("chat/<uuid:chat_uuid>/", chat.chat_gesprek, name="chat-gesprek"),
]
