package org.caveat.cache;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the cache's primitives: unsigned LEB128 integers (zig-zag for signed ones), doubles as
 * their exact IEEE 754 bits, and strings through a table (a string seen before costs its index).
 */
public final class Encoder {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
  private final Map<String, Integer> strings = new HashMap<>();

  public Encoder uint(int v) {
    if (v < 0) throw new IllegalArgumentException("negative: " + v);
    return varint(v);
  }

  /** A signed int, zig-zag encoded so small negative numbers stay short. */
  public Encoder sint(int v) {
    return varint((((long) v << 1) ^ (long) (v >> 31)) & 0xFFFFFFFFL);
  }

  private Encoder varint(long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) (v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
    return this;
  }

  public Encoder int64(long v) {
    for (int i = 0; i < 8; i++) out.write((int) (v >>> (8 * i)));
    return this;
  }

  public Encoder float64(double v) {
    return int64(Double.doubleToRawLongBits(v));
  }

  public Encoder bool(boolean v) {
    out.write(v ? 1 : 0);
    return this;
  }

  /** A string or null: 0 for null, 1 and its UTF-8 bytes when new, index + 2 when written before. */
  public Encoder string(String s) {
    if (s == null) return uint(0);
    Integer seen = strings.get(s);
    if (seen != null) return uint(seen + 2);
    strings.put(s, strings.size());
    uint(1);
    return bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  public Encoder bytes(byte[] b) {
    uint(b.length);
    out.write(b, 0, b.length);
    return this;
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
