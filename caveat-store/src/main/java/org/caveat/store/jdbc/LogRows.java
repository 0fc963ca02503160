package org.caveat.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The log's rows in index order from its two tables: {@code log_entry}, one row per entry (decisions
 * of leaf format 1, logged by earlier releases, and published versions, format 2), and
 * {@code log_batch}, one row per commit of compact decisions (format 3: the framed leaves of
 * {@code count} consecutive entries, compressed, their leaf hashes, and the root after the last).
 * The two are merged by index; neither is ever rewritten.
 */
final class LogRows {

  /** A {@code log_batch} row; {@code entries} is null when the scan did not ask for content. */
  record Batch(long first, int count, byte[] entries, byte[] leafHashes, byte[] rootAfter) {

    long end() {
      return first + count;
    }

    byte[] leafHash(int i) {
      return java.util.Arrays.copyOfRange(leafHashes, 32 * i, 32 * i + 32);
    }
  }

  /** Receives rows in index order. */
  interface Visitor {
    /**
     * A {@code log_entry} row, {@code rs} on it: columns idx, leaf_hash, then with content
     * id, time_utc, request, answer, version_hashes, root_after, kind.
     */
    void single(long idx, ResultSet rs) throws SQLException;

    /** A {@code log_batch} row; it may begin before the scan's start. */
    void batch(Batch b) throws SQLException;
  }

  private LogRows() {}

  /** Visits every row holding an entry of {@code from..to-1}, in index order. */
  static void scan(Connection c, long from, long to, boolean content, int fetchSize, Visitor v) throws SQLException {
    String singles = "SELECT idx, leaf_hash" + (content ? ", id, time_utc, request, answer, version_hashes, root_after,"
        + " kind" : "") + " FROM log_entry WHERE idx >= ? AND idx < ? ORDER BY idx";
    String batches = "SELECT first_idx, count, " + (content ? "entries" : "NULL") + ", leaf_hashes, root_after"
        + " FROM log_batch WHERE first_idx < ? AND first_idx >= (SELECT COALESCE(MAX(first_idx), 0) FROM log_batch"
        + " WHERE first_idx <= ?) ORDER BY first_idx";
    try (PreparedStatement qs = c.prepareStatement(singles); PreparedStatement qb = c.prepareStatement(batches)) {
      qs.setLong(1, from);
      qs.setLong(2, to);
      qs.setFetchSize(fetchSize);
      qb.setLong(1, to);
      qb.setLong(2, from);
      qb.setFetchSize(Math.max(1, fetchSize / 64));
      try (ResultSet rs = qs.executeQuery(); ResultSet rb = qb.executeQuery()) {
        boolean hasSingle = rs.next();
        Batch batch = rb.next() ? batch(rb) : null;
        while (hasSingle || batch != null) {
          if (hasSingle && (batch == null || rs.getLong(1) < batch.first())) {
            v.single(rs.getLong(1), rs);
            hasSingle = rs.next();
          } else {
            if (batch.end() > from) v.batch(batch);
            batch = rb.next() ? batch(rb) : null;
          }
        }
      }
    }
  }

  private static Batch batch(ResultSet rb) throws SQLException {
    return new Batch(rb.getLong(1), rb.getInt(2), rb.getBytes(3), rb.getBytes(4), rb.getBytes(5));
  }
}
