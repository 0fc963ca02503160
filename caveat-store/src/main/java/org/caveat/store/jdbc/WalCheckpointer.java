package org.caveat.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite only: copies the write-ahead log into the database file from a thread of its own.
 *
 * <p>By default SQLite checkpoints inside the commit that crosses 1000 WAL pages, so every few
 * hundred decisions one acknowledgement would wait for a database-file write and fsync. The log's
 * writer connection turns automatic checkpoints off and this thread runs a PASSIVE checkpoint
 * (which never blocks writers) every {@value #PERIOD_MS} ms instead. Durability is unchanged: a
 * commit is acknowledged once the WAL is synced (synchronous=FULL).
 *
 * <p>Under sustained appends a PASSIVE checkpoint never finds the WAL fully copied with no writer
 * in between, so SQLite never starts the WAL over and the file grows without bound (measured: as
 * fast as the database itself). Once a pass leaves more than {@value #RESTART_FRAMES} frames in
 * the WAL, a RESTART checkpoint follows: it waits for the writer's current commit, copies only
 * what was appended since the passive pass, and makes the next commit write from the start of the
 * WAL again. Appends wait that long once, instead of the WAL (and the disk it takes) growing for as
 * long as the load lasts. RESTART rather than TRUNCATE: the file keeps its size and is overwritten
 * in place, because syncing a WAL that grows again from empty cost batches two to three times
 * their throughput in a trial.
 */
final class WalCheckpointer implements AutoCloseable {

  private static final long PERIOD_MS = 200;
  /** About 64 MB of 4 KB pages. */
  static final int RESTART_FRAMES = 16_384;

  private final Database db;
  private final Thread thread;
  private volatile boolean closed;

  WalCheckpointer(Database db) {
    this.db = db;
    this.thread = new Thread(this::run, "caveat-wal-checkpoint");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Turns automatic checkpoints off on the connection that commits the log. */
  static void disableAutomaticCheckpoints(Connection writer) throws SQLException {
    try (Statement s = writer.createStatement()) {
      s.execute("PRAGMA wal_autocheckpoint = 0");
    }
  }

  private void run() {
    Connection c = null;
    while (!closed) {
      try {
        if (c == null) {
          c = db.connect();
        }
        try (Statement s = c.createStatement()) {
          int walFrames = 0;
          try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (rs.next()) {
              walFrames = rs.getInt(2); // busy, frames in the WAL, frames copied
            }
          }
          if (walFrames > RESTART_FRAMES) {
            s.execute("PRAGMA wal_checkpoint(RESTART)");
          }
        }
      } catch (SQLException e) {
        // Busy or failing: the WAL only grows until the next attempt succeeds; retry on a new connection.
        if (c != null) {
          Database.closeQuietly(c);
          c = null;
        }
      }
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        break;
      }
    }
    if (c != null) {
      Database.closeQuietly(c);
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
