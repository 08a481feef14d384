"""Load test: a mixed day at the KCC on the production stack, for a bounded time.

Starts locally what production runs, against DATABASE_URL and REDIS_URL:
gunicorn (WSGI) for the pages and the API, daphne (ASGI) for the websockets
only, a Celery worker and Celery beat. Makes sure the demo municipality is
there (migrate, demo_data; both safe to repeat), waits until the platform
reports healthy, and drives it with Locust (benchmarks/loadtest/locustfile.py:
citizens, agents, a teamleider and chats) for ``--run-time``. Meanwhile a
thread samples how many PostgreSQL connections the stack holds.

Prints a Markdown table per request (count, failures, p50/p95/p99, req/s)
with the totals and the peak number of database connections, and exits 1
when anything failed: a request, a user's code, a server process, or an
error in a server's log. Locust's CSV, JSON and HTML and every process's log
are kept in var/loadtest/<time>/.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kcc_loadtest \\
    REDIS_URL=redis://127.0.0.1:6379/13 \\
        .venv/bin/python benchmarks/loadtest.py --users 30 --run-time 60s

The big run: ``--users 200 --run-time 10m`` (make loadtest LOADTEST_ARGS=...).

The simulated people write what real ones would (cases, contacts, chats,
answered e-mails; outgoing mail lands in var/outbox/): point it at a demo or
test database, never at real data. The chat channel is opened around the
clock for the run, so chats are part of it at any hour; its opening hours are
put back afterwards (``--keep-chat-hours`` leaves them alone, and the
citizens then ask for a callback when the chat is closed).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks import schaal  # noqa: E402

LOCUSTFILE = ROOT / "benchmarks" / "loadtest" / "locustfile.py"
HOST = "127.0.0.1"
STARTUP_SECONDS = 120
# Locust lets running tasks finish this long after --run-time before it
# stops the users, so a flow is not cut off half-way in every run.
STOP_TIMEOUT = 10
# A level word as Python's logging, Celery and gunicorn write it in their logs.
LOG_ERROR = re.compile(r"\b(ERROR|CRITICAL)\b|^Traceback ")


def parse_args() -> argparse.Namespace:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=30, help="simulated people (default 30)")
    parser.add_argument(
        "--spawn-rate", type=float, help="users started per second (default: all in 10 s)"
    )
    parser.add_argument(
        "--run-time", default="60s", help="how long the load lasts: 60s, 10m, 1h30m (default 60s)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * cores + 1,
        help=f"gunicorn workers (default 2 x cores + 1 = {2 * cores + 1})",
    )
    parser.add_argument("--port", type=int, help="WSGI port (default: a free one)")
    parser.add_argument("--ws-port", type=int, help="ASGI (websocket) port (default: a free one)")
    parser.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="multiplies the pauses between screens; below 1 packs more work in (default 1)",
    )
    parser.add_argument(
        "--out", type=Path, help="where stats and logs go (default var/loadtest/<time>/)"
    )
    parser.add_argument(
        "--keep-chat-hours",
        action="store_true",
        help="leave the chat's opening hours as they are (outside them, no chats)",
    )
    args = parser.parse_args()
    if args.users < 1 or args.workers < 1 or args.think <= 0:
        parser.error("--users, --workers and --think must be positive")
    args.seconds = seconds(args.run_time)
    if args.seconds is None:
        parser.error(f"--run-time {args.run_time!r}: use e.g. 90, 60s, 10m or 1h30m")
    args.spawn_rate = args.spawn_rate or max(1.0, args.users / 10)
    return args


def seconds(text: str) -> int | None:
    """Locust's time format: 90, 90s, 10m, 1h30m."""
    if text.isdigit():
        return int(text)
    parts = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", text)
    if not parts or not any(parts.groups()):
        return None
    h, m, s = (int(x or 0) for x in parts.groups())
    return h * 3600 + m * 60 + s


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def require_services() -> tuple[str, str]:
    database_url = os.environ.get("DATABASE_URL", "").strip()
    redis_url = os.environ.get("REDIS_URL", "").strip()
    if not (database_url and redis_url):
        # The embedded servers (`make loadtest` starts them): a database and a
        # Redis database of the load test's own, since its users write cases
        # and contacts, never into the demo that `make run` shows.
        from django.core.exceptions import ImproperlyConfigured

        from kcc import embedded

        try:
            embedded_database, embedded_redis = embedded.urls_for_settings()
        except ImproperlyConfigured as error:
            sys.exit(str(error))
        database_url = database_url or embedded_database.rsplit("/", 1)[0] + "/kcc_loadtest"
        redis_url = redis_url or embedded_redis.rsplit("/", 1)[0] + "/13"
        os.environ["DATABASE_URL"], os.environ["REDIS_URL"] = database_url, redis_url
    if not database_url.startswith(("postgres://", "postgresql://")):
        sys.exit("DATABASE_URL must name a PostgreSQL database (postgres://...).")
    for module, package in (("locust", "locust"), ("websocket", "websocket-client")):
        try:
            __import__(module)
        except ImportError:
            sys.exit(
                f"{package} is not installed: .venv/bin/pip install "
                "'locust>=2.32,<3' 'websocket-client>=1.8,<2'"
            )
    return database_url, redis_url


