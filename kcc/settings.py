"""Settings for the KCC platform.

Everything that differs between machines comes from the environment through
``kcc.env`` and is listed in ``.env.example``. The platform always runs on
PostgreSQL and Redis (the Celery broker, the channel layer, the cache and the
sessions): ``DATABASE_URL`` and ``REDIS_URL`` name them, and with nothing set
the embedded servers under ``var/`` are used (``kcc/embedded.py``). E-mail and
SMS go to a local outbox in ``var/outbox/`` until a mail host and an SMS
gateway are configured.
"""

from __future__ import annotations

import ipaddress
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import csp.constants as csp
from celery.schedules import crontab
from django.contrib.messages import constants as message_constants
from django.core.exceptions import ImproperlyConfigured
from django.http.request import validate_host
from django.utils.translation import gettext_lazy as _

from kcc.env import (
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
    parse_database_url,
    parse_public_url,
    parse_redis_url,
)
from kcc.identifiers import is_valid_bsn

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("KCC_VAR_DIR", str(BASE_DIR / "var")))

DJANGO_ENV = env_choice("DJANGO_ENV", ("development", "production"), "development")
PRODUCTION = DJANGO_ENV == "production"

# Off unless asked for, on a developer's machine too: `make run` is also the
# demo, and with DEBUG a refused or missing page (another citizen's case)
# shows Django's English technical page, with the settings, instead of the
# platform's own Dutch one. DJANGO_DEBUG=true puts tracebacks in the browser;
# they are in the log either way.
DEBUG = env_bool("DJANGO_DEBUG", False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG must not be true when DJANGO_ENV=production.")

if PRODUCTION:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be at least 50 characters long.")
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is required when DJANGO_ENV=production.")
else:
    # Only ever used on a developer's machine: production refuses to start
    # without its own key (see above).
    SECRET_KEY = env_str("DJANGO_SECRET_KEY", "development-only-key-not-for-production")
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

# Where citizens reach the platform, for the links in e-mails and SMS: those
# are written by a worker, or for a request on another address (an agent's
# workspace), so no request can tell. Production must name it; `make run`
# sets it to the address it serves on, and a development process without it
# assumes make run's default.
PUBLIEKE_URL = env_str("PUBLIEKE_URL", None if PRODUCTION else "http://127.0.0.1:8000")
if not PUBLIEKE_URL:
    raise ImproperlyConfigured(
        "PUBLIEKE_URL is required when DJANGO_ENV=production: the address where citizens "
        "reach the platform (such as https://mijn.voorbeeldstad.nl), for the links in "
        "e-mails and SMS."
    )
PUBLIEKE_URL = parse_public_url("PUBLIEKE_URL", PUBLIEKE_URL, require_https=PRODUCTION)
_publieke_host = urlsplit(PUBLIEKE_URL).hostname
if ":" in _publieke_host:
    _publieke_host = f"[{_publieke_host}]"  # an IPv6 address, as a Host header has it
if not validate_host(_publieke_host, ALLOWED_HOSTS):
    # A link in a message must open a page, not Django's 400 for a host it
    # does not serve.
    if PRODUCTION:
        raise ImproperlyConfigured(
            f"The host of PUBLIEKE_URL ({PUBLIEKE_URL}) is not in DJANGO_ALLOWED_HOSTS."
        )
    # `make run HOST=...` serves the address its links point to.
    ALLOWED_HOSTS.append(_publieke_host)
if PRODUCTION:
    # The container healthchecks call /healthz/live on the loopback address.
    ALLOWED_HOSTS += ["127.0.0.1", "localhost"]

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The building blocks, in the order they may import each other
# (see docs/architecture.md).
PROJECT_APPS = ["kcc", "producten", "klanten", "zaken", "kanalen", "dashboard"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # full-text and trigram search
    "kcc.apps.KccAdminConfig",
    "rest_framework",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "mozilla_django_oidc",
    # DigiD/eHerkenning over SAML: its configuration and certificates live in
    # the beheer, so they are there before DIGID_BACKEND=saml switches it on.
    "privates",
    "simple_certmanager",
    "solo",
    "digid_eherkenning",
    *PROJECT_APPS,
]
# Development only (demo_data, schaaldata, telefonie_simuleren): on by default
# outside production; an acceptance environment may switch it on.
DEVDATA = env_bool("KCC_DEVDATA", not PRODUCTION)
if DEVDATA:
    INSTALLED_APPS.append("kcc.devdata")

MIDDLEWARE = [
    # First: every response, even a redirect to https, carries the request id.
    "kcc.observability.request_id_middleware",
    # Before anything reads REMOTE_ADDR (rate limits, the audit log).
    "kcc.proxy.client_address_middleware",
    # Before anything reads the query or a form (and before the CSRF check):
    # a NUL character is a clear 400, never a database error.
    "kcc.nul_tekens.NulTekensMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The Content-Security-Policy; just inside it, what it adds per answer.
    "csp.middleware.CSPMiddleware",
    "kcc.beveiliging.beveiligingskoppen_middleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a locked-out login into its answer (kcc.beveiliging).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kcc.urls"
# The port of the ASGI server when pages and websockets are served on
# different ports of one host (`make run`, without a proxy); 0: the page's own
# address, where the proxy sends /ws/ to the ASGI server (production).
WEBSOCKET_PORT = env_int("WEBSOCKET_PORT", 0, minimum=0)
# The reverse proxies (addresses or networks) whose X-Forwarded-For gives the
# client's address (kcc/proxy.py); empty: REMOTE_ADDR is the client.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for _netwerk in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_netwerk, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES has {_netwerk!r}, which is not an address or network."
        ) from None
ASGI_APPLICATION = "kcc.asgi.application"
WSGI_APPLICATION = "kcc.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kcc.context_processors.platform",
            ],
        },
    },
]

