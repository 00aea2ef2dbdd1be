#!/usr/bin/env bash
# The H5 page's browser tests (web/h5/tests, node --test + playwright-core + Debian Chromium) against a live
# service: the Release build of the API in Development on a database of its own on the test PostgreSQL
# (COMPLAINTS_TEST_DB), on a free loopback port. The lookup budget is the real one (a test spends it to see the
# page's 429); the submission and upload budgets are raised so that one persona can file a long "my complaints"
# list. A second instance trusts only the tests' OIDC provider stub (below). Screenshots and the TAP log go to .test-results/h5/.
#   scripts/h5-browser-tests.sh   (./test.sh runs it after the .NET tests; it expects build-h5.sh and the build)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${COMPLAINTS_TEST_DB:?COMPLAINTS_TEST_DB is not set: run through ./test.sh}"
results=$PWD/.test-results/h5
mkdir -p "$results"
scripts/ensure-chromium.sh

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port=$(free_port)
database="complaints_h5_$(date +%s)_$$"
connection="$(sed -E 's/(^|;)[Dd]atabase=[^;]*//' <<<"$COMPLAINTS_TEST_DB");Database=$database"

# start_service NAME PORT [SETTING=VALUE...]: the Release build in Development on the test database.
start_service() {
  local name=$1 port=$2; shift 2
  env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ConnectionStrings__Complaints="$connection" Evidence__StorageFolder="$results/evidence" \
    RateLimits__SubmissionPerMinute=100 RateLimits__UploadPerMinute=100 "$@" \
    dotnet api/Complaints.Api/bin/Release/net10.0/Complaints.Api.dll --contentRoot "$PWD/api/Complaints.Api" \
    >"$results/$name.log" 2>&1 &
  pids+=($!)
}
wait_ready() {
  local name=$1 port=$2 pid=$3
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/healthz/ready" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "the service did not start; see $results/$name.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the service did not become ready; see $results/$name.log" >&2; exit 1
}
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done' EXIT

start_service service "$port"
wait_ready service "$port" "${pids[0]}"

# A second instance, on the same database, that trusts only the OIDC provider stub the tests start on
# $oidc_port (web/h5/tests/oidc-stub.mjs): Auth:Authority is the stub, so the API takes its signing keys from the
# stub's discovery document and JWKS, as in production with the real identity platform (plain http on loopback,
# hence RequireHttpsMetadata=false). The page offers OIDC sign-in there because H5:OidcClientId is set.
# Started after the first is ready, so that only one of them migrates and seeds the database.
oidc_port=$(free_port)
oidc_service_port=$(free_port)
start_service oidc-service "$oidc_service_port" \
  Auth__Authority="http://127.0.0.1:$oidc_port" Auth__Issuer="http://127.0.0.1:$oidc_port" Auth__RequireHttpsMetadata=false \
  H5__OidcClientId=complaints-h5
wait_ready oidc-service "$oidc_service_port" "${pids[1]}"

cd web/h5
BASE_URL="http://127.0.0.1:$port" RESULTS_DIR="$results" \
  OIDC_BASE_URL="http://127.0.0.1:$oidc_service_port" OIDC_PROVIDER_PORT="$oidc_port" \
  node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results/h5.tap" tests/
