#!/usr/bin/env bash
# Builds the citizen H5 page (web/h5) into api/Complaints.Api/wwwroot, which the API serves at /.
# npm packages come from the committed lockfile (npm ci), reinstalled only when the lockfile changed.
set -euo pipefail
cd "$(dirname "$0")/../web/h5"
if ! command -v npm >/dev/null; then
  echo "npm not found: install Node.js 20.19+ (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
stamp=node_modules/.lockfile.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi
npm run --silent build -- --logLevel warn
