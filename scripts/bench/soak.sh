#!/usr/bin/env bash
# Soak of the decision service (issue 4: "memory flat over a 10-minute soak"): wrk posts single
# decisions for DURATION seconds while, every 60 s, the server's live heap (used after a forced
# full GC), its RSS and the log size are sampled. A benchmark, not a test.
# Usage: scripts/bench/soak.sh [DURATION_S] [CONNECTIONS]     (defaults: 600, 16; needs wrk)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
DUR="${1:-600}"
CONN="${2:-16}"
WORK="$(mktemp -d)"
PORT=18095
./caveat serve --data "$WORK/data" --port "$PORT" > "$WORK/serve.out" 2>&1 &
for _ in $(seq 1 120); do sleep 1; grep -q 'admin token' "$WORK/serve.out" && break; done
PID="$(pgrep -f "serve --data $WORK/data" | tail -1)"
TOKEN="$(grep -o 'cvt_[A-Za-z0-9_-]*' "$WORK/serve.out")"
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = [[$(tr -d '\n' < examples/permit-counter-fire.json)]]
LUA
wrk -t1 -c"$CONN" -d"${DUR}s" --latency -s "$WORK/post.lua" "http://127.0.0.1:$PORT/v1/decisions" > "$WORK/wrk.out" &
WRK=$!
echo "t_s live_heap_kb rss_kb log_size"
for t in $(seq 0 60 "$DUR"); do
  jcmd "$PID" GC.run >/dev/null 2>&1 || true
  live="$(jcmd "$PID" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+' || echo '?')"
  rss="$(ps -o rss= -p "$PID" | tr -d ' ')"
  size="$(curl -s "http://127.0.0.1:$PORT/healthz" | grep -oE '"log_size":[0-9]+' | cut -d: -f2)"
  echo "$t $live $rss $size"
  if [ "$t" -lt "$DUR" ]; then sleep 60; fi
done
wait "$WRK" || true
grep -E "requests in|Requests/sec|50%|99%" "$WORK/wrk.out"
kill "$PID" 2>/dev/null || true
wait "$PID" 2>/dev/null || true
/usr/bin/time -f "log verify: %e s wall, %U s user, peak RSS %M kB" ./caveat log verify --data "$WORK/data"
