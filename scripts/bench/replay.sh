#!/usr/bin/env bash
# Replay benchmark (issue 5): ROWS synthetic ACLED rows -> decisions + summary with -Xmx512m, for
# 1 and 2 worker threads; reports wall time, user/system CPU, peak RSS and the load average before
# each run (the machine may be shared: compare CPU time, repeat runs). A benchmark, not a test.
#
# Runs the real commands through the launcher (which builds the CLI when needed):
#   ./caveat gen-events --rows ROWS --seed 7 --format acled --out FILE   (once; kept for reruns)
#   ./caveat replay FILE --summary --out OUT --threads N
# Usage: scripts/bench/replay.sh [ROWS] [THREADS...]      (defaults: 1000000, "1 2")
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
shift || true
THREADS=${*:-"1 2"}
WORK=${TMPDIR:-/tmp}/caveat-replay-bench
mkdir -p "$WORK"
export CAVEAT_JAVA_OPTS=-Xmx512m

INPUT="$WORK/events-$ROWS-seed7.csv"
if [ ! -s "$INPUT" ]; then
  /usr/bin/time -f "generated $ROWS rows: wall=%es user=%Us sys=%Ss peak-rss=%MkB" \
    ./caveat gen-events --rows "$ROWS" --seed 7 --format acled --out "$INPUT.tmp"
  mv "$INPUT.tmp" "$INPUT"
fi
echo "input: $INPUT ($(du -hL "$INPUT" | cut -f1)); CAVEAT_JAVA_OPTS=$CAVEAT_JAVA_OPTS; $(nproc) cores"

for t in $THREADS; do
  echo "threads=$t load-before=$(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "threads=$t wall=%es user=%Us sys=%Ss peak-rss=%MkB" \
    ./caveat replay "$INPUT" --summary --out "$WORK/decisions-$t.ndjson" --threads "$t" > "$WORK/summary-$t.txt"
done
echo "decisions: $(wc -l < "$WORK/decisions-${THREADS##* }.ndjson") lines"
head -1 "$WORK/summary-${THREADS##* }.txt"
