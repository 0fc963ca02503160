package org.caveat.flink;

/**
 * One count for the summaries: its key ({@code "grant version verdict"}), the event's time
 * (epoch milliseconds, {@link Long#MIN_VALUE} when undated) and where the event came from
 * ({@code input}, {@code line}, {@code id}: what a late event's line names). A Flink POJO.
 */
public class Tally {
  public String key;
  public long time;
  public String input;
  public long line;

  public Tally() {}

  public Tally(String key, long time, String input, long line) {
    this.key = key;
    this.time = time;
    this.input = input;
    this.line = line;
  }
}
