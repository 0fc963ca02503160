package org.caveat.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The cell index behind {@link ReferenceGeography#region} gives the same answer as testing
 * every region: the smallest code among the regions covering the point, boundaries included.
 */
class RegionIndexProperties {
  private static final ReferenceGeography GEO = ReferenceGeography.shipped();
  private static final List<String> CODES = List.copyOf(GEO.regionCodes());

  private static String bruteForce(double lat, double lon) {
    for (String code : CODES) {
      if (GEO.area(code).contains(lat, lon)) return code;
    }
    return null;
  }

  @Property(tries = 3000)
  void indexedLookupEqualsBruteForce(@ForAll @DoubleRange(min = 43, max = 57) double lat,
      @ForAll @DoubleRange(min = 21, max = 42) double lon) {
    assertThat(GEO.region(lat, lon)).isEqualTo(bruteForce(lat, lon));
  }

  @Property(tries = 1000)
  void boundaryVerticesGoToTheSmallestCode(@ForAll @IntRange(min = 0, max = 200) int region,
      @ForAll @IntRange(min = 0, max = 100_000) int vertex) {
    String code = CODES.get(region % CODES.size());
    if (!code.startsWith("UA") && !List.of("RU-BEL", "RU-KRS", "RU-BRY", "RU-VOR", "RU-ROS").contains(code)) return;
    var cs = GEO.area(code).geometry().getCoordinates();
    var c = cs[vertex % cs.length];
    assertThat(GEO.region(c.y, c.x)).isEqualTo(bruteForce(c.y, c.x));
    assertThat(GEO.country(c.y, c.x)).isEqualTo(GEO.countryOfRegion(bruteForce(c.y, c.x)));
  }
}
