package org.caveat.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.util.LinearComponentExtracter;

/**
 * Point-in-area test that includes the boundary, prepared once and read-only afterwards.
 *
 * <p>Same answer as JTS's {@code IndexedPointInAreaLocator}: JTS's {@link RayCrossingCounter}
 * counts the crossings of the ring edges whose latitude range holds the point. Only the edge
 * index differs. JTS 1.20 keeps its edges in an interval tree whose every query enters a
 * {@code synchronized} initialiser (so threads contend on one lock per test) and visits many
 * tree nodes per edge found. Here the envelope is cut into horizontal bands of equal height and
 * each band lists the edges whose latitude range meets it: a query reads one band. Extra edges in
 * a band cannot change the count (the counter ignores edges not spanning the point's latitude),
 * and an edge spanning the latitude is always in the point's band because the band of a latitude
 * is monotone in it. {@code AreaLocatorProperties} compares both on generated points.
 */
final class AreaLocator {
  /** A band lists this many edges on average when the ring is evenly spread. */
  private static final int EDGES_PER_BAND = 4;
  /** Long edges are listed in every band they cross; cap the index at this many entries per edge. */
  private static final int MAX_ENTRIES_PER_EDGE = 8;

  private final Envelope envelope;
  private final Coordinate[] from, to;
  private final double minY, bandsPerDegree;
  private final int lastBand;
  /** Edges of band b are {@code edges[bandStart[b] .. bandStart[b + 1])}. */
  private final int[] bandStart, edges;
  /**
   * Per band entry, the edge's latitude range and largest longitude, side by side in flat arrays:
   * edges the counter would ignore (entirely west of the point, or not spanning its latitude)
   * are skipped without reading their coordinates.
   */
  private final double[] entryLow, entryHigh, entryEast;

  AreaLocator(Geometry area) {
    if (area.getDimension() != 2) {
      throw new IllegalArgumentException("not an area: " + area.getGeometryType());
    }
    this.envelope = area.getEnvelopeInternal();
    List<Coordinate> a = new ArrayList<>(), b = new ArrayList<>();
    for (Object o : LinearComponentExtracter.getLines(area)) {
      LineString ring = (LineString) o;
      if (!ring.isClosed()) continue; // as JTS's locator: only closed rings bound an area
      Coordinate[] cs = ring.getCoordinates();
      for (int i = 1; i < cs.length; i++) {
        a.add(cs[i - 1]);
        b.add(cs[i]);
      }
    }
    this.from = a.toArray(new Coordinate[0]);
    this.to = b.toArray(new Coordinate[0]);
    this.minY = envelope.getMinY();
    int bands = Math.max(1, from.length / EDGES_PER_BAND);
    while (bands > 1 && entries(bands) > (long) MAX_ENTRIES_PER_EDGE * from.length) {
      bands /= 2;
    }
    this.bandsPerDegree = envelope.getHeight() > 0 ? bands / envelope.getHeight() : 0;
    this.lastBand = bands - 1;
    this.bandStart = new int[bands + 1];
    for (int e = 0; e < from.length; e++) {
      for (int band = band(lowY(e)); band <= band(highY(e)); band++) bandStart[band + 1]++;
    }
    for (int band = 0; band < bands; band++) bandStart[band + 1] += bandStart[band];
    this.edges = new int[bandStart[bands]];
    int[] fill = bandStart.clone();
    for (int e = 0; e < from.length; e++) {
      for (int band = band(lowY(e)); band <= band(highY(e)); band++) edges[fill[band]++] = e;
    }
    this.entryLow = new double[edges.length];
    this.entryHigh = new double[edges.length];
    this.entryEast = new double[edges.length];
    for (int i = 0; i < edges.length; i++) {
      entryLow[i] = lowY(edges[i]);
      entryHigh[i] = highY(edges[i]);
      entryEast[i] = Math.max(from[edges[i]].x, to[edges[i]].x);
    }
  }

  /** How many entries an index with this many bands would hold (before it is built). */
  private long entries(int bands) {
    double perDegree = bands / envelope.getHeight();
    long total = 0;
    for (int e = 0; e < from.length; e++) {
      total += band(highY(e), perDegree, bands - 1) - band(lowY(e), perDegree, bands - 1) + 1;
    }
    return total;
  }

  private double lowY(int e) {
    return Math.min(from[e].y, to[e].y);
  }

  private double highY(int e) {
    return Math.max(from[e].y, to[e].y);
  }

  private int band(double y) {
    return band(y, bandsPerDegree, lastBand);
  }

  private int band(double y, double perDegree, int last) {
    double offset = (y - minY) * perDegree;
    return offset <= 0 ? 0 : offset >= last ? last : (int) offset;
  }

  boolean covers(double lat, double lon) {
    return locate(lat, lon) != Location.EXTERIOR;
  }

  /** JTS's {@link Location} of the point: interior, boundary or exterior (one scan of its band). */
  int locate(double lat, double lon) {
    if (!envelope.covers(lon, lat)) {
      return Location.EXTERIOR;
    }
    RayCrossingCounter counter = new RayCrossingCounter(new Coordinate(lon, lat));
    int band = band(lat);
    for (int i = bandStart[band], end = bandStart[band + 1]; i < end; i++) {
      if (entryEast[i] < lon || entryLow[i] > lat || entryHigh[i] < lat) continue;
      int e = edges[i];
      counter.countSegment(from[e], to[e]);
    }
    return counter.getLocation();
  }
}
