package org.caveat.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.check.CelEnvironment;
import org.caveat.decide.CompiledGrant;
import org.caveat.decide.Decider;
import org.caveat.decide.Decision;
import org.caveat.decide.Outcome;
import org.caveat.geo.ReferenceGeography;
import org.caveat.model.Request;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import org.caveat.policy.SourceMap;
import org.caveat.policy.Span;
import org.caveat.program.CelFallback;
import org.caveat.program.CompiledCondition;
import org.caveat.program.CompiledVersion;
import org.caveat.program.EvalContext;
import org.caveat.program.Tri;
import org.junit.jupiter.api.Test;

/**
 * A version decides only weapons of its own grantor: validation refuses scopes that reach other
 * suppliers' weapons (the bad-pack cases {@code scope-*} cover positions and hints), and the
 * decider never applies a grant to another origin even if a scope got past validation.
 */
class GrantorScopeTest {
  private static final Caveat ENGINE = Caveat.builder().build();
  private static final ReferenceGeography GEO = ENGINE.geography();

  /** Counter-fire near Kharkiv on 1 June 2024 (PERMIT under us-ua), with the weapon's origin given. */
  private static Request counterFire(String origin) {
    return Request.builder().id("x").time(Instant.parse("2024-06-01T03:00:00Z")).user("UA").weaponOrigin(origin)
        .weaponClass("rocket_artillery").targetLocation(50.59, 36.58).targetCategory("artillery")
        .targetActivity("attacking").targetUsedInInvasion(true).purpose("counter_fire").build();
  }

  private static CompiledGrant usUa() {
    return ENGINE.compiledGrants().stream().filter(g -> g.grant().id().equals("us-ua")).findFirst().orElseThrow();
  }

  /** The us-ua versions with their scope replaced by {@code text}, compiled without the grantor check. */
  private static CompiledGrant usUaWithScope(String text) {
    CompiledGrant g = usUa();
    List<CompiledVersion> out = new ArrayList<>();
    for (CompiledVersion v : g.versions()) {
      List<Diagnostic> problems = new ArrayList<>();
      CelEnvironment env = new CelEnvironment(v.zones().keySet(), v.assumptions());
      CompiledCondition scope = new ConditionCompiler(env, CelFallback.runtime(CelEnvironment.OPTIONS, GEO), v.zones(),
          v.assumptions(), GEO.regionCodes(), problems, false).compile(text, SourceMap.from(new Span("test", 1, 1)));
      assertThat(problems).isEmpty();
      out.add(new CompiledVersion(v.policy(), scope, v.rules(), v.zones(), v.assumptions()));
    }
    return new CompiledGrant(g.grant(), out);
  }

  @Test
  void theDeciderNeverAppliesAGrantToAnotherSuppliersWeapon() {
    CompiledGrant hijacked = usUaWithScope("weapon.origin == \"DE\"");
    Request german = counterFire("DE");
    EvalContext ctx = new EvalContext(GEO);
    ctx.reset(german);
    CompiledVersion inForce = hijacked.inForceAt(german.time());
    assertThat(inForce.scope().eval(ctx)).as("the hijacked scope matches the German weapon").isEqualTo(Tri.TRUE);

    Decision d = new Decider(List.of(hijacked)).decide(german, new EvalContext(GEO));
    assertThat(d.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(d.grants()).isEmpty();
    assertThat(Decider.decideWith(hijacked, inForce, true, german, new EvalContext(GEO)).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);

    CompiledGrant open = usUaWithScope("true");
    assertThat(new Decider(List.of(open)).decide(counterFire("DE"), new EvalContext(GEO)).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(new Decider(List.of(open)).decide(counterFire("US"), new EvalContext(GEO)).outcome())
        .as("the grantor's own weapon is still decided").isEqualTo(Outcome.PERMIT);
  }

  @Test
  void theShippedScopesAndNarrowerOnesAreAccepted() {
    assertThat(ENGINE.answer(counterFire("US")).decision()).isEqualTo(Outcome.PERMIT);
    assertThat(ENGINE.answer(counterFire("DE")).decision()).isEqualTo(Outcome.PERMIT);
    Caveat narrower = Caveat.builder().addVersion("us-ua/2026-01-01.yaml", usVersion(
        "weapon.origin == \"US\" && weapon.class == \"rocket_artillery\"")).build();
    assertThat(narrower.grants()).isNotEmpty();
    Caveat reversed = Caveat.builder().addVersion("us-ua/2026-01-01.yaml", usVersion(
        "'\"US\" == weapon.origin && weapon.origin != \"DE\"'")).build();
    assertThat(reversed.grants()).isNotEmpty();
  }

  @Test
  void aCandidateVersionAddedOnTopIsCheckedToo() {
    PolicyException e = catchThrowableOfType(PolicyException.class, () -> Caveat.builder()
        .addVersion("us-ua/2026-01-01.yaml", usVersion("weapon.origin == \"DE\"")).build());
    assertThat(e).isNotNull();
    assertThat(e.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("scope.foreign_origin");
      assertThat(d.at().file()).endsWith("us-ua/2026-01-01.yaml");
      assertThat(d.at().line()).isEqualTo(7);
      assertThat(d.at().column()).isEqualTo(25);
      assertThat(d.hint()).contains("weapon.origin == \"US\"");
    });
    e = catchThrowableOfType(PolicyException.class, () -> Caveat.builder()
        .addVersion("us-ua/2026-01-01.yaml", usVersion("weapon.origin == \"US\" || weapon.class == \"drone\"")).build());
    assertThat(e.diagnostics()).extracting(Diagnostic::code).containsExactly("scope.grantor");
  }

  /** The shipped us-ua 2022-06-01 version re-issued as 2026-01-01 with another scope (line 7). */
  private static String usVersion(String scope) {
    try (java.io.InputStream in = Caveat.class.getResourceAsStream("/caveat/packs/us-ua/2022-06-01.yaml")) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(text.lines().toList().get(6)).isEqualTo("scope: weapon.origin == \"US\"");
      return text.replace("scope: weapon.origin == \"US\"", "scope: " + scope)
          .replace("version: \"2022-06-01\"", "version: \"2026-01-01\"").replace("in_force: 2022-06-01", "in_force: 2026-01-01");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
