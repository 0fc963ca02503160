package org.caveat.server.decide;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.caveat.json.Json;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestReader;
import org.caveat.model.Request;

/**
 * The fast read of a request held as its own bytes, without a tree, in one pass: core's binder
 * reads the request from the token stream ({@link RequestReader#bind}) through a
 * {@link CanonicalCopy}, which writes each token it reads to the bytes the log keeps: exactly
 * what serialising the request's tree with {@link Json#MAPPER} wrote, the call's default time
 * written in as {@link DecisionRequest} writes it into the tree.
 *
 * <p>Only the common case is taken here; anything else is null, and the caller reads the
 * request the general way (tree, then {@link RequestReader}), so every error keeps its code,
 * message and pointer: bytes that are not all ASCII, a {@code \}{@code u} escape (a lone
 * surrogate is an error of its own), anything the binder gives up on (not exactly one object, a
 * member given twice, any error), or an {@code assume} member (a what-if, which needs the tree).
 */
final class BoundRequests {
  private BoundRequests() {}

  /** The request in {@code bytes}, or null when it needs the general path (see the class comment). */
  static DecisionRequest.Bound read(byte[] bytes, RequestDefaults defaults) {
    if (!plainAscii(bytes)) return null;
    ByteArrayOutputStream out = AnswerBytes.buffer(); // copied out at its exact size below
    Request request;
    try (JsonGenerator g = AnswerBytes.UTF8.createGenerator(out)) {
      CanonicalCopy[] copy = new CanonicalCopy[1];
      request = RequestReader.bind(bytes, defaults, p -> copy[0] = new CanonicalCopy(p, g, defaults.time()));
      if (request == null || copy[0].assumes()) return null;
    } catch (IOException | RuntimeException e) {
      return null; // the general path says what is wrong, if anything
    }
    return new DecisionRequest.Bound(request, AnswerBytes.take(out));
  }

  /** Only ASCII bytes and no {@code \}{@code u} escape. */
  private static boolean plainAscii(byte[] bytes) {
    byte previous = 0;
    for (byte b : bytes) {
      if (b < 0 || (b == 'u' && previous == '\\')) return false;
      previous = b;
    }
    return true;
  }
}
