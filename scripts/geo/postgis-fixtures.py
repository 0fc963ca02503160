#!/usr/bin/env python3
"""Writes the SQL for postgis-fixtures.sh: loads the reference geography,
checks it, and defines the fixture points.

Usage: postgis-fixtures.py <geo dir> <seed> <load.sql> <export.sql>

Only the standard library, and only random.Random.random() from it: the
other Random helpers have changed their algorithms between Python versions,
which would silently change the points.
"""
import json
import math
import os
import random
import sys

geo_dir, seed, load_sql, export_sql = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]


def read(name):
    with open(os.path.join(geo_dir, name), encoding="utf-8") as f:
        return json.load(f)["features"]


regions, countries, borders = read("regions.geojson"), read("countries.geojson"), read("borders.geojson")
land = read("land.geojson")

rng = random.Random(seed)
points = []  # (lat, lon, kind) with lat/lon already as the printed 6-decimal strings
seen = set()


def add(lat, lon, kind):
    # The printed text is the point: SQL parses these same strings.
    key = ("%.6f" % lat, "%.6f" % lon)
    if key not in seen:
        seen.add(key)
        points.append((key[0], key[1], kind))


def uniform(lo, hi):
    return lo + (hi - lo) * rng.random()


def pick(seq):
    return seq[min(int(rng.random() * len(seq)), len(seq) - 1)]


def destination(lat, lon, bearing_deg, dist_m):
    """Spherical direct problem; only used to scatter points near the border."""
    r = 6371008.8
    d = dist_m / r
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing_deg)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), math.degrees(l2)


def line_parts(geom):
    return [geom["coordinates"]] if geom["type"] == "LineString" else geom["coordinates"]


# Unique border vertices in file order (features are sorted by a|b).
border_vertices = []
for f in borders:
    for part in line_parts(f["geometry"]):
        for lon, lat in part:
            if (lon, lat) not in border_vertices:
                border_vertices.append((lon, lat))

# Kharkiv / Belgorod / Sumy / Kursk area: where Caveat's answers matter most.
for _ in range(150):
    add(uniform(49.0, 52.5), uniform(34.0, 39.5), "kharkiv-area")
# All of Ukraine's bounding box (reaches into Poland, Belarus, Moldova, seas).
for _ in range(100):
    add(uniform(44.3, 52.4), uniform(22.1, 40.3), "ukraine-bbox")
# The south: Crimea, Sevastopol, Sea of Azov, Kerch Strait, Rostov, Krasnodar.
for _ in range(30):
    add(uniform(44.3, 47.5), uniform(32.4, 39.5), "south")
# Within ~3 km of the border: a border vertex moved by up to 3 km.
for _ in range(50):
    lon, lat = pick(border_vertices)
    add(*destination(lat, lon, uniform(0.0, 360.0), uniform(0.0, 3000.0)), "near-border")
# Exactly on border vertices (both countries cover them): both ends + 18 more.
add(border_vertices[0][1], border_vertices[0][0], "on-border")
add(border_vertices[-1][1], border_vertices[-1][0], "on-border")
ends = {border_vertices[0], border_vertices[-1]}
while sum(1 for p in points if p[2] == "on-border") < 20:
    lon, lat = pick(border_vertices)
    if (lon, lat) not in ends:
        add(lat, lon, "on-border")

# Along the coasts of the Black Sea and the Sea of Azov (sea model: land, 12-nm territorial
# sea split by equidistance, high seas): a coastal vertex of a southern region moved up to 40 km.
coast_vertices = []
for f in regions:
    if f["properties"]["iso_3166_2"] in ("UA-43", "UA-40", "UA-65", "UA-23", "UA-14", "UA-51", "RU-KDA", "RU-ROS"):
        g = f["geometry"]
        for poly in ([g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]):
            for lon, lat in poly[0]:
                if lat < 47.5:
                    coast_vertices.append((lon, lat))
