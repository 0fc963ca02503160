package org.caveat.server.events;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caveat.Caveat;
import org.caveat.explain.Answer;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestWriter;
import org.caveat.replay.DecisionRenderer;
import org.caveat.replay.EventFormat;
import org.caveat.replay.EventSource;
import org.caveat.replay.Mapping;
import org.caveat.replay.ReplayEvent;
import org.caveat.replay.ReplayException;
import org.caveat.replay.ReplayRunner;
import org.caveat.replay.Summary;
import org.caveat.server.auth.Role;
import org.caveat.server.decide.DecisionService;
import org.caveat.server.decide.LoggedDecisions;
import org.caveat.server.http.BodyStream;
import org.caveat.server.http.Queries;
import org.caveat.server.http.Routes;
import org.caveat.server.ops.Metrics;
import org.caveat.server.policy.LiveEngine;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.Problems;
import org.caveat.store.DecisionLog;
import org.caveat.store.DecisionEntry;

/**
 * {@code POST /v1/events/decide?format=acled|ndjson|geojson&as_of=…}: the body is an event file
 * of up to 50 MiB (format detected as {@code caveat replay} does unless given); the
 * answer is NDJSON streamed in input order, one line per event exactly as {@code caveat replay}
 * writes it plus {@code lat}/{@code lon}/{@code time} (bad rows in place as {@code event.bad} errors), then a
 * last line {@code {"summary":{…}}}. The body is read as a stream in batches, so memory stays
 * bounded whatever its size. Each batch's decisions are logged durably before its lines are sent.
 * A failure after the first line (the body passing the limit without a Content-Length, the store
 * failing) cannot change the status any more: it is a line {@code {"error":{…}}} before the summary.
 */
public final class EventRoutes {
  /** 50 MiB: this route only; every other route keeps the server's body limit. */
  public static final long MAX_BYTES = 50L << 20;

  private final LiveEngine engine;
  private final DecisionLog log;
  private final Clock clock;
  private final Metrics metrics;
  private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  private final long maxBytes;

  /** @param maxBytes the body limit of this route ({@link #MAX_BYTES} in service) */
  public EventRoutes(LiveEngine engine, DecisionLog log, Clock clock, Metrics metrics, long maxBytes) {
    this.maxBytes = maxBytes;
    this.engine = engine;
    this.log = log;
    this.clock = clock;
    this.metrics = metrics;
  }

  public void register(Routes routes) {
    routes.post("/v1/events/decide", Role.ANALYST, this::decide);
  }

  private void decide(Context ctx) throws IOException, InterruptedException {
    long declared = ctx.contentLength();
    if (declared > maxBytes) {
      throw Problems.tooLarge("the event file is " + declared + " bytes; the limit of this route is " + maxBytes
          + " bytes (split the file, or use `caveat replay`, which has no limit)");
    }
    Instant asOf = Queries.instant(ctx, "as_of");
    EventFormat given = format(ctx.queryParam("format"));
    LimitedInputStream limited = new LimitedInputStream(ctx.req().getInputStream(), maxBytes);
    BufferedInputStream in = new BufferedInputStream(limited, 1 << 16);
    in.mark(1);
    if (in.read() < 0) throw Problems.badRequest("the request body is empty; send an ACLED CSV, NDJSON or GeoJSON file");
    in.reset();
    EventFormat f;
    try {
      f = given != null ? given : EventFormat.detect(in);
    } catch (ReplayException e) {
      throw Problems.badRequest(e.getMessage().replace("give --format", "give ?format="),
          Problem.Error.at("events.format", "format", "acled, ndjson or geojson"));
    }
    Caveat caveat = engine.current();
    Summary summary = new Summary();
    ctx.contentType("application/x-ndjson");
    OutputStream out = ctx.outputStream();
    try (EventSource source = f.open(in, f == EventFormat.ACLED ? Mapping.defaults() : null)) {
      new ReplayRunner(caveat, List.of(), new DecisionRenderer(false, true), threads, asOf)
          .run(source, (events, bytes) -> {
            logDurably(events, caveat);
            out.write(bytes);
            out.flush();
            events.forEach(summary::accept);
          });
    } catch (IOException | RuntimeException e) {
      if (!limited.exceeded()) line(out, g -> error(g, e));
    }
    if (limited.exceeded()) {
      line(out, g -> error(g, new LimitedInputStream.TooLarge(limited.limit())));
      limited.swallow(BodyStream.SWALLOW_BYTES);
    }
    line(out, g -> {
      g.writeStartObject();
      g.writeFieldName("summary");
      summary.writeJson(g);
      g.writeEndObject();
    });
    out.flush();
  }

  private static EventFormat format(String v) {
    if (v == null || v.isEmpty()) return null;
    for (EventFormat f : EventFormat.values()) if (f.label().equals(v.toLowerCase(Locale.ROOT))) return f;
    throw Problems.badRequest("query parameter format must be acled, ndjson or geojson, got `" + v + "`",
        Problem.Error.at("query.invalid", "format", "acled, ndjson or geojson"));
  }

  /** Every decided event of a batch into the decision log, waiting until the entries are durable. */
  private void logDurably(List<ReplayEvent> events, Caveat caveat) {
    List<DecisionEntry> entries = new ArrayList<>();
    for (ReplayEvent e : events) {
      if (e.answer() == null) continue;
      entries.add(entry(RequestWriter.toJson(e.request()), e.answer(), caveat));
    }
    if (entries.isEmpty()) return;
    log.appendAll(entries).join();
    for (ReplayEvent e : events) if (e.answer() != null) metrics.decision(e.answer().decision().name());
  }

  private DecisionEntry entry(String requestJson, Answer a, Caveat caveat) {
    String id = a.id() != null ? a.id() : DecisionService.derivedId(requestJson);
    return LoggedDecisions.entry(id, clock.instant(), requestJson.getBytes(java.nio.charset.StandardCharsets.UTF_8), a,
        caveat, Map.of(), false);
  }

  private static void error(JsonGenerator g, Throwable e) throws IOException {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof LimitedInputStream.TooLarge)) cause = cause.getCause();
    boolean tooLarge = cause instanceof LimitedInputStream.TooLarge;
    g.writeStartObject();
    g.writeObjectFieldStart("error");
    g.writeNumberField("status", tooLarge ? 413 : e instanceof ReplayException ? 400 : 500);
    g.writeStringField("code", tooLarge ? "too-large" : e instanceof ReplayException ? "events.invalid" : "internal");
    g.writeStringField("message", tooLarge ? cause.getMessage() + "; the events before were decided and logged"
        : e instanceof ReplayException ? e.getMessage() : "the replay failed; the events before were decided and logged");
    g.writeEndObject();
    g.writeEndObject();
    if (!tooLarge && !(e instanceof ReplayException)) {
      System.getLogger("org.caveat.server").log(System.Logger.Level.ERROR, "event replay failed", e);
    }
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static void line(OutputStream out, Body body) throws IOException {
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      body.write(g);
    }
    out.write('\n');
  }
}
