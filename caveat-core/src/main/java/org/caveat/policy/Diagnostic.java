package org.caveat.policy;

/**
 * A problem found while loading or compiling policy: a stable code, where, what, and a hint
 * (often "did you mean …"). Errors are values; a pack with any error is rejected whole. A problem
 * with a run setting rather than a pack file names the {@link Setting}, so that each front end can
 * word it (null otherwise).
 */
public record Diagnostic(String code, Span at, String message, String hint, Setting setting) {
  public Diagnostic {
    if (code == null || at == null || message == null) {
      throw new IllegalArgumentException("code, span and message are required");
    }
  }

  /** A problem in a pack file (no setting). */
  public Diagnostic(String code, Span at, String message, String hint) {
    this(code, at, message, hint, null);
  }

  /** One line: {@code file:line:col: error[code]: message (hint: …)}. */
  public String render() {
    return at + ": error[" + code + "]: " + message + (hint == null || hint.isEmpty() ? "" : " (hint: " + hint + ")");
  }
}
