package org.caveat.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.caveat.model.Request;

/**
 * A {@link Request} back in DESIGN.md's request JSON (fields that are set only, in the schema's
 * order), so {@link RequestReader} reads it into an equal request: for logging requests that did
 * not arrive as JSON (replayed CSV rows).
 */
public final class RequestWriter {
  private RequestWriter() {}

  public static String toJson(Request r) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      text(g, "id", r.id());
      text(g, "time", r.time() == null ? null : r.time().toString());
      text(g, "user", r.user());
      g.writeObjectFieldStart("weapon");
      text(g, "origin", r.weaponOrigin());
      text(g, "system", r.weaponSystem());
      text(g, "munition", r.weaponMunition());
      text(g, "class", r.weaponClass());
      if (r.weaponRangeKm() != null) g.writeNumberField("range_km", r.weaponRangeKm());
      g.writeEndObject();
      g.writeObjectFieldStart("target");
      if (r.targetLocation() != null) {
        g.writeObjectFieldStart("location");
        g.writeNumberField("lat", r.targetLocation().lat());
        g.writeNumberField("lon", r.targetLocation().lon());
        g.writeEndObject();
      }
      text(g, "category", r.targetCategory());
      text(g, "activity", r.targetActivity());
      if (r.targetUsedInInvasion() != null) g.writeBooleanField("used_in_invasion", r.targetUsedInInvasion());
      g.writeEndObject();
      text(g, "purpose", r.purpose());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void text(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) g.writeStringField(name, value);
  }
}
