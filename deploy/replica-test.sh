#!/usr/bin/env bash
# A real streaming replica of the local PostgreSQL for the read-replica router's tests
# (docs/sites.md, "PostgreSQL primary with read replicas").
#
#   deploy/replica-test.sh run [pytest args]   start a replica, run the router's tests
#                                              against the two servers, stop it (CI)
#   deploy/replica-test.sh start               start one; prints the line to use it
#   deploy/replica-test.sh stop DIR            stop the one started in DIR, undo everything
#
# The replica is a pg_basebackup -R copy of the primary in a temporary directory, started
# with the primary's own binaries on REPLICA_TEST_PORT (15433), run as the postgres user
# (PostgreSQL refuses to run as root). No replication slot is made: a slot left behind by
# a run that died would keep WAL on the primary forever.
#
# The primary needs a pg_hba.conf line allowing replication connections from 127.0.0.1
# ("all" in the database column does not cover replication). If it has none, one line is
# added for the run (marked with the run's directory), the configuration reloaded, and the
# line removed and the configuration reloaded again at stop: nothing stays on the primary.
# Environment: REPLICA_TEST_PRIMARY (postgres://postgres@127.0.0.1:5432), REPLICA_TEST_PORT,
# PG_BIN (the directory of pg_ctl; found with pg_config or Debian's layout).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PRIMARY=${REPLICA_TEST_PRIMARY:-postgres://postgres@127.0.0.1:5432}
PORT=${REPLICA_TEST_PORT:-15433}
PG_USER=postgres
TESTS=(src/gongkai/sites/tests/test_replica.py)

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local version
  version=$(psql "$PRIMARY/postgres" -Atc "show server_version_num")
  version=$((version / 10000))
  for dir in "/usr/lib/postgresql/$version/bin" "$(pg_config --bindir 2>/dev/null || true)"; do
    if [ -x "$dir/pg_ctl" ]; then echo "$dir"; return; fi
  done
  echo "pg_ctl of PostgreSQL $version not found (set PG_BIN)" >&2
  return 1
}

as_postgres() {
  if [ "$(id -un)" = "$PG_USER" ]; then "$@"; else runuser -u "$PG_USER" -- "$@"; fi
}

primary_setting() { psql "$PRIMARY/postgres" -Atc "show $1"; }

replication_allowed() {
  # IDENTIFY_SYSTEM is the first thing pg_basebackup asks; it needs the replication line.
  psql "$PRIMARY/postgres?replication=true" -Atc "IDENTIFY_SYSTEM" >/dev/null 2>&1
}

hba_marker() { echo "# gongkai replica-test $1 (temporary: deploy/replica-test.sh stop removes it)"; }

hba_allow() {
  local dir=$1 hba
  if replication_allowed; then return; fi
  hba=$(primary_setting hba_file)
  if [ ! -w "$hba" ]; then
    echo "the primary refuses replication from 127.0.0.1 and $hba is not writable here" >&2
    return 1
  fi
  printf '%s\nhost replication %s 127.0.0.1/32 trust\n' "$(hba_marker "$dir")" "$PG_USER" >>"$hba"
  echo "$hba" >"$dir/hba-added"
  psql "$PRIMARY/postgres" -qAtc "select pg_reload_conf()" >/dev/null
  for _ in $(seq 50); do replication_allowed && return; sleep 0.1; done
  echo "replication still refused after adding the line to $hba" >&2
  return 1
}

hba_restore() {
  local dir=$1 hba marker
  [ -f "$dir/hba-added" ] || return 0
  hba=$(cat "$dir/hba-added")
  marker=$(hba_marker "$dir")
  # The marker line and the rule after it, nothing else.
  MARKER=$marker python3 - "$hba" <<'PY'
import os, sys
path, marker = sys.argv[1], os.environ["MARKER"]
lines = open(path, encoding="utf-8").read().splitlines(keepends=True)
kept, skip = [], False
for line in lines:
    if line.rstrip("\n") == marker:
        skip = True
        continue
    if skip:
        skip = False
        continue
    kept.append(line)
open(path, "w", encoding="utf-8").writelines(kept)
PY
  psql "$PRIMARY/postgres" -qAtc "select pg_reload_conf()" >/dev/null
  rm -f "$dir/hba-added"
}

