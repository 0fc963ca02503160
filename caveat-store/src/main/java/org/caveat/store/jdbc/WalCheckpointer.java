package org.caveat.store.jdbc;

import java.sql.Connection;
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
 */
final class WalCheckpointer implements AutoCloseable {

  private static final long PERIOD_MS = 200;

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
          s.execute("PRAGMA wal_checkpoint(PASSIVE)");
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
