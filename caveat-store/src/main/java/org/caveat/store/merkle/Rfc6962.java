package org.caveat.store.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash functions of RFC 6962 §2.1 with SHA-256: a leaf is hashed as
 * {@code SHA-256(0x00 || leaf)}, an interior node as {@code SHA-256(0x01 || left || right)} (the
 * prefixes keep a leaf from being passed off as a node), and the empty tree as {@code SHA-256()}.
 */
public final class Rfc6962 {

  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Rfc6962::newDigest);
  private static final HexFormat HEX = HexFormat.of();
  /** Cloned by {@link #leafDigest()}: a clone is cheaper than a provider look-up per leaf. */
  private static final MessageDigest LEAF_PREFIXED = leafPrefixed();

  private Rfc6962() {}

  public static byte[] leafHash(byte[] leaf) {
    MessageDigest d = SHA256.get();
    d.update((byte) 0x00);
    return d.digest(leaf);
  }

  /**
   * A fresh SHA-256 already fed the leaf prefix 0x00: feed it the leaf's bytes, possibly in parts
   * on different threads (clone it to fork), then {@code digest()} gives the leaf hash.
   */
  public static MessageDigest leafDigest() {
    try {
      return (MessageDigest) LEAF_PREFIXED.clone();
    } catch (CloneNotSupportedException e) {
      return leafPrefixed();
    }
  }

  private static MessageDigest leafPrefixed() {
    MessageDigest d = newDigest();
    d.update((byte) 0x00);
    return d;
  }

  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest d = SHA256.get();
    d.update((byte) 0x01);
    d.update(left);
    return d.digest(right);
  }

  /** MTH({}) = SHA-256 of the empty string. */
  public static byte[] emptyRoot() {
    return SHA256.get().digest();
  }

  /** The largest power of two smaller than {@code n} (the split point k of §2.1), for n ≥ 2. */
  public static long splitPoint(long n) {
    if (n < 2) {
      throw new IllegalArgumentException("no split point for a tree of " + n + " leaves");
    }
    return Long.highestOneBit(n - 1);
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  public static byte[] unhex(String hex) {
    return HEX.parseHex(hex);
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
