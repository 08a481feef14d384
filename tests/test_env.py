"""Configuration comes from the environment and fails loudly on a bad value."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from kcc import env

ROOT = Path(__file__).resolve().parent.parent


def test_it_reads_booleans_and_refuses_anything_else(monkeypatch):
    monkeypatch.setenv("KCC_TEST_FLAG", "yes")
    assert env.env_bool("KCC_TEST_FLAG", False) is True
    monkeypatch.setenv("KCC_TEST_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="KCC_TEST_FLAG"):
        env.env_bool("KCC_TEST_FLAG", False)


def test_it_refuses_a_number_that_is_not_one(monkeypatch):
    monkeypatch.setenv("KCC_TEST_INT", "twenty")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env.env_int("KCC_TEST_INT", 1)


def test_it_refuses_an_unknown_choice(monkeypatch):
    monkeypatch.setenv("KCC_TEST_CHOICE", "staging")
    with pytest.raises(ImproperlyConfigured, match="must be one of"):
        env.env_choice("KCC_TEST_CHOICE", ("development", "production"), "development")


def test_it_parses_a_postgres_url():
    db = env.parse_database_url(
        "DATABASE_URL", "postgres://kcc:s%40cret@db.local:5433/kcc?sslmode=require"
    )
    settings = db.as_django(conn_max_age=600)
    assert settings["ENGINE"] == "django.db.backends.postgresql"
    assert (settings["USER"], settings["PASSWORD"], settings["HOST"]) == (
        "kcc",
        "s@cret",
        "db.local",
    )
    assert settings["PORT"] == "5433"
    assert settings["OPTIONS"] == {"sslmode": "require"}
    assert settings["CONN_MAX_AGE"] == 600


@pytest.mark.parametrize("url", ["mysql://x@h/db", "postgres://x@h/", "postgres://x@h:port/db"])
def test_it_refuses_a_database_url_it_cannot_use(url):
    with pytest.raises(ImproperlyConfigured):
        env.parse_database_url("DATABASE_URL", url)


def _django_setup(**overrides):
    keep = {"PATH", "HOME", "LANG", "PYTHONPATH"}
    environment = {k: v for k, v in os.environ.items() if k in keep}
    environment.update(overrides)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "kcc.settings", **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_says_how_to_start_the_embedded_servers_when_they_are_not_running(tmp_path):
    result = _django_setup(KCC_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "embedded PostgreSQL and Redis servers" in result.stderr
    assert "make services" in result.stderr


def test_it_says_which_embedded_server_is_down(tmp_path):
    # A port nothing listens on: the servers were set up but are stopped.
    (tmp_path / "services.json").write_text('{"postgres_port": 9, "redis_port": 9}')
    result = _django_setup(KCC_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "embedded PostgreSQL and Redis under" in result.stderr
    assert "is not running" in result.stderr


def test_it_runs_on_the_embedded_servers_it_finds_and_says_so(tmp_path):
    # The servers the tests run on stand in for embedded ones: the settings
    # read their ports from var/services.json.
    from django.conf import settings

    database = settings.DATABASES["default"]
    redis_port = int(settings.REDIS_URL.rsplit(":", 1)[1].split("/")[0])
    (tmp_path / "services.json").write_text(
        f'{{"postgres_port": {database["PORT"] or 5432}, "redis_port": {redis_port}}}'
    )
    result = _django_setup(KCC_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert f"postgresql (127.0.0.1:{database['PORT'] or 5432}/kcc) embedded" in result.stderr
    assert f"redis=127.0.0.1:{redis_port}/0 embedded" in result.stderr


def test_it_keeps_database_connections_short_under_asgi(tmp_path):
    result = _django_setup(
        KCC_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://x@db/kcc",
        REDIS_URL="redis://r:6379/0",
        KCC_SERVER_INTERFACE="asgi",
        DB_CONN_MAX_AGE="600",
    )
    assert result.returncode != 0
    assert "DB_CONN_MAX_AGE must be 0 under ASGI" in result.stderr


def test_it_refuses_production_without_a_secret_key(tmp_path):
    result = _django_setup(
        KCC_VAR_DIR=str(tmp_path), DJANGO_ENV="production", DJANGO_ALLOWED_HOSTS="kcc.example.nl"
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_ALLOWED_HOSTS": "kcc.example.nl",
    "DJANGO_SECRET_KEY": "k" * 60,
    "DATABASE_URL": "postgres://kcc@db/kcc",
    "REDIS_URL": "redis://redis:6379/0",
    "EMAIL_HOST": "smtp.example.nl",
    "PUBLIEKE_URL": "https://kcc.example.nl",
    "GEMEENTE_RSIN": "123456782",
}


def test_it_refuses_production_on_the_embedded_services(tmp_path):
    environment = {**PRODUCTION, "KCC_VAR_DIR": str(tmp_path)}
    del environment["REDIS_URL"]
    result = _django_setup(**environment)
    assert result.returncode != 0
    assert "DATABASE_URL and REDIS_URL are required" in result.stderr


def test_it_refuses_the_login_simulator_in_production(tmp_path):
    result = _django_setup(**PRODUCTION, KCC_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "simulator lets anyone log in" in result.stderr


def test_it_refuses_a_malformed_redis_url(tmp_path):
    result = _django_setup(
        KCC_VAR_DIR=str(tmp_path), DATABASE_URL="postgres://x@db/kcc", REDIS_URL="localhost:6379"
    )
    assert result.returncode != 0
    assert "REDIS_URL must start with redis://" in result.stderr


def test_it_documents_every_variable_in_env_example():
    read = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', (ROOT / "kcc" / "settings.py").read_text()))
    documented = set(re.findall(r"^#?\s*([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read, "no variables found in settings"
    assert read - documented == set()


PRODUCTION_MET_INLOGGEN = {
    **PRODUCTION,
    "DIGID_BACKEND": "oidc",
    "EHERKENNING_BACKEND": "oidc",
    "OIDC_RP_CLIENT_ID": "kcc",
    "OIDC_RP_CLIENT_SECRET": "x",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://broker.example.nl/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://broker.example.nl/token",
    "OIDC_OP_USER_ENDPOINT": "https://broker.example.nl/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://broker.example.nl/jwks",
}


def _geinstalleerd(tmp_path, **overrides) -> set[str]:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(','.join(settings.INSTALLED_APPS))",
        ],
        cwd=ROOT,
        env={
            "DJANGO_SETTINGS_MODULE": "kcc.settings",
            "PATH": os.environ.get("PATH", ""),
            "KCC_VAR_DIR": str(tmp_path),
            **overrides,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.strip().splitlines()[-1].split(","))


def _instellingen(tmp_path, *namen, **overrides) -> dict:
    """The values of settings ``namen`` in a process started with only
    ``overrides`` in its environment."""
    result = subprocess.run(  # noqa: S603 - this interpreter, the project's settings
        [
            sys.executable,
            "-c",
            "import json, sys, django; django.setup(); from django.conf import settings; "
            "print(json.dumps({n: getattr(settings, n) for n in sys.argv[1:]}))",
            *namen,
        ],
        cwd=ROOT,
        env={
            "DJANGO_SETTINGS_MODULE": "kcc.settings",
            "PATH": os.environ.get("PATH", ""),
            "KCC_VAR_DIR": str(tmp_path),
            "DATABASE_URL": "postgres://kcc@db/kcc",
            "REDIS_URL": "redis://redis:6379/0",
            **overrides,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_it_runs_without_debug_unless_asked(tmp_path):
    """`make run` sets nothing: the demo shows the Dutch error pages, not
    Django's English technical page."""
    assert _instellingen(tmp_path, "DEBUG") == {"DEBUG": False}
    assert _instellingen(tmp_path, "DEBUG", DJANGO_DEBUG="true") == {"DEBUG": True}


