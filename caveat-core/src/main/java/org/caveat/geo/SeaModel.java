package org.caveat.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The sea around the shipped countries: a point at sea within 12 nautical miles of the nearest
 * land lies in that land's territorial sea (or internal waters); where two states' belts meet
 * the point goes to the state whose land is nearer (the equidistance line). Distances are exact
 * geodesic distances to the land polygons (the same as PostGIS {@code ST_Distance(geography)}),
 * so the belts need no buffer polygon: a 12-nm buffer split by the equidistance line holds
 * exactly the points this rule assigns.
 *
 * <p>Built on the first point that is not on a shipped region ({@code land.geojson}, written by
 * {@code scripts/geo/build-geography.sh}): {@code world} is all land (a point on it is land,
 * shipped or not), {@code foreign_near} the land of other states near the shipped countries
 * (the coasts a shipped territorial sea can meet).
 *
 * <p>{@link #offShippedLand} answers as {@link #offShippedLandByScan} (the rule above applied to
 * every coast near the point) does, faster: cells classified once ({@link SeaCells}) say whether
 * a cell is all land, all water or mixed and which coasts can matter in it; spherical angles to
 * those coasts bound the geodesic distances ({@link GeodesicBounds}), and exact distances are
 * computed only for the coasts the bounds cannot tell apart or place against the 12-nm line.
 * {@code SeaModelProperties} compares both on generated points.
 */
final class SeaModel {
  /** 12 nautical miles (UNCLOS art. 3), in km. */
  static final double TERRITORIAL_SEA_KM = 22.224;
  /** Degrees of latitude surely more than 12 nm: 22.224 km is at most 0.2004° of latitude. */
  static final double MARGIN_DEGREES = 0.25;
  /** Bounds closer than this (metres) to the 12-nm line do not decide a side. */
  private static final double LINE_TOLERANCE_M = 0.001;
  static final Location OTHER_LAND = new Location(null, null, Waters.LAND, false);
  static final Location HIGH_SEAS = new Location(null, null, Waters.HIGH_SEAS, false);
  static final Location FOREIGN_SEA = new Location(null, null, Waters.INTERNAL_OR_TERRITORIAL, false);

  /** The world's land, polygon by polygon ({@link SeaCells} and points in mixed cells). */
  final AreaParts worldParts;
  private final Geometry worldLand;
  /** The whole world's locator, built only for {@link #offShippedLandByScan} (the tests' reference). */
  private volatile AreaLocator world;
  final GeometryZone foreignNear;
  final AreaParts foreignParts;
  final STRtree regionIndex;
  final Function<String, GeometryZone> regionZone;
  private final Function<String, String> countryOfRegion;
  private final SeaCells cells;

  SeaModel(Land land, STRtree regionIndex, Function<String, GeometryZone> regionZone,
      Function<String, String> countryOfRegion, Envelope window) {
    this.worldLand = land.world();
    this.worldParts = new AreaParts(land.world());
    this.foreignNear = new GeometryZone("foreign land", land.foreignNear());
    this.foreignParts = new AreaParts(land.foreignNear());
    this.regionIndex = regionIndex;
    this.regionZone = regionZone;
    this.countryOfRegion = countryOfRegion;
    this.cells = new SeaCells(this, window);
  }

  /** The sea model's input: all the world's land, and the land of other states near the shipped countries. */
  record Land(Geometry world, Geometry foreignNear) {
    /** From the features of {@code land.geojson}. */
    static Land of(List<JsonNode> landFeatures) {
      Geometry worldLand = null, near = null;
      for (JsonNode f : landFeatures) {
        Geometry g = GeoJson.geometry(f.path("geometry"), "land.geojson");
        switch (f.path("properties").path("land").asText()) {
          case "world" -> worldLand = g;
          case "foreign_near" -> near = g;
          default -> throw new IllegalStateException("land.geojson: unknown feature " + f.path("properties"));
        }
      }
      if (worldLand == null || near == null) {
        throw new IllegalStateException("land.geojson needs the features `world` and `foreign_near`");
      }
      return new Land(worldLand, near);
    }
  }

  /** Whether a point on a shipped region's boundary is also on another state's land. */
  boolean onForeignLand(double lat, double lon) {
    return foreignNear.contains(lat, lon);
  }

  /** The location of a point in its territorial sea of a shipped region. */
  Location territorial(String region) {
    return new Location(countryOfRegion.apply(region), region, Waters.INTERNAL_OR_TERRITORIAL, false);
  }

  /** The envelope within which coasts of a point may lie within 12 nm (and beyond). */
  static Envelope near(double lat, double lon) {
    double lonMargin = lonMargin(lat);
    return new Envelope(lon - lonMargin, lon + lonMargin, lat - MARGIN_DEGREES, lat + MARGIN_DEGREES);
  }