for _ in range(120):
    lon, lat = pick(coast_vertices)
    add(*destination(lat, lon, uniform(0.0, 360.0), uniform(0.0, 40000.0)), "coast")

NAMED = [
    # Crimea and Sevastopol (de jure Ukraine)
    (44.952100, 34.102400, "simferopol"),
    (44.570000, 33.600000, "sevastopol"),  # inland: NE coast misses the city centre
    (45.356300, 36.467400, "kerch"),
    (44.495200, 34.166300, "yalta"),
    (45.709000, 34.393000, "dzhankoi"),
    (45.196000, 33.367000, "yevpatoria"),
    # Occupied mainland (de jure Ukraine)
    (48.015900, 37.802900, "donetsk"),
    (48.574000, 39.307800, "luhansk"),
    (47.097100, 37.543400, "mariupol"),
    # Cities near the border
    (49.993500, 36.230400, "kharkiv"),
    (50.599700, 36.598300, "belgorod"),
    (50.907700, 34.798100, "sumy"),
    (51.730400, 36.193200, "kursk"),
    (47.235700, 39.701500, "rostov-on-don"),
    (50.450100, 30.523400, "kyiv"),
    # Outside both countries
    (43.500000, 34.000000, "black-sea"),
    (44.616600, 33.525400, "sevastopol-centre"),  # 257 m off the NE coast: territorial sea
    (45.213000, 36.716000, "taman"),
    (44.450000, 34.180000, "ship-5km-off-crimea"),
    (43.850000, 33.750000, "black-sea-60km"),
    (46.200000, 36.500000, "sea-of-azov"),
    (45.300000, 36.580000, "kerch-strait"),
    (53.900000, 27.566700, "minsk"),
    (52.434500, 30.975400, "gomel"),
    (52.229700, 21.012200, "warsaw"),
    (51.246500, 22.568400, "lublin"),
    (47.010500, 28.863800, "chisinau"),
    # Far inside Russia, incl. the exclave and both sides of the antimeridian
    (55.750000, 37.620000, "moscow"),
    (59.934300, 30.335100, "saint-petersburg"),
    (55.008400, 82.935700, "novosibirsk"),
    (54.710400, 20.452200, "kaliningrad"),
    (43.115500, 131.885500, "vladivostok"),
    (66.000000, 172.000000, "chukotka-east-hemisphere"),
    (66.000000, -171.000000, "chukotka-west-hemisphere"),
]
for lat, lon, kind in NAMED:
    add(lat, lon, kind)


def q(s):
    return "'" + s.replace("'", "''") + "'"


def geom(g):
    return "ST_SetSRID(ST_GeomFromGeoJSON(%s), 4326)" % q(json.dumps(g, separators=(",", ":")))


