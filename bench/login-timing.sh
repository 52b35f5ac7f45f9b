#!/usr/bin/env bash
# Sign-in answer times: an existing account with a wrong password against a name that does not exist.
# They should match (a dummy hash is checked for unknown names), so timing cannot enumerate accounts.
# Usage: bench/login-timing.sh [REQUESTS_OF_EACH_KIND] [postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-200}"
dotnet build bench/Minsheng.Bench -c Release -nologo -v quiet -clp:ErrorsOnly
bin=bench/Minsheng.Bench/bin/Release/net10.0/Minsheng.Bench.dll
if [ "${2:-}" = postgres ]; then
  scripts/with-postgres bash -c "dotnet $bin --mode login --database \"postgres:\$MINSHENG_PG\" --requests $requests"
else
  db="$(mktemp -d)/login.db"
  dotnet "$bin" --mode login --database "sqlite:$db" --requests "$requests"
  rm -f "$db" "$db-wal" "$db-shm"
fi
