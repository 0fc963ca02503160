package org.caveat.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** The per-cell candidate index never changes a distance: it equals a scan of every edge. */
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
}
