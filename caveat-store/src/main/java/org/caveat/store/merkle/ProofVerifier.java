package org.caveat.store.merkle;

import java.util.Arrays;
import java.util.List;

/**
 * Checks proofs as an outside auditor does, with nothing but hashes: the inclusion (RFC 9162
 * §2.1.3.2) and consistency (§2.1.4.2) verification algorithms for RFC 6962 trees. Each answers
 * with what is wrong, or null when the proof holds, so callers can say why a proof fails.
 */
public final class ProofVerifier {

  private static final int HASH_BYTES = 32;

  private ProofVerifier() {}

  /**
   * Null if {@code path} leads from {@code leafHash} at {@code index} to {@code root}, the hash of
   * a tree of {@code size} leaves; otherwise what is wrong.
   */
  public static String inclusionProblem(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
    if (index < 0 || index >= size) {
      return "index " + index + " is outside a tree of " + size + " entries";
    }
    String shape = hashProblem(leafHash, root, path);
    if (shape != null) {
      return shape;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        return "the path has more hashes than a tree of " + size + " entries needs";
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = Rfc6962.nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = Rfc6962.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      return "the path has fewer hashes than a tree of " + size + " entries needs";
    }
    return Arrays.equals(r, root) ? null : "the path leads to root " + Rfc6962.hex(r) + ", not to " + Rfc6962.hex(root);
  }

  /**
   * Null if {@code path} proves that the tree of {@code first} leaves with hash {@code firstRoot}
   * is a prefix of the tree of {@code second} leaves with hash {@code secondRoot}; otherwise what
   * is wrong.
   */
  public static String consistencyProblem(long first, long second, byte[] firstRoot, byte[] secondRoot,
      List<byte[]> path) {
    if (first < 0 || first > second) {
      return "the old size " + first + " is larger than the new size " + second;
    }
    String shape = hashProblem(firstRoot, secondRoot, path);
    if (shape != null) {
      return shape;
    }
    if (first == second || first == 0) {
      if (!path.isEmpty()) {
        return "a proof between sizes " + first + " and " + second + " has no hashes; this one has " + path.size();
      }
      if (first == 0) {
        return Arrays.equals(firstRoot, Rfc6962.emptyRoot()) ? null : "the root of the empty tree is wrong";
      }
      return Arrays.equals(firstRoot, secondRoot) ? null : "two trees of " + first + " entries have different roots";
    }
    if (path.isEmpty()) {
      return "the proof is empty";
    }
    long fn = first - 1;
    long sn = second - 1;
    int next = 0;
    byte[] fr;
    byte[] sr;
    if (Long.bitCount(first) == 1) {
      fr = firstRoot;
      sr = firstRoot;
    } else {
      fr = path.get(0);
      sr = path.get(0);
      next = 1;
    }
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    for (int i = next; i < path.size(); i++) {
      byte[] c = path.get(i);
      if (sn == 0) {
        return "the proof has more hashes than sizes " + first + " and " + second + " need";
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = Rfc6962.nodeHash(c, fr);
        sr = Rfc6962.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = Rfc6962.nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      return "the proof has fewer hashes than sizes " + first + " and " + second + " need";
    }
    if (!Arrays.equals(fr, firstRoot)) {
      return "the proof does not lead to the old root " + Rfc6962.hex(firstRoot)
          + ": the first " + first + " entries are not the ones the old head signed";
    }
    if (!Arrays.equals(sr, secondRoot)) {
      return "the proof does not lead to the new root " + Rfc6962.hex(secondRoot);
    }
    return null;
  }

  private static String hashProblem(byte[] a, byte[] b, List<byte[]> path) {
    if (a == null || b == null || a.length != HASH_BYTES || b.length != HASH_BYTES) {
      return "a hash is not " + HASH_BYTES + " bytes";
    }
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i) == null || path.get(i).length != HASH_BYTES) {
        return "hash " + i + " of the path is not " + HASH_BYTES + " bytes";
      }
    }
    return null;
  }
}