# --- Database and Redis ---------------------------------------------------

# PostgreSQL and Redis always: DATABASE_URL and REDIS_URL name them, and where
# one is not set the embedded server under var/ is used (kcc/embedded.py,
# started by `make run` and `make test`). There is no other database or broker,
# so a developer's machine runs the code paths production runs.
DATABASE_URL = env_str("DATABASE_URL", None)
REDIS_URL = env_str("REDIS_URL", None)
EMBEDDED_SERVICES = [
    name for name, url in (("PostgreSQL", DATABASE_URL), ("Redis", REDIS_URL)) if not url
]
if EMBEDDED_SERVICES:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "DATABASE_URL and REDIS_URL are required when DJANGO_ENV=production."
        )
    from kcc import embedded

    _embedded_database_url, _embedded_redis_url = embedded.urls_for_settings()
    DATABASE_URL = DATABASE_URL or _embedded_database_url
    REDIS_URL = REDIS_URL or _embedded_redis_url

# Which server runs this process: kcc/asgi.py says "asgi" before Django starts.
# Under ASGI every synchronous view runs on a thread pool, and Django's
# persistent connections would stay open per thread (Django's documentation:
# disable them under ASGI), so there a connection lives for one request.
# Under WSGI (gunicorn's sync workers, one thread each) and in Celery workers a
# connection is kept and checked before reuse.
SERVER_INTERFACE = env_choice("KCC_SERVER_INTERFACE", ("wsgi", "asgi"), "wsgi")
_conn_max_age = env_int("DB_CONN_MAX_AGE", 0 if SERVER_INTERFACE == "asgi" else 600, minimum=0)
if SERVER_INTERFACE == "asgi" and _conn_max_age:
    raise ImproperlyConfigured(
        "DB_CONN_MAX_AGE must be 0 under ASGI: persistent connections are per thread there "
        "and would pile up until the database refuses new ones."
    )
_db = parse_database_url("DATABASE_URL", DATABASE_URL)
DATABASES = {"default": _db.as_django(conn_max_age=_conn_max_age)}
# Behind PgBouncer in transaction mode (docker-compose.yml) a server-side cursor
# cannot outlive its transaction's server connection.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool(
    "DB_DISABLE_SERVER_SIDE_CURSORS", False
)
DATABASE_DESCRIPTION = f"postgresql ({_db.host or 'socket'}:{_db.port or 5432}/{_db.name})"
if "PostgreSQL" in EMBEDDED_SERVICES:
    DATABASE_DESCRIPTION += " embedded"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

parse_redis_url("REDIS_URL", REDIS_URL)

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "kcc"),
    }
}

# Sessions are read on every request: from the cache, written through to the
# database, so a cache restart logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {
            # No read timeout: the layer waits on Redis for up to its own
            # blocking-pop timeout (5 s), and redis-py 8's default socket
            # timeout of 5 s would end an idle websocket's consumer with an
            # error ("Timeout reading from ...").
            "hosts": [{"address": REDIS_URL, "socket_timeout": None}],
            "prefix": env_str("CHANNEL_LAYER_PREFIX", "kcc-asgi"),
            "capacity": 1000,
            "expiry": 60,
        },
    }
}

