package org.caveat.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How the log's writer becomes the only appender for one transaction, beside the writer rather than
 * inside it: {@link GroupCommitWriter} calls {@link #begin} in each batch's open transaction before
 * it assigns indexes, and appends after the tree's last entry once the {@link LogFollower} has read
 * whatever the stored log holds beyond it.
 *
 * <ul>
 *   <li>{@link SharedLogSequencer} (PostgreSQL): several processes (replicas) append to one log; a
 *       transaction-scoped advisory lock orders them and every batch catches up first.
 *   <li>{@link SingleWriterSequencer} (SQLite): one appending process per data folder, claimed by a
 *       file lock; a second one is refused with a message saying so.
 * </ul>
 */
interface LogSequencer extends AutoCloseable {

  /**
   * Called in the writer's transaction (autocommit off), before any index is assigned.
   *
   * @param afterFailure whether the previous batch failed (its commit may have gone through)
   * @return whether the tree must catch up from the stored checkpoint before appending
   * @throws SQLException when the database refuses; the batch then fails and nothing is acknowledged
   */
  boolean begin(Connection c, boolean afterFailure) throws SQLException;

  /**
   * Claims now what {@link #begin} would claim at the first append, for a process that must be the
   * only appender from its start; a no-op where several processes append.
   *
   * @throws org.caveat.store.StoreException when another process holds the claim
   */
  default void claimNow() {}

  /** Whether other processes may append to this log, so that readers catch up before answering. */
  boolean shared();

  /** Releases what {@link #begin} claimed for the process's lifetime. */
  @Override
  void close();

  static LogSequencer of(Database db) {
    return db.dialect == Dialect.POSTGRESQL ? new SharedLogSequencer()
        : new SingleWriterSequencer(db.config.sqliteFile(), db.config.describe());
  }
}
