"""The embedded PostgreSQL and Redis a newcomer's machine runs on.

These start real servers from the Python packages in a directory of their own
and stop them again.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg2
import pytest
import redis

from kcc import embedded

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def var(monkeypatch):
    # Under var/ where PostgreSQL's unprivileged user (when the tests run as
    # root) can reach it; otherwise in the shared temporary folder.
    (ROOT / "var").mkdir(exist_ok=True)
    parent = ROOT / "var" if embedded.reachable_by_others(ROOT / "var" / "x") else None
    path = Path(tempfile.mkdtemp(prefix="test-embedded-", dir=parent))
    path.chmod(0o755)
    monkeypatch.setenv("KCC_VAR_DIR", str(path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    yield path
    embedded.stop(path)
    shutil.rmtree(path, ignore_errors=True)


def _command(*args, env=None):
    return subprocess.run(  # noqa: S603 - the project's own command
        [sys.executable, "-m", "kcc.embedded", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_it_starts_both_servers_keeps_their_data_and_stops_them(var):
    assert embedded.start(var) == ["postgres", "redis"]
    state = embedded.read_state(var)
    # Nobody gets in without the password kept in var/services.json.
    with pytest.raises(psycopg2.OperationalError, match="password"):
        psycopg2.connect(host="127.0.0.1", port=state.postgres_port, user="postgres")
    with pytest.raises(redis.AuthenticationError):
        redis.Redis(port=state.redis_port).ping()
    assert (var / "services.json").stat().st_mode & 0o077 == 0
    connection = psycopg2.connect(state.database_url.rsplit("/", 1)[0] + "/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("CREATE DATABASE kcc")
    connection.close()
    redis.Redis.from_url(state.redis_url).set("bewaard", "ja")

    # A second start finds them running and starts nothing.
    assert embedded.start(var) == []
    assert embedded.urls_for_settings() == (state.database_url, state.redis_url)

    assert embedded.stop(var) == ["redis", "postgres"]
    assert embedded.status(var) == {"postgres": "stopped", "redis": "stopped"}

    assert embedded.start(var) == ["postgres", "redis"]
    connection = psycopg2.connect(embedded.read_state(var).database_url)
    with connection.cursor() as cursor:
        # pg_trgm is what the typo-tolerant searches need.
        cursor.execute("CREATE EXTENSION pg_trgm; SELECT similarity('Moulen', 'Moulin')")
        assert cursor.fetchone()[0] > 0.3
    connection.close()
    assert redis.Redis.from_url(embedded.read_state(var).redis_url).get("bewaard") == b"ja"


def test_it_leaves_alone_a_server_configured_by_url(var, monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    assert embedded.start(var) == ["postgres"]
    assert embedded.status(var)["redis"] == "REDIS_URL is set: not embedded"


def test_it_runs_a_command_and_stops_only_what_it_started(var):
    result = _command("run", "--", sys.executable, "-m", "kcc.embedded", "status")
    assert result.returncode == 0, result.stderr
    assert "postgres: running on 127.0.0.1:" in result.stdout
    assert "redis: running on 127.0.0.1:" in result.stdout
    assert embedded.status(var) == {"postgres": "stopped", "redis": "stopped"}

    embedded.start(var)
    result = _command("run", "--", "true")
    assert result.returncode == 0, result.stderr
    assert embedded.status(var)["postgres"].startswith("running")


def test_it_passes_on_the_exit_code_of_the_command(var):
    assert _command("run", "--", "false").returncode == 1


def test_it_takes_another_port_when_its_own_is_taken(var):
    # Something else listens on the port the last run used for Redis.
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        embedded._write_state(
            var, embedded.State(postgres_port=embedded._free_port(), redis_port=port)
        )
        embedded.start(var)
        state = embedded.read_state(var)
    assert state.redis_port != port
    assert redis.Redis.from_url(state.redis_url).ping()


def test_it_keeps_the_servers_up_while_another_run_still_uses_them(var):
    klaar = var / "klaar"
    wachten = (
        f"import pathlib, time\nwhile not pathlib.Path({str(klaar)!r}).exists(): time.sleep(0.1)"
    )
    eerste = subprocess.Popen(  # noqa: S603 - the project's own command
        [sys.executable, "-m", "kcc.embedded", "run", "--", sys.executable, "-c", wachten],
        cwd=ROOT,
    )
    try:
        for _ in range(300):
            if embedded.status(var)["redis"].startswith("running"):
                break
            time.sleep(0.1)
        # A second run (make test beside make run) ends first: the servers stay.
        assert _command("run", "--", "true").returncode == 0
        assert embedded.status(var)["postgres"].startswith("running")
        assert embedded.status(var)["redis"].startswith("running")
    finally:
        klaar.touch()
        eerste.wait(timeout=60)
    assert embedded.status(var) == {"postgres": "stopped", "redis": "stopped"}


def test_it_does_not_take_a_stale_pid_file_for_its_redis(var):
    embedded.start(var)
    embedded.stop(var)
    # After a reboot the pid in the file belongs to some other process.
    (var / "redis" / "redis.pid").write_text(str(os.getpid()))
    assert "redis" in embedded.start(var)
    assert redis.Redis.from_url(embedded.read_state(var).redis_url).ping()


def test_it_checks_only_the_servers_it_is_asked_for(var, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kcc")
    embedded.start(var)
    assert embedded.urls_for_settings()[1] == embedded.read_state(var).redis_url
