package org.caveat.store.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One gzip member (RFC 1952) of bytes held whole, at the fastest level, with the exact bytes
 * {@link GZIPOutputStream} writes for them (its header, deflate at {@link Deflater#BEST_SPEED},
 * CRC-32 and size), but with a {@link Deflater} kept per thread and reset between members instead
 * of a new one each time: creating one allocates and clears zlib's ~300 KB of state, which cost
 * more than compressing a single decision's entry.
 */
final class GzipMember {
  /** The header {@link GZIPOutputStream} writes, taken from it so that the bytes stay its bytes. */
  private static final byte[] HEADER = header();
  private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(GzipMember::deflater);

  private GzipMember() {}

  /** {@code bytes[0..length)} as one gzip member. */
  static byte[] of(byte[] bytes, int length) {
    Deflater d = DEFLATERS.get();
    d.reset();
    d.setInput(bytes, 0, length);
    d.finish();
    // Deflated straight after the header into one array that grows if it must (a level-1 member of
    // request-sized leaves is ~a fifth of them), then cut to size with the trailer: one copy.
    byte[] out = java.util.Arrays.copyOf(HEADER, HEADER.length + 64 + length / 3);
    int n = HEADER.length;
    while (true) {
      n += d.deflate(out, n, out.length - n);
      if (d.finished()) break;
      if (n == out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    byte[] member = java.util.Arrays.copyOf(out, n + 8);
    littleEndian(member, n, (int) crc.getValue());
    littleEndian(member, n + 4, length);
    return member;
  }

  /** As {@link GZIPOutputStream} makes its deflater: nowrap, then the level set before any input. */
  private static Deflater deflater() {
    Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    d.setLevel(Deflater.BEST_SPEED);
    return d;
  }

  private static void littleEndian(byte[] out, int at, int v) {
    out[at] = (byte) v;
    out[at + 1] = (byte) (v >>> 8);
    out[at + 2] = (byte) (v >>> 16);
    out[at + 3] = (byte) (v >>> 24);
  }

  private static byte[] header() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.finish();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    byte[] empty = out.toByteArray();
    return java.util.Arrays.copyOf(empty, 10); // the fixed header: no name, comment or time
  }
}
