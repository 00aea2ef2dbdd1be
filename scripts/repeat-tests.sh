#!/usr/bin/env bash
# Runs ./test.sh N times in a row (default 5), each on a fresh throwaway PostgreSQL, and stops at the first
# red run: a flaky test shows here before it blocks a landing. Each run's log is kept in .test-repeat/.
#   scripts/repeat-tests.sh 5
#   scripts/repeat-tests.sh 3 --filter SpotCheck     (arguments after N go to ./test.sh)
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
[ $# -gt 0 ] && shift
logs=$PWD/.test-repeat
rm -rf "$logs"
mkdir -p "$logs"

for i in $(seq 1 "$runs"); do
  log=$logs/run-$i.log
  start=$(date +%s)
  ./test.sh "$@" >"$log" 2>&1
  rc=$?
  echo "run $i/$runs: $(tail -n 1 "$log") (exit $rc, $(( $(date +%s) - start )) s)"
  if [ $rc -ne 0 ]; then
    grep -E '^\s+Failed ' "$log" | head -20
    echo "stopped: run $i failed; its log is $log"
    exit 1
  fi
done
echo "$runs of $runs runs passed"
