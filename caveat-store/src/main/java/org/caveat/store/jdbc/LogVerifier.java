package org.caveat.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.caveat.store.VerifyReport;
import org.caveat.store.merkle.MerkleTree;
import org.caveat.store.merkle.Rfc6962;

/**
 * Recomputes the whole decision log from its rows, streaming them in index order with a frontier
 * only (constant memory): indexes contiguous from 0, each leaf hash from the row's content, each
 * root after it from the recomputed leaves, and the last commit's checkpoint. Reports the first
 * entry where anything differs, and what. Given a head saved earlier, it also checks the log still
 * holds that many entries and that the root over them is the head's.
 */
final class LogVerifier {

  private final Database db;

  LogVerifier(Database db) {
    this.db = db;
  }

  VerifyReport verify() {
    return db.stream("verifying the decision log", c -> verify(c, -1, null));
  }

  /** {@link #verify()}, then the log against a saved head of {@code size} entries and root {@code root}. */
  VerifyReport verify(long size, byte[] root) {
    return db.stream("verifying the decision log", c -> verify(c, size, root));
  }

  private VerifyReport verify(Connection c, long headSize, byte[] headRoot) throws SQLException {
    Checkpoint.Head checkpoint = Checkpoint.read(c);
    MerkleTree tree = new MerkleTree(false);
    long expected = 0;
    byte[] rootAtHead = headSize == 0 ? tree.root() : null;
    try (PreparedStatement q = c.prepareStatement("SELECT idx, id, time_utc, request, answer, version_hashes,"
        + " leaf_hash, root_after, kind FROM log_entry ORDER BY idx")) {
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
          if (expected == headSize) {
            rootAtHead = tree.root();
          }
        }
      }
    }
    if (checkpoint != null && expected < checkpoint.size()) {
      return VerifyReport.bad(expected, expected, "entry " + expected + " missing (the last commit recorded "
          + checkpoint.size() + " entries, only " + expected + " are stored)");
    }
    if (headRoot != null) {
      return againstHead(expected, headSize, headRoot, rootAtHead);
    }
    return VerifyReport.good(expected);
  }

  /** The log of {@code stored} entries, sound by itself, against a head of {@code headSize} entries. */
  private static VerifyReport againstHead(long stored, long headSize, byte[] headRoot, byte[] rootAtHead) {
    if (stored < headSize) {
      String removed = stored == headSize - 1 ? "entry " + stored + " was" : "entries " + stored + ".." + (headSize - 1)
          + " were";
      return VerifyReport.bad(stored, stored, "the log has " + stored + (stored == 1 ? " entry" : " entries")
          + "; the saved head has " + headSize + ": " + removed + " removed");
    }
    if (!Arrays.equals(rootAtHead, headRoot)) {
      return VerifyReport.bad(stored, headSize == 0 ? 0 : headSize - 1, "the root over the first " + headSize
          + " entries is " + Rfc6962.hex(rootAtHead) + "; the saved head has " + Rfc6962.hex(headRoot)
          + ": entries before " + headSize + " were changed, removed or replaced since the head was signed");
    }
    return VerifyReport.good(stored);
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
    String kind = rs.getString(9);
    if (kind == null) {
      return "a column is empty";
    }
    byte[] leaf = LeafCodec.leafHash(idx, kind, id, time, request, answer, hashes);
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
