package org.caveat.replay;

/** A problem that stops a replay before it starts (unreadable header, unknown format), told in one line. */
public final class ReplayException extends RuntimeException {
  public ReplayException(String message) {
    super(message);
  }

  public ReplayException(String message, Throwable cause) {
    super(message, cause);
  }
}
