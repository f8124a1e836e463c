#!/usr/bin/env bash
# The production layout on this machine, tested: PostgreSQL, gunicorn (deploy/gunicorn.conf.py),
# two background workers and nginx (deploy/nginx/*) on loopback ports; requests go through
# nginx; then everything is stopped, a backup is made and restored (the ledger verified),
# and the database is dropped.
#   deploy/smoke.sh            (PostgreSQL at $SMOKE_PG, default postgres://postgres@127.0.0.1:5432)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=$ROOT/.venv/bin
PG_BASE=${SMOKE_PG:-postgres://postgres@127.0.0.1:5432}
APP_PORT=${SMOKE_APP_PORT:-18431}
WEB_PORT=${SMOKE_WEB_PORT:-18432}
DB=gongkai_smoke_$$
WORK=$(mktemp -d)
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

export GONGKAI_HOME=$WORK/home GONGKAI_PRODUCTION=1 LOG_FORMAT=json DJANGO_SETTINGS_MODULE=gongkai.settings
export SECRET_KEY=$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(50))')
export DATABASE_URL=$PG_BASE/$DB ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=0
export GUNICORN_BIND=127.0.0.1:$APP_PORT GUNICORN_WORKERS=2
mkdir -p "$GONGKAI_HOME" "$WORK/nginx" "$WORK/logs"

