package org.caveat.diff;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.caveat.compile.EvalContext;
import org.caveat.decide.Outcome;
import org.caveat.geo.ReferenceGeography;
import org.caveat.model.Request;

/**
 * An estimate of the area of one country (normally Russia) where a fixed kind of use — a probe
 * request, such as counter-fire against attacking artillery — would be permitted by each of two
 * versions. The probe is moved to the centre of every cell of a regular longitude/latitude grid
 * over a window; each cell inside the country counts with its geodesic area (WGS84) where the
 * verdict is PERMIT. A grid estimate, not an exact area: its resolution is {@code step} degrees.
 */
public final class PermittedArea {
  /** The grid: a window in degrees and the cell size. */
  public record Window(double minLat, double maxLat, double minLon, double maxLon, double step) {}

  /** European Russia next to Ukraine (43–57°N, 27–50°E) in 0.05° cells. */
  public static final Window NEAR_UKRAINE = new Window(43.0, 57.0, 27.0, 50.0, 0.05);

  /**
   * @param countryKm2 the area of the country inside the window
   * @param fromKm2    permitted by the first version
   * @param toKm2      permitted by the second version
   * @param gainedKm2  permitted by the second only
   * @param lostKm2    permitted by the first only
   */
  public record Result(String country, Window window, double countryKm2, double fromKm2, double toKm2,
      double gainedKm2, double lostKm2) {}

  private PermittedArea() {}

  public static Result compare(FlipList.Side from, FlipList.Side to, boolean checkScope, Request probe,
      String country, Window w, ReferenceGeography geo) {
    EvalContext ctx = new EvalContext(geo);
    int rows = (int) Math.round((w.maxLat() - w.minLat()) / w.step());
    int cols = (int) Math.round((w.maxLon() - w.minLon()) / w.step());
    double total = 0, a = 0, b = 0, gained = 0, lost = 0;
    for (int i = 0; i < rows; i++) {
      double south = w.minLat() + i * w.step();
      double cell = cellKm2(south, south + w.step(), w.step());
      double lat = south + w.step() / 2;
      for (int j = 0; j < cols; j++) {
        double lon = w.minLon() + (j + 0.5) * w.step();
        if (!country.equals(geo.country(lat, lon))) continue;
        total += cell;
        Request r = at(probe, lat, lon);
        boolean pa = FlipList.decide(from, checkScope, r, ctx).outcome() == Outcome.PERMIT;
        boolean pb = FlipList.decide(to, checkScope, r, ctx).outcome() == Outcome.PERMIT;
        if (pa) a += cell;
        if (pb) b += cell;
        if (pb && !pa) gained += cell;
        if (pa && !pb) lost += cell;
      }
    }
    return new Result(country, w, total, a, b, gained, lost);
  }

  /** Geodesic area of a cell between two parallels, {@code width} degrees wide. */
  static double cellKm2(double south, double north, double width) {
    PolygonArea p = new PolygonArea(Geodesic.WGS84, false);
    p.AddPoint(south, 0);
    p.AddPoint(south, width);
    p.AddPoint(north, width);
    p.AddPoint(north, 0);
    return Math.abs(p.Compute(false, true).area) / 1e6;
  }

  /** The probe moved to (lat, lon). */
  static Request at(Request p, double lat, double lon) {
    return Request.builder().id(p.id()).time(p.time()).user(p.user()).purpose(p.purpose())
        .weaponOrigin(p.weaponOrigin()).weaponSystem(p.weaponSystem()).weaponMunition(p.weaponMunition())
        .weaponClass(p.weaponClass()).weaponRangeKm(p.weaponRangeKm()).targetLocation(lat, lon)
        .targetCategory(p.targetCategory()).targetActivity(p.targetActivity())
        .targetUsedInInvasion(p.targetUsedInInvasion()).build();
  }

  /**
   * The default probe: counter-fire by rocket artillery of the grantor against Russian artillery
   * attacking and used in the invasion, at {@code time}.
   */
  public static Request counterFireProbe(String user, String origin, java.time.Instant time) {
    return Request.builder().id("probe").time(time).user(user).purpose("counter_fire").weaponOrigin(origin)
        .weaponClass("rocket_artillery").targetLocation(50, 36).targetCategory("artillery")
        .targetActivity("attacking").targetUsedInInvasion(true).build();
  }
}
