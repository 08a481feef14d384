"""docker-compose.yml describes the whole production stack, kcc/deploy/Caddyfile its proxy."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
PLATFORM = ["web", "asgi", "worker", "worker-zwaar", "beat"]


def _caddy_blocks(text: str) -> list:
    """The Caddyfile as (tokens, nested entries) pairs, one per line: enough to
    read which matcher goes to which upstream, not a Caddyfile parser."""
    root: list = []
    stack = [root]
    for line in text.splitlines():
        tokens = line.split("#", 1)[0].split()
        if not tokens:
            continue
        if tokens == ["}"]:
            stack.pop()
            continue
        opens = tokens[-1] == "{"
        entry = (tokens[:-1] if opens else tokens, [])
        stack[-1].append(entry)
        if opens:
            stack.append(entry[1])
    return root


def _site():
    blocks = _caddy_blocks((ROOT / "kcc" / "deploy" / "Caddyfile").read_text())
    return next(entries for tokens, entries in blocks if tokens == ["{$KCC_DOMEIN}"])


def _queues(service: str) -> set[str]:
    command = SERVICES[service]["command"]
    return set(command[command.index("-Q") + 1].split(","))


def test_it_gives_every_long_running_service_a_healthcheck():
    assert {"proxy", "pgbouncer", "postgres", "redis", "migrate", *PLATFORM} <= set(SERVICES)
    for name, service in SERVICES.items():
        if service.get("restart") == "no":
            continue  # a one-shot job: it exits instead of staying healthy
        assert "healthcheck" in service, name
    assert SERVICES["migrate"]["restart"] == "no"


def test_it_starts_the_platform_only_after_the_migrations_ran():
    assert SERVICES["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    for name in PLATFORM:
        depends = SERVICES[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully", name
        assert depends["pgbouncer"]["condition"] == "service_healthy", name
        assert depends["redis"]["condition"] == "service_healthy", name
        assert "migrate" not in SERVICES[name]["command"], name


def test_it_connects_the_platform_through_pgbouncer_and_migrates_directly():
    for name in PLATFORM:
        environment = SERVICES[name]["environment"]
        for variable in ["DJANGO_ENV", "DATABASE_URL", "REDIS_URL", "DJANGO_SECRET_KEY"]:
            assert variable in environment, (name, variable)
        assert "@pgbouncer:5432/" in environment["DATABASE_URL"], name
        assert environment["DB_DISABLE_SERVER_SIDE_CURSORS"] == "true", name
    assert "@postgres:5432/" in SERVICES["migrate"]["environment"]["DATABASE_URL"]
    assert SERVICES["pgbouncer"]["environment"]["POOL_MODE"] == "transaction"


def test_it_publishes_ports_only_on_the_proxy():
    published = {name for name, service in SERVICES.items() if service.get("ports")}
    assert published == {"proxy"}
    assert {"80:80", "443:443"} <= set(SERVICES["proxy"]["ports"])


def test_it_serves_pages_with_gunicorn_and_websockets_with_daphne():
    assert SERVICES["web"]["command"][:3] == ["gunicorn", "-c", "python:kcc.gunicorn_conf"]
    asgi = SERVICES["asgi"]["command"]
    assert asgi[0] == "daphne"
    assert asgi[asgi.index("-p") + 1] == "8001"


def test_it_checks_only_the_liveness_of_web_and_asgi():
    for name, port in [("web", 8000), ("asgi", 8001)]:
        check = " ".join(SERVICES[name]["healthcheck"]["test"])
        assert f"http://127.0.0.1:{port}/healthz/live" in check, name
        assert "/healthz/ready" not in check, name


def test_it_routes_websockets_to_asgi_and_everything_else_to_web_but_health():
    assert "./kcc/deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in SERVICES["proxy"]["volumes"]
    site = _site()
    matchers = {tokens[0]: tokens[1:] for tokens, _ in site if tokens[0].startswith("@")}
    routes = {}
    for tokens, entries in site:
        if tokens[0] == "handle":
            matcher = matchers[tokens[1]] if len(tokens) > 1 else ["*"]
            routes[" ".join(matcher)] = [
                " ".join(t[:2]) for t, _ in entries if t[0] in {"reverse_proxy", "respond"}
            ]
    assert routes == {
        # Health and metrics are for the proxy's own checks and monitoring
        # inside the stack, never served to the internet.
        "path /healthz /healthz/* /metrics": ["respond 404"],
        "path /ws/*": ["reverse_proxy asgi:8001"],
        "*": ["reverse_proxy web:8000"],
    }


def test_it_gives_every_request_an_id_the_client_cannot_choose():
    assert (["request_header", "X-Request-ID", "{http.request.uuid}"], []) in _site()


def test_it_runs_one_beat():
    assert SERVICES["beat"].get("deploy", {}).get("replicas", 1) == 1


def test_it_consumes_every_queue_in_exactly_one_worker():
    assert _queues("worker") == {"berichten", "snel", "celery"}
    assert _queues("worker-zwaar") == {"zwaar"}
