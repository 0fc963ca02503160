package org.caveat.geo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The {@link SeaModel}'s cells of {@value #CELL_DEGREES}°, each classified once, on first use:
 * whether the world's land covers all of it, none of it or part of it (JTS prepared
 * {@code covers}/{@code intersects} of the cell's box by the land polygons near it,
 * {@link AreaParts}; planar like the point test), and which coasts can decide a point in it.
 *
 * <p>A coast is kept when, for some point of the cell, it could lie within 12 nautical miles and
 * be nearest. For a point p of a cell with centre c and spherical radius ρ, the triangle
 * inequality on the sphere gives angle(c, Z) − ρ ≤ angle(p, Z) ≤ angle(c, Z) + ρ, and
 * {@link GeodesicBounds} turns angles into metres with the smallest and largest radius of
 * curvature anywhere. A coast is dropped when its lower bound over the cell exceeds the 12-nm
 * line (it is never within the belt, so never the answer), or exceeds the upper bound of a coast
 * that every point of the cell looks at (that coast is always strictly nearer). The coasts are
 * those whose envelope meets the cell's box widened by the point envelope's margins, regions
 * sorted by code, the foreign coast last.
 */
final class SeaCells {
  /** Finer than the region cells: most cells near a coast then see one coast, and answer without a distance. */
  static final double CELL_DEGREES = 0.125;
  private static final double LINE_TOLERANCE_M = 0.001;
  static final byte ALL_LAND = 0, NO_LAND = 1, MIXED = 2;
  /**
   * The shipped regions span ~2,880 × 330 cells of 1/8° (Russia reaches round the globe): a flat
   * array of ~4 MB, allocated on the first point off the shipped land, so no sea cell is looked up
   * through a map with boxed keys.
   */
  private static final int MAX_WINDOW_CELLS = 1 << 20;

  /**
   * A classified cell: {@code land}, the coasts to measure ({@code zones}, with {@code codes} and
   * territorial-sea locations for regions), the index of the foreign coast among them (−1: none)
   * and whether foreign land may cover a point of the cell (then its distance may be 0).
   * {@code water}, when not null, is the location of every point of the cell off land: no coast
   * can be within 12 nm of the cell (the high seas), or exactly one coast can matter, every point
   * of the cell looks at it, and it is within 12 nm of all of them.
   */
  record Cell(byte land, AreaLocator[] landNear, String[] codes, GeometryZone[] zones, Location[] territorial,
      int foreign, boolean foreignMayCover, Location water) {
    /** Whether the world's land covers a point of this cell: all of a land cell, by the polygons near a mixed one. */
    boolean onLand(double lat, double lon) {
      return land == ALL_LAND || (land == MIXED && AreaParts.covers(landNear, lat, lon));
    }
  }

  private static final AreaLocator[] NONE = new AreaLocator[0];
  private static final Cell LAND_CELL =
      new Cell(ALL_LAND, NONE, new String[0], new GeometryZone[0], new Location[0], -1, false, null);
  private final SeaModel sea;
  private final CellGrid<Cell> grid;

  SeaCells(SeaModel sea, Envelope window) {
    this.sea = sea;
    this.grid = new CellGrid<>(CELL_DEGREES, window, MAX_WINDOW_CELLS,
        (row, col) -> classify(row * CELL_DEGREES, col * CELL_DEGREES));
  }

  Cell at(double lat, double lon) {
    return grid.at(lat, lon);
  }

