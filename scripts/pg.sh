#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for this checkout; sourced by run.sh and test.sh.
# The cluster lives under /var/tmp (a checkout under /root is not reachable by the
# `postgres` user, and PostgreSQL refuses to run as root), listens on 127.0.0.1 only,
# on a free port derived from the checkout path, and trusts local connections:
# it is a developer/test database, never a production one.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "PostgreSQL server not found; installing it (apt-get install -y postgresql)..." >&2
    apt_install postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

# Runs a command as the cluster owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# pg_start NAME: starts (or reuses) the cluster NAME for this checkout and exports PG_PORT, PG_DATA.
pg_start() {
  local name=$1 bin key base
  bin=$(pg_bin_dir)
  key=$(printf '%s' "$PWD" | cksum | cut -d' ' -f1)
  base=/var/tmp/complaints-pg/$key
  PG_DATA=$base/$name
  mkdir -p "$base"
  chmod 755 /var/tmp/complaints-pg "$base"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$base"

  if [ ! -s "$PG_DATA/PG_VERSION" ]; then
    as_owner mkdir -p "$PG_DATA"
    as_owner "$bin/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  fi

  if as_owner "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    PG_PORT=$(sed -n '4p' "$PG_DATA/postmaster.pid")
  else
    PG_PORT=$(( 20000 + key % 12000 )) # below the ephemeral range (32768-), where an outgoing connection may hold the port
    while ! port_is_free "$PG_PORT"; do PG_PORT=$(( PG_PORT + 1 )); done
    as_owner "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=${PG_FSYNC:-on}" start >/dev/null
  fi
  export PG_PORT PG_DATA PG_BIN=$bin
}

pg_stop() {
  [ -n "${PG_DATA:-}" ] && as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
}

pg_connection_string() {
  echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$1"
}
