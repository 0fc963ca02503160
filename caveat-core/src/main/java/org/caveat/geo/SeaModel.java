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
 */
final class SeaModel {
  /** 12 nautical miles (UNCLOS art. 3), in km. */
  static final double TERRITORIAL_SEA_KM = 22.224;
  /** Degrees of latitude surely more than 12 nm: 22.224 km is at most 0.2004° of latitude. */
  private static final double MARGIN_DEGREES = 0.25;

  private final AreaLocator world;
  private final AreaLocator foreignNearArea;
  private final Zone foreignNear;
  private final STRtree regionIndex;
  private final Function<String, Zone> regionZone;
  private final Function<String, String> countryOfRegion;

  SeaModel(List<JsonNode> landFeatures, STRtree regionIndex, Function<String, Zone> regionZone,
      Function<String, String> countryOfRegion) {
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
    this.world = new AreaLocator(worldLand);
    this.foreignNearArea = new AreaLocator(near);
    this.foreignNear = Zones.of("foreign land", near);
    this.regionIndex = regionIndex;
    this.regionZone = regionZone;
    this.countryOfRegion = countryOfRegion;
  }

  /** Whether a point on a shipped region's boundary is also on another state's land. */
  boolean onForeignLand(double lat, double lon) {
    return foreignNearArea.covers(lat, lon);
  }

  /** The location of a point that no shipped region covers. */
  Location offShippedLand(double lat, double lon) {
    if (world.covers(lat, lon)) {
      return new Location(null, null, Waters.LAND, false);
    }
    double lonMargin = Math.min(180, MARGIN_DEGREES / Math.max(0.01, Math.cos(Math.toRadians(Math.min(89.5, Math.abs(lat))))));
    Envelope near = new Envelope(lon - lonMargin, lon + lonMargin, lat - MARGIN_DEGREES, lat + MARGIN_DEGREES);
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
    if (Math.min(best, foreignKm) > TERRITORIAL_SEA_KM) {
      return new Location(null, null, Waters.HIGH_SEAS, false);
    }
    if (foreignKm < best) { // another state's coast is nearer: its sea, a state Caveat does not ship
      return new Location(null, null, Waters.INTERNAL_OR_TERRITORIAL, false);
    }
    return new Location(countryOfRegion.apply(nearest), nearest, Waters.INTERNAL_OR_TERRITORIAL, false);
  }
}