  private Cell classify(double south, double west) {
    double north = south + CELL_DEGREES, east = west + CELL_DEGREES;
    Envelope cell = new Envelope(west, east, south, north);
    Geometry box = GeoJson.FACTORY.toGeometry(cell);
    int[] landParts = sea.worldParts.meeting(cell);
    if (sea.worldParts.covers(landParts, box)) return LAND_CELL;
    byte land = sea.worldParts.intersects(landParts, box) ? MIXED : NO_LAND;
    double farLat = Math.max(Math.abs(south), Math.abs(north)), nearLat = Math.min(Math.abs(south), Math.abs(north));
    double outerMargin = SeaModel.lonMargin(farLat), innerMargin = SeaModel.lonMargin(south <= 0 && north >= 0 ? 0 : nearLat);
    // every point's envelope lies within `outer`, and meets every envelope that meets `inner`
    Envelope outer = new Envelope(west - outerMargin, east + outerMargin,
        south - SeaModel.MARGIN_DEGREES, north + SeaModel.MARGIN_DEGREES);
    Envelope inner = new Envelope(east - innerMargin, west + innerMargin,
        north - SeaModel.MARGIN_DEGREES, south + SeaModel.MARGIN_DEGREES);
    @SuppressWarnings("unchecked")
    List<String> codes = new ArrayList<>(sea.regionIndex.query(outer));
    Collections.sort(codes);
    List<GeometryZone> zones = new ArrayList<>();
    for (String code : codes) zones.add(sea.regionZone.apply(code));
    boolean foreign = sea.foreignNear.geometry().getEnvelopeInternal().intersects(outer);
    if (foreign) zones.add(sea.foreignNear);
    boolean foreignMayCover = foreign && sea.foreignParts.intersects(sea.foreignParts.meeting(cell), box);

    double cLat = south + CELL_DEGREES / 2, cLon = west + CELL_DEGREES / 2;
    double radius = cellRadius(cLat, cLon, south, north, west, east);
    int n = zones.size();
    double[] lo = new double[n], hi = new double[n];
    boolean[] seenByAll = new boolean[n];
    double line = SeaModel.TERRITORIAL_SEA_KM * 1000, alwaysNearer = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      boolean mayCover = foreignMayCover && i == n - 1 && foreign;
      double angle = mayCover ? 0 : zones.get(i).edgeAngle(cLat, cLon);
      lo[i] = mayCover ? 0 : GeodesicBounds.lowerAnywhere(Math.max(0, angle - radius));
      hi[i] = mayCover ? Double.POSITIVE_INFINITY : GeodesicBounds.upperAnywhere(angle + radius);
      seenByAll[i] = zones.get(i).geometry().getEnvelopeInternal().intersects(inner);
      if (seenByAll[i]) alwaysNearer = Math.min(alwaysNearer, hi[i]);
    }
    List<String> keptCodes = new ArrayList<>();
    List<GeometryZone> keptZones = new ArrayList<>();
    List<Location> territorial = new ArrayList<>();
    int foreignAt = -1, only = -1;
    for (int i = 0; i < n; i++) {
      if (lo[i] > line || lo[i] > alwaysNearer) continue;
      only = keptZones.isEmpty() ? i : -1;
      boolean isForeign = foreign && i == n - 1;
      if (isForeign) foreignAt = keptZones.size();
      keptCodes.add(isForeign ? null : codes.get(i));
      keptZones.add(zones.get(i));
      territorial.add(isForeign ? SeaModel.FOREIGN_SEA : sea.territorial(codes.get(i)));
    }
    Location water = keptZones.isEmpty() ? SeaModel.HIGH_SEAS
        : keptZones.size() == 1 && only >= 0 && seenByAll[only] && hi[only] < line - LINE_TOLERANCE_M ? territorial.get(0)
        : null;
    return new Cell(land, land == MIXED ? sea.worldParts.locators(landParts) : NONE, keptCodes.toArray(new String[0]), keptZones.toArray(new GeometryZone[0]),
        territorial.toArray(new Location[0]), foreignAt, foreignMayCover && foreignAt >= 0, water);
  }

  /**
   * The largest spherical angle from the centre to a point of the cell, which a latitude/longitude
   * rectangle reaches at a corner; widened for rounding.
   */
  private static double cellRadius(double cLat, double cLon, double south, double north, double west, double east) {
    double[] c = SphericalSegments.unit(cLat, cLon);
    double radius = 0;
    for (double lat : new double[] {south, north}) {
      for (double lon : new double[] {west, east}) {
        double[] q = SphericalSegments.unit(Math.max(-90, Math.min(90, lat)), lon);
        double dx = c[0] - q[0], dy = c[1] - q[1], dz = c[2] - q[2];
        radius = Math.max(radius, 2 * Math.asin(Math.min(1, Math.sqrt(dx * dx + dy * dy + dz * dz) / 2)));
      }
    }
    return radius * 1.001 + 1e-9;
  }
}
