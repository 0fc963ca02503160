package org.caveat.store;

/**
 * A committed log entry with its position, its RFC 6962 leaf hash (lower-case hex), its kind:
 * {@link #DECISION}, or {@link #VERSION} for the publication of a policy version (whose request
 * is the published version and whose answer its content hash, see the store README), and its leaf
 * format: 1 (a decision with its rendered answer), 2 (a published version) or 3 (a compact
 * decision, {@code decision} non-null, {@code entry().answerJson()} null).
 */
public record LogRecord(long index, LogEntry entry, String leafHashHex, String kind, int format,
    DecisionEntry decision) {

  public static final String DECISION = "decision";
  public static final String VERSION = "version";
}
