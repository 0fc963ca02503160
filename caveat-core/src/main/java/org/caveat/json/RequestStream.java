package org.caveat.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Splits a UTF-8 input into request items, in order, with memory bounded by one request.
 *
 * <p><b>Framing rule.</b> NDJSON is line-framed: every non-blank line is one item (an answer or
 * an error), and a broken line never takes the next one with it. Two kinds of value may span
 * lines, so that a pretty-printed document still reads as one:
 * <ul>
 *   <li>an object whose first line holds only <code>{</code> (as {@code jq} and most pretty
 *       printers write it), or any object begun but not finished on the input's first non-blank
 *       line;
 *   <li>an array begun on the input's first non-blank line: its elements are the items, and the
 *       lines after its closing bracket are read as NDJSON again.
 * </ul>
 * Such a value is accepted only whole: if it breaks before any item was emitted, its first line
 * is an error and every following line is read again on its own ({@link MultiLineValue}). An
 * item's {@code line} is the line it starts on; {@code lastLine} the one it ends on; an error's
 * {@code at} names {@code line N} or {@code lines N-M}. Byte-order marks at the start of a line
 * are ignored; invalid UTF-8 and lone surrogate escapes are errors ({@code input.encoding}); a
 * member given twice is {@code request.duplicate_key} ({@link ItemParser}).
 *
 * <p>An array is read in pieces of at most 64 KiB ({@link InputLines#nextPiece}), not whole lines,
 * so one written on a single line (as {@code JSON.stringify} writes it) yields its elements as
 * they arrive, with memory bounded by one element; line numbers are those of the lines.
 *
 * <p>One-line objects, the common case, are framed without a parser (on the first line by a scan
 * for balanced braces, {@link #isWholeObject}; after it, any line but a lone <code>{</code> is one
 * item) and parsed once, possibly on another thread ({@link Item#parsed()}). A stream made to
 * leave items unparsed keeps an ASCII line as its bytes, which {@link RequestReader#read(Item,
 * RequestDefaults)} binds without a String or a tree.
 */
public final class RequestStream implements Iterator<RequestStream.Item>, AutoCloseable {
  /** How long the first line may be: a top-level array is often written on one line. */
  static final long MAX_FIRST_LINE_CHARS = 1L << 28;

  /**
   * One input item with the lines it spans: a parsed JSON value, an error, or (from a stream
   * made with {@code parse = false}) the raw text of the value for {@link #parsed()}.
   */
  public record Item(JsonNode node, RequestError error, long line, long lastLine, String text, byte[] ascii) {
    public Item(JsonNode node, RequestError error, long line) {
      this(node, error, line, line, null, null);
    }

    public Item(JsonNode node, RequestError error, long line, String text) {
      this(node, error, line, line, text, null);
    }

    public Item(JsonNode node, RequestError error, long line, long lastLine, String text) {
      this(node, error, line, lastLine, text, null);
    }

    /**
     * The raw text of the value, or null once parsed. A one-line value of ASCII bytes only is
     * held as those bytes ({@code ascii}, read by {@link RequestReader#read(Item, RequestDefaults)}
     * without a String); its text is made from them only when asked for.
     */
    @Override
    public String text() {
      return text == null && ascii != null ? new String(ascii, StandardCharsets.ISO_8859_1) : text;
    }

    /** This item with its raw text parsed (a syntax error, duplicate key or lone surrogate becomes its error). */
    public Item parsed() {
      if ((text == null && ascii == null) || node != null || error != null) return this;
      return ItemParser.parse(this);
    }
  }

  private final InputLines lines;
  private final boolean parse;
  private final ArrayDeque<Item> ready = new ArrayDeque<>();
  private boolean started;
  private boolean done;
  /** The value spanning lines or pieces being read, if any: read on one piece at a time. */
  private MultiLineValue open;

  /** A stream whose items are parsed as they are read. */
  public RequestStream(InputStream in) {
    this(in, true);
  }

  /**
   * @param parse false to leave values as raw text, for {@link Item#parsed()} on another thread:
   *              reading then only frames the input, which keeps the sequential part of a
   *              parallel pipeline short
   */
  public RequestStream(InputStream in, boolean parse) {
    this.lines = new InputLines(in);
    this.parse = parse;
    lines.cap(MAX_FIRST_LINE_CHARS);
  }

  /** Whether more input is ready without blocking (for cutting batches early on a pipe). */
  public boolean ready() throws IOException {
    return !ready.isEmpty() || lines.ready();
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && !done) {
      try {
        step();
      } catch (IOException e) {
        done = true;
        long at = Math.max(1, lines.lastNumber());
        ready.add(new Item(null, new RequestError(null, "input.io", "cannot read input: " + e.getMessage(),
            "line " + at), at));
      }
    }
    return !ready.isEmpty();
  }

  @Override
  public Item next() {
    if (!hasNext()) throw new NoSuchElementException();
    return ready.poll();
  }

  private void emit(Item i) {
    ready.add(parse ? i.parsed() : i);
  }

  /** Frames the next unit of input: one line, or one piece of a value spanning lines. */
  private void step() throws IOException {
    if (open != null) {
      if (open.step()) {
        open = null;
        lines.cap(Json.MAX_REQUEST_CHARS);
      }
      return;
    }
    boolean first = !started;
    InputLines.Line l = first ? firstLine() : nextNonBlankLine();
    if (l == null) {
      done = !first || !started; // else the first line opened an array, read on by the next steps
      return;
    }
    started = true;
    if (first) lines.cap(Json.MAX_REQUEST_CHARS);
    if (l.error() != null) {
      emit(new Item(null, l.error(), l.number()));
      return;
    }
    if (l.ascii() != null) {
      // After the first line, only a line holding just "{" opens a value over several lines;
      // any other line is one item, kept as its bytes for the parser (no String).
      if (!isOpeningBrace(l.ascii()) && l.ascii().length <= Json.MAX_REQUEST_CHARS) {
        emit(new Item(null, null, l.number(), l.number(), null, l.ascii()));
        return;
      }
      l = l.decoded();
    }
    String t = l.text().strip();
    if (first && t.startsWith("[")) {
      lines.cap(MAX_FIRST_LINE_CHARS);
      open = new MultiLineValue(lines, true, this::emit).open(InputLines.Piece.of(l));
      return;
    }
    if (l.text().length() > Json.MAX_REQUEST_CHARS) {
      emit(new Item(null, new RequestError(null, "request.too_large", "line " + l.number() + " exceeds "
          + Json.MAX_REQUEST_CHARS + " characters; a request must be smaller", "line " + l.number()), l.number()));
      return;
    }
    if ((t.equals("{") || (first && t.startsWith("{"))) && !isWholeObject(t)) {
      open = new MultiLineValue(lines, false, this::emit).open(InputLines.Piece.of(l));
      return;
    }
    emit(new Item(null, null, l.number(), l.text()));
  }

  /** The next non-blank line; as ASCII bytes when the items are parsed later, on another thread. */
  private InputLines.Line nextNonBlankLine() throws IOException {
    InputLines.Line l;
    do {
      l = lines.next(!parse);
    } while (l != null && l.blank());
    return l;
  }

  /** Whether ASCII bytes, stripped of white space as {@link String#strip()} strips it, are exactly "{". */
  static boolean isOpeningBrace(byte[] line) {
    int from = 0, to = line.length;
    while (from < to && Character.isWhitespace(line[from])) from++;
    while (to > from && Character.isWhitespace(line[to - 1])) to--;
    return to - from == 1 && line[from] == '{';
  }

  /**
   * The input's first non-blank line, read whole (up to {@link #MAX_FIRST_LINE_CHARS}) unless
   * it opens an array: that is known from its first piece, and the array is then read in pieces,
   * so that an array written on one line yields its elements as they arrive. Returns null when
   * the array was opened, or at the end of the input.
   */
  private InputLines.Line firstLine() throws IOException {
    while (true) {
      InputLines.Piece p = lines.nextPiece(MultiLineValue.PIECE_BYTES);
      if (p == null) return null;
      if (p.error() == null && p.text().strip().startsWith("[")) {
        started = true;
        open = new MultiLineValue(lines, true, this::emit).open(p);
        return null;
      }
      InputLines.Line l = lines.finishLine(p);
      if (!l.blank()) return l;
    }
  }

  /**
   * Whether a line holds exactly one object: it starts with '{', ends with '}', and its braces
   * and brackets balance outside string literals. Such a line is framed without a parser; if it
   * is not valid JSON after all, parsing it reports the error for that line alone.
   */
  static boolean isWholeObject(String l) {
    String t = l.strip();
    if (t.length() < 2 || t.charAt(0) != '{' || t.charAt(t.length() - 1) != '}') return false;
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (--depth == 0 && i != t.length() - 1) return false;
      }
    }
    return depth == 0 && !inString;
  }

  /** {@code line N}, or {@code lines N-M} for an item over several lines. */
  static String span(long from, long to) {
    return from == to ? "line " + from : "lines " + from + "-" + to;
  }

  static RequestError syntax(String message, long from, long to) {
    return new RequestError(null, "json.syntax", "malformed JSON: " + Json.readableMessage(message), span(from, to));
  }

  @Override
  public void close() throws IOException {
    done = true;
    lines.close();
  }
}
