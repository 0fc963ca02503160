package org.caveat.server.log;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import org.caveat.server.auth.Role;
import org.caveat.server.http.PrettyJson;
import org.caveat.server.http.Queries;
import org.caveat.server.http.Routes;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.Problems;
import org.caveat.store.ConsistencyProof;
import org.caveat.store.DecisionLog;
import org.caveat.store.InclusionProof;
import org.caveat.store.LogHead;
import org.caveat.store.LogRecord;
import org.caveat.store.head.LogPublicKey;
import org.caveat.store.head.LogSigningKey;

/**
 * {@code GET /v1/log/head} (a signed tree head), {@code /v1/log/key} (the key that signs it, for
 * anyone), {@code /v1/log/consistency?from=M&to=N}, {@code /v1/log/proof/{index}?tree_size=N}
 * (default: the current size) and {@code /v1/log/entries/{index}}. Hashes are lower-case hex; the
 * leaf hash is SHA-256(0x00 ‖ leaf), inner nodes SHA-256(0x01 ‖ left ‖ right) (RFC 6962 §2.1).
 */
public final class LogRoutes {
  private final DecisionLog log;
  private final LogSigningKey key;
  private final Clock clock;
  private final Redecider redecider;

  public LogRoutes(DecisionLog log, LogSigningKey key, Clock clock, Redecider redecider) {
    this.log = log;
    this.key = key;
    this.clock = clock;
    this.redecider = redecider;
  }

  public void register(Routes routes) {
    routes.get("/v1/log/head", Role.READER, this::head);
    routes.get("/v1/log/key", Role.PUBLIC, this::key);
    routes.get("/v1/log/consistency", Role.READER, this::consistency);
    routes.get("/v1/log/proof/{index}", Role.READER, this::proof);
    routes.get("/v1/log/entries/{index}", Role.READER, this::entry);
  }

  /** The committed size and root, signed at the injected clock's time: the bytes to save. */
  private void head(Context ctx) {
    LogHead h = log.head();
    ctx.contentType("application/json").result(key.sign(h.size(), h.rootHex(), clock.instant()).toJson());
  }

  private void key(Context ctx) {
    LogPublicKey pub = key.publicKey();
    write(ctx, g -> {
      g.writeStringField("algorithm", "Ed25519");
      g.writeStringField("key_id", pub.keyIdHex());
      g.writeStringField("public_key", pub.base64());
      g.writeStringField("pem", pub.pem());
      g.writeBooleanField("ephemeral", key.file() == null);
    });
  }

  private void consistency(Context ctx) {
    long size = log.head().size();
    long from = number(Queries.required(ctx, "from"), "from");
    long to = number(Queries.required(ctx, "to"), "to");
    if (to < 1 || to > size) {
      throw field("to", "to " + to + " is outside the log: its size is " + size);
    }
    if (from < 1 || from > to) {
      throw field("from", "from " + from + " must be between 1 and to (" + to + ")");
    }
    ConsistencyProof p = log.consistency(from, to);
    write(ctx, g -> {
      g.writeNumberField("from", p.fromSize());
      g.writeNumberField("to", p.toSize());
      g.writeStringField("from_root", p.fromRootHex());
      g.writeStringField("to_root", p.toRootHex());
      g.writeArrayFieldStart("path");
      for (String h : p.pathHex()) g.writeString(h);
      g.writeEndArray();
    });
  }

  private void proof(Context ctx) {
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

  private void entry(Context ctx) {
    long index = number(ctx.pathParam("index"), "index");
    Optional<LogRecord> r = log.entry(index);
    if (r.isEmpty()) throw Problems.notFound("no log entry " + index + "; the log holds " + log.head().size());
    ctx.contentType("application/json").result(EntryJson.write(r.get(), redecider));
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

  /** An indented object of the fields {@code f} writes (the routes' shared {@link PrettyJson}). */
  private static void write(Context ctx, PrettyJson.Body f) {
    ctx.contentType("application/json").result(PrettyJson.bytes(g -> {
      g.writeStartObject();
      f.write(g);
      g.writeEndObject();
    }));
  }
}
