package org.caveat.server.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.caveat.json.Json;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestError;
import org.caveat.json.RequestReader;
import org.caveat.json.RequestStream;
import org.caveat.model.Request;

/**
 * One request as {@link DecisionService} takes it: read, or refused with its error (answered in
 * place, never decided or logged). Every front end (the native API, AuthZEN) reads its requests
 * with caveat-core's {@link RequestReader} into this, with the call's {@link RequestDefaults}.
 */
public sealed interface DecisionRequest {
  /**
   * A request that reads.
   *
   * @param json the request's JSON, which the log records: as sent, with a time taken from the
   *     defaults written in, so the logged request decides the same on its own
   */
  record Read(Request request, JsonNode json) implements DecisionRequest {}

  /**
   * A request read from its own bytes without a tree ({@link BoundRequests}), decided by the call's
   * engine (it has no what-if overrides).
   *
   * @param logged the bytes the log records: those a {@link Read}'s {@code json} serialises to
   */
  record Bound(Request request, byte[] logged) implements DecisionRequest {}

  /** A request that does not read: its error is its answer. */
  record Refused(RequestError error) implements DecisionRequest {}

  /**
   * An item framed by core's {@link RequestStream} (or checked as such: {@link DecisionBody}),
   * whose JSON syntax and text core has already checked.
   */
  static DecisionRequest framed(RequestStream.Item item, RequestDefaults defaults) {
    return item.error() != null ? new Refused(item.error()) : read(item.node(), defaults);
  }

  /**
   * As {@link #framed(RequestStream.Item, RequestDefaults)} for an item that may still be unparsed:
   * one held as ASCII bytes is read without a tree when {@code bind} allows it (no what-if
   * overrides in the call) and it is the common case ({@link BoundRequests}); else it is parsed
   * and read as before.
   */
  static DecisionRequest framed(RequestStream.Item item, RequestDefaults defaults, boolean bind) {
    if (bind && item.ascii() != null && item.node() == null && item.error() == null) {
      Bound b = BoundRequests.read(item.ascii(), defaults);
      if (b != null) return b;
    }
    return framed(item.parsed(), defaults);
  }

  /**
   * JSON that did not come through core's framing (AuthZEN's mapped request): its text is checked
   * as framing checks it first, so a lone surrogate is the same {@code input.encoding} error.
   */
  static DecisionRequest unframed(JsonNode node, RequestDefaults defaults) {
    RequestError lone = Json.loneSurrogateError(node);
    return lone != null ? new Refused(lone) : read(node, defaults);
  }

  private static DecisionRequest read(JsonNode node, RequestDefaults defaults) {
    RequestReader.Parsed p = RequestReader.read(node, defaults);
    if (p.error() != null) return new Refused(p.error());
    JsonNode time = node.get("time");
    if (defaults.time() != null && (time == null || time.isNull())) {
      ((ObjectNode) node).put("time", defaults.time().toString());
    }
    return new Read(p.request(), node);
  }
}
