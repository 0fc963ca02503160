package org.caveat.json;

import java.time.Instant;

/**
 * Values a front end supplies for what a request leaves out (absent or {@code null}): the time
 * of {@code caveat check --as-of}, {@code caveat replay --as-of} or the service's {@code ?as_of=}.
 * A request's own value always wins. Passed to {@link RequestReader#read(com.fasterxml.jackson.databind.JsonNode,
 * RequestDefaults)} as values, so they are never written into the JSON and parsed back.
 *
 * @param time the time of a request without one, or null (then {@code time} is required)
 */
public record RequestDefaults(Instant time) {
  /** No defaults: every required field must be in the request. */
  public static final RequestDefaults NONE = new RequestDefaults(null);

  /** The defaults for an as-of time, which may be null (none). */
  public static RequestDefaults asOf(Instant time) {
    return time == null ? NONE : new RequestDefaults(time);
  }
}
