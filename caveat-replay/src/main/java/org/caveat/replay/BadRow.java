package org.caveat.replay;

/**
 * One input row that cannot be replayed, with the reason (which column, what is wrong). The row
 * is reported with its line number and skipped; the run goes on. Cheap: no stack trace.
 */
public final class BadRow extends RuntimeException {
  private final String eventId;

  public BadRow(String reason) {
    this(reason, null);
  }

  public BadRow(String reason, String eventId) {
    super(reason, null, false, false);
    this.eventId = eventId;
  }

  /** The event id of the row when it could be read, else null. */
  public String eventId() {
    return eventId;
  }
}
