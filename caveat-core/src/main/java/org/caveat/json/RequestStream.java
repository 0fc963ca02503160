package org.caveat.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Splits an input into request items, in order, with memory bounded by one request: one JSON
 * object, a JSON array of objects, or NDJSON (one value per line; a value may span lines).
 *
 * <p>For line input, Jackson's non-blocking parser is fed line by line and only tracks nesting,
 * so it finds where each value ends in linear time; the finished value is then read once. A
 * malformed item becomes an error item and reading resumes on the next line — or on the failing
 * line itself when that line starts a new object. A malformed array ends the stream with one
 * error, since an array cannot be resynchronised.
 */
public final class RequestStream implements Iterator<RequestStream.Item>, AutoCloseable {
  /**
   * One input item with the line it starts on: a parsed JSON value, an error, or (from a stream
   * made with {@code parse = false}) the raw text of a one-line value for {@link #parsed()}.
   */
  public record Item(JsonNode node, RequestError error, long line, String text) {
    public Item(JsonNode node, RequestError error, long line) {
      this(node, error, line, null);
    }

    /** This item with its raw text parsed (a syntax error becomes the item's error). */
    public Item parsed() {
      if (text == null || node != null || error != null) return this;
      try {
        return new Item(Json.MAPPER.readTree(text), null, line);
      } catch (JsonParseException | StreamConstraintsException e) {
        return new Item(null, syntax(e.getOriginalMessage(), line), line);
      } catch (IOException e) {
        return new Item(null, syntax(e.getMessage(), line), line);
      }
    }
  }

  private final BufferedReader lines;
  private final JsonParser array;
  private final boolean parse;
  private long lineNo;
  private long arrayLineOffset;
  private Item next;
  private boolean done;
  /** A line already read that starts the next item. */
  private String pending;

  /** A stream whose items are parsed as they are read. */
  public RequestStream(Reader in) throws IOException {
    this(in, true);
  }

  /**
   * @param parse false to leave one-line values as raw text, for {@link Item#parsed()} on
   *              another thread: reading then only frames the input, which keeps the
   *              sequential part of a parallel pipeline short
   */
  public RequestStream(Reader in, boolean parse) throws IOException {
    this.parse = parse;
    PushbackReader pb = new PushbackReader(in, 1);
    int c;
    do {
      c = pb.read();
      if (c == '\n') lineNo++;
    } while (c != -1 && Character.isWhitespace(c));
    if (c != -1) pb.unread(c);
    if (c == '[') {
      arrayLineOffset = lineNo;
      array = Json.ARRAY_FACTORY.createParser(pb);
      array.nextToken();
      lines = null;
    } else {
      array = null;
      lines = new BufferedReader(pb, 1 << 16);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) next = advance();
    return next != null;
  }

  @Override
  public Item next() {
    if (!hasNext()) throw new NoSuchElementException();
    Item i = next;
    next = null;
    return i;
  }

  private Item advance() {
    try {
      return array != null ? fromArray() : fromLines();
    } catch (IOException e) {
      done = true;
      return new Item(null, new RequestError(null, "input.io", "cannot read input: " + e.getMessage(), "line " + lineNo), lineNo);
    }
  }

  private Item fromArray() throws IOException {
    long line = arrayLineOffset + array.currentLocation().getLineNr();
    try {
      JsonToken t = array.nextToken();
      if (t == null) {
        done = true;
        return new Item(null, syntax("the JSON array is not closed", line), line);
      }
      if (t == JsonToken.END_ARRAY) {
        done = true;
        if (array.nextToken() != null) {
          long at = arrayLineOffset + array.currentLocation().getLineNr();
          return new Item(null, syntax("unexpected content after the JSON array", at), at);
        }
        return null;
      }
      line = arrayLineOffset + array.currentLocation().getLineNr();
      long start = array.currentLocation().getCharOffset();
      JsonNode node = Json.MAPPER.readTree(array);
      if (array.currentLocation().getCharOffset() - start > Json.MAX_REQUEST_CHARS) {
        return new Item(null, tooLarge(line), line);
      }
      return new Item(node, null, line);
    } catch (JsonParseException | StreamConstraintsException e) {
      done = true;
      return new Item(null, syntax(e.getOriginalMessage(), line), line);
    }
  }

