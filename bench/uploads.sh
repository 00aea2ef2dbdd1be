#!/usr/bin/env bash
# The upload figures of bench/run.sh (#16) alone, on a small cluster of their own ("uploads"), for iterating on the
# evidence pipeline without the 1,000,000-case database. Same photo, same curl, same RSS sampling as bench/run.sh, plus
# the service's CPU time per upload (utime + stime from /proc/<pid>/stat), which stays true on a busy host.
#   bench/uploads.sh                       publish this checkout (Release) and measure it
#   UPLOADS_PUBLISH_DIR=… bench/uploads.sh measure a build published beforehand (e.g. an older commit)
#   UPLOADS_ROUNDS=3                       how many times the 16-at-once burst runs (each reported)
#   UPLOADS_PHOTO=…                        another file instead of the 12 MP photo (e.g. a small one, for the fixed cost)
#   UPLOADS_WARMUP=60                      uploads before anything is measured (default 2: JIT and pools only start to settle;
#                                          60 or more measure the steady state, after tiered compilation has finished)
#   UPLOADS_PORT=28420                     the first port tried for the service (default 18380), to keep out of others' way
#   UPLOADS_SERVICE_ENV="A=1 B=2"          more environment for the service only (e.g. DOTNET_TieredPGO=0)
#   UPLOADS_PRELOAD=20                     seconds of authenticated GETs (wrk, 16 connections) before the uploads, so that the
#                                          HTTP pipeline (Kestrel, authentication, routing) is compiled at tier 1 as in
#                                          bench/run.sh, whose burst follows minutes of reads; without it the burst pays that JIT
#   UPLOADS_PERF=1                         a CPU profile of the service (perf, 499 Hz) through the bursts, in $out/perf.data
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/pg.sh
out=${UPLOADS_OUT:-$root/bench/out/uploads}
mkdir -p "$out"
publish=${UPLOADS_PUBLISH_DIR:-$out/publish}

pg_start uploads
service_pid=""
cleanup() {
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; fi
  pg_stop
}
trap cleanup EXIT
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtA -d postgres -c "drop database if exists complaints_uploads" -c "create database complaints_uploads" >/dev/null

[ -z "${UPLOADS_PUBLISH_DIR:-}" ] && dotnet publish api/Complaints.Api -c Release -o "$publish" -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/Seeder -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
photo=${UPLOADS_PHOTO:-$out/photo-12mp.jpg}
[ -f "$photo" ] || dotnet bench/Seeder/bin/Release/net10.0/Seeder.dll photo "$photo" 4000 3000

port=$(p=${UPLOADS_PORT:-18380}; while ! port_is_free "$p"; do p=$((p + 1)); done; echo "$p")
perf_env=()
[ -n "${UPLOADS_PERF:-}" ] && perf_env=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
(cd "$publish" && exec env "${perf_env[@]}" ${UPLOADS_SERVICE_ENV:-} ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
  ConnectionStrings__Complaints="$(pg_connection_string complaints_uploads)" Database__MigrateOnStartup=true Database__SeedDemoData=true \
  Evidence__StorageFolder="$out/store" RateLimits__UploadPerMinute=100000000 Evidence__UnattachedQuotaBytes=1000000000000 \
  Logging__LogLevel__Default=Warning dotnet Complaints.Api.dll) >"$out/service.log" 2>&1 &
service_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do curl -fs "$base/healthz/ready" >/dev/null 2>&1 && break; sleep 1; done
citizen=$(curl -fs -X POST "$base/api/dev/tokens" -H 'content-type: application/json' -d '{"persona":"citizen"}' | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')

rss() { awk '/^VmRSS/ {printf "%d", $2/1024}' "/proc/$service_pid/status"; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$service_pid/stat"; }
upload() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST "$base/api/v1/evidence" -H "authorization: Bearer $citizen" -F "file=@$photo;type=image/jpeg"; }
export -f upload; export base citizen photo

if [ -n "${UPLOADS_PRELOAD:-}" ]; then
  BENCH_WRK_DIR=$root/bench/wrk wrk -t2 -c16 -d"${UPLOADS_PRELOAD}s" -s "$root/bench/wrk/get.lua" "$base" -- "$citizen" /api/v1/me/complaints >/dev/null 2>&1
  sleep 5
fi
# Warm-up uploads (JIT, pools), not counted.
for _ in $(seq 1 "${UPLOADS_WARMUP:-2}"); do upload >/dev/null; done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# What the service spends doing nothing (its background jobs poll), to read the "alone" figure against.
c0=$(cpu_ms); sleep 5; c1=$(cpu_ms)
echo "idle: service CPU $(( (c1 - c0) / 5 )) ms per second"
c0=$(cpu_ms)
single=$(for _ in 1 2 3 4 5; do upload; done | awk '{print $2}' | sort -n | sed -n 3p)
c1=$(cpu_ms)
echo "one alone: median of 5 ${single}s; service CPU $(( (c1 - c0) / 5 )) ms per upload"
perf_pid=""
if [ -n "${UPLOADS_PERF:-}" ]; then
  perf record -q -F 499 -g -p "$service_pid" -o "$out/perf.data" >/dev/null 2>&1 &
  perf_pid=$!
  sleep 1
fi
for round in $(seq 1 "${UPLOADS_ROUNDS:-2}"); do
  rm -f "$out/done"; echo 0 >"$out/peak"
  (peak=0; while [ ! -f "$out/done" ]; do r=$(rss); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" >"$out/peak"; sleep 0.1; done) &
  sampler=$!
  c0=$(cpu_ms)
  seq 16 | xargs -P16 -I{} bash -c upload >"$out/burst.txt"
  c1=$(cpu_ms)
  touch "$out/done"; wait "$sampler" 2>/dev/null || true
  echo "16 at once (round $round): p50 $(awk '{print $2}' "$out/burst.txt" | sort -n | sed -n 8p)s max $(awk '{print $2}' "$out/burst.txt" | sort -n | tail -1)s" \
    "[$(awk '{print $1}' "$out/burst.txt" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')] peak RSS $(cat "$out/peak") MB; service CPU $(( (c1 - c0) / 16 )) ms per upload"
  sleep 3
done
if [ -n "$perf_pid" ]; then kill -INT "$perf_pid"; wait "$perf_pid" 2>/dev/null || true; echo "profile: perf report -i $out/perf.data --no-children --sort dso,symbol --stdio -g none"; fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
