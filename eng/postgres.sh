#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests (ECOSYSTEM.md §4).
#
#   eng/postgres.sh start        installs PostgreSQL with apt if its binaries are missing (root only),
#                                creates a cluster in a new temp dir owned by postgres, starts it on
#                                127.0.0.1 on a free port (fsync off), creates the database "ceseda",
#                                and prints its connection string on stdout (and nothing else there).
#   eng/postgres.sh stop [DIR]   stops the cluster started last (or the one in DIR) and deletes its dir.
#
# CESEDA_PG_DIR chooses the cluster's dir (it must not exist or be empty); the default is a new
# mktemp dir. The dir of the last cluster started is kept in $TMPDIR/ceseda-postgres-$UID.last.
# initdb refuses to run as root: as root the cluster runs as the postgres user (runuser).
set -euo pipefail

BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
LAST="${TMPDIR:-/tmp}/ceseda-postgres-$(id -u).last"

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_if_missing() {
  [ -x "$BIN/initdb" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL 15 is not installed ($BIN/initdb is missing) and installing it needs root." >&2
    return 1
  fi
  echo "Installing PostgreSQL with apt-get (its binaries are missing)..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  [ -x "$BIN/initdb" ] || { echo "apt-get installed postgresql but $BIN/initdb is still missing; set PG_BIN." >&2; return 1; }
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  install_if_missing
  local dir=${CESEDA_PG_DIR:-}
  if [ -z "$dir" ]; then dir=$(mktemp -d "${TMPDIR:-/tmp}/ceseda-pg.XXXXXX"); else mkdir -p "$dir"; fi
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  chmod 700 "$dir"
  as_postgres "$BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { echo "initdb failed; see $dir/initdb.log:" >&2; tail -5 "$dir/initdb.log" >&2; return 1; }

  local port attempt
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    port_free "$port" || continue
    if as_postgres "$BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
      echo "$dir" >"$LAST"
      echo "$port" >"$dir/port"
      "$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAtc "CREATE DATABASE ceseda" >/dev/null
      echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=ceseda"
      return 0
    fi
  done
  echo "PostgreSQL did not start after $attempt attempts; see $dir/log:" >&2
  tail -5 "$dir/log" >&2 || true
  return 1
}

stop() {
  local dir=${1:-}
  if [ -z "$dir" ] && [ -f "$LAST" ]; then dir=$(cat "$LAST"); fi
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then
    echo "No cluster to stop (give its dir, or start one first)." >&2
    return 0
  fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_postgres "$BIN/pg_ctl" -D "$dir/data" -w -t 30 -m fast stop >/dev/null || true
  fi
  rm -rf "$dir"
  if [ -f "$LAST" ] && [ "$(cat "$LAST")" = "$dir" ]; then rm -f "$LAST"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: eng/postgres.sh start | stop [DIR]" >&2; exit 2 ;;
esac
