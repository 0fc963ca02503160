package org.caveat.policy;

import java.util.List;

/**
 * A permit or forbid rule: an id, a CEL condition, one plain sentence, and the ids of the
 * sources it rests on. {@code whenMap} places positions inside the condition in the file.
 */
public record Rule(String id, Effect effect, String when, String text, List<String> sources,
    Span at, SourceMap whenMap) {
  /** What a matching rule does. */
  public enum Effect {
    PERMIT, FORBID;

    public String label() {
      return name().toLowerCase();
    }
  }
}
