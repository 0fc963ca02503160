package org.caveat.store.jdbc;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.caveat.store.ConsistencyProof;
import org.caveat.store.DecisionLog;
import org.caveat.store.InclusionProof;
import org.caveat.store.DecisionEntry;
import org.caveat.store.LogHead;
import org.caveat.store.LogRecord;
import org.caveat.store.StoreException;
import org.caveat.store.VerifyReport;
import org.caveat.store.merkle.MerkleTree;
import org.caveat.store.merkle.Rfc6962;

/**
 * The decision log on JDBC. Appends go through the {@link GroupCommitWriter}; the Merkle tree is
 * kept in memory ({@link MerkleTree}, rebuilt at open from the stored leaf hashes in one pass),
 * so heads are free and an audit path reads at most two runs of 256 leaf hashes.
 *
 * <p>On a log several processes append to ({@link LogSequencer#shared()}: PostgreSQL), a head, a
 * proof or an entry beyond what this process has seen first catches the tree up from the stored
 * checkpoint ({@link LogFollower}), so every replica serves the one log, whoever appended to it.
 */
final class JdbcDecisionLog implements DecisionLog, AutoCloseable {

  private static final int MAX_ID_LENGTH = 256;

  private record Head(long size, byte[] root) {}

  private final Database db;
  private final Clock clock;
  private final MerkleTree tree = new MerkleTree();
  private volatile Head committed;
  private final GroupCommitWriter writer;
  private final WalCheckpointer checkpointer;
  private final LogFollower follower;
  private final boolean shared;
  private final LogSequencer sequencer;

  JdbcDecisionLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    db.stream("reading the decision log's leaf hashes", c -> {
      LogRows.scan(c, 0, Long.MAX_VALUE, false, 4096, new LeafHashes(tree, 0));
      return null;
    });
    this.committed = new Head(tree.size(), tree.root());
    this.checkpointer = db.dialect == Dialect.SQLITE ? new WalCheckpointer(db) : null;
    GroupCommitWriter.CommitListener published = (size, root) -> committed = new Head(size, root);
    this.follower = new LogFollower(tree, published);
    LogSequencer sequencer = this.sequencer = LogSequencer.of(db);
    this.shared = sequencer.shared();
    try {
      this.writer = new GroupCommitWriter(db, tree, published, sequencer, follower);
    } catch (SQLException e) {
      throw new StoreException("cannot open the decision log's writer on " + db.config.describe() + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public void claimWriting() {
    sequencer.claimNow();
  }

  @Override
  public CompletableFuture<Long> append(DecisionEntry entry) {
    return appendAll(java.util.Collections.singletonList(entry)).thenApply(indexes -> indexes[0]);
  }

  @Override
  public CompletableFuture<long[]> appendAll(List<DecisionEntry> entries) {
    if (entries == null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("no entries given"));
    }
    if (entries.isEmpty()) {
      return CompletableFuture.completedFuture(new long[0]);
    }
    for (int i = 0; i < entries.size(); i++) {
      String problem = problem(entries.get(i));
      if (problem != null) {
        String which = entries.size() == 1 ? "log entry" : "log entry " + i + " of " + entries.size();
        return CompletableFuture.failedFuture(new IllegalArgumentException(which + ": " + problem
            + "; nothing was logged"));
      }
    }
    return writer.submit(CompactChunk.of(entries));
  }

  /**
   * Runs {@code work} on the writer's connection in the transaction that appends the entry it
   * returns (e.g. publishing a version together with its log entry) and waits until both are
   * committed.
   *
   * @return the entry's index
   * @throws RuntimeException what the work threw (a refusal such as {@code StoreConflict}), or a
   *     {@link StoreException} when the write failed; never wrapped in a {@code CompletionException}
   */
  long appendWith(GroupCommitWriter.TransactionalEntry work) {
    try {
      return writer.submit(work).join()[0];
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r
          : new StoreException("could not write the decision log: " + e.getCause(), e.getCause());
    }
  }

  /**
   * What makes an entry unfit for the log, or null. Checked before queueing: bad input never
   * reaches a row. The request is the caller's own bytes and is not parsed again.
   */
  static String problem(DecisionEntry e) {
    if (e == null) {
      return "entry is null";
    }
    if (e.id().isBlank()) {
      return "id is empty";
    }
    if (e.id().length() > MAX_ID_LENGTH) {
      return "id is longer than " + MAX_ID_LENGTH + " characters";
    }
    if (e.request().length == 0) {
      return "request is empty";
    }
    for (int i = 0; i < e.versionHashes().size(); i++) {
      String h = e.versionHashes().get(i);
      if (h == null || h.isBlank()) {
        return "version hash " + i + " is empty";
      }
    }
    return null;
  }

  @Override
  public LogHead head() {
    refresh();
    Head h = committed;
    return new LogHead(h.size(), Rfc6962.hex(h.root()), clock.instant());
  }

  @Override
  public InclusionProof proof(long index, long treeSize) {
    Head h = committedWith(treeSize);
    if (index < 0 || index >= treeSize) {
      throw new IllegalArgumentException("index " + index + " is outside 0.." + (treeSize - 1)
          + " for tree size " + treeSize);
    }
    List<String> path = tree.auditPath(index, treeSize, this::leafHashes).stream().map(Rfc6962::hex).toList();
    byte[] leaf = leafHashes(index, index + 1)[0];
    byte[] root = treeSize == h.size() ? h.root() : tree.rootOf(treeSize, this::leafHashes);
    return new InclusionProof(index, treeSize, Rfc6962.hex(leaf), path, Rfc6962.hex(root));
  }

  @Override
  public ConsistencyProof consistency(long fromSize, long toSize) {
    Head h = committedWith(toSize);
    if (fromSize < 1 || fromSize > toSize) {
      throw new IllegalArgumentException("old tree size " + fromSize + " is outside 1.." + toSize);
    }
    List<String> path = tree.consistencyProof(fromSize, toSize, this::leafHashes).stream().map(Rfc6962::hex).toList();
    byte[] to = toSize == h.size() ? h.root() : tree.rootOf(toSize, this::leafHashes);
    byte[] from = fromSize == toSize ? to : tree.rootOf(fromSize, this::leafHashes);
    return new ConsistencyProof(fromSize, toSize, path, Rfc6962.hex(from), Rfc6962.hex(to));
  }

  /**
   * On a shared log, reads the entries other processes committed since this one last looked (one
   * single-row query when there are none); nothing on a log this process alone appends to.
   *
   * @throws StoreException when the database cannot be reached: a replica does not serve heads or
   *     proofs of a log it cannot see
   */
  private void refresh() {
    if (!shared) {
      return;
    }
    Checkpoint.Head stored = db.read("reading the decision log's checkpoint", Checkpoint::read);
    if (stored == null || stored.size() <= committed.size()) {
      return;
    }
    follower.lock().lock();
    try {
      db.stream("catching up with the decision log", follower::catchUp);
    } finally {
      follower.lock().unlock();
    }
  }

  /** The committed head, if it holds a tree of {@code treeSize} entries. */
  private Head committedWith(long treeSize) {
    if (treeSize > committed.size()) {
      refresh();
    }
    Head h = committed;
    if (treeSize < 1 || treeSize > h.size()) {
      throw new IllegalArgumentException("tree size " + treeSize + " is outside 1.." + h.size()
          + " (the log has " + h.size() + " entries)");
    }
    return h;
  }

  private byte[][] leafHashes(long from, long to) {
    List<byte[]> out = db.read("reading leaf hashes " + from + ".." + (to - 1), c -> {
      List<byte[]> hashes = new ArrayList<>((int) (to - from));
      LogRows.scan(c, from, to, false, 1024, new LeafHashes(hashes::add, from, to));
      return hashes;
    });
    if (out.size() != to - from) {
      throw new StoreException("the decision log is missing entries between " + from + " and " + (to - 1)
          + "; run `caveat log verify`");
    }
    return out.toArray(new byte[0][]);
  }

  @Override
  public Optional<LogRecord> entry(long index) {
    if (index >= committed.size()) {
      refresh();
    }
    if (index < 0 || index >= committed.size()) {
      return Optional.empty();
    }
    return db.read("reading log entry " + index, c -> {
      List<LogRecord> found = new ArrayList<>(1);
      LogRows.scan(c, index, index + 1, true, 1, new RecordReader(index, index + 1, found::add));
      return found.stream().findFirst();
    });
  }

  @Override
  public void forEach(long from, Consumer<LogRecord> each) {
    refresh();
    long size = committed.size();
    db.stream("reading the decision log", c -> {
      LogRows.scan(c, Math.max(0, from), size, true, 1000, new RecordReader(Math.max(0, from), size, each));
      return null;
    });
  }

  @Override
  public void forEachRequest(Consumer<String> requestJson) {
    forEach(0, r -> {
      if (LogRecord.DECISION.equals(r.kind())) {
        requestJson.accept(r.entry().requestJson());
      }
    });
  }

  @Override
  public VerifyReport verify() {
    return new LogVerifier(db).verify();
  }

  @Override
  public VerifyReport verify(long size, String rootHex) {
    if (size < 0) {
      throw new IllegalArgumentException("a saved head's size cannot be negative: " + size);
    }
    return new LogVerifier(db).verify(size, Rfc6962.unhex(rootHex));
  }

  @Override
  public void close() {
    writer.close();
    if (checkpointer != null) {
      checkpointer.close();
    }
  }
}
