package org.caveat.server.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import org.caveat.json.Json;
import org.caveat.server.auth.Role;
import org.caveat.server.http.Routes;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.Problems;
import org.caveat.store.DecisionLog;
import org.caveat.store.InclusionProof;
import org.caveat.store.LogEntry;
import org.caveat.store.LogHead;
import org.caveat.store.LogRecord;

/**
 * {@code GET /v1/log/head}, {@code /v1/log/proof/{index}?tree_size=N} (default: the current
 * size) and {@code /v1/log/entries/{index}}. Hashes are lower-case hex; the leaf hash is
 * SHA-256(0x00 ‖ leaf), inner nodes SHA-256(0x01 ‖ left ‖ right) (RFC 6962 §2.1).
 */
public final class LogRoutes {
  private final DecisionLog log;

  public LogRoutes(DecisionLog log) {
    this.log = log;
  }

  public void register(Routes routes) {
    routes.get("/v1/log/head", Role.READER, this::head);
    routes.get("/v1/log/proof/{index}", Role.READER, this::proof);
    routes.get("/v1/log/entries/{index}", Role.READER, this::entry);
  }

  private void head(Context ctx) throws IOException {
    LogHead h = log.head();
    write(ctx, g -> {
      g.writeNumberField("size", h.size());
      g.writeStringField("root", h.rootHex());
      g.writeStringField("time", h.time() == null ? null : h.time().toString());
    });
  }

  private void proof(Context ctx) throws IOException {
    long index = number(ctx.pathParam("index"), "index");
    long size = log.head().size();
    String ts = ctx.queryParam("tree_size");
    long treeSize = ts == null || ts.isEmpty() ? size : number(ts, "tree_size");
    if (treeSize > size || treeSize < 1) {
      throw field("tree_size", "tree_size " + treeSize + " is outside the log: its size is " + size);
    }
    if (index >= treeSize) {
      throw field("index", "entry " + index + " is not in a tree of " + treeSize + " entries (indexes start at 0)");
    }
    InclusionProof p = log.proof(index, treeSize);
    write(ctx, g -> {
      g.writeNumberField("index", p.index());
      g.writeNumberField("tree_size", p.treeSize());
      g.writeStringField("leaf_hash", p.leafHashHex());
      g.writeArrayFieldStart("path");
      for (String h : p.pathHex()) g.writeString(h);
      g.writeEndArray();
      g.writeStringField("root", p.rootHex());
    });
  }

  private void entry(Context ctx) throws IOException {
    long index = number(ctx.pathParam("index"), "index");
    Optional<LogRecord> r = log.entry(index);
    if (r.isEmpty()) throw Problems.notFound("no log entry " + index + "; the log holds " + log.head().size());
    LogEntry e = r.get().entry();
    write(ctx, g -> {
      g.writeNumberField("index", r.get().index());
      g.writeStringField("leaf_hash", r.get().leafHashHex());
      g.writeStringField("id", e.id());
      g.writeStringField("time", e.time().toString());
      g.writeFieldName("request");
      g.writeRawValue(e.requestJson());
      g.writeFieldName("answer");
      g.writeRawValue(e.answerJson());
      g.writeArrayFieldStart("version_hashes");
      for (String h : e.versionHashes()) g.writeString(h);
      g.writeEndArray();
    });
  }

  private static long number(String v, String name) {
    try {
      long n = Long.parseLong(v);
      if (n >= 0) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw field(name, name + " must be a whole number ≥ 0, got `" + v + "`");
  }

  private static RuntimeException field(String name, String message) {
    return Problems.badRequest(message, Problem.Error.at("log." + name, name, message));
  }

  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  private static void write(Context ctx, Fields f) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      f.write(g);
      g.writeEndObject();
    }
    out.write('\n');
    ctx.contentType("application/json").result(out.toByteArray());
  }
}
