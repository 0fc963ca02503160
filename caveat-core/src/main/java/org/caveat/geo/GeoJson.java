package org.caveat.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Maps RFC 7946 GeoJSON geometry objects (already parsed by Jackson) to JTS geometries in
 * [lon, lat] order. Problems are reported with the JSON path so pack authors can find them.
 */
public final class GeoJson {
  static final GeometryFactory FACTORY = new GeometryFactory();

  private GeoJson() {}

  /** Thrown for a GeoJSON value that is not a usable geometry; {@link #path()} says where. */
  public static final class InvalidGeoJson extends RuntimeException {
    private final String path;

    InvalidGeoJson(String path, String message) {
      super(message);
      this.path = path;
    }

    public String path() {
      return path;
    }
  }

  /** Union-free collection of every feature geometry in a FeatureCollection, Feature or geometry. */
  public static Geometry read(JsonNode node) {
    List<Geometry> parts = new ArrayList<>();
    collect(node, "", parts);
    if (parts.isEmpty()) {
      throw new InvalidGeoJson("", "no geometry found");
    }
    return parts.size() == 1 ? parts.get(0) : FACTORY.buildGeometry(parts);
  }

  private static void collect(JsonNode node, String path, List<Geometry> out) {
    String type = node.path("type").asText("");
    switch (type) {
      case "FeatureCollection" -> {
        JsonNode features = node.path("features");
        for (int i = 0; i < features.size(); i++) {
          collect(features.get(i), path + "/features/" + i, out);
        }
      }
      case "Feature" -> collect(node.path("geometry"), path + "/geometry", out);
      default -> out.add(geometry(node, path));
    }
  }

  static Geometry geometry(JsonNode g, String path) {
    String type = g.path("type").asText("");
    JsonNode c = g.path("coordinates");
    String at = path + "/coordinates";
    return switch (type) {
      case "Point" -> FACTORY.createPoint(coordinate(c, at));
      case "LineString" -> line(c, at);
      case "MultiLineString" -> {
        LineString[] ls = new LineString[c.size()];
        for (int i = 0; i < c.size(); i++) ls[i] = line(c.get(i), at + "/" + i);
        yield FACTORY.createMultiLineString(ls);
      }
      case "Polygon" -> polygon(c, at);
      case "MultiPolygon" -> {
        Polygon[] ps = new Polygon[c.size()];
        for (int i = 0; i < c.size(); i++) ps[i] = polygon(c.get(i), at + "/" + i);
        yield FACTORY.createMultiPolygon(ps);
      }
      default -> throw new InvalidGeoJson(path + "/type", "unsupported geometry type '" + type
          + "' (expected Point, LineString, MultiLineString, Polygon or MultiPolygon)");
    };
  }

  private static LineString line(JsonNode c, String path) {
    Coordinate[] cs = coordinates(c, path);
    if (cs.length < 2) throw new InvalidGeoJson(path, "a line needs at least 2 positions");
    return FACTORY.createLineString(cs);
  }

  private static Polygon polygon(JsonNode c, String path) {
    if (!c.isArray() || c.isEmpty()) throw new InvalidGeoJson(path, "a polygon needs at least one ring");
    LinearRing[] rings = new LinearRing[c.size()];
    for (int i = 0; i < c.size(); i++) {
      Coordinate[] cs = coordinates(c.get(i), path + "/" + i);
      if (cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) {
        throw new InvalidGeoJson(path + "/" + i, "a ring needs at least 4 positions and must be closed");
      }
      rings[i] = FACTORY.createLinearRing(cs);
    }
    LinearRing[] holes = new LinearRing[rings.length - 1];
    System.arraycopy(rings, 1, holes, 0, holes.length);
    return FACTORY.createPolygon(rings[0], holes);
  }

  private static Coordinate[] coordinates(JsonNode c, String path) {
    if (!c.isArray()) throw new InvalidGeoJson(path, "expected an array of positions");
    Coordinate[] out = new Coordinate[c.size()];
    for (int i = 0; i < c.size(); i++) out[i] = coordinate(c.get(i), path + "/" + i);
    return out;
  }

  private static Coordinate coordinate(JsonNode p, String path) {
    if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw new InvalidGeoJson(path, "expected a position [lon, lat]");
    }
    double lon = p.get(0).asDouble(), lat = p.get(1).asDouble();
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      throw new InvalidGeoJson(path, "position [" + lon + ", " + lat + "] is outside [-180..180, -90..90]"
          + " (GeoJSON is [lon, lat])");
    }
    return new Coordinate(lon, lat);
  }
}