make_dir() {
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/gk-replica.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -un)" = "$PG_USER" ] || chown "$PG_USER" "$dir"
  echo "$dir"
}

start_in() {
  local dir=$1 bin
  bin=$(pg_bin)
  if psql "postgres://postgres@127.0.0.1:$PORT/postgres" -Atc "select 1" >/dev/null 2>&1; then
    echo "port $PORT already answers: another replica runs (REPLICA_TEST_PORT)" >&2
    return 1
  fi
  hba_allow "$dir"
  as_postgres nice -n 19 "$bin/pg_basebackup" -d "$PRIMARY/postgres" -D "$dir/data" \
    -R -X stream -c fast --no-sync --no-verify-checksums >&2
  # Debian keeps the configuration outside the data directory: the replica gets its own.
  # A hot standby needs these at least as high as the primary's.
  as_postgres tee "$dir/data/postgresql.conf" >/dev/null <<CONF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
hot_standby = on
max_connections = $(primary_setting max_connections)
max_worker_processes = $(primary_setting max_worker_processes)
max_prepared_transactions = $(primary_setting max_prepared_transactions)
max_locks_per_transaction = $(primary_setting max_locks_per_transaction)
max_wal_senders = $(primary_setting max_wal_senders)
shared_buffers = 32MB
fsync = off
wal_receiver_status_interval = 1s
CONF
  as_postgres tee "$dir/data/pg_hba.conf" >/dev/null <<'CONF'
local all all trust
host all all 127.0.0.1/32 trust
CONF
  as_postgres touch "$dir/data/pg_ident.conf"
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/replica.log" -w -t 120 start >&2
  local url="postgres://postgres@127.0.0.1:$PORT/postgres"
  for _ in $(seq 100); do
    if [ "$(psql "$url" -Atc "select status from pg_stat_wal_receiver" 2>/dev/null)" = streaming ]; then
      [ "$(psql "$url" -Atc "select pg_is_in_recovery()")" = t ] || break
      DATABASE_REPLICA_URL=$url
      return
    fi
    sleep 0.2
  done
  echo "the replica did not start streaming; its log:" >&2
  tail -n 30 "$dir/replica.log" >&2
  return 1
}

stop() {
  local dir=${1:?"stop DIR (the directory start printed)"} bin
  case "$dir" in "${TMPDIR:-/tmp}"/gk-replica.*) ;; *) echo "not a replica directory: $dir" >&2; return 1 ;; esac
  bin=$(pg_bin)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >&2 || true
  fi
  hba_restore "$dir"
  rm -rf "$dir"
}

start() {
  local dir
  dir=$(make_dir)
  trap "set +e; stop '$dir'" EXIT
  start_in "$dir"
  trap - EXIT
  echo "export DATABASE_REPLICA_URL=$DATABASE_REPLICA_URL  # stop: $0 stop $dir"
}

run() {
  local dir db=gk_replica_$$
  dir=$(make_dir)
  # An interrupted pytest leaves its test database behind: dropped here too.
  # (set +e: after a trapped signal bash would stop at the first command substitution.)
  # shellcheck disable=SC2064
  trap "set +e; stop '$dir'; PGOPTIONS='-c client_min_messages=warning' psql '$PRIMARY/postgres' -qc 'DROP DATABASE IF EXISTS test_$db WITH (FORCE)'" EXIT
  start_in "$dir"
  echo "== replica streaming on port $PORT ($dir)"
  # A database of its own on the primary (pytest makes test_<name>); the replica follows
  # it there, and the replica alias reads the same name (settings: TEST MIRROR).
  DATABASE_URL="$PRIMARY/$db" DATABASE_REPLICA_URL="$DATABASE_REPLICA_URL" \
    "$ROOT/.venv/bin/pytest" -q -p no:cacheprovider "${TESTS[@]}" "$@"
}

# Interrupted or killed (not -9): exit through the EXIT trap, which stops and cleans up.
trap 'exit 130' INT
trap 'exit 143' TERM
main() {
  local command=${1:-run}
  shift || true
  case "$command" in
    run) run "$@" ;;
    start) start ;;
    stop) stop "$@" ;;
    *) echo "usage: $0 run [pytest args] | start | stop DIR" >&2; return 2 ;;
  esac
}

# One line, so bash has read all it runs: editing this file during a run is harmless.
main "$@"; exit
