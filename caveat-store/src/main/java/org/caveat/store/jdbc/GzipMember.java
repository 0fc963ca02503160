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
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + length / 4);
    out.writeBytes(HEADER);
    byte[] buf = new byte[Math.min(1 << 16, 64 + length)];
    while (!d.finished()) out.write(buf, 0, d.deflate(buf));
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    littleEndian(out, (int) crc.getValue());
    littleEndian(out, length);
    return out.toByteArray();
  }

  /** As {@link GZIPOutputStream} makes its deflater: nowrap, then the level set before any input. */
  private static Deflater deflater() {
    Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    d.setLevel(Deflater.BEST_SPEED);
    return d;
  }

  private static void littleEndian(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
    out.write(v >>> 24);
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
