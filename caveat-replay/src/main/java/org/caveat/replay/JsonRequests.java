package org.caveat.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestError;
import org.caveat.json.RequestReader;

/** Requests already in the JSON form of docs/SEMANTICS.md (NDJSON lines, GeoJSON feature properties). */
final class JsonRequests {
  private JsonRequests() {}

  /** Reads one request node; with {@code asOf}, a request without a time gets that time, as in {@code check}. */
  static ReplayEvent decode(long line, JsonNode node, Instant asOf) {
    RequestReader.Parsed p = RequestReader.read(node, RequestDefaults.asOf(asOf));
    if (p.error() != null) return ReplayEvent.bad(line, p.error().id(), describe(p.error()));
    return new ReplayEvent(line, p.request().id(), p.request(), null, java.util.List.of(), null, null);
  }

  static String describe(RequestError e) {
    String at = e.at();
    return e.code() + (at == null || at.isEmpty() || at.startsWith("line ") ? "" : " at " + at) + ": " + e.message();
  }
}
