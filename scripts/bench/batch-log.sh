#!/usr/bin/env bash
# Durably logged batch decisions (issue 4/11, "POST /v1/decisions, batches of 1,000"): for each
# round and each server jar given, starts the server on a fresh SQLite data folder (as
# `./caveat serve` runs it: optimising compiler, G1), posts NDJSON bodies of BATCH (1,000)
# generated requests from CONNECTIONS (4) connections (WARMUP s uncounted, then RUN_SECONDS s)
# with wrk (native, closed loop; installed from Debian when missing and run as root, as
# single-http.sh does) or, without it or with LOADGEN=batchload, org.caveat.bench.BatchLoad (Java's
# HttpClient, which on two cores takes a large share of the CPU the server needs), then reads the
# server's CPU time per decision over the counted seconds, the log size, the bytes the server
# process wrote (/proc/PID/io write_bytes) and the size of the database and its WAL, and last the
# load generator's own CPU time per decision (it shares the cores with the server). THREADS=1 also
# prints the server's CPU per decision split by thread (request threads, the log writer, the rest;
# user+system µs), as single-http.sh does. Builds are interleaved round by round so that load from
# other work on the machine falls on all of them. A benchmark, not a test.
# Usage: scripts/bench/batch-log.sh [JAR]...   (default: caveat-cli/target/caveat.jar)
#        ROUNDS=3 RUN_SECONDS=20 WARMUP=20 CONNECTIONS=4 scripts/bench/batch-log.sh old.jar new.jar
#        BATCH=10 CONNECTIONS=64 scripts/bench/batch-log.sh   (many clients, small batches)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
JARS=("$@")
[[ ${#JARS[@]} -gt 0 ]] || JARS=(caveat-cli/target/caveat.jar)
ROUNDS="${ROUNDS:-3}"
SECS="${RUN_SECONDS:-20}"
WARMUP="${WARMUP:-20}"
CONNECTIONS="${CONNECTIONS:-4}"
BATCH="${BATCH:-1000}"
LOADGEN="${LOADGEN:-wrk}"
source scripts/bench/wrk.sh
source scripts/bench/threads.sh
use_wrk batchload
BENCH=caveat-bench/target/benchmarks.jar
[[ -f "$BENCH" ]] || ./mvnw -q -B -DskipTests -pl caveat-bench -am package
WORK="$(mktemp -d)"
PORT=18097
PID=
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
# CPU time of a process in clock ticks (user + system), and the log size the server reports.
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
logged() { curl -s "http://127.0.0.1:$PORT/healthz" | grep -oE '"log_size":[0-9]+' | cut -d: -f2; }
TICKS="$(getconf CLK_TCK)"
java -cp "$BENCH" org.caveat.bench.GenerateRequests "$BATCH" 42 > "$WORK/batch.ndjson"
# Posts the batch body for $1 s and leaves in $WORK/load.out what BatchLoad prints ("N decisions/s",
# "p50 X", "p99 Y", "client cpu S s, U us"). With wrk, an answer that is not 2xx or a socket error
# stops the script: a figure with failed batches in it would say nothing.
load() {
  local secs="$1"
  if [[ "$LOADGEN" == wrk ]]; then
    printf '%s\n' 'wrk.method = "POST"' \
        "local f = assert(io.open(\"$WORK/batch.ndjson\", \"rb\"))" 'wrk.body = f:read("*a")' 'f:close()' \
        'wrk.headers["Content-Type"] = "application/x-ndjson"' "wrk.headers[\"Authorization\"] = \"Bearer $TOKEN\"" \
        > "$WORK/post.lua"
    /usr/bin/time -f '%U %S' -o "$WORK/gen.time" \
        wrk -t2 -c"$CONNECTIONS" -d"${secs}s" --timeout 60s --latency -s "$WORK/post.lua" "http://127.0.0.1:$PORT/v1/decisions" > "$WORK/raw"
    if grep -qE 'Non-2xx|Socket errors' "$WORK/raw"; then cat "$WORK/raw" >&2; echo "batch-log.sh: wrk saw errors" >&2; exit 1; fi
    local lines n cpu_s
    lines="$(wc -l < "$WORK/batch.ndjson")"
    n="$(awk '/ requests in / { print $1 }' "$WORK/raw")"
    cpu_s="$(awk '{ printf "%.2f", $1 + $2 }' "$WORK/gen.time")"
    { echo "$(awk -v l="$lines" '/^Requests\/sec:/ { printf "%d", $2 * l }' "$WORK/raw") decisions/s" \
        "p50 $(ms "$(awk '$1 == "50%" { print $2 }' "$WORK/raw")") p99 $(ms "$(awk '$1 == "99%" { print $2 }' "$WORK/raw")")" \
        "client cpu $cpu_s s, $(awk -v c="$cpu_s" -v n="$n" -v l="$lines" 'BEGIN { printf "%.1f", (n > 0 ? c * 1e6 / (n * l) : 0) }') us"
      cat "$WORK/raw"; } > "$WORK/load.out"
  else
    java -cp "$BENCH" org.caveat.bench.BatchLoad "http://127.0.0.1:$PORT/v1/decisions" "$TOKEN" "$WORK/batch.ndjson" \
        "$CONNECTIONS" "$secs" 0 > "$WORK/load.out"
  fi
}
echo "# load generator: $LOADGEN, $CONNECTIONS connections, $BATCH requests per body"
echo "round jar decisions_per_s p50_ms p99_ms server_cpu_us_per_decision log_entries written_B_per_decision db_wal_B_per_decision loadavg_before loadavg_after client_cpu_us_per_decision"
for round in $(seq 1 "$ROUNDS"); do
  for jar in "${JARS[@]}"; do
    rm -rf "$WORK/data"
    java -Xshare:auto ${JAVA_OPTS:-} -jar "$jar" serve --data "$WORK/data" --port "$PORT" \
        --max-requests-per-token "$(( CONNECTIONS > 8 ? CONNECTIONS : 8 ))" > "$WORK/serve.out" 2>&1 &
    PID=$!
    for _ in $(seq 1 180); do sleep 1; grep -q 'admin token' "$WORK/serve.out" && break; done
    TOKEN="$(grep -o 'cvt_[A-Za-z0-9_-]*' "$WORK/serve.out")"
    load "$WARMUP"
    load_before="$(cut -d' ' -f1 /proc/loadavg)"
    cpu_before="$(cpu "$PID")"
    [[ -n "${THREADS:-}" ]] && threads "$PID" > "$WORK/threads.before"
    logged_before="$(logged)"
    load "$SECS"
    cpu_used=$(( $(cpu "$PID") - cpu_before ))
    [[ -n "${THREADS:-}" ]] && threads "$PID" > "$WORK/threads.after"
    load_after="$(cut -d' ' -f1 /proc/loadavg)"
    entries="$(logged)"
    written="$(grep -E '^write_bytes' "/proc/$PID/io" | grep -oE '[0-9]+')"
    files="$(find "$WORK/data" -name '*.db' -o -name '*.db-wal' | xargs stat -c %s | paste -sd+ | bc)"
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
    rate="$(grep -oE '[0-9]+ decisions/s' "$WORK/load.out" | cut -d' ' -f1)"
    p50="$(grep -oE 'p50 [0-9.]+' "$WORK/load.out" | cut -d' ' -f2)"
    p99="$(grep -oE 'p99 [0-9.]+' "$WORK/load.out" | cut -d' ' -f2)"
    cpu_us=$(( cpu_used * 1000000 / TICKS / (entries - logged_before) ))
    client_us="$(grep -oE 'client cpu [0-9.]+ s, [0-9.]+ us' "$WORK/load.out" | grep -oE '[0-9.]+ us' | cut -d' ' -f1)"
    echo "$round $jar $rate $p50 $p99 $cpu_us $entries $((written / entries)) $((files / entries)) $load_before $load_after ${client_us:--}"
    if [[ -n "${THREADS:-}" ]]; then
      echo "#   server CPU per decision by thread, user+system µs: $(split "$WORK/threads.before" "$WORK/threads.after" "$((entries - logged_before))")"
    fi
  done
done
