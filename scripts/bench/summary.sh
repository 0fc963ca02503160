#!/usr/bin/env bash
# The figures of BENCHMARKS.md "Where the targets stand": every issue-11 path and the streaming job,
# a baseline build against this tree, interleaved where the path allows. A benchmark, not a test.
# BASE_DIR holds the baseline's caveat.jar and benchmarks.jar, and launch/ a copy of its launcher
# beside launch/caveat-cli/target/caveat.jar. Build this tree first (./mvnw -B -DskipTests package).
set -uo pipefail
NEW=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BASE=${1:?usage: scripts/bench/summary.sh BASE_DIR (caveat.jar, benchmarks.jar, launch/caveat + launch/caveat-cli/target/caveat.jar of the baseline build)}
OUT=${OUT:-/dev/null}
exec > >(tee -a "$OUT") 2>&1
cd "$NEW"
la() { echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"; }
t() { /usr/bin/time -f "%e s wall, %U+%S s CPU, %M kB" "$@"; }
echo "=== $(date -u) NEW=$(git log --oneline -1)"; la
# warm both launchers (archives, caches)
$BASE/launch/caveat check examples/permit-counter-fire.json >/dev/null; ./caveat check examples/permit-counter-fire.json >/dev/null
$BASE/launch/caveat check examples/permit-counter-fire.json >/dev/null; ./caveat check examples/permit-counter-fire.json >/dev/null
echo "--- cold check of one request (8 interleaved)"; la
for i in $(seq 8); do echo -n "base "; t $BASE/launch/caveat check examples/permit-counter-fire.json >/dev/null; echo -n "new  "; t ./caveat check examples/permit-counter-fire.json >/dev/null; done 2>&1
la
echo "--- check 400k (2 interleaved) + Jackson pass"
[ -s /tmp/req400k.ndjson ] || java -cp caveat-bench/target/benchmarks.jar org.caveat.bench.GenerateRequests 400000 42 > /tmp/req400k.ndjson
for i in 1 2; do la; echo -n "base "; t $BASE/launch/caveat check /tmp/req400k.ndjson > /tmp/base400k.out; echo -n "new  "; t ./caveat check /tmp/req400k.ndjson > /tmp/new400k.out; echo -n "jackson "; t java -XX:+UseSerialGC -cp caveat-bench/target/benchmarks.jar org.caveat.bench.JacksonPass /tmp/req400k.ndjson > /dev/null; done 2>&1
cmp /tmp/base400k.out /tmp/new400k.out && echo "400k outputs identical ($(wc -c < /tmp/new400k.out) bytes)"
echo "--- LatencyProfile (intrinsic), interleaved"; la
for k in decide answer; do for j in $BASE/benchmarks.jar caveat-bench/target/benchmarks.jar; do echo "$k $j"; java -cp $j org.caveat.bench.LatencyProfile $k 2>&1 | tail -3; done; done
echo "--- JMH DecideBenchmark (new)"; la
java -jar caveat-bench/target/benchmarks.jar 'DecideBenchmark.(answer|decide)$' -wi 3 -w 2 -i 5 -r 2 -f 1 2>&1 | grep -E "^DecideBenchmark.*(p0.50|p0.99) "
echo "--- replay 1M (base, new), -Xmx512m"; la
R=/tmp/caveat-replay-bench/events-1000000-seed7.csv
mkdir -p /tmp/caveat-replay-bench; [ -s $R ] || ./caveat gen-events --rows 1000000 --seed 7 --format acled --out $R
export CAVEAT_JAVA_OPTS=-Xmx512m
echo -n "base "; t $BASE/launch/caveat replay $R --summary --out /tmp/rb.ndjson > /tmp/rb.sum; la
echo -n "new  "; t ./caveat replay $R --summary --out /tmp/rn.ndjson > /tmp/rn.sum; la
echo -n "new again "; t ./caveat replay $R --summary --out /tmp/rn.ndjson > /tmp/rn.sum; la
unset CAVEAT_JAVA_OPTS
cmp /tmp/rb.ndjson /tmp/rn.ndjson && cmp /tmp/rb.sum /tmp/rn.sum && echo "replay outputs identical"
echo "--- batches logged (base, new)"; la
ROUNDS=1 RUN_SECONDS=15 WARMUP=25 scripts/bench/batch-log.sh $BASE/caveat.jar caveat-cli/target/caveat.jar
echo "--- single vs healthz (base, new)"; la
ROUNDS=1 RUN_SECONDS=15 WARMUP=30 scripts/bench/single-http.sh $BASE/caveat.jar caveat-cli/target/caveat.jar
# `log verify --redecide` of a filled log, when REDECIDE_DIR names one (scripts/bench/LogFill.java
# makes it: 1,000,000 requests take ~2 min to log); base and new alternate, each reading the same folder.
if [[ -n "${REDECIDE_DIR:-}" ]]; then
  echo "--- log verify --redecide ($REDECIDE_DIR)"
  for i in 1 2; do
    la; echo -n "base "; t $BASE/launch/caveat log verify --data "$REDECIDE_DIR" --redecide 2>&1 | grep -v "^log ok"
    la; echo -n "new  "; t ./caveat log verify --data "$REDECIDE_DIR" --redecide 2>&1 | grep -v "^log ok"
  done
fi
echo "--- flink 1M"; la
scripts/bench/flink.sh 1000000 1
echo "=== done $(date -u)"; la
