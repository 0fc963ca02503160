package org.caveat.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.caveat.geo.Zone;
import org.caveat.program.CompiledVersion;
import org.caveat.program.ZoneRef;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * How one named zone changed between two versions. For areas: the area gained (in the second
 * version, not the first) and lost (in the first, not the second), geodesic on WGS84, with the
 * difference geometries (JTS OverlayNG in longitude/latitude). For lines (borders): the length
 * gained and lost instead. A zone present in one version only is gained or lost whole.
 *
 * <p>Zones derived from buffers are measured on their approximate geometry ({@link Zone#geometry()}),
 * so their figures are close but not exact; {@code approximate} says so.
 *
 * @param kind    "area" or "line" (from the version that has the zone; the second if both)
 * @param from    area (km²) or length (km) in the first version, null if absent there
 * @param to      the same in the second version, null if absent there
 * @param gained  area or length only the second version has
 * @param lost    area or length only the first version has
 */
public record ZoneDiff(String zone, String kind, Double from, Double to, double gained, double lost,
    boolean approximate, Geometry gainedGeometry, Geometry lostGeometry) {

  public boolean isArea() {
    return kind.equals("area");
  }

  public boolean changed() {
    return from == null || to == null || gained > 0 || lost > 0;
  }

  /** Every zone name of either version, sorted by name. */
  static List<ZoneDiff> of(CompiledVersion a, CompiledVersion b) {
    TreeSet<String> names = new TreeSet<>(a.zones().keySet());
    names.addAll(b.zones().keySet());
    List<ZoneDiff> out = new ArrayList<>();
    for (String name : names) out.add(of(name, zone(a, name), zone(b, name)));
    return List.copyOf(out);
  }

  /** The change from zone {@code a} to zone {@code b}; either may be null (absent). */
  public static ZoneDiff of(String name, Zone a, Zone b) {
    Geometry ga = a == null ? null : a.geometry();
    Geometry gb = b == null ? null : b.geometry();
    boolean area = (gb != null ? gb : ga).getDimension() == 2;
    GeometryFactory f = (gb != null ? gb : ga).getFactory();
    Geometry empty = area ? f.createPolygon() : f.createLineString();
    Geometry gained, lost;
    if (ga == null) {
      gained = gb;
      lost = empty;
    } else if (gb == null) {
      gained = empty;
      lost = ga;
    } else if (ga.getDimension() != gb.getDimension()) {
      // An area became a line or the reverse: nothing in common to compare.
      gained = gb;
      lost = ga;
    } else {
      gained = OverlayNGRobust.overlay(gb, ga, OverlayNG.DIFFERENCE);
      lost = OverlayNGRobust.overlay(ga, gb, OverlayNG.DIFFERENCE);
    }
    boolean approximate = (a != null && !a.isMeasurable()) || (b != null && !b.isMeasurable());
    return new ZoneDiff(name, area ? "area" : "line", measure(ga, area), measure(gb, area),
        measure(gained, area), measure(lost, area), approximate, gained, lost);
  }

  private static Double measure(Geometry g, boolean area) {
    if (g == null) return null;
    return area ? GeodesicMeasure.areaKm2(g) : GeodesicMeasure.lengthKm(g);
  }

  private static Zone zone(CompiledVersion v, String name) {
    ZoneRef r = v.zones().get(name);
    return r == null ? null : r.zone();
  }
}
