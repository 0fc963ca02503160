package org.caveat.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.VersionInfo;
import org.caveat.decide.Outcome;
import org.caveat.model.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The diff of the two shipped us-ua versions the seed is about: 2022-06-01 → 2024-05-30. */
class UsUaDiffTest {
  private static Caveat caveat;
  private static FlipList.Side v2022, v2024;

  @BeforeAll
  static void load() {
    caveat = Caveat.builder().build();
    GrantInfo g = caveat.grants().stream().filter(x -> x.grant().id().equals("us-ua")).findFirst().orElseThrow();
    v2022 = FlipList.Side.of(caveat, g, version(g, "2022-06-01"));
    v2024 = FlipList.Side.of(caveat, g, version(g, "2024-05-30"));
  }

  private static VersionInfo version(GrantInfo g, String id) {
    return g.versions().stream().filter(v -> v.policy().version().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void rulesAddedAndRemoved() {
    RuleDiff r = VersionDiff.of(v2022, v2024).rules();
    assertThat(r.added()).extracting(RuleDiff.RuleView::id)
        .contains("kharkiv-counter-fire", "kharkiv-massing-troops", "civilian-infrastructure", "far-inside-russia");
    assertThat(r.removed()).extracting(RuleDiff.RuleView::id).contains("no-strikes-on-russian-territory");
    assertThat(r.renamed()).containsExactly(List.of("ukraine-military-objectives", "ukraine-territory"));
    RuleDiff.RuleView counterFire = r.added().stream().filter(v -> v.id().equals("kharkiv-counter-fire")).findFirst()
        .orElseThrow();
    assertThat(counterFire.effect()).isEqualTo("permit");
    assertThat(counterFire.conjuncts()).hasSize(5).contains("country(target.location) == \"RU\"");
  }

  @Test
  void reversedDiffSwapsAddedAndRemoved() {
    RuleDiff forward = VersionDiff.of(v2022, v2024).rules(), back = VersionDiff.of(v2024, v2022).rules();
    assertThat(back.added()).extracting(RuleDiff.RuleView::id)
        .containsExactlyInAnyOrderElementsOf(forward.removed().stream().map(RuleDiff.RuleView::id).toList());
  }

  @Test
  void assumptionsAndZonesAppear() {
    VersionDiff d = VersionDiff.of(v2022, v2024);
    assertThat(d.assumptions().added()).extracting(AssumptionDiff.Entry::name).contains("kharkiv_band_depth_km");
    ZoneDiff band = d.zones().stream().filter(z -> z.zone().equals("kharkiv_band")).findFirst().orElseThrow();
    assertThat(band.approximate()).isTrue();
    // A 100 km band either side of a ~230 km border line, with round ends: tens of thousands of km².
    assertThat(band.gained()).isBetween(50_000.0, 90_000.0);
    ZoneDiff border = d.zones().stream().filter(z -> z.zone().equals("kharkiv_border")).findFirst().orElseThrow();
    assertThat(border.kind()).isEqualTo("line");
    assertThat(border.gained()).isCloseTo(border.to(), within(1e-9));
  }

  private static Request request(String id, double lat, double lon, String category, String activity) {
    return Request.builder().id(id).time(Instant.parse("2024-06-01T03:00:00Z")).user("UA").weaponOrigin("US")
        .weaponClass("rocket_artillery").targetLocation(lat, lon).targetCategory(category).targetActivity(activity)
        .targetUsedInInvasion(true).build();
  }

  @Test
  void counterFireInBelgorodFlipsFromDenyToPermit() {
    // The last one is out of scope in both versions: a French weapon.
    List<Request> events = List.of(
        request("belgorod-counter-fire", 50.59, 36.58, "artillery", "attacking"),
        request("kharkiv-city", 49.99, 36.23, "artillery", "attacking"),
        request("belgorod-power-plant", 50.59, 36.58, "energy_infrastructure", "idle"),
        Request.builder().id("french-weapon").time(Instant.parse("2024-06-01T03:00:00Z")).user("UA").weaponOrigin("FR")
            .weaponClass("cruise_missile").targetLocation(50.59, 36.58).targetCategory("artillery")
            .targetActivity("attacking").build());
    FlipList.Result r = new FlipList(caveat.geography()).compare(v2022, v2024, true, events);
    assertThat(r.evaluated()).isEqualTo(4);
    assertThat(r.flips()).hasSize(1);
    FlipList.Flip f = r.flips().get(0);
    assertThat(f.index()).isZero();
    assertThat(f.request().id()).isEqualTo("belgorod-counter-fire");
    assertThat(f.transition()).isEqualTo(new Transition(Outcome.DENY, Outcome.PERMIT));
    assertThat(f.transition().label()).isEqualTo("DENY→PERMIT");
    assertThat(f.from().decision()).isEqualTo(Outcome.DENY);
    assertThat(f.from().grants().get(0).determining()).containsExactly("no-strikes-on-russian-territory");
    assertThat(f.from().grants().get(0).version()).isEqualTo("2022-06-01");
    assertThat(f.to().grants().get(0).determining()).contains("kharkiv-counter-fire");
    assertThat(f.to().grants().get(0).version()).isEqualTo("2024-05-30");
    assertThat(f.from().facts().region()).isEqualTo("RU-BEL");
    assertThat(r.transitions()).containsEntry(new Transition(Outcome.DENY, Outcome.PERMIT), 1);
  }

  @Test
  void flipsIgnoreTheRequestTimeAndUseEachVersion() {
    // Dated 2023 (when 2022-06-01 was in force), yet decided against each version alone.
    Request old = Request.builder().id("old").time(Instant.parse("2023-03-01T00:00:00Z")).user("UA").weaponOrigin("US")
        .weaponClass("rocket_artillery").targetLocation(50.59, 36.58).targetCategory("artillery")
        .targetActivity("attacking").targetUsedInInvasion(true).build();
    FlipList.Result r = new FlipList(caveat.geography()).compare(v2022, v2024, true, List.of(old));
    assertThat(r.flips()).extracting(FlipList.Flip::transition)
        .containsExactly(new Transition(Outcome.DENY, Outcome.PERMIT));
  }
}
