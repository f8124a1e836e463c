#!/usr/bin/env bash
# Portal throughput: gunicorn on 127.0.0.1 serving generated items, loaded with wrk.
#
#   bench/portal.sh [ITEMS] [WORKERS]      (defaults: 20000 items, 2 workers)
#
# Builds a throw-away installation under $BENCH_HOME (default /tmp/gongkai-bench-portal),
# loads the demo bureau, the portal columns and ITEMS generated published items
# (`gongkai demo --items ITEMS`), then loads each page for 10 s with wrk and prints
# requests/s and latency, with the ratio against a static file served by the same
# gunicorn in the same run (the baseline: what the server does without Django views).
set -euo pipefail

ITEMS="${1:-20000}"
WORKERS="${2:-2}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="$ROOT/.venv/bin"
export GONGKAI_HOME="${BENCH_HOME:-/tmp/gongkai-bench-portal}"
# A free port of our own (other servers may run on this machine).
PORT="${BENCH_PORT:-$("$VENV/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
DURATION=10s

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is not installed: run 'apt-get install wrk' (Debian) and try again." >&2
  exit 2
fi
if [ ! -x "$VENV/gunicorn" ]; then
  echo "gunicorn is not installed in $VENV: run '$VENV/pip install gunicorn'." >&2
  exit 2
fi

mkdir -p "$GONGKAI_HOME"
echo "== installation in $GONGKAI_HOME, $ITEMS items, $WORKERS workers, $(nproc) cores"
"$VENV/gongkai" migrate -v0
# The page cache is a database table (settings CACHES) that migrate does not create.
"$VENV/gongkai" createcachetable
start=$(date +%s)
if ! "$VENV/gongkai" demo --items "$ITEMS" -v0 2>/tmp/portal-bench-demo.log; then
  echo "'gongkai demo' failed (see /tmp/portal-bench-demo.log); loading only what the portal needs."
  "$VENV/gongkai" shell -c "
from django.db import transaction
from gongkai.core import demo as core
from gongkai.portal import demo as portal
context = core.DemoContext(log=lambda text: None, items=$ITEMS)
for loader in (core.load_organisations, portal.load_columns, portal.load_generated_items):
    with transaction.atomic():
        loader(context)
"
fi
echo "loaded in $(( $(date +%s) - start )) s"
DOC=$("$VENV/gongkai" shell -c "
from gongkai.proactive.models import PUBLIC, Item
print(Item.objects.filter(PUBLIC).order_by('-pk').values_list('pk', flat=True).first())
" 2>/dev/null | tail -1)
# Real visitors read many different documents, most not in the page cache: a wrk script
# requests a random document among the public ones (pks of the generated items).
PKS=$("$VENV/gongkai" shell -c "
from gongkai.proactive.models import PUBLIC, Item
print(' '.join(map(str, Item.objects.filter(PUBLIC).order_by('pk').values_list('pk', flat=True))))
" 2>/dev/null | tail -1)
{
  echo "local pks = {$(echo "$PKS" | tr ' ' ',')}"
  echo 'math.randomseed(os.time())'
  echo 'request = function() return wrk.format(nil, "/xxgk/" .. pks[math.random(#pks)] .. "/") end'
} >"$GONGKAI_HOME/random-document.lua"

"$VENV/gunicorn" gongkai.wsgi:application --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
  --log-level warning --pid "$GONGKAI_HOME/gunicorn.pid" &
GUNICORN=$!
trap 'kill "$GUNICORN" 2>/dev/null || true; wait "$GUNICORN" 2>/dev/null || true' EXIT
echo "gunicorn on 127.0.0.1:$PORT"
for _ in $(seq 1 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/static/gongkai/site.css" && break
  sleep 0.2
done

run() {  # name path [wrk script] -> "name rps p50 p99 non-2xx"
  local name=$1 path=$2 url="http://127.0.0.1:$PORT$2" script=()
  [ -n "${3:-}" ] && script=(-s "$3")
  curl -fs -o /dev/null "$url" || { echo "$name: $path does not answer 200" >&2; return 1; }
  # Warm-up, not measured: each worker loads jieba's dictionary (seconds) on its first search
  # and fills its page cache; long-lived production workers have done this long ago.
  wrk -t2 -c16 -d3s "${script[@]}" "$url" >/dev/null
  wrk -t2 -c16 -d"$DURATION" --latency "${script[@]}" "$url" >"$GONGKAI_HOME/wrk-$name.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$GONGKAI_HOME/wrk-$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$GONGKAI_HOME/wrk-$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$GONGKAI_HOME/wrk-$name.txt")
  errors=$(awk '/Non-2xx/ {print $5}' "$GONGKAI_HOME/wrk-$name.txt")
  echo "$name $rps $p50 $p99 ${errors:-0}"
}

results=()
results+=("$(run static /static/gongkai/site.css)")
results+=("$(run home /)")
results+=("$(run list /column/zcwj/)")
results+=("$(run list-page-50 '/column/zcwj/?page=50')")
results+=("$(run document "/xxgk/$DOC/")")
results+=("$(run doc-random "/xxgk/$DOC/" "$GONGKAI_HOME/random-document.lua")")
results+=("$(run search '/search/?q=%E6%88%B7%E7%B1%8D')")

baseline=$(echo "${results[0]}" | awk '{print $2}')
echo
printf "%-14s %12s %10s %10s %8s %10s\n" page "requests/s" "p50" "p99" "non-2xx" "vs static"
for line in "${results[@]}"; do
  read -r name rps p50 p99 errors <<<"$line"
  ratio=$(awk -v a="$rps" -v b="$baseline" 'BEGIN { printf "%.2f", a / b }')
  printf "%-14s %12s %10s %10s %8s %10s\n" "$name" "$rps" "$p50" "$p99" "$errors" "$ratio"
done
echo
echo "document: one page again and again (served from the page cache after the first request);"
echo "doc-random: a random public document per request (mostly cache misses, as real traffic)."
echo "target (issue): home and document pages >= 300 requests/s on 2 cores at 200,000 items"
