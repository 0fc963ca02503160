#!/usr/bin/env bash
# Regenerates Caveat's reference geography from Natural Earth admin-1:
#   caveat-core/src/main/resources/caveat/geo/{regions,countries,borders}.geojson
#   caveat-core/src/main/resources/caveat/geo/ATTRIBUTION.md
#
# Needs Node >= 18 and npm access to the npm registry. Deterministic: running it
# twice gives byte-identical files (the sha256 sums are printed at the end).
#
# Env: GEO_WORK_DIR  where the pinned npm packages go (default scripts/geo/.work,
#                    git-ignored); reused across runs while the lock file is unchanged.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${GEO_WORK_DIR:-$here/.work}"
out="$repo/caveat-core/src/main/resources/caveat/geo"

# Install from the committed lock file so transitive dependencies of mapshaper
# are pinned too, not only the two top-level versions. Install scripts are
# skipped: the only one builds an optional native accelerator mapshaper
# does not need.
npm_dir="$work/npm"
mkdir -p "$npm_dir"
if ! cmp -s "$here/package-lock.json" "$npm_dir/package-lock.json" || [ ! -d "$npm_dir/node_modules/mapshaper" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$npm_dir/"
  (cd "$npm_dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

node "$here/build-geography.mjs" "$npm_dir/node_modules" "$out"

(cd "$out" && sha256sum regions.geojson countries.geojson borders.geojson ATTRIBUTION.md)
