package org.caveat.diff;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Comparator;
import java.util.Map;
import org.caveat.decide.Outcome;

/**
 * How a verdict changed between two versions, e.g. DENY → PERMIT. Flip counts are keyed by it.
 * Transitions sort by the outcomes' names, from first (so {@code NOT_APPLICABLE→…} comes before
 * {@code PERMIT→…}), the order flip counts have always been listed in.
 */
public record Transition(Outcome from, Outcome to) implements Comparable<Transition> {
  private static final Comparator<Transition> BY_NAMES =
      Comparator.comparing((Transition t) -> t.from.name()).thenComparing(t -> t.to.name());

  /** "DENY→PERMIT". */
  public String label() {
    return from + "→" + to;
  }

  @Override
  public int compareTo(Transition other) {
    return BY_NAMES.compare(this, other);
  }

  /**
   * Writes counts per transition as an array field {@code [{"from","to","count"}…]}, in the map's
   * order: the form of {@code caveat diff --events} and of a change request's impact.
   */
  public static void writeCounts(JsonGenerator g, String field, Map<Transition, ? extends Number> counts)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (Map.Entry<Transition, ? extends Number> e : counts.entrySet()) {
      g.writeStartObject();
      g.writeStringField("from", e.getKey().from().name());
      g.writeStringField("to", e.getKey().to().name());
      g.writeNumberField("count", e.getValue().longValue());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
