package org.caveat.geo;

import net.sf.geographiclib.Geodesic;

/**
 * Cheap lower and upper bounds on a geodesic distance of the WGS84 ellipsoid, from the angle
 * between the same two points on the unit sphere (geodetic latitude and longitude read as
 * spherical coordinates, as {@link SphericalSegments} does).
 *
 * <p>Proof. In geodetic coordinates the ellipsoid's line element is ds² = M² dφ² + N² cos²φ dλ²
 * (M the meridional radius of curvature, N the prime-vertical one), the unit sphere's is
 * dθ² = dφ² + cos²φ dλ². So along any curve ds/dθ lies between min(M, N) = M and max(M, N) = N
 * taken over the latitudes the curve visits; both grow with |φ|. Upper bound: the great-circle
 * arc of angle θ, carried to the ellipsoid, is a curve of length at most N(φmax)·θ, and the
 * geodesic is no longer. Lower bound: the geodesic, carried to the sphere, is at least θ long and
 * each of its steps is at least M(φmin) times as long on the ellipsoid. The arc stays within θ of
 * the first point, hence within latitudes φ ± θ; the geodesic within s / M(0) ≤ θ · N(90°) / M(0)
 * (< 1.011 θ), hence within φ ± 1.011 θ; both are taken within φ ± 1.02 θ.
 *
 * <p>Rounding: the angle of a point to a set of edges is computed to about 2·10⁻⁸ rad absolute
 * (from 1 − cos θ near 0) and 10⁻¹⁵ relative; the bounds widen it by 10⁻⁷ rad and 10⁻⁹ relative.
 * GeographicLib's inverse is accurate to 15 nm. The spread between the bounds is about 0.3 % at
 * the latitudes of the shipped countries: enough to tell which coast is nearest, or whether a
 * point is within 12 nautical miles, for all but points close to a tie.
 */
final class GeodesicBounds {
  private static final double A = Geodesic.WGS84.EquatorialRadius();
  private static final double E2 = Geodesic.WGS84.Flattening() * (2 - Geodesic.WGS84.Flattening());
  /** M at the equator, the smallest radius of curvature anywhere (metres). */
  static final double SMALLEST_RADIUS = A * (1 - E2);
  /** N (= M) at the poles, the largest radius of curvature anywhere (metres). */
  static final double LARGEST_RADIUS = A / Math.sqrt(1 - E2);
  private static final double ABSOLUTE_SLACK = 1e-7, RELATIVE_SLACK = 1e-9, BAND = 1.02;

  private GeodesicBounds() {}

  /** Metres the geodesic from a point at {@code latDeg} to a point {@code angle} radians away on the sphere is at least. */
  static double lower(double latDeg, double angle) {
    double theta = Math.max(0, angle * (1 - RELATIVE_SLACK) - ABSOLUTE_SLACK);
    double reach = BAND * (angle * (1 + RELATIVE_SLACK) + ABSOLUTE_SLACK);
    double phi = Math.toRadians(Math.abs(latDeg));
    return meridional(Math.max(0, phi - reach)) * theta * (1 - RELATIVE_SLACK);
  }

  /** Metres that geodesic is at most. */
  static double upper(double latDeg, double angle) {
    double theta = angle * (1 + RELATIVE_SLACK) + ABSOLUTE_SLACK;
    double phi = Math.toRadians(Math.abs(latDeg));
    return primeVertical(Math.min(Math.PI / 2, phi + BAND * theta)) * theta * (1 + RELATIVE_SLACK);
  }

  /** Lower bound with the smallest radius anywhere (for a whole cell, whose latitudes vary). */
  static double lowerAnywhere(double angle) {
    return SMALLEST_RADIUS * Math.max(0, angle * (1 - RELATIVE_SLACK) - ABSOLUTE_SLACK) * (1 - RELATIVE_SLACK);
  }

  /** Upper bound with the largest radius anywhere. */
  static double upperAnywhere(double angle) {
    return LARGEST_RADIUS * (angle * (1 + RELATIVE_SLACK) + ABSOLUTE_SLACK) * (1 + RELATIVE_SLACK);
  }

  private static double meridional(double phi) {
    double w = 1 - E2 * Math.sin(phi) * Math.sin(phi);
    return A * (1 - E2) / (w * Math.sqrt(w));
  }

  private static double primeVertical(double phi) {
    return A / Math.sqrt(1 - E2 * Math.sin(phi) * Math.sin(phi));
  }
}
