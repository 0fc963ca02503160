package org.caveat.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.caveat.Caveat;
import org.caveat.explain.Answer;
import org.caveat.explain.Explainer;
import org.caveat.model.Attribute;
import org.caveat.model.Request;
import org.caveat.program.EvalContext;
import org.junit.jupiter.api.Test;

/**
 * Outcomes settled by case analysis when three-valued logic leaves them open, and how the
 * explanation says so. French pack, a point just inside Russia (Rostov oblast).
 */
class CaseSplitTest {
  private static final Caveat CAVEAT = Caveat.builder().build();

  private static Request french(String time, String weaponClass, String category, boolean usedInInvasion) {
    return Request.builder().time(Instant.parse(time)).user("UA").weaponOrigin("FR").weaponClass(weaponClass)
        .targetLocation(49.0, 39.68).targetCategory(category).targetActivity("attacking")
        .targetUsedInInvasion(usedInInvasion).build();
  }

  @Test
  void everyWeaponClassIsPermittedByOneRuleOrTheOther() {
    Answer a = CAVEAT.answer(french("2025-01-01T00:00:00Z", "unknown", "artillery", true));
    assertThat(a.decision()).isEqualTo(Outcome.PERMIT);
    assertThat(a.grants().get(0).missing()).containsExactly("weapon.class");
    assertThat(a.explanation()).contains("Permitted by fr-ua 2024-11-23 whatever weapon.class is: neutralise-launch-sites")
        .contains("; or long-range-self-defence");
  }

  @Test
  void everyCategoryIsForbiddenInRussiaWhenNotUsedInTheInvasion() {
    Answer a = CAVEAT.answer(french("2024-06-01T03:00:00Z", "rocket_artillery", "unknown", false));
    assertThat(a.decision()).isEqualTo(Outcome.DENY);
    assertThat(a.grants().get(0).basis()).isEqualTo("forbidden");
    assertThat(a.explanation()).contains("Denied: forbidden by fr-ua 2024-05-28 whatever target.category is");
  }

  @Test
  void aCategoryThatCouldChangeTheOutcomeStaysIndeterminate() {
    Answer a = CAVEAT.answer(french("2024-06-01T03:00:00Z", "rocket_artillery", "unknown", true));
    assertThat(a.decision()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(a.grants().get(0).missing()).containsExactly("target.category");
  }

  @Test
  void aKnownRequestIsUntouched() {
    Answer a = CAVEAT.answer(french("2025-01-01T00:00:00Z", "cruise_missile", "artillery", true));
    assertThat(a.decision()).isEqualTo(Outcome.PERMIT);
    assertThat(a.grants().get(0).missing()).isEmpty();
    assertThat(a.explanation()).doesNotContain("whatever");
  }

  @Test
  void theCallersContextIsBackOnTheRequestAfterTheCases() {
    // Case analysis evaluates its cases in the caller's context, each case's values assumed over the
    // request (they share the target location and so its memoised geography); the explanation that
    // follows must see the request's own values again.
    Request r = french("2024-06-01T03:00:00Z", "rocket_artillery", "unknown", true);
    EvalContext ctx = new EvalContext(CAVEAT.geography());
    Decision d = new Decider(CAVEAT.compiledGrants()).decide(r, ctx);
    assertThat(d.grants().get(0).missing()).isNotZero();
    assertThat(ctx.request()).isSameAs(r);
    for (Attribute a : Attribute.values()) assertThat(ctx.value(a)).as(a.celName()).isEqualTo(r.value(a));
    Explainer explainer = new Explainer(CAVEAT.geography());
    assertThat(explainer.explain(d, ctx)).isEqualTo(explainer.explain(d));
  }
}
