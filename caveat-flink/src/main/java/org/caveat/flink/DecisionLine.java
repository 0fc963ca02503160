package org.caveat.flink;

/**
 * One output line: the bucket (folder under the output directory) it belongs in, the input line
 * it came from and its bytes — for a decided or unattributed event,
 * exactly the line {@code caveat replay} writes for it, newline included. A Flink POJO.
 */
public class DecisionLine {
  public String bucket;
  public long line;
  public String text;
  /** The event's time (epoch milliseconds) when it was decided, else {@link Long#MIN_VALUE} (unattributed, bad). */
  public long time = Long.MIN_VALUE;
  /**
   * What the summaries count for this line ({@link Summaries}): {@code "grant version verdict"} per
   * grant of a decision ({@code -} for none), or {@code "- - UNATTRIBUTED"}, {@code "- - BAD"}; null for other lines.
   */
  public String[] tallies;

  public DecisionLine() {}

  public DecisionLine(String bucket, long line, String text) {
    this.bucket = bucket;
    this.line = line;
    this.text = text;
  }
}