with open(load_sql, "w", encoding="utf-8") as out:
    w = out.write
    w("\\set ON_ERROR_STOP on\n")
    w("CREATE EXTENSION postgis;\n")
    w("CREATE TABLE region (code text PRIMARY KEY, country text NOT NULL, name text NOT NULL, geom geometry(Geometry, 4326) NOT NULL);\n")
    w("CREATE TABLE country (iso text PRIMARY KEY, name text NOT NULL, geom geometry(Geometry, 4326) NOT NULL);\n")
    w("CREATE TABLE border (a text NOT NULL, b text NOT NULL, geom geometry(Geometry, 4326) NOT NULL);\n")
    w("CREATE TABLE land (name text PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL);\n")
    w("CREATE TABLE pt (id int PRIMARY KEY, lat text NOT NULL, lon text NOT NULL, kind text NOT NULL, geom geometry(Point, 4326));\n")
    for f in regions:
        p = f["properties"]
        w("INSERT INTO region VALUES (%s, %s, %s, %s);\n" % (q(p["iso_3166_2"]), q(p["country"]), q(p["name"]), geom(f["geometry"])))
    for f in countries:
        p = f["properties"]
        w("INSERT INTO country VALUES (%s, %s, %s);\n" % (q(p["iso_a2"]), q(p["name"]), geom(f["geometry"])))
    for f in borders:
        p = f["properties"]
        w("INSERT INTO border VALUES (%s, %s, %s);\n" % (q(p["a"]), q(p["b"]), geom(f["geometry"])))
    for f in land:
        w("INSERT INTO land VALUES (%s, %s);\n" % (q(f["properties"]["land"]), geom(f["geometry"])))
    for i, (lat, lon, kind) in enumerate(points):
        w("INSERT INTO pt (id, lat, lon, kind) VALUES (%d, %s, %s, %s);\n" % (i, q(lat), q(lon), q(kind)))
    w("UPDATE pt SET geom = ST_SetSRID(ST_MakePoint(lon::float8, lat::float8), 4326);\n")
    w(r"""
-- Fail loudly on any invalid or non-polygonal area, and on broken borders.
DO $$
DECLARE r record; bad int := 0;
BEGIN
  FOR r IN
    SELECT 'region ' || code AS what, geom FROM region
    UNION ALL SELECT 'country ' || iso, geom FROM country
  LOOP
    IF GeometryType(r.geom) NOT IN ('POLYGON', 'MULTIPOLYGON') THEN
      RAISE WARNING '% is a %', r.what, GeometryType(r.geom); bad := bad + 1;
    ELSIF NOT ST_IsValid(r.geom) THEN
      RAISE WARNING '% invalid: %', r.what, ST_IsValidReason(r.geom); bad := bad + 1;
    END IF;
  END LOOP;
  FOR r IN SELECT a || '/' || b AS what, geom FROM border LOOP
    IF GeometryType(r.geom) NOT IN ('LINESTRING', 'MULTILINESTRING') OR NOT ST_IsSimple(r.geom) THEN
      RAISE WARNING 'border % is not a simple line', r.what; bad := bad + 1;
    END IF;
  END LOOP;
  IF bad > 0 THEN RAISE EXCEPTION '% invalid geometries', bad; END IF;
END $$;

CREATE TABLE border_all AS SELECT ST_Collect(geom ORDER BY a, b) AS geom FROM border;
CREATE TABLE border_kharkiv AS SELECT ST_Collect(geom ORDER BY a, b) AS geom FROM border WHERE a = 'UA-63';
CREATE TABLE ua AS SELECT geom FROM country WHERE iso = 'UA';

-- The sea model: each coastal state's 12-nm belt (22,224 m) as ST_Buffer on geography of its
-- land, minus its land and all land; where belts meet, each point goes to the nearer land (the
-- equidistance line), other states' coasts (land 'foreign_near') included.
-- Belts are buffered per coastal region of the Black Sea and the Sea of Azov (ST_Buffer on
-- geography projects each to a local plane; a whole country would span too much) and unioned.
CREATE TABLE belt AS
  SELECT r.country AS iso,
         ST_Difference(ST_Union(ST_Buffer(r.geom::geography, 22224)::geometry), (SELECT geom FROM land WHERE name = 'world')) AS geom
  FROM region r
  WHERE r.code IN ('UA-43', 'UA-40', 'UA-65', 'UA-23', 'UA-14', 'UA-51', 'RU-KDA', 'RU-ROS')
  GROUP BY r.country;
CREATE TABLE sea AS
  SELECT p.id,
         (SELECT string_agg(b.iso, '|' ORDER BY b.iso) FROM belt b WHERE ST_Covers(b.geom, p.geom)) AS in_buffer,
         ST_Distance(u.geom::geography, p.geom::geography) AS d_ua,
         (SELECT min(ST_Distance(r.geom::geography, p.geom::geography)) FROM region r
            WHERE r.country = 'RU' AND ST_DWithin(r.geom::geography, p.geom::geography, 30000)) AS d_ru,
         (SELECT ST_Distance(f.geom::geography, p.geom::geography) FROM land f
            WHERE f.name = 'foreign_near' AND ST_DWithin(f.geom::geography, p.geom::geography, 30000)) AS d_foreign
  FROM pt p, ua u
  WHERE NOT EXISTS (SELECT 1 FROM region r WHERE ST_Covers(r.geom, p.geom))
    AND NOT EXISTS (SELECT 1 FROM land w WHERE w.name = 'world' AND ST_Covers(w.geom, p.geom));

-- Sanity figures for the log and the .meta file.
\pset footer off
SELECT (SELECT count(*) FROM region) AS regions,
       (SELECT count(*) FROM region WHERE NOT ST_IsValid(geom)) AS invalid_regions,
       (SELECT count(*) FROM country WHERE NOT ST_IsValid(geom)) AS invalid_countries,
       (SELECT ST_NumGeometries(ST_LineMerge(geom)) FROM border_all) AS border_merged_parts,
       (SELECT round(ST_Length(geom::geography)::numeric, 3) FROM border_all) AS border_length_m,
       (SELECT round(ST_Length(geom::geography)::numeric, 3) FROM border_kharkiv) AS kharkiv_border_length_m,
       (SELECT count(*) FROM region r1 JOIN region r2 ON r1.code < r2.code
          AND ST_Overlaps(r1.geom, r2.geom)) AS overlapping_region_pairs,
       (SELECT round(sum(ST_Area(geom::geography))::numeric / 1e6, 1) FROM region WHERE country = 'UA') AS ua_regions_km2,
       (SELECT round(ST_Area(geom::geography)::numeric / 1e6, 1) FROM country WHERE iso = 'UA') AS ua_country_km2,
       (SELECT count(*) FROM pt) AS points;
""")

