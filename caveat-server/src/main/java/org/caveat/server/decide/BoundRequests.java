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
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestReader;
import org.caveat.json.RequestStream;

/**
 * The fast read of a request held as its own bytes, without a tree: core's binder reads the
 * request from the token stream ({@link RequestReader#read(RequestStream.Item, RequestDefaults)}
 * on an item held as ASCII bytes), and one more token pass copies the request to the bytes the log
 * keeps ({@link #logged}): exactly what serialising its tree with {@link Json#MAPPER} wrote, the
 * call's default time written in as {@link DecisionRequest} writes it into the tree.
 *
 * <p>Only the common case is taken here; anything else is null, and the caller reads the
 * request the general way (tree, then {@link RequestReader}), so every error keeps its code,
 * message and pointer: bytes that are not all ASCII, a {@code \}{@code u} escape (a lone
 * surrogate is an error of its own), anything but exactly one object, a member given twice, an
 * {@code assume} member (a what-if, which needs the tree), or a request that does not read.
 */
final class BoundRequests {
  /**
   * Caveat's parser settings with Jackson's fast number reader, as core's binder reads: it and the
   * JDK's reader (the tree's) both round correctly, so every number is the same double, written
   * back by the same generator. Reading coordinates was half the copy's time with the JDK's.
   */
  private static final JsonFactory IN = Json.FACTORY.rebuild().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  private BoundRequests() {}

  /** The request in {@code bytes}, or null when it needs the general path (see the class comment). */
  static DecisionRequest.Bound read(byte[] bytes, RequestDefaults defaults) {
    byte[] logged = logged(bytes, defaults.time());
    if (logged == null) return null;
    RequestReader.Parsed p = RequestReader.read(new RequestStream.Item(null, null, 1, 1, null, bytes), defaults);
    return p.error() != null ? null : new DecisionRequest.Bound(p.request(), logged);
  }

  /**
   * The log's bytes of the one object in {@code bytes}: its members in order, copied token by token
   * (numbers as the tree holds them: int, long, big integer or double), {@code "time"} appended
   * (absent) or set (null) when a default time is given; null when the bytes need the general path.
   */
  static byte[] logged(byte[] bytes, Instant defaultTime) {
    if (!plainAscii(bytes)) return null;
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
      return null; // malformed, a duplicate member, a number out of range: the general path says which
    }
    return out.toByteArray();
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
