package org.caveat.server.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.caveat.json.Json;
import org.caveat.store.DecisionEntry;
import org.caveat.store.LogEntry;
import org.caveat.store.LogRecord;

/**
 * A log entry as JSON ({@code GET /v1/log/entries/{index}}, {@code caveat log show}): index, kind,
 * leaf format, leaf hash, id, time, request, answer, version hashes. A compact entry (format 3)
 * stores no answer: it is rebuilt by deciding again against the pinned versions, byte for byte the
 * answer sent at the time, and the entry also shows the stored verdict, rules and overrides.
 */
public final class EntryJson {
  private EntryJson() {}

  public static byte[] write(LogRecord r, Redecider redecider) {
    LogEntry e = r.entry();
    DecisionEntry d = r.decision();
    Redecider.Rebuilt rebuilt = d == null ? null : redecider.rebuild(d);
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeNumberField("index", r.index());
      g.writeStringField("kind", r.kind());
      g.writeNumberField("format", r.format());
      g.writeStringField("leaf_hash", r.leafHashHex());
      g.writeStringField("id", e.id());
      g.writeStringField("time", e.time().toString());
      g.writeFieldName("request");
      g.writeRawValue(e.requestJson());
      g.writeFieldName("answer");
      if (d == null) g.writeRawValue(e.answerJson());
      else if (rebuilt.json() != null) g.writeRawValue(rebuilt.json());
      else g.writeNull();
      g.writeArrayFieldStart("version_hashes");
      for (String h : e.versionHashes()) g.writeString(h);
      g.writeEndArray();
      if (d != null) verdict(g, d, rebuilt);
      g.writeEndObject();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void verdict(JsonGenerator g, DecisionEntry d, Redecider.Rebuilt rebuilt) throws IOException {
    g.writeStringField("decision", d.decision());
    g.writeArrayFieldStart("grants");
    for (DecisionEntry.GrantVerdict v : d.grants()) {
      g.writeStartObject();
      g.writeStringField("grant", v.grant());
      g.writeStringField("decision", v.decision());
      g.writeArrayFieldStart("determining");
      for (String rule : v.rules()) g.writeString(rule);
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("assumed");
    for (var a : d.assumed().entrySet()) g.writeStringField(a.getKey(), a.getValue());
    g.writeEndObject();
    g.writeBooleanField("quotes", d.quotes());
    if (rebuilt.problem() != null) g.writeStringField("rebuild_problem", rebuilt.problem());
    else if (!rebuilt.matches(d)) g.writeStringField("rebuild_problem", "deciding again gives another verdict or rules");
  }
}
