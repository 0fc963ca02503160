package org.caveat.policy;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when policy cannot be loaded or compiled; carries every diagnostic found. */
public final class PolicyException extends RuntimeException {
  private final List<Diagnostic> diagnostics;

  public PolicyException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
