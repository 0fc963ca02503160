package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.caveat.store.merkle.LeafSource;
import org.caveat.store.merkle.MerkleTree;
import org.caveat.store.merkle.ProofVerifier;
import org.caveat.store.merkle.Rfc6962;
import org.junit.jupiter.api.Test;

/**
 * RFC 6962 §2.1.2 consistency proofs of the incremental tree: the reference vectors of
 * Certificate Transparency, the naive SUBPROOF recursion of {@link IndependentMerkle} for every
 * pair of small sizes and around the subtree cache's chunk borders, and the RFC 9162 verifier
 * ({@link ProofVerifier}) accepting every true proof and refusing altered ones.
 */
class ConsistencyProofTest {

  private static final String[] CT_LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
      "606162636465666768696a6b6c6d6e6f"};
  private static final String[] CT_ROOTS = {
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

  /** Consistency proofs of the same reference tests: old size, new size, proof. */
  private static final Object[][] CT_CONSISTENCY = {
      {2, 8, List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")},
      {6, 8, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
          "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")},
      {2, 5, List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")}};

  /** Inclusion proofs of the same reference tests: index, tree size, audit path. */
  private static final Object[][] CT_INCLUSION = {
      {0, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")},
      {5, 8, List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
          "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")}};

  @Test
  @SuppressWarnings("unchecked")
  void referenceVectorsOfCertificateTransparency() {
    List<byte[]> leaves = new ArrayList<>();
    MerkleTree tree = new MerkleTree();
    for (String leaf : CT_LEAVES) {
      leaves.add(Rfc6962.leafHash(IndependentMerkle.unhex(leaf)));
      tree.append(leaves.get(leaves.size() - 1));
    }
    for (Object[] v : CT_CONSISTENCY) {
      int m = (int) v[0];
      int n = (int) v[1];
      List<byte[]> proof = tree.consistencyProof(m, n, source(leaves));
      assertThat(proof.stream().map(Rfc6962::hex).toList()).as("proof %d → %d", m, n).isEqualTo(v[2]);
      assertThat(ProofVerifier.consistencyProblem(m, n, root(m), root(n), proof)).isNull();
    }
    for (Object[] v : CT_INCLUSION) {
      int index = (int) v[0];
      int n = (int) v[1];
      List<byte[]> path = ((List<String>) v[2]).stream().map(IndependentMerkle::unhex).toList();
      assertThat(tree.auditPath(index, n, source(leaves)).stream().map(Rfc6962::hex).toList()).isEqualTo(v[2]);
      assertThat(ProofVerifier.inclusionProblem(index, n, leaves.get(index), path, root(n))).isNull();
      assertThat(ProofVerifier.inclusionProblem(index, n, leaves.get(index + 1), path, root(n)))
          .startsWith("the path leads to root ");
    }
  }

  private static byte[] root(int size) {
    return IndependentMerkle.unhex(CT_ROOTS[size - 1]);
  }

  @Test
  void everyPairOfSmallSizesAndAroundTheChunkBordersAgreesWithTheRecursion() {
    List<byte[]> leaves = leaves(1100);
    MerkleTree tree = tree(leaves);
    int checked = 0;
    for (int n = 1; n <= 70; n++) {
      for (int m = 1; m <= n; m++) {
        check(tree, leaves, m, n);
        checked++;
      }
    }
    int[] sizes = {255, 256, 257, 300, 511, 512, 513, 767, 768, 769, 1023, 1024, 1025, 1099, 1100};
    for (int n : sizes) {
      for (int m : sizes) {
        if (m <= n) {
          check(tree, leaves, m, n);
          check(tree, leaves, Math.max(1, m - 200), n);
          checked += 2;
        }
      }
    }
    assertThat(checked).isGreaterThan(2500);
  }

  @Property(tries = 300)
  void anyPairOfSizesUpTo2100(@ForAll @IntRange(min = 1, max = 2100) int n, @ForAll @IntRange(min = 1, max = 2100) int rawM) {
    List<byte[]> leaves = leaves(n);
    check(tree(leaves), leaves, 1 + (rawM - 1) % n, n);
  }

  /** The tree's proof equals the naive one, verifies, and fails when altered in any one way. */
  private static void check(MerkleTree tree, List<byte[]> leaves, int m, int n) {
    List<byte[]> proof = tree.consistencyProof(m, n, source(leaves));
    List<byte[]> expected = IndependentMerkle.consistencyProof(m, leaves.subList(0, n));
    assertThat(proof.stream().map(Rfc6962::hex).toList()).as("proof %d → %d", m, n)
        .isEqualTo(expected.stream().map(Rfc6962::hex).toList());
    byte[] oldRoot = IndependentMerkle.mth(leaves.subList(0, m));
    byte[] newRoot = IndependentMerkle.mth(leaves.subList(0, n));
    assertThat(ProofVerifier.consistencyProblem(m, n, oldRoot, newRoot, proof)).as("verify %d → %d", m, n).isNull();
    if (m == n) {
      assertThat(ProofVerifier.consistencyProblem(m, n, oldRoot, IndependentMerkle.sha256(oldRoot), proof)).isNotNull();
      return;
    }
    byte[] otherOld = IndependentMerkle.mth(leaves.subList(1, m + 1));
    assertThat(ProofVerifier.consistencyProblem(m, n, otherOld, newRoot, proof)).as("other old root").isNotNull();
    assertThat(ProofVerifier.consistencyProblem(m, n, oldRoot, otherOld, proof)).as("other new root").isNotNull();
    for (int i = 0; i < proof.size(); i++) {
      List<byte[]> bent = new ArrayList<>(proof);
      byte[] flipped = bent.get(i).clone();
      flipped[7] ^= 1;
      bent.set(i, flipped);
      assertThat(ProofVerifier.consistencyProblem(m, n, oldRoot, newRoot, bent)).as("hash %d flipped", i).isNotNull();
    }
    assertThat(ProofVerifier.consistencyProblem(m, n, oldRoot, newRoot, proof.subList(0, proof.size() - 1)))
        .isNotNull();
    List<byte[]> longer = new ArrayList<>(proof);
    longer.add(leaves.get(0));
    assertThat(ProofVerifier.consistencyProblem(m, n, oldRoot, newRoot, longer)).isNotNull();
  }

  @Test
  void proofsOutsideTheTreeAreRefused() {
    MerkleTree tree = tree(leaves(5));
    LeafSource source = source(leaves(5));
    assertThatThrownBy(() -> tree.consistencyProof(0, 5, source)).hasMessage("old tree size 0 is outside 1..5");
    assertThatThrownBy(() -> tree.consistencyProof(3, 2, source)).hasMessage("old tree size 3 is outside 1..2");
    assertThatThrownBy(() -> tree.consistencyProof(2, 6, source)).hasMessageContaining("tree size 6");
    assertThat(tree.consistencyProof(5, 5, source)).isEmpty();
  }

  private static List<byte[]> leaves(int n) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(IndependentMerkle.leaf(ByteBuffer.allocate(4).putInt(i * 7919).array()));
    }
    return leaves;
  }

  private static MerkleTree tree(List<byte[]> leaves) {
    MerkleTree tree = new MerkleTree();
    leaves.forEach(tree::restore);
    return tree;
  }

  private static LeafSource source(List<byte[]> leaves) {
    return (from, to) -> leaves.subList((int) from, (int) to).toArray(new byte[0][]);
  }
}
