package org.caveat.geo;

/**
 * The nearest point of a {@link SphericalSegments}' edges to a query point, as that class finds it
 * (unit vectors p of the query and q of the nearest point, geodetic coordinates read as
 * spherical), with the {@link ChordGeodesic} distance between them: what both the rounded border
 * distance of an answer's facts and a distance threshold on the same edges need. Mutable, filled
 * by {@link SphericalSegments#nearest}; one per {@link GeoMemo} (or per call).
 */
final class NearestPoint {
  /** The edges this was measured on, or null when empty. */
  SphericalSegments edges;
  double lat, lon;
  double px, py, pz, qx, qy, qz;
  /** {@link ChordGeodesic#metres} from p to q: NaN beyond its longest chord. */
  double chordMetres;

  /** Whether this holds the nearest point of {@code on} to (lat, lon). */
  boolean holds(SphericalSegments on, double lat, double lon) {
    return edges == on && this.lat == lat && this.lon == lon;
  }
}