# Celery reads every CELERY_* setting (see kcc/celery.py). Tasks always go
# through the broker to a worker: `make run` starts one, as production does.
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The ceiling and the default: each task sets its own limits below it
# (kcc.celery.time_limits), fitted to its work.
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300, minimum=5)
# Sending one outbox message: one SMTP (EMAIL_TIMEOUT 30 s) or gateway call.
OUTBOX_SEND_TIME_LIMIT = min(60, CELERY_TASK_TIME_LIMIT)
# How long an outbox row may stay claimed before beat hands it to another
# worker; longer than the sending task's time limit, so its first worker has
# stopped (the prefork pool ends a task at its hard limit).
OUTBOX_LEASE_SECONDS = env_int("OUTBOX_LEASE_SECONDS", 2 * OUTBOX_SEND_TIME_LIMIT, minimum=10)
if OUTBOX_LEASE_SECONDS <= OUTBOX_SEND_TIME_LIMIT:
    raise ImproperlyConfigured(
        "OUTBOX_LEASE_SECONDS must be longer than the time limit of sending a message "
        f"({OUTBOX_SEND_TIME_LIMIT} s)."
    )
CELERY_RESULT_EXPIRES = 3600
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Queueing a task after commit must not hold up the user when the broker is
# away: every task is backed by a row beat picks up again (the outbox, the
# deadline watch), so a failed publish is given up quickly instead of retried.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TIMEZONE = "Europe/Amsterdam"
# Four queues, so a rollup rebuild never holds up a message to a customer:
# `berichten` (the outbox), `snel` (short work someone waits for), `zwaar`
# (long runs over many rows) and `celery` (Celery's own tasks). A worker
# started without -Q takes all four; `make run` gives `zwaar` its own worker.
# Every project task has its route here (tests/test_queues.py checks it).
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_QUEUES = {
    queue: {"routing_key": queue} for queue in ("berichten", "snel", "zwaar", "celery")
}
CELERY_TASK_ROUTES = {
    "kanalen.tasks.bericht_versturen": {"queue": "berichten"},
    "kanalen.tasks.berichten_wachtrij_verwerken": {"queue": "berichten"},
    # Notifications to the subscribers of the standard APIs: an outbox as well.
    "kcc.tasks.notificatie_afleveren": {"queue": "berichten"},
    "kcc.tasks.notificaties_wachtrij_verwerken": {"queue": "berichten"},
    "kcc.tasks.ping": {"queue": "snel"},
    "kcc.tasks.heartbeat": {"queue": "snel"},
    "zaken.tasks.termijnen_bewaken": {"queue": "snel"},
    "klanten.tasks.contactverzoeken_bewaken": {"queue": "snel"},
    "kanalen.tasks.email_ophalen": {"queue": "snel"},
    # Reminders are outbox rows; sending them is bericht_versturen's.
    "kanalen.tasks.afspraken_bewaken": {"queue": "snel"},
    "dashboard.tasks.rollups_bijwerken": {"queue": "zwaar"},
    "klanten.tasks.klantcontacten_anonimiseren": {"queue": "zwaar"},
    "producten.tasks.zoekvragen_opruimen": {"queue": "zwaar"},
}
# One beat per installation (all that share this Redis database and cache
# prefix): kcc/beat.py keeps a lock in Redis for this long and renews it;
# another beat waits as a standby and takes over once it expires.
CELERY_BEAT_SCHEDULER = "kcc.beat:SingleBeatScheduler"
BEAT_LOCK_SECONDS = env_int("BEAT_LOCK_SECONDS", 60, minimum=10)
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# `expires`: a run no worker has started before the next one is due is
# dropped, so a backlog after a worker outage runs once instead of once per
# missed interval. Each of these only catches up with rows, so the next run
# does the work of a dropped one; sending a message (bericht_versturen,
# queued by the outbox sweep) never expires.
CELERY_BEAT_SCHEDULE = {
    "heartbeat": {"task": "kcc.tasks.heartbeat", "schedule": 60.0, "options": {"expires": 55}},
    "termijnen-bewaken": {
        "task": "zaken.tasks.termijnen_bewaken",
        "schedule": 15 * 60.0,
        "options": {"expires": 14 * 60},
    },
    # A backlog of sweeps would each queue every due message again.
    "berichten-wachtrij": {
        "task": "kanalen.tasks.berichten_wachtrij_verwerken",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    "notificaties-wachtrij": {
        "task": "kcc.tasks.notificaties_wachtrij_verwerken",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    "email-ophalen": {
        "task": "kanalen.tasks.email_ophalen",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    "afspraken-bewaken": {
        "task": "kanalen.tasks.afspraken_bewaken",
        "schedule": 15 * 60.0,
        "options": {"expires": 14 * 60},
    },
    "rollups-bijwerken": {
        "task": "dashboard.tasks.rollups_bijwerken",
        "schedule": 5 * 60.0,
        "options": {"expires": 4 * 60},
    },
    "rollups-nacht": {
        "task": "dashboard.tasks.rollups_bijwerken",
        "schedule": crontab(hour=3, minute=45),
        "kwargs": {"dagen_terug": 7},
        "options": {"expires": 23 * 3600},
    },
    "contactverzoeken-bewaken": {
        "task": "klanten.tasks.contactverzoeken_bewaken",
        "schedule": 15 * 60.0,
        "options": {"expires": 14 * 60},
    },
    "klantcontacten-anonimiseren": {
        "task": "klanten.tasks.klantcontacten_anonimiseren",
        "schedule": crontab(hour=2, minute=30),
        "options": {"expires": 23 * 3600},
    },
    "zoekvragen-opruimen": {
        "task": "producten.tasks.zoekvragen_opruimen",
        "schedule": crontab(hour=3, minute=15),
        "options": {"expires": 23 * 3600},
    },
}

_redis = urlsplit(REDIS_URL)
REDIS_DESCRIPTION = f"{_redis.hostname}:{_redis.port or 6379}{_redis.path}"
if "Redis" in EMBEDDED_SERVICES:
    REDIS_DESCRIPTION += " embedded"
SERVICES_DESCRIPTION = ", ".join(
    [
        f"database={DATABASE_DESCRIPTION}",
        f"redis={REDIS_DESCRIPTION}",
        f"server={SERVER_INTERFACE}",
    ]
)

# --- Accounts and login ---------------------------------------------------

AUTH_USER_MODEL = "kcc.User"

# Django's message levels as the stylesheet's classes (melding--succes,
# melding--fout, ...), so an error never looks like a confirmation.
MESSAGE_TAGS = {
    message_constants.DEBUG: "info",
    message_constants.INFO: "info",
    message_constants.SUCCESS: "succes",
    message_constants.WARNING: "waarschuwing",
    message_constants.ERROR: "fout",
}
LOGIN_URL = "kcc:medewerker-login"
LOGOUT_REDIRECT_URL = "publiek:home"

# simulator (development), oidc (a DigiD/eHerkenning broker) or saml (the
# municipality's own SAML connection, configured in the beheer).
_ROUTES = ("simulator", "oidc", "saml")
DIGID_BACKEND = env_choice("DIGID_BACKEND", _ROUTES, "simulator")
EHERKENNING_BACKEND = env_choice("EHERKENNING_BACKEND", _ROUTES, "simulator")
LOGIN_SIMULATOR_ALLOWED = env_bool("LOGIN_SIMULATOR_ALLOWED", not PRODUCTION)
if "simulator" in {DIGID_BACKEND, EHERKENNING_BACKEND} and not LOGIN_SIMULATOR_ALLOWED:
    raise ImproperlyConfigured(
        "The DigiD/eHerkenning simulator lets anyone log in as anyone. Set "
        "DIGID_BACKEND and EHERKENNING_BACKEND to oidc or saml in production, or "
        "LOGIN_SIMULATOR_ALLOWED=true on an acceptance environment."
    )

# First: a name and address locked out after too many failures get no further.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "kcc.auth.backends.StaffBackend"]
if "simulator" in {DIGID_BACKEND, EHERKENNING_BACKEND}:
    AUTHENTICATION_BACKENDS.append("kcc.auth.backends.SimulatorBackend")
if DIGID_BACKEND == "saml":
    AUTHENTICATION_BACKENDS.append("kcc.auth.saml.DigiDSamlBackend")
if EHERKENNING_BACKEND == "saml":
    AUTHENTICATION_BACKENDS.append("kcc.auth.saml.EHerkenningSamlBackend")
if "oidc" in {DIGID_BACKEND, EHERKENNING_BACKEND}:
    AUTHENTICATION_BACKENDS.append("kcc.auth.backends.BrokerOIDCBackend")
    # The OIDC broker (e.g. a DigiD/eHerkenning gateway) is one client;
    # the login button picks the means through the scope it asks for.
    OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env_str("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT")
    OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_BSN_CLAIM = env_str("OIDC_BSN_CLAIM", "bsn")
OIDC_KVK_CLAIM = env_str("OIDC_KVK_CLAIM", "kvk")
# The rest of what a DigiD/eHerkenning broker may return; the defaults are the
# eID standards' attribute names. Without a level-of-assurance claim a login
# counts as the level the broker is set to ask (OIDC_DIGID_NIVEAU,
# OIDC_EHERKENNING_NIVEAU: basis, midden, substantieel or hoog).
OIDC_LOA_CLAIM = env_str("OIDC_LOA_CLAIM", "")
OIDC_VERTEGENWOORDIGDE_CLAIM = env_str(
    "OIDC_VERTEGENWOORDIGDE_CLAIM", "urn:nl-eid-gdi:1.0:LegalSubjectID"
)
OIDC_GEMACHTIGDE_CLAIM = env_str("OIDC_GEMACHTIGDE_CLAIM", "urn:nl-eid-gdi:1.0:ActingSubjectID")
OIDC_VESTIGING_CLAIM = env_str(
    "OIDC_VESTIGING_CLAIM", "urn:etoegang:1.9:ServiceRestriction:Vestigingsnr"
)
_NIVEAUS = {"basis": 10, "midden": 20, "substantieel": 30, "hoog": 40}
OIDC_STANDAARDNIVEAU = {
    "digid": _NIVEAUS[env_choice("OIDC_DIGID_NIVEAU", tuple(_NIVEAUS), "basis")],
    "eherkenning": _NIVEAUS[env_choice("OIDC_EHERKENNING_NIVEAU", tuple(_NIVEAUS), "basis")],
}
OIDC_DIGID_SCOPES = env_str("OIDC_DIGID_SCOPES", "openid bsn")
OIDC_EHERKENNING_SCOPES = env_str("OIDC_EHERKENNING_SCOPES", "openid kvk")
LOGIN_REDIRECT_URL = "/pip/"  # after a DigiD/eHerkenning login through the OIDC broker
LOGIN_REDIRECT_URL_FAILURE = "/pip/inloggen/?mislukt=1"
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"

STAFF_LOGIN_MAX_FAILURES = 5
STAFF_LOGIN_LOCKOUT_SECONDS = 15 * 60
# Failed staff logins (django-axes): every attempt is stored and shown in the
# beheer (Axes: inlogpogingen); only logins with a name and password count,
# not a citizen's DigiD or eHerkenning. A name is locked only together with the address it was
# tried from, so a stranger elsewhere cannot lock a colleague out, and the KCC
# office behind one address is not locked by one agent's typing. A correct
# login clears the count; the beheerder clears a lock by deleting its row.
# Staff log in with a password and a code from an authenticator app
# (kcc/tweede_factor.py): they see personal data of every resident, and the
# BIO asks for a second factor there. `make run` switches it off so the demo
# accounts log in with their password alone; production refuses that.
MFA_MEDEWERKERS = env_bool("STAFF_MFA", True)
if PRODUCTION and not MFA_MEDEWERKERS:
    raise ImproperlyConfigured("STAFF_MFA must not be false when DJANGO_ENV=production.")

AXES_FAILURE_LIMIT = STAFF_LOGIN_MAX_FAILURES
AXES_COOLOFF_TIME = timedelta(seconds=STAFF_LOGIN_LOCKOUT_SECONDS)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "kcc.beveiliging.inlognaam"
AXES_CLIENT_IP_CALLABLE = "kcc.beveiliging.client_adres"
AXES_WHITELIST_CALLABLE = "kcc.beveiliging.zonder_wachtwoord"
AXES_LOCKOUT_CALLABLE = "kcc.beveiliging.geblokkeerd"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A citizen's session ends after 15 minutes without activity, as DigiD
# requires of the services behind it; staff sessions last a working day.
PORTAL_SESSION_SECONDS = env_int("PORTAL_SESSION_SECONDS", 15 * 60, minimum=60)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 9 * 60 * 60, minimum=60)

# --- Language, time -------------------------------------------------------

LANGUAGE_CODE = "nl"
# Add a language here once its translations exist: a page must never say
# lang="en" around Dutch text (WCAG 3.1.1).
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
if not PRODUCTION:
    # WhiteNoise warns about a missing STATIC_ROOT; in development it serves
    # from the apps' static folders and this one stays empty.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
# The SAML certificates' private keys (django-simple-certmanager): never served.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
PRIVATE_MEDIA_URL = "/private-media/"
# Uploads (documents with a request) are never served from MEDIA_URL: a view
# checks who may see each one. This is the largest document a customer may
# send where the catalogue sets no limit of its own.
UPLOAD_MAX_MB = env_int("UPLOAD_MAX_MB", 10, minimum=1)
# A virus scanner (clamd, tcp://host:3310 or unix:///path/clamd.sock) that sees
# every upload before it is stored; without it files are checked by content only.
CLAMAV_URL = env_str("CLAMAV_URL", "")
CLAMAV_TIMEOUT = env_int("CLAMAV_TIMEOUT", 30, minimum=1)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Outside production WhiteNoise serves the apps' static folders as they are,
# with or without DEBUG, and sees a changed file at once; production serves
# what collectstatic wrote to STATIC_ROOT (the Dockerfile runs it).
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION

# --- E-mail and SMS -------------------------------------------------------

DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "KCC Gemeente Voorbeeldstad <kcc@example.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST", None)
if PRODUCTION and not EMAIL_HOST:
    raise ImproperlyConfigured("EMAIL_HOST is required when DJANGO_ENV=production.")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 30
else:
    # The local outbox: every mail is a file a developer can open.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "outbox" / "email"

SMS_BACKEND = env_choice("SMS_BACKEND", ("console", "file", "locmem", "gateway"), "file")
if SMS_BACKEND == "gateway":
    SMS_GATEWAY_URL = env_str("SMS_GATEWAY_URL")
    SMS_GATEWAY_TOKEN = env_str("SMS_GATEWAY_TOKEN")
SMS_FILE_PATH = VAR_DIR / "outbox" / "sms"
SMS_SENDER = env_str("SMS_SENDER", "Gemeente")

# Password of the demo accounts made by `manage.py demo_data` (never in production).
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "demo-kcc")