# --- The processes ------------------------------------------------------------


class Stack:
    """The processes this run started, each in its own process group (a
    server's workers and a Celery pool are children of the process we
    start), with its output in a log file."""

    def __init__(self, out: Path, env: dict[str, str]):
        self.out = out
        self.env = env
        self.processes: dict[str, subprocess.Popen] = {}

    def start(self, name: str, command: list[str], **extra_env: str) -> None:
        log = (self.out / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**self.env, **extra_env},
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()  # the child holds its own copy

    def dead(self) -> list[str]:
        return [
            f"{name} (exit {p.returncode})"
            for name, p in self.processes.items()
            if p.poll() is not None
        ]

    def stop(self, grace: float = 15) -> None:
        """SIGTERM to every group (Celery finishes its running task, gunicorn
        its requests), then SIGKILL to whatever is left after ``grace``."""
        for process in self.processes.values():
            self._signal(process, signal.SIGTERM)
        deadline = time.monotonic() + grace
        for process in self.processes.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
        for process in self.processes.values():
            # Also when the leader has gone: its workers may not have.
            self._signal(process, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)

    @staticmethod
    def _signal(process: subprocess.Popen, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signum)

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self.out / f"{name}.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def log_errors(self) -> dict[str, int]:
        counts = {}
        for name in self.processes:
            if name == "locust":
                continue
            path = self.out / f"{name}.log"
            text = path.read_text(errors="replace") if path.exists() else ""
            counts[name] = sum(1 for line in text.splitlines() if LOG_ERROR.search(line))
        return {name: n for name, n in counts.items() if n}


