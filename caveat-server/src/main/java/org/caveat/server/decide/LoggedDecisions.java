package org.caveat.server.decide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.explain.Answer;
import org.caveat.store.DecisionEntry;

/**
 * Builds a decision's log entry once, from what the service decided: the request bytes, the
 * versions that decided it pinned by content hash, the what-if overrides, the quotes flag and the
 * verdict with its determining rules (see {@link DecisionEntry}). Those determine the answer, so
 * the log rebuilds it by deciding again ({@code org.caveat.server.log.Redecider}).
 */
public final class LoggedDecisions {
  private LoggedDecisions() {}

  /**
   * @param engine the engine that decided (for the first version of a grant with none in force yet)
   * @param assumed the overrides the answer lists under {@code "assumed"}, in its order; empty for none
   */
  public static DecisionEntry entry(String id, Instant time, byte[] request, Answer a, Caveat engine,
      Map<String, String> assumed, boolean quotes) {
    List<DecisionEntry.GrantVerdict> grants = new ArrayList<>(a.grants().size());
    for (Answer.GrantAnswer g : a.grants()) {
      grants.add(new DecisionEntry.GrantVerdict(g.grant(), g.decision().name(), g.determining()));
    }
    return new DecisionEntry(id, time, request, pins(a, engine), assumed, quotes, a.decision().name(), grants);
  }

  /**
   * The content hash of each grant's version in the answer, in its order; a grant with no version
   * in force at the request's time is decided by its first version's scope, so that one is pinned.
   */
  static List<String> pins(Answer a, Caveat engine) {
    // Distinct in first-seen order by a linear scan: an answer names a grant or two, and a
    // LinkedHashSet per logged decision was most of building its entry.
    Distinct hashes = new Distinct(a.grants().size());
    for (Answer.GrantAnswer g : a.grants()) {
      if (g.hash() != null) {
        hashes.add(g.hash());
        continue;
      }
      for (GrantInfo c : engine.grants()) {
        if (c.grant().id().equals(g.grant())) hashes.add(c.versions().get(0).policy().contentHash());
      }
    }
    return hashes.list();
  }

  /** Strings kept once each, in the order first added. */
  private static final class Distinct {
    private String[] items;
    private int n;

    Distinct(int expected) {
      items = new String[Math.max(1, expected)];
    }

    void add(String s) {
      for (int i = 0; i < n; i++) if (items[i].equals(s)) return;
      if (n == items.length) items = Arrays.copyOf(items, 2 * n);
      items[n++] = s;
    }

    List<String> list() {
      return List.of(n == items.length ? items : Arrays.copyOf(items, n));
    }
  }
}