# --- REST API -------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "kcc.api_auth.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "kcc.openapi.KccAutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "kcc.api.problem_exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # DRF's own form parsers; JSON through ours, which refuses a body nested
    # too deep or holding a NUL character as unreadable (400), not a 500.
    "DEFAULT_PARSER_CLASSES": [
        "kcc.api_parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
}
if DEBUG:
    REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"].append(
        "rest_framework.renderers.BrowsableAPIRenderer"
    )

SPECTACULAR_SETTINGS = {
    "TITLE": "KCC-platform API",
    "DESCRIPTION": "REST API of the KCC platform (NL API Design Rules: versioned paths, "
    "problem+json errors, paginated lists).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    # A request body gets its own component: a file is binary there (not a
    # URL), a required text has minLength 1, read-only fields are left out.
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "KanaalSoortEnum": "kcc.choices.KanaalSoort",
        "BerichtKanaalEnum": "kanalen.berichten.models.Bericht.Kanaal",
    },
}

# --- The standard APIs (ZGW and Klantinteracties) -------------------------

# Where other systems reach the standard APIs: the URLs in their answers are
# absolute on this address (the public address unless the integration
# network uses another).
ZGW_API_URL = parse_public_url(
    "ZGW_API_URL", env_str("ZGW_API_URL", "") or PUBLIEKE_URL, require_https=PRODUCTION
)
# The municipality's RSIN: bronorganisatie and verantwoordelijke organisatie
# of every case, and the catalogue's owner. Production names its own; the
# demo's is a made-up one that passes the elfproef.
GEMEENTE_RSIN = env_str("GEMEENTE_RSIN", None if PRODUCTION else "123456782")
if not GEMEENTE_RSIN or not is_valid_bsn(GEMEENTE_RSIN):
    raise ImproperlyConfigured(
        "GEMEENTE_RSIN must be the municipality's RSIN: nine digits that pass the elfproef "
        f"(it is the bronorganisatie of every case in the standard APIs): {GEMEENTE_RSIN!r}."
    )
