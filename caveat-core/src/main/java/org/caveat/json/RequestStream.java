package org.caveat.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Splits an input into request items, in order, with constant memory: one JSON object, a JSON
 * array of objects, or NDJSON (one object per line; a value may span lines). A malformed NDJSON
 * item becomes an error item and reading goes on with the next line; a malformed array ends the
 * stream with one error, since an array cannot be resynchronised.
 */
public final class RequestStream implements Iterator<RequestStream.Item>, AutoCloseable {
  /** One input item: a parsed JSON value or a syntax error, with the line it starts on. */
  public record Item(JsonNode node, RequestError error, long line) {}

  private final BufferedReader lines;
  private JsonParser array;
  private long lineNo;
  private Item next;
  private boolean done;
  /** A line read ahead that starts the next item. */
  private String pending;

  public RequestStream(Reader in) throws IOException {
    PushbackReader pb = new PushbackReader(in, 1);
    int c;
    do {
      c = pb.read();
      if (c == '\n') lineNo++;
    } while (c != -1 && Character.isWhitespace(c));
    if (c != -1) pb.unread(c);
    if (c == '[') {
      array = Json.FACTORY.createParser(pb);
      array.nextToken();
      lines = null;
    } else {
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
      return new Item(null, new RequestError(null, "input.io", "cannot read input: " + e.getMessage(), ""), lineNo);
    }
  }

  private Item fromArray() throws IOException {
    long line = lineNo + array.currentLocation().getLineNr();
    try {
      JsonToken t = array.nextToken();
      if (t == null || t == JsonToken.END_ARRAY) {
        done = true;
        return null;
      }
      line = lineNo + array.currentLocation().getLineNr();
      return new Item(Json.MAPPER.readTree(array), null, line);
    } catch (JsonParseException | StreamConstraintsException e) {
      done = true;
      return new Item(null, syntax(e.getOriginalMessage(), line), line);
    }
  }

  private Item fromLines() throws IOException {
    StringBuilder buffer = new StringBuilder();
    long start = -1;
    String l;
    while ((l = pending != null ? pending : lines.readLine()) != null) {
      if (pending != null) {
        pending = null;
      } else {
        lineNo++;
      }
      if (buffer.length() == 0 && l.isBlank()) continue;
      if (buffer.length() > 0 && l.startsWith("{")) {
        // A line opening a new object while the previous value is incomplete: the previous one is broken.
        pending = l;
        return new Item(null, syntax("unexpected end of input: the JSON value starting here is incomplete", start), start);
      }
      if (start < 0) start = lineNo;
      buffer.append(l).append('\n');
      if (buffer.length() > Json.MAX_REQUEST_CHARS) {
        skipToBlankOrObjectStart();
        return new Item(null, new RequestError(null, "request.too_large", "request starting on line " + start
            + " exceeds " + Json.MAX_REQUEST_CHARS + " characters", "line " + start), start);
      }
      try (JsonParser p = Json.FACTORY.createParser(buffer.toString())) {
        JsonNode node = Json.MAPPER.readTree(p);
        if (p.nextToken() != null) {
          return new Item(null, syntax("more than one JSON value on one line; put each request on its own line", start), start);
        }
        return new Item(node, null, start);
      } catch (JsonParseException e) {
        if (!isEndOfInput(e)) {
          return new Item(null, syntax(e.getOriginalMessage(), start + e.getLocation().getLineNr() - 1), start);
        }
        // An incomplete value: keep reading lines (a pretty-printed object).
      } catch (StreamConstraintsException e) {
        return new Item(null, new RequestError(null, "request.too_large", e.getMessage(), "line " + start), start);
      }
    }
    done = true;
    if (buffer.length() > 0) {
      return new Item(null, syntax("unexpected end of input: the JSON value starting here is incomplete", start), start);
    }
    return null;
  }

  private void skipToBlankOrObjectStart() throws IOException {
    // Drop the oversized item's remaining lines until one that could start a new request.
    lines.mark(1 << 16);
    String l;
    while ((l = lines.readLine()) != null) {
      if (l.isBlank() || l.startsWith("{")) {
        lines.reset();
        return;
      }
      lineNo++;
      lines.mark(1 << 16);
    }
  }

  private static boolean isEndOfInput(JsonParseException e) {
    String m = e.getOriginalMessage();
    return m != null && m.startsWith("Unexpected end-of-input");
  }

  private static RequestError syntax(String message, long line) {
    String first = message == null ? "malformed JSON" : message.lines().findFirst().orElse(message);
    return new RequestError(null, "json.syntax", "malformed JSON: " + first, "line " + line);
  }

  @Override
  public void close() throws IOException {
    if (array != null) array.close();
    if (lines != null) lines.close();
  }
}
