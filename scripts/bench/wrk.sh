# Sourced by the HTTP benchmarks (single-http.sh, batch-log.sh): the native load generator wrk.
# use_wrk FALLBACK: keeps LOADGEN=wrk when wrk is installed, installing it from Debian when run as
# root (as the browser tests install Chromium); otherwise says so and sets LOADGEN=FALLBACK.
use_wrk() {
  [[ "$LOADGEN" == wrk ]] || return 0
  command -v wrk > /dev/null && return 0
  if [[ "$(id -u)" == 0 ]] && command -v apt-get > /dev/null; then
    apt-get install -y -q wrk > /dev/null 2>&1 || { apt-get update -q > /dev/null 2>&1 && apt-get install -y -q wrk > /dev/null 2>&1; } || true
  fi
  command -v wrk > /dev/null || { echo "wrk is not installed; using $1 (Java) instead" >&2; LOADGEN="$1"; }
}
# wrk's latency in ms, from "1.23ms", "456.00us" or "1.01s".
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'; }
