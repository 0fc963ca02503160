package org.caveat.report;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.caveat.decide.Outcome;
import org.caveat.explain.Answer;

/**
 * The aggregate counts of a replay: by decision, by grant version × decision, by region, by
 * target category, and the reasons rows came out INDETERMINATE. Memory grows with the number of
 * distinct versions, regions, categories and reasons, never with the number of rows. The maps
 * handed out are sorted copies, so the output is deterministic.
 */
final class Tally {
  static final String NO_GRANT = "(no grant applies)";
  static final String NOT_GIVEN = "(not given)";
  static final String OUTSIDE = "(outside the shipped geography)";

  private final long[] byDecision = new long[Outcome.values().length];
  // Hash maps while counting (a row costs no string comparisons); sorted copies for output.
  private final Map<String, long[]> byVersion = new HashMap<>();
  private final Map<String, long[]> byRegion = new HashMap<>();
  private final Map<String, long[]> byCategory = new HashMap<>();
  private final Map<String, Long> indeterminateReasons = new HashMap<>();
  /** grant@version → content hash of the versions answers used. */
  private final Map<String, String> versionHashes = new HashMap<>();
  private long rows;

  void add(ReplayRow row) {
    Answer a = row.answer();
    Outcome d = a.decision();
    rows++;
    byDecision[d.ordinal()]++;
    if (a.grants().isEmpty()) count(byVersion, NO_GRANT, d);
    for (Answer.GrantAnswer g : a.grants()) {
      String key = versionKey(g);
      long[] counts = byVersion.get(key);
      if (counts == null) {
        byVersion.put(key, counts = new long[Outcome.values().length]);
        if (g.version() != null && g.hash() != null) versionHashes.put(key, g.hash());
      }
      counts[g.decision().ordinal()]++;
    }
    String region = row.effectiveRegion();
    count(byRegion, region == null ? OUTSIDE : region, d);
    String category = row.targetCategory();
    count(byCategory, category == null ? NOT_GIVEN : category, d);
    if (d == Outcome.INDETERMINATE) countReasons(a);
  }

  /** Each reason counts once per row, however many grants gave it. */
  private void countReasons(Answer a) {
    TreeSet<String> reasons = new TreeSet<>();
    for (Answer.GrantAnswer g : a.grants()) {
      if (g.decision() != Outcome.INDETERMINATE) continue;
      for (String m : g.missing()) reasons.add(m + " missing");
      if (g.version() == null) reasons.add("no version of " + g.grant() + " in force on that date");
    }
    if (reasons.isEmpty()) reasons.add("(no reason given)");
    for (String r : reasons) indeterminateReasons.merge(r, 1L, Long::sum);
  }

  static String versionKey(Answer.GrantAnswer g) {
    return g.grant() + "@" + (g.version() == null ? "(none in force)" : g.version());
  }

  private static void count(Map<String, long[]> map, String key, Outcome d) {
    map.computeIfAbsent(key, k -> new long[Outcome.values().length])[d.ordinal()]++;
  }

  long rows() { return rows; }
  long count(Outcome d) { return byDecision[d.ordinal()]; }
  Map<String, long[]> byVersion() { return new TreeMap<>(byVersion); }
  Map<String, long[]> byRegion() { return new TreeMap<>(byRegion); }
  Map<String, long[]> byCategory() { return new TreeMap<>(byCategory); }
  Map<String, Long> indeterminateReasons() { return new TreeMap<>(indeterminateReasons); }
  Map<String, String> versionHashes() { return new TreeMap<>(versionHashes); }
}
