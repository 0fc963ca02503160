package org.caveat.store.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.caveat.store.LogRecord;
import org.caveat.store.merkle.Rfc6962;

/**
 * The canonical bytes of a log leaf, a length-prefixed encoding (no escaping, so no two entries
 * share bytes and nothing needs re-serialising):
 *
 * <pre>
 *   "caveat-log-leaf/1"                      17 ASCII bytes, the format's name
 *   str(id) str(time) str(request) str(answer)
 *   u32(count of version hashes) str(hash)…
 *   u64(index)                               last, see below
 * </pre>
 *
 * <p>That is format 1, for decisions, unchanged since the first release. Entries of another kind
 * (a published version) use format 2, which names the kind right after the format's name so
 * that no entry can pass for one of another kind:
 *
 * <pre>
 *   "caveat-log-leaf/2" str(kind) str(id) str(time) str(request) str(answer) u32(n) str(hash)… u64(index)
 * </pre>
 *
 * where {@code str(s)} is the big-endian u32 byte length of UTF-8 {@code s} followed by those
 * bytes, and {@code time} is the ISO-8601 text stored in the row. The index is part of the leaf,
 * so moving content to another row changes its hash; it comes last so that callers can hash the
 * content before the writer assigns the index ({@link #feedContent} then {@link #indexSuffix}).
 */
final class LeafCodec {

  private static final JsonFactory JSON = new JsonFactory();
  /** The kind of a decision's entry; its leaf is format 1. */
  static final String DECISION = LogRecord.DECISION;
  /** The kind of a published version's entry; its leaf is format 2. */
  static final String VERSION = LogRecord.VERSION;
  private static final byte[] FORMAT = "caveat-log-leaf/1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FORMAT_2 = "caveat-log-leaf/2".getBytes(StandardCharsets.US_ASCII);

  private LeafCodec() {}

  /** The whole leaf hash of an entry of {@code kind}, recomputed from stored columns. */
  static byte[] leafHash(long index, String kind, String id, String time, String request, String answer,
      List<String> versionHashes) {
    MessageDigest d = Rfc6962.leafDigest();
    feedContent(d, kind, id, time, utf8(request), utf8(answer), versionHashes);
    d.update(indexSuffix(index));
    return d.digest();
  }

  /**
   * Feeds the leaf up to, not including, the index, with request and answer already encoded as
   * UTF-8 (see {@link #utf8}). A decision is fed in format 1, anything else in format 2 with its
   * kind.
   */
  static void feedContent(MessageDigest d, String kind, String id, String time, byte[] request, byte[] answer,
      List<String> versionHashes) {
    if (DECISION.equals(kind)) {
      d.update(FORMAT);
    } else {
      d.update(FORMAT_2);
      feedBytes(d, utf8(kind));
    }
    feedBytes(d, utf8(id));
    feedBytes(d, utf8(time));
    feedBytes(d, request);
    feedBytes(d, answer);
    feedLength(d, versionHashes.size());
    for (String h : versionHashes) {
      feedBytes(d, utf8(h));
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void feedBytes(MessageDigest d, byte[] utf8) {
    feedLength(d, utf8.length);
    d.update(utf8);
  }

  /** A big-endian u32. */
  private static void feedLength(MessageDigest d, int n) {
    d.update((byte) (n >>> 24));
    d.update((byte) (n >>> 16));
    d.update((byte) (n >>> 8));
    d.update((byte) n);
  }

  /** The rest of the leaf: the index as a big-endian u64. */
  static byte[] indexSuffix(long index) {
    return ByteBuffer.allocate(8).putLong(index).array();
  }

  /** The version hashes column: a JSON array of strings. */
  static String hashesColumn(List<String> versionHashes) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartArray();
      for (String h : versionHashes) {
        g.writeString(h);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /**
   * Reads the version hashes column back.
   *
   * @throws IllegalArgumentException when it is not a JSON array of strings
   */
  static List<String> parseHashes(String column) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(column)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("version hashes are not a JSON array");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
        out.add(p.getText());
      }
      if (t != JsonToken.END_ARRAY || p.nextToken() != null) {
        throw new IllegalArgumentException("version hashes are not a JSON array of strings");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("version hashes are not valid JSON: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Null when {@code text} is exactly one JSON value (with optional surrounding whitespace),
   * otherwise what is wrong and where.
   */
  static String jsonProblem(String text) {
    try (JsonParser p = JSON.createParser(text)) {
      return jsonProblem(p);
    } catch (IOException e) {
      return "cannot be read: " + e.getMessage();
    }
  }

  private static String jsonProblem(JsonParser p) {
    try {
      if (p.nextToken() == null) {
        return "is empty";
      }
      p.skipChildren();
      if (p.nextToken() != null) {
        return "has content after the JSON value at line " + p.currentLocation().getLineNr()
            + ", column " + p.currentLocation().getColumnNr();
      }
      return null;
    } catch (JsonProcessingException e) {
      return "is not valid JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr();
    } catch (IOException e) {
      return "cannot be read: " + e.getMessage();
    }
  }
}
