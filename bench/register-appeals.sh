#!/usr/bin/env bash
# Appeal registration throughput on SQLite and PostgreSQL: 100,000 appeals each by default.
# Usage: bench/register-appeals.sh [COUNT] [WORKERS]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"; workers="${2:-4}"
dotnet build bench/Minsheng.Bench -c Release -nologo -v quiet -clp:ErrorsOnly
bin=bench/Minsheng.Bench/bin/Release/net10.0/Minsheng.Bench.dll
db="$(mktemp -d)/bench.db"
dotnet "$bin" --mode register --database "sqlite:$db" --count "$count" --workers "$workers"
rm -f "$db" "$db-wal" "$db-shm"
scripts/with-postgres bash -c "dotnet $bin --mode register --database \"postgres:\$MINSHENG_PG\" --count $count --workers $workers"
