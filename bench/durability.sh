#!/usr/bin/env bash
# Crash durability of public submissions on SQLite and PostgreSQL: CLIENTS parallel citizens post
# POST /api/public/appeals to `./minsheng serve` on a fresh database; after KILL_AFTER seconds the server
# is killed with SIGKILL mid-stream, restarted on the same database, and every number that was answered
# 201 is looked up through the public tracking API with its query code. An acknowledged number that is
# gone is a lost submission; the script exits 1 if any engine loses one.
# Usage: bench/durability.sh [KILL_AFTER=20] [CLIENTS=12]
set -euo pipefail
cd "$(dirname "$0")/.."
kill_after="${1:-20}"; clients="${2:-12}"

# The bench posts and looks up far faster than one citizen may; lift the per-address limits.
export RateLimits__PublicSubmissionsPerMinute=100000000 RateLimits__TrackingLookupsPerMinute=100000000
# Background work stays on as in production (deadline monitor, triage retraining).

./minsheng --help >/dev/null # builds the CLI now, so the first start below is not a build

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_server() { # DATABASE PORT LOG → sets server_pid
  ./minsheng serve --database "$1" --urls "http://127.0.0.1:$2" >>"$3" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$2/api/public/categories" && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "server exited; log:" >&2; tail -n 30 "$3" >&2; return 1; }
    sleep 0.5
  done
  echo "server did not answer within 300 s" >&2; return 1
}

# One citizen: submits until the server stops answering (curl status 000) or the stop file appears.
# Every attempt is logged with its status; every 201 with its number and query code.
client() { # BASE WORK ID
  local base="$1" work="$2" id="$3" i=0 out code
  while [ ! -e "$work/stop" ]; do
    i=$((i + 1))
    out=$(curl -s --max-time 30 -w '\n%{http_code}' -H 'Content-Type: application/json' \
      -d "{\"type\":\"Complaint\",\"title\":\"村口路灯不亮（$id-$i）\",\"content\":\"村口的路灯坏了两个星期，晚上出行很不方便，请尽快维修。客户端 $id 第 $i 次提交。\",\"phone\":\"13800000000\"}" \
      "$base/api/public/appeals") || true
    code="${out##*$'\n'}"
    echo "$code" >>"$work/status.$id"
    if [ "$code" = 201 ]; then jq -r '"\(.number)\t\(.queryCode)"' <<<"${out%$'\n'*}" >>"$work/acked.$id"; fi
    [ "$code" = 000 ] && break
  done
}

run() { # ENGINE DATABASE STORED_COUNT_COMMAND...
  local engine="$1" database="$2"; shift 2
  local work port base log
  work="$(mktemp -d)"; port="$(free_port)"; base="http://127.0.0.1:$port"; log="$work/server.log"
  echo "== $engine: $clients clients, SIGKILL after ${kill_after} s"
  start_server "$database" "$port" "$log"
  for id in $(seq 1 "$clients"); do client "$base" "$work" "$id" & done
  sleep "$kill_after"
  kill -9 "$server_pid"; wait "$server_pid" 2>/dev/null || true
  touch "$work/stop"; wait
  start_server "$database" "$port" "$log"
  cat "$work"/acked.* 2>/dev/null >"$work/acked" || true
  # Each acknowledged number must still be found with its query code after the restart.
  xargs -P 8 -L 1 sh -c 'code=$(curl -s -o /dev/null -w "%{http_code}" "$0/api/public/appeals/$1?code=$2"); [ "$code" = 200 ] || echo "$1 $code"' \
    "$base" <"$work/acked" >"$work/lost" || true
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  local sent acked refused other lost stored
  sent=$(cat "$work"/status.* | wc -l); acked=$(wc -l <"$work/acked")
  refused=$(cat "$work"/status.* | grep -c '^000$' || true); other=$((sent - acked - refused))
  lost=$(wc -l <"$work/lost"); stored=$("$@")
  echo "submissions sent: $sent   answered 201: $acked   other answers: $other   no answer (in flight at the kill): $refused"
  echo "after restart: stored $stored, acknowledged but lost: $lost"
  [ "$lost" = 0 ] || { echo "lost numbers:"; head -n 20 "$work/lost"; }
  echo "RESULT $engine: sent $sent, 201 $acked, lost after restart $lost"
  [ "$lost" = 0 ] || failed=1
  rm -rf "$work"
}

failed=0
if [ "${DURABILITY_ENGINE:-}" != postgres ]; then
  db="$(mktemp -d)/durability.db"
  run SQLite "sqlite:$db" sqlite3 "$db" "select count(*) from appeals"
  rm -rf "$(dirname "$db")"
  # PostgreSQL runs in a throwaway server, fsync on; this script calls itself inside it.
  scripts/with-postgres env DURABILITY_ENGINE=postgres "$0" "$kill_after" "$clients" || failed=1
else
  run PostgreSQL "postgres:$MINSHENG_PG" psql -tA "$(echo "$MINSHENG_PG" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Database=/dbname=/')" -c "select count(*) from appeals"
fi
exit "$failed"
