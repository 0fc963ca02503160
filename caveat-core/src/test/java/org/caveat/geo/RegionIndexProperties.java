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

  /**
   * On the lines of the cell grid (a cell keeps only the regions meeting its closed box, so the
   * points on its edges are the ones a wrong box would lose) and at its corners.
   */
  @Property(tries = 2000)
  void cellEdgesAndCornersEqualBruteForce(@ForAll @IntRange(min = 176, max = 224) int row,
      @ForAll @IntRange(min = 88, max = 164) int col, @ForAll @DoubleRange(min = 0, max = 1) double along,
      @ForAll @IntRange(min = 0, max = 2) int which) {
    double cell = ReferenceGeography.CELL_DEGREES;
    double lat = row * cell + (which == 1 ? along * cell : 0), lon = col * cell + (which == 2 ? along * cell : 0);
    assertThat(GEO.region(lat, lon)).isEqualTo(bruteForce(lat, lon));
  }
}
