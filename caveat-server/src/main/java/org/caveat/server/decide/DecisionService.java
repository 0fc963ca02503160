package org.caveat.server.decide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.caveat.Caveat;
import org.caveat.explain.Answer;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestError;
import org.caveat.server.ops.Metrics;
import org.caveat.server.policy.LiveEngine;
import org.caveat.store.DecisionLog;
import org.caveat.store.DecisionEntry;

/**
 * Decides requests read by the front ends ({@link DecisionRequest}) with the live engine and logs
 * every decision. The returned future completes only when all of the call's log entries are
 * durable (one group commit for the whole call), so a caller that answers on completion never
 * acknowledges an unlogged decision.
 *
 * <p>The log completes its futures on its single writer thread; whatever follows (rendering and
 * writing the HTTP response) runs on {@code responders} instead, so the writer goes straight on to
 * the next commit rather than writing a whole batch of responses one after another.
 */
public final class DecisionService {
  private final LiveEngine engine;
  private final DecisionLog log;
  private final Clock clock;
  private final Metrics metrics;
  private final Executor responders;

  /** @param responders where the work after a durable append continues (the HTTP threads) */
  public DecisionService(LiveEngine engine, DecisionLog log, Clock clock, Metrics metrics, Executor responders) {
    this.engine = engine;
    this.log = log;
    this.clock = clock;
    this.metrics = metrics;
    this.responders = responders;
  }

  /**
   * One item's outcome: an answer and its JSON exactly as {@code caveat check} writes it, or the
   * request error and its JSON ({@code {"id":…,"error":{…}}}), in UTF-8 (encoded once, as written).
   */
  public record Result(Answer answer, RequestError error, byte[] utf8) {
    /** The JSON as text. */
    public String json() {
      return new String(utf8, StandardCharsets.UTF_8);
    }
  }

  /** The policy in force now; pass it to {@link #decideGroup} so a whole batch uses one policy. */
  public LiveEngine.Pinned engine() {
    return engine.pin();
  }

  /** Decides every request; see {@link #decide(List, boolean, Predicate, WhatIf)}. */
  public CompletableFuture<List<Result>> decide(List<DecisionRequest> requests, boolean quotes) {
    return decide(requests, quotes, r -> false);
  }

  /** As {@link #decide(List, boolean, Predicate, WhatIf)} without what-ifs. */
  public CompletableFuture<List<Result>> decide(List<DecisionRequest> requests, boolean quotes,
      Predicate<Result> stopAfter) {
    return decide(requests, quotes, stopAfter, null);
  }

  /**
   * @param requests the requests read, or refused (answered with their error)
   * @param quotes add the full source records to each answer
   * @param stopAfter short-circuit: requests after the first result it accepts are neither decided nor logged
   * @param whatIf null for none; else requests with assumption overrides are decided by their own
   *     engine, built from the same policy as the call's
   */
  public CompletableFuture<List<Result>> decide(List<DecisionRequest> requests, boolean quotes,
      Predicate<Result> stopAfter, WhatIf whatIf) {
    // one policy for the whole call, even if a publish lands meanwhile
    Decided d = prepare(engine.pin(), requests, quotes, stopAfter, whatIf);
    if (d.entries.isEmpty()) return CompletableFuture.completedFuture(d.results);
    return log.appendAll(d.entries).thenApplyAsync(indexes -> counted(d.results), responders);
  }

  /**
   * As {@link #decide(List, boolean, Predicate, WhatIf)} for a caller that waits for the future on
   * its own thread (a single decision, {@link DecisionRoutes}): it completes on the log's writer
   * thread, without the hop to {@code responders}, and the decisions are not yet counted in the
   * metrics (the caller counts them, {@link #counted}, once it has them).
   */
  CompletableFuture<List<Result>> decideUncounted(List<DecisionRequest> requests, boolean quotes, WhatIf whatIf) {
    Decided d = prepare(engine.pin(), requests, quotes, r -> false, whatIf);
    if (d.entries.isEmpty()) return CompletableFuture.completedFuture(d.results);
    return log.appendAll(d.entries).thenApply(indexes -> d.results);
  }

