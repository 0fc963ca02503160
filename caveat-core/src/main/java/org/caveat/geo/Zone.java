package org.caveat.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * A named, compiled geometry that conditions refer to: an area (containment) or a line
 * (distance only). Built once per policy version; every query method is thread-safe.
 */
public interface Zone {
  String name();

  /** True for areas, which support {@link #contains}; lines and points do not. */
  boolean isArea();

  /** True when {@link #distanceKm} is exact (the zone has an exact geometry, not a buffer). */
  boolean isMeasurable();

  /** Containment, boundary included. Only for areas. */
  boolean contains(double lat, double lon);

  /** Geodesic distance in km; 0 inside an area. Only for measurable zones. */
  double distanceKm(double lat, double lon);

  /**
   * {@link #distanceKm} for a figure rounded to the metre (3 decimals): a value strictly inside
   * the same interval between half-metres as the exact distance (k / 1000 for its whole number of
   * metres k, when that is proven without the exact computation), or the exact distance itself.
   * Any rounding to 3 decimals with half-metre boundaries (half-even, half-up) gives the same
   * figure for both; thresholds and arithmetic need {@link #distanceKm}.
   */
  default double distanceKmToTheMetre(double lat, double lon) {
    return distanceKm(lat, lon);
  }

  /** {@link #distanceKmToTheMetre(double, double)}, reusing (or leaving) work for the same point in {@code memo}. */
  default double distanceKmToTheMetre(double lat, double lon, GeoMemo memo) {
    return distanceKmToTheMetre(lat, lon);
  }

  /**
   * A prepared test for {@code distanceKm(p) <= km}, built once per threshold: it classifies most
   * points by point-in-polygon and leaves only a thin ring for an exact computation.
   */
  PreparedThreshold threshold(double km);

  /** Longitude/latitude geometry for display and area computations (approximate for buffers). */
  Geometry geometry();
}
