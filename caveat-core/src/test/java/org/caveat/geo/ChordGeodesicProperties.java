package org.caveat.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.caveat.explain.Numbers;

/**
 * GeographicLib is the oracle: the chord method stays within its stated bound on generated
 * lines (every latitude, azimuth and length it is used for), and a metre it decides is the one
 * GeographicLib's distance rounds to, also next to half-metres, at the poles and for a point on
 * the border; the border distance for answers rounds to the exact one's figure everywhere.
 * Decimals are generated at scale 9 (jqwik's default of 2 would leave few distinct offsets).
 */
class ChordGeodesicProperties {
  private static final ReferenceGeography GEO = ReferenceGeography.shipped();
  private static final SphericalSegments WHOLE = new SphericalSegments(GEO.uaRuBorder().geometry());
  private static final SphericalSegments KHARKIV = new SphericalSegments(
      GEO.border("kharkiv_border", Set.of("UA-63"), Set.of("RU")).geometry());

  @Property(tries = 20_000)
  void withinTheBoundOnEveryLine(@ForAll @Scale(9) @DoubleRange(min = -90, max = 90) double lat,
      @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double lon, @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double azimuth,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 6.2) double logKm) {
    checkLine(lat, lon, azimuth, Math.pow(10, logKm) - 1);
  }

  @Property(tries = 5000)
  void withinTheBoundInTheRegionsBand(@ForAll @Scale(9) @DoubleRange(min = 44, max = 53) double lat,
      @ForAll @Scale(9) @DoubleRange(min = 22, max = 41) double lon, @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double azimuth,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 1_450_000) double metres) {
    checkLine(lat, lon, azimuth, metres);
  }

  @Property(tries = 3000)
  void withinTheBoundNearThePoles(@ForAll @Scale(9) @DoubleRange(min = 89, max = 90) double colat,
      @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double lon, @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double azimuth,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 1_450_000) double metres, @ForAll boolean south) {
    checkLine(south ? -colat : colat, lon, azimuth, metres);
  }

  /** Lines whose length lies within 10 cm of a half-metre: decided only when the bound allows, and then right. */
  @Property(tries = 5000)
  void nextToHalfMetres(@ForAll @Scale(9) @DoubleRange(min = 44, max = 53) double lat, @ForAll @Scale(9) @DoubleRange(min = 22, max = 41) double lon,
      @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double azimuth, @ForAll @IntRange(min = 0, max = 1_400_000) int whole,
      @ForAll @Scale(9) @DoubleRange(min = -0.1, max = 0.1) double off) {
    checkLine(lat, lon, azimuth, whole + 0.5 + off);
  }

  @Property(tries = 2000)
  void samePointIsZero(@ForAll @Scale(9) @DoubleRange(min = -90, max = 90) double lat, @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double lon) {
    double[] p = SphericalSegments.unit(lat, lon);
    assertThat(ChordGeodesic.metres(p[0], p[1], p[2], p[0], p[1], p[2])).isZero();
    assertThat(ChordGeodesic.roundedMetres(p[0], p[1], p[2], p[0], p[1], p[2])).isZero();
  }

  @Property(tries = 3000)
  void borderFigureIsTheExactOnesAnywhere(@ForAll @Scale(9) @DoubleRange(min = -90, max = 90) double lat,
      @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double lon) {
    sameFigure(WHOLE, lat, lon);
  }

  @Property(tries = 5000)
  void borderFigureIsTheExactOnesInTheRegion(@ForAll @Scale(9) @DoubleRange(min = 44, max = 57) double lat,
      @ForAll @Scale(9) @DoubleRange(min = 22, max = 42) double lon) {
    sameFigure(WHOLE, lat, lon);
    sameFigure(KHARKIV, lat, lon);
  }

  @Property(tries = 2000)
  void borderFigureIsTheExactOnesOnAndNextToVertices(@ForAll @IntRange(min = 0, max = 1_000_000) int vertex,
      @ForAll @Scale(9) @DoubleRange(min = -0.001, max = 0.001) double dLat, @ForAll @Scale(9) @DoubleRange(min = -0.001, max = 0.001) double dLon) {
    var cs = GEO.uaRuBorder().geometry().getCoordinates();
    var c = cs[vertex % cs.length];
    sameFigure(WHOLE, c.y, c.x);
    sameFigure(WHOLE, c.y + dLat, c.x + dLon);
  }

  private static void sameFigure(SphericalSegments edges, double lat, double lon) {
    double exactKm = edges.distanceMetres(lat, lon) / 1000, forFigure = edges.distanceKmToTheMetre(lat, lon);
    assertThat(Numbers.format(forFigure, 3)).isEqualTo(Numbers.format(exactKm, 3));
    assertThat(Numbers.round(forFigure, 3)).isEqualTo(Numbers.round(exactKm, 3));
  }

  private static void checkLine(double lat, double lon, double azimuth, double metres) {
    GeodesicData end = Geodesic.WGS84.Direct(lat, lon, azimuth, metres);
    double exact = Geodesic.WGS84.Inverse(lat, lon, end.lat2, end.lon2, GeodesicMask.DISTANCE).s12;
    double[] p = SphericalSegments.unit(lat, lon), q = SphericalSegments.unit(end.lat2, end.lon2);
    double fast = ChordGeodesic.metres(p[0], p[1], p[2], q[0], q[1], q[2]);
    if (Double.isNaN(fast)) {
      assertThat(exact).isGreaterThan(ChordGeodesic.MAX_CHORD_METRES);
      return;
    }
    assertThat(Math.abs(fast - exact)).isLessThanOrEqualTo(ChordGeodesic.errorBound(fast));
    long k = ChordGeodesic.roundedMetres(p[0], p[1], p[2], q[0], q[1], q[2]);
    if (k != ChordGeodesic.UNDECIDED) {
      assertThat(Math.abs(exact - k)).isLessThan(0.5);
      assertThat(Numbers.round(k / 1000.0, 3)).isEqualTo(Numbers.round(exact / 1000, 3));
      assertThat(Numbers.format(k / 1000.0, 3)).isEqualTo(Numbers.format(exact / 1000, 3));
    }
  }
}
