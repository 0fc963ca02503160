#!/usr/bin/env bash
# Memory of the decision service under one large batch (issue 8, "Memory"): starts the server jar
# as `./caveat serve` runs it (optimising compiler, default collector), posts one NDJSON body of N
# requests (examples/permit-counter-fire.json with ids b-1…b-N) and samples the server's RSS every
# 0.2 s while the body is decided. A benchmark, not a test.
# Usage: scripts/bench/batch-memory.sh [N]...        (default: 25000 100000)
#        JAR=/path/to/caveat.jar scripts/bench/batch-memory.sh …   (another build, e.g. the previous one)
#        JAVA_OPTS=-Xmx256m scripts/bench/batch-memory.sh …       (a capped heap)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
JAR="${JAR:-caveat-cli/target/caveat.jar}"
[[ -f "$JAR" ]] || ./mvnw -q -B -DskipTests -pl caveat-cli -am package
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(25000 100000)
WORK="$(mktemp -d)"
PORT=18096
LINE="$(tr -d '\n' < examples/permit-counter-fire.json | sed 's/"id": *"[^"]*"/"id":"b-ID"/')"
echo "requests body_MB rss_before_MB rss_peak_MB rss_after_MB seconds answers"
for n in "${SIZES[@]}"; do
  rm -rf "$WORK/data"
  awk -v n="$n" -v l="$LINE" 'BEGIN { for (i = 1; i <= n; i++) { s = l; sub(/b-ID/, "b-" i, s); print s } }' > "$WORK/batch.ndjson"
  java -Xshare:auto ${JAVA_OPTS:-} -jar "$JAR" serve --data "$WORK/data" --port "$PORT" --max-body-bytes 1073741824 \
      --max-batch 1000000 > "$WORK/serve.out" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do sleep 1; grep -q 'admin token' "$WORK/serve.out" && break; done
  TOKEN="$(grep -o 'cvt_[A-Za-z0-9_-]*' "$WORK/serve.out")"
  # Warm up the routes once, then settle.
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data-binary @examples/permit-counter-fire.json "http://127.0.0.1:$PORT/v1/decisions"
  sleep 2
  before="$(ps -o rss= -p "$PID" | tr -d ' ')"
  peak="$before"
  start="$(date +%s.%N)"
  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
      --data-binary @"$WORK/batch.ndjson" "http://127.0.0.1:$PORT/v1/decisions" > "$WORK/answers.ndjson" &
  CURL=$!
  while kill -0 "$CURL" 2>/dev/null; do
    r="$(ps -o rss= -p "$PID" | tr -d ' ')"
    [[ "$r" -gt "$peak" ]] && peak="$r"
    sleep 0.2
  done
  wait "$CURL" || true
  secs="$(echo "$(date +%s.%N) - $start" | bc)"
  after="$(ps -o rss= -p "$PID" | tr -d ' ')"
  body_mb=$(( $(stat -c %s "$WORK/batch.ndjson") / 1048576 ))
  printf '%s %s %s %s %s %.1f %s\n' "$n" "$body_mb" $((before / 1024)) $((peak / 1024)) $((after / 1024)) "$secs" \
      "$(grep -c '"decision"' "$WORK/answers.ndjson" || true)"
  kill "$PID"
  wait "$PID" 2>/dev/null || true
done
rm -rf "$WORK"
