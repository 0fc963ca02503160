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
  /**
   * One line: its text, or the reason it cannot be read (then text is null). A line read by
   * {@link #next(boolean) next(true)} whose bytes are all ASCII comes as those bytes instead
   * ({@code ascii}, with text null): ASCII is valid UTF-8 with one character per byte, so such a
   * line needs no decoding and no String, and a parser can read the bytes themselves.
   */
  public record Line(long number, String text, RequestError error, byte[] ascii) {
    public Line(long number, String text, RequestError error) {
      this(number, text, error, null);
    }

    public boolean blank() {
      if (ascii != null) {
        for (byte b : ascii) if (!Character.isWhitespace(b)) return false;
        return true;
      }
      return error == null && text.isBlank();
    }

    /** This line with its text decoded, if it came as ASCII bytes. */
    public Line decoded() {
      return ascii == null ? this : new Line(number, new String(ascii, StandardCharsets.ISO_8859_1), null);
    }
  }

  /**
   * A part of one line ({@link #nextPiece}): its text, or the reason its line cannot be read (then
   * text is null and the piece stands for the whole line); {@code endsLine} when the line ends here.
   */
  public record Piece(long number, String text, RequestError error, boolean endsLine) {
    static Piece of(Line l) {
      return l == null ? null : new Piece(l.number(), l.text(), l.error(), true);
    }

    public boolean blank() {
      return error == null && text.isBlank();
    }

    public Line toLine() {
      return new Line(number, text, error);
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
  /** Whether pieces of the current line were read but not its end; the bytes after them are in {@code line}. */
  private boolean midLine;
  /** Whether the current line's end has been read: {@code line[0..len)} is all that is left of it. */
  private boolean lineEnded;
  /** Where in {@code line} the last decoding error was found. */
  private int errorAt;
  /** The characters of the current line returned in pieces so far. */
  private long lineChars;
  /** Lines given back by a reader that looked ahead; read again, in order, before new input. */
  private final ArrayDeque<Line> replay = new ArrayDeque<>();
  private long capChars = Json.MAX_REQUEST_CHARS;
  /** Whether the line being read is returned as its bytes when they are all ASCII. */
  private boolean keepAscii;

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
    return !replay.isEmpty() || pos < end || (midLine && len > 0) || in.available() > 0;
  }

  /** The next line, or null at the end of the input. */
  public Line next() throws IOException {
    return next(false);
  }

  /**
   * The next line, or null at the end of the input; with {@code asciiBytes}, a line of ASCII
   * bytes only comes as those bytes ({@link Line#ascii()}), not decoded.
   */
  public Line next(boolean asciiBytes) throws IOException {
    if (!replay.isEmpty()) return replay.pollFirst();
    len = 0;
    if (pos == end && !fill()) return null;
    number++;
    lineChars = 0;
    keepAscii = asciiBytes;
    try {
      return rest(true, "");
    } finally {
      keepAscii = false;
    }
  }

  /**
   * The next piece of the input: at most about {@code maxBytes} bytes of the current physical
   * line, so that a long line (a whole JSON array written on one line) can be read without holding
   * it. A piece carries its line's number, is cut only between characters (never before a UTF-8
   * continuation byte, never just after a {@code \r} that may end the line), and is decoded as
   * strictly as a line. A byte-order mark is dropped only at a line's start, a {@code \r} only at
   * its end. The characters before an invalid byte are a piece of their own; the next piece is the
   * {@code input.encoding} error, which stands for the rest of its line (read past), its column
   * counted from the line's start as {@link #next()} counts it. Returns null at the end of input.
   */
  public Piece nextPiece(int maxBytes) throws IOException {
    if (maxBytes < 8) throw new IllegalArgumentException("a piece holds at least 8 bytes");
    if (!replay.isEmpty()) return Piece.of(replay.pollFirst());
    boolean start = !midLine;
    if (start) {
      len = 0;
      if (pos == end && !fill()) return null;
      number++;
      lineChars = 0;
      midLine = true;
    }
    boolean ends = lineEnded;
    while (!ends && len <= maxBytes) { // one byte past the cut, to see whether it continues a character
      if (pos == end && !fill()) {
        ends = true;
        break;
      }
      int stop = Math.min(end, pos + maxBytes + 1 - len);
      int nl = indexOfNewline(stop);
      append(pos, (nl < 0 ? stop : nl) - pos);
      pos = nl < 0 ? stop : nl + 1;
      if (nl >= 0) {
        ends = true;
        break;
      }
    }
    int cut = ends ? len : boundary(maxBytes);
    int from = start && cut >= 3 && bom(0) ? 3 : 0;
    int to = ends && cut > from && line[cut - 1] == '\r' ? cut - 1 : cut;
    Line decoded = decode(from, to, lineChars);
    if (decoded.error() != null && errorAt > from) { // the characters before the bad byte are a piece of their own
      decoded = decode(from, errorAt, lineChars);
      cut = errorAt;
      lineEnded = ends;
      ends = false;
    } else if (decoded.error() != null) {
      lineEnded = ends;
      skipRestOfLine();
      return new Piece(number, null, decoded.error(), true);
    }
    lineChars += decoded.text().length();
    System.arraycopy(line, cut, line, 0, len - cut);
    len -= cut;
    if (ends) midLine = lineEnded = false;
    return new Piece(number, decoded.text(), null, ends);
  }

  /** Where to cut {@code line[0..len)} near {@code maxBytes}: between characters, not after a CR. */
  private int boundary(int maxBytes) {
    int cut = maxBytes;
    while (cut > 0 && (line[cut] & 0xC0) == 0x80) cut--;
    if (cut > 0 && line[cut - 1] == '\r') cut--;
    return cut == 0 ? maxBytes : cut; // only bytes that are not UTF-8 anyway give no boundary
  }

  /**
   * The whole line whose only piece read so far is {@code first}: the rest of it read as {@link #next()}
   * reads a line (same cap, same errors, columns counted from the line's start).
   */
  public Line finishLine(Piece first) throws IOException {
    if (first.endsLine()) return first.toLine();
    return rest(false, first.text());
  }

  /** The rest of the line a piece of which was read, as a line (an error's column counts from its start). */
  Line restOfLine() throws IOException {
    return rest(false, "");
  }

  /** Reads past the rest of the current line, if a piece of it was read. */
  public void skipRestOfLine() throws IOException {
    if (!midLine) return;
    len = 0;
    midLine = false;
    if (lineEnded) {
      lineEnded = false;
      return;
    }
    while (pos < end || fill()) {
      int nl = indexOfNewline(end);
      pos = nl < 0 ? end : nl + 1;
      if (nl >= 0) return;
    }
  }

  /** The rest of the current line from {@code line[0..len)} on, after the text {@code before} of it. */
  private Line rest(boolean start, String before) throws IOException {
    long total = len;
    long maxBytes = capChars * 3 + 3; // a character takes at most 3 bytes (a surrogate pair 4 for 2)
    if (total > maxBytes) len = 0;
    while (!lineEnded) {
      if (pos == end && !fill()) break;
      int nl = indexOfNewline(end);
      int stop = nl < 0 ? end : nl;
      int n = stop - pos;
      if (total + n <= maxBytes) append(pos, n);
      total += n;
      pos = nl < 0 ? end : nl + 1;
      if (nl >= 0) break;
    }
    midLine = lineEnded = false;
    if (total > maxBytes || before.length() > capChars) return tooLarge();
    int from = 0;
    int to = len;
    if (to > 0 && line[to - 1] == '\r') to--;
    if (start && to - from >= 3 && bom(0)) from = 3;
    Line decoded = decode(from, to, start ? 0 : lineChars);
    len = 0;
    if (decoded.ascii() != null) return decoded.ascii().length > capChars ? tooLarge() : decoded;
    if (decoded.text() == null) return decoded;
    String text = before.isEmpty() ? decoded.text() : before + decoded.text();
    if (text.length() > capChars) return tooLarge();
    return before.isEmpty() ? decoded : new Line(number, text, null);
  }

  private boolean bom(int at) {
    return (line[at] & 0xFF) == 0xEF && (line[at + 1] & 0xFF) == 0xBB && (line[at + 2] & 0xFF) == 0xBF;
  }

  private Line tooLarge() {
    return new Line(number, null, new RequestError(null, "request.too_large", "line " + number + " exceeds "
        + capChars + " characters; a request must be smaller", "line " + number));
  }

  /** Decodes {@code line[from..to)}; {@code charsBefore} is where it starts in its line, for the column. */
  private Line decode(int from, int to, long charsBefore) {
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      if (line[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii && keepAscii) return new Line(number, null, null, java.util.Arrays.copyOfRange(line, from, to));
    if (ascii) return new Line(number, new String(line, from, to - from, StandardCharsets.ISO_8859_1), null);
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(line, from, to - from);
    CharBuffer chars = CharBuffer.allocate(to - from);
    CoderResult r = d.decode(bytes, chars, true);
    if (!r.isError()) r = d.flush(chars);
    if (r.isError()) {
      int at = bytes.position();
      errorAt = at;
      String msg = String.format(java.util.Locale.ROOT, "invalid UTF-8 at column %d (byte 0x%02X): the input must"
          + " be UTF-8; re-encode the file (e.g. iconv -t UTF-8)", charsBefore + chars.position() + 1, line[at] & 0xFF);
      return new Line(number, null, new RequestError(null, "input.encoding", msg, "line " + number));
    }
    chars.flip();
    return new Line(number, chars.toString(), null);
  }

  private int indexOfNewline(int stop) {
    for (int i = pos; i < stop; i++) if (buf[i] == '\n') return i;
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
