package org.caveat.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.caveat.model.Request;

/**
 * Binds the one-line requests of a batch with one Jackson parser over their bytes laid end to end
 * (a line break after each), instead of one parser per line as {@link RequestBinder#bind(byte[],
 * RequestDefaults)} does: a parser's making (its I/O context, buffers, symbol-table child and
 * parsing contexts) cost ~650 bytes and about a tenth of the binding's CPU per line under the
 * client compiler, which a parser reading the lines one root value after another makes once.
 *
 * <p>Each line still binds on its own. A line counts as bound only when its object closes within
 * the line and nothing but white space follows it there (Jackson's white space less the line
 * break, which a line cannot hold): exactly when {@link RequestBinder#bind(byte[],
 * RequestDefaults)} binds it, since the parser reads the same bytes up to the closing brace. Any
 * other line (given up on, malformed, or an object running on into the next line) is left null
 * for the caller's usual path, and the shared parser starts again at the next line, so a broken
 * line never takes the next one with it.
 */
final class SharedParserBinder {
  /** At most this many bytes per parser; a longer line is bound on its own. */
  static final int SEGMENT_BYTES = 128 * 1024;
  private static final ThreadLocal<byte[]> SEGMENT = ThreadLocal.withInitial(() -> new byte[SEGMENT_BYTES]);

  private SharedParserBinder() {}

  /**
   * Sets {@code out[i]} to the request bound from {@code lines[i]} (ASCII bytes of one line, or
   * null to skip), or to null where the line needs the general path.
   *
   * @return how many lines were bound by a shared parser (the rest were not bound, or bound alone)
   */
  static int bind(byte[][] lines, RequestDefaults defaults, Request[] out) {
    byte[] segment = SEGMENT.get();
    int[] start = new int[lines.length];
    int shared = 0;
    for (int i = 0; i < lines.length; ) {
      if (lines[i] != null && lines[i].length >= SEGMENT_BYTES) {
        out[i] = RequestBinder.bind(lines[i], defaults);
        i++;
        continue;
      }
      // Lay the lines from i end to end, up to a line too long for the segment or the batch's end.
      int from = i, length = 0;
      for (; i < lines.length; i++) {
        byte[] l = lines[i];
        if (l == null) {
          start[i] = -1;
          continue;
        }
        if (l.length >= SEGMENT_BYTES || length + l.length + 1 > SEGMENT_BYTES) break;
        start[i] = length;
        System.arraycopy(l, 0, segment, length, l.length);
        length += l.length;
        segment[length++] = '\n';
      }
      shared += bind(segment, length, lines, start, from, i, defaults, out);
    }
    return shared;
  }

  /** Binds lines {@code [from, to)} of the segment; returns how many bound. */
  private static int bind(byte[] segment, int length, byte[][] lines, int[] start, int from, int to,
      RequestDefaults defaults, Request[] out) {
    int bound = 0;
    JsonParser p = null;
    int base = 0;
    for (int k = from; k < to; k++) {
      if (start[k] < 0) continue;
      Request r = null;
      try {
        if (p == null) {
          base = start[k];
          p = RequestBinder.FACTORY.createParser(segment, base, length - base);
        }
        r = RequestBinder.root(p, defaults);
        long end = base + p.currentLocation().getByteOffset();
        if (!onlySpaceBetween(segment, end, start[k] + lines[k].length)) r = null;
      } catch (Exception e) {
        // IOException (malformed JSON), GiveUp, or a request the builder refuses: the usual path says which.
        r = null;
      }
      out[k] = r;
      if (r != null) {
        bound++;
      } else if (p != null) {
        close(p);
        p = null;
      }
    }
    if (p != null) close(p);
    return bound;
  }

  /** Whether {@code segment[from, to)} is empty or only spaces, tabs and carriage returns (false when from > to). */
  private static boolean onlySpaceBetween(byte[] segment, long from, int to) {
    if (from > to) return false;
    for (int i = (int) from; i < to; i++) {
      byte b = segment[i];
      if (b != ' ' && b != '\t' && b != '\r') return false;
    }
    return true;
  }

  private static void close(JsonParser p) {
    try {
      p.close();
    } catch (IOException e) {
      // a parser over bytes in memory holds nothing to release
    }
  }
}
