package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.caveat.store.merkle.MerkleTree;
import org.caveat.store.merkle.Rfc6962;
import org.junit.jupiter.api.Test;

/** The in-memory RFC 6962 tree against hand computations, published vectors and the naive test model. */
class MerkleTreeTest {

  /** The eight leaves of the RFC 6962 reference tests (certificate-transparency), as hex. */
  private static final String[] CT_LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
      "606162636465666768696a6b6c6d6e6f"};
  /** Their tree hashes for sizes 1 to 8, from the same reference tests. */
  private static final String[] CT_ROOTS = {
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

  @Test
  void emptyTreeHashIsSha256OfNothing() {
    assertThat(Rfc6962.hex(new MerkleTree().root()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void smallTreesMatchHandComputedHashes() {
    byte[] d0 = "a".getBytes(StandardCharsets.UTF_8);
    byte[] d1 = "b".getBytes(StandardCharsets.UTF_8);
    byte[] d2 = "c".getBytes(StandardCharsets.UTF_8);
    byte[] h0 = IndependentMerkle.sha256(new byte[] {0}, d0);
    byte[] h1 = IndependentMerkle.sha256(new byte[] {0}, d1);
    byte[] h2 = IndependentMerkle.sha256(new byte[] {0}, d2);
    MerkleTree tree = new MerkleTree();
    assertThat(tree.append(Rfc6962.leafHash(d0))).isEqualTo(h0);
    assertThat(tree.append(Rfc6962.leafHash(d1))).isEqualTo(IndependentMerkle.sha256(new byte[] {1}, h0, h1));
    // Three leaves: split at k = 2, so MTH = H(1 || H(1 || h0 || h1) || h2), not H(1 || h0 || H(1 || h1 || h2)).
    byte[] left = IndependentMerkle.sha256(new byte[] {1}, h0, h1);
    assertThat(tree.append(Rfc6962.leafHash(d2))).isEqualTo(IndependentMerkle.sha256(new byte[] {1}, left, h2));
  }

  @Test
  void referenceVectorsOfCertificateTransparency() {
    MerkleTree tree = new MerkleTree();
    for (int i = 0; i < CT_LEAVES.length; i++) {
      byte[] root = tree.append(Rfc6962.leafHash(IndependentMerkle.unhex(CT_LEAVES[i])));
      assertThat(Rfc6962.hex(root)).as("root of %d leaves", i + 1).isEqualTo(CT_ROOTS[i]);
    }
  }

  @Test
  void incrementalRootsAndAuditPathsAgreeWithTheNaiveModel() {
    List<byte[]> leaves = new ArrayList<>();
    MerkleTree tree = new MerkleTree();
    for (int i = 0; i < 1100; i++) {
      byte[] leaf = Rfc6962.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8));
      leaves.add(leaf);
      byte[] root = tree.append(leaf);
      if (i < 70 || i % 97 == 0 || i == 1099) {
        assertThat(root).as("root of %d leaves", i + 1).isEqualTo(IndependentMerkle.mth(leaves));
      }
    }
    long[] sizes = {1, 2, 3, 5, 8, 255, 256, 257, 511, 512, 513, 767, 768, 1024, 1025, 1100};
    for (long n : sizes) {
      byte[] root = IndependentMerkle.mth(leaves.subList(0, (int) n));
      assertThat(tree.rootOf(n, (from, to) -> slice(leaves, from, to))).isEqualTo(root);
      for (long m : new long[] {0, n / 3, n / 2, n - 2, n - 1}) {
        if (m < 0) {
          continue;
        }
        List<byte[]> path = tree.auditPath(m, n, (from, to) -> slice(leaves, from, to));
        assertThat(IndependentMerkle.verifyInclusion(m, n, leaves.get((int) m), path, root))
            .as("proof of %d in %d", m, n).isTrue();
        assertThat(IndependentMerkle.verifyInclusion(m, n, leaves.get((int) ((m + 1) % n)), path, root))
            .as("proof of %d in %d with another leaf", m, n).isEqualTo(n == 1);
      }
    }
  }

  @Test
  void rollbackForgetsUncommittedLeaves() {
    MerkleTree tree = new MerkleTree();
    for (int i = 0; i < 300; i++) {
      tree.append(Rfc6962.leafHash(new byte[] {(byte) i}));
    }
    byte[] before = tree.root();
    MerkleTree.Mark mark = tree.mark();
    for (int i = 0; i < 600; i++) {
      tree.append(Rfc6962.leafHash(new byte[] {7, (byte) i}));
    }
    tree.rollback(mark);
    assertThat(tree.size()).isEqualTo(300);
    assertThat(tree.root()).isEqualTo(before);
  }

  @Test
  void auditPathOutsideTheTreeIsRefused() {
    MerkleTree tree = new MerkleTree();
    tree.append(Rfc6962.leafHash(new byte[0]));
    assertThatThrownBy(() -> tree.auditPath(1, 1, (f, t) -> new byte[0][])).hasMessageContaining("index 1");
    assertThatThrownBy(() -> tree.auditPath(0, 2, (f, t) -> new byte[0][])).hasMessageContaining("tree size 2");
  }

  private static byte[][] slice(List<byte[]> leaves, long from, long to) {
    return leaves.subList((int) from, (int) to).toArray(new byte[0][]);
  }
}
