# The two commands a newcomer needs: `make run` and `make test`.
# Everything else here is what those two are made of.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run serve test bench betrouwbaarheid lint format check-compose openapi clean

help:
	@echo "make run    set up everything and start the platform with demo data on http://$(HOST):$(PORT)"
	@echo "make test   lint, checks and the whole test suite"
	@echo "make bench  benchmarks (see docs/benchmarks.md)"
	@echo "make openapi  regenerate docs/openapi.yaml after an API change"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

run: install
	$(MANAGE) database_aanmaken
	$(MANAGE) migrate --noinput
	$(MANAGE) demo_data
	@$(MAKE) --no-print-directory serve

# With REDIS_URL a Celery worker and beat run beside the web server and stop
# with it; without it, tasks run eagerly inside the web process.
serve:
	@set -e; pids=""; \
	if [ -n "$$REDIS_URL" ]; then \
		$(BIN)/celery -A kcc worker --loglevel=INFO --concurrency=2 & pids="$$pids $$!"; \
		$(BIN)/celery -A kcc beat --loglevel=INFO & pids="$$pids $$!"; \
	fi; \
	trap 'kill $$pids 2>/dev/null || true' EXIT INT TERM; \
	echo "KCC platform on http://$(HOST):$(PORT)/ (demo accounts: see README.md)"; \
	$(MANAGE) runserver $(HOST):$(PORT)

test: install
	@echo "== lint"
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@echo "== Django checks"
	$(MANAGE) database_aanmaken
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run --verbosity 0
	@echo "== production settings (check --deploy, as docker-compose.yml configures them)"
	DJANGO_ENV=production DJANGO_SECRET_KEY=check-deploy-$$(printf '%060d' 0) \
		DJANGO_ALLOWED_HOSTS=kcc.example.nl EMAIL_HOST=smtp.example.nl \
		DATABASE_URL=$${DATABASE_URL:-postgres://kcc@localhost/kcc} \
		REDIS_URL=$${REDIS_URL:-redis://localhost:6379/0} \
		DIGID_BACKEND=oidc EHERKENNING_BACKEND=oidc OIDC_RP_CLIENT_ID=kcc OIDC_RP_CLIENT_SECRET=x \
		OIDC_OP_AUTHORIZATION_ENDPOINT=https://broker.example.nl/authorize \
		OIDC_OP_TOKEN_ENDPOINT=https://broker.example.nl/token \
		OIDC_OP_USER_ENDPOINT=https://broker.example.nl/userinfo \
		OIDC_OP_JWKS_ENDPOINT=https://broker.example.nl/jwks \
		$(MANAGE) check --deploy --fail-level WARNING
	@$(MAKE) --no-print-directory check-compose
	@echo "== tests"
	$(BIN)/pytest

# docker-compose.yml describes the production stack; no engine is needed to
# validate it. CI must validate it; elsewhere a missing tool is only noted.
check-compose:
	@if command -v docker-compose >/dev/null 2>&1; then \
		DJANGO_SECRET_KEY=x POSTGRES_PASSWORD=x EMAIL_HOST=x docker-compose -f docker-compose.yml config --quiet \
		&& echo "docker-compose.yml: valid"; \
	elif [ -n "$$CI" ]; then \
		echo "docker-compose is required in CI to validate docker-compose.yml" >&2; exit 1; \
	else \
		echo "docker-compose not installed: skipped validating docker-compose.yml"; \
	fi

# Benchmarks print Markdown tables; results with their command and machine
# are kept in docs/benchmarks.md. Use DATABASE_URL for PostgreSQL figures.
# The scale benchmarks fill <database>_schaal once (manage.py schaaldata, some
# minutes) and keep it for later runs.
bench: install
	$(BIN)/python benchmarks/kennisbank_zoeken.py
	@if [ -n "$$DATABASE_URL" ] && [ -n "$$REDIS_URL" ]; then \
		$(BIN)/python benchmarks/zaken_bench.py; \
		$(BIN)/python benchmarks/chat_bench.py; \
	else \
		echo "benchmarks/zaken_bench.py skipped: it needs DATABASE_URL and REDIS_URL"; \
	fi
	@if [ -n "$$DATABASE_URL" ]; then \
		$(BIN)/python benchmarks/werkvoorraad_bench.py; \
		$(BIN)/python benchmarks/klantbeeld_bench.py; \
		$(BIN)/python benchmarks/telefonie_bench.py; \
		$(BIN)/python benchmarks/inbox_bench.py; \
		$(BIN)/python benchmarks/dashboard_bench.py; \
	else \
		echo "scale benchmarks skipped: they need DATABASE_URL (PostgreSQL)"; \
	fi

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

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
