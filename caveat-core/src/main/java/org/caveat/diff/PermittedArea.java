package org.caveat.diff;

import java.time.Instant;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.caveat.geo.ReferenceGeography;
import org.caveat.model.Request;
import org.locationtech.jts.geom.Geometry;

/**
 * An estimate of the area of one country (normally Russia) where a fixed kind of use — a probe
 * request, such as counter-fire against attacking artillery — would be permitted by each of two
 * versions. The probe is moved to the centre of every cell of a regular longitude/latitude grid
 * over a window ({@link PermittedGrid}); each cell inside the country counts with its geodesic area
 * (WGS84) where the verdict is PERMIT. A grid estimate, not an exact area: its resolution is
 * {@code step} degrees. {@code caveat diff --permitted-area} and the service's permitted-area and
 * compare routes all compute it here.
 */
public final class PermittedArea {
  /** The grid: a window in degrees and the cell size. */
  public record Window(double minLat, double maxLat, double minLon, double maxLon, double step) {}

  /** European Russia next to Ukraine (43–57°N, 27–50°E) in 0.05° cells. */
  public static final Window NEAR_UKRAINE = new Window(43.0, 57.0, 27.0, 50.0, 0.05);

  /** The country whose area is estimated by default: the grantee's adversary in the shipped packs. */
  public static final String RUSSIA = "RU";

  /**
   * @param countryKm2 the area of the country inside the window
   * @param fromKm2    permitted by the first version
   * @param toKm2      permitted by the second version
   * @param gainedKm2  permitted by the second only
   * @param lostKm2    permitted by the first only
   */
  public record Result(String country, Window window, double countryKm2, double fromKm2, double toKm2,
      double gainedKm2, double lostKm2) {}

  /**
   * The kind of use moved over the grid: purpose, weapon class and the target's category, activity
   * and use in the invasion (null: unknown). The user and the weapon's origin come from the grant.
   */
  public record Profile(String purpose, String weaponClass, String targetCategory, String targetActivity,
      Boolean usedInInvasion) {
    /** Counter-fire by rocket artillery against Russian artillery attacking and used in the invasion. */
    public static final Profile COUNTER_FIRE = new Profile("counter_fire", "rocket_artillery", "artillery",
        "attacking", true);

    /** The probe request for this profile, by {@code user} with a weapon of {@code origin}, at {@code time}. */
    public Request probe(String user, String origin, Instant time) {
      return Request.builder().id("probe").time(time).user(user).purpose(purpose).weaponOrigin(origin)
          .weaponClass(weaponClass).targetLocation(50, 36).targetCategory(targetCategory)
          .targetActivity(targetActivity).targetUsedInInvasion(usedInInvasion).build();
    }
  }

  private PermittedArea() {}

  /** Both versions' grids, then the areas permitted by each, gained and lost. */
  public static Result compare(FlipList.Side from, FlipList.Side to, boolean checkScope, Request probe,
      String country, Window w, ReferenceGeography geo) {
    return compare(PermittedGrid.of(from, checkScope, probe, country, w, geo),
        PermittedGrid.of(to, checkScope, probe, country, w, geo));
  }

  /** Two grids over the same window and country compared; sums run in row-major order. */
  public static Result compare(PermittedGrid a, PermittedGrid b) {
    Window w = a.window();
    double total = 0, from = 0, to = 0, gained = 0, lost = 0;
    for (int i = 0; i < a.rows(); i++) {
      double south = w.minLat() + i * w.step();
      double cell = cellKm2(south, south + w.step(), w.step());
      for (int j = 0; j < a.cols(); j++) {
        PermittedGrid.Status sa = a.at(i, j);
        if (sa == null) continue;
        total += cell;
        boolean pa = sa == PermittedGrid.Status.PERMITTED, pb = b.at(i, j) == PermittedGrid.Status.PERMITTED;
        if (pa) from += cell;
        if (pb) to += cell;
        if (pb && !pa) gained += cell;
        if (pa && !pb) lost += cell;
      }
    }
    return new Result(a.country(), w, total, from, to, gained, lost);
  }

  /** The cells permitted by {@code b} and not by {@code a} ({@code gained}), or the reverse. */
  public static Geometry changed(PermittedGrid a, PermittedGrid b, boolean gained) {
    PermittedGrid x = gained ? b : a, y = gained ? a : b;
    int cols = a.cols();
    return PermittedGrid.cellsWhere(a.window(), a.rows(), cols, k -> x.at(k / cols, k % cols)
        == PermittedGrid.Status.PERMITTED && y.at(k / cols, k % cols) != PermittedGrid.Status.PERMITTED);
  }

  /**
   * The probe {@code caveat diff --permitted-area} uses by default: {@link Profile#COUNTER_FIRE} by
   * the second version's grantee with a weapon of its grantor, at the later of the two in-force dates.
   */
  public static Request defaultProbe(FlipList.Side from, FlipList.Side to) {
    return probe(Profile.COUNTER_FIRE, from, to);
  }

  /**
   * The probe of {@code profile} for comparing two versions: by the second version's grantee with a
   * weapon of its grantor, at the later of the two in-force dates.
   */
  public static Request probe(Profile profile, FlipList.Side from, FlipList.Side to) {
    return profile.probe(to.grant().grant().grantee(), to.grant().grant().grantor(), later(from, to));
  }

  /** The later of the two versions' in-force dates: the probe's time when comparing them. */
  public static Instant later(FlipList.Side a, FlipList.Side b) {
    Instant x = a.version().policy().inForce(), y = b.version().policy().inForce();
    return x.isAfter(y) ? x : y;
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
}
