package org.caveat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caveat.decide.Decision;
import org.caveat.decide.GrantDecision;
import org.caveat.model.Attribute;
import org.caveat.model.Request;
import org.caveat.model.Vocabulary;

/**
 * The engine against {@link ReferenceEvaluator} on random requests: same decision and same
 * determining rules for every grant. Locations cluster around the Kharkiv border, where the
 * threshold tests and the band edges are.
 */
class ReferenceEvaluatorProperties {
  private static final Caveat ENGINE = Caveat.builder().build();
  private static final ReferenceEvaluator REFERENCE = new ReferenceEvaluator();
  private static final List<Instant> TIMES = List.of(Instant.parse("2021-01-01T00:00:00Z"),
      Instant.parse("2022-05-31T23:59:59Z"), Instant.parse("2022-06-01T00:00:00Z"), Instant.parse("2023-07-01T00:00:00Z"),
      Instant.parse("2024-05-29T23:59:59Z"), Instant.parse("2024-05-30T00:00:00Z"), Instant.parse("2024-06-01T03:00:00Z"),
      Instant.parse("2025-01-01T00:00:00Z"));

  @Property(tries = 5000)
  void engineAgreesWithReference(@ForAll("requests") Request r) {
    long missing = 0;
    for (Attribute a : Attribute.values()) {
      if (r.value(a) == null && a != Attribute.WEAPON_SYSTEM && a != Attribute.WEAPON_MUNITION) missing++;
    }
    Assume.that(missing <= 2);
    Decision d = ENGINE.decide(r);
    List<ReferenceEvaluator.Verdict> expected = REFERENCE.decide(r);
    assertThat(d.grants()).hasSameSizeAs(expected);
    String overall = expected.isEmpty() ? "NOT_APPLICABLE" : "PERMIT";
    for (int i = 0; i < expected.size(); i++) {
      GrantDecision g = d.grants().get(i);
      ReferenceEvaluator.Verdict v = expected.get(i);
      assertThat(g.grant().grant().id()).isEqualTo(v.grant());
      assertThat(g.outcome().name()).as("decision of %s", v.grant()).isEqualTo(v.decision());
      assertThat(g.determining()).extracting(x -> x.rule().id()).as("determining rules of %s", v.grant())
          .containsExactlyElementsOf(v.determining());
      overall = rank(v.decision()) < rank(overall) ? v.decision() : overall;
    }
    assertThat(d.outcome().name()).isEqualTo(overall);
  }

  /** Vocabulary values with "unknown" drawn a quarter of the time, so unknowns meet true rules often. */
  private static Arbitrary<String> biased(java.util.Set<String> vocabulary) {
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(Vocabulary.UNKNOWN)),
        net.jqwik.api.Tuple.of(3, Arbitraries.of(vocabulary)));
  }

  private static int rank(String decision) {
    return List.of("DENY", "INDETERMINATE", "PERMIT", "NOT_APPLICABLE").indexOf(decision);
  }

  @Provide
  Arbitrary<Request> requests() {
    Arbitrary<double[]> band = Arbitraries.doubles().between(49.9, 51.4).flatMap(lat ->
        Arbitraries.doubles().between(35.3, 38.6).map(lon -> new double[] {lat, lon}));
    Arbitrary<double[]> near = Arbitraries.doubles().between(49.0, 52.6).flatMap(lat ->
        Arbitraries.doubles().between(33.5, 40.5).map(lon -> new double[] {lat, lon}));
    Arbitrary<double[]> wide = Arbitraries.doubles().between(43.5, 56.5).flatMap(lat ->
        Arbitraries.doubles().between(22.0, 42.0).map(lon -> new double[] {lat, lon}));
    return Builders.withBuilder(Request::builder)
        .use(Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.of(TIMES)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(Instant.parse("2024-06-01T03:00:00Z"))))).in(Request.Builder::time)
        .use(Arbitraries.of("UA", "UA", "UA", "UA", "PL")).in(Request.Builder::user)
        .use(Arbitraries.of("US", "US", "US", "US", "FR")).in(Request.Builder::weaponOrigin)
        .use(biased(Vocabulary.WEAPON_CLASS)).in(Request.Builder::weaponClass)
        .use(Arbitraries.of(84.0, 300.0).injectNull(0.5)).in(Request.Builder::weaponRangeKm)
        .use(Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, band), net.jqwik.api.Tuple.of(2, near),
            net.jqwik.api.Tuple.of(1, wide)))
        .in((b, p) -> b.targetLocation(p[0], p[1]))
        .use(biased(Vocabulary.TARGET_CATEGORY)).in(Request.Builder::targetCategory)
        .use(biased(Vocabulary.TARGET_ACTIVITY)).in(Request.Builder::targetActivity)
        .use(Arbitraries.of(true, true, false).injectNull(0.2)).in(Request.Builder::targetUsedInInvasion)
        .use(Arbitraries.of(Vocabulary.PURPOSE).injectNull(0.5)).in(Request.Builder::purpose)
        .build(Request.Builder::build);
  }
}