# A ZGW JWT is valid this many seconds after its iat (clients make a new
# one per call or per few minutes), with this leeway for clocks that differ.
ZGW_JWT_GELDIGHEID = env_int("ZGW_JWT_GELDIGHEID", 3600, minimum=60)
ZGW_JWT_SPELING = env_int("ZGW_JWT_SPELING", 60, minimum=0)

# --- Security -------------------------------------------------------------

X_FRAME_OPTIONS = "DENY"
# Everything from the platform itself, nothing inline or evaluated (no page has
# an inline script, style or event handler; tests/test_beveiligingskoppen.py
# keeps it so). Images may be data: URLs (the API docs' icons); the websocket
# port of a development run is added per answer (kcc/beveiliging.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.NONE],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    }
}
if "oidc" in {DIGID_BACKEND, EHERKENNING_BACKEND} and OIDC_OP_AUTHORIZATION_ENDPOINT:
    # The login goes on at the broker; a browser holds a form's redirects to
    # form-action too.
    _broker = urlsplit(OIDC_OP_AUTHORIZATION_ENDPOINT)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(
        f"{_broker.scheme}://{_broker.netloc}"
    )
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "kcc.views.csrf_failure"
if PRODUCTION:
    # TLS ends at the proxy in front of the platform; it says so in this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz(/live|/ready)?$"]

