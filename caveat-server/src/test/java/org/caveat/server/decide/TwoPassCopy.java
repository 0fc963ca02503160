package org.caveat.server.decide;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.caveat.json.Json;

/**
 * The log's copy of a request as the service made it before {@link CanonicalCopy} (a second pass
 * after the binder's: the request's members copied token by token with
 * {@link JsonGenerator#copyCurrentStructure}), kept as the reference the one-pass copy is
 * compared with, byte for byte.
 */
final class TwoPassCopy {
  private static final JsonFactory IN = Json.FACTORY.rebuild().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  private TwoPassCopy() {}

  /** The log's bytes of the one object in {@code bytes}, or null when it needs the general path. */
  static byte[] logged(byte[] bytes, Instant defaultTime) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] < 0 || (i > 0 && bytes[i] == 'u' && bytes[i - 1] == '\\')) return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 48);
    try (JsonParser p = IN.createParser(bytes); JsonGenerator g = AnswerBytes.UTF8.createGenerator(out)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return null;
      g.writeStartObject();
      boolean time = false;
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        JsonToken t = p.nextToken();
        if (name.equals("assume")) return null;
        g.writeFieldName(name);
        if (name.equals("time")) {
          time = true;
          if (t == JsonToken.VALUE_NULL && defaultTime != null) {
            g.writeString(defaultTime.toString());
            continue;
          }
        }
        g.copyCurrentStructure(p);
      }
      if (!time && defaultTime != null) g.writeStringField("time", defaultTime.toString());
      g.writeEndObject();
      if (p.nextToken() != null) return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return out.toByteArray();
  }
}
