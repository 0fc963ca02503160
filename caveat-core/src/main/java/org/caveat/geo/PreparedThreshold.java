package org.caveat.geo;

import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * Decides "distance to the zone is at most T km" without a geodesic computation for most points.
 *
 * <p>Construction (on the first point that needs it): the zone's geometry is projected to an
 * azimuthal equidistant plane centred on it, buffered by JTS at T·(1−ε)−m (inner) and T·(1+ε)+m
 * (outer), densified and projected back to longitude/latitude. ε (at least 0.4%, more for large extents) covers the projection's distortion
 * and the buffer's chord error (0.12% with 16 segments per quadrant); m = 200 m absorbs the rest.
 * Query: inside the inner area means certainly closer than T, outside the outer area certainly
 * farther; only points in the ring between need {@link Zone#distanceKm}. A property test checks
 * the classification against exact distances.
 */
public final class PreparedThreshold {
  /** Result of {@link #classify}: certainly closer than T. */
  public static final int CLOSER = -1;
  /** Result of {@link #classify}: in the ring; compute the exact distance. */
  public static final int RING = 0;
  /** Result of {@link #classify}: certainly farther than T. */
  public static final int FARTHER = 1;

  private static final double MARGIN_M = 200;
  private final Zone zone;
  private final double km;
  /** Whether the zone is an area, whose own point-in-area test ({@link Zone#contains}) is at distance 0. */
  private final boolean area;
  /**
   * The buffered areas, made on the first point the nearest point of a {@link GeoMemo} cannot
   * decide: thresholds on the facts' border (most of them) then never pay for a buffer.
   */
  private volatile Rings rings;
  /** The edges of a line zone (a {@link GeoMemo} may hold their nearest point), else null. */
  private final SphericalSegments lineEdges;

  PreparedThreshold(Zone zone, double km) {
    if (!zone.isMeasurable()) {
      throw new IllegalArgumentException("zone " + zone.name() + " has no exact geometry to measure from");
    }
    if (!(km >= 0) || !Double.isFinite(km)) {
      throw new IllegalArgumentException("threshold must be a finite number ≥ 0, got " + km);
    }
    this.zone = zone;
    this.km = km;
    this.area = zone.isArea();
    this.lineEdges = zone instanceof GeometryZone line && !line.isArea() ? line.edges() : null;
  }

  /** The areas certainly closer (inner, null: none) and possibly closer (outer, null: none) than T. */
  private record Rings(AreaLocator inner, AreaLocator outer) {}

  private Rings rings() {
    Rings r = rings;
    if (r == null) {
      synchronized (this) {
        if (rings == null) rings = buffer(zone.geometry(), km);
        r = rings;
      }
    }
    return r;
  }

  private static Rings buffer(Geometry g, double km) {
    LocalProjection projection = LocalProjection.centredOn(g);
    Geometry projected = projection.forward(Densifier.densify(g, 0.05));
    double extent = projected.getEnvelopeInternal().maxExtent() + km * 1000;
    double eps = Math.max(0.004, LocalProjection.relativeError(extent) * 2);
    double t = km * 1000;
    return new Rings(buffered(projection, projected, t * (1 - eps) - MARGIN_M),
        buffered(projection, projected, t * (1 + eps) + MARGIN_M));
  }

  private static AreaLocator buffered(LocalProjection projection, Geometry projected, double metres) {
    if (metres <= 0) {
      return null;
    }
    BufferParameters params = new BufferParameters(16);
    Geometry buffer = BufferOp.bufferOp(projected, metres, params);
    if (buffer.isEmpty()) {
      return null;
    }
    return new AreaLocator(projection.reverse(Densifier.densify(buffer, 2000)));
  }

  public double km() {
    return km;
  }

  /** {@link #CLOSER}, {@link #FARTHER} or {@link #RING} (undecided without an exact distance). */
  public int classify(double lat, double lon) {
    if (area && zone.contains(lat, lon)) {
      return km > 0 ? CLOSER : RING;
    }
    Rings r = rings();
    if (r.outer() == null || !r.outer().covers(lat, lon)) {
      return FARTHER;
    }
    if (r.inner() != null && r.inner().covers(lat, lon)) {
      return CLOSER;
    }
    return RING;
  }

  /**
   * {@link #classify(double, double)}, first from the nearest point {@code memo} holds or will
   * hold for the answer's facts, when this threshold is on the same edges: the chord distance to
   * it, with {@link ChordGeodesic}'s error bound, decides every point outside a band of a few
   * millimetres around T (chords up to 1,500 km); other points, and other zones, are classified
   * by the polygon tests.
   */
  public int classify(double lat, double lon, GeoMemo memo) {
    if (lineEdges != null && memo.sharesFacts(lineEdges)) {
      int c = ChordGeodesic.compare(memo.nearest(lineEdges, lat, lon).chordMetres, km * 1000);
      if (c != 0) {
        return c < 0 ? CLOSER : FARTHER;
      }
    }
    return classify(lat, lon);
  }

  /** Exact answer to {@code distance ≤ T}, using the classification first. */
  public boolean withinKm(double lat, double lon) {
    int c = classify(lat, lon);
    return c == RING ? zone.distanceKm(lat, lon) <= km : c == CLOSER;
  }
}
