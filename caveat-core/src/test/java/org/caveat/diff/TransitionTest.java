package org.caveat.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
import org.caveat.decide.Outcome;
import org.caveat.json.Json;
import org.junit.jupiter.api.Test;

class TransitionTest {
  @Test
  void countsSortByOutcomeNamesNotByStrength() throws Exception {
    // The order of the labels as text: NOT_APPLICABLE before PERMIT, though PERMIT is stronger.
    Map<Transition, Integer> counts = new TreeMap<>();
    counts.put(new Transition(Outcome.PERMIT, Outcome.DENY), 2);
    counts.put(new Transition(Outcome.NOT_APPLICABLE, Outcome.PERMIT), 1);
    counts.put(new Transition(Outcome.DENY, Outcome.PERMIT), 3);
    counts.put(new Transition(Outcome.DENY, Outcome.INDETERMINATE), 4);
    assertThat(counts.keySet()).extracting(Transition::label).containsExactly("DENY→INDETERMINATE", "DENY→PERMIT",
        "NOT_APPLICABLE→PERMIT", "PERMIT→DENY");
    StringWriter out = new StringWriter();
    try (var g = Json.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      Transition.writeCounts(g, "transitions", counts);
      g.writeEndObject();
    }
    assertThat(out.toString()).isEqualTo("{\"transitions\":[{\"from\":\"DENY\",\"to\":\"INDETERMINATE\",\"count\":4},"
        + "{\"from\":\"DENY\",\"to\":\"PERMIT\",\"count\":3},{\"from\":\"NOT_APPLICABLE\",\"to\":\"PERMIT\",\"count\":1},"
        + "{\"from\":\"PERMIT\",\"to\":\"DENY\",\"count\":2}]}");
  }
}
