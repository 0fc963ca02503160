package org.caveat.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Builds zones. Set operations over exact zones give exact zones (JTS OverlayNG); as soon as a
 * buffer is involved, the result is a {@link DerivedZone} whose containment stays exact.
 */
public final class Zones {
  private Zones() {}

  /** A zone from an exact longitude/latitude geometry (area or line). */
  public static Zone of(String name, Geometry geometry) {
    return new GeometryZone(name, geometry);
  }

  /**
   * A zone {@code make} builds when it is first used (anything but its name), e.g. one of a
   * version read from the compiled-pack cache that no request may ever reach.
   */
  public static Zone lazy(String name, java.util.function.Supplier<Zone> make) {
    return new LazyZone(name, make);
  }

  /** The area within {@code km} kilometres (geodesic) of a measurable zone. */
  public static Zone buffer(String name, Zone source, double km) {
    if (!source.isMeasurable()) {
      throw new IllegalArgumentException("cannot buffer zone " + source.name() + ": it has no exact geometry");
    }
    if (!(km >= 0) || !Double.isFinite(km)) {
      throw new IllegalArgumentException("buffer distance must be a finite number ≥ 0 km, got " + km);
    }
    return DerivedZone.buffer(name, source, km, () -> {
      LocalProjection projection = LocalProjection.centredOn(source.geometry());
      Geometry projected = projection.forward(Densifier.densify(source.geometry(), 0.05));
      Geometry buffered = BufferOp.bufferOp(projected, km * 1000, new BufferParameters(16));
      return projection.reverse(Densifier.densify(buffered, 2000));
    });
  }

  public static Zone union(String name, List<Zone> parts) {
    return combine(name, DerivedZone.Op.UNION, parts);
  }

  public static Zone intersection(String name, List<Zone> parts) {
    return combine(name, DerivedZone.Op.INTERSECTION, parts);
  }

  public static Zone difference(String name, List<Zone> parts) {
    return combine(name, DerivedZone.Op.DIFFERENCE, parts);
  }

  private static Zone combine(String name, DerivedZone.Op op, List<Zone> parts) {
    if (parts.size() < 2) {
      throw new IllegalArgumentException(op.name().toLowerCase() + " needs at least two zones");
    }
    boolean exact = parts.stream().allMatch(Zone::isMeasurable);
    boolean lineal = parts.stream().anyMatch(z -> !z.isArea());
    if (lineal && !(op == DerivedZone.Op.UNION && parts.stream().noneMatch(Zone::isArea))) {
      throw new IllegalArgumentException(op.name().toLowerCase() + " of lines and areas is not supported;"
          + " combine areas with areas, or lines by union");
    }
    Geometry geometry = overlay(op, parts);
    if (exact) {
      return new GeometryZone(name, geometry);
    }
    return DerivedZone.combine(name, op, parts, geometry);
  }

  private static Geometry overlay(DerivedZone.Op op, List<Zone> parts) {
    if (op == DerivedZone.Op.UNION) {
      List<Geometry> gs = new ArrayList<>();
      for (Zone z : parts) gs.add(z.geometry());
      return UnaryUnionOp.union(gs);
    }
    int code = op == DerivedZone.Op.INTERSECTION ? OverlayNG.INTERSECTION : OverlayNG.DIFFERENCE;
    Geometry acc = parts.get(0).geometry();
    for (int i = 1; i < parts.size(); i++) {
      acc = OverlayNGRobust.overlay(acc, parts.get(i).geometry(), code);
    }
    return acc;
  }
}
