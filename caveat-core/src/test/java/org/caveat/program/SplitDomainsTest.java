package org.caveat.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.model.Attribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classes case analysis explores, for versions compiled from small packs. */
class SplitDomainsTest {
  @TempDir
  Path dir;

  /** The version compiled from one pack whose rules are these conditions (permits). */
  private SplitDomains classesOf(String... conditions) throws IOException {
    StringBuilder rules = new StringBuilder();
    for (int i = 0; i < conditions.length; i++) {
      rules.append("  - id: rule-").append(i + 1).append("\n    effect: permit\n    text: A rule.\n")
          .append("    sources: [s]\n    when: '").append(conditions[i]).append("'\n");
    }
    Path grant = Files.createDirectories(dir.resolve("nl-ua"));
    Files.writeString(grant.resolve("2024-01-01.yaml"), String.join("\n", List.of(
        "grant: nl-ua", "grantor: NL", "grantee: UA", "version: \"2024-01-01\"", "in_force: 2024-01-01",
        "title: Test", "sources:", "  s:", "    outlet: Test", "    date: 2024-01-01",
        "    no_url_reason: a unit test", "    quote: Test.", "    attribution: a unit test", "    reliability: reported",
        "rules:")) + "\n" + rules);
    return Caveat.builder().packs(dir).build().compiledGrants().get(0).versions().get(0).splitDomains();
  }

  @Test
  void twoNamedCategoriesOfTwentyFourGiveThreeClasses() throws IOException {
    SplitDomains d = classesOf("target.category == \"radar\" && weapon.class == \"drone\"",
        "target.category in [\"artillery\", \"radar\"] || target.used_in_invasion");
    List<Object> all = SplitDomains.domain(Attribute.TARGET_CATEGORY);
    assertThat(all).hasSize(24);
    // {artillery}, {radar}, and the 22 others represented by the first of them in sorted order.
    Object firstOther = all.stream().filter(v -> !v.equals("artillery") && !v.equals("radar")).findFirst().orElseThrow();
    assertThat(d.representatives(Attribute.TARGET_CATEGORY)).hasSize(3)
        .containsExactlyElementsOf(all.stream().filter(v -> v.equals("artillery") || v.equals("radar") || v.equals(firstOther)).toList());
    assertThat(d.representatives(Attribute.WEAPON_CLASS)).hasSize(2).contains("drone");
    assertThat(d.representatives(Attribute.TARGET_USED_IN_INVASION)).containsExactly(true, false);
    // Attributes no rule reads form one class.
    assertThat(d.representatives(Attribute.TARGET_ACTIVITY)).hasSize(1);
    assertThat(d.representatives(Attribute.PURPOSE)).hasSize(1);
  }

  @Test
  void aCelFallbackReadingTheAttributeSplitsItValueByValue() throws IOException {
    SplitDomains d = classesOf("target.category == \"radar\"", "target.category.startsWith(\"art\")");
    assertThat(d.representatives(Attribute.TARGET_CATEGORY)).isEqualTo(SplitDomains.domain(Attribute.TARGET_CATEGORY));
  }

  @Test
  void anOrderingOrAnAttributeComparedToAnotherIsOpaque() throws IOException {
    assertThat(classesOf("target.category < \"m\"").representatives(Attribute.TARGET_CATEGORY))
        .isEqualTo(SplitDomains.domain(Attribute.TARGET_CATEGORY));
    SplitDomains d = classesOf("target.activity == purpose");
    assertThat(d.representatives(Attribute.TARGET_ACTIVITY)).isEqualTo(SplitDomains.domain(Attribute.TARGET_ACTIVITY));
    assertThat(d.representatives(Attribute.PURPOSE)).isEqualTo(SplitDomains.domain(Attribute.PURPOSE));
  }

  @Test
  void theFullSplitHelperSplitsEveryValue() throws IOException {
    classesOf("target.category == \"radar\"");
    CompiledVersion v = FullSplit.of(Caveat.builder().packs(dir).build().compiledGrants().get(0).versions().get(0));
    for (Attribute a : Attribute.values()) {
      if (SplitDomains.splittable(a)) assertThat(v.splitDomains().representatives(a)).isEqualTo(SplitDomains.domain(a));
    }
  }
}
