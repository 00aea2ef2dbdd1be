#!/usr/bin/env bash
# A throwaway Redis for the rate-limit tests (shared budgets across replicas). Sourced by test.sh.
# Installs redis-server with apt-get when missing; listens on a free loopback port, no persistence.
#   redis_start DIR   exports REDIS_PORT, REDIS_DIR
#   redis_stop        stops it and removes DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

redis_start() {
  REDIS_DIR=${1:?usage: redis_start DIR}
  if ! command -v redis-server >/dev/null; then
    echo "redis-server not found; installing it (apt-get install redis-server)..." >&2
    apt_install --no-install-recommends redis-server >&2
  fi
  REDIS_PORT=$(( 40000 + $$ % 10000 ))
  while (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null; do REDIS_PORT=$((REDIS_PORT + 1)); done
  rm -rf "$REDIS_DIR"; mkdir -p "$REDIS_DIR"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log"
  local i
  for i in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
  export REDIS_DIR REDIS_PORT
}

redis_stop() {
  [ -n "${REDIS_DIR:-}" ] || return 0
  local pid i
  pid=$(cat "$REDIS_DIR/redis.pid" 2>/dev/null || true)
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    # Redis writes its log while it shuts down: wait for it before removing its folder.
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$REDIS_DIR" 2>/dev/null || true
}
