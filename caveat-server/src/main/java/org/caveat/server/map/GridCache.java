package org.caveat.server.map;

import java.util.function.Supplier;
import org.caveat.diff.PermittedGrid;
import org.caveat.server.policy.Memo;

/** Recently computed permitted-area grids (about 130,000 decisions each), at most {@link #MAX}. */
final class GridCache {
  static final int MAX = 32;

  /** What a grid depends on: the version's content and assumption values, and the probe. */
  record Key(String grant, String version, String contentHash, String assumptions, String probe) {}

  private final Memo<Key, PermittedGrid> grids = new Memo<>(MAX);

  PermittedGrid get(Key key, Supplier<PermittedGrid> compute) {
    return grids.get(key, compute);
  }
}
