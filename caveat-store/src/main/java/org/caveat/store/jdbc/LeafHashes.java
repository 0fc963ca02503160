package org.caveat.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.caveat.store.merkle.MerkleTree;

/**
 * Collects stored leaf hashes in index order from {@link LogRows#scan} (content not read), from a
 * given index on, up to the first gap: a row missing in the middle stops the run, and the caller
 * compares {@link #next()} with what it expected.
 */
final class LeafHashes implements LogRows.Visitor {

  private final Consumer<byte[]> sink;
  private final long to;
  private long next;
  private boolean gap;

  /** Hashes of {@code from..to-1}. */
  LeafHashes(Consumer<byte[]> sink, long from, long to) {
    this.sink = sink;
    this.next = from;
    this.to = to;
  }

  /** Restores the hashes into {@code tree}. */
  LeafHashes(MerkleTree tree, long from) {
    this(tree::restore, from, Long.MAX_VALUE);
  }

  /** The index after the last hash passed on. */
  long next() {
    return next;
  }

  @Override
  public void single(long idx, ResultSet rs) throws SQLException {
    if (gap || idx != next || idx >= to) {
      gap = true;
      return;
    }
    sink.accept(rs.getBytes(2));
    next++;
  }

  @Override
  public void batch(LogRows.Batch b) {
    if (gap || b.first() > next || b.leafHashes().length != 32 * b.count()) {
      gap = true;
      return;
    }
    long end = Math.min(b.end(), to);
    for (long i = next; i < end; i++) {
      sink.accept(b.leafHash((int) (i - b.first())));
    }
    next = Math.max(next, end);
  }
}
