package org.caveat.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caveat.Caveat;
import org.caveat.policy.Reliability;

/**
 * Every engine the CLI decides with is built here, from a packs folder (or the built-in packs),
 * assumption overrides and a reliability filter.
 *
 * <p>Engines of the built-in packs are kept (the last few, by overrides and filter): those packs
 * are part of the jar and cannot change while it runs, so the same options always compile to the
 * same engine, and a process that runs several commands (the CLI's tests) compiles each once. A
 * folder given with {@code --packs} is read again every time, since its files may have changed;
 * {@code --vary}'s engines (one per value, up to 1,000) are not kept.
 */
final class Engines {
  private static final int KEPT = 8;
  private static final Map<Key, Caveat> BUILT_IN = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Caveat> eldest) {
      return size() > KEPT;
    }
  };

  /** Overrides in the order given, and the filter. */
  private record Key(List<Map.Entry<String, String>> assumptions, Set<Reliability> reliability) {}

  private Engines() {}

  /**
   * @param packs       a packs folder, or null for the built-in packs
   * @param reliability the admitted reliabilities, or null for all
   * @throws org.caveat.policy.PolicyException with every problem of the packs or the overrides
   */
  static Caveat build(Path packs, Map<String, String> assumptions, Set<Reliability> reliability) {
    if (packs != null) return compile(packs, assumptions, reliability);
    Key key = new Key(assumptions.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(),
        reliability == null ? null : Set.copyOf(reliability));
    synchronized (BUILT_IN) {
      Caveat kept = BUILT_IN.get(key);
      if (kept != null) return kept;
    }
    Caveat built = compile(null, assumptions, reliability);
    synchronized (BUILT_IN) {
      BUILT_IN.put(key, built);
    }
    return built;
  }

  /** A new engine, not kept: for {@code --vary}, whose many values should not stay in memory. */
  static Caveat compile(Path packs, Map<String, String> assumptions, Set<Reliability> reliability) {
    Caveat.Builder b = Caveat.builder();
    if (packs != null) b.packs(packs);
    assumptions.forEach(b::assume);
    if (reliability != null) b.reliability(reliability);
    return b.build();
  }
}
