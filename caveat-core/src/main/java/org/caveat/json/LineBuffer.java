package org.caveat.json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array for one thread's output: {@link java.io.ByteArrayOutputStream} without
 * its locks and without the copy {@code toByteArray} makes. A batch renderer writes into it,
 * the writer copies its bytes out with {@link #writeTo}, and {@link #reset} makes it ready for the
 * next batch, so a long run reuses a few buffers instead of allocating (and collecting) two arrays
 * of the batch's size per batch.
 */
public final class LineBuffer extends OutputStream {
  private byte[] bytes;
  private int size;

  /** @param capacity the expected size in bytes (a sizing hint; the buffer grows when needed) */
  public LineBuffer(int capacity) {
    bytes = new byte[Math.max(64, capacity)];
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  private void ensure(int more) {
    if (more > bytes.length - size) {
      // Doubling keeps appends amortised O(1); Math.max covers a write larger than the buffer.
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, Math.addExact(size, more)));
    }
  }

  /** How many bytes were written since the last reset. */
  public int size() {
    return size;
  }

  /** Writes the bytes held to {@code out} with one call. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  /** A copy of the bytes held. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** Empties the buffer, keeping its capacity. */
  public void reset() {
    size = 0;
  }

  /** Nothing to release: closing a generator that writes here must not lose the bytes. */
  @Override
  public void close() {}
}
