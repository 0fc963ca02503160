package org.caveat.server.decide;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.caveat.json.Json;
import org.caveat.json.RequestStream;
import org.caveat.server.problem.Problems;

/**
 * A decision request body split into items by caveat-core's {@link RequestStream}, and its
 * shape, which decides the shape of the response: one object in, one answer out; an array in,
 * an array out; NDJSON in (by Content-Type, or more than one value), NDJSON out.
 *
 * <p>A body that is not JSON at all, a single object with a syntax error, or an array with one
 * (an array cannot be resynchronised) is refused whole with the line and column of the error.
 * NDJSON lines that are malformed are answered in place, as {@code caveat check} does.
 */
public record DecisionBody(Shape shape, List<RequestStream.Item> items) {
  /** Bodies up to this size are read whole (and problems get exact columns); larger ones are streamed. */
  public static final int WHOLE_BODY_BYTES = 1 << 20;

  /** How the body was framed, and so how the answers are. */
  public enum Shape { SINGLE, ARRAY, NDJSON }

  public static final String NDJSON = "application/x-ndjson";

  /**
   * @param ndjson the Content-Type says NDJSON
   * @param maxItems the batch limit; more items is a 413
   */
  public static DecisionBody read(byte[] body, boolean ndjson, int maxItems) {
    return read(body, ndjson, maxItems, false);
  }

  /**
   * As {@link #read(byte[], boolean, int)}; with {@code unparsed}, the items of an NDJSON body are
   * only framed (one-line ASCII items held as their bytes), for {@link DecisionRequest#framed(
   * RequestStream.Item, org.caveat.json.RequestDefaults, boolean)} to read without a tree. The shape
   * of an NDJSON body does not depend on its items, so nothing else changes.
   */
  public static DecisionBody read(byte[] body, boolean ndjson, int maxItems, boolean unparsed) {
    int first = firstNonBlank(body);
    if (first == '{' && !ndjson) {
      DecisionBody one = wholeObject(body);
      if (one != null) return one;
    }
    boolean array = first == '[';
    List<RequestStream.Item> items = new ArrayList<>();
    try (RequestStream s = new RequestStream(new ByteArrayInputStream(body), !(ndjson && unparsed))) {
      while (s.hasNext()) {
        if (items.size() == maxItems) {
          throw Problems.tooLarge("the body holds more than " + maxItems + " requests, the batch limit;"
              + " split it into several requests");
        }
        items.add(s.next());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Without the NDJSON type, several values make NDJSON only if the first is sound: a broken
    // pretty-printed object otherwise reads as a run of broken lines, and deserves one problem.
    boolean several = items.size() > 1 && items.get(0).error() == null;
    Shape shape = array ? Shape.ARRAY : ndjson || several ? Shape.NDJSON : Shape.SINGLE;
    if (shape != Shape.NDJSON) {
      for (RequestStream.Item i : items) {
        if (i.error() == null) continue;
        // Broken JSON refuses the body (an array cannot be resynchronised); an item that is sound
        // JSON but not acceptable as such (a duplicate key, invalid text) is refused with its own
        // code and pointer: the whole body when it is the one request, in place in an array.
        if (i.error().code().equals("json.syntax")) throw syntaxProblem(body, array, i);
        if (shape == Shape.SINGLE) throw Problems.badItem(i.error(), null, i.line());
      }
    }
    if (items.isEmpty()) throw Problems.badRequest("the body holds no JSON value");
    if (array && items.isEmpty()) throw Problems.badRequest("the JSON array is empty; send at least one request");
    return new DecisionBody(shape, List.copyOf(items));
  }

  /**
   * The common case, one object, parsed straight from the bytes; null when the body is not exactly
   * one well-formed object of valid text (NDJSON, malformed, or holding a lone surrogate escape),
   * which the general path then frames and reports with core's checks, as every framed item.
   */
  private static DecisionBody wholeObject(byte[] body) {
    try (JsonParser p = Json.FACTORY.createParser(body)) {
      JsonNode node = Json.MAPPER.readTree(p);
      if (node == null || !node.isObject() || p.nextToken() != null) return null;
      if (Json.loneSurrogateError(node) != null) return null;
      return new DecisionBody(Shape.SINGLE, List.of(new RequestStream.Item(node, null, 1)));
    } catch (IOException e) {
      return null;
    }
  }

  private static Reader reader(byte[] body) {
    return new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8);
  }

  /** The first byte that is neither white space nor part of a UTF-8 byte-order mark (which RFC 8259 lets readers ignore). */
  static int firstNonBlank(byte[] body) {
    for (int i = 0; i < body.length; i++) {
      byte b = body[i];
      boolean bom = i + 2 < body.length && b == (byte) 0xEF && body[i + 1] == (byte) 0xBB && body[i + 2] == (byte) 0xBF;
      if (bom) {
        i += 2;
      } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return b;
      }
    }
    return -1;
  }

  /**
   * The problem for a malformed body, with the exact line and column from Jackson's own parse
   * of the whole body (the stream reports lines only).
   */
  private static RuntimeException syntaxProblem(byte[] body, boolean array, RequestStream.Item item) {
    try (JsonParser p = (array ? Json.ARRAY_FACTORY : Json.FACTORY).createParser(reader(body))) {
      Json.MAPPER.readTree(p);
      if (p.nextToken() != null) {
        return Problems.syntax("unexpected content after the JSON value", p.currentLocation().getLineNr(),
            p.currentLocation().getColumnNr());
      }
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      return Problems.syntax(org.caveat.json.Json.readableMessage(e.getOriginalMessage()), loc == null ? item.line() : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Problems.syntax(item.error().message(), item.line(), 0);
  }
}
