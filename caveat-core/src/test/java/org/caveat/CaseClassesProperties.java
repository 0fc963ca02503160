package org.caveat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caveat.decide.CompiledGrant;
import org.caveat.decide.Decider;
import org.caveat.decide.Decision;
import org.caveat.decide.GrantDecision;
import org.caveat.model.Attribute;
import org.caveat.model.Request;
import org.caveat.parse.PackLoader;
import org.caveat.program.EvalContext;
import org.caveat.program.FullSplit;
import org.caveat.program.SplitDomains;

/**
 * Case analysis over classes of values ({@link SplitDomains}) against the full split it replaces
 * (every value of every missing closed domain, {@link FullSplit}) on random requests: the same
 * outcome, basis, determining rules and missing attributes for every grant, on the shipped packs
 * and on packs generated at random ({@link GeneratedPackProperties}' atoms and combinators).
 *
 * <p>Requests miss at most three splittable attributes, so the full split stays under the case
 * bound (24 × 10 × 5 = 1,200 cases at most) and both searches run to the end.
 */
class CaseClassesProperties {
  private static final Caveat SHIPPED = Caveat.builder().build();

  @Property(tries = 3000)
  void classesDecideAsTheFullSplitOnShippedPacks(@ForAll("shippedRequests") Request r) {
    Assume.that(splittableMissing(r) <= 3);
    assertSameDecisions(SHIPPED, r);
  }

  @Property(tries = 40)
  void classesDecideAsTheFullSplitOnGeneratedPacks(@ForAll("versions") List<String> versions,
      @ForAll("seeds") long requestSeed) throws IOException {
    GeneratedPackProperties.withPack(versions, dir -> {
      Caveat engine = Caveat.builder().packs(dir).build();
      ReferenceEvaluatorProperties.requests(PackLoader.load(dir), true)
          .filter(r -> splittableMissing(r) <= 3)
          .list().ofSize(60).generator(100).next(new java.util.Random(requestSeed)).value()
          .forEach(r -> assertSameDecisions(engine, r));
    });
  }

  private static void assertSameDecisions(Caveat engine, Request r) {
    Decision classes = new Decider(engine.compiledGrants()).decide(r, new EvalContext(engine.geography()));
    List<CompiledGrant> full = engine.compiledGrants().stream().map(FullSplit::of).toList();
    Decision reference = new Decider(full).decide(r, new EvalContext(engine.geography()));
    assertThat(summary(classes)).as("decision on %s", r).isEqualTo(summary(reference));
  }

  /** Everything a decision says, by ids (the full-split grants are other objects). */
  private static List<String> summary(Decision d) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(d.outcome().name()),
        d.grants().stream().map(CaseClassesProperties::summary)).toList();
  }

  private static String summary(GrantDecision g) {
    return g.grant().grant().id() + " " + (g.version() == null ? "-" : g.version().policy().version()) + " "
        + g.outcome() + " " + g.basis() + " " + g.determining().stream().map(x -> x.rule().id()).toList()
        + " missing " + Long.toBinaryString(g.missing());
  }

  static int splittableMissing(Request r) {
    int n = 0;
    for (Attribute a : Attribute.values()) if (SplitDomains.splittable(a) && r.value(a) == null) n++;
    return n;
  }

  @Provide
  Arbitrary<Request> shippedRequests() {
    return ReferenceEvaluatorProperties.requests(PackLoader.builtIn(), true);
  }

  @Provide
  Arbitrary<List<String>> versions() {
    return new GeneratedPackProperties().versions();
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }
}