  private Item fromLines() throws IOException {
    StringBuilder text = new StringBuilder();
    JsonParser boundary = null;
    ByteArrayFeeder feeder = null;
    long start = -1;
    int depth = 0;
    String l;
    while ((l = nextLine()) != null) {
      if (text.length() == 0 && l.isBlank()) continue;
      if (text.length() == 0 && l.length() <= Json.MAX_REQUEST_CHARS && isWholeObject(l)) {
        Item raw = new Item(null, null, lineNo, l);
        return parse ? raw.parsed() : raw;
      }
      if (start < 0) start = lineNo;
      if (boundary == null) {
        boundary = Json.FACTORY.createNonBlockingByteArrayParser();
        feeder = (ByteArrayFeeder) boundary.getNonBlockingInputFeeder();
      }
      if (text.length() + l.length() > Json.MAX_REQUEST_CHARS) {
        skipRestOfItem();
        return new Item(null, tooLarge(start), start);
      }
      byte[] bytes = (l + "\n").getBytes(StandardCharsets.UTF_8);
      feeder.feedInput(bytes, 0, bytes.length);
      try {
        JsonToken t;
        while ((t = boundary.nextToken()) != JsonToken.NOT_AVAILABLE && t != null) {
          if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
          else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
          if (depth == 0) {
            text.append(l).append('\n');
            return complete(boundary, feeder, text, start);
          }
        }
      } catch (JsonParseException e) {
        if (lineNo > start && l.startsWith("{")) {
          // The previous value is broken and this line starts a new one: keep it for the next item.
          pending = l;
          lineNo--;
          return new Item(null, syntax("the JSON value starting here is incomplete", start), start);
        }
        return new Item(null, syntax(e.getOriginalMessage(), lineNo), start);
      }
      text.append(l).append('\n');
    }
    done = true;
    if (text.length() > 0) {
      return new Item(null, syntax("unexpected end of input: the JSON value starting here is incomplete", start), start);
    }
    return null;
  }

  /** The value's text is complete: nothing may follow on its line; read it once. */
  private Item complete(JsonParser boundary, ByteArrayFeeder feeder, StringBuilder text, long start) throws IOException {
    feeder.endOfInput();
    try {
      JsonToken t = boundary.nextToken();
      // Jackson may answer NOT_AVAILABLE once more after endOfInput before reporting the end.
      for (int i = 0; t == JsonToken.NOT_AVAILABLE && i < 4; i++) t = boundary.nextToken();
      if (t != null) {
        return new Item(null, syntax("more than one JSON value on one line; put each request on its own line", lineNo), start);
      }
    } catch (JsonParseException e) {
      return new Item(null, syntax(e.getOriginalMessage(), lineNo), start);
    }
    try {
      return new Item(Json.MAPPER.readTree(text.toString()), null, start);
    } catch (JsonParseException e) {
      return new Item(null, syntax(e.getOriginalMessage(), start + e.getLocation().getLineNr() - 1), start);
    }
  }

  /**
   * Whether a line holds exactly one object: it starts with '{', ends with '}', and its braces
   * and brackets balance outside string literals. Such a line is framed without the boundary
   * parser; if it is not valid JSON after all, parsing it reports the error for that line alone.
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

  private String nextLine() throws IOException {
    if (pending != null) {
      String p = pending;
      pending = null;
      lineNo++;
      return p;
    }
    String l = lines.readLine();
    if (l != null) lineNo++;
    return l;
  }

  /** Drops the rest of an oversized item, up to a line that could start a new request. */
  private void skipRestOfItem() throws IOException {
    String l;
    while ((l = lines.readLine()) != null) {
      lineNo++;
      if (l.isBlank() || l.startsWith("{")) {
        pending = l.isBlank() ? null : l;
        if (pending != null) lineNo--;
        return;
      }
    }
  }

  private static RequestError tooLarge(long line) {
    return new RequestError(null, "request.too_large", "the request starting on line " + line + " exceeds "
        + Json.MAX_REQUEST_CHARS + " characters", "line " + line);
  }

  private static RequestError syntax(String message, long line) {
    return new RequestError(null, "json.syntax", "malformed JSON: " + Json.readableMessage(message), "line " + line);
  }

  @Override
  public void close() throws IOException {
    if (array != null) array.close();
    if (lines != null) lines.close();
  }
}
