package org.caveat.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary pack with two versions of grant {@code test-ua} and GeoJSON zones of known area: a
 * 10 km × 10 km square near 50°N 30°E (inside Ukraine) built from geodesic offsets, and its west
 * half. 2024-01-01 → 2024-06-01: {@code box} grows from the half to the square (≈ 50 km² gained),
 * {@code square} shrinks to the half (≈ 50 km² lost), {@code fresh} is new (≈ 100 km² gained),
 * {@code gone} is dropped (≈ 100 km² lost); rule {@code in-box} changes one conjunct, assumption
 * {@code depth_km} changes 40 → 60 km.
 */
final class TestPack {
  static final double LAT = 50.0, LON = 30.0;

  private TestPack() {}

  /** Corners SW, SE, NE, NW as {lat, lon}. */
  static double[][] square() {
    double d = 5 * Math.sqrt(2);
    return new double[][] {GeodesicMeasure.offset(LAT, LON, 225, d), GeodesicMeasure.offset(LAT, LON, 135, d),
        GeodesicMeasure.offset(LAT, LON, 45, d), GeodesicMeasure.offset(LAT, LON, 315, d)};
  }

  /** The west half: SW, middle of the south edge, middle of the north edge, NW (midpoints in lon/lat). */
  static double[][] westHalf() {
    double[][] s = square();
    double[] south = {(s[0][0] + s[1][0]) / 2, (s[0][1] + s[1][1]) / 2};
    double[] north = {(s[3][0] + s[2][0]) / 2, (s[3][1] + s[2][1]) / 2};
    return new double[][] {s[0], south, north, s[3]};
  }

  static String geojson(double[][] ring) {
    StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
        + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
    for (int i = 0; i <= ring.length; i++) {
      double[] p = ring[i % ring.length];
      if (i > 0) b.append(',');
      b.append('[').append(p[1]).append(',').append(p[0]).append(']');
    }
    return b.append("]]}}]}").toString();
  }

  /** Writes the pack under {@code dir} and returns the folder of grant folders. */
  static Path write(Path dir) throws IOException {
    Path g = Files.createDirectories(dir.resolve("test-ua"));
    Files.writeString(g.resolve("square.geojson"), geojson(square()));
    Files.writeString(g.resolve("half.geojson"), geojson(westHalf()));
    Files.writeString(g.resolve("2024-01-01.yaml"), version("2024-01-01", 40, """
          box: { geojson: half.geojson }
          square: { geojson: square.geojson }
          gone: { geojson: square.geojson }
        """, "target.category in military_objectives"));
    Files.writeString(g.resolve("2024-06-01.yaml"), version("2024-06-01", 60, """
          box: { geojson: square.geojson }
          square: { geojson: half.geojson }
          fresh: { geojson: square.geojson }
        """, "target.category == \"artillery\""));
    return dir;
  }

  private static String version(String v, int depth, String zones, String category) {
    return """
        grant: test-ua
        grantor: US
        grantee: UA
        version: "%s"
        in_force: %s
        title: Test version %s
        sources:
          test-source:
            outlet: Test
            date: 2024-01-01
            no_url_reason: a source made up by the test suite
            quote: A test quote.
            attribution: the test suite
            reliability: official
        assumptions:
          depth_km:
            value: %d
            unit: km
            confidence: low
            note: A test assumption.
        zones:
        %s
        rules:
          - id: in-box
            effect: permit
            text: Military objectives in the box.
            sources: [test-source]
            when: |
              within(target.location, zones.box)
              && %s
        """.formatted(v, v, v, depth, zones.stripTrailing(), category);
  }
}
