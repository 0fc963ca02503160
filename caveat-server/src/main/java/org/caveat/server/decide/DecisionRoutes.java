package org.caveat.server.decide;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestStream;
import org.caveat.server.auth.Role;
import org.caveat.server.http.BodyStream;
import org.caveat.server.http.Bodies;
import org.caveat.server.http.Queries;
import org.caveat.server.http.Routes;
import org.caveat.server.ops.Metrics;
import org.caveat.server.policy.WhatIfEngines;
import org.caveat.server.problem.Problems;

/**
 * {@code POST /v1/decisions}. Query parameters mirror {@code caveat check}: {@code quotes=true}
 * ({@code --quotes}), {@code as_of=2024-06-01} ({@code --as-of}) and {@code assume=NAME=VALUE}
 * ({@code --assume}, repeatable; see {@link WhatIf}). A body up to
 * {@link DecisionBody#WHOLE_BODY_BYTES} is read whole; a larger one is streamed: its items are
 * decided and answered group by group ({@link BatchWriter}) while the rest arrives.
 */
public final class DecisionRoutes {
  private final DecisionService service;
  private final Bodies bodies;
  private final int maxBatch;
  private final Metrics metrics;
  private final BatchWriter batches;

  private final WhatIfEngines whatIfs;
  private final Executor responders;

  /** @param responders where a single decision whose commit takes long is answered (the HTTP threads) */
  public DecisionRoutes(DecisionService service, Bodies bodies, int maxBatch, Metrics metrics, WhatIfEngines whatIfs,
      Executor responders) {
    this.whatIfs = whatIfs;
    this.responders = responders;
    this.service = service;
    this.batches = new BatchWriter(service, maxBatch);
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
    boolean ndjson = !mt.isEmpty() && !mt.equals("application/json");
    boolean quotes = Queries.bool(ctx, "quotes");
    RequestDefaults asOf = RequestDefaults.asOf(Queries.instant(ctx, "as_of"));
    WhatIf whatIf = new WhatIf(Assume.query(ctx, whatIfs), whatIfs);
    BodyStream in = bodies.open(ctx);
    byte[] head;
    try {
      head = in.readUpTo(DecisionBody.WHOLE_BODY_BYTES + 1);
    } catch (BodyStream.LimitException e) {
      throw e.problem().exception();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (Bodies.isBlank(head)) throw Problems.badRequest("the request body is empty; send JSON");
    if (head.length <= DecisionBody.WHOLE_BODY_BYTES) {
      // One plain object, the common case: read without a tree (null when it needs the general path).
      DecisionRequest.Bound bound = ndjson || !whatIf.none() || DecisionBody.firstNonBlank(head) != '{' ? null
          : BoundRequests.read(head, asOf);
      if (bound != null) {
        single(ctx, bound, quotes, whatIf, start);
        return;
      }
      // The whole body is here: read as before, with exact lines and columns in its problems.
      DecisionBody body = DecisionBody.read(head, ndjson, maxBatch, whatIf.none());
      if (body.shape() == DecisionBody.Shape.SINGLE) single(ctx, body.items().get(0), asOf, quotes, whatIf, start);
      else batch(ctx, body.shape(), body.items().iterator(), in, asOf, quotes, whatIf, start);
      return;
    }
    // Larger: streamed, decided group by group while the rest of the body is still arriving.
    InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), in);
    try (StreamedBody body = StreamedBody.open(whole, ndjson, DecisionBody.firstNonBlank(head))) {
      if (body.shape == DecisionBody.Shape.SINGLE) single(ctx, body.single(in), asOf, quotes, whatIf, start);
      else batch(ctx, body.shape, body, in, asOf, quotes, whatIf, start);
    }
  }

  private void single(Context ctx, RequestStream.Item item, RequestDefaults asOf, boolean quotes, WhatIf whatIf,
      long start) {
    single(ctx, DecisionRequest.framed(item, asOf), quotes, whatIf, start);
  }

  /**
   * Decides, logs and answers one request, asynchronously once its log commit completes, so that
   * no request thread waits for the disk. The token's slot is left first, so waiting for the log
   * counts against no limit. (Waiting on the request thread instead, up to 50 ms, was measured and
   * lost on two cores: BENCHMARKS.md, "wrk, and fewer layers on the single route".)
   */
  private void single(Context ctx, DecisionRequest request, boolean quotes, WhatIf whatIf, long start) {
    CompletableFuture<List<DecisionService.Result>> logged = service.decideUncounted(List.of(request), quotes, whatIf);
    Routes.leaveSlot(ctx);
    ctx.future(() -> logged.thenApplyAsync(service::counted, responders).thenAccept(r -> answer(ctx, r, start)));
  }

  private void answer(Context ctx, List<DecisionService.Result> results, long start) {
    DecisionService.Result r = results.get(0);
    if (r.error() != null) throw Problems.badItem(r.error(), null, null);
    byte[] line = Arrays.copyOf(r.utf8(), r.utf8().length + 1);
    line[line.length - 1] = '\n';
    ctx.contentType("application/json").result(line);
    metrics.latency(System.nanoTime() - start);
  }

  private void batch(Context ctx, DecisionBody.Shape shape, Iterator<RequestStream.Item> items, BodyStream in,
      RequestDefaults asOf, boolean quotes, WhatIf whatIf, long start) {
    batches.write(ctx, shape, items, in, asOf, quotes, whatIf);
    metrics.latency(System.nanoTime() - start);
  }
}
