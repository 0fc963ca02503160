package org.caveat.store.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caveat.store.LogEntry;

/**
 * Published versions as entries of the decision log (kind {@code version}, leaf format 2):
 *
 * <pre>
 *   id              grant/version, e.g. us-ua/2024-07-01
 *   time            when it was published (the published_version row's published_at)
 *   request         {"grant":…,"version":…,"change_request":"cr-3","yaml":…}
 *   answer          {"content_hash":"sha256:…"}
 *   version hashes  [the content hash]
 * </pre>
 *
 * The log thus holds every published version's text: the rows of {@code published_version} can
 * be checked against it, and rewritten from it.
 */
final class VersionEntries {

  private static final JsonFactory JSON = new JsonFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** A published version as its log entry says it, with where it is and whether its leaf hash holds. */
  record Logged(long index, String grant, String version, String yaml, String contentHash, String changeRequest,
      String publishedAt, String problem) {

    String name() {
      return grant + "/" + version;
    }
  }

  private VersionEntries() {}

  /** The log entry recording the publication of a version. */
  static PreparedLeaf prepare(String grant, String version, String yaml, String contentHash, String changeRequest,
      String publishedAt) {
    StringWriter request = new StringWriter();
    StringWriter answer = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(request); JsonGenerator a = JSON.createGenerator(answer)) {
      g.writeStartObject();
      g.writeStringField("grant", grant);
      g.writeStringField("version", version);
      g.writeStringField("change_request", changeRequest);
      g.writeStringField("yaml", yaml);
      g.writeEndObject();
      a.writeStartObject();
      a.writeStringField("content_hash", contentHash);
      a.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LogEntry e = new LogEntry(grant + "/" + version, Instant.parse(publishedAt), request.toString(), answer.toString(),
        List.of(contentHash));
    return PreparedLeaf.of(LeafCodec.VERSION, e, LeafCodec.utf8(e.requestJson()), LeafCodec.utf8(e.answerJson()));
  }

  /** Every version entry of the log, in log order, each checked against its leaf hash. */
  static List<Logged> read(Connection c) throws SQLException {
    List<Logged> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement("SELECT idx, id, time_utc, request, answer, version_hashes, leaf_hash"
        + " FROM log_entry WHERE kind = 'version' ORDER BY idx");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        out.add(logged(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getBytes(7)));
      }
    }
    return out;
  }

  private static Logged logged(long idx, String id, String time, String request, String answer, String hashes,
      byte[] leafHash) {
    Map<String, String> r;
    Map<String, String> a;
    List<String> hashList;
    try {
      r = strings(request);
      a = strings(answer);
      hashList = LeafCodec.parseHashes(hashes);
    } catch (IllegalArgumentException e) {
      return new Logged(idx, id, "", "", "", "", time, "log entry " + idx + " (published version " + id
          + ") is damaged: " + e.getMessage());
    }
    String problem = null;
    if (!Arrays.equals(leafHash, LeafCodec.leafHash(idx, LeafCodec.VERSION, id, time, request, answer, hashList))) {
      problem = "log entry " + idx + " (published version " + id + ") does not match its leaf hash";
    }
    return new Logged(idx, r.getOrDefault("grant", ""), r.getOrDefault("version", ""), r.getOrDefault("yaml", ""),
        a.getOrDefault("content_hash", ""), r.getOrDefault("change_request", ""), time, problem);
  }

  /** The string fields of a flat JSON object. */
  private static Map<String, String> strings(String json) {
    Map<String, String> out = new HashMap<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (p.nextToken() == JsonToken.VALUE_STRING) {
          out.put(name, p.getText());
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    return out;
  }
}
