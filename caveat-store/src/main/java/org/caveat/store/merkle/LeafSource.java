package org.caveat.store.merkle;

/** Reads stored leaf hashes, for the parts of an audit path below the cached subtrees. */
@FunctionalInterface
public interface LeafSource {

  /** The leaf hashes of indexes {@code from} (inclusive) to {@code to} (exclusive), in order. */
  byte[][] leafHashes(long from, long to);
}
