package org.caveat.cli;

/**
 * An expected failure caused by the user's environment (a missing file, a closed output), told in
 * one line without a stack trace.
 */
final class CliException extends RuntimeException {
  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
