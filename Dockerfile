FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=kcc.settings

WORKDIR /app
RUN useradd --system --home /app kcc && mkdir -p /var/lib/kcc/media && chown -R kcc /var/lib/kcc

# Dependencies first, so a code change does not reinstall them.
COPY pyproject.toml README.md ./
RUN mkdir -p kcc zaken producten kanalen klanten dashboard \
    && pip install . && pip uninstall --yes kcc-platform
COPY . .
# Run from the source tree: templates and static files are found next to the code.
ENV PYTHONPATH=/app

# Static files are collected at build time and served by WhiteNoise.
RUN DJANGO_ENV=production DJANGO_SECRET_KEY=collectstatic-only-$(python -c "print('x'*50)") \
    DJANGO_ALLOWED_HOSTS=localhost PUBLIEKE_URL=https://localhost GEMEENTE_RSIN=123456782 \
    LOGIN_SIMULATOR_ALLOWED=true STATIC_ROOT=/app/static \
    DATABASE_URL=postgres://build@localhost/build REDIS_URL=redis://localhost:6379/0 \
    EMAIL_HOST=localhost python manage.py collectstatic --noinput
ENV STATIC_ROOT=/app/static

USER kcc
# 8000: gunicorn (pages and the REST API, the default command); 8001: daphne
# (websockets), started with its own command (see docker-compose.yml). The
# proxy runs Caddy's image; docker-compose.yml mounts kcc/deploy/Caddyfile
# into it from the checkout.
EXPOSE 8000 8001
CMD ["gunicorn", "-c", "python:kcc.gunicorn_conf", "kcc.wsgi:application"]
