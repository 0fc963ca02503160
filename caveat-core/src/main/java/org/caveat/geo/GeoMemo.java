package org.caveat.geo;

/**
 * Geographic work that one request needs more than once, kept for the request's point (one memo
 * per evaluation context; not thread-safe).
 *
 * <p>Every answer's facts carry the distance to the shipped UA–RU land border, found from the
 * nearest point of the border's edges ({@link SphericalSegments}) and the chord method
 * ({@link ChordGeodesic}). Packs name the same border in distance thresholds, and
 * {@link ReferenceGeography#border} gives every zone of that line the same edges. When the
 * caller says the facts will be computed ({@link #expectFacts}), a threshold on those edges takes
 * the nearest point from here (finding it once for the request) and compares the chord distance,
 * with its error bound, to the threshold instead of running its own point-in-polygon tests; the
 * facts then reuse the same nearest point. Without that promise thresholds keep their polygon
 * tests, which cost less than a nearest-edge search the request would not otherwise need.
 */
public final class GeoMemo {
  private final ReferenceGeography geography;
  private final NearestPoint nearest = new NearestPoint();
  private SphericalSegments factsEdges;
  private boolean factsExpected;

  public GeoMemo(ReferenceGeography geography) {
    this.geography = geography;
  }

  /** Whether the request being evaluated will also have its facts computed (an answer, not a bare decision). */
  public void expectFacts(boolean expected) {
    factsExpected = expected;
  }

  /** Whether a threshold on {@code edges} should take its answer from the facts' nearest point. */
  boolean sharesFacts(SphericalSegments edges) {
    if (!factsExpected) {
      return false;
    }
    if (factsEdges == null) {
      factsEdges = ((GeometryZone) geography.uaRuBorder()).edges();
    }
    return edges == factsEdges;
  }

  /** The nearest point of {@code edges} to (lat, lon), found now unless this memo already holds it. */
  NearestPoint nearest(SphericalSegments edges, double lat, double lon) {
    if (!nearest.holds(edges, lat, lon)) {
      edges.nearest(lat, lon, nearest);
    }
    return nearest;
  }
}
