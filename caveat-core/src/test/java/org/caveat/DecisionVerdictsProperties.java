package org.caveat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caveat.decide.Decision;
import org.caveat.explain.Answer;
import org.caveat.model.Request;
import org.caveat.parse.PackLoader;

/**
 * {@link Decision#verdicts()} (what {@code caveat log verify --redecide} compares, without
 * explaining) says exactly what the full answer's grants say of the verdict: the same grants in the
 * same order, each with the same outcome and determining rule ids, on random requests over every
 * shipped grant and version.
 */
class DecisionVerdictsProperties {
  private static final Caveat ENGINE = Caveat.builder().build();

  @Property(tries = 3000)
  void verdictsAreTheAnswersGrantsWithoutTheExplanation(@ForAll("requests") Request r) {
    Decision d = ENGINE.decide(r);
    Answer a = ENGINE.answer(r);
    List<Decision.GrantVerdict> fromAnswer = new ArrayList<>();
    for (Answer.GrantAnswer g : a.grants()) fromAnswer.add(new Decision.GrantVerdict(g.grant(), g.decision(), g.determining()));
    assertThat(d.outcome()).isEqualTo(a.decision());
    assertThat(d.verdicts()).isEqualTo(fromAnswer);
  }

  @Provide
  Arbitrary<Request> requests() {
    return ReferenceEvaluatorProperties.requests(PackLoader.builtIn(), true);
  }
}