with open(export_sql, "w", encoding="utf-8") as out:
    out.write(r"""\set ON_ERROR_STOP on
COPY (
  SELECT p.lat, p.lon,
         (SELECT string_agg(c.iso, '|' ORDER BY c.iso) FROM country c WHERE ST_Covers(c.geom, p.geom)) AS country,
         (SELECT string_agg(r.code, '|' ORDER BY r.code) FROM region r WHERE ST_Covers(r.geom, p.geom)) AS region,
         round(ST_Distance(b.geom::geography, p.geom::geography)::numeric, 3) AS dist_border_m,
         round(ST_Distance(k.geom::geography, p.geom::geography)::numeric, 3) AS dist_kharkiv_border_m,
         round(ST_Distance(u.geom::geography, p.geom::geography)::numeric, 3) AS dist_ua_m,
         CASE WHEN s.id IS NULL THEN 'land'
              WHEN least(s.d_ua, coalesce(s.d_ru, 'Infinity'), coalesce(s.d_foreign, 'Infinity')) <= 22224 THEN 'internal_or_territorial'
              ELSE 'high_seas' END AS waters,
         CASE WHEN s.id IS NULL THEN (SELECT string_agg(c.iso, '|' ORDER BY c.iso) FROM country c WHERE ST_Covers(c.geom, p.geom))
              WHEN least(s.d_ua, coalesce(s.d_ru, 'Infinity')) > 22224 OR coalesce(s.d_foreign, 'Infinity') < least(s.d_ua, coalesce(s.d_ru, 'Infinity')) THEN NULL
              WHEN s.d_ua < coalesce(s.d_ru, 'Infinity') THEN 'UA' ELSE 'RU' END AS sea_country,
         coalesce(s.in_buffer, '') AS in_geography_buffer,
         round(least(s.d_ua, coalesce(s.d_ru, 'Infinity'), coalesce(s.d_foreign, 'Infinity'))::numeric, 3) AS dist_land_m
  FROM pt p LEFT JOIN sea s ON s.id = p.id, border_all b, border_kharkiv k, ua u
  ORDER BY p.id
) TO STDOUT WITH (FORMAT csv, HEADER true);
""")

print("points: %d" % len(points), file=sys.stderr)
