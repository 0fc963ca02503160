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
   * Appends one decision (leaf format 3: what determines its answer, see {@link DecisionEntry}).
   *
   * @return its index, once the entry is committed; fails with {@link IllegalArgumentException}
   *     for an invalid entry (nothing is written) or {@link StoreException} when the write failed
   */
  CompletableFuture<Long> append(DecisionEntry entry);

  /**
   * Claims now this process's right to append, which a store whose log has one writer (SQLite)
   * otherwise claims at the first append. A process that trusts what it read from such a store for
   * as long as it runs (a server, which then never re-reads its published versions) calls this at
   * start-up, so that a second one on the same store is refused before it answers anything. Nothing
   * to claim where several processes append (PostgreSQL).
   *
   * @throws StoreException naming the holder's lock file when another process holds the right
   */
  default void claimWriting() {}

  /** Appends decisions at consecutive indexes, in the list's order, all in the same commit (and row). */
  CompletableFuture<long[]> appendAll(List<DecisionEntry> entries);

  /** The committed size and root hash. */
  LogHead head();

  /**
   * The audit path of entry {@code index} in the tree of the first {@code treeSize} entries
   * (RFC 6962 §2.1.1).
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < treeSize <= head().size()}
   */
  InclusionProof proof(long index, long treeSize);

  /**
   * The consistency proof between the trees of the first {@code fromSize} and the first
   * {@code toSize} entries (RFC 6962 §2.1.2); empty when the sizes are equal.
   *
   * @throws IllegalArgumentException unless {@code 1 <= fromSize <= toSize <= head().size()}
   */
  ConsistencyProof consistency(long fromSize, long toSize);

  /** The committed entry at {@code index}, or empty beyond the head. */
  Optional<LogRecord> entry(long index);

  /**
   * Streams every committed entry from index {@code from} on, in index order, in constant memory
   * (one stored row at a time); a damaged row fails with {@link StoreException} naming it.
   */
  void forEach(long from, Consumer<LogRecord> each);

  /** Streams every committed decision's request JSON in index order (not published versions), in constant memory. */
  void forEachRequest(Consumer<String> requestJson);

  /**
   * Recomputes every leaf hash from the stored content and every root from the leaves, checks the
   * indexes are contiguous from 0, and names the first entry where something does not match.
   * Streams rows: constant memory.
   */
  VerifyReport verify();

  /**
   * {@link #verify()}, and then the check that needs a head saved earlier (by someone outside):
   * the log holds at least {@code size} entries and the tree of its first {@code size} entries,
   * recomputed from their content, has the root {@code rootHex}. A log cut short, or rewritten
   * with every hash and the checkpoint recomputed, passes {@link #verify()} but fails this.
   */
  VerifyReport verify(long size, String rootHex);
}