  /**
   * One group of a streamed batch: like {@link #decide} with {@code policy} as the policy (what-ifs
   * included), but the future completes on the log's writer thread (the caller waits for it on its
   * own thread; a hop to the HTTP threads could wait for a thread that is itself waiting).
   */
  public CompletableFuture<List<Result>> decideGroup(LiveEngine.Pinned policy, List<DecisionRequest> requests,
      boolean quotes, WhatIf whatIf) {
    Decided d = prepare(policy, requests, quotes, r -> false, whatIf);
    if (d.entries.isEmpty()) return CompletableFuture.completedFuture(d.results);
    return log.appendAll(d.entries).thenApply(indexes -> counted(d.results));
  }

  private record Decided(List<Result> results, List<DecisionEntry> entries) {}

  private Decided prepare(LiveEngine.Pinned policy, List<DecisionRequest> requests, boolean quotes,
      Predicate<Result> stopAfter, WhatIf whatIf) {
    List<Result> results = new ArrayList<>(requests.size());
    List<DecisionEntry> entries = new ArrayList<>(requests.size());
    Caveat caveat = policy.engine();
    for (DecisionRequest request : requests) {
      if (!results.isEmpty() && stopAfter.test(results.get(results.size() - 1))) break;
      if (request instanceof DecisionRequest.Refused refused) {
        results.add(failed(refused.error()));
        continue;
      }
      if (request instanceof DecisionRequest.Bound bound) {
        // read without a tree, and without overrides: the call's engine, the answer as UTF-8 at once
        Answer a = caveat.answer(bound.request());
        results.add(new Result(a, null, AnswerBytes.of(a, quotes)));
        entries.add(entry(bound.logged(), a, caveat, Map.of(), quotes));
        continue;
      }
      DecisionRequest.Read read = (DecisionRequest.Read) request;
      JsonNode node = read.json();
      String requestJson = json(node);
      WhatIf.Choice c = whatIf == null ? null : whatIf.choose(node, policy);
      if (c != null && c.error() != null) {
        results.add(failed(c.error()));
        continue;
      }
      Answer a = (c == null ? caveat : c.engine()).answer(read.request());
      String json = c == null || c.assumed().isEmpty() ? AnswerWriter.toJson(a, quotes)
          : AnswerWriter.toJson(a, quotes, c.assumed());
      results.add(new Result(a, null, json.getBytes(StandardCharsets.UTF_8)));
      entries.add(entry(requestJson.getBytes(StandardCharsets.UTF_8), a, c == null ? caveat : c.engine(),
          c == null ? Map.of() : c.assumed(), quotes));
    }
    return new Decided(results, entries);
  }

  private static Result failed(RequestError e) {
    return new Result(null, e, AnswerWriter.toJson(e).getBytes(StandardCharsets.UTF_8));
  }

  List<Result> counted(List<Result> results) {
    for (Result r : results) if (r.answer() != null) metrics.decision(r.answer().decision().name());
    return results;
  }

  private static String json(JsonNode request) {
    try {
      return Json.MAPPER.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed request always serialises", e);
    }
  }

  /** @param request the request as logged, UTF-8 */
  private DecisionEntry entry(byte[] request, Answer a, Caveat decidedBy, Map<String, String> assumed,
      boolean quotes) {
    String id = a.id() != null ? a.id() : derivedId(request);
    return LoggedDecisions.entry(id, clock.instant(), request, a, decidedBy, assumed, quotes);
  }

  /** For requests without an id: {@code req-} and 16 hex digits of the request's SHA-256, so replays match. */
  public static String derivedId(String requestJson) {
    return derivedId(requestJson.getBytes(StandardCharsets.UTF_8));
  }

  /** As {@link #derivedId(String)}, from the request's UTF-8 bytes. */
  public static String derivedId(byte[] request) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(request);
      return "req-" + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