# --- Logging --------------------------------------------------------------

LOG_LEVEL = env_choice("LOG_LEVEL", ("DEBUG", "INFO", "WARNING", "ERROR"), "INFO")
# json: one object a line, for the log collector; plain: a line to read. Read
# here and not with the other observability settings below, because LOGGING
# needs it. Both show the request id (kcc/observability.py); Celery's worker
# and beat use this configuration too.
LOG_FORMAT = env_choice("LOG_FORMAT", ("json", "plain"), "json" if PRODUCTION else "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "kcc.observability.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "kcc.observability.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "kcc": {"level": LOG_LEVEL},
        "zaken": {"level": LOG_LEVEL},
        "producten": {"level": LOG_LEVEL},
        "kanalen": {"level": LOG_LEVEL},
        "klanten": {"level": LOG_LEVEL},
        "dashboard": {"level": LOG_LEVEL},
        # A line per task received and finished, as the worker logged before.
        "celery": {"level": LOG_LEVEL},
    },
}

# --- Customers ------------------------------------------------------------

# The person register (BRP): the demo residents locally, or the Haal Centraal
# BRP Personen API through the municipality's gateway.
BRP_BACKEND = env_choice("BRP_BACKEND", ("lokaal", "haalcentraal"), "lokaal")
# lokaal: the register is a file of Haal Centraal answers (the demo residents).
BRP_LOKAAL_BESTAND = env_str("BRP_LOKAAL_BESTAND", str(BASE_DIR / "kcc" / "devdata" / "brp.json"))
if BRP_BACKEND == "haalcentraal":
    BRP_API_URL = env_str("BRP_API_URL")
    BRP_API_KEY = env_str("BRP_API_KEY")
