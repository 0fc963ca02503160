package org.caveat.explain;

import java.util.List;
import org.caveat.decide.Basis;
import org.caveat.decide.GrantDecision;
import org.caveat.model.Request;

/** The plain-language sentences of an explanation. */
final class Sentences {
  private Sentences() {}

  static String forGrant(GrantDecision g, Answer.GrantAnswer a, Request r) {
    return sentence(g, a, r) + skipped(a);
  }

  /** " (Left out by the reliability filter: 2025-08-23, disputed.)", or nothing. */
  private static String skipped(Answer.GrantAnswer a) {
    if (a.skipped().isEmpty()) return "";
    return " Left out by the reliability filter: " + String.join("; ",
        a.skipped().stream().map(s -> a.grant() + " " + s.version() + " (" + s.reliability() + ")").toList()) + ".";
  }

  private static String sentence(GrantDecision g, Answer.GrantAnswer a, Request r) {
    String ref = a.grant() + (a.version() == null ? "" : " " + a.version());
    // A decided outcome with missing attributes was settled by case analysis: say it holds anyway.
    String whatever = a.missing().isEmpty() || g.basis() == Basis.MISSING_ATTRIBUTES ? ""
        : " whatever " + String.join(" and ", a.missing()) + (a.missing().size() == 1 ? " is" : " are");
    return switch (g.basis()) {
      case PERMITTED -> "Permitted by " + ref + whatever + ": " + rules(a, whatever.isEmpty() ? "; " : "; or ") + ".";
      case FORBIDDEN -> "Denied: forbidden by " + ref + whatever + ": " + rules(a, whatever.isEmpty() ? "; " : "; or ")
          + ".";
      case NOT_PERMITTED -> "Denied: not permitted by " + ref + whatever + ", no permit rule matched"
          + (a.closest() == null ? "." : "; the closest, " + a.closest().rule() + ", fails on "
              + a.closest().text() + ".");
      case MISSING_ATTRIBUTES -> "Indeterminate under " + ref + ": "
          + (a.missing().isEmpty() ? "a rule could not be evaluated" : "needs " + String.join(", ", a.missing()))
          + (a.determining().isEmpty() ? "" : " to decide " + String.join(", ", a.determining())) + ".";
      case NO_VERSION_IN_FORCE -> a.skipped().isEmpty()
          ? "Indeterminate: no version of " + a.grant() + " is in force at " + r.time()
              + "; its first version takes effect " + g.grant().versions().get(0).policy().inForce() + "."
          : "Indeterminate: no admitted version of " + a.grant() + " is in force at " + r.time()
              + "; every version up to then is left out by the reliability filter" + firstAdmitted(g) + ".";
    };
  }

  /** "; the first admitted version takes effect …", or nothing when there is none. */
  private static String firstAdmitted(GrantDecision g) {
    for (var v : g.grant().versions()) {
      if (g.grant().admits(v)) return "; the first admitted version takes effect " + v.policy().inForce();
    }
    return "; no version of it is admitted";
  }

  private static String rules(Answer.GrantAnswer a, String separator) {
    List<String> parts = a.reasons().stream().map(r -> r.rule() + " (" + stripDot(r.text()) + ")").toList();
    return String.join(separator, parts);
  }

  private static String stripDot(String s) {
    return s != null && s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static String notApplicable(Request r) {
    return "Not applicable: no grant to " + r.user() + " covers weapons of origin " + r.weaponOrigin() + ".";
  }
}
