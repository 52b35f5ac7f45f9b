#!/usr/bin/env bash
# Dashboard overview from the daily facts vs the live GROUP BY (the reference), p50/p95 for 30 days and a year,
# city and county scopes, clean and with five dirty days; plus the full rebuild time.
# Usage: bench/facts.sh [SQLITE_COUNT] [POSTGRES_COUNT] [RUNS]     (defaults: 100000, 1000000, 15)
# Targets (issue 12): dashboard p95 < 200 ms at 1,000,000 appeals on PostgreSQL; SQLite within the same at 100,000.
set -euo pipefail
cd "$(dirname "$0")/.."
sqlite_count="${1:-100000}"
pg_count="${2:-1000000}"
runs="${3:-15}"
dotnet build bench/Minsheng.Bench.Facts -c Release -nologo -v quiet -clp:ErrorsOnly
bin=bench/Minsheng.Bench.Facts/bin/Release/net10.0/Minsheng.Bench.Facts.dll
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
if [[ "$sqlite_count" != 0 ]]; then dotnet "$bin" --database "sqlite:$dir/facts.db" --count "$sqlite_count" --runs "$runs"; fi
if [[ "$pg_count" != 0 ]]; then
  scripts/with-postgres bash -c "dotnet $bin --database \"postgres:\$MINSHENG_PG\" --count $pg_count --runs $runs"
fi
