package org.caveat.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.caveat.json.Json;

/** The steps of {@link Summaries} and the lines they write. */
final class SummaryLines {
  private SummaryLines() {}

  /** A decision line's tallies, one per grant (nothing for lines that are not events). */
  static final class Explode implements FlatMapFunction<DecisionLine, Tally> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(DecisionLine line, Collector<Tally> out) {
      if (line.tallies == null) return;
      String input = line.bucket.substring(line.bucket.indexOf('/') + 1);
      for (String key : line.tallies) out.collect(new Tally(key, line.time, input, line.line));
    }
  }

  static final class Count implements AggregateFunction<Tally, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Tally t, Long n) {
      return n + 1;
    }

    @Override
    public Long getResult(Long n) {
      return n;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** {@code {"day":"2024-06-01","grant":"us-ua","version":"2024-06-18","verdict":"PERMIT","count":12}}. */
  static final class Day extends ProcessWindowFunction<Long, DecisionLine, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String key, Context ctx, Iterable<Long> counts, Collector<DecisionLine> out) {
      ObjectNode line = keyed(day(ctx.window().getStart()), key).put("count", counts.iterator().next());
      out.collect(text(Summaries.BUCKET, ctx.window().getStart(), line));
    }
  }

  /** A late event: its key, time and input line, counted in {@code caveat.late}. */
  static final class Late extends RichMapFunction<Tally, DecisionLine> {
    private static final long serialVersionUID = 1L;
    private transient Counter late;

    @Override
    public void open(OpenContext context) {
      late = getRuntimeContext().getMetricGroup().addGroup("caveat").counter("late");
    }

    @Override
    public DecisionLine map(Tally t) {
      late.inc();
      ObjectNode line = keyed(day(t.time), t.key).put("time", Instant.ofEpochMilli(t.time).toString())
          .put("input", t.input).put("line", t.line);
      return text(Summaries.LATE, t.line, line);
    }
  }

  /** Undated rows counted per input and kind; written when the input ends (the final watermark). */
  static final class Undated extends KeyedProcessFunction<String, Tally, DecisionLine> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;
    private transient ValueState<String> input;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
      input = getRuntimeContext().getState(new ValueStateDescriptor<>("input", Types.STRING));
    }

    @Override
    public void processElement(Tally t, Context ctx, Collector<DecisionLine> out) throws Exception {
      Long n = count.value();
      if (n == null) {
        input.update(t.input);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
      }
      count.update(n == null ? 1 : n + 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DecisionLine> out) throws Exception {
      String key = ctx.getCurrentKey().substring(ctx.getCurrentKey().indexOf(' ') + 1);
      out.collect(text(Summaries.BUCKET, 0, keyed("-", key).put("input", input.value()).put("count", count.value())));
    }
  }

  static ObjectNode keyed(String day, String key) {
    String[] k = key.split(" ");
    return Json.MAPPER.createObjectNode().put("day", day).put("grant", k[0]).put("version", k[1]).put("verdict", k[2]);
  }

  static String day(long epochMillis) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).toString();
  }

  private static DecisionLine text(String bucket, long line, ObjectNode json) {
    try {
      return new DecisionLine(bucket, line, Json.MAPPER.writeValueAsString(json) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