  static double lonMargin(double lat) {
    return Math.min(180, MARGIN_DEGREES / Math.max(0.01, Math.cos(Math.toRadians(Math.min(89.5, Math.abs(lat))))));
  }

  /**
   * The location of a point that no shipped region covers, by the cell's coasts: land if the
   * world's land covers it; else, among the coasts whose envelope meets the point's
   * {@link #near} envelope, the lower and upper bounds of each distance leave the coasts that can
   * be nearest; one left is decided by its bounds against the 12-nm line (its exact distance only
   * when they straddle it), several by their exact distances with the rule of the scan.
   */
  Location offShippedLand(double lat, double lon) {
    SeaCells.Cell cell = cells.at(lat, lon);
    if (cell.onLand(lat, lon)) {
      return OTHER_LAND;
    }
    if (cell.water() != null) return cell.water();
    GeometryZone[] zones = cell.zones();
    int n = zones.length;
    Envelope near = near(lat, lon);
    double[] lo = new double[n], hi = new double[n];
    double minHi = Double.POSITIVE_INFINITY, minLo = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (!zones[i].geometry().getEnvelopeInternal().intersects(near)) { // not a coast the scan looks at
        lo[i] = hi[i] = Double.NaN;
        continue;
      }
      if (i == cell.foreign() && cell.foreignMayCover() && foreignNear.contains(lat, lon)) {
        lo[i] = hi[i] = 0; // covered by the foreign land: its distance is 0, as the scan finds
      } else {
        double angle = zones[i].edgeAngle(lat, lon);
        lo[i] = GeodesicBounds.lower(lat, angle);
        hi[i] = GeodesicBounds.upper(lat, angle);
      }
      minHi = Math.min(minHi, hi[i]);
      minLo = Math.min(minLo, lo[i]);
    }
    double line = TERRITORIAL_SEA_KM * 1000;
    if (minLo > line + LINE_TOLERANCE_M) return HIGH_SEAS; // also when no coast is near: minLo stays infinite
    int left = -1, count = 0;
    for (int i = 0; i < n; i++) {
      if (lo[i] <= minHi) {
        left = i;
        count++;
      }
    }
    if (count == 1) {
      boolean within = hi[left] < line - LINE_TOLERANCE_M
          || (lo[left] <= line + LINE_TOLERANCE_M && zones[left].distanceKm(lat, lon) <= TERRITORIAL_SEA_KM);
      return !within ? HIGH_SEAS : left == cell.foreign() ? FOREIGN_SEA : cell.territorial()[left];
    }
    String nearest = null;
    Location nearestAt = null;
    double best = Double.POSITIVE_INFINITY, foreignKm = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) { // regions in code order, then the foreign coast, as the scan
      if (!(lo[i] <= minHi)) continue;
      double km = zones[i].distanceKm(lat, lon);
      if (i == cell.foreign()) {
        foreignKm = km;
      } else if (km < best) {
        best = km;
        nearest = cell.codes()[i];
        nearestAt = cell.territorial()[i];
      }
    }
    return decide(nearest, nearestAt, best, foreignKm);
  }

  /** The rule, given the nearest shipped coast (null: none near) and the foreign coast's distance. */
  private static Location decide(String nearest, Location nearestAt, double best, double foreignKm) {
    if (Math.min(best, foreignKm) > TERRITORIAL_SEA_KM) return HIGH_SEAS;
    if (foreignKm < best) return FOREIGN_SEA; // another state's coast is nearer: its sea, a state Caveat does not ship
    return nearestAt;
  }

  /** The same answer by the plain rule: exact distances to every coast near the point (the reference of the tests). */
  Location offShippedLandByScan(double lat, double lon) {
    AreaLocator w = world;
    if (w == null) world = w = new AreaLocator(worldLand);
    if (w.covers(lat, lon)) {
      return OTHER_LAND;
    }
    Envelope near = near(lat, lon);
    @SuppressWarnings("unchecked")
    List<String> candidates = new ArrayList<>(regionIndex.query(near));
    Collections.sort(candidates);
    String nearest = null;
    double best = Double.POSITIVE_INFINITY;
    for (String code : candidates) {
      double km = regionZone.apply(code).distanceKm(lat, lon);
      if (km < best) { // strict: on a tie the code that sorts first keeps the point
        best = km;
        nearest = code;
      }
    }
    double foreignKm = foreignNear.geometry().getEnvelopeInternal().intersects(near)
        ? foreignNear.distanceKm(lat, lon) : Double.POSITIVE_INFINITY;
    return decide(nearest, nearest == null ? null : territorial(nearest), best, foreignKm);
  }
}
