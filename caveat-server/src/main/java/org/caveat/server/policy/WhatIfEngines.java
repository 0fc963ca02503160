package org.caveat.server.policy;

import java.util.Map;
import java.util.TreeMap;
import org.caveat.Caveat;
import org.caveat.policy.PolicyException;

/**
 * Engines built with assumption overrides, for what-if decisions (the console varies the band
 * depth, say): one per set of overrides and engine in force, at most {@link #MAX}, least recently
 * used out first. A publish swaps the live engine, so entries built on the old one are never
 * found again and age out. Concurrent requests for the same set wait for one build.
 */
public final class WhatIfEngines {
  static final int MAX = 16;

  private record Key(Caveat base, Map<String, String> assumptions) {}

  private final LiveEngine live;
  private final Memo<Key, Caveat> engines = new Memo<>(MAX);

  public WhatIfEngines(LiveEngine live) {
    this.live = live;
  }

  /**
   * The engine in force with these overrides ({@code NAME → text}); the live engine itself when
   * there are none.
   *
   * @throws PolicyException for an unknown assumption or a value of the wrong type (with a hint)
   */
  public Caveat with(Map<String, String> assumptions) {
    return with(live.pin(), assumptions);
  }

  /**
   * The engine of {@code base} with these overrides, built from the versions {@code base} was
   * built from (a batch pinned before a publish keeps its policy for its what-ifs too); the
   * engine of {@code base} itself when there are none.
   *
   * @throws PolicyException for an unknown assumption or a value of the wrong type (with a hint)
   */
  public Caveat with(LiveEngine.Pinned base, Map<String, String> assumptions) {
    if (assumptions.isEmpty()) return base.engine();
    Key key = new Key(base.engine(), new TreeMap<>(assumptions));
    return engines.get(key, () -> live.withAssumptions(base, key.assumptions()));
  }
}
