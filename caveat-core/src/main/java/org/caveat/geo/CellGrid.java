package org.caveat.geo;

import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;

/**
 * A value per cell of a regular longitude/latitude grid, computed on first use and kept.
 *
 * <p>Cells inside a fixed window (the area the owner is queried about most) live in a flat array
 * indexed by row and column: a lookup is two floors and one array read, with no boxed key and no
 * hashing. Cells outside the window, rarely asked about, fall back to a bounded map. Values must
 * be immutable and a function of the cell only: two threads that compute the same cell at once
 * store equal values, so no lock is needed.
 *
 * <p>Values must also keep their state in final fields (records do), arrays they hold included,
 * filled before the constructor returns: then a plain store and a plain racy read are enough for
 * a reader to see the value fully built (JLS §17.5, final-field semantics), without the acquire
 * and release accesses of a {@code VarHandle}, which the client compiler that {@code check} runs
 * with does not reduce to plain loads. {@code CellGridTest} checks every value type stored here.
 */
final class CellGrid<T> {
  /** Computes the value of the cell whose south-west corner is at (row, col) × cell size. */
  interface CellValue<T> {
    T compute(long row, long col);
  }

  private static final int MAX_OUTSIDE = 500_000;
  private final double cellDegrees;
  private final long firstRow, firstCol;
  private final int rows, cols;
  private final Object[] inside;
  private final ConcurrentHashMap<Long, T> outside = new ConcurrentHashMap<>();
  private final CellValue<T> value;

  /**
   * A grid whose flat part covers {@code window} (clamped to the globe), or nothing when that
   * would take more than {@code maxCells} cells.
   */
  CellGrid(double cellDegrees, Envelope window, int maxCells, CellValue<T> value) {
    this.cellDegrees = cellDegrees;
    this.value = value;
    long south = (long) Math.floor(Math.max(-90, window.getMinY()) / cellDegrees);
    long north = (long) Math.floor(Math.min(90, window.getMaxY()) / cellDegrees);
    long west = (long) Math.floor(Math.max(-180, window.getMinX()) / cellDegrees);
    long east = (long) Math.floor(Math.min(180, window.getMaxX()) / cellDegrees);
    long r = north - south + 1, c = east - west + 1;
    boolean fits = !window.isNull() && r > 0 && c > 0 && r * c <= maxCells;
    this.firstRow = south;
    this.firstCol = west;
    this.rows = fits ? (int) r : 0;
    this.cols = fits ? (int) c : 0;
    this.inside = new Object[rows * cols];
  }

  /** The value of the cell holding the point, computed now if this is the cell's first query. */
  @SuppressWarnings("unchecked")
  T at(double lat, double lon) {
    long row = floor(lat / cellDegrees), col = floor(lon / cellDegrees);
    long r = row - firstRow, c = col - firstCol;
    if (r >= 0 && r < rows && c >= 0 && c < cols) {
      int i = (int) r * cols + (int) c;
      T v = (T) inside[i];
      if (v == null) {
        v = value.compute(row, col);
        inside[i] = v;
      }
      return v;
    }
    Long key = cellKey(row, col);
    T v = outside.get(key);
    if (v == null) {
      v = value.compute(row, col);
      if (outside.size() >= MAX_OUTSIDE) outside.clear();
      outside.put(key, v);
    }
    return v;
  }

  /**
   * ⌊x⌋ for finite x within ±2⁶³: the truncation, one less for a negative fraction. Exact like
   * {@code Math.floor}, which the client compiler does not intrinsify (it calls {@code StrictMath}).
   */
  static long floor(double x) {
    long t = (long) x;
    return x < t ? t - 1 : t;
  }

  /**
   * A cell key whose hash spreads: Long.hashCode folds the high word onto the low one, so a key
   * of (row << 32 | col) would collide for neighbouring cells.
   */
  static long cellKey(long row, long col) {
    return row * 1_000_003L + col;
  }
}
