package org.caveat.store;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A deliberately naive RFC 6962 implementation for the tests, sharing no code with production:
 * MTH by the §2.1 recursion over a list of leaf hashes, and the §2.1.1 inclusion verification
 * algorithm (as in RFC 9162 §2.1.3.2) that walks the audit path with fn/sn.
 */
final class IndependentMerkle {

  private IndependentMerkle() {}

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        d.update(p);
      }
      return d.digest();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static byte[] leaf(byte[] data) {
    return sha256(new byte[] {0}, data);
  }

  static byte[] node(byte[] l, byte[] r) {
    return sha256(new byte[] {1}, l, r);
  }

  /** MTH(D[n]) over leaf hashes, straight from the definition. */
  static byte[] mth(List<byte[]> leafHashes) {
    int n = leafHashes.size();
    if (n == 0) {
      return sha256();
    }
    if (n == 1) {
      return leafHashes.get(0);
    }
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return node(mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
  }

  /** Verifies an inclusion proof: does {@code path} lead from leaf {@code index} of a tree of {@code size} to {@code root}? */
  static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
    if (index >= size) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = node(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = node(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, root);
  }

  /**
   * PROOF(m, D[n]) straight from RFC 6962 §2.1.2's SUBPROOF recursion over a list of leaf hashes,
   * for 0 < m <= n.
   */
  static List<byte[]> consistencyProof(int m, List<byte[]> leafHashes) {
    List<byte[]> out = new java.util.ArrayList<>();
    subproof(m, leafHashes, true, out);
    return out;
  }

  private static void subproof(int m, List<byte[]> d, boolean b, List<byte[]> out) {
    int n = d.size();
    if (m == n) {
      if (!b) {
        out.add(mth(d));
      }
      return;
    }
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    if (m <= k) {
      subproof(m, d.subList(0, k), b, out);
      out.add(mth(d.subList(k, n)));
    } else {
      subproof(m - k, d.subList(k, n), false, out);
      out.add(mth(d.subList(0, k)));
    }
  }

  static byte[] unhex(String s) {
    return HexFormat.of().parseHex(s);
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
