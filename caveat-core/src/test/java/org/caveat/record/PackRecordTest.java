package org.caveat.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.caveat.Caveat;
import org.caveat.geo.ReferenceGeography;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackRecordTest {
  static final Path US_UA = Path.of("..", "packs", "us-ua");

  @Test
  void theNamedWeaponsAreTheValuesConditionsCompareClassAndSystemWith() {
    PolicyVersion v = version("weapon.origin == \"NL\" && weapon.system != \"F-16\"",
        "weapon.class in [\"cruise_missile\", \"ballistic_missile\"] && target.category == \"artillery\"",
        "\"drone\" == weapon.class || !(weapon.system in [\"ATACMS\"]) || weapon.munition == \"x\"");
    NamedWeapons n = NamedWeapons.of(v);
    assertThat(n.classes()).containsExactly("ballistic_missile", "cruise_missile", "drone");
    assertThat(n.systems()).containsExactly("ATACMS", "F-16");
  }

  @Test
  void theProbePointsAreInRussiaOneNearTheBorderOneFarFromIt() {
    ReferenceGeography geo = ReferenceGeography.shipped();
    assertThat(geo.country(StrikeProbes.NEAR_LAT, StrikeProbes.NEAR_LON)).isEqualTo("RU");
    assertThat(geo.country(StrikeProbes.DEEP_LAT, StrikeProbes.DEEP_LON)).isEqualTo("RU");
    assertThat(geo.uaRuBorder().distanceKm(StrikeProbes.NEAR_LAT, StrikeProbes.NEAR_LON)).isBetween(5.0, 30.0);
    assertThat(geo.uaRuBorder().distanceKm(StrikeProbes.DEEP_LAT, StrikeProbes.DEEP_LON)).isGreaterThan(300.0);
  }

  @Test
  void thePagesAreDerivedFromThePacksAndTheSameEveryTime(@TempDir Path dir) throws IOException {
    Path grant = Files.createDirectories(dir.resolve("us-ua"));
    for (String v : new String[] {"2022-06-01", "2024-05-30"}) Files.copy(US_UA.resolve(v + ".yaml"), grant.resolve(v + ".yaml"));
    SortedMap<String, String> pages = PackRecord.of(Caveat.builder().packs(dir).build());
    assertThat(pages).containsOnlyKeys("index.md", "us-ua.md");
    assertThat(PackRecord.of(Caveat.builder().packs(dir).build())).isEqualTo(pages);
    assertThat(pages.get("index.md"))
        .contains("| US | [us-ua](us-ua.md) | 2022-06-01 | official | no | weapon.class rocket_artillery: no |")
        .contains("| US | [us-ua](us-ua.md) | 2024-05-30 | reported | near the border |")
        .contains("- [us-ua](us-ua.md): US → UA, 2 versions");
    String page = pages.get("us-ua.md");
    assertThat(page).startsWith(PackRecord.GENERATED + "\n\n# us-ua: US → UA\n")
        .contains("## 2024-05-30 — Counter-fire into Russia near Kharkiv")
        .contains("- **forbid** (`civilian-infrastructure`): ")
        .contains("| `bombers_include_any_aircraft` | false | true | ")
        .contains("| `kharkiv_band_depth_km` | 100 km | another value, see the note | ")
        .contains("Link: <https://www.nytimes.com/")
        .containsPattern("(?m)^> \\S");
    assertThat(page.indexOf("## 2022-06-01")).isLessThan(page.indexOf("## 2024-05-30"));
  }

  private static PolicyVersion version(String scope, String... whens) {
    List<Rule> rules = java.util.Arrays.stream(whens).map(w -> new Rule("r", Rule.Effect.PERMIT, w, null, List.of(), null, null)).toList();
    return new PolicyVersion("nl-ua", "NL", "UA", scope, null, "v", null, null, null, null, null,
        List.of(), List.of(), List.of(), rules, null, null);
  }
}
