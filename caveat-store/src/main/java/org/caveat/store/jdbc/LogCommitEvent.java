package org.caveat.store.jdbc;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JDK Flight Recorder event per group commit of the decision log: how many entries and characters
 * of JSON it wrote and how long the transaction took (its duration; the fsync is most of it on a disk). Off
 * unless a recording enables it (the {@code profile} and {@code default} settings record events
 * longer than their threshold); costs nothing otherwise. Read with
 * {@code jfr print --events caveat.LogCommit rec.jfr}.
 */
@Name("caveat.LogCommit")
@Label("Decision log commit")
@Category("Caveat")
@Description("One group commit of the decision log")
@StackTrace(false)
final class LogCommitEvent extends Event {
  @Label("Entries")
  int entries;

  @Label("Callers")
  @Description("Append calls (futures) the commit acknowledged")
  int callers;

  @Label("JSON characters")
  @Description("Characters of request and answer JSON written")
  long bytes;
}
