"""The agent workspace, /kcc/. The case screens under /kcc/zaken/ are zaken's
own (zaken/urls.py).
"""

from django.urls import path

from kanalen.balie import views as balie
from kanalen.berichten import views as berichten
from kanalen.chat import views as chat
from kanalen.inbox import views as inbox
from kanalen.post import views as post
from kanalen.telefonie import views as telefonie
from kanalen.werkplek.views import (
    aanvraag,
    contact,
    contactverzoeken,
    kennis,
    klantbeeld,
    meldingen,
    zoeken,
)

app_name = "werkplek"

urlpatterns = [
    path("", zoeken.werkplek_index, name="index"),
    path("contact/", contact.anoniem_contact, name="anoniem-contact"),
    path(
        "contactverzoeken/",
        contactverzoeken.werkplek_contactverzoeken,
        name="contactverzoeken",
    ),
    path("klanten/<uuid:klant_uuid>/", klantbeeld.klantbeeld, name="klantbeeld"),
    path("klanten/<uuid:klant_uuid>/tijdlijn/", klantbeeld.klantbeeld_tijdlijn, name="tijdlijn"),
    path("klanten/<uuid:klant_uuid>/contact/", contact.contact_registreren, name="contact"),
    path("klanten/<uuid:klant_uuid>/bericht/", klantbeeld.bericht_versturen, name="bericht"),
    path(
        "klanten/<uuid:klant_uuid>/contactgegevens/",
        klantbeeld.contactgegevens_wijzigen,
        name="contactgegevens",
    ),
    path("klanten/<uuid:klant_uuid>/toestemming/", klantbeeld.toestemming, name="toestemming"),
    path("klanten/<uuid:klant_uuid>/brp/", klantbeeld.brp_verversen, name="brp"),
    path("klanten/<uuid:klant_uuid>/samenvoegen/", klantbeeld.samenvoegen, name="samenvoegen"),
    path("klanten/<uuid:klant_uuid>/inzage/", klantbeeld.inzage, name="inzage"),
    path("klanten/<uuid:klant_uuid>/aanvraag/", aanvraag.werkplek_aanvraag, name="aanvraag"),
    path("klanten/<uuid:klant_uuid>/afspraak/", balie.werkplek_afspraak, name="afspraak"),
    path("balie/", balie.werkplek_balie, name="balie"),
    path("status/", inbox.werkplek_status, name="status"),
    path("volgende/", inbox.werkplek_volgende, name="volgende"),
    path("producten/", kennis.werkplek_producten, name="producten"),
    path("producten/<slug:code>/", kennis.werkplek_product, name="product"),
    path("kennisbank/", kennis.werkplek_kennisbank, name="kennisbank"),
    path("kennisbank/contact/", contact.contact_kennis, name="contact_kennis"),
    path(
        "kennisbank/<uuid:item_uuid>/gebruik/",
        kennis.werkplek_kennisgebruik,
        name="kennisgebruik",
    ),
    path("meldingen/", meldingen.werkplek_meldingen, name="meldingen"),
    path("gesprekken/<uuid:gesprek_uuid>/", telefonie.werkplek_gesprek, name="gesprek"),
    path("inbox/", inbox.werkplek_inbox, name="inbox"),
    path("chats/", chat.werkplek_chats, name="chats"),
    path("chats/<uuid:chat_uuid>/", chat.werkplek_chat, name="chat"),
    path("inbox/brief/", post.werkplek_brief, name="brief"),
    path("inbox/<uuid:item_uuid>/", post.werkplek_inboxitem, name="inboxitem"),
    path(
        "inbox/bijlagen/<uuid:bijlage_uuid>/",
        post.werkplek_inboxbijlage,
        name="inboxbijlage",
    ),
    path("post/", post.werkplek_post, name="post"),
    path("post/<uuid:bericht_uuid>/", post.werkplek_postbrief, name="postbrief"),
    path("berichten/mislukt/", berichten.werkplek_mislukte_berichten, name="mislukte-berichten"),
]