pids=()
cleanup() {
  set +e
  [ -s "$WORK/nginx.pid" ] && "$NGINX" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  psql "$PG_BASE/postgres" -qc "DROP DATABASE IF EXISTS $DB" >/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() { echo "SMOKE FAILED: $*"; tail -n 20 "$WORK"/logs/* 2>/dev/null; exit 1; }
say() { echo "== smoke: $*"; }

psql "$PG_BASE/postgres" -qc "CREATE DATABASE $DB" >/dev/null
say "migrate, demo content, static files"
$BIN/gongkai migrate --noinput -v0
$BIN/gongkai createcachetable
$BIN/gongkai demo -v0 >"$WORK/logs/demo.log" 2>&1
$BIN/gongkai collectstatic --noinput -v0

say "gunicorn, two workers, nginx"
$BIN/gunicorn -c deploy/gunicorn.conf.py gongkai.wsgi:application >"$WORK/logs/gunicorn.log" 2>&1 &
pids+=($!)
for n in 1 2; do
  $BIN/gongkai worker --worker-id "smoke-$n" --interval 0.5 >"$WORK/logs/worker-$n.log" 2>&1 &
  pids+=($!)
done
# The site's own files, pointed at this run's ports and directories.
sed -e "s#127.0.0.1:8000#127.0.0.1:$APP_PORT#" deploy/nginx/gongkai-upstream.conf >"$WORK/nginx/upstream.conf"
sed -e "s#/srv/gongkai/var/#$GONGKAI_HOME/var/#" -e "s#/var/log/nginx/#$WORK/logs/nginx-#" \
  deploy/nginx/gongkai-locations.conf >"$WORK/nginx/locations.conf"
cat >"$WORK/nginx/nginx.conf" <<CONF
$( [ "$(id -u)" = 0 ] && echo "user root;" )
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/nginx-error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  include $WORK/nginx/upstream.conf;
  server {
    listen 127.0.0.1:$WEB_PORT;
    server_name localhost;
    include $WORK/nginx/locations.conf;
  }
}
CONF
"$NGINX" -t -q -c "$WORK/nginx/nginx.conf" || fail "nginx rejects the site file"
"$NGINX" -c "$WORK/nginx/nginx.conf"

URL=http://127.0.0.1:$WEB_PORT
for _ in $(seq 1 60); do
  curl -sf -o /dev/null "$URL/healthz" && break
  sleep 1
done

say "pages through nginx"
status() { curl -s -o "$WORK/body" -w '%{http_code}' "$@"; }
[ "$(status "$URL/")" = 200 ] || fail "home page"
grep -q '<html lang="zh-hans"' "$WORK/body" || fail "home page is not the Chinese portal"
[ "$(status "$URL/search/?q=%E5%85%AC%E5%BC%80&tel=13912345678")" = 200 ] || fail "search page"
[ "$(status "$URL/workbench/")" = 302 ] || fail "workbench does not ask for a login"
[ "$(status "$URL/media/secret.pdf")" = 404 ] || fail "media must not be served by nginx"
css=$(grep -o '/static/[^"]*\.css' "$WORK/body" | head -n 1 || true)
[ -n "$css" ] || css=$(curl -s "$URL/" | grep -o '/static/[^"]*\.css' | head -n 1)
curl -s -D "$WORK/headers" -o /dev/null "$URL$css"
grep -qi '^cache-control: public' "$WORK/headers" || fail "static $css not served by nginx"

say "the database goes away under load and comes back (no restart of the app)"
# As a PostgreSQL restart looks from the app: every connection dropped, new ones refused
# for a while. Done on this run's database only (the server may be shared).
load() { while :; do curl -s -o /dev/null -w '%{http_code}\n' "$URL/$1"; done; }
load "" >"$WORK/outage-home.codes" &
loaders=($!)
load "search/?q=%E5%85%AC%E5%BC%80" >"$WORK/outage-search.codes" &
loaders+=($!)
sleep 1
psql "$PG_BASE/postgres" -qc "ALTER DATABASE $DB ALLOW_CONNECTIONS false" >/dev/null
psql "$PG_BASE/postgres" -qc \
  "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$DB'" >/dev/null
sleep 3
[ "$(status "$URL/")" = 503 ] || fail "home page while the database is away: not 503"
grep -q "服务暂时不可用" "$WORK/body" || fail "the 503 page is not the Chinese one"
psql "$PG_BASE/postgres" -qc "ALTER DATABASE $DB ALLOW_CONNECTIONS true" >/dev/null
for _ in $(seq 1 30); do
  [ "$(status "$URL/")" = 200 ] && break
  sleep 1
done
[ "$(status "$URL/")" = 200 ] || fail "the home page did not come back after the database did"
sleep 1
kill "${loaders[@]}" 2>/dev/null; wait "${loaders[@]}" 2>/dev/null || true
codes=$(cat "$WORK"/outage-*.codes | sort | uniq -c | tr -s ' \n' ' ')
say "answers during the outage (count code): $codes"
if grep -qv -e '^200$' -e '^503$' -e '^$' "$WORK"/outage-*.codes; then
  fail "answers other than 200 and 503 while the database was away"
fi
grep -q '^503$' "$WORK"/outage-*.codes || fail "no request saw the outage"
tail -n 1 "$WORK"/outage-home.codes | grep -q '^200$' || fail "home page not back under load"

say "the workers run the periodic jobs"
$BIN/gongkai sweep -v0
for _ in $(seq 1 120); do
  left=$($BIN/python - <<'PY'
import django
django.setup()
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
# Work due now; the site monitor's availability samples wait for their time of day.
due = Q(run_after__isnull=True) | Q(run_after__lte=timezone.now())
print(DBTaskResult.objects.filter(due).exclude(status__in=["SUCCESSFUL", "FAILED"]).count())
PY
)
  [ "$left" = 0 ] && break
  sleep 1
done
[ "$left" = 0 ] || fail "$left tasks still waiting after two minutes"
done_jobs=$($BIN/python - <<'PY'
import django
django.setup()
from django_tasks_db.models import DBTaskResult
rows = DBTaskResult.objects.filter(task_path="gongkai.core.tasks.periodic_job_run")
print(f"{rows.filter(status='SUCCESSFUL').count()}/{rows.count()}", len({w for r in rows for w in r.worker_ids}))
PY
)
say "periodic jobs succeeded/queued, workers used: $done_jobs"

say "health"
[ "$(status "$URL/healthz")" = 200 ] || { cat "$WORK/body"; fail "health check"; }
cat "$WORK/body"; echo
grep -q '"status": "ok"' "$WORK/body" || fail "health is not ok"

say "no personal data in the logs"
if grep -rq 13912345678 "$WORK/logs"; then fail "a phone number reached a log"; fi
grep -q '"path":"/search/"' "$WORK/logs/nginx-gongkai.access.log" || fail "nginx access log"
say "backup and the restore drill on the demo data"
"$NGINX" -c "$WORK/nginx/nginx.conf" -s stop
for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
pids=()
$BIN/gongkai backup "$WORK/backups" -v1 | tee "$WORK/logs/backup.out"
$BIN/gongkai restore "$WORK"/backups/gongkai-*.tar --yes | tee "$WORK/logs/restore.out"
grep -q "校验通过" "$WORK/logs/restore.out" || fail "the restored ledger does not verify"
$BIN/gongkai ledger verify
echo "smoke: OK"
