package org.caveat.store.jdbc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.caveat.store.DecisionEntry;
import org.caveat.store.merkle.Rfc6962;

/**
 * One caller's compact decisions made ready for the writer on the caller's thread: each entry's
 * leaf bytes ({@link CompactLeaf}) fed to a SHA-256 that waits only for the index, and all of them
 * framed ({@code u32(length) leaf}…) and, from {@link #LOOSE_BYTES} on, compressed as one gzip
 * member ({@link GzipMember}: the bytes {@code GZIPOutputStream} writes at the fastest level). A
 * {@code log_batch} row holds the members of one commit one after another; gzip readers read
 * concatenated members as one stream, so the writer only concatenates. Compression runs here, on
 * the callers' threads, not on the single writer thread, except for small chunks (a single
 * decision): those are left {@linkplain #compressed() loose} and the writer compresses the loose
 * chunks of a commit together, as one member ({@link #addTo}, {@link #flush}).
 *
 * @param bytes the gzip member when {@code compressed}, else the framed entries
 */
record CompactChunk(MessageDigest[] partials, byte[] bytes, boolean compressed) {
  /** The longest leaf a row may frame: far above any entry the log writes, so only damage exceeds it. */
  private static final int MAX_LEAF_BYTES = 64 << 20;

  /**
   * Framed entries up to this size are left loose. A gzip member has a fixed cost, zlib's reset of
   * its deflater (~5 µs on the 2-core machine, whatever the input: 5.4 µs for 100 bytes, 7.0 µs for
   * 5,000), which was more than all the rest of logging a single decision; compressed with the
   * other loose chunks of its commit, a single decision's entry costs a share of one member.
   */
  static final int LOOSE_BYTES = 8 << 10;

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
    return framed.size() <= LOOSE_BYTES ? new CompactChunk(partials, framed.toByteArray(), false)
        : new CompactChunk(partials, GzipMember.of(framed.bytes(), framed.size()), true);
  }

  /**
   * Appends this chunk to a row being built: a compressed chunk's member is added to {@code row}
   * after the loose chunks gathered before it ({@code loose}, compressed as one member and emptied);
   * a loose chunk is gathered. Call {@link #flush} after the last chunk.
   */
  void addTo(ByteArrayOutputStream row, LeafBuffer loose) {
    if (!compressed) {
      loose.write(bytes);
      return;
    }
    flush(row, loose);
    row.writeBytes(bytes);
  }

  /** Adds the loose chunks gathered in {@code loose} to {@code row} as one gzip member, and empties it. */
  static void flush(ByteArrayOutputStream row, LeafBuffer loose) {
    if (loose.size() == 0) return;
    row.writeBytes(GzipMember.of(loose.bytes(), loose.size()));
    loose.clear();
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
    // Inflated as it is framed, so a damaged or forged row (a gzip bomb) costs at most one entry's
    // bytes more than it holds; each length is one bulk read (through a DataInputStream it was four
    // one-byte reads, each an Inflater call: a quarter of `log verify --redecide`'s CPU).
    List<byte[]> out = new ArrayList<>(count);
    byte[] length = new byte[4];
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(row), 1 << 16)) {
      for (int i = 0; i < count; i++) {
        if (in.readNBytes(length, 0, 4) != 4) throw unreadable("cut short in entry " + i);
        int n = ByteBuffer.wrap(length).getInt();
        if (n < 0 || n > MAX_LEAF_BYTES) throw unreadable("entry " + i + " has a bad length " + n);
        byte[] leaf = in.readNBytes(n);
        if (leaf.length != n) throw unreadable("cut short in entry " + i);
        out.add(leaf);
      }
      if (in.read() != -1) throw unreadable("more bytes than " + count + " entries");
    } catch (IOException e) {
      throw new IllegalArgumentException("the stored entries cannot be read: " + e.getMessage(), e);
    }
    return out;
  }

  private static IllegalArgumentException unreadable(String why) {
    return new IllegalArgumentException("the stored entries cannot be read: " + why);
  }
}
