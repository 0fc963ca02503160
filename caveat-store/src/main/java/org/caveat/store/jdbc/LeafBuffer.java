package org.caveat.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the big-endian integers and length-prefixed strings of the leaf
 * formats, read in place ({@link #bytes()}): one per batch of compact decisions, holding their
 * framed leaves one after another, so that a leaf is written once, hashed where it lies and
 * compressed from there, with no stream layers and no copy per leaf.
 */
final class LeafBuffer {
  /** Kept per thread ({@link #ofThisThread}) up to this size (a server runs up to 64); a larger one is let go after use. */
  private static final int KEPT_BYTES = 1 << 20;
  private static final ThreadLocal<LeafBuffer> THREADS = ThreadLocal.withInitial(() -> new LeafBuffer(256 << 10));

  private byte[] buf;
  private int size;

  LeafBuffer(int capacity) {
    buf = new byte[Math.max(64, capacity)];
  }

  /**
   * This thread's buffer, emptied: valid until the thread's next call. One grown beyond
   * {@link #KEPT_BYTES} by the previous use is replaced by a new one first.
   */
  static LeafBuffer ofThisThread() {
    LeafBuffer b = THREADS.get();
    if (b.buf.length > KEPT_BYTES) {
      b = new LeafBuffer(256 << 10);
      THREADS.set(b);
    }
    b.clear();
    return b;
  }

  int size() {
    return size;
  }

  /** Empties the buffer, keeping its array. */
  void clear() {
    size = 0;
  }

  /** The buffer itself; bytes {@code [0, size())} are written. */
  byte[] bytes() {
    return buf;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  void u8(int v) {
    room(1);
    buf[size++] = (byte) v;
  }

  void u32(int v) {
    room(4);
    put32(size, v);
    size += 4;
  }

  /** Overwrites the u32 at {@code at} (a length written before what it measures). */
  void put32(int at, int v) {
    buf[at] = (byte) (v >>> 24);
    buf[at + 1] = (byte) (v >>> 16);
    buf[at + 2] = (byte) (v >>> 8);
    buf[at + 3] = (byte) v;
  }

  void u64(long v) {
    u32((int) (v >>> 32));
    u32((int) v);
  }

  void write(byte[] b) {
    room(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
  }

  /** {@code str(s)}: the u32 length of the UTF-8 of {@code s}, then those bytes. */
  void str(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    u32(b.length);
    write(b);
  }

  private void room(int n) {
    if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
  }
}
