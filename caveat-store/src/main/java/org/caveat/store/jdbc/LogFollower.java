package org.caveat.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import org.caveat.store.StoreException;
import org.caveat.store.merkle.MerkleTree;
import org.caveat.store.merkle.MerkleTree.Mark;

/**
 * Brings the in-memory Merkle tree up to the stored log: reads the leaf hashes of the entries
 * committed after the tree's last one (by another replica, or by a commit the driver reported as
 * failed) up to the checkpoint, and checks that the tree then has the checkpoint's root.
 *
 * <p>Whoever changes the tree holds {@link #lock()}: the log's writer for a whole batch (from
 * assigning indexes to commit or rollback), a reader while it catches up. So a reader never
 * restores leaves into a tree the writer is appending to.
 */
final class LogFollower {

  private final MerkleTree tree;
  private final GroupCommitWriter.CommitListener listener;
  private final ReentrantLock lock = new ReentrantLock();

  LogFollower(MerkleTree tree, GroupCommitWriter.CommitListener listener) {
    this.tree = tree;
    this.listener = listener;
  }

  ReentrantLock lock() {
    return lock;
  }

  /**
   * Reads the checkpoint on {@code c} and the entries the tree lacks up to it; the caller holds
   * {@link #lock()}. Inside the writer's sequenced transaction nobody else can append meanwhile, so
   * the tree then ends exactly where the next index begins.
   *
   * @return the checkpoint's size (the tree's size when nothing was stored beyond it)
   * @throws StoreException when the stored entries do not lead to the checkpoint's root (a forked
   *     or edited log): nothing is appended after a log this process cannot reproduce
   */
  long catchUp(Connection c) throws SQLException {
    Checkpoint.Head checkpoint = Checkpoint.read(c);
    if (checkpoint == null || checkpoint.size() <= tree.size()) {
      return tree.size();
    }
    Mark before = tree.mark();
    LeafHashes found = new LeafHashes(tree, before.size());
    LogRows.scan(c, before.size(), checkpoint.size(), false, 4096, found);
    byte[] root = tree.root();
    if (found.next() != checkpoint.size() || !Arrays.equals(root, checkpoint.root())) {
      tree.rollback(before);
      throw new StoreException("the stored log does not match its checkpoint after entry " + (before.size() - 1)
          + "; run `caveat log verify`");
    }
    listener.committed(checkpoint.size(), root);
    return checkpoint.size();
  }
}
