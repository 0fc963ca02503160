package org.caveat.policy;

/**
 * A problem found while loading or compiling policy: a stable code, where, what, and a hint
 * (often "did you mean …"). Errors are values; a pack with any error is rejected whole.
 */
public record Diagnostic(String code, Span at, String message, String hint) {
  public Diagnostic {
    if (code == null || at == null || message == null) {
      throw new IllegalArgumentException("code, span and message are required");
    }
  }

  /** One line: {@code file:line:col: error[code]: message (hint: …)}. */
  public String render() {
    return at + ": error[" + code + "]: " + message + (hint == null || hint.isEmpty() ? "" : " (hint: " + hint + ")");
  }
}
