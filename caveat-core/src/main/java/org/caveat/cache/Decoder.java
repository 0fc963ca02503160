package org.caveat.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what an {@link Encoder} wrote. Every read is bounds-checked; a truncated or inconsistent
 * input throws {@link Corrupt} and never allocates more than the input could describe.
 */
public final class Decoder {
  private final byte[] in;
  private int at;
  private final List<String> strings = new ArrayList<>();

  /** The input was not written by an {@link Encoder} of this format (damaged, truncated, other version). */
  public static final class Corrupt extends RuntimeException {
    public Corrupt(String message) {
      super(message, null, false, false);
    }
  }

  public Decoder(byte[] in, int from) {
    this.in = in;
    this.at = from;
  }

  public int uint() {
    long v = varint();
    if (v > Integer.MAX_VALUE) throw new Corrupt("integer out of range at " + at);
    return (int) v;
  }

  /** A count of items that each take at least one byte: never more than the bytes left. */
  public int count() {
    int n = uint();
    if (n > in.length - at) throw new Corrupt("count " + n + " beyond the input at " + at);
    return n;
  }

  public int sint() {
    long u = varint();
    if (u > 0xFFFFFFFFL) throw new Corrupt("integer out of range at " + at);
    return (int) (u >>> 1) ^ -(int) (u & 1);
  }

  private long varint() {
    long v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = next();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    throw new Corrupt("integer too long at " + at);
  }

  public long int64() {
    long v = 0;
    for (int i = 0; i < 8; i++) v |= (long) next() << (8 * i);
    return v;
  }

  public double float64() {
    return Double.longBitsToDouble(int64());
  }

  public boolean bool() {
    int b = next();
    if (b > 1) throw new Corrupt("not a boolean at " + at);
    return b == 1;
  }

  public String string() {
    int code = uint();
    if (code == 0) return null;
    if (code == 1) {
      String s = new String(bytes(), StandardCharsets.UTF_8);
      strings.add(s);
      return s;
    }
    if (code - 2 >= strings.size()) throw new Corrupt("unknown string " + code + " at " + at);
    return strings.get(code - 2);
  }

  /** A string that must be present. */
  public String text() {
    String s = string();
    if (s == null) throw new Corrupt("missing string at " + at);
    return s;
  }

  public byte[] bytes() {
    int n = count();
    byte[] b = new byte[n];
    System.arraycopy(in, at, b, 0, n);
    at += n;
    return b;
  }

  /** An index into a table of {@code size} entries (an enum's constants, a list). */
  public int index(int size) {
    int i = uint();
    if (i >= size) throw new Corrupt("index " + i + " out of " + size + " at " + at);
    return i;
  }

  /** Where the next read starts. */
  public int position() {
    return at;
  }

  private int next() {
    if (at >= in.length) throw new Corrupt("unexpected end of input");
    return in[at++] & 0xFF;
  }
}
