#!/usr/bin/env bash
# Issue #10's front-end checks, run by ./test.sh (needs COMPLAINTS_TEST_DB's cluster from pg.sh, PG_PORT set,
# and the Release build of the API):
#   1. Spectral (spectral:oas) and Redocly (recommended) on openapi/v1.json: 0 errors, 0 warnings;
#   2. clients/typescript/src/schema.ts equals what openapi-typescript generates from openapi/v1.json;
#   3. tsc --strict, and no `any` or casts in the client;
#   4. node --test journeys against the service started here on its own database, stopped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg.sh
root=$PWD
client=$root/clients/typescript

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Node.js/npm not found; installing (apt-get install -y nodejs npm)..." >&2
  apt_install nodejs npm >&2
fi

(cd "$client" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
bin=$client/node_modules/.bin
failed=0

echo "Lint: Spectral (spectral:oas) and Redocly (recommended) on openapi/v1.json"
if ! "$bin/spectral" lint --ruleset openapi/.spectral.yaml --fail-severity=warn --display-only-failures openapi/v1.json; then
  echo "Spectral reports problems in openapi/v1.json" >&2; failed=1
fi
redocly_out=$("$bin/redocly" lint --config openapi/redocly.yaml --format=stylish openapi/v1.json 2>&1) || true
if grep -qE '(warning|error)' <<<"$(grep -vE 'Node.js|nodejs.org|Redocly CLI releases|Deprecation' <<<"$redocly_out")"; then
  echo "$redocly_out" >&2; echo "Redocly reports problems in openapi/v1.json" >&2; failed=1
else
  echo "Redocly: 0 errors, 0 warnings"
fi

echo "TypeScript: generated types up to date, tsc --strict, no any or casts"
generated=$(mktemp --suffix=.ts)
"$bin/openapi-typescript" openapi/v1.json -o "$generated" >/dev/null 2>&1
if ! diff -q "$generated" "$client/src/schema.ts" >/dev/null; then
  echo "clients/typescript/src/schema.ts differs from openapi/v1.json: run (cd clients/typescript && npm run generate)" >&2; failed=1
fi
rm -f "$generated"
if grep -nE '(:|<|\|)\s*any\b|\bas (any|unknown)\b|\bas [A-Z][A-Za-z]*[<;,) ]|<[A-Z][A-Za-z]*>\s*[a-z]' "$client/src/client.ts" "$client"/test/*.ts; then
  echo "the client must not use any or casts" >&2; failed=1
fi
rm -rf "$client/dist"
(cd "$client" && "$bin/tsc" -p tsconfig.json) || { echo "tsc --strict failed" >&2; failed=1; }

echo "TypeScript client journeys against the live service"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "drop database if exists complaints_ts" -c "create database complaints_ts"
port=$(( 18000 + RANDOM % 2000 )); while ! port_is_free "$port"; do port=$(( port + 1 )); done
url=http://127.0.0.1:$port
# From its build folder, so that appsettings.Development.json (the development token key) is its configuration.
(cd api/Complaints.Api/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$url \
  ConnectionStrings__Complaints=$(pg_connection_string complaints_ts) Logging__LogLevel__Default=Warning \
  exec dotnet Complaints.Api.dll >"$root/.test-results/live-service.log" 2>&1) &
service=$!
trap 'kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS "$url/healthz/ready" >/dev/null 2>&1 && break
  kill -0 "$service" 2>/dev/null || break
  sleep 1
done
if ! curl -fsS "$url/healthz/ready" >/dev/null 2>&1; then
  echo "the service did not become ready; see .test-results/live-service.log" >&2; exit 1
fi
(cd "$client" && COMPLAINTS_API_URL=$url node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination="$root/.test-results/typescript-journeys.xml" dist/test/journeys.test.js) || failed=1
exit $failed
