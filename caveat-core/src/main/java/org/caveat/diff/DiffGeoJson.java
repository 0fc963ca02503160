package org.caveat.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The difference geometries of a diff as an RFC 7946 FeatureCollection: one feature per zone and
 * change (gained, lost) that is not empty, with properties {@code zone}, {@code change} and
 * {@code area_km2} (lines: {@code length_km}). Coordinates are [lon, lat], rounded to 6 decimals
 * (about 0.1 m); exterior rings counter-clockwise as RFC 7946 recommends.
 */
public final class DiffGeoJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private DiffGeoJson() {}

  public static ObjectNode featureCollection(List<ZoneDiff> zones) {
    ObjectNode fc = F.objectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (ZoneDiff z : zones) {
      feature(features, z, "gained", z.gainedGeometry(), z.gained());
      feature(features, z, "lost", z.lostGeometry(), z.lost());
    }
    return fc;
  }

  private static void feature(ArrayNode out, ZoneDiff z, String change, Geometry g, double measure) {
    if (g == null || g.isEmpty()) return;
    ObjectNode f = out.addObject();
    f.put("type", "Feature");
    ObjectNode p = f.putObject("properties");
    p.put("zone", z.zone());
    p.put("change", change);
    if (z.isArea()) {
      p.put("area_km2", round(measure, 1));
    } else {
      p.put("length_km", round(measure, 3));
    }
    if (z.approximate()) p.put("approximate", true);
    f.set("geometry", geometry(g));
  }

  static ObjectNode geometry(Geometry g) {
    return geometry(g, 6);
  }

  /**
   * An RFC 7946 geometry object with coordinates rounded to {@code places} decimals (5 ≈ 1 m,
   * enough for display), exterior rings counter-clockwise.
   */
  public static ObjectNode geometry(Geometry g, int places) {
    ObjectNode o = F.objectNode();
    if (g instanceof Point pt) {
      o.put("type", "Point");
      o.set("coordinates", position(pt.getCoordinate(), places));
    } else if (g instanceof LineString l) {
      o.put("type", "LineString");
      o.set("coordinates", positions(l.getCoordinates(), places));
    } else if (g instanceof Polygon p) {
      o.put("type", "Polygon");
      o.set("coordinates", rings(p, places));
    } else if (g instanceof MultiPolygon mp) {
      o.put("type", "MultiPolygon");
      ArrayNode a = o.putArray("coordinates");
      for (int i = 0; i < mp.getNumGeometries(); i++) a.add(rings((Polygon) mp.getGeometryN(i), places));
    } else if (g instanceof MultiLineString ml) {
      o.put("type", "MultiLineString");
      ArrayNode a = o.putArray("coordinates");
      for (int i = 0; i < ml.getNumGeometries(); i++) a.add(positions(ml.getGeometryN(i).getCoordinates(), places));
    } else if (g instanceof GeometryCollection gc) {
      o.put("type", "GeometryCollection");
      ArrayNode a = o.putArray("geometries");
      for (int i = 0; i < gc.getNumGeometries(); i++) a.add(geometry(gc.getGeometryN(i), places));
    } else {
      throw new IllegalArgumentException("unsupported geometry " + g.getGeometryType());
    }
    return o;
  }

  private static ArrayNode rings(Polygon p, int places) {
    Polygon n = (Polygon) p.copy();
    n.normalize(); // JTS: shell clockwise, holes counter-clockwise; RFC 7946 wants the reverse
    ArrayNode a = F.arrayNode();
    a.add(positions(n.getExteriorRing().reverse().getCoordinates(), places));
    for (int i = 0; i < n.getNumInteriorRing(); i++) {
      a.add(positions(n.getInteriorRingN(i).reverse().getCoordinates(), places));
    }
    return a;
  }

  private static ArrayNode positions(Coordinate[] cs, int places) {
    ArrayNode a = F.arrayNode();
    for (Coordinate c : cs) a.add(position(c, places));
    return a;
  }

  private static ArrayNode position(Coordinate c, int places) {
    ArrayNode a = F.arrayNode();
    a.add(round(c.x, places));
    a.add(round(c.y, places));
    return a;
  }

  static BigDecimal round(double v, int places) {
    return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }
}
