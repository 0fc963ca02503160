package org.caveat.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/**
 * The prepared threshold test must never contradict the exact distance: CLOSER only when the
 * distance is below T, FARTHER only when above. Points are drawn near the border, where the
 * ring between inner and outer buffers lies, as well as far from it.
 */
class PreparedThresholdProperties {
  private static final ReferenceGeography GEO = ReferenceGeography.shipped();
  private static final Zone KHARKIV_BORDER = GEO.border("kharkiv_border", Set.of("UA-63"), Set.of("RU"));
  private static final Zone UA_RU_BORDER = GEO.uaRuBorder();
  private static final Zone KHARKIV_OBLAST = GEO.area("UA-63");
  /** The packs' name for the whole border: the same edges as the facts' {@link ReferenceGeography#uaRuBorder}. */
  private static final Zone PACK_UA_RU_BORDER = GEO.border("ua_ru_border", Set.of("UA"), Set.of("RU"));

  @Provide
  Arbitrary<Double> thresholds() {
    return Arbitraries.of(0.5, 5.0, 25.0, 40.0, 100.0, 150.0, 300.0);
  }

  @Property(tries = 3000)
  void kharkivBorderClassificationAgreesWithExactDistance(
      @ForAll @DoubleRange(min = 47.5, max = 53.5) double lat,
      @ForAll @DoubleRange(min = 33.0, max = 41.0) double lon,
      @ForAll("thresholds") double km) {
    check(KHARKIV_BORDER, lat, lon, km);
  }

  @Property(tries = 2000)
  void wholeBorderClassificationAgreesWithExactDistance(
      @ForAll @DoubleRange(min = 45.0, max = 55.0) double lat,
      @ForAll @DoubleRange(min = 29.0, max = 42.0) double lon,
      @ForAll("thresholds") double km) {
    check(UA_RU_BORDER, lat, lon, km);
  }

  @Property(tries = 2000)
  void areaClassificationAgreesWithExactDistance(
      @ForAll @DoubleRange(min = 48.0, max = 51.5) double lat,
      @ForAll @DoubleRange(min = 34.0, max = 39.5) double lon,
      @ForAll("thresholds") double km) {
    check(KHARKIV_OBLAST, lat, lon, km);
  }

  /** Points right at the threshold distance, where a wrong margin would show first. */
  @Property(tries = 1000)
  void pointsNearTheThresholdAreDecidedExactly(
      @ForAll @DoubleRange(min = 0, max = 1) double along,
      @ForAll @DoubleRange(min = 0, max = 360) double azimuth,
      @ForAll("thresholds") double km,
      @ForAll @DoubleRange(min = -0.02, max = 0.02) double jitter) {
    var line = KHARKIV_BORDER.geometry();
    var c = new org.locationtech.jts.linearref.LengthIndexedLine(line).extractPoint(along * line.getLength());
    var d = net.sf.geographiclib.Geodesic.WGS84.Direct(c.y, c.x, azimuth, km * 1000 * (1 + jitter));
    check(KHARKIV_BORDER, d.lat2, d.lon2, km);
  }

  /**
   * A threshold on the facts' border, classified from the memo's chord distance when an answer
   * will carry the facts, never contradicts the exact distance; the facts' figure taken from the
   * same memo afterwards is the one computed without it. Thresholds drawn near every distance
   * the chord method covers, points anywhere from the border out to 1,600 km.
   */
  @Property(tries = 3000)
  void memoClassificationAgreesWithExactDistance(
      @ForAll @DoubleRange(min = 35.0, max = 65.0) double lat,
      @ForAll @DoubleRange(min = 15.0, max = 60.0) double lon,
      @ForAll("thresholds") double km) {
    checkWithMemo(lat, lon, km);
    // Limits at and a hair from the exact distance itself (the comparison alone: a prepared
    // threshold per limit would cost a JTS buffer each).
    double exact = UA_RU_BORDER.distanceKm(lat, lon);
    GeoMemo memo = new GeoMemo(GEO);
    double chord = memo.nearest(((GeometryZone) UA_RU_BORDER).edges(), lat, lon).chordMetres;
    for (double limit : new double[] {exact, Math.nextUp(exact), Math.nextDown(exact), exact * (1 + 1e-9),
        exact * (1 - 1e-9), exact + 0.000_01, exact - 0.000_01}) {
      int c = ChordGeodesic.compare(chord, limit * 1000);
      if (c < 0) assertThat(exact).as("closer than %s km", limit).isLessThan(limit);
      if (c > 0) assertThat(exact).as("farther than %s km", limit).isGreaterThan(limit);
    }
  }

  /** Points at the memo's threshold distance, along the whole border, within a few metres either side. */
  @Property(tries = 2000)
  void memoPointsNearTheThresholdAreDecidedExactly(
      @ForAll @DoubleRange(min = 0, max = 1) double along,
      @ForAll @DoubleRange(min = 0, max = 360) double azimuth,
      @ForAll("thresholds") double km,
      @ForAll @DoubleRange(min = -0.0001, max = 0.0001) @Scale(9) double jitter) {
    var line = UA_RU_BORDER.geometry();
    var c = new org.locationtech.jts.linearref.LengthIndexedLine(line).extractPoint(along * line.getLength());
    var d = net.sf.geographiclib.Geodesic.WGS84.Direct(c.y, c.x, azimuth, km * 1000 * (1 + jitter));
    checkWithMemo(d.lat2, d.lon2, km);
  }

  private static void checkWithMemo(double lat, double lon, double km) {
    GeoMemo memo = new GeoMemo(GEO);
    memo.expectFacts(true);
    PreparedThreshold t = PACK_UA_RU_BORDER.threshold(km);
    double exact = PACK_UA_RU_BORDER.distanceKm(lat, lon);
    int c = t.classify(lat, lon, memo);
    if (c == PreparedThreshold.CLOSER) {
      assertThat(exact).as("classified closer than %s km", km).isLessThan(km);
    } else if (c == PreparedThreshold.FARTHER) {
      assertThat(exact).as("classified farther than %s km", km).isGreaterThan(km);
    }
    assertThat(UA_RU_BORDER.distanceKmToTheMetre(lat, lon, memo))
        .isEqualTo(UA_RU_BORDER.distanceKmToTheMetre(lat, lon));
  }

  private static void check(Zone zone, double lat, double lon, double km) {
    PreparedThreshold t = zone.threshold(km);
    double exact = zone.distanceKm(lat, lon);
    int c = t.classify(lat, lon);
    if (c == PreparedThreshold.CLOSER) {
      assertThat(exact).as("classified closer than %s km", km).isLessThan(km);
    } else if (c == PreparedThreshold.FARTHER) {
      assertThat(exact).as("classified farther than %s km", km).isGreaterThan(km);
    }
    assertThat(t.withinKm(lat, lon)).isEqualTo(exact <= km);
  }
}
