package org.caveat.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;

/**
 * Azimuthal equidistant projection on the WGS84 ellipsoid, in metres, built from GeographicLib's
 * inverse (forward projection) and direct (reverse projection) geodesic solutions.
 *
 * <p>Distances from the centre are exact; other distances are distorted by a factor of at most
 * about 1 + (rho/R)^2 / 6 where rho is the distance from the centre, which {@link #relativeError}
 * reports so callers can widen their safety margins.
 */
final class LocalProjection {
  private static final double EARTH_RADIUS_M = 6_371_008.8;
  private final double lat0, lon0;

  LocalProjection(double lat0, double lon0) {
    this.lat0 = lat0;
    this.lon0 = lon0;
  }

  static LocalProjection centredOn(Geometry g) {
    var env = g.getEnvelopeInternal();
    return new LocalProjection((env.getMinY() + env.getMaxY()) / 2, (env.getMinX() + env.getMaxX()) / 2);
  }

  /** Upper bound of the relative distance error for points within {@code rhoMetres} of the centre. */
  static double relativeError(double rhoMetres) {
    double t = rhoMetres / EARTH_RADIUS_M;
    return t * t / 6 * 1.5;
  }

  Geometry forward(Geometry lonLat) {
    return new GeometryTransformer() {
      @Override
      protected CoordinateSequence transformCoordinates(CoordinateSequence cs, Geometry parent) {
        CoordinateSequence out = cs.copy();
        for (int i = 0; i < out.size(); i++) {
          GeodesicData d = Geodesic.WGS84.Inverse(lat0, lon0, cs.getY(i), cs.getX(i),
              GeodesicMask.DISTANCE | GeodesicMask.AZIMUTH);
          double az = Math.toRadians(d.azi1);
          out.setOrdinate(i, 0, d.s12 * Math.sin(az));
          out.setOrdinate(i, 1, d.s12 * Math.cos(az));
        }
        return out;
      }
    }.transform(lonLat);
  }

  Geometry reverse(Geometry metres) {
    return new GeometryTransformer() {
      @Override
      protected CoordinateSequence transformCoordinates(CoordinateSequence cs, Geometry parent) {
        CoordinateSequence out = cs.copy();
        for (int i = 0; i < out.size(); i++) {
          Coordinate c = cs.getCoordinate(i);
          double s = Math.hypot(c.x, c.y);
          double az = Math.toDegrees(Math.atan2(c.x, c.y));
          GeodesicData d = Geodesic.WGS84.Direct(lat0, lon0, az, s, GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
          out.setOrdinate(i, 0, d.lon2);
          out.setOrdinate(i, 1, d.lat2);
        }
        return out;
      }
    }.transform(metres);
  }
}
