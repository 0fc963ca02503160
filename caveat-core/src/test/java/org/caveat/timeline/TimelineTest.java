package org.caveat.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.caveat.parse.PackLoader;
import org.caveat.policy.Grant;
import org.caveat.policy.PolicyException;
import org.caveat.policy.Reliability;
import org.caveat.policy.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineTest {
  static final EnumSet<Reliability> ALL = EnumSet.allOf(Reliability.class);

  @Test
  void theTwoUsVersionsInDateOrderWithWhatChanged(@TempDir Path dir) throws Exception {
    List<Grant> grants = PackLoader.load(TestPacks.twoVersions(dir));
    Timeline t = Timeline.of(grants, null, ALL, null);
    assertThat(t.grants()).singleElement().satisfies(g -> {
      assertThat(g.grant()).isEqualTo("us-ua");
      assertThat(g.grantor()).isEqualTo("US");
      assertThat(g.grantee()).isEqualTo("UA");
      assertThat(g.versions()).extracting(Timeline.Entry::version).containsExactly("2022-06-01", "2024-05-30");
    });
    Timeline.Entry first = t.grants().get(0).versions().get(0);
    Timeline.Entry second = t.grants().get(0).versions().get(1);
    assertThat(first.inForce()).isEqualTo("2022-06-01");
    assertThat(first.reliability()).isEqualTo("official");
    assertThat(first.previous()).isNull();
    assertThat(first.changes().first()).isTrue();
    assertThat(first.changes().added()).containsExactly("no-strikes-on-russian-territory", "ukraine-military-objectives");
    assertThat(first.changes().summary())
        .isEqualTo("first version: 2 rules (no-strikes-on-russian-territory, ukraine-military-objectives)");
    assertThat(first.sources()).extracting(Timeline.SourceRef::id)
        .containsExactly("biden-nyt-2022-05-31", "blinken-2022-06-01");
    assertThat(first.sources().get(0).outlet()).contains("New York Times");
    assertThat(first.sources().get(0).date()).isEqualTo("2022-05-31");

    assertThat(second.previous()).isEqualTo("2022-06-01");
    assertThat(second.reliability()).isEqualTo("reported");
    assertThat(second.title()).isEqualTo("Counter-fire into Russia near Kharkiv");
    Timeline.Changes c = second.changes();
    assertThat(c.first()).isFalse();
    assertThat(c.added()).contains("civilian-infrastructure", "kharkiv-counter-fire", "ukraine-territory");
    assertThat(c.removed()).containsExactly("no-strikes-on-russian-territory", "ukraine-military-objectives");
    assertThat(c.changed()).isEmpty();
    assertThat(c.assumptionsChanged()).containsExactly("assurance_covers_all_us_weapons", "bombers_include_any_aircraft",
        "far_inside_russia_km", "inbound_missiles_any_heading", "kharkiv_band_depth_km", "massing_includes_armored_vehicles");
    assertThat(c.summary()).startsWith("rules added: civilian-infrastructure, ")
        .contains("; removed: no-strikes-on-russian-territory, ukraine-military-objectives")
        .endsWith("; assumptions changed: assurance_covers_all_us_weapons, bombers_include_any_aircraft, "
            + "far_inside_russia_km, inbound_missiles_any_heading, kharkiv_band_depth_km, massing_includes_armored_vehicles");
    assertThat(first.inForceAtAsOf()).isFalse();
    assertThat(second.inForceAtAsOf()).isFalse();
  }

  @Test
  void asOfMarksTheVersionInForceOnBothSidesOfTheBoundary(@TempDir Path dir) throws Exception {
    List<Grant> grants = PackLoader.load(TestPacks.twoVersions(dir));
    assertThat(marked(grants, "2024-05-29T23:59:59Z")).containsExactly(true, false);
    assertThat(marked(grants, "2024-05-30T00:00:00Z")).containsExactly(false, true);
    assertThat(marked(grants, "2022-05-31T00:00:00Z")).containsExactly(false, false);
  }

  private static List<Boolean> marked(List<Grant> grants, String asOf) {
    return Timeline.of(grants, "us-ua", ALL, Instant.parse(asOf)).grants().get(0).versions().stream()
        .map(Timeline.Entry::inForceAtAsOf).toList();
  }

  @Test
  void changedConditionsAndReliabilityFilter(@TempDir Path dir) throws Exception {
    List<Grant> grants = PackLoader.load(TestPacks.withDisputed(dir));
    Timeline all = Timeline.of(grants, "us-ua", ALL, Instant.parse("2024-08-01T00:00:00Z"));
    Timeline.Entry copy = all.grants().get(0).versions().get(2);
    assertThat(copy.version()).isEqualTo("2024-07-01");
    assertThat(copy.reliability()).isEqualTo("disputed");
    assertThat(copy.changes().summary()).isEqualTo("no rule or assumption changed");
    assertThat(copy.inForceAtAsOf()).isTrue();

    Timeline kept = Timeline.of(grants, "us-ua", EnumSet.of(Reliability.OFFICIAL, Reliability.REPORTED),
        Instant.parse("2024-08-01T00:00:00Z"));
    assertThat(kept.grants().get(0).versions()).extracting(Timeline.Entry::version)
        .containsExactly("2022-06-01", "2024-05-30");
    assertThat(kept.grants().get(0).versions().get(1).inForceAtAsOf()).isTrue();

    Timeline official = Timeline.of(grants, "us-ua", EnumSet.of(Reliability.OFFICIAL), null);
    assertThat(official.grants().get(0).versions()).extracting(Timeline.Entry::version).containsExactly("2022-06-01");
  }

  @Test
  void aChangedConditionIsReportedByRuleIdButReflowingItIsNot(@TempDir Path dir) throws Exception {
    List<Grant> grants = PackLoader.load(TestPacks.twoVersions(dir));
    var v1 = grants.get(0).versions().get(1);
    var reflowed = new org.caveat.policy.PolicyVersion(v1.grant(), v1.grantor(), v1.grantee(), v1.scope(),
        v1.scopeMap(), "x", v1.inForce(), v1.title(), v1.summary(), v1.notes(), v1.reliability(), v1.sources(),
        v1.assumptions(), v1.zones(), v1.rules().stream().map(r -> r.id().equals("long-range-missiles")
            ? new org.caveat.policy.Rule(r.id(), r.effect(), "  " + r.when().replace("\n", "\n   "), r.text(),
                r.sources(), r.at(), r.whenMap())
            : r.id().equals("far-inside-russia")
                ? new org.caveat.policy.Rule(r.id(), r.effect(), r.when().replace(">", ">="), r.text(), r.sources(),
                    r.at(), r.whenMap())
                : r).toList(), v1.contentHash(), v1.file());
    Timeline.Changes c = Timeline.changes(v1, reflowed);
    assertThat(c.changed()).containsExactly("far-inside-russia");
    assertThat(c.added()).isEmpty();
    assertThat(c.removed()).isEmpty();
  }

  @Test
  void anUnknownGrantIsAnErrorWithDidYouMean(@TempDir Path dir) throws Exception {
    List<Grant> grants = PackLoader.load(TestPacks.twoVersions(dir));
    assertThatThrownBy(() -> Timeline.of(grants, "us-au", ALL, null))
        .isInstanceOfSatisfying(PolicyException.class, e -> {
          assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("grant.unknown");
            assertThat(d.hint()).isEqualTo("did you mean `us-ua`?");
            assertThat(d.at().toString()).isEqualTo("grant.us-au");
            assertThat(d.setting()).isEqualTo(new Setting(Setting.Kind.GRANT, "us-au", null));
          });
        });
    assertThatThrownBy(() -> Timeline.of(grants, null, EnumSet.noneOf(Reliability.class), null))
        .isInstanceOf(PolicyException.class).hasMessageContaining("reliability");
  }
}
