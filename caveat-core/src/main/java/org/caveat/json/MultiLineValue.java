package org.caveat.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One JSON value written over several lines: an object (opened by a line holding only
 * {@code {}, or on the input's first line), or the input's top-level array, whose elements
 * become items one by one. Jackson's non-blocking parser is fed line by line and only finds where
 * values end; each item's text is parsed once, later, by {@link ItemParser}.
 *
 * <p>When the value breaks (a syntax error, the end of the input, a line that is not UTF-8)
 * before any item was emitted, only its first line is reported, and every line after it is given
 * back to be read again one by one: a broken line never takes a good one with it. Once array
 * elements have been emitted they cannot be taken back, so the break is one error naming the span
 * from the first line no item covers to the line that broke ({@code lines 7-9}); reading goes on
 * after it. An item over {@link Json#MAX_REQUEST_CHARS} is one {@code request.too_large} error
 * for all its lines, read past without being kept.
 */
final class MultiLineValue {
  /** The most bytes of an array's input read at a time: a long line is fed in pieces of this size. */
  static final int PIECE_BYTES = 1 << 16;
  private final InputLines lines;
  private final Consumer<RequestStream.Item> out;
  private final boolean array;
  private final JsonParser parser;
  private final ByteArrayFeeder feeder;
  private final ByteWindow window = new ByteWindow();
  /** The pieces read while nothing was emitted, to be read again (as whole lines) if the value breaks. */
  private final List<InputLines.Piece> held = new ArrayList<>();
  private boolean holding = true;
  private long firstLine;
  /** The last line wholly covered by an emitted item. */
  private long covered;
  private long lastFed;
  private long fed;
  /** The input to feed first, given to {@link #open}. */
  private InputLines.Piece next;
  /** The input offset just past the last whole token. */
  private long tokenEnd;
  private int depth;
  private boolean finished;
  private long itemStart = -1;
  private long itemLine;
  private boolean itemTooLarge;
  /** A complete element not yet followed by a comma or the closing bracket, or the finished object. */
  private Pending pending;

  private record Pending(String text, long line, long lastLine) {}

  MultiLineValue(InputLines lines, boolean array, Consumer<RequestStream.Item> out) throws IOException {
    this.lines = lines;
    this.array = array;
    this.out = out;
    this.parser = Json.FRAMING.createNonBlockingByteArrayParser();
    this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
  }

  /**
   * Starts the value on {@code first} (a whole line, or for an array the first piece of one);
   * {@link #step()} then reads it on. An array is read in pieces of at most {@link #PIECE_BYTES},
   * so its elements come out as soon as they are complete even when it is written on one line.
   */
  MultiLineValue open(InputLines.Piece first) {
    firstLine = first.number();
    covered = firstLine - 1;
    next = first;
    return this;
  }

  /** Reads and feeds one piece (one line for an object), emitting what it completes; true when the value has ended. */
  boolean step() throws IOException {
    InputLines.Piece l = next != null ? next : array ? lines.nextPiece(PIECE_BYTES) : InputLines.Piece.of(lines.next());
    next = null;
    if (l == null) {
      fail(null, "unexpected end of input", "json.syntax");
      return true;
    }
    if (l.error() != null) {
      fail(l, l.error().message(), l.error().code());
      return true;
    }
    return feed(l);
  }

  /** @return true when the value has ended, well or not, and so has its last line */
  private boolean feed(InputLines.Piece l) throws IOException {
    // Keep the bytes from the item being read, or else from the end of the last token: a scalar
    // element may begin in one piece and end in the next. No valid token is longer than 8 bytes a
    // character, so more than that of blanks is let go.
    window.dropBefore(itemStart >= 0 && !itemTooLarge ? itemStart : Math.max(tokenEnd, fed - 8L * Json.MAX_REQUEST_CHARS));
    byte[] bytes = (l.endsLine() ? l.text() + "\n" : l.text()).getBytes(StandardCharsets.UTF_8);
    window.append(bytes, fed);
    feeder.feedInput(bytes, 0, bytes.length);
    fed += bytes.length;
    lastFed = l.number();
    if (holding) held.add(l);
    try {
      for (JsonToken t = parser.nextToken(); t != JsonToken.NOT_AVAILABLE && t != null; t = parser.nextToken()) {
        if (finished) {
          fail(l, (array ? "unexpected content after the JSON array"
              : "more than one JSON value on one line; put each request on its own line"), "json.syntax");
          return true;
        }
        token(t, l);
        tokenEnd = parser.currentLocation().getByteOffset();
      }
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      fail(l, Json.readableMessage(e.getOriginalMessage()) + (column > 0 ? " (column " + column + ")" : ""), "json.syntax");
      return true;
    }
    if (finished) {
      if (pending != null) commit();
      return l.endsLine(); // what follows on the closing bracket's line must still be only blank
    }
    if (itemStart >= 0 && !itemTooLarge && fed - itemStart > Json.MAX_REQUEST_CHARS) {
      itemTooLarge = true;
      holding = false;
      held.clear();
    }
    return false;
  }

  private void token(JsonToken t, InputLines.Piece l) {
    if (t.isStructStart()) {
      depth++;
      // The non-blocking parser's token location is past an opening bracket: step back over it.
      if (depth == (array ? 2 : 1)) begin(l, parser.currentLocation().getByteOffset() - 1);
    } else if (t.isStructEnd()) {
      depth--;
      if (depth == (array ? 1 : 0)) end(l);
      if (depth == 0) {
        if (array && pending != null) commit();
        finished = true;
      }
    } else if (array && depth == 1) {
      begin(l, parser.currentTokenLocation().getByteOffset() - 1);
      end(l);
    }
  }

  private void begin(InputLines.Piece l, long offset) {
    if (pending != null) commit();
    itemStart = offset;
    itemLine = l.number();
    itemTooLarge = false;
  }

  private void end(InputLines.Piece l) {
    long end = parser.currentLocation().getByteOffset();
    pending = new Pending(itemTooLarge ? null : window.text(itemStart, end), itemLine, l.number());
    itemStart = -1;
  }

  private void commit() {
    Pending p = pending;
    pending = null;
    if (p.text() == null) {
      out.accept(new RequestStream.Item(null, new RequestError(null, "request.too_large", "the request on "
          + RequestStream.span(p.line(), p.lastLine()) + " exceeds " + Json.MAX_REQUEST_CHARS + " characters",
          RequestStream.span(p.line(), p.lastLine())), p.line(), p.lastLine(), null));
    } else {
      out.accept(new RequestStream.Item(null, null, p.line(), p.lastLine(), p.text()));
    }
    covered = p.lastLine();
    holding = false;
    held.clear();
  }

  /**
   * The value broke on line {@code at} (null: at the end of the input). Before any item, only the
   * first line is the error and the others are read again; after, one error spans the rest.
   */
  private void fail(InputLines.Piece at, String message, String code) throws IOException {
    long f = at == null ? lastFed : at.number();
    if (at != null && !at.endsLine()) { // the line that broke is read to its end, kept only to be read again
      if (holding && f > firstLine) held.add(InputLines.Piece.of(lines.restOfLine()));
      else lines.skipRestOfLine();
    }
    // At the end of the input a complete element is an item; at a syntax error before any item the
    // lines are read again instead, so a stray "[" above NDJSON costs only its own line.
    if (at == null && pending != null) commit();
    String kind = array ? "array" : "value";
    if (holding) {
      String what = "the JSON " + kind + " opened on this line";
      String msg = at == null ? message + ": " + what + (array ? " is not closed" : " is not complete")
          : f == firstLine ? message : what + " breaks on line " + f + ": " + message;
      if (f > firstLine) msg += "; the lines after this one are read one request per line";
      out.accept(new RequestStream.Item(null, error(code, msg, firstLine, firstLine), firstLine, firstLine, null));
      lines.pushBack(wholeLines(at != null && at.error() != null && f > firstLine ? at : null));
      return;
    }
    if (pending != null && pending.lastLine() < f) commit();
    long from = Math.min(covered + 1, f);
    String msg = message + (at == null ? ": the JSON " + kind + " opened on line " + firstLine + " is not closed"
        : "; the JSON " + kind + " opened on line " + firstLine + " is abandoned here, and the lines after "
        + (f == from ? "this one" : "these") + " are read one request per line");
    out.accept(new RequestStream.Item(null, error(code, msg, from, f), from, f, null));
  }

  /**
   * The held pieces after the first line, joined back into the lines they were cut from; a line
   * that could not be read stands as its error, {@code broken} when it is the line that broke.
   */
  private List<InputLines.Line> wholeLines(InputLines.Piece broken) {
    List<InputLines.Line> again = new ArrayList<>();
    for (int i = 0; i < held.size(); ) {
      long n = held.get(i).number();
      StringBuilder text = new StringBuilder();
      RequestError error = null;
      for (; i < held.size() && held.get(i).number() == n; i++) {
        InputLines.Piece p = held.get(i);
        if (p.error() != null) error = p.error();
        else text.append(p.text());
      }
      if (n == firstLine || (broken != null && n == broken.number())) continue;
      again.add(new InputLines.Line(n, error == null ? text.toString() : null, error));
    }
    if (broken != null) again.add(broken.toLine());
    return again;
  }

  private static RequestError error(String code, String message, long from, long to) {
    if (code.equals("json.syntax")) return RequestStream.syntax(message, from, to);
    return new RequestError(null, code, message, RequestStream.span(from, to));
  }

  /** The bytes fed since a given input offset, so an item's text can be cut out of them. */
  private static final class ByteWindow {
    private byte[] bytes = new byte[4096];
    private int len;
    private long base;

    void append(byte[] b, long offset) {
      if (len == 0) base = offset;
      if (len + b.length > bytes.length) bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, len + b.length));
      System.arraycopy(b, 0, bytes, len, b.length);
      len += b.length;
    }

    void dropBefore(long offset) {
      int n = (int) Math.min(len, Math.max(0, offset - base));
      if (n == 0) return;
      System.arraycopy(bytes, n, bytes, 0, len - n);
      len -= n;
      base += n;
    }

    String text(long from, long to) {
      return new String(bytes, (int) (from - base), (int) (to - from), StandardCharsets.UTF_8);
    }
  }
}
