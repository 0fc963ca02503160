#!/usr/bin/env bash
# Replay benchmark (issue 5): 1,000,000 synthetic ACLED rows -> decisions + summary with -Xmx512m,
# for 1 and 2 worker threads; reports wall time, CPU time and peak RSS. A benchmark, not a test.
#
# Runs `caveat replay FILE --summary --out OUT --threads N` from caveat-cli's classes and
# classpath. If caveat-cli does not compile (it also depends on caveat-server), it falls back to
# org.caveat.replay.ReplayBenchMain (caveat-replay's test classes), which does the same work.
# Usage: scripts/bench/replay.sh [ROWS] [THREADS...]      (defaults: 1000000, "1 2")
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
shift || true
THREADS=${*:-"1 2"}
WORK=${TMPDIR:-/tmp}/caveat-replay-bench
mkdir -p "$WORK"

./mvnw -B -o -q -pl caveat-replay install -DskipTests
./mvnw -B -o -q -pl caveat-replay test-compile
./mvnw -B -o -q -pl caveat-replay dependency:build-classpath -Dmdep.outputFile="$WORK/replay-cp.txt" >/dev/null
REPLAY_CP="caveat-replay/target/classes:caveat-replay/target/test-classes:$(cat "$WORK/replay-cp.txt")"
if ./mvnw -B -o -q -pl caveat-cli compile >/dev/null 2>&1 &&
   ./mvnw -B -o -q -pl caveat-cli dependency:build-classpath -Dmdep.outputFile="$WORK/cli-cp.txt" >/dev/null; then
  RUN=(java -Xmx512m -cp "caveat-cli/target/classes:$(cat "$WORK/cli-cp.txt")" org.caveat.cli.CaveatCli)
  echo "running: caveat replay (caveat-cli classes)"
else
  RUN=()
  echo "caveat-cli does not compile now; running org.caveat.replay.ReplayBenchMain instead"
fi

INPUT="$WORK/events-$ROWS.csv"
if [ ! -s "$INPUT" ]; then
  /usr/bin/time -f "generated $ROWS rows in %es (user %Us, sys %Ss, peak RSS %MkB)" \
    java -Xmx512m -cp "$REPLAY_CP" org.caveat.replay.ReplayBenchMain gen "$ROWS" 7 "$INPUT"
fi
echo "input: $(du -h "$INPUT" | cut -f1)"

for t in $THREADS; do
  if [ ${#RUN[@]} -gt 0 ]; then
    cmd=("${RUN[@]}" replay "$INPUT" --summary --out "$WORK/decisions.ndjson" --threads "$t")
  else
    cmd=(java -Xmx512m -cp "$REPLAY_CP" org.caveat.replay.ReplayBenchMain replay "$INPUT" "$t" "$WORK/decisions.ndjson")
  fi
  /usr/bin/time -f "threads=$t wall=%es user=%Us sys=%Ss peak-rss=%MkB" "${cmd[@]}" > "$WORK/summary-$t.txt"
done
echo "decisions: $(wc -l < "$WORK/decisions.ndjson") lines, $(du -h "$WORK/decisions.ndjson" | cut -f1)"
head -1 "$WORK/summary-${THREADS##* }.txt"
