package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.caveat.store.merkle.MerkleTree;
import org.caveat.store.merkle.Rfc6962;

/** For any tree size and leaf, the incremental tree agrees with the naive model and its proofs verify. */
class MerkleTreeProperties {

  @Property(tries = 200)
  void everyAuditPathVerifiesAndPinsItsLeaf(@ForAll @IntRange(min = 1, max = 2100) int size,
      @ForAll @IntRange(min = 0, max = 2099) int rawIndex, @ForAll @IntRange(min = 0, max = 2100) int rawOlder) {
    int index = rawIndex % size;
    int older = Math.max(index + 1, rawOlder % (size + 1));
    List<byte[]> leaves = new ArrayList<>();
    MerkleTree tree = new MerkleTree();
    for (int i = 0; i < size; i++) {
      byte[] leaf = IndependentMerkle.leaf(ByteBuffer.allocate(4).putInt(i * 31 + size).array());
      leaves.add(leaf);
      tree.restore(leaf);
    }
    assertThat(tree.root()).isEqualTo(IndependentMerkle.mth(leaves));
    for (int n : new int[] {size, older}) {
      byte[] root = IndependentMerkle.mth(leaves.subList(0, n));
      List<byte[]> path = tree.auditPath(index, n, (from, to) -> leaves.subList((int) from, (int) to)
          .toArray(new byte[0][]));
      assertThat(tree.rootOf(n, (from, to) -> leaves.subList((int) from, (int) to).toArray(new byte[0][])))
          .isEqualTo(root);
      assertThat(IndependentMerkle.verifyInclusion(index, n, leaves.get(index), path, root)).isTrue();
      if (n > 1) {
        assertThat(IndependentMerkle.verifyInclusion(index, n, leaves.get((index + 1) % n), path, root)).isFalse();
        assertThat(IndependentMerkle.verifyInclusion((index + 1) % n, n, leaves.get(index), path, root)).isFalse();
      }
      assertThat(path).hasSizeLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(n - 1 == 0 ? 1 : n - 1) + 1);
    }
    assertThat(Rfc6962.hex(tree.root())).hasSize(64);
  }
}
