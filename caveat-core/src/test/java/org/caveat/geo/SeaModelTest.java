package org.caveat.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sea model on named points (issue 12's acceptance points among them): country, region and
 * waters of points on the coasts, in the straits and at sea. Agreement with PostGIS on many more
 * coastal points is {@link PostgisFixturesTest}'s.
 */
class SeaModelTest {
  private static final ReferenceGeography GEO = ReferenceGeography.shipped();

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", value = {
      // Sevastopol's centre: 257 m off the Natural Earth coast of UA-40
      "sevastopol-centre,     44.6166, 33.5254, UA, UA-40, internal_or_territorial",
      // Taman, on the Russian side of the Kerch Strait, off the Natural Earth coast
      "taman,                 45.2130, 36.7160, RU, RU-KDA, internal_or_territorial",
      // a ship about 5 km off Crimea's south coast (Yalta)
      "ship-5km-off-crimea,   44.4500, 34.1800, UA, UA-43, internal_or_territorial",
      // in the Kerch Strait, nearer the Crimean shore: Ukraine's side of the equidistance line
      "kerch-strait,          45.3000, 36.5800, UA, UA-43, internal_or_territorial",
      // 60 km south of Crimea's southern tip
      "black-sea-60km,        43.8500, 33.7500, -,  -,     high_seas",
      "black-sea-far,         43.5000, 34.0000, -,  -,     high_seas",
      "kharkiv-land,          49.9935, 36.2304, UA, UA-63, land",
      "minsk-foreign-land,    53.9000, 27.5667, -,  -,     land",
  })
  void pointsOnTheCoastsAndAtSea(String name, double lat, double lon, String country, String region, String waters) {
    Location at = GEO.locate(lat, lon);
    assertThat(at.country()).as("country").isEqualTo(country);
    assertThat(at.region()).as("region").isEqualTo(region);
    assertThat(at.waters().label()).as("waters").isEqualTo(waters);
    assertThat(at.onBorder()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // the ends of the UA–RU land border (Belarus tripoint, Sea of Azov), exact vertices
      "belarus-tripoint, 52.10057, 31.76434",
      "azov-end,         47.10326, 38.21664",
  })
  void aPointExactlyOnALandBorderSaysSoAndReportsTheCodeThatSortsFirst(String name, double lat, double lon) {
    Location at = GEO.locate(lat, lon);
    assertThat(at.onBorder()).isTrue();
    assertThat(at.waters()).isEqualTo(Waters.LAND);
    assertThat(at.region()).isEqualTo(GEO.region(lat, lon));
  }
}
