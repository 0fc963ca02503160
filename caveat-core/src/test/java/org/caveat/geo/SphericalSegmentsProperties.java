package org.caveat.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The per-cell candidate index (ranked edges, early stop) never changes a distance: it equals a
 * scan of every edge to the bit, near the border, in the cells kept in the flat grid and outside.
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
}
