package org.caveat.geo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;

/**
 * A value per cell of a regular longitude/latitude grid, computed on first use and kept.
 *
 * <p>Cells inside a fixed window (the area the owner is queried about most) live in a flat array
 * indexed by row and column: a lookup is two floors and one array read, with no boxed key and no
 * hashing. Cells outside the window, rarely asked about, fall back to a bounded map. Values must
 * be immutable and a function of the cell only: two threads that compute the same cell at once
 * store equal values, so no lock is needed. A value is stored with release and read with acquire
 * semantics, so a reader sees it fully built.
 */
final class CellGrid<T> {
  /** Computes the value of the cell whose south-west corner is at (row, col) × cell size. */
  interface CellValue<T> {
    T compute(long row, long col);
  }

  private static final int MAX_OUTSIDE = 500_000;
  private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(Object[].class);
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
    long row = (long) Math.floor(lat / cellDegrees), col = (long) Math.floor(lon / cellDegrees);
    long r = row - firstRow, c = col - firstCol;
    if (r >= 0 && r < rows && c >= 0 && c < cols) {
      int i = (int) r * cols + (int) c;
      T v = (T) CELLS.getAcquire(inside, i);
      if (v == null) {
        v = value.compute(row, col);
        CELLS.setRelease(inside, i, v);
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
   * A cell key whose hash spreads: Long.hashCode folds the high word onto the low one, so a key
   * of (row << 32 | col) would collide for neighbouring cells.
   */
  static long cellKey(long row, long col) {
    return row * 1_000_003L + col;
  }
}
