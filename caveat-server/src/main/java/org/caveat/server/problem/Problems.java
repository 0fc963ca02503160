package org.caveat.server.problem;

import java.util.List;
import org.caveat.json.RequestError;
import org.caveat.policy.Diagnostic;

/** The catalogue of problem kinds the service answers with, one factory per kind. */
public final class Problems {
  private Problems() {}

  public static ProblemException badRequest(String detail, Problem.Error... errors) {
    return new Problem(400, Problem.TYPE_BASE + "bad-request", "Bad request", detail, List.of(errors)).exception();
  }

  /** A request item {@link org.caveat.json.RequestReader} refused; {@code at} is its JSON pointer. */
  public static ProblemException badItem(RequestError e, String fieldPrefix, Long line) {
    String field = fieldPrefix == null ? e.at() : fieldPrefix;
    Problem.Error err = new Problem.Error(e.code(), field == null || field.isEmpty() ? null : field, line, null,
        e.message(), hint(e.message()));
    return new Problem(400, Problem.TYPE_BASE + "invalid-request", "Invalid request",
        (field == null || field.isEmpty() ? "" : field + ": ") + e.message(), List.of(err)).exception();
  }

  /** The did-you-mean part of a core message ("… did you mean `x`? …"), as the hint, or null. */
  static String hint(String message) {
    int i = message.indexOf("did you mean");
    if (i < 0) return null;
    int end = message.indexOf(" (", i);
    return message.substring(i, end < 0 ? message.length() : end);
  }

  public static ProblemException syntax(String detail, long line, long column) {
    Problem.Error err = new Problem.Error("json.syntax", null, line, column, detail, "send one JSON object, a JSON"
        + " array of objects, or NDJSON (one object per line)");
    return new Problem(400, Problem.TYPE_BASE + "malformed-json", "Malformed JSON",
        "line " + line + ", column " + column + ": " + detail, List.of(err)).exception();
  }

  public static ProblemException unauthorized(String detail) {
    return Problem.of(401, "unauthorized", "Unauthorized", detail).exception();
  }

  public static ProblemException forbidden(String code, String detail) {
    return Problem.of(403, "forbidden", "Forbidden", detail).with(Problem.Error.at(code, null, detail)).exception();
  }

  public static ProblemException notFound(String detail) {
    return Problem.of(404, "not-found", "Not found", detail).exception();
  }

  public static ProblemException conflict(String code, String detail) {
    return Problem.of(409, "conflict", "Conflict", detail).with(Problem.Error.at(code, null, detail)).exception();
  }

  public static ProblemException tooLarge(String detail) {
    return Problem.of(413, "too-large", "Content too large", detail).exception();
  }

  /** The body did not arrive in time (see {@code --body-read-timeout}). */
  public static ProblemException timeout(String detail) {
    return Problem.of(408, "timeout", "Request timeout", detail).exception();
  }

  /** A client has as many requests in progress as it may; the caller retries later. */
  public static ProblemException tooManyRequests(String detail) {
    return Problem.of(429, "too-many-requests", "Too many requests", detail).exception();
  }

  public static ProblemException unsupportedMediaType(String got, String expected) {
    return Problem.of(415, "unsupported-media-type", "Unsupported media type",
        "Content-Type `" + got + "` is not accepted here; send " + expected).exception();
  }

  /** A policy version that does not load or compile: every diagnostic with file:line:col and hint. */
  public static ProblemException invalidPolicy(List<Diagnostic> diagnostics) {
    Problem p = Problem.of(422, "invalid-policy", "Invalid policy version",
        diagnostics.size() + (diagnostics.size() == 1 ? " problem" : " problems") + " in the proposed version: "
            + diagnostics.get(0).render());
    for (Diagnostic d : diagnostics) {
      p = p.with(new Problem.Error(d.code(), d.at().file(), d.at().line() > 0 ? (long) d.at().line() : null,
          d.at().column() > 0 ? (long) d.at().column() : null, d.message(), d.hint()));
    }
    return p.exception();
  }

  public static Problem internal() {
    return Problem.of(500, "internal", "Internal server error",
        "the service failed unexpectedly; the failure was logged with this request's path");
  }

  /**
   * The store (the database) does not answer: nothing was decided or recorded. {@code errors[0].code}
   * is {@value #STORE_UNAVAILABLE}, for clients and load balancers that retry elsewhere.
   */
  public static Problem unavailable(String detail) {
    return Problem.of(503, "unavailable", "Service unavailable", detail).with(new Problem.Error(STORE_UNAVAILABLE,
        null, null, null, detail, "retry later, or on another replica; GET /healthz says when this one is ready again"));
  }

  /** The code of {@link #unavailable}'s error. */
  public static final String STORE_UNAVAILABLE = "store.unavailable";
}
