#!/usr/bin/env bash
# Server render time of each main page with the demo county on SQLite (target: p95 under 100 ms).
# Usage: bench/page-render.sh [DEMO_APPEALS] [REQUESTS_PER_PAGE] [postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
appeals="${1:-2000}"; requests="${2:-200}"
dotnet build bench/Minsheng.Bench -c Release -nologo -v quiet -clp:ErrorsOnly
bin=bench/Minsheng.Bench/bin/Release/net10.0/Minsheng.Bench.dll
if [ "${3:-}" = postgres ]; then
  scripts/with-postgres bash -c "dotnet $bin --mode pages --database \"postgres:\$MINSHENG_PG\" --count $appeals --requests $requests"
else
  db="$(mktemp -d)/pages.db"
  dotnet "$bin" --mode pages --database "sqlite:$db" --count "$appeals" --requests "$requests"
  rm -f "$db" "$db-wal" "$db-shm"
fi
