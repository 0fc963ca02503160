package org.caveat.report;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Longitude/latitude geometries as SVG path data for one map window: clipped to the window
 * (JTS OverlayNG), simplified with the topology-preserving Douglas–Peucker variant at a
 * tolerance of about one pixel, projected, and written with one decimal, repeated points dropped.
 */
final class SvgPaths {
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private final MapProjection projection;
  private final Geometry window;
  private final double tolerance;

  SvgPaths(MapProjection p) {
    this.projection = p;
    double padLat = (p.north() - p.south()) * 0.05, padLon = (p.east() - p.west()) * 0.05;
    this.window = FACTORY.toGeometry(new Envelope(p.west() - padLon, p.east() + padLon, p.south() - padLat,
        p.north() + padLat));
    this.tolerance = (p.east() - p.west()) / MapProjection.WIDTH;
  }

  /** The path data of a geometry's part inside the window; empty when nothing of it is inside. */
  String path(Geometry lonLat) {
    if (lonLat == null || lonLat.isEmpty() || !lonLat.getEnvelopeInternal().intersects(window.getEnvelopeInternal())) {
      return "";
    }
    Geometry clipped = window.getEnvelopeInternal().contains(lonLat.getEnvelopeInternal()) ? lonLat
        : OverlayNGRobust.overlay(lonLat, window, OverlayNG.INTERSECTION);
    Geometry simple = TopologyPreservingSimplifier.simplify(clipped, tolerance);
    StringBuilder d = new StringBuilder();
    append(d, simple);
    return d.toString();
  }

  private void append(StringBuilder d, Geometry g) {
    if (g instanceof Polygon p) {
      ring(d, p.getExteriorRing().getCoordinates(), true);
      for (int i = 0; i < p.getNumInteriorRing(); i++) ring(d, p.getInteriorRingN(i).getCoordinates(), true);
    } else if (g instanceof LineString l) {
      ring(d, l.getCoordinates(), false);
    } else {
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Geometry part = g.getGeometryN(i);
        if (part != g) append(d, part);
      }
    }
  }

  private void ring(StringBuilder d, Coordinate[] cs, boolean closed) {
    if (cs.length < 2) return;
    String last = null;
    int written = 0;
    for (Coordinate c : cs) {
      String xy = Html.coord(projection.x(c.x)) + " " + Html.coord(projection.y(c.y));
      if (xy.equals(last)) continue;
      d.append(written == 0 ? "M" : "L").append(xy);
      last = xy;
      written++;
    }
    if (closed && written > 0) d.append('Z');
  }
}
