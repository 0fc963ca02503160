package org.caveat.store.jdbc;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.caveat.store.LogEntry;
import org.caveat.store.StoreConflict;
import org.caveat.store.StoreException;
import org.caveat.store.merkle.MerkleTree;
import org.caveat.store.merkle.MerkleTree.Mark;

/**
 * Group commit for the decision log: callers queue compact decisions ({@link CompactChunk}); one thread takes everything queued
 * (up to {@value #MAX_BATCH} entries), assigns consecutive indexes, hashes them into the Merkle
 * tree, writes them as one {@code log_batch} row (the callers' gzip members in order, the small
 * chunks among them compressed together into one) and the new checkpoint in one transaction, and only after the commit
 * completes the callers' futures. One fsync thus acknowledges a whole batch, which is what
 * makes tens of thousands of durable appends per second possible on one disk.
 *
 * <p>Who else may append is the {@link LogSequencer}'s business: in each batch's transaction, before
 * indexes are assigned, it makes this writer the only appender (PostgreSQL: an advisory lock, so
 * several replicas share one log; SQLite: one process per data folder) and says whether the tree
 * must first catch up with the stored log ({@link LogFollower}: entries another replica appended,
 * or a commit that went through although the driver reported an error).
 *
 * <p>If the transaction fails, the tree is rolled back to its state before the batch and every
 * future in it fails; nothing of the batch is acknowledged, and the next batch catches up first.
 */
final class GroupCommitWriter implements AutoCloseable {

  static final int MAX_BATCH = 4096;
  private static final int QUEUE_CAPACITY = 65_536;

  /** Decisions of one caller, or work that makes its entry in the writer's transaction, and the future to complete. */
  private record Pending(CompactChunk chunk, TransactionalEntry work, CompletableFuture<long[]> done) {

    int size() {
      return chunk == null ? 1 : chunk.size();
    }
  }

  /**
   * Work that must commit together with its log entry: it runs on the writer's connection inside
   * the transaction that appends the entry it returns, alone in its batch (so that a refusal
   * fails nothing else).
   */
  @FunctionalInterface
  interface TransactionalEntry {
    /** Does the work and returns the entry to log; throwing rolls both back. */
    PreparedLeaf run(Connection c) throws SQLException;
  }

  /** What the writer publishes after each commit. */
  interface CommitListener {
    void committed(long size, byte[] root);
  }

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
  private final ReentrantReadWriteLock closing = new ReentrantReadWriteLock();
  private volatile boolean closed;
  private boolean catchUp;
  private final Database db;
  private Connection connection;
  private final MerkleTree tree;
  private final CommitListener listener;
  private final LogSequencer sequencer;
  private final LogFollower follower;
  private final String where;
  private final Thread thread;
  /** The loose (small) chunks of the batch being written, compressed together as one member ({@link CompactChunk}). */
  private LeafBuffer loose = new LeafBuffer(LOOSE_KEPT);
  /** The loose buffer's size kept between batches; one grown larger by a burst is let go. */
  private static final int LOOSE_KEPT = 64 << 10;

