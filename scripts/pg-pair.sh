#!/usr/bin/env bash
# A PostgreSQL primary and a synchronous streaming replica (pg_basebackup -R) on free loopback ports, for the
# failover test (tests/Complaints.Api.Tests/ScaleOut/FailoverTests.cs); adapted from shared/recipes/pg-replica.sh.
#   scripts/pg-pair.sh start DIR      prints "PRIMARY_PORT REPLICA_PORT"; database "complaints" exists
#   scripts/pg-pair.sh kill-primary DIR   the primary dies (immediate stop: no shutdown checkpoint)
#   scripts/pg-pair.sh promote DIR    the replica becomes the primary
#   scripts/pg-pair.sh stop DIR       stops both and removes DIR
# Never restart the old primary next to a promoted replica: it would have to be cloned again.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg.sh
command=${1:?usage: pg-pair.sh start|kill-primary|promote|stop DIR}
dir=${2:?usage: pg-pair.sh $command DIR}
bin=$(pg_bin_dir)

free_port() {
  local port=$1
  while ! port_is_free "$port"; do port=$((port + 1)); done
  echo "$port"
}

case $command in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    # Below the ephemeral range (32768-60999 on Linux): a port there may be the local end of any outgoing connection,
    # which a connect test cannot see and which makes the bind fail.
    primary_port=$(free_port $(( 12000 + $$ % 4000 )))
    as_owner "$bin/initdb" -D "$dir/primary" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
    as_owner bash -c "cat >> '$dir/primary/postgresql.conf'" <<CONF
port = $primary_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 5
hot_standby = on
wal_log_hints = on
fsync = off
max_connections = 100
# Synchronous replication, as the CloudNativePG cluster of k8s/ runs it: a commit is acknowledged only once the
# replica has it, so an acknowledged submission survives the primary's death.
synchronous_standby_names = '*'
CONF
    as_owner "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w start >/dev/null
    replica_port=$(free_port $((primary_port + 1)))
    as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/replica" -R -X stream -c fast
    as_owner bash -c "echo 'port = $replica_port' >> '$dir/replica/postgresql.auto.conf'"
    as_owner "$bin/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w start >/dev/null
    for _ in $(seq 1 50); do
      state=$("$bin/psql" -h 127.0.0.1 -p "$primary_port" -U postgres -Atc "select sync_state from pg_stat_replication" 2>/dev/null || true)
      [ "$state" = "sync" ] && break
      sleep 0.1
    done
    [ "$state" = "sync" ] || { echo "the replica did not become synchronous (state: $state)" >&2; exit 1; }
    "$bin/psql" -h 127.0.0.1 -p "$primary_port" -U postgres -qc "create database complaints"
    echo "$primary_port $replica_port"
    ;;
  kill-primary)
    as_owner "$bin/pg_ctl" -D "$dir/primary" -m immediate stop >/dev/null
    ;;
  promote)
    as_owner "$bin/pg_ctl" -D "$dir/replica" -w promote >/dev/null
    # Alone now: it must not wait for a synchronous standby it does not have (CloudNativePG adjusts this itself).
    port=$(as_owner sed -n 's/^port = //p' "$dir/replica/postgresql.auto.conf" | tail -n 1 | tr -d "'")
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "alter system set synchronous_standby_names = ''" -c "select pg_reload_conf()" >/dev/null
    ;;
  stop)
    for c in primary replica; do
      [ -f "$dir/$c/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/$c" -m immediate stop >/dev/null 2>&1 || true
    done
    rm -rf "$dir"
    ;;
  *)
    echo "unknown command $command" >&2; exit 2 ;;
esac
