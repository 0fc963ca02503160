package org.caveat.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compact form gives back exactly the geography it was made from, and is refused when made
 * from other GeoJSON or damaged, so a changed file is never served stale.
 */
class CompactGeographyTest {
  private static final ReferenceGeography GEO = ReferenceGeography.shipped();
  private static final String KEY = CompactGeography.sourceKey("/caveat/geo/", "regions.geojson",
      "borders.geojson", "countries.geojson", "land.geojson");
  private static final byte[] BYTES = CompactGeography.write(KEY, GEO.parts());

  @Test
  void roundTripKeepsEveryGeometryAndNameExactly() {
    ReferenceGeography back = CompactGeography.read(KEY, BYTES);
    assertThat(back).isNotNull();
    CompactGeography.Parts a = GEO.parts(), b = back.parts();
    assertThat(b.regions()).hasSameSizeAs(a.regions());
    for (int i = 0; i < a.regions().size(); i++) assertSame(a.regions().get(i), b.regions().get(i));
    for (int i = 0; i < a.countries().size(); i++) assertSame(a.countries().get(i), b.countries().get(i));
    assertThat(b.borders()).hasSameSizeAs(a.borders());
    for (int i = 0; i < a.borders().size(); i++) {
      assertThat(b.borders().get(i).a()).isEqualTo(a.borders().get(i).a());
      assertThat(b.borders().get(i).b()).isEqualTo(a.borders().get(i).b());
      assertThat(b.borders().get(i).line().equalsExact(a.borders().get(i).line())).isTrue();
    }
    assertThat(back.countryName("UA")).isEqualTo("Ukraine");
    assertThat(back.region(50.59, 36.58)).isEqualTo(GEO.region(50.59, 36.58));
    assertThat(back.uaRuBorder().distanceKm(50.0, 36.2)).isEqualTo(GEO.uaRuBorder().distanceKm(50.0, 36.2));
  }

  private static void assertSame(CompactGeography.Area x, CompactGeography.Area y) {
    assertThat(List.of(y.code(), String.valueOf(y.country()), y.name()))
        .isEqualTo(List.of(x.code(), String.valueOf(x.country()), x.name()));
    assertThat(y.geometry().getGeometryType()).isEqualTo(x.geometry().getGeometryType());
    assertThat(y.geometry().equalsExact(x.geometry())).as(x.code()).isTrue();
  }

  @Test
  void bytesMadeFromOtherGeoJsonAreRefused() {
    String other = "0".repeat(64);
    assertThat(CompactGeography.read(other, BYTES)).isNull();
    assertThat(CompactGeography.read(KEY, CompactGeography.write(other, GEO.parts()))).isNull();
  }

  @Test
  void damagedOrMissingBytesAreRefused() {
    assertThat(CompactGeography.read(KEY, null)).isNull();
    assertThat(CompactGeography.read(KEY, Arrays.copyOf(BYTES, BYTES.length / 2))).isNull();
    assertThat(CompactGeography.read(KEY, Arrays.copyOf(BYTES, BYTES.length + 1))).isNull();
    assertThat(CompactGeography.read(KEY, "not a geography".getBytes(StandardCharsets.UTF_8))).isNull();
  }

  @Test
  void aChangedByteAnywhereIsRefused() {
    // A changed coordinate still parses as WKB (a geography that answers differently), and a
    // changed length could ask for gigabytes: neither may be read.
    for (int at = 200; at < BYTES.length; at += BYTES.length / 16) {
      byte[] damaged = BYTES.clone();
      damaged[at] ^= 0x10;
      assertThat(CompactGeography.read(KEY, damaged)).as("byte %d changed", at).isNull();
    }
  }

  @Test
  void anyChangeToAnyFileChangesTheKey() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("regions.geojson", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    files.put("borders.geojson", "{\"b\":2}".getBytes(StandardCharsets.UTF_8));
    String before = CompactGeography.keyOf(files);
    assertThat(CompactGeography.keyOf(new LinkedHashMap<>(files))).isEqualTo(before);
    files.put("borders.geojson", "{\"b\":3}".getBytes(StandardCharsets.UTF_8));
    assertThat(CompactGeography.keyOf(files)).isNotEqualTo(before);
    Map<String, byte[]> moved = new LinkedHashMap<>();
    moved.put("regions.geojson", "{\"a\":1}{".getBytes(StandardCharsets.UTF_8));
    moved.put("borders.geojson", "\"b\":2}".getBytes(StandardCharsets.UTF_8));
    assertThat(CompactGeography.keyOf(moved)).isNotEqualTo(before);
    assertThat(KEY).isEqualTo(CompactGeography.sourceKey("/caveat/geo/", "regions.geojson", "borders.geojson",
        "countries.geojson", "land.geojson"));
  }
}
