package org.caveat.geo;

import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;

/**
 * A zone made when first asked anything but its name: for versions read from the compiled-pack
 * cache, whose zones (unions and intersections of shipped areas, buffers) are rebuilt only if a
 * request reaches them. Thread-safe; the maker runs at most once per zone if it succeeds.
 */
final class LazyZone implements Zone {
  private final String name;
  private final Supplier<Zone> make;
  private volatile Zone zone;

  LazyZone(String name, Supplier<Zone> make) {
    this.name = name;
    this.make = make;
  }

  private Zone zone() {
    Zone z = zone;
    if (z == null) {
      synchronized (this) {
        z = zone;
        if (z == null) zone = z = make.get();
      }
    }
    return z;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isArea() {
    return zone().isArea();
  }

  @Override
  public boolean isMeasurable() {
    return zone().isMeasurable();
  }

  @Override
  public boolean contains(double lat, double lon) {
    return zone().contains(lat, lon);
  }

  @Override
  public double distanceKm(double lat, double lon) {
    return zone().distanceKm(lat, lon);
  }

  @Override
  public double distanceKmToTheMetre(double lat, double lon) {
    return zone().distanceKmToTheMetre(lat, lon);
  }

  @Override
  public double distanceKmToTheMetre(double lat, double lon, GeoMemo memo) {
    return zone().distanceKmToTheMetre(lat, lon, memo);
  }

  @Override
  public PreparedThreshold threshold(double km) {
    return zone().threshold(km);
  }

  @Override
  public Geometry geometry() {
    return zone().geometry();
  }
}
