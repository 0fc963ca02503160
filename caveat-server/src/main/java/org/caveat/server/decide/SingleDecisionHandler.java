package org.caveat.server.decide;

import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Compressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.caveat.json.RequestDefaults;
import org.caveat.server.auth.Role;
import org.caveat.server.http.Admission;
import org.caveat.server.http.Bodies;
import org.caveat.server.http.BodyStream;
import org.caveat.server.http.Failures;
import org.caveat.server.http.ReplayedBody;
import org.caveat.server.ops.Metrics;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.Problems;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /v1/decisions} of one plain JSON object, the hot route, served by Jetty's own handler
 * API ahead of Javalin's servlet: no servlet request, session or async context, no Javalin context,
 * and the answer written by the thread that completes its log commit, without a dispatch back
 * through the servlet. Everything else goes on to Javalin ({@link DecisionRoutes}) unchanged: other
 * paths and methods, a query string, another media type, no declared length or one over
 * {@link DecisionBody#WHOLE_BODY_BYTES}, and every body the tree-free read does not take
 * ({@link BoundRequests}: errors, what-ifs, arrays, non-ASCII …), which is handed on with its bytes
 * ({@link ReplayedBody}). A caller is admitted by the step Javalin's routes take ({@link Admission}:
 * token, role, the token's limit), and refused with its problem here. So every answer and problem is
 * the one {@link DecisionRoutes} gives: the same checks in the same order, the same bytes,
 * compression as Javalin's ({@code application/json} from its minimum size on), and the answer sent
 * only once its log entry is durable.
 */
public final class SingleDecisionHandler extends Handler.Wrapper {
  private static final String PATH = "/v1/decisions";
  private static final String WHERE = "POST " + PATH;

  private final DecisionService service;
  private final Admission admission;
  private final Bodies bodies;
  private final Metrics metrics;
  private final CompressionStrategy compression;

  /**
   * @param compression Javalin's ({@code config.http.compressionStrategy}), so answers are compressed as its routes' are
   */
  public SingleDecisionHandler(DecisionService service, Admission admission, Bodies bodies, Metrics metrics,
      CompressionStrategy compression) {
    this.service = service;
    this.admission = admission;
    this.bodies = bodies;
    this.metrics = metrics;
    this.compression = compression;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!takes(request)) return super.handle(request, response, callback);
    long start = System.nanoTime();
    CompletableFuture<List<DecisionService.Result>> logged;
    // admitted as Javalin's routes admit (Admission): the same refusals, in the same order
    try (Admission.Entry entry = admission.enter(request.getHeaders().get(HttpHeader.AUTHORIZATION), Role.ANALYST,
        challenge -> response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, challenge))) {
      byte[] body = read(request);
      DecisionRequest.Bound bound = Bodies.isBlank(body) || DecisionBody.firstNonBlank(body) != '{' ? null
          : BoundRequests.read(body, RequestDefaults.NONE);
      if (bound == null) {
        entry.close(); // Javalin's route admits the request again, with a slot of its own
        return super.handle(new ReplayedBody(request, body), response, callback);
      }
      logged = service.decideUncounted(List.of(bound), false, null);
    } catch (RuntimeException e) {
      fail(response, callback, Failures.toProblem(e, WHERE));
      return true;
    }
    // Answered by the thread that completes the commit: handing the write to a request thread
    // measured no faster (single-http.sh) and costs a dispatch.
    logged.whenComplete((results, failure) -> answer(request, response, callback, results, failure, start));
    return true;
  }

  /** Whether the request is one this handler may take, from its line and headers alone. */
  private boolean takes(Request request) {
    if (!"POST".equals(request.getMethod())) return false;
    HttpURI uri = request.getHttpURI();
    if (!PATH.equals(uri.getPath()) || uri.getQuery() != null) return false;
    long declared = request.getLength();
    if (declared <= 0 || declared > DecisionBody.WHOLE_BODY_BYTES || declared > bodies.maxBytes()) return false;
    String mt = Bodies.mediaType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    return mt.isEmpty() || mt.equals("application/json");
  }

  /** The whole body, within the limits and read-time budget of every body (as {@link DecisionRoutes} reads it). */
  private byte[] read(Request request) {
    try {
      return bodies.open(Request.asInputStream(request), request.getLength())
          .readUpTo(DecisionBody.WHOLE_BODY_BYTES + 1);
    } catch (BodyStream.LimitException e) {
      throw e.problem().exception();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void answer(Request request, Response response, Callback callback, List<DecisionService.Result> results,
      Throwable failure, long start) {
    Problem problem;
    try {
      if (failure != null) {
        problem = Failures.toProblem(failure, WHERE);
      } else {
        DecisionService.Result r = service.counted(results).get(0);
        if (r.error() == null) {
          send(request, response, callback, r.utf8());
          metrics.latency(System.nanoTime() - start);
          return;
        }
        problem = Problems.badItem(r.error(), null, null).problem();
      }
    } catch (RuntimeException e) {
      problem = Failures.toProblem(e, WHERE);
    }
    fail(response, callback, problem);
  }

  /** The answer and a newline, compressed as Javalin would compress it. */
  private void send(Request request, Response response, Callback callback, byte[] answer) {
    Encoded line = line(answer, request.getHeaders().get(HttpHeader.ACCEPT_ENCODING), compression);
    if (line.encoding() != null) response.getHeaders().put(HttpHeader.CONTENT_ENCODING, line.encoding());
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, line.bytes().length);
    metrics.http("POST", PATH, 200);
    metrics.direct();
    response.write(true, ByteBuffer.wrap(line.bytes()), callback);
  }

  /** A response body and its {@code Content-Encoding} (null: as it is). */
  record Encoded(byte[] bytes, String encoding) {}

  /**
   * The answer and a newline; compressed as Javalin's {@code CompressedOutputStream} compresses an
   * {@code application/json} result: from the strategy's minimum size on, with the first of its
   * compressors the client accepts ({@code acceptEncoding}, null when absent).
   */
  static Encoded line(byte[] answer, String acceptEncoding, CompressionStrategy compression) {
    byte[] line = new byte[answer.length + 1];
    System.arraycopy(answer, 0, line, 0, answer.length);
    line[answer.length] = '\n';
    Compressor compressor = line.length < compression.getDefaultMinSizeForCompression() ? null
        : compression.findMatchingCompressor(acceptEncoding == null ? "" : acceptEncoding);
    if (compressor == null) return new Encoded(line, null);
    ByteArrayOutputStream packed = new ByteArrayOutputStream(line.length / 2);
    try (OutputStream out = compressor.compress(packed)) {
      out.write(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Encoded(packed.toByteArray(), compressor.encoding());
  }

  private void fail(Response response, Callback callback, Problem p) {
    metrics.http("POST", PATH, p.status());
    Failures.send(response, callback, p, PATH);
  }
}
