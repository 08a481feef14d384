from django.urls import path

from kanalen.views import balie, klanten, werkplek, zaken

app_name = "werkplek"

urlpatterns = [
    path("", werkplek.werkplek_index, name="index"),
    path("contact/", klanten.anoniem_contact, name="anoniem-contact"),
    path("contactverzoeken/", werkplek.werkplek_contactverzoeken, name="contactverzoeken"),
    path("klanten/<uuid:klant_uuid>/", klanten.klantbeeld, name="klantbeeld"),
    path("klanten/<uuid:klant_uuid>/tijdlijn/", klanten.klantbeeld_tijdlijn, name="tijdlijn"),
    path("klanten/<uuid:klant_uuid>/contact/", klanten.contact_registreren, name="contact"),
    path("klanten/<uuid:klant_uuid>/bericht/", klanten.bericht_versturen, name="bericht"),
    path(
        "klanten/<uuid:klant_uuid>/contactgegevens/",
        klanten.contactgegevens_wijzigen,
        name="contactgegevens",
    ),
    path("klanten/<uuid:klant_uuid>/toestemming/", klanten.toestemming, name="toestemming"),
    path("klanten/<uuid:klant_uuid>/brp/", klanten.brp_verversen, name="brp"),
    path("klanten/<uuid:klant_uuid>/samenvoegen/", klanten.samenvoegen, name="samenvoegen"),
    path("klanten/<uuid:klant_uuid>/inzage/", klanten.inzage, name="inzage"),
    path("klanten/<uuid:klant_uuid>/aanvraag/", werkplek.werkplek_aanvraag, name="aanvraag"),
    path("klanten/<uuid:klant_uuid>/afspraak/", balie.werkplek_afspraak, name="afspraak"),
    path("balie/", balie.werkplek_balie, name="balie"),
    path("status/", werkplek.werkplek_status, name="status"),
    path("volgende/", werkplek.werkplek_volgende, name="volgende"),
    path("producten/", werkplek.werkplek_producten, name="producten"),
    path("producten/<slug:code>/", werkplek.werkplek_product, name="product"),
    path("kennisbank/", werkplek.werkplek_kennisbank, name="kennisbank"),
    path(
        "kennisbank/<uuid:item_uuid>/gebruik/",
        werkplek.werkplek_kennisgebruik,
        name="kennisgebruik",
    ),
    path("meldingen/", werkplek.werkplek_meldingen, name="meldingen"),
    path("gesprekken/<uuid:gesprek_uuid>/", werkplek.werkplek_gesprek, name="gesprek"),
    path("inbox/", werkplek.werkplek_inbox, name="inbox"),
    path("chats/", werkplek.werkplek_chats, name="chats"),
    path("chats/<uuid:chat_uuid>/", werkplek.werkplek_chat, name="chat"),
    path("inbox/brief/", werkplek.werkplek_brief, name="brief"),
    path("inbox/<uuid:item_uuid>/", werkplek.werkplek_inboxitem, name="inboxitem"),
    path(
        "inbox/bijlagen/<uuid:bijlage_uuid>/",
        werkplek.werkplek_inboxbijlage,
        name="inboxbijlage",
    ),
    path("berichten/mislukt/", werkplek.werkplek_mislukte_berichten, name="mislukte-berichten"),
    path("zaken/", zaken.werkplek_zaken, name="zaken"),
    path("zaken/<uuid:zaak_uuid>/", zaken.werkplek_zaak, name="zaak"),
    path("zaken/<uuid:zaak_uuid>/actie/", zaken.werkplek_zaak_actie, name="zaak-actie"),
    path("documenten/<uuid:document_uuid>/", zaken.werkplek_document, name="document"),
]
