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

  /** Overrides in the order given, the filter, and whether the engine may come from the compiled-pack cache. */
  private record Key(List<Map.Entry<String, String>> assumptions, Set<Reliability> reliability, boolean cached) {}

  private Engines() {}

  /**
   * An engine compiled and checked in full, as {@code validate} and {@code test} need.
   *
   * @param packs       a packs folder, or null for the built-in packs
   * @param reliability the admitted reliabilities, or null for all
   * @throws org.caveat.policy.PolicyException with every problem of the packs or the overrides
   */
  static Caveat build(Path packs, Map<String, String> assumptions, Set<Reliability> reliability) {
    return build(packs, assumptions, reliability, null);
  }

  /**
   * An engine read from the compiled-pack cache ({@link PackCacheDir}) when it holds these packs
   * and overrides, else compiled in full and stored there: for commands that decide
   * ({@code check}, {@code diff}, {@code replay}). Answers are the same either way.
   */
  static Caveat cached(Path packs, Map<String, String> assumptions, Set<Reliability> reliability) {
    return build(packs, assumptions, reliability, PackCacheDir.fromEnvironment());
  }

  /** With {@code cache} null, compiled and checked in full. */
  static Caveat build(Path packs, Map<String, String> assumptions, Set<Reliability> reliability,
      PackCacheDir cache) {
    if (packs != null) return compile(packs, assumptions, reliability, cache);
    Key key = new Key(assumptions.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(),
        reliability == null ? null : Set.copyOf(reliability), cache != null);
    synchronized (BUILT_IN) {
      Caveat kept = BUILT_IN.get(key);
      if (kept != null) return kept;
    }
    Caveat built = compile(null, assumptions, reliability, cache);
    synchronized (BUILT_IN) {
      BUILT_IN.put(key, built);
    }
    return built;
  }

  /** A new engine, not kept: for {@code --vary}, whose many values should not stay in memory. */
  static Caveat compile(Path packs, Map<String, String> assumptions, Set<Reliability> reliability) {
    return compile(packs, assumptions, reliability, null);
  }

  private static Caveat compile(Path packs, Map<String, String> assumptions, Set<Reliability> reliability,
      PackCacheDir cache) {
    Caveat.Builder b = Caveat.builder();
    if (cache != null) b.cache(cache);
    if (packs != null) b.packs(packs);
    assumptions.forEach(b::assume);
    if (reliability != null) b.reliability(reliability);
    return b.build();
  }
}
