package org.caveat.server.decide;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.caveat.server.auth.Role;
import org.caveat.server.http.Bodies;
import org.caveat.server.http.Queries;
import org.caveat.server.http.Routes;
import org.caveat.server.ops.Metrics;
import org.caveat.server.policy.WhatIfEngines;
import org.caveat.server.problem.Problems;

/**
 * {@code POST /v1/decisions}. Query parameters mirror {@code caveat check}: {@code quotes=true}
 * ({@code --quotes}), {@code as_of=2024-06-01} ({@code --as-of}) and {@code assume=NAME=VALUE}
 * ({@code --assume}, repeatable; see {@link WhatIf}).
 */
public final class DecisionRoutes {
  private final DecisionService service;
  private final Bodies bodies;
  private final int maxBatch;
  private final Metrics metrics;

  private final WhatIfEngines whatIfs;

  public DecisionRoutes(DecisionService service, Bodies bodies, int maxBatch, Metrics metrics, WhatIfEngines whatIfs) {
    this.whatIfs = whatIfs;
    this.service = service;
    this.bodies = bodies;
    this.maxBatch = maxBatch;
    this.metrics = metrics;
  }

  public void register(Routes routes) {
    routes.post("/v1/decisions", Role.ANALYST, this::decide);
  }

  private void decide(Context ctx) {
    long start = System.nanoTime();
    String mt = Bodies.requireMediaType(ctx, "application/json", DecisionBody.NDJSON, "application/jsonl");
    boolean quotes = Queries.bool(ctx, "quotes");
    Instant asOfTime = Queries.instant(ctx, "as_of");
    String asOf = asOfTime == null ? null : asOfTime.toString();
    WhatIf whatIf = new WhatIf(Assume.query(ctx, whatIfs), whatIfs);
    DecisionBody body = DecisionBody.read(bodies.read(ctx), !mt.isEmpty() && !mt.equals("application/json"), maxBatch);
    ctx.future(() -> service.decide(body.items(), asOf, quotes, r -> false, whatIf).thenAccept(results -> {
      if (body.shape() == DecisionBody.Shape.SINGLE) {
        DecisionService.Result r = results.get(0);
        if (r.error() != null) throw Problems.badItem(r.error(), null, null);
        ctx.contentType("application/json").result(bytes(r.json() + "\n"));
      } else {
        ctx.contentType(body.shape() == DecisionBody.Shape.ARRAY ? "application/json" : DecisionBody.NDJSON)
            .result(render(body, results));
      }
      metrics.latency(System.nanoTime() - start);
    }));
  }

  /** NDJSON lines as the CLI writes them; an array holds the same texts, one per line. */
  private static byte[] render(DecisionBody body, List<DecisionService.Result> results) {
    StringBuilder b = new StringBuilder(results.size() * 800);
    boolean array = body.shape() == DecisionBody.Shape.ARRAY;
    if (array) b.append("[\n");
    for (int i = 0; i < results.size(); i++) {
      b.append(results.get(i).json());
      if (array && i < results.size() - 1) b.append(',');
      b.append('\n');
    }
    if (array) b.append("]\n");
    return bytes(b.toString());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
