#!/usr/bin/env bash
# Single decisions against /healthz (issue 11, "POST /v1/decisions, single, 64 connections"): starts
# one server per jar given, each on its own fresh SQLite data folder (as `./caveat serve` runs it:
# optimising compiler, G1, every decision durably logged before it is answered), warms each with
# WARMUP s of decisions and HEALTHZ_WARMUP s (default 15) of /healthz (without it, the first
# round's /healthz ran partly in the quick compiler's code: ~115 µs of CPU per request against ~37
# in later rounds), then for ROUNDS rounds loads every server in turn, interleaved: RUN_SECONDS s
# of GET /healthz, then RUN_SECONDS s of POST /v1/decisions (examples/permit-counter-fire.json),
# CONNECTIONS connections, and prints the ratio. Also prints the server's CPU time per request of
# each kind (/proc/PID/stat over the run), which the load of other work on the machine moves much
# less than the rates. All connections share one token, so every server gets
# --max-requests-per-token CONNECTIONS (with the default of 8 some requests are refused, 429, as
# documented). A benchmark, not a test.
#
# The load generator is wrk (native, closed loop, 2 threads; latency percentiles from --latency),
# installed from Debian when missing and run as root; without it, org.caveat.bench.HttpLoad (Java's
# HttpClient), which on two cores takes much of the CPU the server needs. LOADGEN=httpload forces
# HttpLoad. Answers that are not 200 are counted (wrk: "Non-2xx or 3xx"; HttpLoad also lists them by
# problem code).
#
# PIN=split is a second, separate configuration: the server's threads are pinned to CPU 1 and wrk
# to CPU 0 (taskset, after start-up, so the JVM still sizes itself for two CPUs), so the load
# generator takes nothing from the server, which then has one core. Its rows say "split".
# A jar argument may carry JVM options of its own after a space, to compare settings of one build
# interleaved: "new.jar -Xmx256m" (its rows show the spaces as +), and `serve` options of its own
# after " -- ": "new.jar -XX:+UseParallelGC -- --threads 16".
# THREADS=1 also prints, for each load, the server's CPU per request split by thread: the request
# threads, the log writer (which also writes the single decisions' answers) and the rest, user+system.
# Usage: ROUNDS=3 RUN_SECONDS=20 WARMUP=60 CONNECTIONS=64 scripts/bench/single-http.sh old.jar new.jar
#        SERVE_ARGS='--max-requests-per-token 64' passes options to every server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
JARS=("$@")
[[ ${#JARS[@]} -gt 0 ]] || JARS=(caveat-cli/target/caveat.jar)
ROUNDS="${ROUNDS:-3}"
SECS="${RUN_SECONDS:-20}"
WARMUP="${WARMUP:-60}"
HEALTHZ_WARMUP="${HEALTHZ_WARMUP:-15}"
CONNECTIONS="${CONNECTIONS:-64}"
BODY="${BODY:-examples/permit-counter-fire.json}"
PIN="${PIN:-shared}"
LOADGEN="${LOADGEN:-wrk}"
source scripts/bench/wrk.sh
source scripts/bench/threads.sh
use_wrk httpload
BENCH=caveat-bench/target/benchmarks.jar
[[ "$LOADGEN" == wrk || -f "$BENCH" ]] || ./mvnw -q -B -DskipTests -pl caveat-bench -am package
WORK="$(mktemp -d)"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
GEN_CPU=()
if [[ "$PIN" == split ]]; then GEN_CPU=(taskset -c 0); fi
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICKS="$(getconf CLK_TCK)"
# Loads URL ($2) of server $1 for $3 s, into $WORK/out as one line "rate p50 p90 p99 not_200 requests" and
# the generator's own output below it. The rest of the arguments: body file and token, for decisions.
run() {
  local i="$1" url="$2" secs="$3" body="${4:-}" token="${5:-}"
  if [[ "$LOADGEN" == wrk ]]; then
    local script=()
    if [[ -n "$body" ]]; then
      # POST with the body read from its file by every wrk thread.
      cat > "$WORK/post$i.lua" <<EOF
wrk.method = "POST"
local f = assert(io.open("$(realpath "$body")", "rb"))
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
EOF
      script=(-s "$WORK/post$i.lua")
    fi
    "${GEN_CPU[@]}" wrk -t2 -c"$CONNECTIONS" -d"${secs}s" --latency "${script[@]}" "$url" > "$WORK/raw"
    local rate p50 p90 p99 bad
    rate="$(awk '/^Requests\/sec:/ { printf "%d", $2 }' "$WORK/raw")"
    p50="$(ms "$(awk '$1 == "50%" { print $2 }' "$WORK/raw")")"
    p90="$(ms "$(awk '$1 == "90%" { print $2 }' "$WORK/raw")")"
    p99="$(ms "$(awk '$1 == "99%" { print $2 }' "$WORK/raw")")"
    bad="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$WORK/raw")"
    # wrk counts socket errors (connect, read, write, timeout) apart from statuses: add them.
    bad=$(( ${bad:-0} + $(awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$WORK/raw") + 0 ))
    { echo "$rate $p50 $p90 $p99 $bad $(awk '/ requests in / { print $1 }' "$WORK/raw")"; cat "$WORK/raw"; } > "$WORK/out"
  else
    "${GEN_CPU[@]}" java -cp "$BENCH" org.caveat.bench.HttpLoad "$url" "$secs" "$CONNECTIONS" ${body:+"$body" "$token"} \
        > "$WORK/raw"
    local h; h="$(head -1 "$WORK/raw")"
    local bad; bad="$(grep -oE 'not 200: [0-9]+' <<<"$h" | cut -d' ' -f3)"
    echo "$(grep -oE '= [0-9]+/s' <<<"$h" | grep -oE '[0-9]+') $(grep -oE 'p50 [0-9.]+' <<<"$h" | cut -d' ' -f2) -" \
        "$(grep -oE 'p99 [0-9.]+' <<<"$h" | cut -d' ' -f2) ${bad:-0} $(grep -oE '[0-9]+ requests' <<<"$h" | cut -d' ' -f1)" \
        > "$WORK/out"
    tail -n +2 "$WORK/raw" >> "$WORK/out"
  fi
}
# As run, and sets US to the server's CPU µs per request over the run.
measure() {
  local pid="${PIDS[$1]}"
  local before; before="$(cpu "$pid")"
  [[ -n "${THREADS:-}" ]] && threads "$pid" > "$WORK/threads.before"
  run "$@"
  local n; n="$(head -1 "$WORK/out" | cut -d' ' -f6)"
  US=$(( ($(cpu "$pid") - before) * 1000000 / TICKS / (n > 0 ? n : 1) ))
  if [[ -n "${THREADS:-}" ]]; then
    threads "$pid" > "$WORK/threads.after"
    echo "#   $2: server CPU per request by thread, user+system µs: $(split "$WORK/threads.before" "$WORK/threads.after" "${n:-0}")"
  fi
}
TOKENS=()
for i in "${!JARS[@]}"; do
  port=$((18120 + i))
  read -r jar opts <<< "${JARS[$i]}"
  serve_opts=""
  case " $opts " in *" -- "*) serve_opts="${opts#*-- }"; opts=" $opts"; opts="${opts%% -- *}" ;; esac
  java -Xshare:auto ${JAVA_OPTS:-} $opts -jar "$jar" serve --data "$WORK/data$i" --port "$port" \
      --max-requests-per-token "$CONNECTIONS" ${SERVE_ARGS:-} $serve_opts \
      > "$WORK/serve$i.out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 180); do sleep 1; grep -q 'admin token' "$WORK/serve$i.out" && break; done
  TOKENS+=("$(grep -o 'cvt_[A-Za-z0-9_-]*' "$WORK/serve$i.out")")
  # every thread of the JVM, and those it starts later, on CPU 1
  if [[ "$PIN" == split ]]; then taskset -a -cp 1 "${PIDS[$i]}" > /dev/null; fi
done
for i in "${!JARS[@]}"; do
  run "$i" "http://127.0.0.1:$((18120 + i))/v1/decisions" "$WARMUP" "$BODY" "${TOKENS[$i]}"
  run "$i" "http://127.0.0.1:$((18120 + i))/healthz" "$HEALTHZ_WARMUP"
done
echo "# load generator: $LOADGEN, $CONNECTIONS connections, pinning: $PIN$([[ "$PIN" == split ]] && echo ' (server CPU 1, generator CPU 0)')"
echo "round pin jar healthz_per_s healthz_p50_ms healthz_p99_ms healthz_cpu_us decisions_per_s p50_ms p90_ms p99_ms decision_cpu_us ratio not_200 loadavg"
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!JARS[@]}"; do
    base="http://127.0.0.1:$((18120 + i))"
    measure "$i" "$base/healthz" "$SECS"; mv "$WORK/out" "$WORK/h.out"; hus="$US"
    measure "$i" "$base/v1/decisions" "$SECS" "$BODY" "${TOKENS[$i]}"; mv "$WORK/out" "$WORK/d.out"; dus="$US"
    read -r hr hp50 _ hp99 hbad _ < "$WORK/h.out"
    read -r dr dp50 dp90 dp99 dbad _ < "$WORK/d.out"
    echo "$round $PIN ${JARS[$i]// /+} $hr $hp50 $hp99 $hus $dr $dp50 $dp90 $dp99 $dus" \
      "$((100 * dr / (hr > 0 ? hr : 1)))% $((dbad + hbad)) $(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
    # the generators' own output when asked, or when an answer was not 200
    if [[ -n "${VERBOSE:-}" || $((dbad + hbad)) -gt 0 ]]; then tail -n +2 "$WORK/d.out"; tail -n +2 "$WORK/h.out"; fi
  done
done
