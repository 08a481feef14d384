"""The serving stack keeps the database connections bounded under load.

Pages and the API run in gunicorn's sync workers, one persistent connection
each; the websockets' ASGI server opens a connection per request in flight
and closes it when the request ends. Both are started here as the production
stack starts them, against the test database, and hammered by many
concurrent clients while the connections they hold are counted.
"""

import os
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# gunicorn and daphne answer in processes of their own, on the real clock.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.echte_klok]


def _free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url(application_name):
    db = settings.DATABASES["default"]
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    return (
        f"postgres://{quote(db['USER'])}{password}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}?application_name={application_name}"
    )


def _connections(application_name):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
            [application_name],
        )
        return cursor.fetchone()[0]


def _serve(command, *, application_name, port, extra_env=None):
    environment = {
        **os.environ,
        "DATABASE_URL": _database_url(application_name),
        "REDIS_URL": settings.REDIS_URL,
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        **(extra_env or {}),
    }
    environment.pop("KCC_SERVER_INTERFACE", None)
    process = subprocess.Popen(  # noqa: S603 - the project's own servers
        command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/producten/", timeout=5)
            return process
        except OSError:
            if process.poll() is not None:
                raise AssertionError(process.stderr.read().decode()[-3000:]) from None
            time.sleep(0.2)
    process.kill()
    raise AssertionError("server did not start within 60 s")


def _hammer(port, application_name, *, clients=24, requests=240):
    """``requests`` page loads from ``clients`` at once; the peak number of
    database connections the server held meanwhile."""
    peak = 0
    done = threading.Event()

    def watch():
        nonlocal peak
        try:
            while not done.is_set():
                peak = max(peak, _connections(application_name))
                time.sleep(0.05)
        finally:
            connection.close()  # this thread's own connection

    def load(_):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/producten/", timeout=30) as r:
            return r.status

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        with ThreadPoolExecutor(max_workers=clients) as pool:
            statuses = list(pool.map(load, range(requests)))
    finally:
        done.set()
        watcher.join()
    assert statuses == [200] * requests
    return peak


def _stop(process):
    os.killpg(process.pid, 15)
    process.wait(timeout=30)


def test_it_holds_one_connection_per_wsgi_worker_however_many_clients_ask():
    port = _free_port()
    name = "kcc-test-wsgi"
    server = _serve(
        [str(BIN / "gunicorn"), "-c", "python:kcc.gunicorn_conf", "kcc.wsgi:application"],
        application_name=name,
        port=port,
        extra_env={"GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "3"},
    )
    try:
        peak = _hammer(port, name)
        # Persistent: the workers keep their connections for the next request.
        assert _connections(name) <= 3
    finally:
        _stop(server)
    assert 1 <= peak <= 3


def test_it_closes_each_connection_after_its_request_under_asgi():
    port = _free_port()
    name = "kcc-test-asgi"
    server = _serve(
        [str(BIN / "daphne"), "-b", "127.0.0.1", "-p", str(port), "kcc.asgi:application"],
        application_name=name,
        port=port,
    )
    try:
        peak = _hammer(port, name)
        time.sleep(0.5)
        left_open = _connections(name)
    finally:
        _stop(server)
    # Each request in flight has a connection of its own (Django keeps them per
    # async context), closed when it ends: at most one per client, none left.
    assert 1 <= peak <= 24
    assert left_open == 0
