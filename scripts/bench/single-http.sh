#!/usr/bin/env bash
# Single decisions against /healthz (issue 11, "POST /v1/decisions, single, 64 connections"): starts
# one server per jar given, each on its own fresh SQLite data folder (as `./caveat serve` runs it:
# optimising compiler, G1, every decision durably logged before it is answered), warms each with
# WARMUP s of decisions, then for ROUNDS rounds runs org.caveat.bench.HttpLoad on every server in
# turn, interleaved: RUN_SECONDS s of GET /healthz, then RUN_SECONDS s of POST /v1/decisions
# (examples/permit-counter-fire.json), CONNECTIONS connections, and prints the ratio. Answers that
# are not 200 are listed by status and problem code (HttpLoad). Also prints the server's CPU time
# per request of each kind (/proc/PID/stat over the run), which the load of other work on the
# machine moves much less than the rates. All connections share one token, so every server gets
# --max-requests-per-token CONNECTIONS (with the default of 8 some requests are refused, 429, as
# documented). A benchmark, not a test.
# Usage: ROUNDS=3 RUN_SECONDS=20 WARMUP=60 CONNECTIONS=64 scripts/bench/single-http.sh old.jar new.jar
#        SERVE_ARGS='--max-requests-per-token 64' passes options to every server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
JARS=("$@")
[[ ${#JARS[@]} -gt 0 ]] || JARS=(caveat-cli/target/caveat.jar)
ROUNDS="${ROUNDS:-3}"
SECS="${RUN_SECONDS:-20}"
WARMUP="${WARMUP:-60}"
CONNECTIONS="${CONNECTIONS:-64}"
BODY="${BODY:-examples/permit-counter-fire.json}"
BENCH=caveat-bench/target/benchmarks.jar
[[ -f "$BENCH" ]] || ./mvnw -q -B -DskipTests -pl caveat-bench -am package
WORK="$(mktemp -d)"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
load() { java -cp "$BENCH" org.caveat.bench.HttpLoad "$@"; }
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICKS="$(getconf CLK_TCK)"
# Runs HttpLoad against server $1 (the rest: its arguments) into $WORK/out; sets US to the server's CPU µs per request.
measure() {
  local pid="${PIDS[$1]}"; shift
  local before; before="$(cpu "$pid")"
  load "$@" > "$WORK/out"
  local n; n="$(head -1 "$WORK/out" | grep -oE '[0-9]+ requests' | cut -d' ' -f1)"
  US=$(( ($(cpu "$pid") - before) * 1000000 / TICKS / (n > 0 ? n : 1) ))
}
TOKENS=()
for i in "${!JARS[@]}"; do
  port=$((18120 + i))
  java -Xshare:auto ${JAVA_OPTS:-} -jar "${JARS[$i]}" serve --data "$WORK/data$i" --port "$port" \
      --max-requests-per-token "$CONNECTIONS" ${SERVE_ARGS:-} \
      > "$WORK/serve$i.out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 180); do sleep 1; grep -q 'admin token' "$WORK/serve$i.out" && break; done
  TOKENS+=("$(grep -o 'cvt_[A-Za-z0-9_-]*' "$WORK/serve$i.out")")
done
for i in "${!JARS[@]}"; do
  load "http://127.0.0.1:$((18120 + i))/v1/decisions" "$WARMUP" "$CONNECTIONS" "$BODY" "${TOKENS[$i]}" > /dev/null
done
echo "round jar healthz_per_s healthz_p50_ms healthz_p99_ms healthz_cpu_us decisions_per_s p50_ms p99_ms decision_cpu_us ratio not_200 loadavg"
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!JARS[@]}"; do
    base="http://127.0.0.1:$((18120 + i))"
    measure "$i" "$base/healthz" "$SECS" "$CONNECTIONS"; mv "$WORK/out" "$WORK/h.out"; hus="$US"
    measure "$i" "$base/v1/decisions" "$SECS" "$CONNECTIONS" "$BODY" "${TOKENS[$i]}"; mv "$WORK/out" "$WORK/d.out"; dus="$US"
    h="$(head -1 "$WORK/h.out")"; d="$(head -1 "$WORK/d.out")"
    hr="$(grep -oE '= [0-9]+/s' <<<"$h" | grep -oE '[0-9]+')"; dr="$(grep -oE '= [0-9]+/s' <<<"$d" | grep -oE '[0-9]+')"
    p() { grep -oE "$1 [0-9.]+" <<<"$2" | cut -d' ' -f2; }
    echo "$round ${JARS[$i]} $hr $(p p50 "$h") $(p p99 "$h") $hus $dr $(p p50 "$d") $(p p99 "$d") $dus" \
      "$((100 * dr / hr))% $(grep -oE 'not 200: [0-9]+' <<<"$d" | cut -d' ' -f3) $(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
    tail -n +2 "$WORK/d.out"; tail -n +2 "$WORK/h.out"
  done
done
