package org.caveat.flink;

/**
 * One output line: the bucket (folder under the output directory) it belongs in, the input line
 * it came from, what it is ({@link Kind}) and its bytes — for a decided or unattributed event,
 * exactly the line {@code caveat replay} writes for it, newline included. A Flink POJO.
 */
public class DecisionLine {
  /** What an output line records; a decided event's verdict is named in {@link #verdict}. */
  public enum Kind { DECIDED, UNATTRIBUTED, BAD }

  public String bucket;
  public long line;
  public Kind kind;
  /** PERMIT, DENY, INDETERMINATE or NOT_APPLICABLE for a decided event, else null. */
  public String verdict;
  public String text;

  public DecisionLine() {}

  public DecisionLine(String bucket, long line, Kind kind, String verdict, String text) {
    this.bucket = bucket;
    this.line = line;
    this.kind = kind;
    this.verdict = verdict;
    this.text = text;
  }
}
