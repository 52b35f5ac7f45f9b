#!/usr/bin/env bash
# Deadline-monitor pass time over COUNT open appeals (default 100,000) on SQLite and PostgreSQL.
# Usage: bench/monitor-pass.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
dotnet build bench/Minsheng.Bench -c Release -nologo -v quiet -clp:ErrorsOnly
bin=bench/Minsheng.Bench/bin/Release/net10.0/Minsheng.Bench.dll
db="$(mktemp -d)/bench.db"
dotnet "$bin" --mode monitor --database "sqlite:$db" --count "$count"
rm -f "$db" "$db-wal" "$db-shm"
scripts/with-postgres bash -c "dotnet $bin --mode monitor --database \"postgres:\$MINSHENG_PG\" --count $count"