BRP_TIMEOUT_SECONDS = env_int("BRP_TIMEOUT_SECONDS", 5, minimum=1)
# Retention (AVG): the free text of contacts (question, answer, on behalf of)
# is anonymised after this many days; what is needed for the KPIs stays.
KLANTCONTACT_BEWAARTERMIJN_DAGEN = env_int("KLANTCONTACT_BEWAARTERMIJN_DAGEN", 730, minimum=30)
# The default term of a contactverzoek, in working days.
CONTACTVERZOEK_TERMIJN_WERKDAGEN = env_int("CONTACTVERZOEK_TERMIJN_WERKDAGEN", 2, minimum=1)

# --- Platform -------------------------------------------------------------

GEMEENTE_NAAM = env_str("GEMEENTE_NAAM", "Gemeente Voorbeeldstad")
# The name staff see for the platform's entry in their authenticator app.
OTP_TOTP_ISSUER = env_str("OTP_ISSUER", f"KCC {GEMEENTE_NAAM}")
# The return address printed on letters (one line per part, comma-separated).
GEMEENTE_POSTADRES = env_str("GEMEENTE_POSTADRES", "Postbus 1000, 1000 AA Voorbeeldstad")
# The afdeling that answers questions and complaints sent through the portal,
# and within how many working days a question gets a reaction.
PORTAAL_AFDELING = env_str("PORTAAL_AFDELING", "kcc")
PORTAAL_VRAAG_TERMIJN_WERKDAGEN = env_int("PORTAAL_VRAAG_TERMIJN_WERKDAGEN", 2, minimum=1)
# Telephony (CTI): the secret the phone system signs its events with, and how
# old an event may be. Without a secret the webhook refuses everything; the
# development default lets the simulator (manage.py telefonie_simuleren) work.
TELEFONIE_WEBHOOK_GEHEIM = (
    env_str("TELEFONIE_WEBHOOK_GEHEIM", None if PRODUCTION else "ontwikkeling-telefonie") or ""
)
TELEFONIE_REPLAY_SECONDEN = env_int("TELEFONIE_REPLAY_SECONDEN", 300, minimum=5)
# Inbound e-mail and SMS: the secret their webhooks are signed with (same
# scheme as telephony), and the KCC mailbox that beat reads by IMAP.
INBOX_WEBHOOK_GEHEIM = (
    env_str("INBOX_WEBHOOK_GEHEIM", None if PRODUCTION else "ontwikkeling-inbox") or ""
)
IMAP_HOST = env_str("IMAP_HOST", "") or ""
IMAP_PORT = env_int("IMAP_PORT", 993, minimum=1)
IMAP_USER = env_str("IMAP_USER", "") or ""
IMAP_PASSWORD = env_str("IMAP_PASSWORD", "") or ""
IMAP_MAP = env_str("IMAP_MAP", "INBOX") or "INBOX"
# Chat: how many chats one agent holds at once.
CHAT_MAX_PER_MEDEWERKER = env_int("CHAT_MAX_PER_MEDEWERKER", 3, minimum=1)
# After how many seconds in the queue a waiting citizen is offered a callback.
CHAT_TERUGBELLEN_NA_SECONDEN = env_int("CHAT_TERUGBELLEN_NA_SECONDEN", 120, minimum=10)
# Starting a chat without logging in: at most this many per visitor address
# in ten minutes (a flood of anonymous chats would block the queue).
CHAT_ANONIEM_PER_10_MINUTEN = env_int("CHAT_ANONIEM_PER_10_MINUTEN", 5, minimum=1)
CHAT_BERICHTEN_PER_MINUUT = env_int("CHAT_BERICHTEN_PER_MINUUT", 20, minimum=1)
TERUGBELLEN_PER_NUMMER_PER_DAG = env_int("TERUGBELLEN_PER_NUMMER_PER_DAG", 3, minimum=1)
PORTAAL_VRAGEN_PER_DAG = env_int("PORTAAL_VRAGEN_PER_DAG", 20, minimum=1)
# The counter: tickets one kiosk address may print in ten minutes, and from
# how long before (and until how long after) its start an appointment checks in.
BALIE_TICKETS_PER_10_MINUTEN = env_int("BALIE_TICKETS_PER_10_MINUTEN", 300, minimum=1)
# The kiosk and the waiting-room display answer the counter's network and the
# devices the beheerder registered (kanalen/balie/apparaten.py), nobody else.
# On a developer's machine that is the machine itself.
BALIE_NETWERKEN = env_list("BALIE_NETWERKEN", [] if PRODUCTION else ["127.0.0.0/8", "::1/128"])
for _netwerk in BALIE_NETWERKEN:
    try:
        ipaddress.ip_network(_netwerk, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"BALIE_NETWERKEN has {_netwerk!r}, which is not an address or network."
        ) from None