def manage(env: dict[str, str], out: Path, *args: str, extra_env: dict | None = None) -> str:
    """Run a management command; its output goes to setup.log, and to the
    screen when it fails."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**env, **(extra_env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    with (out / "setup.log").open("a") as log:
        log.write(f"$ manage.py {args[0]}\n{result.stdout}{result.stderr}\n")
    if result.returncode:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise SystemExit(f"manage.py {args[0]} failed (exit {result.returncode}).")
    return result.stdout


def health_path(port: int) -> str:
    """/healthz/ready where the platform has it (ready to take traffic),
    otherwise /healthz."""
    status, _body = http_get(port, "/healthz/ready")
    return "/healthz" if status == 404 else "/healthz/ready"


def http_get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": f"{HOST}:{port}"})
        response = connection.getresponse()
        return response.status, response.read().decode(errors="replace")
    finally:
        connection.close()


def wait_healthy(stack: Stack, name: str, port: int) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    path, last = None, "no answer"
    while time.monotonic() < deadline:
        if stack.dead():
            break
        try:
            path = path or health_path(port)
            status, body = http_get(port, path)
            if status == 200:
                return
            last = f"HTTP {status}: {body[:300]}"
        except OSError as error:
            last = str(error)
        time.sleep(0.5)
    sys.stderr.write(stack.log_tail(name) + "\n")
    for gone in stack.dead():
        sys.stderr.write(f"{gone} stopped; its log:\n{stack.log_tail(gone.split()[0])}\n")
    raise SystemExit(f"{name} on port {port} did not become healthy ({last}).")


def start_stack(stack: Stack, args, port: int, ws_port: int, scratch: Path) -> None:
    """The production processes (docker-compose.yml), on this machine."""
    py = [sys.executable, "-m"]
    if (ROOT / "kcc" / "gunicorn_conf.py").exists():
        # The platform's own gunicorn settings, told where and how wide.
        stack.start(
            "gunicorn",
            [*py, "gunicorn", "-c", "python:kcc.gunicorn_conf", "kcc.wsgi:application"],
            GUNICORN_BIND=f"{HOST}:{port}",
            WEB_CONCURRENCY=str(args.workers),
        )
    else:
        stack.start(
            "gunicorn",
            [
                *py,
                "gunicorn",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(args.workers),
                "kcc.wsgi:application",
            ],
        )
    # Websockets only: the users' pages and API calls all go to gunicorn.
    stack.start(
        "daphne",
        [*py, "daphne", "-b", HOST, "-p", str(ws_port), "kcc.asgi:application"],
        KCC_SERVER_INTERFACE="asgi",
    )
    celery = [*py, "celery", "-A", "kcc"]
    stack.start("worker", [*celery, "worker", "--loglevel=WARNING", "--hostname=loadtest@%h"])
    stack.start(
        "beat",
        [
            *celery,
            "beat",
            "--loglevel=WARNING",
            f"--schedule={scratch / 'celerybeat-schedule'}",
            f"--pidfile={scratch / 'celerybeat.pid'}",
        ],
    )


# --- The chat's opening hours ---------------------------------------------------

# Run through `manage.py shell -c`, so this script itself never imports Django
# (a settings module that cannot load fails in the servers' logs, not here).
CHAT_OPEN = """
import json
from kanalen.models import Kanaal
kanaal = Kanaal.objects.filter(soort="chat").first()
if kanaal is not None:
    tijden = [[o.weekdag, o.open.isoformat(), o.dicht.isoformat()]
              for o in kanaal.openingstijden.all()]
    print(json.dumps({"actief": kanaal.actief, "tijden": tijden}))
    # A channel without opening hours is open all day (kanalen.chat.services.chat_open).
    kanaal.openingstijden.all().delete()
    if not kanaal.actief:
        kanaal.actief = True
        kanaal.save(update_fields=["actief"])
"""
CHAT_RESTORE = """
import json, os
from datetime import time
from django.db import transaction
from kanalen.models import Kanaal, Openingstijd
saved = json.loads(os.environ["LOADTEST_CHAT_HOURS"])
with transaction.atomic():
    kanaal = Kanaal.objects.select_for_update().get(soort="chat")
    kanaal.openingstijden.all().delete()
    Openingstijd.objects.bulk_create(
        Openingstijd(kanaal=kanaal, weekdag=dag, open=time.fromisoformat(van),
                     dicht=time.fromisoformat(tot))
        for dag, van, tot in saved["tijden"]
    )
    kanaal.actief = saved["actief"]
    kanaal.save(update_fields=["actief"])