def test_it_refuses_production_without_the_public_address_for_links_in_messages(tmp_path):
    zonder = {k: v for k, v in PRODUCTION_MET_INLOGGEN.items() if k != "PUBLIEKE_URL"}
    result = _django_setup(**zonder, KCC_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "PUBLIEKE_URL is required when DJANGO_ENV=production" in result.stderr


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        ("kcc.example.nl", "must be a full address starting with https://"),
        ("http://kcc.example.nl", "must be a full address starting with https://"),
        ("https://mijn.example.nl", "The host of PUBLIEKE_URL"),
        ("https://kcc.example.nl/?x=1", "must not have a query"),
    ],
)
def test_it_refuses_a_public_address_that_would_give_broken_links(tmp_path, waarde, melding):
    omgeving = {**PRODUCTION_MET_INLOGGEN, "PUBLIEKE_URL": waarde}
    result = _django_setup(**omgeving, KCC_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert melding in result.stderr


def test_it_links_to_where_make_run_serves_in_development(tmp_path):
    assert _instellingen(tmp_path, "PUBLIEKE_URL") == {"PUBLIEKE_URL": "http://127.0.0.1:8000"}
    # `make run HOST=kcc-demo.local PORT=9000` sets PUBLIEKE_URL, and serves its host.
    waarden = _instellingen(
        tmp_path, "PUBLIEKE_URL", "ALLOWED_HOSTS", PUBLIEKE_URL="http://kcc-demo.local:9000/"
    )
    assert waarden["PUBLIEKE_URL"] == "http://kcc-demo.local:9000"
    assert "kcc-demo.local" in waarden["ALLOWED_HOSTS"]
    # In production the address is checked, not silently served.
    waarden = _instellingen(tmp_path, "PUBLIEKE_URL", "ALLOWED_HOSTS", **PRODUCTION_MET_INLOGGEN)
    assert waarden == {
        "PUBLIEKE_URL": "https://kcc.example.nl",
        "ALLOWED_HOSTS": ["kcc.example.nl", "127.0.0.1", "localhost"],
    }


def test_make_run_gives_its_processes_the_address_it_serves_on():
    # The platform target's commands print the variable instead of running
    # manage.py; the serve target it starts inherits the same environment.
    result = subprocess.run(  # noqa: S603 - the project's own Makefile
        [
            shutil.which("make"),
            "--no-print-directory",
            "-i",
            "platform",
            "MANAGE=printenv PUBLIEKE_URL",
            "MAKE=true",
            "HOST=10.1.2.3",
            "PORT=9000",
        ],
        cwd=ROOT,
        env={"PATH": os.environ.get("PATH", "")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "http://10.1.2.3:9000" in result.stdout.splitlines(), result.stdout + result.stderr


def test_it_leaves_the_development_data_out_of_production(tmp_path):
    assert "kcc.devdata" not in _geinstalleerd(tmp_path, **PRODUCTION_MET_INLOGGEN)
    # An acceptance environment may load the demo on purpose.
    assert "kcc.devdata" in _geinstalleerd(tmp_path, **PRODUCTION_MET_INLOGGEN, KCC_DEVDATA="true")


def test_it_refuses_production_without_a_second_factor_for_staff(tmp_path):
    result = _django_setup(**PRODUCTION_MET_INLOGGEN, STAFF_MFA="false", KCC_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "STAFF_MFA must not be false when DJANGO_ENV=production" in result.stderr


def test_it_refuses_production_without_a_valid_rsin(tmp_path):
    environment = {**PRODUCTION, "KCC_VAR_DIR": str(tmp_path), "LOGIN_SIMULATOR_ALLOWED": "true"}
    del environment["GEMEENTE_RSIN"]
    result = _django_setup(**environment)
    assert result.returncode != 0
    assert "GEMEENTE_RSIN must be the municipality's RSIN" in result.stderr
    result = _django_setup(**{**environment, "GEMEENTE_RSIN": "123456789"})
    assert "GEMEENTE_RSIN must be the municipality's RSIN" in result.stderr
