package org.caveat.flink;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.caveat.Caveat;
import org.caveat.decide.Outcome;
import org.caveat.explain.Answer;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.caveat.replay.DecisionRenderer;
import org.caveat.replay.ReplayEvent;

/**
 * Decides one mapped event with an engine as of the event's own time and renders it with replay's
 * {@link DecisionRenderer}, so a decided or unattributed event's line is byte for byte the one
 * {@code caveat replay} writes; a bad row becomes the {@code event.bad} error record the service's
 * event route writes, into the bad-rows bucket. Counts every line in Flink's metric system (group
 * {@code caveat}: {@code permit}, {@code deny}, {@code indeterminate}, {@code not_applicable},
 * {@code unattributed}, {@code bad}) and gauges the lag: {@code last_event_time} (epoch ms of the
 * latest event time decided) and {@code event_time_lag_ms} (the clock minus it: how far a live
 * stream's decisions trail real time; for a re-decision of old files it is the data's age). One per task (not thread-safe: the renderers' batches are reused per call).
 */
final class RowDecisions {
  private final DecisionRenderer decisions = new DecisionRenderer(false);
  private final DecisionRenderer badRows = new DecisionRenderer(false, true);
  private final Map<Outcome, Counter> decided = new EnumMap<>(Outcome.class);
  private final Counter unattributed;
  private final Counter bad;
  private long latest = Long.MIN_VALUE;
  /** Whether lines carry their {@code tallies} (only the summaries read them). */
  private final boolean tally;

  RowDecisions(MetricGroup operator, Clock clock, boolean tally) {
    this.tally = tally;
    MetricGroup group = operator.addGroup("caveat");
    group.gauge("last_event_time", () -> latest == Long.MIN_VALUE ? 0L : latest);
    group.gauge("event_time_lag_ms", () -> latest == Long.MIN_VALUE ? 0L : clock.millis() - latest);
    for (Outcome o : Outcome.values()) decided.put(o, group.counter(o.name().toLowerCase(Locale.ROOT)));
    unattributed = group.counter("unattributed");
    bad = group.counter("bad");
  }

  DecisionLine decide(EventRow row, Caveat caveat) throws java.io.IOException {
    if (row.request != null) {
      RequestReader.Parsed parsed = RequestReader.read(Json.MAPPER.readTree(row.request));
      if (parsed.request() == null) {
        return badRow(row, "cannot form a request: " + parsed.error().message());
      }
      Answer answer = caveat.answer(parsed.request());
      decided.get(answer.decision()).inc();
      ReplayEvent e = new ReplayEvent(row.line, parsed.request().id(), parsed.request(), answer, List.of(), null, null);
      DecisionLine line = line(Buckets.decisions(row.file), row.line, decisions, e);
      line.time = parsed.request().time().toEpochMilli();
      if (line.time > latest) latest = line.time;
      if (tally) line.tallies = tallies(answer);
      return line;
    }
    if (row.bad != null) return badRow(row, row.bad);
    unattributed.inc();
    ReplayEvent e = new ReplayEvent(row.line, row.id, null, null, List.of(row.unattributed), null, null);
    DecisionLine line = line(Buckets.decisions(row.file), row.line, decisions, e);
    if (tally) line.tallies = UNATTRIBUTED;
    return line;
  }

  private static final String[] UNATTRIBUTED = {"- - UNATTRIBUTED"};
  private static final String[] BAD = {"- - BAD"};

  /** Per grant its version and its own verdict; a decision naming no grant counts once under "-". */
  private static String[] tallies(Answer answer) {
    if (answer.grants().isEmpty()) return new String[] {"- - " + answer.decision()};
    String[] t = new String[answer.grants().size()];
    for (int i = 0; i < t.length; i++) {
      Answer.GrantAnswer g = answer.grants().get(i);
      t[i] = g.grant() + " " + (g.version() == null ? "-" : g.version()) + " " + g.decision();
    }
    return t;
  }

  private DecisionLine badRow(EventRow row, String reason) {
    bad.inc();
    ReplayEvent e = new ReplayEvent(row.line, row.id, null, null, List.of(), reason, null);
    DecisionLine line = line(Buckets.badRows(row.file), row.line, badRows, e);
    if (tally) line.tallies = BAD;
    return line;
  }

  private static DecisionLine line(String bucket, long line, DecisionRenderer renderer, ReplayEvent e) {
    DecisionRenderer.Batch one = renderer.batch(1);
    one.add(e);
    return new DecisionLine(bucket, line, new String(one.bytes(), StandardCharsets.UTF_8));
  }
}
