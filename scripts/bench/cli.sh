#!/usr/bin/env bash
# End-to-end figures of `caveat check` for BENCHMARKS.md: cold start on one request, and
# throughput on N generated NDJSON requests (default 100,000), after start-up.
# Usage: scripts/bench/cli.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
N="${1:-100000}"
./mvnw -q -B -DskipTests -pl caveat-bench,caveat-cli -am package >&2
./caveat check examples/permit-counter-fire.json >/dev/null   # builds the class-data archive once
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
java -cp caveat-bench/target/benchmarks.jar org.caveat.bench.GenerateRequests "$N" 42 > "$WORK/requests.ndjson"
head -1 "$WORK/requests.ndjson" > "$WORK/one.ndjson"

nanos() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo $((t1 - t0)); }
best() { local b=999999999999 t; for _ in 1 2 3 4 5; do t=$(nanos "$@"); ((t < b)) && b=$t; done; echo "$b"; }

one_ns=$(best ./caveat check "$WORK/one.ndjson")
many_ns=$(best ./caveat check "$WORK/requests.ndjson")
one=$(awk -v n="$one_ns" 'BEGIN { printf "%.2f", n / 1e9 }')
many=$(awk -v n="$many_ns" 'BEGIN { printf "%.2f", n / 1e9 }')
rate=$(awk -v n="$N" -v a="$many_ns" -v b="$one_ns" 'BEGIN { printf "%d", n / ((a - b) / 1e9) }')
echo "cold check of one request: ${one} s (best of 5)"
echo "check of $N requests: ${many} s (best of 5); after start-up: ${rate} requests/s"
