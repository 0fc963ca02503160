package org.caveat.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * The edges of a line or polygon boundary, prepared for repeated point-to-edge distance queries.
 *
 * <p>Algorithm (the one PostGIS uses for {@code ST_Distance(geography, geography)}): edges are
 * great-circle arcs between vertices taken as spherical coordinates; the nearest edge and the
 * nearest point on it are found on the unit sphere; the reported distance is the geodesic
 * distance on the WGS84 ellipsoid from the query point to that nearest point (GeographicLib's
 * inverse solution).
 *
 * <p>Per edge, the arc's unit normal n and the in-plane vectors u = n×a and w = b×n are
 * precomputed: the projection of p onto the arc's great circle lies on the arc iff p·u ≥ 0 and
 * p·w ≥ 0, and then 1 − cos(distance) = 1 − √(1 − (p·n)²); otherwise the nearer end point
 * decides. Ranking edges therefore needs no trigonometry.
 *
 * <p>Acceleration: the plane is cut into cells of {@value #CELL_DEGREES}°. The first query in a
 * cell finds, by one full scan, the edges that can be nearest to any point of the cell (triangle
 * inequality on the sphere: an edge farther from the cell centre than the best distance plus
 * twice the cell radius can never be nearest); later queries rank only those, so results are
 * exactly those of a full scan. Within a cell, edges are kept in order of a lower bound on their
 * distance from any point of the cell, so a query stops as soon as the next bound exceeds the best
 * edge found (usually after a handful). Cells are coarse on purpose: few are ever built, and ranking a
 * few dozen edges costs less than building many fine cells for scattered points. The cells within
 * {@value #WINDOW_MARGIN_DEGREES}° of the geometry sit in a flat array ({@link CellGrid}).
 */
final class SphericalSegments {
  static final double CELL_DEGREES = 0.25;
  /** Queries come mostly from near the geometry: the flat part of the cell grid covers this much around it. */
  static final double WINDOW_MARGIN_DEGREES = 10;
  private static final int MAX_WINDOW_CELLS = 1 << 19;

  /** Per edge: end points a, b; normal n; in-plane vectors u = n×a, w = b×n. */
  private final double[] ax, ay, az, bx, by, bz, nx, ny, nz, ux, uy, uz, wx, wy, wz;
  private final int edgeCount;
  private final CellGrid<Ranked> candidatesByCell;
  /** Radians taken off every lower bound on top of the cell radius (see {@link #candidatesFor}). */
  private static final double BOUND_SLACK = 1e-6;
  private final int[] allEdges;

  SphericalSegments(Geometry geometry) {
    int n = 0;
    for (LineString ring : GeometryParts.linework(geometry)) {
      n += Math.max(0, ring.getNumPoints() - 1);
    }
    ax = new double[n]; ay = new double[n]; az = new double[n];
    bx = new double[n]; by = new double[n]; bz = new double[n];
    nx = new double[n]; ny = new double[n]; nz = new double[n];
    ux = new double[n]; uy = new double[n]; uz = new double[n];
    wx = new double[n]; wy = new double[n]; wz = new double[n];
    int i = 0;
    for (LineString line : GeometryParts.linework(geometry)) {
      Coordinate[] cs = line.getCoordinates();
      for (int k = 0; k + 1 < cs.length; k++) {
        double[] a = unit(cs[k].y, cs[k].x), b = unit(cs[k + 1].y, cs[k + 1].x);
        ax[i] = a[0]; ay[i] = a[1]; az[i] = a[2];
        bx[i] = b[0]; by[i] = b[1]; bz[i] = b[2];
        double cx = a[1] * b[2] - a[2] * b[1], cy = a[2] * b[0] - a[0] * b[2], cz = a[0] * b[1] - a[1] * b[0];
        double len = Math.sqrt(cx * cx + cy * cy + cz * cz);
        if (len > 1e-15) { // degenerate edges keep a zero normal and are measured by their end points
          nx[i] = cx / len; ny[i] = cy / len; nz[i] = cz / len;
          ux[i] = ny[i] * a[2] - nz[i] * a[1]; uy[i] = nz[i] * a[0] - nx[i] * a[2]; uz[i] = nx[i] * a[1] - ny[i] * a[0];
          wx[i] = b[1] * nz[i] - b[2] * ny[i]; wy[i] = b[2] * nx[i] - b[0] * nz[i]; wz[i] = b[0] * ny[i] - b[1] * nx[i];
        }
        i++;
      }
    }
    edgeCount = i;
    if (edgeCount == 0) {
      throw new IllegalArgumentException("geometry has no edges to measure distance to");
    }
    allEdges = new int[edgeCount];
    for (int e = 0; e < edgeCount; e++) allEdges[e] = e;
    Envelope window = new Envelope(geometry.getEnvelopeInternal());
    window.expandBy(WINDOW_MARGIN_DEGREES);
    candidatesByCell = new CellGrid<>(CELL_DEGREES, window, MAX_WINDOW_CELLS,
        (row, col) -> candidatesFor(row * CELL_DEGREES, col * CELL_DEGREES, CELL_DEGREES, allEdges));
  }

  /** Geodesic distance in metres from the point to the nearest edge. */
  double distanceMetres(double lat, double lon) {
    Ranked cell = candidates(lat, lon);
    return distanceMetres(lat, lon, cell.edges, cell.lowerGaps);
  }

  /** The same without the cell index: every edge is scanned (for tests of the index). */
  double distanceMetresFullScan(double lat, double lon) {
    return distanceMetres(lat, lon, allEdges, new double[edgeCount]);
  }

  /**
   * The nearest of {@code edges}, taken in order of their lower bounds and stopping at the first
   * bound above the best gap so far. Among equal gaps the smallest edge index wins, as in a scan
   * of every edge in index order, so the result is the full scan's to the bit.
   */
  private double distanceMetres(double lat, double lon, int[] edges, double[] lowerGaps) {
    double la = Math.toRadians(lat), lo = Math.toRadians(lon), cl = Math.cos(la);
    double px = cl * Math.cos(lo), py = cl * Math.sin(lo), pz = Math.sin(la);
    int best = nearestEdge(px, py, pz, edges, lowerGaps);
    return inverse(lat, lon, nearestPoint(px, py, pz, best));
  }

  /**
   * {@link #distanceMetres} in km for a figure rounded to the metre: k / 1000 for the whole number
   * of metres k it rounds to when {@link ChordGeodesic} proves that without GeographicLib, else
   * the exact distance in km. The same nearest point is measured either way.
   */
  double distanceKmToTheMetre(double lat, double lon) {
    double la = Math.toRadians(lat), lo = Math.toRadians(lon), cl = Math.cos(la);
    double px = cl * Math.cos(lo), py = cl * Math.sin(lo), pz = Math.sin(la);
    Ranked cell = candidates(lat, lon);
    double[] q = nearestPoint(px, py, pz, nearestEdge(px, py, pz, cell.edges, cell.lowerGaps));
    long metres = ChordGeodesic.roundedMetres(px, py, pz, q[0], q[1], q[2]);
    return metres != ChordGeodesic.UNDECIDED ? metres / 1000.0 : inverse(lat, lon, q) / 1000;
  }

  /** GeographicLib's distance in metres from the point to the unit vector q read as geodetic coordinates. */
  private static double inverse(double lat, double lon, double[] q) {
    double nLat = Math.toDegrees(Math.atan2(q[2], Math.hypot(q[0], q[1])));
    double nLon = Math.toDegrees(Math.atan2(q[1], q[0]));
    return Geodesic.WGS84.Inverse(lat, lon, nLat, nLon, GeodesicMask.DISTANCE).s12;
  }

  /**
   * The spherical angle in radians from the point (its geodetic latitude and longitude read as
   * spherical coordinates, as in {@link #distanceMetres}) to the nearest edge: the distance on the
   * unit sphere whose nearest point {@link #distanceMetres} measures on the ellipsoid. From
   * 1 − cos θ = 2 sin²(θ/2), which keeps small angles accurate. {@link SeaModel} bounds the
   * geodesic distance by it.
   */
  double angle(double lat, double lon) {
    double la = Math.toRadians(lat), lo = Math.toRadians(lon), cl = Math.cos(la);
    double px = cl * Math.cos(lo), py = cl * Math.sin(lo), pz = Math.sin(la);
    Ranked cell = candidates(lat, lon);
    double g = gap(px, py, pz, nearestEdge(px, py, pz, cell.edges, cell.lowerGaps));
    return 2 * Math.asin(Math.sqrt(Math.max(0, g) / 2));
  }

  /** The index of the nearest of {@code edges}, scanned in order of their lower bounds (see above). */
  private int nearestEdge(double px, double py, double pz, int[] edges, double[] lowerGaps) {
    int best = -1;
    double bestGap = Double.POSITIVE_INFINITY;
    for (int k = 0; k < edges.length && lowerGaps[k] <= bestGap; k++) {
      int e = edges[k];
      double g = gap(px, py, pz, e);
      if (g < bestGap || (g == bestGap && e < best)) {
        bestGap = g;
        best = e;
      }
    }
    return best;
  }

  /** 1 − cos(angle) from p to edge e: monotone in the distance, without trigonometry. */
  private double gap(double px, double py, double pz, int e) {
    if (px * ux[e] + py * uy[e] + pz * uz[e] >= 0 && px * wx[e] + py * wy[e] + pz * wz[e] >= 0
        && (nx[e] != 0 || ny[e] != 0 || nz[e] != 0)) {
      double d = px * nx[e] + py * ny[e] + pz * nz[e];
      return 1 - Math.sqrt(Math.max(0, 1 - d * d));
    }
    double da = px * ax[e] + py * ay[e] + pz * az[e], db = px * bx[e] + py * by[e] + pz * bz[e];
    return 1 - Math.max(da, db);
  }

  private double[] nearestPoint(double px, double py, double pz, int e) {
    if (px * ux[e] + py * uy[e] + pz * uz[e] >= 0 && px * wx[e] + py * wy[e] + pz * wz[e] >= 0
        && (nx[e] != 0 || ny[e] != 0 || nz[e] != 0)) {
      double d = px * nx[e] + py * ny[e] + pz * nz[e];
      double qx = px - d * nx[e], qy = py - d * ny[e], qz = pz - d * nz[e];
      double len = Math.sqrt(qx * qx + qy * qy + qz * qz);
      if (len > 1e-15) return new double[] {qx / len, qy / len, qz / len};
    }
    double da = px * ax[e] + py * ay[e] + pz * az[e], db = px * bx[e] + py * by[e] + pz * bz[e];
    return da >= db ? new double[] {ax[e], ay[e], az[e]} : new double[] {bx[e], by[e], bz[e]};
  }

  private double angle(double[] p, int e) {
    return Math.acos(Math.max(-1, Math.min(1, 1 - gap(p[0], p[1], p[2], e))));
  }

  private Ranked candidates(double lat, double lon) {
    return candidatesByCell.at(lat, lon);
  }

  /**
   * A cell's candidate edges in ascending order of a lower bound on their gap from any point of
   * the cell ({@code lowerGaps}, same order).
   */
  private record Ranked(int[] edges, double[] lowerGaps) {}

  /**
   * The edges among {@code from} that can be nearest to some point of the cell, ranked. For a
   * point p of the cell, angle(p, e) ≥ angle(c, e) − radius (triangle inequality, c the centre);
   * the bound is lowered by a further {@value #BOUND_SLACK} rad so that rounding in acos and in
   * the gap can never put a true bound above a computed gap.
   */
  private Ranked candidatesFor(double south, double west, double size, int[] from) {
    double[] c = unit(clampLat(south + size / 2), west + size / 2);
    double radius = 0;
    for (int i = 0; i <= 2; i++) {
      for (int j = 0; j <= 2; j++) {
        double[] q = unit(clampLat(south + i * size / 2), west + j * size / 2);
        radius = Math.max(radius, Math.acos(Math.max(-1, Math.min(1, c[0] * q[0] + c[1] * q[1] + c[2] * q[2]))));
      }
    }
    // acos near 1 loses precision; a generous margin keeps the candidate set a superset.
    radius = radius * 1.01 + 1e-7;
    double[] d = new double[from.length];
    double best = Double.POSITIVE_INFINITY;
    for (int k = 0; k < from.length; k++) {
      d[k] = angle(c, from[k]);
      best = Math.min(best, d[k]);
    }
    double limit = best + 2 * radius + 1e-7;
    List<double[]> kept = new ArrayList<>();
    for (int k = 0; k < from.length; k++) {
      if (d[k] <= limit) kept.add(new double[] {1 - Math.cos(Math.max(0, d[k] - radius - BOUND_SLACK)), from[k]});
    }
    kept.sort(Comparator.comparingDouble((double[] x) -> x[0]).thenComparingDouble(x -> x[1]));
    int[] edges = new int[kept.size()];
    double[] lowerGaps = new double[kept.size()];
    for (int k = 0; k < edges.length; k++) {
      lowerGaps[k] = kept.get(k)[0];
      edges[k] = (int) kept.get(k)[1];
    }
    return new Ranked(edges, lowerGaps);
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
