package org.caveat.server.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caveat.diff.DiffGeoJson;
import org.caveat.geo.ReferenceGeography;
import org.caveat.json.Json;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The shipped geography for display, built once: every admin-1 region and the two countries as
 * one GeoJSON FeatureCollection ({@code id}, {@code name}, {@code country}, {@code kind} region or
 * country), and the labels (region names at an interior point, plus the cities of
 * {@code geo/cities.json}).
 *
 * <p>The regions are a coverage (neighbours share edges), so they are simplified together with
 * JTS's {@link CoverageSimplifier}: shared edges stay shared, and no sliver opens between two
 * regions as it would if each were simplified alone. Regions near Ukraine keep a finer tolerance
 * than the rest of Russia. Countries are the coverage union of their simplified regions, so their
 * outlines are exactly the regions' outer edges.
 */
final class DisplayGeography {
  /** Degrees: about 400 m near Ukraine, where the console's map is used at regional scale. */
  static final double NEAR_TOLERANCE = 0.004;
  /** Degrees: about 4 km for the rest of Russia, seen only zoomed out. */
  static final double FAR_TOLERANCE = 0.04;
  /** The window where the finer tolerance applies (that of the permitted-area grid, widened). */
  static final Envelope NEAR = new Envelope(20, 52, 41, 59);
  private static final int PLACES = 4; // ~10 m: below the simplification error

  private final CachedJson features;
  private final CachedJson places;

  private DisplayGeography(CachedJson features, CachedJson places) {
    this.features = features;
    this.places = places;
  }

  CachedJson features() {
    return features;
  }

  CachedJson places() {
    return places;
  }

  static DisplayGeography of(ReferenceGeography geo) {
    List<String> codes = new ArrayList<>(geo.regionCodes());
    Geometry[] exact = new Geometry[codes.size()];
    double[] tolerance = new double[codes.size()];
    for (int i = 0; i < exact.length; i++) {
      exact[i] = geo.area(codes.get(i)).geometry();
      tolerance[i] = NEAR.intersects(exact[i].getEnvelopeInternal()) ? NEAR_TOLERANCE : FAR_TOLERANCE;
    }
    Geometry[] simple = CoverageSimplifier.simplify(exact, tolerance);
    ObjectNode fc = Json.MAPPER.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode out = fc.putArray("features");
    Map<String, List<Geometry>> byCountry = new TreeMap<>();
    for (int i = 0; i < simple.length; i++) {
      byCountry.computeIfAbsent(geo.countryOfRegion(codes.get(i)), c -> new ArrayList<>()).add(simple[i]);
    }
    for (Map.Entry<String, List<Geometry>> c : byCountry.entrySet()) {
      Geometry outline = CoverageUnion.union(c.getValue().toArray(new Geometry[0]));
      feature(out, c.getKey(), geo.countryName(c.getKey()), c.getKey(), "country", outline);
    }
    for (int i = 0; i < simple.length; i++) {
      String code = codes.get(i);
      feature(out, code, geo.regionName(code), geo.countryOfRegion(code), "region", simple[i]);
    }
    return new DisplayGeography(new CachedJson(bytes(fc)), new CachedJson(bytes(labels(geo, codes, exact))));
  }

  private static void feature(ArrayNode out, String id, String name, String country, String kind, Geometry g) {
    ObjectNode f = out.addObject();
    f.put("type", "Feature");
    f.put("id", id);
    ObjectNode p = f.putObject("properties");
    p.put("id", id);
    p.put("name", name);
    p.put("country", country);
    p.put("kind", kind);
    f.set("geometry", DiffGeoJson.geometry(g, PLACES));
  }

  /** Region names at a point inside each region (exact geometry), then the shipped cities. */
  private static ArrayNode labels(ReferenceGeography geo, List<String> codes, Geometry[] exact) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (int i = 0; i < exact.length; i++) {
      Point p = exact[i].getInteriorPoint();
      label(out, geo.regionName(codes.get(i)), "region", geo.countryOfRegion(codes.get(i)), p.getY(), p.getX())
          .put("id", codes.get(i));
    }
    for (JsonNode c : cities().path("cities")) {
      label(out, c.path("name").asText(), "city", c.path("country").asText(), c.path("lat").asDouble(),
          c.path("lon").asDouble());
    }
    return out;
  }

  private static ObjectNode label(ArrayNode out, String name, String kind, String country, double lat, double lon) {
    ObjectNode o = out.addObject();
    o.put("name", name);
    o.put("kind", kind);
    o.put("country", country);
    o.put("lat", Math.round(lat * 1e4) / 1e4);
    o.put("lon", Math.round(lon * 1e4) / 1e4);
    return o;
  }

  /** Major cities with GeoNames coordinates; written by {@code scripts/geo/places/build-places.sh}. */
  static JsonNode cities() {
    try (InputStream in = DisplayGeography.class.getResourceAsStream("/org/caveat/server/geo/cities.json")) {
      if (in == null) throw new IllegalStateException("missing /org/caveat/server/geo/cities.json");
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return Json.MAPPER.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