  GroupCommitWriter(Database db, MerkleTree tree, CommitListener listener, LogSequencer sequencer,
      LogFollower follower) throws SQLException {
    this.db = db;
    this.connection = connect(db);
    this.tree = tree;
    this.listener = listener;
    this.sequencer = sequencer;
    this.follower = follower;
    this.where = db.config.describe();
    this.thread = new Thread(this::run, "caveat-log-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  CompletableFuture<long[]> submit(CompactChunk decisions) {
    return enqueue(decisions, null);
  }

  /** Queues {@code work}; the future completes with the index of its entry once both are committed. */
  CompletableFuture<long[]> submit(TransactionalEntry work) {
    return enqueue(null, work);
  }

  private CompletableFuture<long[]> enqueue(CompactChunk entries, TransactionalEntry work) {
    closing.readLock().lock();
    try {
      if (closed) {
        return CompletableFuture.failedFuture(new StoreException("the store is closed; the entry was not logged"));
      }
      Pending p = new Pending(entries, work, new CompletableFuture<>());
      queue.put(p);
      return p.done();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(new StoreException("interrupted before the entry was logged"));
    } finally {
      closing.readLock().unlock();
    }
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    Pending carried = null;
    while (true) {
      Pending first = carried;
      carried = null;
      if (first == null) {
        try {
          first = queue.poll(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          first = null;
        }
      }
      if (first == null) {
        if (closed && queue.isEmpty()) {
          return;
        }
        continue;
      }
      batch.add(first);
      int count = first.size();
      Pending next;
      while (first.work() == null && count < MAX_BATCH && (next = queue.poll()) != null) {
        if (next.work() != null) {
          carried = next; // transactional work goes alone, in the next batch
          break;
        }
        batch.add(next);
        count += next.size();
      }
      write(batch);
      batch.clear();
    }
  }

  /** Writes one batch holding the follower's lock, so that no reader catches the tree up meanwhile. */
  private void write(List<Pending> batch) {
    follower.lock().lock();
    try {
      writeLocked(batch);
    } finally {
      follower.lock().unlock();
    }
  }

  private void writeLocked(List<Pending> batch) {
    Mark mark = tree.mark();
    long index = mark.size();
    List<long[]> indexes = new ArrayList<>(batch.size());
    byte[] root = null;
    LogCommitEvent event = new LogCommitEvent();
    event.begin();
    try {
      if (connection == null) {
        connection = connect(db);
      }
      connection.setAutoCommit(false);
      if (sequencer.begin(connection, catchUp)) {
        follower.catchUp(connection);
        mark = tree.mark();
        index = mark.size();
      }
      catchUp = false;
      if (batch.get(0).work() != null) {
        root = writeSingle(batch.get(0).work().run(connection), index);
        indexes.add(new long[] {index++});
        event.bytes += 1;
      } else {
        int memberBytes = 0;
        int count = 0;
        for (Pending p : batch) {
          memberBytes += p.chunk().bytes().length;
          count += p.size();
        }
        // sized once: grown from the default 32 bytes, a commit's row was copied ~a dozen times
        ByteArrayOutputStream entries = new ByteArrayOutputStream(memberBytes);
        ByteArrayOutputStream leaves = new ByteArrayOutputStream(32 * count);
        if (loose.bytes().length > 16 * LOOSE_KEPT) loose = new LeafBuffer(LOOSE_KEPT);
        loose.clear(); // a batch that failed may have left some
        long first = index;
        for (Pending p : batch) {
          long[] assigned = new long[p.size()];
          for (int i = 0; i < assigned.length; i++) {
            byte[] leaf = p.chunk().leafHash(i, index);
            tree.restore(leaf); // no root per leaf: the row stores only the root after its last entry
            leaves.writeBytes(leaf);
            assigned[i] = index++;
          }
          p.chunk().addTo(entries, loose);
          indexes.add(assigned);
        }
        CompactChunk.flush(entries, loose);
        root = tree.root();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO log_batch"
            + " (first_idx, count, entries, leaf_hashes, root_after) VALUES (?, ?, ?, ?, ?)")) {
          insert.setLong(1, first);
          insert.setInt(2, (int) (index - first));
          insert.setBytes(3, entries.toByteArray());
          insert.setBytes(4, leaves.toByteArray());
          insert.setBytes(5, root);
          insert.executeUpdate();
        }
        event.bytes += entries.size() + leaves.size();
      }
      Checkpoint.write(connection, index, root);
      connection.commit();
      // Back to autocommit: sqlite-jdbc begins the next (IMMEDIATE) transaction right after a
      // commit when autocommit is off, which would hold the write lock between batches.
      connection.setAutoCommit(true);
      event.entries = (int) (index - mark.size());
      event.callers = batch.size();
      event.commit();
    } catch (SQLException | RuntimeException e) {
      dropConnectionIfBroken(e);
      tree.rollback(mark);
      catchUp = true;
      RuntimeException failure = e instanceof StoreConflict || e instanceof IllegalArgumentException
          ? (RuntimeException) e // a refusal by transactional work, passed on as it is
          : new StoreException("could not write the decision log (" + where + "): " + e.getMessage(), e);
      batch.forEach(p -> p.done().completeExceptionally(failure));
      return;
    }
    listener.committed(index, root);
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done().complete(indexes.get(i));
    }
  }

  /** Writes an entry of another kind (a published version) as its own {@code log_entry} row; returns the root after it. */
  private byte[] writeSingle(PreparedLeaf prepared, long index) throws SQLException {
    LogEntry e = prepared.entry();
    byte[] leaf = prepared.leafHash(index);
    byte[] root = tree.append(leaf);
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO log_entry"
        + " (idx, id, time_utc, request, answer, version_hashes, leaf_hash, root_after, kind)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, index);
      insert.setString(2, e.id());
      insert.setString(3, prepared.time());
      insert.setString(4, e.requestJson());
      insert.setString(5, e.answerJson());
      insert.setString(6, prepared.hashesColumn());
      insert.setBytes(7, leaf);
      insert.setBytes(8, root);
      insert.setString(9, prepared.kind());
      insert.executeUpdate();
    }
    return root;
  }

  private static Connection connect(Database db) throws SQLException {
    Connection c = db.connect();
    if (db.dialect == Dialect.SQLITE) {
      WalCheckpointer.disableAutomaticCheckpoints(c);
    }
    return c;
  }

  /** Rolls back; a connection that no longer answers is closed and reopened for the next batch. */
  private void dropConnectionIfBroken(Exception cause) {
    if (connection == null) {
      return;
    }
    try {
      connection.rollback();
      connection.setAutoCommit(true);
      if (connection.isValid(2)) {
        return;
      }
    } catch (SQLException suppressed) {
      cause.addSuppressed(suppressed);
    }
    Database.closeQuietly(connection);
    connection = null;
  }

  /** Stops taking entries, writes everything already queued, then stops the thread. */
  @Override
  public void close() {
    closing.writeLock().lock();
    try {
      closed = true;
    } finally {
      closing.writeLock().unlock();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Pending left;
    while ((left = queue.poll()) != null) {
      left.done().completeExceptionally(new StoreException("the store closed before the entry was logged"));
    }
    if (connection != null) {
      Database.closeQuietly(connection);
    }
    sequencer.close();
  }
}
