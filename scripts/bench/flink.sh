#!/usr/bin/env bash
# Streaming benchmark (issue 13): ROWS synthetic ACLED rows decided by `caveat replay` (one worker)
# and by the Flink job in --local mode (a MiniCluster in the process) with parallelism 1 and 2, in
# the same run, interleaved; reports wall time, user/system CPU, peak RSS and the load average
# before each run, and checks that the job's decisions (parallelism 1: part files in order) are
# byte for byte replay's. A benchmark, not a test.
#   ./caveat gen-events --rows ROWS --seed 7 --format acled --out FILE   (once; kept for reruns)
#   ./caveat replay FILE --out OUT --threads 1
#   java -Xmx1g -jar caveat-flink/target/caveat-flink.jar --local --events FILE --out DIR --parallelism N
# Usage: scripts/bench/flink.sh [ROWS] [ROUNDS] [BASELINE_FLINK_JAR]
#   BASELINE_FLINK_JAR: another build of caveat-flink.jar (e.g. from main) run at parallelism 1 too.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
ROUNDS=${2:-1}
BASELINE=${3:-}
WORK=${TMPDIR:-/tmp}/caveat-flink-bench
mkdir -p "$WORK"
export CAVEAT_JAVA_OPTS=-Xmx512m
JAR=caveat-flink/target/caveat-flink.jar
[ -f "$JAR" ] || { echo "build it first: ./mvnw -B -o -q -pl caveat-flink -am package -DskipTests" >&2; exit 1; }

INPUT="$WORK/events-$ROWS-seed7.csv"
if [ ! -s "$INPUT" ]; then
  ./caveat gen-events --rows "$ROWS" --seed 7 --format acled --out "$INPUT.tmp"
  mv "$INPUT.tmp" "$INPUT"
fi
echo "input: $INPUT ($(du -hL "$INPUT" | cut -f1)); $(nproc) cores; $(java -version 2>&1 | head -1)"

run() { # label command...
  local label=$1; shift
  echo "$label load-before=$(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "$label wall=%es user=%Us sys=%Ss peak-rss=%MkB" "$@" > "$WORK/$label.stdout" \
    || echo "$label exited non-zero (see above)"
  tail -1 "$WORK/$label.stdout"
}

# The job's committed part files of one input, in order (writer, then the part counter).
ordered() {
  python3 - "$1" <<'PY'
import os, sys
d = sys.argv[1]
names = [n for n in os.listdir(d) if not n.startswith('.')]
# part-<writer uuid>-<counter>.ndjson: one writer per subtask; with one subtask, the counter orders them.
key = lambda n: (n.rsplit('-', 1)[0], int(n.rsplit('-', 1)[1].split('.')[0]))
for n in sorted(names, key=key):
    with open(os.path.join(d, n), 'rb') as f:
        sys.stdout.buffer.write(f.read())
PY
}

for r in $(seq 1 "$ROUNDS"); do
  run "replay-r$r" ./caveat replay "$INPUT" --out "$WORK/replay.ndjson" --threads 1
  for p in 1 2; do
    rm -rf "$WORK/flink-p$p"
    run "flink-p$p-r$r" java -Xmx1g -jar "$JAR" --local --events "$INPUT" --out "$WORK/flink-p$p" --parallelism "$p"
  done
  if [ -n "$BASELINE" ]; then
    rm -rf "$WORK/base-p1"
    run "baseline-flink-p1-r$r" java -Xmx1g -jar "$BASELINE" --local --events "$INPUT" --out "$WORK/base-p1" --parallelism 1
  fi
done

name=$(basename "$INPUT")
if ordered "$WORK/flink-p1/decisions/$name" | cmp -s - "$WORK/replay.ndjson"; then
  echo "parallelism 1: decisions byte-identical to replay's ($(wc -l < "$WORK/replay.ndjson") lines)"
else
  echo "parallelism 1: decisions DIFFER from replay's"; exit 1
fi
if [ -n "$BASELINE" ]; then
  if ordered "$WORK/base-p1/decisions/$name" | cmp -s - "$WORK/replay.ndjson"; then
    echo "baseline parallelism 1: byte-identical too"
  else
    echo "baseline parallelism 1: DIFFERS"
  fi
fi
