package org.caveat.geo;

import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Geometry;

/** A zone with an exact geometry: a shipped region or country, a GeoJSON file, a border line. */
final class GeometryZone implements Zone {
  private final String name;
  private final Geometry geometry;
  private final AreaLocator area;
  private final SphericalSegments edges;
  private final ConcurrentHashMap<Double, PreparedThreshold> thresholds = new ConcurrentHashMap<>();

  GeometryZone(String name, Geometry geometry) {
    this.name = name;
    this.geometry = geometry;
    this.area = geometry.getDimension() == 2 ? new AreaLocator(geometry) : null;
    this.edges = geometry.getDimension() >= 1 ? new SphericalSegments(geometry) : null;
    if (edges == null) {
      throw new IllegalArgumentException("zone " + name + " must be a line or an area, not points");
    }
  }

  @Override public String name() { return name; }
  @Override public boolean isArea() { return area != null; }
  @Override public boolean isMeasurable() { return true; }
  @Override public Geometry geometry() { return geometry; }

  @Override
  public boolean contains(double lat, double lon) {
    if (area == null) {
      throw new UnsupportedOperationException("zone " + name + " is a line, not an area");
    }
    return area.covers(lat, lon);
  }

  @Override
  public double distanceKm(double lat, double lon) {
    if (area != null && area.covers(lat, lon)) {
      return 0;
    }
    return edges.distanceMetres(lat, lon) / 1000;
  }

  @Override
  public double distanceKmToTheMetre(double lat, double lon) {
    if (area != null && area.covers(lat, lon)) {
      return 0;
    }
    return edges.distanceKmToTheMetre(lat, lon);
  }

  /** The spherical angle in radians to the zone's edges ({@link SphericalSegments#angle}); the interior is not 0 here. */
  double edgeAngle(double lat, double lon) {
    return edges.angle(lat, lon);
  }

  @Override
  public PreparedThreshold threshold(double km) {
    return thresholds.computeIfAbsent(km, k -> new PreparedThreshold(this, k));
  }
}
