package org.caveat.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.caveat.json.Json;
import org.caveat.server.problem.Problems;

/** A JSON object body, or a problem saying where it is malformed (line and column). */
public final class JsonBodies {
  private JsonBodies() {}

  public static JsonNode object(Context ctx, Bodies bodies) {
    Bodies.requireMediaType(ctx, "application/json");
    return object(bodies.read(ctx));
  }

  public static JsonNode object(byte[] body) {
    try (JsonParser p = Json.ARRAY_FACTORY.createParser(body)) {
      JsonNode n = Json.MAPPER.readTree(p);
      if (p.nextToken() != null) {
        throw Problems.syntax("unexpected content after the JSON object", p.currentLocation().getLineNr(),
            p.currentLocation().getColumnNr());
      }
      if (n == null || !n.isObject()) throw Problems.badRequest("the body must be a JSON object");
      return n;
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw Problems.syntax(org.caveat.json.Json.readableMessage(e.getOriginalMessage()), loc == null ? 1 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
