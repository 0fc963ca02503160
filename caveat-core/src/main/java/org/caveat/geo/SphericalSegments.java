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
 * exactly those of a full scan. Within a cell, edges are kept in order of their angle from the
 * cell centre c. A query at p bounds each edge's angle from below by that angle minus the angle
 * from p to c (the triangle inequality again, for this point rather than the whole cell), and stops
 * at the first edge whose bound exceeds the best angle found; both angles it compares are taken
 * from above by tangents (tan x ≥ x), so no trigonometric function is evaluated. Cells are coarse
 * on purpose: few are ever built, and ranking a few dozen edges costs less than building many fine
 * cells for scattered points. A cell is built from the candidates of the coarser cell holding it
 * (cells of 4°, then 1°, then {@value #CELL_DEGREES}°), not from every edge: only the 4° cells
 * scan them all, which kept the first thousands of queries of a run slow. The cells within
 * {@value #WINDOW_MARGIN_DEGREES}° of the geometry sit in a flat array ({@link CellGrid}).
 */
final class SphericalSegments {
  static final double CELL_DEGREES = 0.25;
  /**
   * Coarser cells whose candidates the finer cells inside them start from, coarsest first: a
   * cell's candidates can be nearest to some point of the cell, so they include every edge that
   * can be nearest to a point of a cell inside it, and that cell needs to rank only those rather
   * than scan every edge.
   */
  private static final double[] COARSER_DEGREES = {4, 1};
  /** Queries come mostly from near the geometry: the flat part of the cell grid covers this much around it. */
  static final double WINDOW_MARGIN_DEGREES = 10;
  private static final int MAX_WINDOW_CELLS = 1 << 19;

  /**
   * Per edge e, from {@code e · STRIDE}: in-plane vectors u = n×a and w = b×n, normal n, end
   * points a and b (x, y, z each). One edge's numbers sit side by side, so ranking an edge reads
   * two cache lines rather than one from each of fifteen arrays.
   */
  private final double[] edge;
  private static final int STRIDE = 16, U = 0, W = 3, N = 6, A = 9, B = 12;
  private final int edgeCount;
  private final CellGrid<Ranked> candidatesByCell;
  /** Per level of {@link #COARSER_DEGREES}, the candidates of its cells (built on first use, as the fine ones). */
  private final List<CellGrid<Ranked>> coarser = new ArrayList<>();
  /** Radians taken off every edge's angle from its cell's centre (see {@link #candidatesFor}). */
  private static final double BOUND_SLACK = 1e-6;
  private final int[] allEdges;
  /** Every edge, with no bound: the full scan. */
  private final Ranked everyEdge;

  SphericalSegments(Geometry geometry) {
    int n = 0;
    for (LineString ring : GeometryParts.linework(geometry)) {
      n += Math.max(0, ring.getNumPoints() - 1);
    }
    edge = new double[n * STRIDE];
    int i = 0;
    for (LineString line : GeometryParts.linework(geometry)) {
      Coordinate[] cs = line.getCoordinates();
      for (int k = 0; k + 1 < cs.length; k++) {
        double[] a = unit(cs[k].y, cs[k].x), b = unit(cs[k + 1].y, cs[k + 1].x);
        int o = i * STRIDE;
        System.arraycopy(a, 0, edge, o + A, 3);
        System.arraycopy(b, 0, edge, o + B, 3);
        double cx = a[1] * b[2] - a[2] * b[1], cy = a[2] * b[0] - a[0] * b[2], cz = a[0] * b[1] - a[1] * b[0];
        double len = Math.sqrt(cx * cx + cy * cy + cz * cz);
        if (len > 1e-15) { // degenerate edges keep a zero normal, u and w, and are measured by their end points
          double nx = cx / len, ny = cy / len, nz = cz / len;
          edge[o + N] = nx; edge[o + N + 1] = ny; edge[o + N + 2] = nz;
          edge[o + U] = ny * a[2] - nz * a[1]; edge[o + U + 1] = nz * a[0] - nx * a[2]; edge[o + U + 2] = nx * a[1] - ny * a[0];
          edge[o + W] = b[1] * nz - b[2] * ny; edge[o + W + 1] = b[2] * nx - b[0] * nz; edge[o + W + 2] = b[0] * ny - b[1] * nx;
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
    double[] unbounded = new double[edgeCount];
    java.util.Arrays.fill(unbounded, Double.NEGATIVE_INFINITY);
    everyEdge = new Ranked(allEdges, unbounded, 1, 0, 0);
    Envelope window = new Envelope(geometry.getEnvelopeInternal());
    window.expandBy(WINDOW_MARGIN_DEGREES);
    for (int level = 0; level < COARSER_DEGREES.length; level++) {
      coarser.add(grid(COARSER_DEGREES[level], window, level));
    }
    candidatesByCell = grid(CELL_DEGREES, window, COARSER_DEGREES.length);
  }

  /**
   * The cells of {@code size}° at {@code level}: the first level scans every edge, each later one
   * ranks the candidates of the cell of the level before that holds its south-west corner, which
   * holds the whole cell: every size divides the one before on the same origin, and corners are
   * exact multiples of powers of two.
   */
  private CellGrid<Ranked> grid(double size, Envelope window, int level) {
    return new CellGrid<>(size, window, MAX_WINDOW_CELLS, (row, col) -> {
      double south = row * size, west = col * size;
      int[] from = level == 0 ? allEdges
          : coarser.get(level - 1).at(south, west).edges();
      return candidatesFor(south, west, size, from);
    });
  }

  /** Geodesic distance in metres from the point to the nearest edge. */
  double distanceMetres(double lat, double lon) {
    return distanceMetres(lat, lon, candidates(lat, lon));
  }

  /** The same without the cell index: every edge is scanned (for tests of the index). */
  double distanceMetresFullScan(double lat, double lon) {
    return distanceMetres(lat, lon, everyEdge);
  }

  /**
   * The nearest of {@code edges}, taken in order of their lower bounds and stopping at the first
   * bound above the best gap so far. Among equal gaps the smallest edge index wins, as in a scan
   * of every edge in index order, so the result is the full scan's to the bit.
   */
  private double distanceMetres(double lat, double lon, Ranked cell) {
    NearestPoint n = new NearestPoint();
    nearest(lat, lon, cell, n);
    return inverse(n);
  }

  /** Fills {@code out} with the nearest point of the edges to (lat, lon) and the chord-method distance to it. */
  void nearest(double lat, double lon, NearestPoint out) {
    nearest(lat, lon, candidates(lat, lon), out);
    out.chordMetres = ChordGeodesic.metres(out.px, out.py, out.pz, out.qx, out.qy, out.qz);
  }

  private void nearest(double lat, double lon, Ranked cell, NearestPoint out) {
    double la = Math.toRadians(lat), lo = Math.toRadians(lon), cl = Math.cos(la);
    double px = cl * Math.cos(lo), py = cl * Math.sin(lo), pz = Math.sin(la);
    out.edges = this;
    out.lat = lat;
    out.lon = lon;
    out.px = px;
    out.py = py;
    out.pz = pz;
    nearestPoint(px, py, pz, nearestEdge(px, py, pz, cell), out);
    out.chordMetres = Double.NaN;
  }

  /**
   * {@link #distanceMetres} in km for a figure rounded to the metre: k / 1000 for the whole number
   * of metres k it rounds to when {@link ChordGeodesic} proves that without GeographicLib, else
   * the exact distance in km. The same nearest point is measured either way.
   */
  double distanceKmToTheMetre(double lat, double lon) {
    NearestPoint n = new NearestPoint();
    nearest(lat, lon, n);
    return distanceKmToTheMetre(n);
  }

  /** {@link #distanceKmToTheMetre(double, double)} from the nearest point already found. */
  static double distanceKmToTheMetre(NearestPoint n) {
    long metres = ChordGeodesic.roundedMetres(n.chordMetres);
    return metres != ChordGeodesic.UNDECIDED ? metres / 1000.0 : inverse(n) / 1000;
  }

  /** GeographicLib's distance in metres from the query point to the nearest point q read as geodetic coordinates. */
  private static double inverse(NearestPoint n) {
    double nLat = Math.toDegrees(Math.atan2(n.qz, Math.hypot(n.qx, n.qy)));
    double nLon = Math.toDegrees(Math.atan2(n.qy, n.qx));
    return Geodesic.WGS84.Inverse(n.lat, n.lon, nLat, nLon, GeodesicMask.DISTANCE).s12;
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
    double g = gap(px, py, pz, nearestEdge(px, py, pz, candidates(lat, lon)));
    return 2 * Math.asin(Math.sqrt(Math.max(0, g) / 2));
  }

  /**
   * The index of the nearest of the cell's edges, scanned in order of their angle from the cell
   * centre. An edge whose angle from the centre, less the slack, exceeds the best angle so far plus
   * the angle from p to the centre is strictly farther than the best (triangle inequality), as is
   * every edge after it: the scan stops there. Both angles are taken from above as
   * 2·tan(θ/2) ≥ θ, from the best gap g (2·√(g / (2 − g))) and from the chord x between p and the
   * centre (x / √(1 − x²/4)), so the stop can only come later than the exact angles allow.
   */
  private int nearestEdge(double px, double py, double pz, Ranked cell) {
    int[] edges = cell.edges;
    double[] lowerAngles = cell.lowerAngles;
    double dx = px - cell.cx, dy = py - cell.cy, dz = pz - cell.cz, chord2 = dx * dx + dy * dy + dz * dz;
    double toCentre = chord2 >= 4 ? Double.POSITIVE_INFINITY : Math.sqrt(chord2 / (1 - chord2 / 4));
    int best = -1;
    double bestGap = Double.POSITIVE_INFINITY, reach = Double.POSITIVE_INFINITY;
    for (int k = 0; k < edges.length && lowerAngles[k] <= reach; k++) {
      int e = edges[k];
      double g = gap(px, py, pz, e);
      if (g < bestGap || (g == bestGap && e < best)) {
        bestGap = g;
        best = e;
        reach = (g >= 2 ? Double.POSITIVE_INFINITY : 2 * Math.sqrt(Math.max(0, g) / (2 - g))) + toCentre;
      }
    }
    return best;
  }

  /** 1 − cos(angle) from p to edge e: monotone in the distance, without trigonometry. */
  private double gap(double px, double py, double pz, int e) {
    double[] v = edge;
    int o = e * STRIDE;
    if (onArc(px, py, pz, o)) {
      double d = px * v[o + N] + py * v[o + N + 1] + pz * v[o + N + 2];
      return 1 - Math.sqrt(Math.max(0, 1 - d * d));
    }
    double da = px * v[o + A] + py * v[o + A + 1] + pz * v[o + A + 2];
    double db = px * v[o + B] + py * v[o + B + 1] + pz * v[o + B + 2];
    return 1 - Math.max(da, db);
  }

  /**
   * Whether p projects onto the arc from offset o (p·u ≥ 0 and p·w ≥ 0); never for a degenerate
   * edge, whose u and w are zero and whose normal is zero too (so p·u = p·w = 0 would pass).
   */
  private boolean onArc(double px, double py, double pz, int o) {
    double[] v = edge;
    return px * v[o + U] + py * v[o + U + 1] + pz * v[o + U + 2] >= 0
        && px * v[o + W] + py * v[o + W + 1] + pz * v[o + W + 2] >= 0
        && (v[o + N] != 0 || v[o + N + 1] != 0 || v[o + N + 2] != 0);
  }

  /** Sets {@code out}'s q to the point of edge e nearest to p. */
  private void nearestPoint(double px, double py, double pz, int e, NearestPoint out) {
    double[] v = edge;
    int o = e * STRIDE;
    if (onArc(px, py, pz, o)) {
      double d = px * v[o + N] + py * v[o + N + 1] + pz * v[o + N + 2];
      double qx = px - d * v[o + N], qy = py - d * v[o + N + 1], qz = pz - d * v[o + N + 2];
      double len = Math.sqrt(qx * qx + qy * qy + qz * qz);
      if (len > 1e-15) {
        out.qx = qx / len;
        out.qy = qy / len;
        out.qz = qz / len;
        return;
      }
    }
    double da = px * v[o + A] + py * v[o + A + 1] + pz * v[o + A + 2];
    double db = px * v[o + B] + py * v[o + B + 1] + pz * v[o + B + 2];
    int end = o + (da >= db ? A : B);
    out.qx = v[end];
    out.qy = v[end + 1];
    out.qz = v[end + 2];
  }

  private double angle(double[] p, int e) {
    return Math.acos(Math.max(-1, Math.min(1, 1 - gap(p[0], p[1], p[2], e))));
  }

  private Ranked candidates(double lat, double lon) {
    return candidatesByCell.at(lat, lon);
  }

  /**
   * A cell's candidate edges in ascending order of their angle from the cell centre (cx, cy, cz),
   * less {@value #BOUND_SLACK} rad ({@code lowerAngles}, same order; ties by edge index).
   */
  private record Ranked(int[] edges, double[] lowerAngles, double cx, double cy, double cz) {}

  /**
   * The edges among {@code from} that can be nearest to some point of the cell, ranked. For a
   * point p, angle(p, e) ≥ angle(c, e) − angle(p, c) (triangle inequality, c the centre); each
   * angle from the centre is lowered by a further {@value #BOUND_SLACK} rad so that rounding in
   * acos, in the gap and in the bounds of {@link #nearestEdge} can never put a true bound above a
   * computed angle.
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
      if (d[k] <= limit) kept.add(new double[] {d[k] - BOUND_SLACK, from[k]});
    }
    kept.sort(Comparator.comparingDouble((double[] x) -> x[0]).thenComparingDouble(x -> x[1]));
    int[] edges = new int[kept.size()];
    double[] lowerAngles = new double[kept.size()];
    for (int k = 0; k < edges.length; k++) {
      lowerAngles[k] = kept.get(k)[0];
      edges[k] = (int) kept.get(k)[1];
    }
    return new Ranked(edges, lowerAngles, c[0], c[1], c[2]);
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
