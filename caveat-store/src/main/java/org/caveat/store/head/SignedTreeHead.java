package org.caveat.store.head;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A signed tree head: the log's size and RFC 6962 root (lower-case hex), the time it was signed
 * (ISO-8601 UTC, to the millisecond), the signing key's id and the Ed25519 signature (base64)
 * over {@link #signedBytes()}. As JSON ({@link #toJson()}, what {@code GET /v1/log/head}
 * returns) it is the thing to save: {@link #parse} reads it back, and
 * {@link LogPublicKey#problem(SignedTreeHead)} checks it.
 */
public record SignedTreeHead(long size, String rootHex, String time, String keyIdHex, String signatureBase64) {

  /** The name of the signed encoding, its first bytes; a new layout gets a new name. */
  public static final String FORMAT = "caveat-tree-head/1";

  private static final JsonFactory JSON = new JsonFactory()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /**
   * The bytes the signature covers, a length-prefixed encoding like the log's leaves:
   *
   * <pre>
   *   "caveat-tree-head/1"     18 ASCII bytes
   *   u64(size)                big-endian
   *   u32(32) root             the 32 bytes of the root hash
   *   u32(n)  time             the UTF-8 bytes of the time exactly as in the JSON
   * </pre>
   */
  public byte[] signedBytes() {
    return signedBytes(size, rootHex, time);
  }

  static byte[] signedBytes(long size, String rootHex, String time) {
    byte[] format = FORMAT.getBytes(StandardCharsets.US_ASCII);
    byte[] root = org.caveat.store.merkle.Rfc6962.unhex(rootHex);
    byte[] t = time.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(format.length + 8 + 4 + root.length + 4 + t.length)
        .put(format).putLong(size).putInt(root.length).put(root).putInt(t.length).put(t).array();
  }

  /** The signature's bytes. */
  public byte[] signature() {
    return Base64.getDecoder().decode(signatureBase64);
  }

  /** Pretty-printed JSON, one field per line, ending in a newline. */
  public byte[] toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeNumberField("size", size);
      g.writeStringField("root", rootHex);
      g.writeStringField("time", time);
      g.writeStringField("key_id", keyIdHex);
      g.writeStringField("signature", signatureBase64);
      g.writeStringField("format", FORMAT);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * Reads a head saved from {@code GET /v1/log/head}.
   *
   * @throws IllegalArgumentException naming the field that is missing or malformed
   */
  public static SignedTreeHead parse(String json) {
    Map<String, Object> fields = new HashMap<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a signed tree head is a JSON object (the body of GET /v1/log/head)");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        fields.put(name, t == JsonToken.VALUE_NUMBER_INT ? (Object) p.getLongValue()
            : t.isScalarValue() ? p.getText() : null);
        p.skipChildren();
      }
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("content after the head's JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (fields.get("format") != null && !FORMAT.equals(fields.get("format"))) {
      throw new IllegalArgumentException("format `" + fields.get("format") + "` is not " + FORMAT);
    }
    if (!(fields.get("size") instanceof Long size) || size < 0) {
      throw new IllegalArgumentException("size is missing or not a whole number ≥ 0");
    }
    String root = text(fields, "root");
    if (!HASH.matcher(root).matches()) {
      throw new IllegalArgumentException("root is not 64 lower-case hex digits");
    }
    String time = text(fields, "time");
    try {
      Instant.parse(time);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("time `" + time + "` is not an ISO-8601 instant");
    }
    String keyId = text(fields, "key_id");
    if (!HASH.matcher(keyId).matches()) {
      throw new IllegalArgumentException("key_id is not 64 lower-case hex digits");
    }
    String signature = text(fields, "signature");
    try {
      Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("signature is not base64: " + e.getMessage());
    }
    return new SignedTreeHead(size, root, time, keyId, signature);
  }

  private static String text(Map<String, Object> fields, String name) {
    if (!(fields.get(name) instanceof String s) || s.isEmpty()) {
      throw new IllegalArgumentException(name + " is missing or not a string");
    }
    return s;
  }
}
