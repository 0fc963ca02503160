package org.caveat.server.problem;

import java.util.List;

/**
 * One RFC 9457 problem: {@code type} is a stable URI naming the kind of problem, {@code title}
 * its short human name, {@code detail} this occurrence, and {@code errors} the individual findings.
 */
public record Problem(int status, String type, String title, String detail, List<Error> errors) {
  /** Base of the {@code type} URIs; they name problem kinds and need not resolve. */
  public static final String TYPE_BASE = "https://caveat.dev/problems/";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /**
   * One finding: a stable code, where (a JSON pointer or field path, and/or a line and column),
   * what, and how to fix it.
   */
  public record Error(String code, String field, Long line, Long column, String message, String hint) {
    public static Error at(String code, String field, String message) {
      return new Error(code, field, null, null, message, null);
    }
  }

  public static Problem of(int status, String kind, String title, String detail) {
    return new Problem(status, TYPE_BASE + kind, title, detail, List.of());
  }

  public Problem with(Error e) {
    List<Error> all = new java.util.ArrayList<>(errors);
    all.add(e);
    return new Problem(status, type, title, detail, all);
  }

  public ProblemException exception() {
    return new ProblemException(this);
  }
}
