package org.caveat.store.jdbc;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.caveat.store.DecisionEntry;
import org.caveat.store.merkle.Rfc6962;

/**
 * One caller's compact decisions made ready for the writer on the caller's thread: each entry's
 * leaf bytes ({@link CompactLeaf}) fed to a SHA-256 that waits only for the index, and all of them
 * framed ({@code u32(length) leaf}…) and compressed as one gzip member ({@link GzipMember}: the bytes
 * {@code GZIPOutputStream} writes at the fastest level). A {@code log_batch} row
 * holds the members of one commit one after another; gzip readers read concatenated members as one
 * stream, so the writer only concatenates. Compression runs here, on the callers' threads, not on
 * the single writer thread.
 */
record CompactChunk(MessageDigest[] partials, byte[] member) {

  static CompactChunk of(List<DecisionEntry> entries) {
    MessageDigest[] partials = new MessageDigest[entries.size()];
    // Every leaf written once, framed in place, hashed where it lies, then the whole compressed in
    // one call (through a gzip stream, every u32 length was four one-byte deflate calls). The
    // buffer is the thread's, kept between calls: nothing of it outlives this one (the member is
    // its own array), and a new one per call grew twice for a group of 512 request-sized leaves.
    LeafBuffer framed = LeafBuffer.ofThisThread();
    for (int i = 0; i < partials.length; i++) {
      int at = framed.size();
      framed.u32(0);
      CompactLeaf.write(entries.get(i), framed);
      int length = framed.size() - at - 4;
      framed.put32(at, length);
      MessageDigest d = Rfc6962.leafDigest();
      d.update(framed.bytes(), at + 4, length);
      partials[i] = d;
    }
    return new CompactChunk(partials, GzipMember.of(framed.bytes(), framed.size()));
  }

  int size() {
    return partials.length;
  }

  /** Entry {@code i}'s leaf hash once its index is known; call once per entry. */
  byte[] leafHash(int i, long index) {
    partials[i].update(LeafCodec.indexSuffix(index));
    return partials[i].digest();
  }

  /**
   * The leaf bytes of a stored row's {@code count} entries.
   *
   * @throws IllegalArgumentException when the row does not decompress to exactly that many framed entries
   */
  static List<byte[]> leaves(byte[] row, int count) {
    List<byte[]> out = new ArrayList<>(count);
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(row), 1 << 16))) {
      for (int i = 0; i < count; i++) {
        int n = in.readInt();
        if (n < 0 || n > 64 << 20) throw new IOException("entry " + i + " has a bad length " + n);
        out.add(in.readNBytes(n));
        if (out.get(i).length != n) throw new IOException("cut short in entry " + i);
      }
      if (in.read() != -1) throw new IOException("more bytes than " + count + " entries");
    } catch (IOException e) {
      throw new IllegalArgumentException("the stored entries cannot be read: " + e.getMessage(), e);
    }
    return out;
  }
}
