package org.caveat.explain;

import org.caveat.policy.Rule;
import org.caveat.program.CompiledRule;
import org.caveat.program.CompiledVersion;
import org.caveat.program.Conjunct;
import org.caveat.program.EvalContext;
import org.caveat.program.Tri;

/**
 * For a denial by not-permitted: the permit rule with the fewest failing top-level conjuncts,
 * and the first of its conjuncts that failed, with the margin for numeric comparisons. Among
 * equally close rules, the one with more conjuncts satisfied wins, then one whose first failure
 * is measurable ("130 km; the limit is 100 km"), then the earlier rule in the file.
 */
final class ClosestPermit {
  private ClosestPermit() {}

  /** The closest permit rule and its first failing conjunct, before they are put into words. */
  record Miss(CompiledRule rule, Conjunct failed) {}

  /** Rules with fewer conjuncts than this stop counting once they fail more often than the best (see {@link #find}). */
  private static final int EARLY_STOP_CONJUNCTS = 4_999;

  /**
   * The closest miss, or null when no permit rule has a failing conjunct. A rule's rank is
   * failures·10,000 − 2·satisfied (+1 when its first failure is not measurable), so a rule of n
   * conjuncts that has failed once more than the best so far ranks at least 10,000 − 2n above
   * the best's failures·10,000 and cannot beat its rank (at most that + 1) when n &lt; 4,999: its
   * remaining conjuncts are not evaluated. Conjuncts have no effect but the context's memos, so
   * the result is that of evaluating every one.
   */
  static Miss find(CompiledVersion v, EvalContext ctx) {
    CompiledRule best = null;
    Conjunct bestFailure = null;
    int bestRank = Integer.MAX_VALUE, bestFailures = Integer.MAX_VALUE;
    for (CompiledRule r : v.rules()) {
      if (r.rule().effect() != Rule.Effect.PERMIT) continue;
      int failures = 0, satisfied = 0;
      Conjunct first = null;
      var conjuncts = r.condition().conjuncts();
      boolean mayStop = conjuncts.size() < EARLY_STOP_CONJUNCTS;
      for (Conjunct c : conjuncts) {
        long t = c.eval(ctx);
        if (t == Tri.FALSE) {
          failures++;
          if (first == null) first = c;
          if (mayStop && failures > bestFailures) break;
        } else if (t == Tri.TRUE) {
          satisfied++;
        }
      }
      if (first == null || (mayStop && failures > bestFailures)) continue;
      int rank = failures * 10_000 - satisfied * 2 + (first.measure(ctx) != null ? 0 : 1);
      if (rank < bestRank) {
        best = r;
        bestFailure = first;
        bestRank = rank;
        bestFailures = failures;
      }
    }
    return best == null ? null : new Miss(best, bestFailure);
  }

  static Answer.Closest describe(Miss miss, EvalContext ctx) {
    CompiledRule rule = miss.rule();
    Conjunct failed = miss.failed();
    Conjunct.Measured m = failed.measure(ctx);
    if (m != null) {
      double margin = Numbers.round(Math.abs(m.actual() - m.limit()), 3);
      String unit = failed.text().startsWith("distance_km(") ? " km" : "";
      String what = unit.isEmpty() ? failed.text().split(" ")[0] + " is " + Numbers.format(m.actual(), 1)
          : Numbers.format(m.actual(), 1) + " km from " + zoneName(failed.text());
      String text = what + "; the limit is " + m.op() + " " + Numbers.format(m.limit(), 1) + unit
          + (m.limitText().startsWith("assume.") ? " (" + m.limitText() + ")" : "");
      return new Answer.Closest(rule.rule().id(), failed.text(), text, Numbers.round(m.actual(), 3), m.op(),
          Numbers.round(m.limit(), 3), margin);
    }
    Object actual = failed.actual(ctx);
    String text = actual != null
        ? failed.text().split(" ")[0] + " is `" + (actual.toString().isEmpty() ? "none" : actual) + "`; the rule needs "
            + failed.text()
        : "`" + failed.text() + "` is false";
    return new Answer.Closest(rule.rule().id(), failed.text(), text, null, null, null, null);
  }

  private static String zoneName(String text) {
    int i = text.indexOf("zones.");
    if (i < 0) return "the zone";
    int j = i + 6;
    while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) j++;
    return text.substring(i + 6, j);
  }
}
