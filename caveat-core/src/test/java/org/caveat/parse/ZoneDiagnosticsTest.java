package org.caveat.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caveat.parse.BadPacks.Case.of;

import java.util.List;
import org.caveat.policy.ZoneSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Problems of zone definitions and GeoJSON zone files, found when a structurally sound pack is
 * compiled. They are reported at the zone's definition (line of its first key, column 5).
 */
class ZoneDiagnosticsTest {
  static final List<BadPacks.Case> CASES = List.of(
      of("zone-unknown-region", "region.unknown", 24, 5, "did you mean `UA-09`?", "no shipped region or country `UA-99`"),
      of("zone-no-border", "zone.invalid", 24, 5, null, "the sides [UA-46] and [RU] share no land border"),
      of("zone-cycle", "zone.cycle", 27, 5, null, "zone `loop_a` is defined in terms of itself (loop_a → loop_b → loop_a)"),
      of("zone-unknown-zone", "zone.unknown", 27, 5, "did you mean `kharkiv_border`?", "unknown zone `kharkov_border`"),
      of("zone-unknown-assumption", "assumption.unknown", 27, 5, "did you mean `kharkiv_band_depth_km`?",
          "unknown assumption `assume.kharkiv_band_depth`"),
      of("zone-negative-km", "pack.bad_value", 27, 5, null, "`km` must be a number ≥ 0 or assume.NAME, got `-5`"),
      of("zone-set-single", "zone.invalid", 27, 5, null, "difference needs at least two zones"),
      of("geojson-self-intersecting", "zone.invalid", 27, 5, null,
          "invalid geometry in sector.geojson: Self-intersection near [36.5, 50.5]"),
      of("geojson-out-of-range", "geojson.invalid", 27, 5, null,
          "at /features/1/geometry/coordinates: position [50.2, 236.1] is outside [-180..180, -90..90] (GeoJSON is [lon, lat])"),
      of("geojson-ring-not-closed", "geojson.invalid", 27, 5, null,
          "at /coordinates/0: a ring needs at least 4 positions and must be closed"),
      of("geojson-no-geometry", "geojson.invalid", 27, 5, null, "no geometry found"));

  static List<BadPacks.Case> cases() {
    return CASES;
  }

  static final List<String> OWN_TESTS = List.of("geojson-trailing-garbage");

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheProblemAtTheZone(BadPacks.Case c) {
    BadPacks.check(c, BadPacks.buildErrors(c.name()));
  }

  @Test
  void zoneSpecsOfASoundFileAreReadInFileOrder() {
    var version = PackLoader.load(BadPacks.dir("zone-cycle")).get(0).versions().get(0);
    assertThat(version.zones()).extracting(ZoneSpec::name).containsExactly("kharkiv_border", "loop_a", "loop_b");
    assertThat(version.zones()).extracting(ZoneSpec::kind)
        .containsExactly(ZoneSpec.Kind.BORDER, ZoneSpec.Kind.UNION, ZoneSpec.Kind.INTERSECTION);
  }

  @Test
  void trailingGarbageInAGeoJsonFileIsNotJson() {
    BadPacks.check(of("geojson-trailing-garbage", "geojson.syntax", 27, 14, null, "is not valid JSON"),
        BadPacks.loadErrors("geojson-trailing-garbage"));
  }
}
