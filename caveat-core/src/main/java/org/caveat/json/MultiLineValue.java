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
  private final InputLines lines;
  private final Consumer<RequestStream.Item> out;
  private final boolean array;
  private final JsonParser parser;
  private final ByteArrayFeeder feeder;
  private final ByteWindow window = new ByteWindow();
  /** The lines read while nothing was emitted, to be read again if the value breaks. */
  private final List<InputLines.Line> held = new ArrayList<>();
  private boolean holding = true;
  private long firstLine;
  /** The last line wholly covered by an emitted item. */
  private long covered;
  private long lastFed;
  private long fed;
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

  /** Reads the value starting on {@code first}, emitting its items or its error. */
  void read(InputLines.Line first) throws IOException {
    firstLine = first.number();
    covered = firstLine - 1;
    for (InputLines.Line l = first; l != null; l = lines.next()) {
      if (l.error() != null) {
        fail(l, l.error().message(), l.error().code());
        return;
      }
      if (feed(l)) return;
    }
    fail(null, "unexpected end of input", "json.syntax");
  }

  /** @return true when the value has ended, well or not */
  private boolean feed(InputLines.Line l) throws IOException {
    window.dropBefore(itemStart >= 0 && !itemTooLarge ? itemStart : fed);
    byte[] bytes = (l.text() + "\n").getBytes(StandardCharsets.UTF_8);
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
      }
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      fail(l, Json.readableMessage(e.getOriginalMessage()) + (column > 0 ? " (column " + column + ")" : ""), "json.syntax");
      return true;
    }
    if (finished) {
      if (pending != null) commit();
      return true;
    }
    if (itemStart >= 0 && !itemTooLarge && fed - itemStart > Json.MAX_REQUEST_CHARS) {
      itemTooLarge = true;
      holding = false;
      held.clear();
    }
    return false;
  }

  private void token(JsonToken t, InputLines.Line l) {
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

  private void begin(InputLines.Line l, long offset) {
    if (pending != null) commit();
    itemStart = offset;
    itemLine = l.number();
    itemTooLarge = false;
  }

  private void end(InputLines.Line l) {
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
  private void fail(InputLines.Line at, String message, String code) {
    long f = at == null ? lastFed : at.number();
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
      List<InputLines.Line> again = new ArrayList<>(held.subList(Math.min(1, held.size()), held.size()));
      if (at != null && at.error() != null) again.add(at);
      lines.pushBack(again);
      return;
    }
    if (pending != null && pending.lastLine() < f) commit();
    long from = Math.min(covered + 1, f);
    String msg = message + (at == null ? ": the JSON " + kind + " opened on line " + firstLine + " is not closed"
        : "; the JSON " + kind + " opened on line " + firstLine + " is abandoned here, and the lines after "
        + (f == from ? "this one" : "these") + " are read one request per line");
    out.accept(new RequestStream.Item(null, error(code, msg, from, f), from, f, null));
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
