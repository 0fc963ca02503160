package org.caveat.server.decide;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.caveat.json.AnswerWriter;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestError;
import org.caveat.json.RequestStream;
import org.caveat.server.http.BodyStream;
import org.caveat.server.policy.LiveEngine;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.ProblemException;
import org.caveat.server.problem.Problems;

/**
 * Decides a batch (a JSON array or NDJSON) group by group and writes each group's answers, in
 * input order, as soon as its log entries are durable, so memory holds at most two groups whatever
 * the batch size. The bytes are those of {@code caveat check}: an array is {@code [\n}, the answers
 * separated by {@code ,\n}, then {@code \n]\n}; NDJSON is one answer per line.
 *
 * <p>A limit crossed or a broken array found in the first group is a problem (413, 408, 400) with
 * nothing decided, as for a body read whole. Found later, the answers already written stand (they
 * are logged), and one error object takes the place of the item where reading stopped (code
 * {@code batch.too_large}, {@code body.too_large}, {@code body.timeout}, {@code json.syntax} or
 * {@code store.unavailable}); an array is then closed, and nothing after it is read or decided.
 */
final class BatchWriter {
  /** Requests per log append and per written chunk of answers. */
  static final int GROUP = 512;

  private final DecisionService service;
  private final int maxBatch;

  BatchWriter(DecisionService service, int maxBatch) {
    this.service = service;
    this.maxBatch = maxBatch;
  }

  /** An error that ends the batch: the problem if nothing is decided yet, else the error in place. */
  private record Stop(Problem problem, RequestError inPlace) {}

  /** @return the number of requests answered (decided or refused in place) */
  long write(Context ctx, DecisionBody.Shape shape, Iterator<RequestStream.Item> items, BodyStream body,
      RequestDefaults asOf, boolean quotes, WhatIf whatIf) {
    // one policy for the whole batch, what-ifs included, even if a publish lands meanwhile
    LiveEngine.Pinned policy = service.engine();
    Output out = new Output(ctx, shape);
    CompletableFuture<List<DecisionService.Result>> pending = null;
    long count = 0;
    while (true) {
      List<DecisionRequest> group = new ArrayList<>(GROUP);
      Stop stop = null;
      while (stop == null && group.size() < GROUP && items.hasNext()) {
        if (count == maxBatch) {
          stop = tooMany(items.next());
          break;
        }
        RequestStream.Item i = items.next();
        stop = terminal(shape, i, body);
        if (stop == null) {
          group.add(DecisionRequest.framed(i, asOf, whatIf == null || whatIf.none()));
          count++;
        }
      }
      if (stop != null && pending == null) throw stop.problem().exception(); // the first group: nothing decided yet
      if (count == 0) {
        throw Problems.badRequest(shape == DecisionBody.Shape.ARRAY
            ? "the JSON array is empty; send at least one request" : "the body holds no JSON value");
      }
      CompletableFuture<List<DecisionService.Result>> next =
          group.isEmpty() ? null : service.decideGroup(policy, group, quotes, whatIf);
      if (pending != null && !out.results(pending)) return stopped(out, body);
      pending = next;
      if (stop != null || !items.hasNext()) {
        if (pending != null && !out.results(pending)) return stopped(out, body);
        if (stop != null) {
          out.error(stop.inPlace());
          body.drain(); // what follows is not decided; reading it lets the response end cleanly
        }
        return out.close();
      }
    }
  }

  /** The store failed (the error is written): the rest is not decided. */
  private static long stopped(Output out, BodyStream body) {
    body.drain();
    return out.close();
  }

  private Stop tooMany(RequestStream.Item at) {
    String msg = "the body holds more than " + maxBatch + " requests, the batch limit (--max-batch); split it into"
        + " several requests";
    return new Stop(Problems.tooLarge(msg).problem(), new RequestError(null, "batch.too_large",
        msg + "; this request and the rest of the body were not decided", "line " + at.line()));
  }

  /** Whether {@code i} ends the batch: the body failed a limit, or (in an array) the JSON broke. */
  private static Stop terminal(DecisionBody.Shape shape, RequestStream.Item i, BodyStream body) {
    RequestError e = i.error();
    if (e == null) return null;
    if (e.code().equals("input.io")) {
      Problem p = body.failure() != null ? body.failure() : Problems.badRequest(e.message()).problem();
      String code = switch (p.status()) {
        case 413 -> "body.too_large";
        case 408 -> "body.timeout";
        default -> "input.io";
      };
      return new Stop(p, new RequestError(null, code, p.detail() + "; the rest of the body was not read or decided",
          e.at()));
    }
    if (shape == DecisionBody.Shape.ARRAY && e.code().equals("json.syntax")) {
      return new Stop(Problems.syntax(e.message(), i.line(), 0).problem(), e);
    }
    return null;
  }

  /** The response, started at the first answer written. */
  private static final class Output {
    private static final byte[] OPEN = "[\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT = ",\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "\n]\n".getBytes(StandardCharsets.US_ASCII);

    private final Context ctx;
    private final boolean array;
    private OutputStream out;
    private long written;

    Output(Context ctx, DecisionBody.Shape shape) {
      this.ctx = ctx;
      this.array = shape == DecisionBody.Shape.ARRAY;
    }

    /**
     * Writes a group's answers once durable; false when the store failed (an error is then
     * written in place of the group, which was not logged).
     */
    boolean results(CompletableFuture<List<DecisionService.Result>> group) {
      List<DecisionService.Result> results;
      try {
        results = group.join();
      } catch (CompletionException e) {
        if (out == null) throw e; // nothing answered yet: the problem (503) says it all
        error(new RequestError(null, "store.unavailable", "the store failed; this request and the rest of the"
            + " body were not decided or recorded: " + String.valueOf(e.getCause().getMessage()), null));
        return false;
      }
      ByteArrayOutputStream b = AnswerBytes.groupBuffer();
      for (DecisionService.Result r : results) item(b, r.utf8());
      send(b);
      AnswerBytes.release(b);
      return true;
    }

    void error(RequestError e) {
      ByteArrayOutputStream b = new ByteArrayOutputStream(256);
      send(item(b, AnswerWriter.toJson(e).getBytes(StandardCharsets.UTF_8)));
    }

    /** Appends one answer, as UTF-8, with its separator: the answers are encoded once, when rendered. */
    private ByteArrayOutputStream item(ByteArrayOutputStream b, byte[] json) {
      if (array) b.writeBytes(written == 0 ? OPEN : NEXT);
      b.writeBytes(json);
      if (!array) b.write('\n');
      written++;
      return b;
    }

    private void send(ByteArrayOutputStream b) {
      try {
        if (out == null) {
          ctx.status(200).contentType(array ? "application/json" : DecisionBody.NDJSON);
          out = ctx.res().getOutputStream();
        }
        b.writeTo(out);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("the client went away while answers were written", e);
      }
    }

    /** Ends the response (the last chunk), so it is complete even if the body was not read to its end. */
    long close() {
      if (array) {
        ByteArrayOutputStream end = new ByteArrayOutputStream(3);
        end.writeBytes(CLOSE);
        send(end);
      }
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("the client went away while answers were written", e);
      }
      return written;
    }
  }
}