BALIE_AANMELDEN_VOOR_MINUTEN = env_int("BALIE_AANMELDEN_VOOR_MINUTEN", 60, minimum=0)
BALIE_AANMELDEN_NA_MINUTEN = env_int("BALIE_AANMELDEN_NA_MINUTEN", 30, minimum=0)
# The most rows one dashboard export of records holds (the figures
# themselves always export whole).
DASHBOARD_EXPORT_MAX_RIJEN = env_int("DASHBOARD_EXPORT_MAX_RIJEN", 100_000, minimum=100)
# How many weeks ahead appointments can be booked.
AFSPRAAK_WEKEN_VOORUIT = env_int("AFSPRAAK_WEKEN_VOORUIT", 6, minimum=1)
# The afdeling that is the KCC: its teamleiders keep control of every case.
KCC_AFDELING_CODE = env_str("KCC_AFDELING_CODE", "kcc")

# --- Observability --------------------------------------------------------

# Imported here, with the settings it serves; it loads no models.
from kcc.observability import init_sentry, parse_sample_rate  # noqa: E402

# Errors and slow requests go to Sentry only when a DSN is set. No personal
# data is sent (kcc/observability.py says what is held back).
SENTRY_DSN = env_str("SENTRY_DSN", None)
SENTRY_ENVIRONMENT = env_str("SENTRY_ENVIRONMENT", DJANGO_ENV)
SENTRY_TRACES_SAMPLE_RATE = parse_sample_rate(
    "SENTRY_TRACES_SAMPLE_RATE", env_str("SENTRY_TRACES_SAMPLE_RATE", "0")
)
# Prometheus sends this as a bearer token to scrape /metrics (dashboard/metrics.py).
# Without one /metrics answers 404 in production and serves only the loopback
# address in development.
METRICS_TOKEN = env_str("METRICS_TOKEN", None)
if METRICS_TOKEN and len(METRICS_TOKEN) < 32:
    raise ImproperlyConfigured("METRICS_TOKEN must be at least 32 characters long.")

init_sentry(
    dsn=SENTRY_DSN,
    environment=SENTRY_ENVIRONMENT,
    traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE,
)
