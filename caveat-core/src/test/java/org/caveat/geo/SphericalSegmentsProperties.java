package org.caveat.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The per-cell candidate index (ranked edges, early stop) never changes a distance: it equals a
 * scan of every edge to the bit, near the border, in the cells kept in the flat grid and outside,
 * and at the corners of cells (farthest from the centre the early stop measures from).
 */
class SphericalSegmentsProperties {
  private static final ReferenceGeography GEO = ReferenceGeography.shipped();
  private static final SphericalSegments KHARKIV = new SphericalSegments(
      GEO.border("kharkiv_border", Set.of("UA-63"), Set.of("RU")).geometry());
  private static final SphericalSegments WHOLE = new SphericalSegments(GEO.uaRuBorder().geometry());

  @Property(tries = 3000)
  void indexedEqualsFullScan(@ForAll @DoubleRange(min = 40, max = 60) double lat,
      @ForAll @DoubleRange(min = 20, max = 50) double lon) {
    assertThat(KHARKIV.distanceMetres(lat, lon)).isEqualTo(KHARKIV.distanceMetresFullScan(lat, lon));
    assertThat(WHOLE.distanceMetres(lat, lon)).isEqualTo(WHOLE.distanceMetresFullScan(lat, lon));
  }

  @Property(tries = 1000)
  void indexedEqualsFullScanNearTheBorder(@ForAll @DoubleRange(min = 49.9, max = 50.6) double lat,
      @ForAll @DoubleRange(min = 35.9, max = 38.3) double lon) {
    assertThat(KHARKIV.distanceMetres(lat, lon)).isEqualTo(KHARKIV.distanceMetresFullScan(lat, lon));
  }

  @Property(tries = 1000)
  void indexedEqualsFullScanAnywhere(@ForAll @DoubleRange(min = -90, max = 90) double lat,
      @ForAll @DoubleRange(min = -180, max = 180) double lon) {
    assertThat(WHOLE.distanceMetres(lat, lon)).isEqualTo(WHOLE.distanceMetresFullScan(lat, lon));
  }

  @Property(tries = 2000)
  void indexedEqualsFullScanOnVertices(@ForAll @IntRange(min = 0, max = 1_000_000) int vertex,
      @ForAll @DoubleRange(min = -0.01, max = 0.01) double dLat, @ForAll @DoubleRange(min = -0.01, max = 0.01) double dLon) {
    var cs = GEO.uaRuBorder().geometry().getCoordinates();
    var c = cs[vertex % cs.length];
    assertThat(WHOLE.distanceMetres(c.y, c.x)).isEqualTo(WHOLE.distanceMetresFullScan(c.y, c.x));
    assertThat(WHOLE.distanceMetres(c.y + dLat, c.x + dLon)).isEqualTo(WHOLE.distanceMetresFullScan(c.y + dLat, c.x + dLon));
  }

  @Property(tries = 2000)
  void indexedEqualsFullScanAtCellCorners(@ForAll @IntRange(min = 180, max = 240) int row,
      @ForAll @IntRange(min = 80, max = 200) int col, @ForAll @IntRange(min = -2, max = 2) int ulpsLat,
      @ForAll @IntRange(min = -2, max = 2) int ulpsLon) {
    double lat = row * SphericalSegments.CELL_DEGREES, lon = col * SphericalSegments.CELL_DEGREES;
    lat += ulpsLat * Math.ulp(lat);
    lon += ulpsLon * Math.ulp(lon);
    assertThat(WHOLE.distanceMetres(lat, lon)).isEqualTo(WHOLE.distanceMetresFullScan(lat, lon));
    assertThat(KHARKIV.distanceMetres(lat, lon)).isEqualTo(KHARKIV.distanceMetresFullScan(lat, lon));
  }
}
