package org.caveat.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Small helpers to walk JTS geometries; no geometry algorithms live here. */
final class GeometryParts {
  private GeometryParts() {}

  /** Every line string of a lineal geometry, or every ring of a polygonal one. */
  static List<LineString> linework(Geometry g) {
    List<LineString> out = new ArrayList<>();
    collect(g, out);
    return out;
  }

  private static void collect(Geometry g, List<LineString> out) {
    if (g instanceof Polygon p) {
      out.add(p.getExteriorRing());
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        out.add(p.getInteriorRingN(i));
      }
    } else if (g instanceof LineString l) {
      out.add(l);
    } else {
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Geometry part = g.getGeometryN(i);
        if (part != g) {
          collect(part, out);
        }
      }
    }
  }
}
