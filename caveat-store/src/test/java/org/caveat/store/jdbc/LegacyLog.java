package org.caveat.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.caveat.store.merkle.MerkleTree;

/**
 * Writes decisions the way the releases before leaf format 3 did (one {@code log_entry} row each,
 * leaf format 1, the rendered answer stored): a store's old entries, which must keep verifying
 * and stay readable after the compact format arrived. Only for an empty log or one of such rows;
 * reopen the store afterwards so that its tree reads them.
 */
public final class LegacyLog {

  private LegacyLog() {}

  /** Appends legacy decisions {@code d-from..d-(to-1)} at indexes from..to-1 (the log must hold exactly {@code from} legacy rows). */
  public static void write(Connection c, Instant t0, int from, int to) throws SQLException {
    MerkleTree tree = new MerkleTree();
    LogRows.scan(c, 0, from, false, 1000, new LeafHashes(tree, 0));
    byte[] root = tree.root();
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO log_entry (idx, id, time_utc, request, answer,"
        + " version_hashes, leaf_hash, root_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = from; i < to; i++) {
        String id = "d-" + i;
        String time = t0.plusMillis(i).toString();
        String request = "{\"id\":\"" + id + "\",\"use\":{\"weapon\":\"w\"}}";
        String answer = "{\"id\":\"" + id + "\",\"outcome\":\"PERMIT\"}";
        List<String> hashes = List.of("sha256:aa", "sha256:bb");
        byte[] leaf = LeafCodec.leafHash(i, LeafCodec.DECISION, id, time, request, answer, hashes);
        root = tree.append(leaf);
        ins.setLong(1, i);
        ins.setString(2, id);
        ins.setString(3, time);
        ins.setString(4, request);
        ins.setString(5, answer);
        ins.setString(6, LeafCodec.hashesColumn(hashes));
        ins.setBytes(7, leaf);
        ins.setBytes(8, root);
        ins.executeUpdate();
      }
    }
    Checkpoint.write(c, to, root);
  }
}
