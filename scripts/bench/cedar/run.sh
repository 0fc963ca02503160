#!/usr/bin/env bash
# Caveat and Cedar side by side (BENCHMARKS.md, "Cedar side by side"): the same attribute-only
# policy (policy.cedar, pack/us-ua/), N generated requests (seed), an agreement check that must
# reach 100 % (verdicts and determining rules; exit 1 otherwise), then both engines measured
# interleaved in one run; then where Cedar's time goes (profile-cedar.mjs).
# Usage: scripts/bench/cedar/run.sh [ROUNDS=7] [SECONDS_PER_ROUND=1] [N=10000] [SEED=42]
# Needs Java 17 and Node >= 18 with access to the npm registry (first run only: @cedar-policy/
# cedar-wasm, pinned by package-lock.json, goes into node_modules/ beside this script, git-ignored).
# Env: JAVA_OPTS for the Caveat side's JVM.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
rounds="${1:-7}" seconds="${2:-1}" n="${3:-10000}" seed="${4:-42}"
work="$here/.work"
mkdir -p "$work"

if [ ! -f "$here/node_modules/@cedar-policy/cedar-wasm/package.json" ] \
    || ! cmp -s "$here/package-lock.json" "$here/node_modules/.package-lock.json.installed"; then
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$here/node_modules/.package-lock.json.installed"
fi
(cd "$repo" && ./mvnw -o -B -q -DskipTests -pl caveat-bench -am package >&2)

if [ ! -f "$work/requests.$n.$seed" ]; then   # written once per (N, seed)
  rm -f "$work"/requests.*
  node "$here/generate.mjs" "$work" "$n" "$seed"
  touch "$work/requests.$n.$seed"
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(java -version 2>&1 | head -1), Node $(node --version), $(date -u +%Y-%m-%dT%H:%MZ)"
node "$here/compare.mjs" "$repo/caveat-bench/target/benchmarks.jar" "$work" "$rounds" "$seconds"
echo
node "$here/profile-cedar.mjs" "$work" 5   # what Cedar's time is spent on
