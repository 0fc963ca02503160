package org.caveat.store.jdbc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import org.caveat.store.StoreException;

/**
 * SQLite's one appending process per data folder. SQLite's write lock (transactions begin
 * IMMEDIATE) already keeps two commits apart, but a second appender would find its next index
 * taken on every batch it did not read; so the first append claims an exclusive lock on
 * {@code caveat.db.writer} beside the database (an OS file lock, released when the process ends,
 * also by {@code kill -9}) and keeps it until the store closes. Another process, or another store of
 * this process, that tries to append is refused with a message naming the way to several replicas
 * (PostgreSQL). Reading, verifying and managing tokens or change requests claim nothing. A server
 * claims at start-up ({@link #claimNow}), since it then trusts what it read from the store for as long
 * as it runs.
 *
 * <p>The claim is taken on the writer thread ({@link #begin}) or, once, on the thread that starts a
 * server; both go through the synchronized {@link #claim}.
 */
final class SingleWriterSequencer implements LogSequencer {

  private final Path lockFile;
  private final String where;
  private FileChannel channel;
  private volatile FileLock claimed;

  SingleWriterSequencer(Path sqliteFile, String where) {
    this.lockFile = sqliteFile.resolveSibling(sqliteFile.getFileName() + ".writer");
    this.where = where;
  }

  @Override
  public boolean begin(Connection c, boolean afterFailure) {
    if (claimed == null) {
      claim();
    }
    return afterFailure;
  }

  @Override
  public void claimNow() {
    if (claimed == null) {
      claim();
    }
  }

  private synchronized void claim() {
    if (claimed != null) {
      return;
    }
    try {
      if (channel == null) {
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      }
      claimed = channel.tryLock();
    } catch (OverlappingFileLockException | IOException e) {
      claimed = null;
    }
    if (claimed == null) {
      throw new StoreException("another process (or another open store in this one) is appending to the decision"
          + " log of " + where + " (it holds " + lockFile.getFileName() + "): a SQLite store has one writing process;"
          + " stop the other `caveat serve`, or keep the store in PostgreSQL (--db) to run several replicas."
          + " Nothing was logged");
    }
  }

  @Override
  public boolean shared() {
    return false;
  }

  @Override
  public synchronized void close() {
    try {
      if (claimed != null) {
        claimed.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // the OS releases the lock with the descriptor anyway
    }
    claimed = null;
    channel = null;
  }
}
