package org.caveat.server.events;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
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
import org.caveat.server.http.Bodies;
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
 * The body is read within this route's size limit and the read timeout of every route. A failure
 * after the first line (the body passing the limit without a Content-Length or arriving too slowly,
 * the store failing) cannot change the status any more: it is a line {@code {"error":{…}}} before
 * the summary.
 */
public final class EventRoutes {
  /** 50 MiB: this route only; every other route keeps the server's body limit. */
  public static final long MAX_BYTES = 50L << 20;

  private final LiveEngine engine;
  private final DecisionLog log;
  private final Clock clock;
  private final Metrics metrics;
  private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  private final Bodies bodies;

  /**
   * @param maxBytes the body limit of this route ({@link #MAX_BYTES} in service)
   * @param readTimeout the most time spent waiting for the body's bytes, as on every route
   */
  public EventRoutes(LiveEngine engine, DecisionLog log, Clock clock, Metrics metrics, long maxBytes,
      Duration readTimeout) {
    this.bodies = new Bodies(maxBytes, readTimeout, "the limit of this route",
        "split the file, or use `caveat replay`, which has no limit");
    this.engine = engine;
    this.log = log;
    this.clock = clock;
    this.metrics = metrics;
  }

  public void register(Routes routes) {
    routes.post("/v1/events/decide", Role.ANALYST, this::decide);
  }

  private void decide(Context ctx) throws IOException, InterruptedException {
    Instant asOf = Queries.instant(ctx, "as_of");
    EventFormat given = format(ctx.queryParam("format"));
    BodyStream body = bodies.open(ctx); // 413 at once when the Content-Length is over the limit
    BufferedInputStream in = new BufferedInputStream(body, 1 << 16);
    EventFormat f;
    try {
      in.mark(1);
      if (in.read() < 0) throw Problems.badRequest("the request body is empty; send an ACLED CSV, NDJSON or GeoJSON file");
      in.reset();
      f = given != null ? given : EventFormat.detect(in);
    } catch (BodyStream.LimitException e) {
      throw e.problem().exception(); // nothing is answered yet: the problem (413, 408) is the answer
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
      if (body.failure() == null) line(out, g -> error(g, e));
    }
    // A limit crossed after the first line (readers may have turned it into a bad row): said once.
    if (body.failure() != null) {
      Problem p = body.failure();
      line(out, g -> error(g, p.status(), p.type().substring(Problem.TYPE_BASE.length()),
          p.detail() + "; the events before were decided and logged"));
      body.drain();
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
    if (e instanceof ReplayException) {
      error(g, 400, "events.invalid", e.getMessage());
      return;
    }
    error(g, 500, "internal", "the replay failed; the events before were decided and logged");
    System.getLogger("org.caveat.server").log(System.Logger.Level.ERROR, "event replay failed", e);
  }

  private static void error(JsonGenerator g, int status, String code, String message) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("error");
    g.writeNumberField("status", status);
    g.writeStringField("code", code);
    g.writeStringField("message", message);
    g.writeEndObject();
    g.writeEndObject();
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
