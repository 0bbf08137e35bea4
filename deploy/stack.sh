#!/usr/bin/env bash
# `make stack`: a production-like stack on this machine, serving the demo on
# http://127.0.0.1:8080/ until Ctrl-C: Varnish (front cache, purged on publish) -> gunicorn
# (production settings, workers from the CPU count) + the task worker + the scheduler, over
# PostgreSQL and Redis when they answer on 127.0.0.1, the embedded default otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
RUN=.stack
FRONT_PORT="${STACK_PORT:-8080}"
APP_PORT="${STACK_APP_PORT:-8001}"
mkdir -p "$RUN"

# varnish-modules: the VCL's vmod_var (see deploy/varnish.vcl, purges and fetches under way).
if ! command -v varnishd >/dev/null || ! dpkg -s varnish-modules >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules >/dev/null
fi

export DJANGO_SETTINGS_MODULE=site_core.settings.stack
export SECRET_KEY="${SECRET_KEY:-$(cat "$RUN/secret" 2>/dev/null || $PY -c 'import secrets; print(secrets.token_urlsafe(64))' | tee "$RUN/secret")}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$FRONT_PORT}"
export FRONTEND_CACHE_URL="http://127.0.0.1:$FRONT_PORT"
export TRUSTED_CLIENT_IP_HEADERS="${TRUSTED_CLIENT_IP_HEADERS:-HTTP_X_FORWARDED_FOR}"
export SERVE_MEDIA="${SERVE_MEDIA:-true}"
export MEDIA_ROOT="${MEDIA_ROOT:-$PWD/$RUN/media}" PRIVATE_MEDIA_ROOT="${PRIVATE_MEDIA_ROOT:-$PWD/$RUN/private_media}"
export GUNICORN_BIND="127.0.0.1:$APP_PORT"
# Keep database connections between requests rather than opening one (a new PostgreSQL
# server process) for every request.
export DB_CONN_MAX_AGE="${DB_CONN_MAX_AGE:-60}"

if [ -z "${DATABASE_URL:-}" ]; then
    if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
        psql -h 127.0.0.1 -U postgres -qtAc "SELECT 1 FROM pg_database WHERE datname='lapor_stack'" | grep -q 1 \
            || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE lapor_stack"
        export DATABASE_URL="postgres://postgres@127.0.0.1:5432/lapor_stack"
    else
        export DATABASE_URL="sqlite:///$PWD/$RUN/db.sqlite3"
    fi
fi
if [ -z "${REDIS_URL:-}" ] && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
    export REDIS_URL="redis://127.0.0.1:6379/11"
fi
# What a load test or an operator's shell needs to reach the same stack.
# Plain `export NAME='value'` lines: make's /bin/sh (dash) sources them too.
for name in DJANGO_SETTINGS_MODULE SECRET_KEY ALLOWED_HOSTS DATABASE_URL REDIS_URL MEDIA_ROOT \
    PRIVATE_MEDIA_ROOT FRONTEND_CACHE_URL WAGTAILADMIN_BASE_URL; do
    if [ -n "${!name:-}" ]; then printf "export %s='%s'\n" "$name" "${!name}"; fi
done > "$RUN/env"
echo "Database: ${DATABASE_URL%%://*}; cache: $([ -n "${REDIS_URL:-}" ] && echo Redis || echo local memory)"

$PY manage.py migrate --noinput -v 0
$PY manage.py collectstatic --noinput -v 0
# The demo loads with tasks run at once (search index, references) and nothing to purge yet.
TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend FRONTEND_CACHE_URL= \
    LOG_LEVEL=WARNING $PY manage.py load_demo

pids=()
stop() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [ -n "${VARNISH_RUN:-}" ]; then
        [ -f "$VARNISH_RUN/varnish.pid" ] && kill "$(cat "$VARNISH_RUN/varnish.pid")" 2>/dev/null || true
        rm -rf "$VARNISH_RUN"
    fi
    wait 2>/dev/null || true
}
trap stop EXIT INT TERM

# PGAPPNAME names each part's database connections (pg_stat_activity.application_name):
# the load test tells the web workers' database CPU from the task worker's.
PGAPPNAME=lapor-web .venv/bin/gunicorn -c deploy/gunicorn.conf.py site_core.wsgi & pids+=($!)
echo $! > "$RUN/gunicorn.pid"  # the load test measures this master's workers
PGAPPNAME=lapor-worker $PY manage.py db_worker & pids+=($!)
PGAPPNAME=lapor-scheduler $PY manage.py run_scheduler & pids+=($!)
# varnishd reads its VCL and working directory as its own user, which cannot enter a clone
# under a private directory (/root, mktemp -d): they go to a directory of their own.
VARNISH_RUN="$(mktemp -d "${TMPDIR:-/tmp}/lapor-varnish.XXXXXX")"
chmod 755 "$VARNISH_RUN"
sed "s/\.port = \"8001\"/.port = \"$APP_PORT\"/" deploy/varnish.vcl > "$VARNISH_RUN/varnish.vcl"
varnishd -a "127.0.0.1:$FRONT_PORT" -f "$VARNISH_RUN/varnish.vcl" -n "$VARNISH_RUN/varnish" \
    -s malloc,256m -P "$VARNISH_RUN/varnish.pid"

for _ in $(seq 1 60); do
    curl -fsS -o /dev/null "http://127.0.0.1:$FRONT_PORT/healthz" 2>/dev/null && break
    sleep 1
done
curl -fsS "http://127.0.0.1:$FRONT_PORT/healthz"; echo
echo "Serving on http://127.0.0.1:$FRONT_PORT/id/ (admin: /admin/). Ctrl-C stops everything."
wait -n "${pids[@]}"
