package org.caveat.geo;

import java.util.List;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;

/**
 * An area defined by a predicate over other zones (a buffer of a measurable zone, or a set
 * operation involving one). Containment is exact because it is evaluated through the parts;
 * the geometry is an approximation kept for display and area figures, computed on first use.
 */
final class DerivedZone implements Zone {
  /** How a derived zone combines its parts. */
  enum Op { BUFFER, UNION, INTERSECTION, DIFFERENCE }

  private final String name;
  private final Op op;
  private final List<Zone> parts;
  private final double km;
  private final Supplier<Geometry> approximate;
  private volatile PreparedThreshold buffer;
  private volatile Geometry geometry;

  private DerivedZone(String name, Op op, List<Zone> parts, double km, Supplier<Geometry> approximate) {
    this.name = name;
    this.op = op;
    this.parts = List.copyOf(parts);
    this.km = km;
    this.approximate = approximate;
  }

  static DerivedZone buffer(String name, Zone source, double km, Supplier<Geometry> approximate) {
    return new DerivedZone(name, Op.BUFFER, List.of(source), km, approximate);
  }

  static DerivedZone combine(String name, Op op, List<Zone> parts, Geometry approximate) {
    for (Zone z : parts) {
      if (!z.isArea()) {
        throw new IllegalArgumentException("zone " + z.name() + " is a line; " + op.name().toLowerCase()
            + " needs areas");
      }
    }
    return new DerivedZone(name, op, parts, Double.NaN, () -> approximate);
  }

  @Override public String name() { return name; }
  @Override public boolean isArea() { return true; }
  @Override public boolean isMeasurable() { return false; }
  @Override
  public Geometry geometry() {
    Geometry g = geometry;
    if (g == null) {
      g = geometry = approximate.get();
    }
    return g;
  }

  @Override
  public boolean contains(double lat, double lon) {
    switch (op) {
      case BUFFER: {
        PreparedThreshold t = buffer;
        if (t == null) {
          t = buffer = parts.get(0).threshold(km);
        }
        return t.withinKm(lat, lon);
      }
      case UNION:
        for (Zone z : parts) if (z.contains(lat, lon)) return true;
        return false;
      case INTERSECTION:
        for (Zone z : parts) if (!z.contains(lat, lon)) return false;
        return true;
      case DIFFERENCE:
        if (!parts.get(0).contains(lat, lon)) return false;
        for (int i = 1; i < parts.size(); i++) if (parts.get(i).contains(lat, lon)) return false;
        return true;
      default:
        throw new AssertionError(op);
    }
  }

  @Override
  public double distanceKm(double lat, double lon) {
    throw new UnsupportedOperationException("zone " + name + " is derived from a buffer; measure from its source");
  }

  @Override
  public PreparedThreshold threshold(double km) {
    throw new UnsupportedOperationException("zone " + name + " is derived from a buffer; measure from its source");
  }
}