"""


def chat_open_all_day(env: dict[str, str], out: Path) -> str | None:
    output = manage(env, out, "shell", "-c", CHAT_OPEN)
    lines = [line for line in output.splitlines() if line.startswith("{")]
    return lines[-1] if lines else None


def chat_hours_restore(env: dict[str, str], out: Path, snapshot: str) -> None:
    manage(env, out, "shell", "-c", CHAT_RESTORE, extra_env={"LOADTEST_CHAT_HOURS": snapshot})


# --- Database connections ---------------------------------------------------------


class ConnectionSampler(threading.Thread):
    """Every 0.5 s: how many connections the database has (all of them but
    this sampler's own), and how many of those run a query."""

    def __init__(self, database_url: str):
        super().__init__(daemon=True)
        self.database_url = database_url
        self.stopping = threading.Event()
        self.peak = self.peak_active = self.samples = 0
        self.max_connections = None
        self.error: str | None = None

    def run(self):
        import psycopg2

        try:
            connection = psycopg2.connect(self.database_url)
        except psycopg2.Error as error:
            self.error = str(error).strip()
            return
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute("SHOW max_connections")
                self.max_connections = int(cursor.fetchone()[0])
                while not self.stopping.is_set():
                    cursor.execute(
                        "SELECT count(*), count(*) FILTER (WHERE state = 'active') "
                        "FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                    total, active = cursor.fetchone()
                    self.peak = max(self.peak, total)
                    self.peak_active = max(self.peak_active, active)
                    self.samples += 1
                    self.stopping.wait(0.5)
        except psycopg2.Error as error:
            self.error = str(error).strip()
        finally:
            connection.close()

    def stop(self):
        self.stopping.set()
        self.join(timeout=5)


# --- Locust and its results --------------------------------------------------------


def run_locust(stack: Stack, args, port: int, ws_port: int) -> tuple[int | None, bool]:
    """Locust headless in its own process (gevent patches everything it
    imports, which this script's threads must not share). Returns its exit
    code (None when it had to be killed) and whether Ctrl-C stopped it."""
    prefix = str(stack.out / "locust")
    stack.start(
        "locust",
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(LOCUSTFILE),
            "--headless",
            "--host",
            f"http://{HOST}:{port}",
            "--users",
            str(args.users),
            "--spawn-rate",
            str(args.spawn_rate),
            "--run-time",
            f"{args.seconds}s",
            "--stop-timeout",
            str(STOP_TIMEOUT),
            "--csv",
            prefix,
            "--json-file",
            prefix,
            "--html",
            f"{prefix}.html",
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        LOADTEST_WS_URL=f"ws://{HOST}:{ws_port}",
        LOADTEST_PASSWORD=os.environ.get("DEMO_PASSWORD", "demo-kcc"),
        LOADTEST_THINK=str(args.think),
        # Development's default secret (kcc/settings.py) unless one is set.
        LOADTEST_INBOX_SECRET=os.environ.get("INBOX_WEBHOOK_GEHEIM", "ontwikkeling-inbox"),
    )
    locust = stack.processes["locust"]
    # Spawning, the stop timeout and writing the reports, with room to spare.
    limit = args.seconds + args.users / args.spawn_rate + STOP_TIMEOUT + 60
    try:
        return locust.wait(timeout=limit), False
    except subprocess.TimeoutExpired:
        sys.stderr.write(f"Locust did not stop within {limit:.0f} s; killed.\n")
        Stack._signal(locust, signal.SIGKILL)
        locust.wait()
        return None, False
    except KeyboardInterrupt:
        # Locust writes its reports on SIGTERM: show what ran until now.
        Stack._signal(locust, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            locust.wait(timeout=STOP_TIMEOUT + 20)
        return locust.returncode, True


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(newline="") as f:
        return list(csv.DictReader(f))


def ms(value: str) -> str:
    try:
        return f"{float(value):.0f}"
    except ValueError:
        return "-"


def table(rows: list[dict[str, str]]) -> str:
    lines = [
        "| type | request | count | failures | p50 ms | p95 ms | p99 ms | req/s |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    total = None
    for row in sorted(rows, key=lambda r: (r["Name"], r["Type"])):
        if row["Name"] == "Aggregated":
            total = row
            continue
        lines.append(
            f"| {row['Type']} | {row['Name']} | {row['Request Count']} | {row['Failure Count']} "
            f"| {ms(row['50%'])} | {ms(row['95%'])} | {ms(row['99%'])} "
            f"| {float(row['Requests/s']):.2f} |"
        )
    if total:
        lines.append(
            f"| | **total** | **{total['Request Count']}** | **{total['Failure Count']}** "
            f"| **{ms(total['50%'])}** | **{ms(total['95%'])}** | **{ms(total['99%'])}** "
            f"| **{float(total['Requests/s']):.2f}** |"
        )
    return "\n".join(lines)


# --- The run ---------------------------------------------------------------------


def main() -> int:
    args = parse_args()
    database_url, _redis_url = require_services()
    database = urlsplit(database_url).path.lstrip("/") or "?"
    out = args.out or ROOT / "var" / "loadtest" / time.strftime("%Y%m%d-%H%M%S")
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="kcc-loadtest-"))
    port = args.port or free_port()
    ws_port = args.ws_port or free_port()
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost",
        "PYTHONUNBUFFERED": "1",
    }
    stack = Stack(out, env)
    sampler = ConnectionSampler(database_url)
    chat_snapshot = None
    # SIGTERM (a CI job cancelled) tears down like Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    try:
        say(f"Preparing database {database} (migrate, demo data) ...")
        manage(env, out, "database_aanmaken")
        manage(env, out, "migrate", "--noinput")
        manage(env, out, "demo_data")
        if not args.keep_chat_hours:
            chat_snapshot = chat_open_all_day(env, out)

        start_stack(stack, args, port, ws_port, scratch)
        say(
            f"Starting gunicorn ({args.workers} workers) on {HOST}:{port}, daphne on "
            f"{HOST}:{ws_port}, Celery worker and beat ..."
        )
        wait_healthy(stack, "gunicorn", port)
        wait_healthy(stack, "daphne", ws_port)

        sampler.start()
        time.sleep(1)  # a baseline sample before the users arrive
        baseline = sampler.peak
        say(
            f"Running {args.users} users (spawn {args.spawn_rate:g}/s) for {args.seconds} s; "
            f"output in {out}"
        )
        locust_exit, interrupted = run_locust(stack, args, port, ws_port)
        sampler.stop()
        died = [d for d in stack.dead() if not d.startswith("locust")]
    finally:
        # A second Ctrl-C must not leave servers running half torn down.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        sampler.stop()
        stack.stop()
        if chat_snapshot:
            try:
                chat_hours_restore(env, out, chat_snapshot)
            except SystemExit as error:
                say(f"Could not put the chat's opening hours back: {error}")
        shutil.rmtree(scratch, ignore_errors=True)

    rows = read_csv(out / "locust_stats.csv")
    failures = read_csv(out / "locust_failures.csv")
    exceptions = read_csv(out / "locust_exceptions.csv")
    log_errors = stack.log_errors()
    total = next((r for r in rows if r["Name"] == "Aggregated"), None)
    requests = int(total["Request Count"]) if total else 0
    failed = int(total["Failure Count"]) if total else 0

    print("\n## Load test: a day at the KCC\n")
    print(
        f"{args.users} users (spawned at {args.spawn_rate:g}/s) for {args.seconds} s against "
        f"gunicorn ({args.workers} workers, WSGI) and daphne (websockets), with a Celery "
        f"worker and beat; database {database}. Machine: {schaal.machine()}.\n"
    )
    print(table(rows))
    print()
    if sampler.error:
        print(f"PostgreSQL connections: not sampled ({sampler.error}).")
    else:
        print(
            f"Peak PostgreSQL connections to {database}: **{sampler.peak}** "
            f"(at most {sampler.peak_active} running a query at once; {baseline} before the "
            f"load; max_connections {sampler.max_connections}; {sampler.samples} samples)."
        )
    problems = []
    if interrupted:
        problems.append("stopped with Ctrl-C before the end")
    if locust_exit is None or locust_exit not in (0, 1):
        problems.append(f"Locust ended abnormally (exit {locust_exit})")
    if requests == 0:
        problems.append("no requests were made")
    if failed:
        problems.append(f"{failed} failed requests")
    if exceptions:
        problems.append(f"{sum(int(e['Count']) for e in exceptions)} errors in the users' code")
    if died:
        problems.append("stopped during the run: " + ", ".join(died))
    for name, count in log_errors.items():
        problems.append(f"{count} error lines in {name}.log")
    if failures:
        print("\nFailures:\n")
        for f in sorted(failures, key=lambda f: -int(f["Occurrences"]))[:15]:
            print(f"- {f['Occurrences']}x {f['Method']} {f['Name']}: {f['Error'][:200]}")
    if exceptions:
        print("\nErrors in the users' code:\n")
        for e in exceptions[:5]:
            print(f"- {e['Count']}x {e['Message'][:200]}")
    print(f"\nStats (CSV, JSON, HTML) and server logs: {out}")
    if problems:
        print("\nNot clean: " + "; ".join(problems) + ".")
        return 130 if interrupted else 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit("Interrupted; every process this run started has been stopped.")
