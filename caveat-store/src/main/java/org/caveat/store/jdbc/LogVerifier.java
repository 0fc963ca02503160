package org.caveat.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.caveat.store.VerifyReport;
import org.caveat.store.merkle.MerkleTree;

/**
 * Recomputes the whole decision log from its rows, streaming them in index order with a frontier
 * only (constant memory): indexes contiguous from 0, each leaf hash from the row's content, each
 * root after it from the recomputed leaves, and the last commit's checkpoint. Reports the first
 * entry where anything differs, and what.
 */
final class LogVerifier {

  private final Database db;

  LogVerifier(Database db) {
    this.db = db;
  }

  VerifyReport verify() {
    return db.stream("verifying the decision log", this::verify);
  }

  private VerifyReport verify(Connection c) throws SQLException {
    Checkpoint.Head checkpoint = Checkpoint.read(c);
    MerkleTree tree = new MerkleTree(false);
    long expected = 0;
    try (PreparedStatement q = c.prepareStatement("SELECT idx, id, time_utc, request, answer, version_hashes,"
        + " leaf_hash, root_after FROM log_entry ORDER BY idx")) {
      q.setFetchSize(1000);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          long idx = rs.getLong(1);
          if (idx != expected) {
            String problem = expected == 0
                ? "entry 0 missing (indexes start at " + idx + ")"
                : "entry " + expected + " missing (indexes jump " + (expected - 1) + " → " + idx + ")";
            return VerifyReport.bad(expected, expected, problem);
          }
          String problem = check(rs, idx, tree, checkpoint);
          if (problem != null) {
            return VerifyReport.bad(expected, idx, "entry " + idx + ": " + problem);
          }
          expected++;
        }
      }
    }
    if (checkpoint != null && expected < checkpoint.size()) {
      return VerifyReport.bad(expected, expected, "entry " + expected + " missing (the last commit recorded "
          + checkpoint.size() + " entries, only " + expected + " are stored)");
    }
    return VerifyReport.good(expected);
  }

  /** What is wrong with the current row, or null; appends its recomputed leaf to {@code tree}. */
  private static String check(ResultSet rs, long idx, MerkleTree tree, Checkpoint.Head checkpoint)
      throws SQLException {
    String id = rs.getString(2);
    String time = rs.getString(3);
    String request = rs.getString(4);
    String answer = rs.getString(5);
    String hashesColumn = rs.getString(6);
    if (id == null || time == null || request == null || answer == null || hashesColumn == null) {
      return "a column is empty";
    }
    List<String> hashes;
    try {
      hashes = LeafCodec.parseHashes(hashesColumn);
    } catch (IllegalArgumentException e) {
      return "version hashes column is damaged (" + e.getMessage() + ")";
    }
    byte[] leaf = LeafCodec.leafHash(idx, id, time, request, answer, hashes);
    if (!Arrays.equals(leaf, rs.getBytes(7))) {
      return "content does not match its leaf hash";
    }
    byte[] root = tree.append(leaf);
    if (!Arrays.equals(root, rs.getBytes(8))) {
      return "stored root after it differs from the recomputed root";
    }
    if (checkpoint != null && idx == checkpoint.size() - 1 && !Arrays.equals(root, checkpoint.root())) {
      return "the recomputed root differs from the root recorded by the last commit";
    }
    return null;
  }
}
