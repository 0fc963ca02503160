package org.caveat.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Sequences the appends of several processes to one PostgreSQL log: each batch first takes
 * {@code pg_advisory_xact_lock} on one fixed key, which PostgreSQL holds until the transaction
 * commits or rolls back (also when the process dies: the server ends its session). Only then is the
 * checkpoint read, in a statement of its own: under READ COMMITTED a statement sees every commit
 * that finished before it began, and the lock's previous holder committed before releasing it, so
 * the size read is the log's true end and the next index is exactly that. Readers take no lock.
 */
final class SharedLogSequencer implements LogSequencer {

  /** The advisory lock's key: "caveatlg" in ASCII, so that it does not collide with another application's small integers. */
  static final long LOCK_KEY = 0x636176656174_6c67L;

  @Override
  public boolean begin(Connection c, boolean afterFailure) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, LOCK_KEY);
      lock.execute();
    }
    return true;
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public void close() {
    // the lock is transaction-scoped: nothing is held between batches
  }
}
