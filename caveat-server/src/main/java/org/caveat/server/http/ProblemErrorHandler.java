package org.caveat.server.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.ProblemJson;

/**
 * Jetty's error pages as problem+json. Jetty answers some requests itself, before any route runs:
 * a URI it refuses (an encoded NUL, {@code ..} above the root, an ambiguous separator: 400), a
 * header block over the size limit (431), a malformed request line or chunk, a connection that
 * times out. Installed as the server's and the servlet context's error handler, so no response
 * is Jetty's HTML or plain text.
 */
public final class ProblemErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    byte[] body = ProblemJson.bytes(problem(code, message), path(request));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemJson.CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** Errors found while parsing the request, before there is a request to route (e.g. 431). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, ProblemJson.CONTENT_TYPE);
    return ByteBuffer.wrap(ProblemJson.bytes(problem(status, reason), "/"));
  }

  static Problem problem(int status, String jettyMessage) {
    String reason = HttpStatus.getMessage(status);
    String what = jettyMessage == null || jettyMessage.isBlank() || jettyMessage.equals(reason) ? null : jettyMessage;
    return switch (status) {
      case 400 -> Problem.of(400, "bad-request", "Bad request", "the HTTP request is malformed"
          + (what == null ? "" : ": " + what) + " (e.g. an encoded NUL or control character, `..` above the root,"
          + " or an ambiguous path separator in the URI)");
      case 404 -> Problem.of(404, "not-found", "Not found", "no such route");
      case 408 -> Problem.of(408, "timeout", "Request timeout", "the request did not arrive in time");
      case 413 -> Problem.of(413, "too-large", "Content too large", "the request body is larger than the limit"
          + " (--max-body-bytes)");
      case 414 -> Problem.of(414, "uri-too-long", "URI too long", "the request URI is longer than the server accepts");
      case 431 -> Problem.of(431, "headers-too-large", "Request header fields too large",
          "the request's header fields are larger than the server accepts (8 KiB in all); send fewer or shorter"
          + " headers");
      default -> Problem.of(status, "http-" + status, reason, what == null ? reason : reason + ": " + what);
    };
  }

  private static String path(Request request) {
    try {
      String p = request.getHttpURI().getPath();
      return p == null ? "/" : p;
    } catch (RuntimeException e) {
      return "/";
    }
  }
}
