package org.caveat.geo;

import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Geometry;

/** A zone with an exact geometry: a shipped region or country, a GeoJSON file, a border line. */
final class GeometryZone implements Zone {
  private final String name;
  private final Geometry geometry;
  private final AreaLocator area;
  private final SphericalSegments edges;
  private final ConcurrentHashMap<Double, PreparedThreshold> thresholds;

  GeometryZone(String name, Geometry geometry) {
    this.name = name;
    this.geometry = geometry;
    this.area = geometry.getDimension() == 2 ? new AreaLocator(geometry) : null;
    this.edges = geometry.getDimension() >= 1 ? new SphericalSegments(geometry) : null;
    this.thresholds = new ConcurrentHashMap<>();
    if (edges == null) {
      throw new IllegalArgumentException("zone " + name + " must be a line or an area, not points");
    }
  }

  /** The same geometry under another name, sharing its indexes and prepared thresholds. */
  private GeometryZone(String name, GeometryZone same) {
    this.name = name;
    this.geometry = same.geometry;
    this.area = same.area;
    this.edges = same.edges;
    this.thresholds = same.thresholds;
  }

  /** This zone under {@code name}: its edges (so a {@link GeoMemo}'s nearest point) and thresholds are shared. */
  GeometryZone named(String name) {
    return new GeometryZone(name, this);
  }

  SphericalSegments edges() {
    return edges;
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

  @Override
  public double distanceKmToTheMetre(double lat, double lon, GeoMemo memo) {
    if (area != null && area.covers(lat, lon)) {
      return 0;
    }
    return SphericalSegments.distanceKmToTheMetre(memo.nearest(edges, lat, lon));
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
