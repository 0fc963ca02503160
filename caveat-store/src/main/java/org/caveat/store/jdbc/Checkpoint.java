package org.caveat.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The single-row {@code log_checkpoint} table: the size and root of the last commit, so that a
 * log whose last rows were deleted does not look like a shorter valid log.
 */
final class Checkpoint {

  record Head(long size, byte[] root) {}

  private Checkpoint() {}

  static void write(Connection c, long size, byte[] root) throws SQLException {
    try (PreparedStatement update = c.prepareStatement("UPDATE log_checkpoint SET size = ?, root = ? WHERE one = 1")) {
      update.setLong(1, size);
      update.setBytes(2, root);
      if (update.executeUpdate() == 1) {
        return;
      }
    }
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO log_checkpoint (one, size, root) VALUES (1, ?, ?)")) {
      insert.setLong(1, size);
      insert.setBytes(2, root);
      insert.executeUpdate();
    }
  }

  /** The stored checkpoint, or null before the first commit. */
  static Head read(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT size, root FROM log_checkpoint WHERE one = 1");
        ResultSet rs = q.executeQuery()) {
      return rs.next() ? new Head(rs.getLong(1), rs.getBytes(2)) : null;
    }
  }
}
