#!/usr/bin/env bash
# Computes reference answers (country/region membership, geodesic distances to
# the UA-RU border and to Ukraine) with PostGIS, for Caveat's geometry tests:
#   caveat-core/src/test/resources/caveat/geo/postgis-fixtures.csv
#   caveat-core/src/test/resources/caveat/geo/postgis-fixtures.meta
#
# Input: the files written by build-geography.sh. Run as root on Debian 12; it
# installs PostgreSQL + PostGIS from apt when missing and runs a throwaway
# cluster on 127.0.0.1 (free port, temp dir), removed on exit.
# Deterministic: same inputs and same PostGIS/GEOS/PROJ -> same CSV.
#
# Env: PG_MAJOR (default 15), FIXTURE_SEED (default 20240224).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
geo="$repo/caveat-core/src/main/resources/caveat/geo"
out="$repo/caveat-core/src/test/resources/caveat/geo"
pg_major="${PG_MAJOR:-15}"
seed="${FIXTURE_SEED:-20240224}"
bindir="/usr/lib/postgresql/$pg_major/bin"
inputs=(regions.geojson countries.geojson borders.geojson land.geojson)

[ "$(id -u)" = 0 ] || { echo "postgis-fixtures: run as root (installs packages, switches to user postgres)" >&2; exit 1; }
for f in "${inputs[@]}"; do
  [ -s "$geo/$f" ] || { echo "postgis-fixtures: missing $geo/$f (run build-geography.sh)" >&2; exit 1; }
done

if [ ! -x "$bindir/initdb" ] || [ ! -f "/usr/share/postgresql/$pg_major/extension/postgis.control" ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "postgresql-$pg_major" "postgresql-$pg_major-postgis-3"
fi

# Throwaway cluster; never touches a system cluster. The data dir must belong
# to postgres because initdb refuses to run as root.
tmp="$(mktemp -d /tmp/caveat-postgis.XXXXXX)"
chown postgres: "$tmp"
started=""
cleanup() {
  if [ -n "$started" ]; then
    runuser -u postgres -- "$bindir/pg_ctl" -D "$tmp/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

runuser -u postgres -- "$bindir/initdb" -D "$tmp/data" -U postgres -A trust --no-locale -E UTF8 >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; exit 1; }
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# Durability settings off: the cluster lives for a minute.
runuser -u postgres -- "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/postgres.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp -c fsync=off -c full_page_writes=off -c synchronous_commit=off" start >/dev/null \
  || { cat "$tmp/postgres.log" >&2; exit 1; }
started=1

psql_() { "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"; }

python3 "$here/postgis-fixtures.py" "$geo" "$seed" "$tmp/load.sql" "$tmp/export.sql"
psql_ -f "$tmp/load.sql"

mkdir -p "$out"
psql_ -f "$tmp/export.sql" >"$tmp/fixtures.csv"
mv "$tmp/fixtures.csv" "$out/postgis-fixtures.csv"

scalar() { psql_ -At -c "$1"; }
{
  echo "generator=scripts/geo/postgis-fixtures.sh"
  echo "seed=$seed"
  echo "points=$(($(wc -l <"$out/postgis-fixtures.csv") - 1))"
  echo "postgresql_version=$(scalar 'SHOW server_version')"
  echo "postgis_version=$(scalar 'SELECT postgis_lib_version()')"
  echo "geos_version=$(scalar 'SELECT postgis_geos_version()')"
  echo "proj_version=$(scalar 'SELECT postgis_proj_version()')"
  for f in "${inputs[@]}"; do
    echo "sha256.$f=$(sha256sum "$geo/$f" | cut -d' ' -f1)"
  done
  echo "border_length_m=$(scalar 'SELECT round(ST_Length(geom::geography)::numeric, 3) FROM border_all')"
  echo "kharkiv_border_length_m=$(scalar 'SELECT round(ST_Length(geom::geography)::numeric, 3) FROM border_kharkiv')"
} >"$out/postgis-fixtures.meta"

cat "$out/postgis-fixtures.meta"
sha256sum "$out/postgis-fixtures.csv"
