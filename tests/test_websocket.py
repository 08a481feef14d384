import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from kcc.asgi import application
from kcc.consumers import UserEventsConsumer
from kcc.realtime import push_to_user


@pytest.mark.django_db(transaction=True)
def test_it_pushes_live_events_to_the_users_open_pages(klantmanager):
    async def scenario():
        communicator = WebsocketCommunicator(UserEventsConsumer.as_asgi(), "/ws/meldingen/")
        communicator.scope["user"] = klantmanager
        connected, _ = await communicator.connect()
        assert connected
        await database_sync_to_async(push_to_user)(
            klantmanager.uuid, {"type": "test", "tekst": "hallo"}
        )
        event = await communicator.receive_json_from(timeout=5)
        await communicator.send_json_to({"type": "ping"})
        pong = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return event, pong

    event, pong = async_to_sync(scenario)()
    assert event == {"type": "test", "tekst": "hallo"}
    assert pong == {"type": "pong"}


def test_it_refuses_anonymous_websocket_connections():
    async def scenario():
        communicator = WebsocketCommunicator(UserEventsConsumer.as_asgi(), "/ws/meldingen/")
        communicator.scope["user"] = AnonymousUser()
        connected, code = await communicator.connect()
        return connected, code

    connected, code = async_to_sync(scenario)()
    assert not connected
    assert code == 4401


def test_it_refuses_websockets_from_other_origins():
    async def scenario():
        communicator = WebsocketCommunicator(
            application, "/ws/meldingen/", headers=[(b"origin", b"https://evil.example")]
        )
        connected, _ = await communicator.connect()
        return connected

    assert async_to_sync(scenario)() is False
