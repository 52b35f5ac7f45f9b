#!/usr/bin/env bash
# Fuzzes a running server with malformed requests and prints the count per status (no 5xx allowed).
# Usage: bench/fuzz.sh [COUNT] [SEED]            (default 20,000 requests, seed 20261116)
# Starts `minsheng serve --demo` on a throwaway SQLite database and a free port, resets the admin password, runs
# tests/Minsheng.Tests' FuzzTests against it (MINSHENG_FUZZ_URL), prints the report and stops the server.
# Rate limits are raised so the requests reach the handlers instead of stopping at 429.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-20000}"; seed="${2:-20261116}"
work="$(mktemp -d)"; db="sqlite:$work/fuzz.db"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
password="Fuzz-$(date +%s)-Passw0rd"

./minsheng migrate --database "$db" >/dev/null
RateLimits__PublicSubmissionsPerMinute=1000000 RateLimits__LoginsPerMinute=1000000 RateLimits__TrackingLookupsPerMinute=1000000 \
  Monitor__Enabled=false ./minsheng serve --database "$db" --urls "$url" --demo >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
  curl -fsS "$url/openapi/v1.json" -o /dev/null 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 1
done
printf '%s' "$password" | ./minsheng users reset-password --username admin --password-stdin --database "$db" >/dev/null

dotnet build tests/Minsheng.Tests -c Release -nologo -v quiet -clp:ErrorsOnly
started=$(date +%s)
MINSHENG_FUZZ_URL="$url" MINSHENG_FUZZ_USERNAME=admin MINSHENG_FUZZ_PASSWORD="$password" MINSHENG_FUZZ_COUNT="$count" \
  MINSHENG_FUZZ_SEED="$seed" MINSHENG_FUZZ_REPORT="$work/report.txt" \
  dotnet test tests/Minsheng.Tests -c Release --no-build --filter "FullyQualifiedName~Security.FuzzTests" -v quiet -nologo || status=$?
echo "--- fuzz against $url ($(( $(date +%s) - started )) s) ---"
cat "$work/report.txt" 2>/dev/null || echo "no report written"
echo "server errors logged: $(grep -c 'fail: ' "$work/server.log" || true)"
exit "${status:-0}"
