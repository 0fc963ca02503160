#!/usr/bin/env bash
# Decisions per second with one and with two replicas (`caveat serve --db`) on one PostgreSQL
# (issue 13). Starts a throw-away PostgreSQL (initdb in a temporary folder, as the postgres user
# when run as root), then for each round, each jar and each replica count: a fresh database, the
# replicas (as `./caveat serve` runs them, one shared signing key), WARMUP s of uncounted load,
# then RUN_SECONDS s counted, of single decisions (org.caveat.bench.HttpLoad, CONNECTIONS
# connections in all, examples/permit-counter-fire.json) or of NDJSON batches of 1,000
# (org.caveat.bench.BatchLoad, BATCH_CONNECTIONS in all); with two replicas the connections are
# split between them. While the counted load runs it samples what PostgreSQL's active backends
# wait on (pg_stat_activity every 100 ms: Lock:advisory = the log's sequencing lock,
# IO:WALSync/WALWrite = the disk, CPU = none) and reads the CPU time of the servers and of
# PostgreSQL. Jars are interleaved round by round. A benchmark, not a test.
# Usage: scripts/bench/replicas.sh [JAR]...   (default: caveat-cli/target/caveat.jar)
#        ROUNDS=2 RUN_SECONDS=20 WARMUP=20 REPLICAS="1 2" WORKLOADS="singles batches" scripts/bench/replicas.sh
#        BASE_REPLICAS=1 scripts/bench/replicas.sh main.jar new.jar   (the first jar, a baseline, with one replica only)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
JARS=("$@")
[[ ${#JARS[@]} -gt 0 ]] || JARS=(caveat-cli/target/caveat.jar)
ROUNDS="${ROUNDS:-2}"
SECS="${RUN_SECONDS:-20}"
WARMUP="${WARMUP:-20}"
CONNECTIONS="${CONNECTIONS:-32}"
BATCH_CONNECTIONS="${BATCH_CONNECTIONS:-4}"
REPLICAS="${REPLICAS:-1 2}"
WORKLOADS="${WORKLOADS:-singles batches}"
PGBIN="${PGBIN:-$(dirname "$(readlink -f "$(command -v postgres)")")}"
BENCH=caveat-bench/target/benchmarks.jar
[[ -f "$BENCH" ]] || ./mvnw -q -B -DskipTests -pl caveat-bench -am package
WORK="$(mktemp -d)"
chmod 755 "$WORK"
PGPORT="${PGPORT:-15433}"
PIDS=()
as_pg() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_all() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; PIDS=(); }
trap 'stop_all; as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
mkdir "$WORK/pg" && chown postgres "$WORK/pg" 2>/dev/null || true
as_pg "$PGBIN/initdb" -D "$WORK/pg" -A trust -U caveat > /dev/null
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w \
    -o "-p $PGPORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=100" start > /dev/null
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U caveat -At)
URL="jdbc:postgresql://127.0.0.1:$PGPORT/caveat"
TICKS="$(getconf CLK_TCK)"
cpu() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat"; }
pg_cpu() { local pm t=0; pm="$(head -1 "$WORK/pg/postmaster.pid")"
  for p in "$pm" $(pgrep -P "$pm"); do t=$(( t + $(cpu "$p" 2>/dev/null || echo 0) )); done; echo "$t"; }
java -cp "$BENCH" org.caveat.bench.GenerateRequests 1000 42 > "$WORK/batch.ndjson"
echo "round jar replicas workload decisions_per_s p50_ms p99_ms servers_cpu_pct postgres_cpu_pct log_entries waits loadavg_before loadavg_after"
for round in $(seq 1 "$ROUNDS"); do
  for jar in "${JARS[@]}"; do
    counts="$REPLICAS"
    [[ ${#JARS[@]} -gt 1 && "$jar" == "${JARS[0]}" ]] && counts="${BASE_REPLICAS:-$REPLICAS}"
    for n in $counts; do
      for workload in $WORKLOADS; do
        "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS caveat" -c "CREATE DATABASE caveat" > /dev/null
        rm -f "$WORK"/key*
        ports=()
        for r in $(seq 1 "$n"); do
          port=$((18200 + r))
          java -Xshare:auto ${JAVA_OPTS:-} -jar "$jar" serve --db "$URL" --db-user caveat --port "$port" \
              --signing-key "$WORK/key.key" > "$WORK/serve$r.out" 2>&1 &
          PIDS+=($!)
          ports+=("$port")
          for _ in $(seq 1 180); do sleep 1; grep -q 'Caveat serving' "$WORK/serve$r.out" && break; done
        done
        TOKEN="$(grep -ho 'cvt_[A-Za-z0-9_-]*' "$WORK"/serve*.out | head -1)"
        load() { # $1 seconds; one load generator per replica, output in $WORK/load.<port>
          local gens=()
          for port in "${ports[@]}"; do
            if [[ "$workload" == singles ]]; then
              java -cp "$BENCH" org.caveat.bench.HttpLoad "http://127.0.0.1:$port/v1/decisions" "$1" $((CONNECTIONS / n)) \
                  examples/permit-counter-fire.json "$TOKEN" > "$WORK/load.$port" 2>&1 &
              gens+=($!)
            else
              java -cp "$BENCH" org.caveat.bench.BatchLoad "http://127.0.0.1:$port/v1/decisions" "$TOKEN" "$WORK/batch.ndjson" \
                  $((BATCH_CONNECTIONS / n)) "$1" 0 > "$WORK/load.$port" 2>&1 &
              gens+=($!)
            fi
          done
          for g in "${gens[@]}"; do wait "$g" || true; done
        }
        load "$WARMUP"
        load_before="$(cut -d' ' -f1 /proc/loadavg)"
        servers_before=0; for p in "${PIDS[@]}"; do servers_before=$((servers_before + $(cpu "$p"))); done
        pg_before="$(pg_cpu)"
        ( end=$((SECONDS + SECS)); while (( SECONDS < end )); do
            "${PSQL[@]}" -d caveat -c "SELECT COALESCE(wait_event_type || ':' || wait_event, 'CPU') FROM pg_stat_activity
                WHERE datname = 'caveat' AND state = 'active' AND pid <> pg_backend_pid()" 2>/dev/null; sleep 0.1; done
        ) > "$WORK/waits" & SAMPLER=$!
        t0=$SECONDS
        load "$SECS"
        wait "$SAMPLER" 2>/dev/null || true
        elapsed=$((SECONDS - t0))
        servers_after=0; for p in "${PIDS[@]}"; do servers_after=$((servers_after + $(cpu "$p"))); done
        pg_after="$(pg_cpu)"
        load_after="$(cut -d' ' -f1 /proc/loadavg)"
        entries="$(curl -s "http://127.0.0.1:${ports[0]}/healthz" | grep -oE '"log_size":[0-9]+' | cut -d: -f2)"
        rate=0; p50=; p99=
        for port in "${ports[@]}"; do
          r="$(grep -oE '[0-9]+ decisions/s|= [0-9]+/s' "$WORK/load.$port" | head -1 | grep -oE '[0-9]+' | head -1)"
          [[ -n "$r" ]] || { echo "load on port $port failed:" >&2; tail -5 "$WORK/load.$port" >&2; }
          rate=$((rate + ${r:-0}))
          p50="$p50${p50:+/}$(grep -oE 'p50[ =]*[0-9.]+' "$WORK/load.$port" | head -1 | grep -oE '[0-9.]+$')"
          p99="$p99${p99:+/}$(grep -oE 'p99[ =]*[0-9.]+' "$WORK/load.$port" | head -1 | grep -oE '[0-9.]+$')"
        done
        waits="$(sort "$WORK/waits" | uniq -c | sort -rn | awk '{ printf "%s%s=%s", (NR > 1 ? "," : ""), $2, $1 }')"
        echo "$round $(basename "$(dirname "$(dirname "$(dirname "$(readlink -f "$jar")")")")") $n $workload $rate $p50 $p99" \
            "$(( (servers_after - servers_before) * 100 / TICKS / elapsed ))" "$(( (pg_after - pg_before) * 100 / TICKS / elapsed ))" \
            "$entries ${waits:-none} $load_before $load_after"
        stop_all
      done
    done
  done
done
