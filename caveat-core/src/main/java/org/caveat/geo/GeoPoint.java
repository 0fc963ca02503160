package org.caveat.geo;

/**
 * A WGS84 position in degrees. Construction validates ranges, so a {@code GeoPoint} that exists
 * is always usable by every geographic function.
 */
public record GeoPoint(double lat, double lon) {
  public GeoPoint {
    if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
      throw new IllegalArgumentException("latitude must be a finite number in [-90, 90], got " + lat);
    }
    if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
      throw new IllegalArgumentException("longitude must be a finite number in [-180, 180], got " + lon);
    }
  }
}
