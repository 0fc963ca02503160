package org.caveat.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The physical lines of a UTF-8 input, numbered from 1: split at {@code \n}, a trailing {@code \r}
 * dropped, a byte-order mark at the start of a line dropped (RFC 8259 lets a reader ignore it, and
 * files joined with {@code cat} carry one per file). Each line is decoded strictly: invalid UTF-8,
 * encoded surrogates included, makes that line an {@code input.encoding} error naming the column,
 * never a replacement character. A line longer than the cap is kept only as an error, so memory is
 * bounded by the cap whatever the input.
 */
public final class InputLines {
  /** One line: its text, or the reason it cannot be read (then text is null). */
  public record Line(long number, String text, RequestError error) {
    public boolean blank() {
      return error == null && text.isBlank();
    }
  }

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int end;
  private boolean eof;
  private long number;
  private byte[] line = new byte[1024];
  private int len;
  /** Lines given back by a reader that looked ahead; read again, in order, before new input. */
  private final ArrayDeque<Line> replay = new ArrayDeque<>();
  private long capChars = Json.MAX_REQUEST_CHARS;

  public InputLines(InputStream in) {
    this.in = in;
  }

  /** The longest line kept as text, in characters; longer ones are {@code request.too_large}. */
  public void cap(long chars) {
    this.capChars = chars;
  }

  /** Gives lines back to be read again before any new input. */
  public void pushBack(List<Line> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) replay.addFirst(lines.get(i));
  }

  /** Whether bytes are buffered or the underlying stream has some ready without blocking. */
  boolean ready() throws IOException {
    return !replay.isEmpty() || pos < end || in.available() > 0;
  }

  /** The next line, or null at the end of the input. */
  public Line next() throws IOException {
    if (!replay.isEmpty()) return replay.pollFirst();
    len = 0;
    long total = 0;
    boolean any = false;
    long maxBytes = capChars * 3 + 3; // a character takes at most 3 bytes (a surrogate pair 4 for 2)
    while (true) {
      if (pos == end && !fill()) break;
      any = true;
      int nl = indexOfNewline();
      int stop = nl < 0 ? end : nl;
      int n = stop - pos;
      if (total + n <= maxBytes) append(pos, n);
      total += n;
      pos = nl < 0 ? end : nl + 1;
      if (nl >= 0) break;
    }
    if (!any) return null;
    number++;
    if (total > maxBytes) return tooLarge();
    int from = 0;
    int to = len;
    if (to > 0 && line[to - 1] == '\r') to--;
    if (to - from >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) from = 3;
    Line decoded = decode(from, to);
    if (decoded.text() != null && decoded.text().length() > capChars) return tooLarge();
    return decoded;
  }

  private Line tooLarge() {
    return new Line(number, null, new RequestError(null, "request.too_large", "line " + number + " exceeds "
        + capChars + " characters; a request must be smaller", "line " + number));
  }

  private Line decode(int from, int to) {
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      if (line[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) return new Line(number, new String(line, from, to - from, StandardCharsets.ISO_8859_1), null);
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(line, from, to - from);
    CharBuffer chars = CharBuffer.allocate(to - from);
    CoderResult r = d.decode(bytes, chars, true);
    if (!r.isError()) r = d.flush(chars);
    if (r.isError()) {
      int at = bytes.position();
      String msg = String.format(java.util.Locale.ROOT, "invalid UTF-8 at column %d (byte 0x%02X): the input must"
          + " be UTF-8; re-encode the file (e.g. iconv -t UTF-8)", chars.position() + 1, line[at] & 0xFF);
      return new Line(number, null, new RequestError(null, "input.encoding", msg, "line " + number));
    }
    chars.flip();
    return new Line(number, chars.toString(), null);
  }

  private int indexOfNewline() {
    for (int i = pos; i < end; i++) if (buf[i] == '\n') return i;
    return -1;
  }

  private void append(int from, int n) {
    if (len + n > line.length) line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, len + n));
    System.arraycopy(buf, from, line, len, n);
    len += n;
  }

  private boolean fill() throws IOException {
    if (eof) return false;
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      eof = n < 0;
      pos = end = 0;
      return !eof && fill();
    }
    pos = 0;
    end = n;
    return true;
  }

  public void close() throws IOException {
    in.close();
  }

  /** The number of the last line read from the input (not counting lines given back). */
  long lastNumber() {
    return number;
  }
}
