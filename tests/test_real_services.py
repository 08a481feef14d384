"""Proof that the platform runs on the real services: PostgreSQL, and Redis as
Celery broker (to a real worker) and channel layer."""

import time
import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import connection


@pytest.mark.django_db
def test_it_runs_on_postgresql():
    with connection.cursor() as cursor:
        # to_tsvector with the Dutch dictionary exists only in PostgreSQL.
        cursor.execute("SELECT to_tsvector('dutch', 'paspoorten aanvragen')::text, version()")
        vector, version = cursor.fetchone()
    assert "paspoort" in vector
    assert version.startswith("PostgreSQL")


def test_it_runs_a_celery_task_through_redis_on_a_real_worker(settings):
    from celery.contrib.testing.worker import start_worker

    from kcc.celery import app
    from kcc.tasks import ping

    assert app.conf.broker_url.startswith("redis://")
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            result = ping.delay()
            assert result.get(timeout=20) == "pong"
            assert result.successful()
    finally:
        app.conf.task_always_eager = eager


def test_it_carries_a_group_message_through_the_redis_channel_layer():
    from channels_redis.core import RedisChannelLayer

    layer = get_channel_layer()
    assert isinstance(layer, RedisChannelLayer)
    group = f"test-{uuid.uuid4().hex}"

    async def roundtrip():
        channel = await layer.new_channel()
        await layer.group_add(group, channel)
        await layer.group_send(group, {"type": "test.message", "text": "hallo"})
        message = await layer.receive(channel)
        await layer.group_discard(group, channel)
        return message

    assert async_to_sync(roundtrip)() == {"type": "test.message", "text": "hallo"}


@pytest.mark.django_db(transaction=True)
def test_it_delivers_a_status_message_through_redis_and_a_real_worker():
    from celery.contrib.testing.worker import start_worker
    from django.core import mail

    from kanalen.models import Bericht, BerichtStatus
    from kcc.celery import app
    from kcc.roles import Rol
    from tests.factories import KlantFactory, UserFactory, maak_product
    from zaken import services

    product = maak_product(kanalen=[("balie", True, "84.40")])
    klant = KlantFactory(bsn="999993653")
    tl = UserFactory(rollen=[Rol.TEAMLEIDER], username="tl-worker")
    zaak = services.zaak_registreren(klant=klant, product=product, kanaal="balie", user=tl)
    services.zaak_in_behandeling_nemen(zaak=zaak, user=tl)

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            mail.outbox.clear()
            services.zaak_statusstap_zetten(zaak=zaak, user=tl, stap="Ligt klaar")
            bericht = Bericht.objects.filter(zaak=zaak).order_by("-id").first()
            for _ in range(100):
                if Bericht.objects.get(pk=bericht.pk).status == BerichtStatus.VERZONDEN:
                    break
                time.sleep(0.1)
    finally:
        app.conf.task_always_eager = eager
    assert Bericht.objects.get(pk=bericht.pk).status == BerichtStatus.VERZONDEN
    assert [m.to for m in mail.outbox] == [["s.moulin@example.nl"]]
