package org.caveat.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares country, region and geodesic distances with values computed by PostGIS
 * ({@code ST_Covers}, {@code ST_Distance(geography)}) on the project's own geometry by
 * {@code scripts/geo/postgis-fixtures.sh}. Distances must agree within 1 m; country and waters
 * of the sea model agree exactly (PostGIS decides the 12-nm belt and the equidistance line by
 * {@code ST_Distance(geography)}), and so does membership of PostGIS's {@code ST_Buffer(geography)}
 * belt for points more than 1 km from its edge (a buffer polygon is an approximation).
 */
class PostgisFixturesTest {
  private static ReferenceGeography geo;
  private static Zone border, kharkivBorder, ukraine;

  @BeforeAll
  static void load() {
    geo = ReferenceGeography.shipped();
    border = geo.uaRuBorder();
    kharkivBorder = geo.border("kharkiv_border", Set.of("UA-63"), Set.of("RU"));
    ukraine = geo.area("UA");
  }

  record Row(double lat, double lon, String country, String region, double border, double kharkiv, double ua,
      String waters, String seaCountry, String inBuffer, String landM) {}

  static List<Row> rows() throws Exception {
    List<Row> rows = new ArrayList<>();
    try (var in = new BufferedReader(new InputStreamReader(
        PostgisFixturesTest.class.getResourceAsStream("/caveat/geo/postgis-fixtures.csv"), StandardCharsets.UTF_8))) {
      in.readLine();
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",", -1);
        rows.add(new Row(Double.parseDouble(f[0]), Double.parseDouble(f[1]), f[2], f[3],
            Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]), f[7], f[8],
            f[9].replace("\"", ""), f[10]));
      }
    }
    return rows;
  }

  @TestFactory
  List<DynamicTest> agreesWithPostgis() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    List<Row> rows = rows();
    assertThat(rows).hasSizeGreaterThan(300);
    for (Row r : rows) {
      tests.add(DynamicTest.dynamicTest(r.lat() + "," + r.lon(), () -> {
        assertThat(orEmpty(geo.country(r.lat(), r.lon()))).isIn(alternatives(r.country()));
        assertThat(orEmpty(geo.region(r.lat(), r.lon()))).isIn(alternatives(r.region()));
        assertThat(border.distanceKm(r.lat(), r.lon()) * 1000).as("distance to the UA–RU border")
            .isCloseTo(r.border(), within(1.0));
        assertThat(kharkivBorder.distanceKm(r.lat(), r.lon()) * 1000).as("distance to the Kharkiv border")
            .isCloseTo(r.kharkiv(), within(1.0));
        assertThat(ukraine.distanceKm(r.lat(), r.lon()) * 1000).as("distance to Ukraine")
            .isCloseTo(r.ua(), within(1.0));
        Location at = geo.locate(r.lat(), r.lon());
        assertThat(at.waters().label()).as("waters").isEqualTo(r.waters());
        assertThat(orEmpty(at.country())).as("country, sea included").isIn(alternatives(r.seaCountry()));
        if (!r.waters().equals("land") && Math.abs(Double.parseDouble(r.landM()) - SeaModel.TERRITORIAL_SEA_KM * 1000) > 1000
            && !(r.seaCountry().isEmpty() && at.waters() == Waters.INTERNAL_OR_TERRITORIAL)) {
          // PostGIS's ST_Buffer(geography) belts (of UA and RU, not of other states) agree away
          // from their approximate edge.
          assertThat(!r.inBuffer().isEmpty()).as("inside PostGIS's 12-nm buffer")
              .isEqualTo(at.waters() == Waters.INTERNAL_OR_TERRITORIAL);
        }
      }));
    }
    return tests;
  }

  /** PostGIS writes "RU|UA" where a point lies on a shared boundary; either answer is right. */
  private static List<String> alternatives(String field) {
    return List.of(field.split("\\|", -1));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
