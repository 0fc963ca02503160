package org.caveat.geo;

import java.util.concurrent.ConcurrentHashMap;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * The edges of a line or polygon boundary, prepared for repeated point-to-edge distance queries.
 *
 * <p>Algorithm (the one PostGIS uses for {@code ST_Distance(geography, geography)}): edges are
 * great-circle arcs between vertices taken as spherical coordinates; the nearest edge and the
 * nearest point on it are found on the unit sphere (projection of the query vector onto the arc's
 * plane, clamped to the arc's end points); the reported distance is the geodesic distance on the
 * WGS84 ellipsoid from the query point to that nearest point (GeographicLib's inverse solution).
 *
 * <p>Acceleration: the plane is cut into cells of {@value #CELL_DEGREES} degrees. The first query
 * in a cell computes, by a full scan, the edges that can be nearest to any point of the cell
 * (triangle inequality on the sphere: an edge whose distance from the cell centre exceeds the
 * best distance from the centre plus twice the cell radius can never be nearest). Later queries
 * in the cell scan only those candidates, so results are exactly those of a full scan.
 */
final class SphericalSegments {
  static final double CELL_DEGREES = 0.25;
  private static final int MAX_CACHED_CELLS = 200_000;

  /** Unit vectors of edge end points: edge i runs from (ax,ay,az)[i] to (bx,by,bz)[i]. */
  private final double[] ax, ay, az, bx, by, bz;
  private final int edgeCount;
  private final ConcurrentHashMap<Long, int[]> candidatesByCell = new ConcurrentHashMap<>();

  SphericalSegments(Geometry geometry) {
    int n = 0;
    for (LineString ring : GeometryParts.linework(geometry)) {
      n += Math.max(0, ring.getNumPoints() - 1);
    }
    ax = new double[n]; ay = new double[n]; az = new double[n];
    bx = new double[n]; by = new double[n]; bz = new double[n];
    int i = 0;
    for (LineString line : GeometryParts.linework(geometry)) {
      Coordinate[] cs = line.getCoordinates();
      for (int k = 0; k + 1 < cs.length; k++) {
        double[] a = unit(cs[k].y, cs[k].x);
        double[] b = unit(cs[k + 1].y, cs[k + 1].x);
        ax[i] = a[0]; ay[i] = a[1]; az[i] = a[2];
        bx[i] = b[0]; by[i] = b[1]; bz[i] = b[2];
        i++;
      }
    }
    edgeCount = i;
    if (edgeCount == 0) {
      throw new IllegalArgumentException("geometry has no edges to measure distance to");
    }
  }

  int edgeCount() {
    return edgeCount;
  }

  /** Geodesic distance in metres from the point to the nearest edge. */
  double distanceMetres(double lat, double lon) {
    double[] p = unit(lat, lon);
    int[] candidates = candidates(lat, lon);
    double best = Double.POSITIVE_INFINITY;
    double nx = 0, ny = 0, nz = 0;
    double[] nearest = new double[3];
    for (int e : candidates) {
      double d = arcDistance(p, e, nearest);
      if (d < best) {
        best = d;
        nx = nearest[0]; ny = nearest[1]; nz = nearest[2];
      }
    }
    double nLat = Math.toDegrees(Math.atan2(nz, Math.hypot(nx, ny)));
    double nLon = Math.toDegrees(Math.atan2(ny, nx));
    return Geodesic.WGS84.Inverse(lat, lon, nLat, nLon, GeodesicMask.DISTANCE).s12;
  }

  private int[] candidates(double lat, double lon) {
    long row = (long) Math.floor(lat / CELL_DEGREES);
    long col = (long) Math.floor(lon / CELL_DEGREES);
    long key = (row << 32) ^ (col & 0xffffffffL);
    int[] cached = candidatesByCell.get(key);
    if (cached != null) {
      return cached;
    }
    int[] computed = computeCandidates(row, col);
    if (candidatesByCell.size() >= MAX_CACHED_CELLS) {
      candidatesByCell.clear();
    }
    candidatesByCell.put(key, computed);
    return computed;
  }

  private int[] computeCandidates(long row, long col) {
    double south = row * CELL_DEGREES, west = col * CELL_DEGREES;
    double cLat = clampLat(south + CELL_DEGREES / 2), cLon = west + CELL_DEGREES / 2;
    double[] c = unit(cLat, cLon);
    double radius = 0;
    for (int i = 0; i <= 2; i++) {
      for (int j = 0; j <= 2; j++) {
        double[] q = unit(clampLat(south + i * CELL_DEGREES / 2), west + j * CELL_DEGREES / 2);
        radius = Math.max(radius, angle(c, q));
      }
    }
    radius = radius * 1.01 + 1e-9;
    double[] scratch = new double[3];
    double[] d = new double[edgeCount];
    double best = Double.POSITIVE_INFINITY;
    for (int e = 0; e < edgeCount; e++) {
      d[e] = arcDistance(c, e, scratch);
      best = Math.min(best, d[e]);
    }
    double limit = best + 2 * radius;
    int count = 0;
    for (int e = 0; e < edgeCount; e++) {
      if (d[e] <= limit) count++;
    }
    int[] out = new int[count];
    int k = 0;
    for (int e = 0; e < edgeCount; e++) {
      if (d[e] <= limit) out[k++] = e;
    }
    return out;
  }

  /** Angular distance (radians) from unit vector p to edge e; writes the nearest point. */
  private double arcDistance(double[] p, int e, double[] nearest) {
    double nx = ay[e] * bz[e] - az[e] * by[e];
    double ny = az[e] * bx[e] - ax[e] * bz[e];
    double nz = ax[e] * by[e] - ay[e] * bx[e];
    double nn = Math.sqrt(nx * nx + ny * ny + nz * nz);
    if (nn > 1e-15) {
      nx /= nn; ny /= nn; nz /= nn;
      double dot = p[0] * nx + p[1] * ny + p[2] * nz;
      double qx = p[0] - dot * nx, qy = p[1] - dot * ny, qz = p[2] - dot * nz;
      double qn = Math.sqrt(qx * qx + qy * qy + qz * qz);
      if (qn > 1e-15) {
        qx /= qn; qy /= qn; qz /= qn;
        // q lies on the arc when it is between a and b as seen along the normal.
        double s1 = (ay[e] * qz - az[e] * qy) * nx + (az[e] * qx - ax[e] * qz) * ny + (ax[e] * qy - ay[e] * qx) * nz;
        double s2 = (qy * bz[e] - qz * by[e]) * nx + (qz * bx[e] - qx * bz[e]) * ny + (qx * by[e] - qy * bx[e]) * nz;
        if (s1 >= 0 && s2 >= 0) {
          nearest[0] = qx; nearest[1] = qy; nearest[2] = qz;
          return angle(p, nearest);
        }
      }
    }
    double da = angle(p, ax[e], ay[e], az[e]);
    double db = angle(p, bx[e], by[e], bz[e]);
    if (da <= db) {
      nearest[0] = ax[e]; nearest[1] = ay[e]; nearest[2] = az[e];
      return da;
    }
    nearest[0] = bx[e]; nearest[1] = by[e]; nearest[2] = bz[e];
    return db;
  }

  private static double angle(double[] p, double[] q) {
    return angle(p, q[0], q[1], q[2]);
  }

  /** Numerically stable angle between unit vectors: atan2(|p×q|, p·q). */
  private static double angle(double[] p, double qx, double qy, double qz) {
    double cx = p[1] * qz - p[2] * qy, cy = p[2] * qx - p[0] * qz, cz = p[0] * qy - p[1] * qx;
    return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), p[0] * qx + p[1] * qy + p[2] * qz);
  }

  static double[] unit(double latDeg, double lonDeg) {
    double lat = Math.toRadians(latDeg), lon = Math.toRadians(lonDeg);
    double cl = Math.cos(lat);
    return new double[] {cl * Math.cos(lon), cl * Math.sin(lon), Math.sin(lat)};
  }

  private static double clampLat(double lat) {
    return Math.max(-90, Math.min(90, lat));
  }
}
