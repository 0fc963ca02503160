package org.caveat.server.problem;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.caveat.json.Json;

/** Writes a {@link Problem} as {@code application/problem+json}, fields in a fixed order. */
public final class ProblemJson {
  public static final String CONTENT_TYPE = "application/problem+json";

  private ProblemJson() {}

  /** @param instance the request path the problem occurred on */
  public static byte[] bytes(Problem p, String instance) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", p.type());
      g.writeStringField("title", p.title());
      g.writeNumberField("status", p.status());
      g.writeStringField("detail", p.detail());
      g.writeStringField("instance", instance);
      g.writeArrayFieldStart("errors");
      for (Problem.Error e : p.errors()) {
        g.writeStartObject();
        g.writeStringField("code", e.code());
        if (e.field() != null) g.writeStringField("field", e.field());
        if (e.line() != null) g.writeNumberField("line", e.line());
        if (e.column() != null) g.writeNumberField("column", e.column());
        g.writeStringField("message", e.message());
        if (e.hint() != null) g.writeStringField("hint", e.hint());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }
}
