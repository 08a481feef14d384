from django.urls import path

from kcc.consumers import UserEventsConsumer

# Every websocket endpoint of the platform; apps add theirs here.
websocket_urlpatterns = [
    path("ws/meldingen/", UserEventsConsumer.as_asgi()),
]
