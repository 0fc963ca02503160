package org.caveat.server.map;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.caveat.diff.PermittedGrid;

/**
 * Recently computed permitted-area grids (about 130,000 decisions each), at most {@link #MAX} of
 * them, least recently used out first. Concurrent requests for the same grid wait for one
 * computation; the lock is held only to find or register it, never while computing.
 */
final class GridCache {
  static final int MAX = 32;

  /** What a grid depends on: the version's content and assumption values, the probe and the window. */
  record Key(String grant, String version, String contentHash, String assumptions, String probe) {}

  private final Map<Key, CompletableFuture<PermittedGrid>> grids = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<PermittedGrid>> eldest) {
      return size() > MAX;
    }
  };

  PermittedGrid get(Key key, Supplier<PermittedGrid> compute) {
    CompletableFuture<PermittedGrid> mine = new CompletableFuture<>();
    CompletableFuture<PermittedGrid> found;
    synchronized (grids) {
      found = grids.putIfAbsent(key, mine);
    }
    if (found != null) return found.join();
    try {
      mine.complete(compute.get());
    } catch (RuntimeException e) {
      synchronized (grids) {
        grids.remove(key, mine);
      }
      mine.completeExceptionally(e);
      throw e;
    }
    return mine.join();
  }
}
