#!/usr/bin/env bash
# The write path's raw-database ceiling (#16, session 8): one durable submission's statements (write-ceiling/submission.sql,
# the same statements in the same order as the service sends them, the database's triggers included) replayed by pgbench
# with prepared statements, fsync and synchronous_commit on, on bench/run.sh's cluster and database, with no service
# running. What PostgreSQL alone can commit per second on this host bounds what the service can acknowledge.
#
# With a batch size above 1 it replays write-ceiling/group-commit.sql instead: that many submissions per transaction, in
# multi-row statements, as the group-commit redesign of intake would send them (docs/decisions/intake-group-commit.md).
#
# Usage (after bench/run.sh, which leaves a submitted case to copy):  bench/write-ceiling.sh [clients] [seconds] [batch]
# Prints transactions/s and submissions/s, latency, and the CPU per submission of the database and of pgbench; removes
# what it inserted (the audit lines stay, chained like any other, so /admin/audit/verification stays intact).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg.sh
clients=${1:-16} seconds=${2:-20} batch=${3:-1}
db=${BENCH_DB:-complaints_bench}
pg_start bench >/dev/null
psql_() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtA -v ON_ERROR_STOP=1 "$@"; }

template=$(psql_ -d "$db" -c "select id from complaints where facts like '压力测试提交的投诉%' order by received_at desc limit 1")
[ -n "$template" ] || { echo "no case submitted by bench/run.sh to copy: run it first" >&2; exit 1; }
psql_ -d "$db" -c "drop table if exists pgb_case, pgb_identity, pgb_agencies" \
  -c "create table pgb_case as select * from complaints where id = '$template'" \
  -c "create table pgb_identity as select * from complainant_identities where complaint_id = '$template'" \
  -c "create table pgb_agencies as select row_number() over (order by id) as n, id from agencies where active" \
  -c "alter table pgb_agencies add primary key (n)" -c "analyze pgb_case, pgb_identity, pgb_agencies"
agencies=$(psql_ -d "$db" -c "select count(*) from pgb_agencies")

# CPU: the host's busy time in the measured window less pgbench's own (its children's times, from bash's `times`);
# PostgreSQL's backends come and go with pgbench's connections, so they cannot be read from /proc one by one.
busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
out=$(mktemp)
script=bench/write-ceiling/submission.sql
[ "$batch" -gt 1 ] && script=bench/write-ceiling/group-commit.sql
pgbench_=("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$clients" -j 2 -D agencies="$agencies" -D k="$batch"
  -f "$script")
# Five seconds first, so that every connection has prepared its statements and the pages are in memory.
"${pgbench_[@]}" -T 5 "$db" >/dev/null 2>&1
read -r b0 t0 < <(busy)
client_cpu=$( ( "${pgbench_[@]}" -T "$seconds" -r "$db" >"$out" 2>&1; times ) | tail -1 \
  | awk '{ s = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); s += a[1] * 60 + a[2] } print s }')
read -r b1 t1 < <(busy)
tx=$(awk '/number of transactions actually processed/ {split($0, a, ": "); split(a[2], b, "/"); print b[1]}' "$out")
submissions=$((tx * batch))
tps=$(awk '/^tps/ {print $3; exit}' "$out")
latency=$(awk '/^latency average/ {print $4}' "$out")
failed=$(awk '/number of failed transactions/ {print $5}' "$out")
hz=$(getconf CLK_TCK)
per_batch=""
[ "$batch" -gt 1 ] && per_batch=" of $batch submissions ($(awk -v t="$tps" -v k="$batch" 'BEGIN {printf "%.0f", t * k}') submissions/s)"
echo "write ceiling (pgbench, no service): $clients clients, ${seconds}s: $tps transactions/s$per_batch, latency average ${latency} ms," \
  "failed ${failed:-0}; CPU of the database $(awk -v b=$((b1 - b0)) -v hz="$hz" -v c="$client_cpu" -v n="$submissions" 'BEGIN {printf "%.0f", (b / hz - c) * 1e6 / n}') µs" \
  "and of pgbench $(awk -v c="$client_cpu" -v n="$submissions" 'BEGIN {printf "%.0f", c * 1e6 / n}') µs per submission," \
  "host idle $(awk -v b=$((b1 - b0)) -v t=$((t1 - t0)) 'BEGIN {printf "%.1f", 100 - 100 * b / t}') %"
[ -n "${WRITE_CEILING_VERBOSE:-}" ] && cat "$out"
rm -f "$out"

psql_ -d "$db" -c "delete from complaints where tracking_number like 'PB%-20991231-%'" \
  -c "delete from idempotency_records where scope = 'write-ceiling'" \
  -c "delete from tracking_sequences where day = '2099-12-31'" \
  -c "drop table pgb_case, pgb_identity, pgb_agencies" >/dev/null
