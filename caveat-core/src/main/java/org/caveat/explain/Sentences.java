package org.caveat.explain;

import java.util.List;
import org.caveat.decide.GrantDecision;
import org.caveat.model.Request;

/** The plain-language sentences of an explanation. */
final class Sentences {
  private Sentences() {}

  static String forGrant(GrantDecision g, Answer.GrantAnswer a, Request r) {
    String ref = a.grant() + (a.version() == null ? "" : " " + a.version());
    return switch (g.basis()) {
      case PERMITTED -> "Permitted by " + ref + ": " + rules(a) + ".";
      case FORBIDDEN -> "Denied: forbidden by " + ref + ": " + rules(a) + ".";
      case NOT_PERMITTED -> "Denied: not permitted by " + ref + ", no permit rule matched"
          + (a.closest() == null ? "." : "; the closest, " + a.closest().rule() + ", fails on "
              + a.closest().text() + ".");
      case MISSING_ATTRIBUTES -> "Indeterminate under " + ref + ": "
          + (a.missing().isEmpty() ? "a rule could not be evaluated" : "needs " + String.join(", ", a.missing()))
          + (a.determining().isEmpty() ? "" : " to decide " + String.join(", ", a.determining())) + ".";
      case NO_VERSION_IN_FORCE -> "Indeterminate: no version of " + a.grant() + " is in force at " + r.time()
          + "; its first version takes effect " + g.grant().versions().get(0).policy().inForce() + ".";
    };
  }

  private static String rules(Answer.GrantAnswer a) {
    List<String> parts = a.reasons().stream().map(r -> r.rule() + " (" + stripDot(r.text()) + ")").toList();
    return String.join("; ", parts);
  }

  private static String stripDot(String s) {
    return s != null && s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static String notApplicable(Request r) {
    return "Not applicable: no grant to " + r.user() + " covers weapons of origin " + r.weaponOrigin() + ".";
  }
}
