#!/usr/bin/env bash
# The H5 page's browser tests (web/h5/tests, node --test + playwright-core + Debian Chromium) against a live
# service: the Release build of the API in Development on a database of its own on the test PostgreSQL
# (COMPLAINTS_TEST_DB), on a free loopback port. The lookup budget is the real one (a test spends it to see the
# page's 429); the submission budget is raised so that one persona can file a long "my complaints" list. Screenshots and the TAP log go to .test-results/h5/.
#   scripts/h5-browser-tests.sh   (./test.sh runs it after the .NET tests; it expects build-h5.sh and the build)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${COMPLAINTS_TEST_DB:?COMPLAINTS_TEST_DB is not set: run through ./test.sh}"
results=$PWD/.test-results/h5
mkdir -p "$results"
scripts/ensure-chromium.sh

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
database="complaints_h5_$(date +%s)_$$"
connection="$(sed -E 's/(^|;)[Dd]atabase=[^;]*//' <<<"$COMPLAINTS_TEST_DB");Database=$database"

ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
  ConnectionStrings__Complaints="$connection" Evidence__StorageFolder="$results/evidence" \
  RateLimits__SubmissionPerMinute=100 \
  dotnet api/Complaints.Api/bin/Release/net10.0/Complaints.Api.dll --contentRoot "$PWD/api/Complaints.Api" \
  >"$results/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/healthz/ready" >/dev/null 2>&1 && break
  kill -0 $service 2>/dev/null || { echo "the service did not start; see $results/service.log" >&2; exit 1; }
  sleep 0.5
done

cd web/h5
BASE_URL="http://127.0.0.1:$port" RESULTS_DIR="$results" \
  node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results/h5.tap" tests/
