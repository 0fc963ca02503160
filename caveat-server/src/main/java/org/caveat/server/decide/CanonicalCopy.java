package org.caveat.server.decide;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.time.Instant;

/**
 * The request's token stream as core's binder reads it, copied token by token to the bytes the log
 * keeps while the binder reads (one pass over the request instead of a bind and a copy): each token
 * is written with {@link JsonGenerator#copyCurrentEvent} as it is reached, which writes what
 * serialising the request's tree writes (members in order, numbers as the tree holds them), and a
 * {@code "time"} member of the request object that is null, or absent at its end, is written as the
 * call's default time, as {@link DecisionRequest} writes it into the tree.
 *
 * <p>The binder advances only with {@code nextToken} and {@code nextFieldName}, both of which come
 * through here; a root {@code assume} member is noted ({@link #assumes()}): such a request is a
 * what-if and goes the tree way.
 */
final class CanonicalCopy extends JsonParserDelegate {
  private final JsonGenerator out;
  private final Instant defaultTime;
  private int depth;
  private boolean time;
  private boolean atTime;
  private boolean assumes;

  CanonicalCopy(JsonParser in, JsonGenerator out, Instant defaultTime) {
    super(in);
    this.out = out;
    this.defaultTime = defaultTime;
  }

  /** Whether the request object has an {@code assume} member. */
  boolean assumes() {
    return assumes;
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken t = delegate.nextToken();
    if (t != null) copy(t);
    return t;
  }

  @Override
  public String nextFieldName() throws IOException {
    return nextToken() == JsonToken.FIELD_NAME ? delegate.currentName() : null;
  }

  private void copy(JsonToken t) throws IOException {
    boolean valueOfTime = atTime;
    atTime = false;
    switch (t) {
      case START_OBJECT, START_ARRAY -> depth++;
      case END_OBJECT -> {
        if (depth == 1 && !time && defaultTime != null) out.writeStringField("time", defaultTime.toString());
        depth--;
      }
      case END_ARRAY -> depth--;
      case FIELD_NAME -> {
        if (depth == 1) {
          String name = delegate.currentName();
          if (name.equals("time")) time = atTime = true;
          else if (name.equals("assume")) assumes = true;
        }
      }
      case VALUE_NULL -> {
        if (valueOfTime && defaultTime != null) {
          out.writeString(defaultTime.toString());
          return;
        }
      }
      default -> { }
    }
    out.copyCurrentEvent(delegate);
  }
}
