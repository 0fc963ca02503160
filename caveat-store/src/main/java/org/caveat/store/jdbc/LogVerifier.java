package org.caveat.store.jdbc;

import java.sql.Connection;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.caveat.store.VerifyReport;
import org.caveat.store.merkle.MerkleTree;
import org.caveat.store.merkle.Rfc6962;

/**
 * Recomputes the whole decision log from its rows ({@link LogRows}: single rows of leaf formats 1
 * and 2, batch rows of format 3), streaming them in index order with a frontier
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
    Walk walk = new Walk(checkpoint, headSize);
    try {
      LogRows.scan(c, 0, Long.MAX_VALUE, true, 1000, walk);
    } catch (Bad bad) {
      return VerifyReport.bad(bad.index, bad.index, bad.getMessage());
    }
    long expected = walk.expected;
    if (checkpoint != null && expected < checkpoint.size()) {
      return VerifyReport.bad(expected, expected, "entry " + expected + " missing (the last commit recorded "
          + checkpoint.size() + " entries, only " + expected + " are stored)");
    }
    if (headRoot != null) {
      return againstHead(expected, headSize, headRoot, walk.rootAtHead);
    }
    return VerifyReport.good(expected);
  }

  /** The first thing wrong, which ends the walk. */
  private static final class Bad extends RuntimeException {
    final long index;

    Bad(long index, String problem) {
      super(problem, null, false, false);
      this.index = index;
    }
  }

  /** Recomputes leaves and roots row by row, in index order. */
  private static final class Walk implements LogRows.Visitor {
    private final Checkpoint.Head checkpoint;
    private final long headSize;
    private final MerkleTree tree = new MerkleTree(false);
    long expected;
    byte[] rootAtHead;

    Walk(Checkpoint.Head checkpoint, long headSize) {
      this.checkpoint = checkpoint;
      this.headSize = headSize;
      this.rootAtHead = headSize == 0 ? tree.root() : null;
    }

    private void at(long idx) {
      if (idx != expected) {
        String problem = expected == 0
            ? "entry 0 missing (indexes start at " + idx + ")"
            : "entry " + expected + " missing (indexes jump " + (expected - 1) + " → " + idx + ")";
        throw new Bad(expected, problem);
      }
    }

    @Override
    public void single(long idx, ResultSet rs) throws SQLException {
      at(idx);
      String problem = check(rs, idx);
      if (problem != null) {
        throw new Bad(idx, "entry " + idx + ": " + problem);
      }
      String rootProblem = rootProblem(idx, tree.append(LeafCodec.leafHash(idx, rs.getString(9), rs.getString(3),
          rs.getString(4), rs.getString(5), rs.getString(6), LeafCodec.parseHashes(rs.getString(7)))), rs.getBytes(8));
      if (rootProblem != null) {
        throw new Bad(idx, "entry " + idx + ": " + rootProblem);
      }
      advance();
    }

    @Override
    public void batch(LogRows.Batch b) {
      at(b.first());
      List<byte[]> leaves;
      try {
        leaves = CompactChunk.leaves(b.entries(), b.count());
      } catch (IllegalArgumentException e) {
        throw new Bad(b.first(), "entry " + b.first() + ": the row of entries " + b.first() + ".." + (b.end() - 1)
            + " is damaged (" + e.getMessage() + ")");
      }
      if (b.leafHashes() == null || b.leafHashes().length != 32 * b.count()) {
        throw new Bad(b.first(), "entry " + b.first() + ": the row of entries " + b.first() + ".." + (b.end() - 1)
            + " does not hold " + b.count() + " leaf hashes");
      }
      for (int i = 0; i < b.count(); i++) {
        long idx = b.first() + i;
        MessageDigest d = Rfc6962.leafDigest();
        d.update(leaves.get(i));
        d.update(LeafCodec.indexSuffix(idx));
        byte[] leaf = d.digest();
        if (!Arrays.equals(leaf, b.leafHash(i))) {
          throw new Bad(idx, "entry " + idx + ": content does not match its leaf hash");
        }
        byte[] root = tree.append(leaf);
        String problem = rootProblem(idx, root, idx == b.end() - 1 ? b.rootAfter() : null);
        if (problem != null) {
          throw new Bad(idx, "entry " + idx + ": " + problem);
        }
        advance();
      }
    }

    private void advance() {
      expected++;
      if (expected == headSize) {
        rootAtHead = tree.root();
      }
    }

    /** The recomputed root against the stored one (null: none stored for this entry) and the checkpoint. */
    private String rootProblem(long idx, byte[] root, byte[] stored) {
      if (stored != null && !Arrays.equals(root, stored)) {
        return "stored root after it differs from the recomputed root";
      }
      if (checkpoint != null && idx == checkpoint.size() - 1 && !Arrays.equals(root, checkpoint.root())) {
        return "the recomputed root differs from the root recorded by the last commit";
      }
      return null;
    }
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

  /** What is wrong with the current {@code log_entry} row's content, or null (columns of {@link LogRows}). */
  private static String check(ResultSet rs, long idx) throws SQLException {
    String id = rs.getString(3);
    String time = rs.getString(4);
    String request = rs.getString(5);
    String answer = rs.getString(6);
    String hashesColumn = rs.getString(7);
    String kind = rs.getString(9);
    if (id == null || time == null || request == null || answer == null || hashesColumn == null || kind == null) {
      return "a column is empty";
    }
    List<String> hashes;
    try {
      hashes = LeafCodec.parseHashes(hashesColumn);
    } catch (IllegalArgumentException e) {
      return "version hashes column is damaged (" + e.getMessage() + ")";
    }
    if (!Arrays.equals(LeafCodec.leafHash(idx, kind, id, time, request, answer, hashes), rs.getBytes(2))) {
      return "content does not match its leaf hash";
    }
    return null;
  }
}
