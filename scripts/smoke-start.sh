#!/usr/bin/env bash
# Starts the system as the README says (embedded PGlite, demo seed) on a fresh data folder,
# waits for /healthz, checks a demo login works, restarts on the same folder and times both.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(mktemp -d)
PORT=${SMOKE_PORT:-18080}
LOG="$DATA/server.log"

wait_ready() {
  local started=$1
  for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:$PORT/healthz" 2>/dev/null | grep -q '"ok"'; then
      echo $(( $(date +%s%N) / 1000000 - started ))
      return 0
    fi
    sleep 0.1
  done
  echo "server did not become ready; log:" >&2
  cat "$LOG" >&2
  return 1
}

# npm start runs node as a child: stop the whole process group and wait until the port is free.
stop_server() {
  kill -TERM -- -"$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 || return 0
    sleep 0.1
  done
  echo "server did not stop" >&2
  return 1
}

start=$(( $(date +%s%N) / 1000000 ))
# A known Open311 key, and no per-IP limit, for the replay at the end (one client, ~9,000 requests).
O311_KEY=${OPEN311_DEMO_API_KEY:-smoke-open311-key-$RANDOM$RANDOM$RANDOM}
PORT=$PORT DATA_DIR="$DATA" DEMO_PASSWORD=demo-pass-123 OPEN311_DEMO_API_KEY="$O311_KEY" PUBLIC_RATE_LIMIT=1000000 \
  LOG_LEVEL=warn setsid npm start >"$LOG" 2>&1 &
PID=$!
cold=$(wait_ready "$start")
grep -q "Demo users" "$LOG" || { echo "demo credentials were not printed" >&2; cat "$LOG" >&2; exit 1; }
token=$(curl -fsS -X POST "http://127.0.0.1:$PORT/api/auth/login" -H 'content-type: application/json' \
  -d '{"username":"agent","password":"demo-pass-123"}' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))')
[ -n "$token" ] || { echo "demo login failed" >&2; exit 1; }
stop_server

start=$(( $(date +%s%N) / 1000000 ))
# The replay checks that every request reads back as it was sent, so reports are not merged into
# one another here: the US samples hold real repeats of one complaint at one address.
PORT=$PORT DATA_DIR="$DATA" PUBLIC_RATE_LIMIT=1000000 SIMILAR_AUTO_MERGE_SCORE=0 LOG_LEVEL=warn setsid npm start >"$LOG" 2>&1 &
PID=$!
warm=$(wait_ready "$start")
# The 3,050 real US 311 requests through Open311 over HTTP, each read back in XML and JSON.
replay=0
if [ -d ../shared/data/us-311-open311-samples ]; then
  npm run -s zhicheng -- open311-replay --base-url "http://127.0.0.1:$PORT/open311/v2" --api-key "$O311_KEY" || replay=$?
else
  echo "open311-replay skipped: ../shared/data/us-311-open311-samples is absent"
fi
stop_server
rm -rf "$DATA"
[ "$replay" -eq 0 ] || { echo "open311-replay failed" >&2; exit 1; }
echo "cold start with demo seed: ${cold} ms (target < 20000); restart: ${warm} ms (target < 5000)"
[ "$cold" -lt 20000 ] && [ "$warm" -lt 5000 ]
