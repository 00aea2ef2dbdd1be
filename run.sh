#!/usr/bin/env bash
# Runs the service on a private local PostgreSQL that it starts and seeds itself.
#   ./run.sh            → http://127.0.0.1:8080 (or $ASPNETCORE_URLS): the citizen H5 page at /, Scalar at /scalar
# Re-running is idempotent (the cluster and database are reused); Ctrl-C stops the API and the database.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/pg.sh

# The citizen H5 page (web/h5), served by the API at /.
scripts/build-h5.sh
scripts/ensure-fonts.sh || echo "warning: CJK fonts could not be installed; PDF documents will lack Chinese glyphs" >&2

pg_start run
trap 'echo; echo "Stopping the database..."; pg_stop' EXIT
if ! psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname='complaints'" | grep -q 1; then
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database complaints"
fi
# A database migrated by the migrations the baseline replaced cannot take it (docs/decisions/baseline-migration.md):
# it holds only demo data, made again at start.
first_migration=$(ls api/Complaints.Api/Persistence/Migrations | sed -n 's/^\([0-9]*_[A-Za-z0-9]*\)\.cs$/\1/p' | sort | head -n 1)
if psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d complaints -tAc "select 1 from pg_tables where tablename = '__ef_migrations_history'" | grep -q 1 \
  && ! psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d complaints -tAc "select 1 from __ef_migrations_history where migration_id = '$first_migration'" | grep -q 1; then
  echo "The database complaints was migrated without $first_migration (see docs/decisions/baseline-migration.md): creating it again"
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "drop database complaints" -c "create database complaints"
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:8080}
export ConnectionStrings__Complaints
ConnectionStrings__Complaints=$(pg_connection_string complaints)
# Development applies the migrations and seeds the demo data at start (Database:* in appsettings.Development.json).
echo "PostgreSQL on 127.0.0.1:$PG_PORT (data in $PG_DATA)"
echo "API on $ASPNETCORE_URLS — API reference: ${ASPNETCORE_URLS%%;*}/scalar, contract: ${ASPNETCORE_URLS%%;*}/openapi/v1.json"
dotnet run --project api/Complaints.Api -c "${CONFIGURATION:-Debug}" --no-launch-profile
