package org.caveat.flink;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * Counts of the decisions by event-time day × grant × version × verdict (a decision counts once
 * per grant it names, with that grant's own verdict), with watermarks and a stated lateness policy:
 *
 * <ul>
 *   <li>the watermark trails the latest event time seen by {@code delay} (events may arrive that
 *       much out of order and still count in their day's first result); a day's count is written
 *       when the watermark passes the day's end;
 *   <li>an event up to {@code lateness} after that still counts: the day's count is written again,
 *       updated (the last line of a key is its count);
 *   <li>an event later than that is never dropped silently: it goes to a side output, written as a
 *       line in {@code late/} (its key, time and input line) and counted ({@code caveat.late}).
 * </ul>
 *
 * Undated rows (unattributed and bad rows, whose time is not known to the job) are counted per
 * input in the {@code summaries/} bucket when the input ends (a bounded run; a watched run counts
 * them in the {@code unattributed} and {@code bad} metrics).
 */
public final class Summaries {
  public static final String BUCKET = "summaries";
  public static final String LATE = "late";
  static final OutputTag<Tally> LATE_EVENTS = new OutputTag<>("late-events", TypeInformation.of(Tally.class));

  private Summaries() {}

  /** The summary, late and undated-count lines of {@code lines}. */
  public static DataStream<DecisionLine> of(DataStream<DecisionLine> lines, Duration delay, Duration lateness) {
    DataStream<Tally> tallies = lines.flatMap(new SummaryLines.Explode()).name("tallies");
    SingleOutputStreamOperator<DecisionLine> days = tallies.filter(t -> t.time != Long.MIN_VALUE).name("dated")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Tally>forGenerator(c -> new DelayedWatermarks(delay.toMillis()))
            .withTimestampAssigner((t, previous) -> t.time))
        .keyBy(t -> t.key)
        .window(TumblingEventTimeWindows.of(Duration.ofDays(1)))
        .allowedLateness(lateness)
        .sideOutputLateData(LATE_EVENTS)
        .aggregate(new SummaryLines.Count(), new SummaryLines.Day()).name("daily summaries");
    DataStream<DecisionLine> late = days.getSideOutput(LATE_EVENTS).map(new SummaryLines.Late()).name("late events");
    DataStream<DecisionLine> undated = tallies.filter(t -> t.time == Long.MIN_VALUE).name("undated")
        .keyBy(t -> t.input + " " + t.key).process(new SummaryLines.Undated()).name("undated counts");
    return days.union(late, undated);
  }
}
