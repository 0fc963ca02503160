package org.caveat.policy;

import java.util.Collection;

/** "Did you mean …" hints: the closest known name by edit distance (Levenshtein). */
public final class Suggest {
  private Suggest() {}

  /** A hint such as "did you mean `kharkiv_band`?", or the list of known names when none is close. */
  public static String didYouMean(String given, Collection<String> known) {
    String best = closest(given, known);
    if (best != null) {
      return "did you mean `" + best + "`?";
    }
    if (known.isEmpty()) {
      return "none are defined";
    }
    return "known: " + String.join(", ", known.stream().sorted().limit(30).toList());
  }

  /** The closest known name within a third of the length in edits, or null. */
  public static String closest(String given, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known.stream().sorted().toList()) {
      int d = distance(given.toLowerCase(), k.toLowerCase());
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    int allowed = Math.max(2, given.length() / 3);
    if (bestDistance <= allowed) return best;
    // A known name that extends the given one ("distance" → "distance_km").
    for (String k : known.stream().sorted().toList()) {
      if (given.length() >= 4 && k.toLowerCase().startsWith(given.toLowerCase())) return k;
    }
    return null;
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev; prev = cur; cur = t;
    }
    return prev[b.length()];
  }
}
