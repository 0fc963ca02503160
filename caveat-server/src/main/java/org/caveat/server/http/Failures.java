package org.caveat.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.ProblemException;
import org.caveat.server.problem.ProblemJson;
import org.caveat.server.problem.Problems;
import org.caveat.store.StoreConflict;
import org.caveat.store.StoreException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Maps every failure to problem+json: handler problems as they are, Javalin's own responses
 * (unknown route, wrong method, body too large) to the same shape, store conflicts to 4xx, a
 * failing store to 503, and anything unexpected to a 500 that carries no stack trace (the trace
 * goes to the log).
 */
public final class Failures {
  private static final System.Logger LOG = System.getLogger("org.caveat.server");

  private Failures() {}

  public static void install(JavalinConfig config) {
    config.routes.exception(Exception.class, (e, ctx) -> {
      Problem p = toProblem(e, ctx);
      if (ctx.res().isCommitted()) {
        // A streamed batch already answered part of the body (its errors are written in place);
        // the status line is sent, so the connection is all that is left to end.
        LOG.log(System.Logger.Level.DEBUG, "failure after the response started on " + ctx.path() + ": " + p.detail());
        return;
      }
      send(ctx, p);
    });
    // Unmatched routes and methods end as bare statuses: give them a body unless a handler did.
    config.routes.error(404, ctx -> {
      if (isEmpty(ctx)) send(ctx, Problem.of(404, "not-found", "Not found", "no route " + ctx.path()));
    });
    config.routes.error(405, ctx -> {
      if (isEmpty(ctx)) send(ctx, Problem.of(405, "method-not-allowed", "Method not allowed",
          ctx.method() + " is not allowed on " + ctx.path()));
    });
  }

  private static boolean isEmpty(Context ctx) {
    String ct = ctx.res().getContentType();
    return ct == null || !ct.startsWith(ProblemJson.CONTENT_TYPE);
  }

  public static void send(Context ctx, Problem p) {
    // The body was not read to its end: the connection cannot carry another request.
    if (p.status() == 408 || p.status() == 413) ctx.header("Connection", "close");
    ctx.status(p.status());
    ctx.contentType(ProblemJson.CONTENT_TYPE);
    ctx.result(ProblemJson.bytes(p, ctx.path()));
  }

  /**
   * As {@link #send(Context, Problem)}, on a response of Jetty's own API (the route served ahead of
   * Javalin, {@code org.caveat.server.decide.SingleDecisionHandler}): the same status, headers and bytes.
   */
  public static void send(Response response, Callback callback, Problem p, String path) {
    if (p.status() == 408 || p.status() == 413) response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.setStatus(p.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemJson.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(ProblemJson.bytes(p, path)), callback);
  }

  /** The problem for any throwable, unwrapping the wrappers of futures. */
  public static Problem toProblem(Throwable t, Context ctx) {
    Throwable e = unwrapped(t);
    if (e instanceof HttpResponseException h) return javalin(h, ctx);
    return toProblem(e, ctx.method() + " " + ctx.path());
  }

  /** As {@link #toProblem(Throwable, Context)} for a request served outside Javalin; {@code where}: method and path. */
  public static Problem toProblem(Throwable t, String where) {
    Throwable e = unwrapped(t);
    if (e instanceof ProblemException p) return p.problem();
    if (e instanceof StoreConflict c) return conflict(c);
    if (e instanceof StoreException) {
      LOG.log(System.Logger.Level.ERROR, "store failure on " + where, e);
      return Problems.unavailable("the store failed; nothing was decided or recorded for this request: " + e.getMessage());
    }
    LOG.log(System.Logger.Level.ERROR, "unexpected failure on " + where, e);
    return Problems.internal();
  }

  private static Throwable unwrapped(Throwable t) {
    Throwable e = t;
    while (e instanceof CompletionException && e.getCause() != null) e = e.getCause();
    return e;
  }

  private static Problem conflict(StoreConflict c) {
    return switch (c.code()) {
      case StoreConflict.FOUR_EYES -> Problems.forbidden(c.code(), c.getMessage()).problem();
      case StoreConflict.NOT_FOUND -> Problems.notFound(c.getMessage()).problem();
      default -> Problems.conflict(c.code(), c.getMessage()).problem();
    };
  }

  private static Problem javalin(HttpResponseException h, Context ctx) {
    int s = h.getStatus();
    return switch (s) {
      case 404 -> Problem.of(404, "not-found", "Not found", "no route " + ctx.path());
      case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
          ctx.method() + " is not allowed on " + ctx.path());
      case 413 -> Problem.of(413, "too-large", "Content too large", "the request body is larger than the limit");
      default -> Problem.of(s, "http-" + s, h.getMessage(), h.getMessage());
    };
  }
}
