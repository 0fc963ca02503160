package org.caveat.server.problem;

/** Thrown by handlers to answer with a {@link Problem}; carries no stack trace (it is not a fault). */
public final class ProblemException extends RuntimeException {
  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
