package org.caveat.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The append-only decision log: every entry is a leaf of an RFC 6962 Merkle tree, so that the
 * log's root hash commits to every entry, its content and its position.
 *
 * <p>Appends are group-committed: one writer thread takes everything queued, writes it in one
 * transaction and only then completes the futures. A completed future therefore means the entry
 * is durable (it survives the process being killed).
 */
public interface DecisionLog {

  /**
   * Appends one entry.
   *
   * @return its index, once the entry is committed; fails with {@link IllegalArgumentException}
   *     for an invalid entry (nothing is written) or {@link StoreException} when the write failed
   */
  CompletableFuture<Long> append(LogEntry entry);

  /** Appends entries at consecutive indexes, in the list's order, all in the same commit. */
  CompletableFuture<long[]> appendAll(List<LogEntry> entries);

  /** The committed size and root hash. */
  LogHead head();

  /**
   * The audit path of entry {@code index} in the tree of the first {@code treeSize} entries
   * (RFC 6962 §2.1.1).
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < treeSize <= head().size()}
   */
  InclusionProof proof(long index, long treeSize);

  /** The committed entry at {@code index}, or empty beyond the head. */
  Optional<LogRecord> entry(long index);

  /** Streams every committed request JSON in index order, without holding them all in memory. */
  void forEachRequest(Consumer<String> requestJson);

  /**
   * Recomputes every leaf hash from the stored content and every root from the leaves, checks the
   * indexes are contiguous from 0, and names the first entry where something does not match.
   * Streams rows: constant memory.
   */
  VerifyReport verify();
}
