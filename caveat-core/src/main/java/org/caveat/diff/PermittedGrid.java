package org.caveat.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.caveat.decide.Decision;
import org.caveat.decide.Outcome;
import org.caveat.geo.ReferenceGeography;
import org.caveat.model.Request;
import org.caveat.program.EvalContext;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The verdict of one version on a probe use moved to the centre of every cell of a
 * {@link PermittedArea.Window} inside one country: per cell a {@link Status} (forbidden and
 * not-permitted told apart), with the geodesic area of each status and its cells as a geometry.
 * Rows are decided in parallel; every figure is then summed in row-major order, so results do not
 * depend on the number of threads.
 */
public final class PermittedGrid {
  /** What one version says about the probe in a cell. */
  public enum Status {
    PERMITTED, FORBIDDEN, NOT_PERMITTED, INDETERMINATE, NOT_APPLICABLE;

    public String label() {
      return name().toLowerCase();
    }
  }

  private static final byte OUTSIDE = -1;
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final PermittedArea.Window window;
  private final String country;
  private final int rows, cols;
  /** Row-major statuses, {@link #OUTSIDE} for cells whose centre is not in the country. */
  private final byte[] cells;

  private PermittedGrid(PermittedArea.Window w, String country, int rows, int cols, byte[] cells) {
    this.window = w;
    this.country = country;
    this.rows = rows;
    this.cols = cols;
    this.cells = cells;
  }

  public static PermittedGrid of(FlipList.Side side, boolean checkScope, Request probe, String country,
      PermittedArea.Window w, ReferenceGeography geo) {
    int rows = (int) Math.round((w.maxLat() - w.minLat()) / w.step());
    int cols = (int) Math.round((w.maxLon() - w.minLon()) / w.step());
    byte[] cells = new byte[rows * cols];
    IntStream.range(0, rows).parallel().forEach(i -> {
      EvalContext ctx = new EvalContext(geo);
      double lat = w.minLat() + i * w.step() + w.step() / 2;
      for (int j = 0; j < cols; j++) {
        double lon = w.minLon() + (j + 0.5) * w.step();
        cells[i * cols + j] = country.equals(geo.country(lat, lon))
            ? (byte) status(FlipList.decide(side, checkScope, PermittedArea.at(probe, lat, lon), ctx)).ordinal()
            : OUTSIDE;
      }
    });
    return new PermittedGrid(w, country, rows, cols, cells);
  }

  static Status status(Decision d) {
    if (d.outcome() == Outcome.NOT_APPLICABLE) return Status.NOT_APPLICABLE;
    return switch (d.grants().get(0).basis()) {
      case PERMITTED -> Status.PERMITTED;
      case FORBIDDEN -> Status.FORBIDDEN;
      case NOT_PERMITTED -> Status.NOT_PERMITTED;
      case MISSING_ATTRIBUTES, NO_VERSION_IN_FORCE -> Status.INDETERMINATE;
    };
  }

  public PermittedArea.Window window() {
    return window;
  }

  public String country() {
    return country;
  }

  int rows() {
    return rows;
  }

  int cols() {
    return cols;
  }

  /** The status of cell (row, col), or null outside the country. */
  public Status at(int row, int col) {
    byte b = cells[row * cols + col];
    return b == OUTSIDE ? null : Status.values()[b];
  }

  /** Geodesic km² of the cells with this status (all cells in the country when null). */
  public double km2(Status s) {
    double sum = 0;
    for (int i = 0; i < rows; i++) {
      double south = window.minLat() + i * window.step();
      double cell = PermittedArea.cellKm2(south, south + window.step(), window.step());
      for (int j = 0; j < cols; j++) {
        byte b = cells[i * cols + j];
        if (b != OUTSIDE && (s == null || b == s.ordinal())) sum += cell;
      }
    }
    return sum;
  }

  /** The cells with this status as one (multi)polygon in longitude/latitude; empty when none. */
  public Geometry geometry(Status s) {
    return cellsWhere(window, rows, cols, k -> cells[k] == s.ordinal());
  }

  /**
   * The union of the cells whose row-major index passes {@code in}: each row's runs of cells become
   * rectangles, unioned by JTS ({@link UnaryUnionOp}).
   */
  static Geometry cellsWhere(PermittedArea.Window w, int rows, int cols, IntPredicate in) {
    List<Geometry> boxes = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      double south = w.minLat() + i * w.step();
      int j = 0;
      while (j < cols) {
        if (!in.test(i * cols + j)) {
          j++;
          continue;
        }
        int start = j;
        while (j < cols && in.test(i * cols + j)) j++;
        boxes.add(FACTORY.toGeometry(new Envelope(w.minLon() + start * w.step(), w.minLon() + j * w.step(),
            south, south + w.step())));
      }
    }
    Geometry u = UnaryUnionOp.union(boxes);
    return u == null ? FACTORY.createPolygon() : u;
  }
}
