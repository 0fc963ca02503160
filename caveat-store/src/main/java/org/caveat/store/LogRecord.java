package org.caveat.store;

/**
 * A committed log entry with its position, its RFC 6962 leaf hash (lower-case hex) and its kind:
 * {@link #DECISION}, or {@link #VERSION} for the publication of a policy version (whose request
 * is the published version and whose answer its content hash, see the store README).
 */
public record LogRecord(long index, LogEntry entry, String leafHashHex, String kind) {

  public static final String DECISION = "decision";
  public static final String VERSION = "version";
}
