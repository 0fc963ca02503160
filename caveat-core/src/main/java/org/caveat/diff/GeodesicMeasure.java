package org.caveat.diff;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Geodesic area and length of longitude/latitude JTS geometries on the WGS84 ellipsoid
 * (GeographicLib {@link PolygonArea}); vertices are joined by geodesics.
 */
public final class GeodesicMeasure {
  private GeodesicMeasure() {}

  /** Area in km² of the polygonal parts (holes subtracted); lines and points count 0. */
  public static double areaKm2(Geometry g) {
    double m2 = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon p) {
        m2 += ringArea(p.getExteriorRing());
        for (int h = 0; h < p.getNumInteriorRing(); h++) m2 -= ringArea(p.getInteriorRingN(h));
      } else if (part instanceof GeometryCollection) {
        m2 += areaKm2(part) * 1e6;
      }
    }
    return m2 / 1e6;
  }

  /** Length in km of the linear parts (polygon boundaries are not counted). */
  public static double lengthKm(Geometry g) {
    double m = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof LineString l) {
        Coordinate[] c = l.getCoordinates();
        for (int k = 1; k < c.length; k++) {
          m += Geodesic.WGS84.Inverse(c[k - 1].y, c[k - 1].x, c[k].y, c[k].x).s12;
        }
      } else if (part instanceof GeometryCollection) {
        m += lengthKm(part) * 1000;
      }
    }
    return m / 1000;
  }

  /** The point {@code km} from (lat, lon) along {@code azimuth} degrees; returns {lat, lon}. */
  public static double[] offset(double lat, double lon, double azimuth, double km) {
    GeodesicData d = Geodesic.WGS84.Direct(lat, lon, azimuth, km * 1000);
    return new double[] {d.lat2, d.lon2};
  }

  private static double ringArea(LineString ring) {
    Coordinate[] c = ring.getCoordinates();
    int n = c.length;
    if (n > 1 && c[0].equals2D(c[n - 1])) n--;
    if (n < 3) return 0;
    PolygonArea pa = new PolygonArea(Geodesic.WGS84, false);
    for (int i = 0; i < n; i++) pa.AddPoint(c[i].y, c[i].x);
    return Math.abs(pa.Compute(false, true).area);
  }
}
