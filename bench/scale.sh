#!/usr/bin/env bash
# A city's volume: loads N appeals (default 1,000,000) with two years of realistic history, then reports p50/p95 of
# the product's statistics, lists, search, ledger, hot topics, duplicate candidates and monitor pass beside a
# plain-SQL reference on the same tables.
# Usage: bench/scale.sh [N] [postgres|sqlite] [RUNS]
# Titles and contents are mixed with real citizen messages read at run time from ../shared/data/appeals (or
# $MINSHENG_APPEAL_TEXTS) when present; they are never copied into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000000}"; engine="${2:-postgres}"; runs="${3:-30}"
texts="${MINSHENG_APPEAL_TEXTS:-}"
for d in ../shared/data/appeals ../../shared/data/appeals; do
  [ -z "$texts" ] && [ -d "$d" ] && texts="$(cd "$d" && pwd)"
done
dotnet build bench/Minsheng.Bench.Scale -c Release -nologo -v quiet -clp:ErrorsOnly
bin=bench/Minsheng.Bench.Scale/bin/Release/net10.0/Minsheng.Bench.Scale.dll
opts=(--count "$count" --runs "$runs")
[ -n "$texts" ] && opts+=(--texts "$texts")
echo "== $(uptime)"
if [ "$engine" = sqlite ]; then
  dir="$(mktemp -d)"
  trap 'rm -rf "$dir"' EXIT
  dotnet "$bin" --database "sqlite:$dir/scale.db" "${opts[@]}"
else
  scripts/with-postgres bash -c "dotnet $bin --database \"postgres:\$MINSHENG_PG\" ${opts[*]}"
fi
echo "== $(uptime)"
