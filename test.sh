#!/usr/bin/env bash
# Runs every test against a real PostgreSQL and ends with "N passed, N failed".
#   ./test.sh                 throwaway cluster under /var/tmp, removed afterwards
#   COMPLAINTS_TEST_DB=...    use that server instead (a connection string allowed to create databases)
#   ./test.sh --filter X      passed on to `dotnet test` (the H5 browser tests run too when X mentions H5)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/pg.sh

COVERAGE_MIN=${COVERAGE_MIN:-90}
results=$PWD/.test-results
rm -rf "$results"
mkdir -p "$results"

scripts/ensure-fonts.sh || echo "warning: CJK fonts could not be installed; PDF tests may fail" >&2

if [ -z "${COMPLAINTS_TEST_DB:-}" ]; then
  # fsync off: a throwaway cluster need not survive a power cut, and tests run faster.
  PG_FSYNC=off pg_start "test-$$"
  cleanup() { pg_stop; as_owner rm -rf "$PG_DATA"; }
  cleanup_db=cleanup
  trap cleanup EXIT
  COMPLAINTS_TEST_DB=$(pg_connection_string postgres)
  export COMPLAINTS_TEST_DB
  echo "Test PostgreSQL on 127.0.0.1:$PG_PORT"
fi

# The real Redis and S3-compatible server (Ceph radosgw) the scale-out tests use, started once per run beside the
# build (radosgw takes ~12 s) and stopped on exit; their data lives in RAM under /var/tmp. COMPLAINTS_TEST_REDIS
# (host:port) and COMPLAINTS_TEST_S3 (+ _ACCESS_KEY, _SECRET_KEY) point at running ones instead.
if [ -z "${COMPLAINTS_TEST_REDIS:-}" ] || [ -z "${COMPLAINTS_TEST_S3:-}" ]; then
  services=/var/tmp/complaints-services/$$
  mkdir -p "$services"
  source scripts/redis.sh
  source scripts/s3.sh
  # Never fails: a cleanup that stops half-way would leave the other servers running.
  # A run that fails while the S3 server is still starting (installing Ceph) waits for its starter first: stopped
  # before its pid files exist, it would be left running.
  stop_services() { redis_stop || true; [ -z "${s3_starter:-}" ] || wait "$s3_starter" 2>/dev/null || true; s3_stop || true; rm -rf "$services" 2>/dev/null || true; }
  S3_DIR=$services/s3
  trap 'stop_services; ${cleanup_db:-true}' EXIT
  ( s3_start "$services/s3" >"$services/s3.log" 2>&1 && printf '%s\n' "$S3_ENDPOINT" >"$services/s3.endpoint" ) &
  s3_starter=$!
  redis_start "$services/redis"
fi

# The citizen H5 page (web/h5) is built into the API's wwwroot before the API is built and published.
scripts/build-h5.sh
dotnet build Complaints.slnx -c Release -nologo -v q -clp:ErrorsOnly

if [ -n "${s3_starter:-}" ]; then
  wait "$s3_starter" || { cat "$services/s3.log" >&2; echo "the S3-compatible server did not start" >&2; exit 1; }
  export COMPLAINTS_TEST_REDIS="127.0.0.1:$REDIS_PORT"
  COMPLAINTS_TEST_S3=$(cat "$services/s3.endpoint")
  export COMPLAINTS_TEST_S3 COMPLAINTS_TEST_S3_ACCESS_KEY=TESTACCESSKEY COMPLAINTS_TEST_S3_SECRET_KEY=TESTSECRETKEY123
fi
echo "Test Redis on $COMPLAINTS_TEST_REDIS, S3 (Ceph radosgw) on $COMPLAINTS_TEST_S3"

status=0
# The layout conventions of .editorconfig; its code-style rules marked :warning are checked by the build itself.
if [ -z "${*:-}" ]; then
  dotnet format whitespace Complaints.slnx --verify-no-changes -v q \
    || { echo "the layout differs from .editorconfig: run 'dotnet format whitespace Complaints.slnx'" >&2; status=1; }
fi
run_tests() {
  local project=$1; shift
  dotnet test "tests/$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$project.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results/$project" "$@" || status=1
}
run_tests Complaints.Domain.Tests --collect "XPlat Code Coverage" "$@"
run_tests Complaints.Api.Tests "$@"

# The front-end contract (issue #10): lint, the generated TypeScript types, and the typed client's journeys
# against the live service. npm packages come from the committed lockfile.
if [ -z "${*:-}" ]; then
  scripts/frontend-checks.sh || status=1
fi

# The H5 page in headless Chromium at phone sizes against a live service (web/h5/tests).
if [ -z "${*:-}" ] || [[ "$*" == *H5* ]]; then
  scripts/h5-browser-tests.sh || status=1
  [ -f "$results/h5/h5.tap" ] || { echo "the H5 browser tests did not run" >&2; status=1; }
fi

# The domain project is the regulation: its line coverage is reported and held at COVERAGE_MIN.
cobertura=$(find "$results/Complaints.Domain.Tests" -name coverage.cobertura.xml | head -n 1)
if [ -n "$cobertura" ]; then
  rate=$(grep -o '<package [^>]*name="Complaints.Domain"[^>]*' "$cobertura" | grep -o 'line-rate="[0-9.]*"' | head -n 1 | grep -o '[0-9.]*')
  percent=$(awk -v r="${rate:-0}" 'BEGIN { printf "%.1f", r * 100 }')
  echo "Complaints.Domain line coverage: $percent% (minimum $COVERAGE_MIN%)"
  if [ -z "${*:-}" ] && awk -v p="$percent" -v m="$COVERAGE_MIN" 'BEGIN { exit !(p < m) }'; then
    echo "Domain coverage is below $COVERAGE_MIN%" >&2
    status=1
  fi
fi

# The manifests: every overlay renders and every document passes its schema (policy assertions are tests).
if [ -z "${*:-}" ]; then
  scripts/k8s-check.sh || { echo "k8s/ manifest checks failed" >&2; status=1; }
fi

# The service must publish (the Dockerfile does the same).
if [ -z "${*:-}" ]; then
  dotnet publish api/Complaints.Api -c Release -o "$results/publish" -nologo -v q -clp:ErrorsOnly >/dev/null || { echo "dotnet publish failed" >&2; status=1; }
fi

passed=0; failed=0
for trx in $(find "$results" -name '*.trx'); do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$(( passed + ${p:-0} )); failed=$(( failed + ${f:-0} ))
done
# The TypeScript client's journeys (scripts/frontend-checks.sh) report as JUnit.
for junit in $(find "$results" -name '*.xml' -path '*typescript*'); do
  # `|| true`: under pipefail a grep that finds nothing would end the script before the summary.
  cases=$({ grep -o '<testcase ' "$junit" || true; } | wc -l); failures=$({ grep -o '<failure' "$junit" || true; } | wc -l)
  passed=$(( passed + cases - failures )); failed=$(( failed + failures ))
done
# The H5 browser tests (node --test) write TAP: its closing "# pass N" / "# fail N" lines.
if [ -f "$results/h5/h5.tap" ]; then
  p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$results/h5/h5.tap" | tail -n 1); f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$results/h5/h5.tap" | tail -n 1)
  passed=$(( passed + ${p:-0} )); failed=$(( failed + ${f:-0} ))
fi
[ "$passed" -eq 0 ] && status=1
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
