#!/usr/bin/env bash
# What a newcomer does, proved on every CI run: a fresh clone with nothing
# configured (no DATABASE_URL, no REDIS_URL), `make run`, and the platform
# must come up on its embedded PostgreSQL and Redis with a worker and beat.
# Stops everything it started, also when a step fails.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)

PORT=${NIEUWKOMER_PORT:-18000}
WS_PORT=$((PORT + 1))
BASE="http://127.0.0.1:$PORT"

log() { printf '\n== newcomer: %s\n' "$*"; }

# Readable for PostgreSQL's unprivileged user when this runs as root.
clone=$(mktemp -d /tmp/kcc-nieuwkomer.XXXXXX)
chmod 755 "$clone"
run_pid=""
cleanup() {
    status=$?
    if [ -n "$run_pid" ] && kill -0 "$run_pid" 2>/dev/null; then
        # Ctrl-C, as a person stops `make run`: its whole process group.
        kill -INT -- "-$run_pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$run_pid" 2>/dev/null || break; sleep 1; done
        kill -KILL -- "-$run_pid" 2>/dev/null || true
    fi
    if [ -d "$clone/.venv" ]; then
        (cd "$clone" && env -u DATABASE_URL -u REDIS_URL .venv/bin/python -m kcc.embedded stop) || true
    fi
    if [ "$status" != 0 ] && [ -f "$clone/make-run.log" ]; then
        echo "--- last lines of make run:" >&2
        tail -n 60 "$clone/make-run.log" >&2
    fi
    rm -rf "$clone"
    exit "$status"
}
trap cleanup EXIT

log "fresh clone in $clone"
git clone --quiet "$source_dir" "$clone"
cd "$clone"
unset DATABASE_URL REDIS_URL KCC_VAR_DIR

log "make run (nothing configured)"
setsid make run PORT="$PORT" WS_PORT="$WS_PORT" > make-run.log 2>&1 &
run_pid=$!

ready=""
for _ in $(seq 1 600); do
    if curl -fsS "$BASE/healthz/ready" > /dev/null 2>&1; then ready=1; break; fi
    kill -0 "$run_pid" 2>/dev/null || { echo "FAIL: make run stopped" >&2; exit 1; }
    sleep 1
done
[ -n "$ready" ] || { echo "FAIL: /healthz/ready did not answer 200 within 10 minutes" >&2; exit 1; }
curl -fsS "$BASE/healthz/ready"; echo
grep -q "embedded" make-run.log || { echo "FAIL: not on the embedded servers" >&2; exit 1; }

log "a demo citizen logs in with DigiD and opens Mijn zaken"
.venv/bin/python "$source_dir/.ci/nieuwkomer_portaal.py" "$BASE"

log "the workers answer and run the deadline watch"
# /healthz/ready answers as soon as the web server does; the workers may
# still be starting.
workers=""
for _ in $(seq 1 45); do
    workers=$(.venv/bin/celery -A kcc inspect ping --timeout 5 2>/dev/null || true)
    if grep -q "snel@" <<< "$workers" && grep -q "zwaar@" <<< "$workers"; then break; fi
    sleep 2
done
echo "$workers"
for name in snel zwaar; do
    grep -q "$name@" <<< "$workers" || {
        echo "FAIL: worker $name did not answer within 90 s" >&2
        exit 1
    }
done
.venv/bin/python manage.py shell -c "
import time
from zaken.models import Zaak
from zaken.tasks import termijnen_bewaken
termijnen_bewaken.delay()  # its result is not kept: watch what it does
# The demo has a case past its service norm: the worker must escalate it.
for _ in range(60):
    escalated = list(Zaak.objects.filter(geescaleerd_op__isnull=False).values_list('nummer', flat=True))
    if escalated:
        break
    time.sleep(1)
assert escalated, 'the worker escalated nothing within a minute'
print('escalated by the deadline watch on the worker:', ', '.join(escalated))
"

log "beat answers (its heartbeat reaches the worker)"
beat_ok=""
for _ in $(seq 1 24); do
    if .venv/bin/python manage.py beat_healthcheck --max-age 180 > /dev/null 2>&1; then
        beat_ok=1; break
    fi
    sleep 5
done
[ -n "$beat_ok" ] || { echo "FAIL: no heartbeat from beat within 2 minutes" >&2; exit 1; }
.venv/bin/python manage.py beat_healthcheck --max-age 180

log "passed"
