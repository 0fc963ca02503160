package org.caveat.store.jdbc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
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
    // The row inflated in one go, then cut: through a DataInputStream each u32 length was four
    // one-byte reads, each an Inflater call (a quarter of `log verify --redecide`'s CPU).
    byte[] all;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(row), 1 << 16)) {
      all = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalArgumentException("the stored entries cannot be read: " + e.getMessage(), e);
    }
    List<byte[]> out = new ArrayList<>(count);
    int at = 0;
    for (int i = 0; i < count; i++) {
      if (all.length - at < 4) throw unreadable("cut short in entry " + i);
      int n = (all[at] & 0xff) << 24 | (all[at + 1] & 0xff) << 16 | (all[at + 2] & 0xff) << 8 | (all[at + 3] & 0xff);
      at += 4;
      if (n < 0 || n > 64 << 20) throw unreadable("entry " + i + " has a bad length " + n);
      if (all.length - at < n) throw unreadable("cut short in entry " + i);
      out.add(Arrays.copyOfRange(all, at, at + n));
      at += n;
    }
    if (at != all.length) throw unreadable("more bytes than " + count + " entries");
    return out;
  }

  private static IllegalArgumentException unreadable(String why) {
    return new IllegalArgumentException("the stored entries cannot be read: " + why);
  }
}
