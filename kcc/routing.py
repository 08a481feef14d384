from django.urls import path

from dashboard.consumers import WallboardConsumer
from kanalen.balie.consumers import BalieSchermConsumer
from kanalen.chat.consumers import ChatConsumer
from kanalen.werkplek.consumers import KlantbeeldConsumer
from kcc.consumers import UserEventsConsumer

# Every websocket endpoint of the platform; apps add theirs here.
websocket_urlpatterns = [
    path("ws/meldingen/", UserEventsConsumer.as_asgi()),
    path("ws/klanten/<uuid:klant_uuid>/", KlantbeeldConsumer.as_asgi()),
    path("ws/chat/<uuid:chat_uuid>/", ChatConsumer.as_asgi()),
    path("ws/balie/", BalieSchermConsumer.as_asgi()),
    path("ws/dashboard/wallboard/", WallboardConsumer.as_asgi()),
]
