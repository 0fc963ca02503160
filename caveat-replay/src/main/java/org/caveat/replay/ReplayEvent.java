package org.caveat.replay;

import java.util.List;
import org.caveat.decide.Outcome;
import org.caveat.explain.Answer;
import org.caveat.model.Request;

/**
 * One input event after the replay: where it started in the input (1-based line), its id when
 * known, and exactly one of — a request with its answer; the attributes that kept it from being a
 * request ({@code unattributed}, e.g. {@code weapon.origin}); or why the row is bad.
 * {@code variants} holds the decision under each {@code --vary} value, else null.
 */
public record ReplayEvent(long line, String id, Request request, Answer answer, List<String> unattributed,
    String bad, Outcome[] variants) {

  static ReplayEvent bad(long line, String id, String reason) {
    return new ReplayEvent(line, id, null, null, List.of(), reason, null);
  }

  static ReplayEvent unattributed(long line, String id, List<String> unknown) {
    return new ReplayEvent(line, id, null, null, unknown, null, null);
  }

  public boolean isBad() {
    return bad != null;
  }

  public boolean isDecided() {
    return answer != null || variants != null;
  }
}
