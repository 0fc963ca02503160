package org.caveat.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import org.caveat.json.Json;

/**
 * A GeoJSON FeatureCollection (RFC 7946) of events: each feature's {@code properties} are a
 * request without {@code target.location}, and its Point geometry ({@code [lon, lat]}) is that
 * location. The collection is streamed: one feature in memory at a time.
 */
public final class GeoJsonSource implements EventSource {
  private final JsonParser parser;
  private boolean inFeatures;
  private boolean done;

  public GeoJsonSource(Reader in) throws IOException {
    this.parser = Json.ARRAY_FACTORY.createParser(in);
    parser.setCodec(Json.MAPPER);
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new ReplayException("line 1: a GeoJSON input is one FeatureCollection object");
    }
  }

  @Override
  public Framed next() throws IOException {
    if (done) return null;
    try {
      if (!inFeatures) {
        while (true) {
          JsonToken t = parser.nextToken();
          if (t == JsonToken.END_OBJECT || t == null) {
            done = true;
            return null;
          }
          String name = parser.currentName();
          JsonToken v = parser.nextToken();
          if ("features".equals(name) && v == JsonToken.START_ARRAY) {
            inFeatures = true;
            break;
          }
          parser.skipChildren();
        }
      }
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY) {
        done = true;
        return null;
      }
      long line = parser.currentTokenLocation().getLineNr();
      JsonNode feature = parser.readValueAsTree();
      return new Framed(line, feature, null);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // A broken collection cannot be resynchronised: one error, then the end.
      done = true;
      return new Framed(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
          "broken GeoJSON: " + org.caveat.json.Json.readableMessage(e.getOriginalMessage()));
    }
  }

  @Override
  public ReplayEvent decode(Framed item, Instant asOf) {
    if (item.error() != null) return ReplayEvent.bad(item.line(), null, item.error());
    JsonNode f = (JsonNode) item.content();
    JsonNode props = f.path("properties");
    String id = props.path("id").isValueNode() ? props.path("id").asText() : null;
    if (!props.isObject()) return ReplayEvent.bad(item.line(), id, "a feature needs a `properties` object (the request)");
    JsonNode geom = f.path("geometry");
    JsonNode c = geom.path("coordinates");
    if (!"Point".equals(geom.path("type").asText()) || !c.isArray() || c.size() < 2 || !c.get(0).isNumber()
        || !c.get(1).isNumber()) {
      return ReplayEvent.bad(item.line(), id, "a feature needs a Point geometry [lon, lat] (the target's location)");
    }
    ObjectNode request = ((ObjectNode) props).deepCopy();
    JsonNode target = request.path("target");
    ObjectNode t = target.isObject() ? (ObjectNode) target : request.putObject("target");
    ObjectNode loc = t.putObject("location");
    loc.set("lat", c.get(1));
    loc.set("lon", c.get(0));
    return JsonRequests.decode(item.line(), request, asOf);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
