package org.caveat.geo;

import net.sf.geographiclib.Geodesic;

/**
 * The length of a geodesic of the WGS84 ellipsoid between nearby points from the straight chord
 * between them, with a stated error bound; used to round a distance to the metre without
 * GeographicLib's inverse solution whenever the bound proves the rounding.
 *
 * <p>Method (a short-line method in the spirit of Bowring, "The geodesic inverse problem",
 * Bull. Géod. 57, 1983, which solves short lines on a locally fitted sphere; here the chord-to-arc
 * relation of a circle with the curvature of the normal section, Euler's theorem): a
 * geodesic's principal normal is the surface normal, so as a space curve its curvature is the
 * normal curvature of the ellipsoid in its direction, κ = cos²α / M + sin²α / N (Euler's theorem;
 * M and N the meridional and prime-vertical radii of curvature, α the azimuth). A curve of
 * constant curvature κ and length s spans the chord c = (2/κ)·sin(κs/2), so s = (2/κ)·asin(κc/2).
 * κ is taken at the middle of the line: the latitude of the ellipsoid's normal through the chord's
 * midpoint (the gradient of x²/a² + y²/a² + z²/b² there) and the azimuth of the chord's component
 * tangent to it. The end points' Cartesian coordinates need no trigonometry: the callers hold
 * (cos φ cos λ, cos φ sin λ, sin φ) already, and the point is N·(cos φ cos λ, cos φ sin λ, (1 − e²) sin φ).
 *
 * <p>Error bound. The method is exact for a circle. A geodesic's curvature varies along it by a
 * relative O(e²·s/a) and it twists (torsion (1/M − 1/N)·sin α cos α, O(e²/a)); taking κ at the
 * midpoint cancels the first-order variation by symmetry, so the error is of order e⁴·a·(s/a)⁵
 * (no lower power of s/a appears: the ratio error / (a (s/a)⁵) stays constant from 100 km to
 * 5000 km). A sweep against GeographicLib (300,000 lines of 1 m to 5000 km at every latitude and
 * azimuth) gives error / (a (s/a)⁵) at most 0.961·e⁴, and at 1000 km the error follows
 * 0.96·e⁴·a·(s/a)⁵·(cos²α cos 2φ − sin²α sin²φ) at the midpoint latitude φ, whose largest magnitude
 * is that 0.96·e⁴. The order is derived, the coefficient measured, so the claim carries a factor
 * of two: for chords up to {@value #MAX_CHORD_METRES} m (where terms of the next order are smaller
 * by a factor of order (s/a)² ≈ 0.06), |s − s(GeographicLib)| ≤ {@link #errorBound}
 * = 2·e⁴·a·(s/a)⁵ + 1 µm (the micrometre covers rounding, about 10⁻⁸ m, and GeographicLib's own
 * 15 nm); that is 1.7 mm at 500 km and 5.4 cm at 1000 km (3,000,000 random lines up to the limit:
 * largest error 0.48 of the bound). {@code ChordGeodesicProperties} checks the
 * bound on generated lines.
 */
final class ChordGeodesic {
  /** Longest chord the bound is claimed for (metres). */
  static final double MAX_CHORD_METRES = 1_500_000;
  /** Returned by {@link #roundedMetres} when the bound cannot prove the rounding. */
  static final long UNDECIDED = -1;
  private static final double A = Geodesic.WGS84.EquatorialRadius();
  private static final double F = Geodesic.WGS84.Flattening();
  private static final double E2 = F * (2 - F), ONE_MINUS_E2 = 1 - E2;
  private static final double BOUND_COEFFICIENT = 2 * E2 * E2, ABSOLUTE_SLACK_M = 1e-6;
  /** Kept clear of a half-metre on top of the bound: the exact value's conversion to km and to decimal. */
  private static final double HALF_METRE_CLEARANCE = 1e-6;

  private ChordGeodesic() {}

  /**
   * Geodesic distance in metres between the points whose geodetic coordinates read as spherical
   * give the unit vectors p and q, or NaN when their chord is longer than {@value #MAX_CHORD_METRES} m.
   */
  static double metres(double px, double py, double pz, double qx, double qy, double qz) {
    double np = A / Math.sqrt(1 - E2 * pz * pz), nq = A / Math.sqrt(1 - E2 * qz * qz);
    double x1 = np * px, y1 = np * py, z1 = np * ONE_MINUS_E2 * pz;
    double x2 = nq * qx, y2 = nq * qy, z2 = nq * ONE_MINUS_E2 * qz;
    double dx = x2 - x1, dy = y2 - y1, dz = z2 - z1;
    double c2 = dx * dx + dy * dy + dz * dz;
    if (!(c2 <= MAX_CHORD_METRES * MAX_CHORD_METRES)) {
      return Double.NaN;
    }
    double mx = (x1 + x2) / 2, my = (y1 + y2) / 2, gz = (z1 + z2) / 2 / ONE_MINUS_E2;
    double h2 = mx * mx + my * my, g = Math.sqrt(h2 + gz * gz);
    double sinLat = gz / g, w = 1 - E2 * sinLat * sinLat;
    double normal = (dx * mx + dy * my + dz * gz) / g;
    double tangent2 = c2 - normal * normal;
    double east = h2 > 0 ? (dy * mx - dx * my) / Math.sqrt(h2) : 0;
    double sin2Azimuth = tangent2 > 0 ? Math.min(1, east * east / tangent2) : 0;
    double primeVertical = A / Math.sqrt(w), meridional = A * ONE_MINUS_E2 / (w * Math.sqrt(w));
    double kappa = (1 - sin2Azimuth) / meridional + sin2Azimuth / primeVertical;
    double c = Math.sqrt(c2);
    return 2 / kappa * Math.asin(Math.min(1, kappa * c / 2));
  }

  /** Metres by which {@link #metres} may differ from GeographicLib's distance for a line of {@code metres}. */
  static double errorBound(double metres) {
    double r = metres / A, r2 = r * r;
    return BOUND_COEFFICIENT * A * r2 * r2 * r + ABSOLUTE_SLACK_M;
  }

  /**
   * The whole number of metres GeographicLib's distance between the points rounds to, when
   * {@link #metres} and its bound put that distance strictly inside one interval between
   * half-metres (so half-even and half-up rounding agree, also after conversion to km); else
   * {@link #UNDECIDED}.
   */
  static long roundedMetres(double px, double py, double pz, double qx, double qy, double qz) {
    return roundedMetres(metres(px, py, pz, qx, qy, qz));
  }

  /** {@link #roundedMetres(double, double, double, double, double, double)} from its {@link #metres} {@code s}. */
  static long roundedMetres(double s) {
    if (!(s >= 0)) {
      return UNDECIDED;
    }
    double bound = errorBound(s) + HALF_METRE_CLEARANCE, k = Math.rint(s);
    return s - bound > k - 0.5 && s + bound < k + 0.5 ? (long) k : UNDECIDED;
  }

  /**
   * −1 when GeographicLib's distance, whose {@link #metres} is {@code s}, is certainly below
   * {@code limitMetres}, 1 when certainly above, 0 when the bound cannot tell (or s is NaN).
   * A micrometre and 10⁻¹² of the limit are kept clear on top of the bound, for the exact
   * distance's conversion to km and the limit's to metres.
   */
  static int compare(double s, double limitMetres) {
    if (!(s >= 0)) {
      return 0;
    }
    double margin = errorBound(s) + HALF_METRE_CLEARANCE + 1e-12 * limitMetres;
    return s + margin < limitMetres ? -1 : s - margin > limitMetres ? 1 : 0;
  }
}
