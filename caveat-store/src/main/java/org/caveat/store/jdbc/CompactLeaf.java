package org.caveat.store.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caveat.store.DecisionEntry;

/**
 * Leaf format 3, a compact decision: the bytes stored are exactly the bytes the leaf hash covers
 * (followed by the index, as in formats 1 and 2), so the row needs no re-encoding to be verified.
 *
 * <pre>
 *   "caveat-log-leaf/3"                          17 ASCII bytes
 *   str(id) u64(epoch second) u32(nanosecond) str(request)
 *   u32(n) str(version hash)×n
 *   u32(m) (str(name) str(value))×m              the what-if overrides, in order
 *   u8(quotes: 0 or 1) str(decision)
 *   u32(g) (str(grant) str(decision) u32(r) str(rule)×r)×g
 * </pre>
 *
 * {@code str} is a big-endian u32 byte length and the UTF-8 bytes, as in {@link LeafCodec}.
 */
final class CompactLeaf {

  static final byte[] FORMAT = "caveat-log-leaf/3".getBytes(StandardCharsets.US_ASCII);

  private CompactLeaf() {}

  static byte[] encode(DecisionEntry e) {
    LeafBuffer out = new LeafBuffer(96 + e.request().length + 80 * e.versionHashes().size());
    write(e, out);
    return out.toByteArray();
  }

  /** Appends the leaf bytes of {@code e} to {@code out} (the bytes of {@link #encode}). */
  static void write(DecisionEntry e, LeafBuffer out) {
    out.write(FORMAT);
    out.str(e.id());
    out.u64(e.time().getEpochSecond());
    out.u32(e.time().getNano());
    out.u32(e.request().length);
    out.write(e.request());
    out.u32(e.versionHashes().size());
    for (String h : e.versionHashes()) out.str(h);
    out.u32(e.assumed().size());
    for (Map.Entry<String, String> a : e.assumed().entrySet()) {
      out.str(a.getKey());
      out.str(a.getValue());
    }
    out.u8(e.quotes() ? 1 : 0);
    out.str(e.decision());
    out.u32(e.grants().size());
    for (DecisionEntry.GrantVerdict g : e.grants()) {
      out.str(g.grant());
      out.str(g.decision());
      out.u32(g.rules().size());
      for (String r : g.rules()) out.str(r);
    }
  }

  /**
   * Reads an entry back (from a byte buffer: a DataInputStream over the array cost a synchronized
   * one-byte read per byte of every length).
   *
   * @throws IllegalArgumentException when the bytes are not one whole format-3 entry
   */
  static DecisionEntry decode(byte[] leaf) {
    ByteBuffer in = ByteBuffer.wrap(leaf);
    try {
      if (leaf.length < FORMAT.length || !Arrays.equals(leaf, 0, FORMAT.length, FORMAT, 0, FORMAT.length)) {
        throw new IllegalArgumentException("not a caveat-log-leaf/3 entry");
      }
      in.position(FORMAT.length);
      String id = str(in);
      Instant time = Instant.ofEpochSecond(in.getLong(), in.getInt());
      byte[] request = bytes(in);
      List<String> hashes = new ArrayList<>();
      for (int i = count(in); i > 0; i--) hashes.add(str(in));
      Map<String, String> assumed = new LinkedHashMap<>();
      for (int i = count(in); i > 0; i--) assumed.put(str(in), str(in));
      boolean quotes = (in.get() & 0xff) == 1;
      String decision = str(in);
      List<DecisionEntry.GrantVerdict> grants = new ArrayList<>();
      for (int i = count(in); i > 0; i--) {
        String grant = str(in);
        String verdict = str(in);
        List<String> rules = new ArrayList<>();
        for (int r = count(in); r > 0; r--) rules.add(str(in));
        grants.add(new DecisionEntry.GrantVerdict(grant, verdict, rules));
      }
      if (in.hasRemaining()) throw new IllegalArgumentException("bytes after the entry");
      return new DecisionEntry(id, time, request, hashes, assumed, quotes, decision, grants);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) { // BufferUnderflowException, DateTimeException: cut short or out of range
      throw new IllegalArgumentException("not a whole caveat-log-leaf/3 entry (" + e + ")", e);
    }
  }

  private static String str(ByteBuffer in) {
    int n = count(in);
    String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
    in.position(in.position() + n);
    return s;
  }

  private static byte[] bytes(ByteBuffer in) {
    byte[] b = new byte[count(in)];
    in.get(b);
    return b;
  }

  private static int count(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("not a whole caveat-log-leaf/3 entry (length " + n + " is beyond the entry)");
    }
    return n;
  }
}
