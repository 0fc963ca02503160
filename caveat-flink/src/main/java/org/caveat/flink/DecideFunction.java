package org.caveat.flink;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
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
 * Decides each mapped event with the core library as of the event's own time and renders it with
 * replay's {@link DecisionRenderer}, so a decided or unattributed event's line is byte for byte
 * the one {@code caveat replay} writes. A bad row is rendered as the {@code event.bad} error
 * record the service's event route writes, into the bad-rows bucket. Counts every line in Flink's
 * metric system (group {@code caveat}: {@code permit}, {@code deny}, {@code indeterminate},
 * {@code not_applicable}, {@code unattributed}, {@code bad}).
 */
public final class DecideFunction extends RichMapFunction<EventRow, DecisionLine> {
  private static final long serialVersionUID = 1L;
  /** Engines by packs folder ("" for the built-in packs): compiled once per JVM, shared by its slots. */
  private static final Map<String, Caveat> ENGINES = new ConcurrentHashMap<>();

  private final String packs;
  private transient Caveat caveat;
  private transient DecisionRenderer decisions;
  private transient DecisionRenderer badRows;
  private transient Map<Outcome, Counter> decided;
  private transient Counter unattributed;
  private transient Counter bad;

  /** @param packs a packs folder readable on every task manager, or null for the built-in packs */
  public DecideFunction(String packs) {
    this.packs = packs;
  }

  /** The engine of a packs folder (null: built-in); throws {@code PolicyException} for bad packs. */
  public static Caveat engine(String packs) {
    return ENGINES.computeIfAbsent(packs == null ? "" : packs,
        p -> p.isEmpty() ? Caveat.builder().build() : Caveat.builder().packs(Path.of(p)).build());
  }

  @Override
  public void open(OpenContext context) {
    caveat = engine(packs);
    decisions = new DecisionRenderer(false);
    badRows = new DecisionRenderer(false, true);
    MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("caveat");
    decided = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) decided.put(o, group.counter(o.name().toLowerCase(java.util.Locale.ROOT)));
    unattributed = group.counter("unattributed");
    bad = group.counter("bad");
  }

  @Override
  public DecisionLine map(EventRow row) throws Exception {
    if (row.request != null) {
      RequestReader.Parsed parsed = RequestReader.read(Json.MAPPER.readTree(row.request));
      if (parsed.request() == null) {
        return badRow(row, "cannot form a request: " + parsed.error().message());
      }
      Answer answer = caveat.answer(parsed.request());
      decided.get(answer.decision()).inc();
      ReplayEvent e = new ReplayEvent(row.line, parsed.request().id(), parsed.request(), answer, List.of(), null, null);
      return line(Buckets.decisions(row.file), row.line, decisions, e);
    }
    if (row.bad != null) return badRow(row, row.bad);
    unattributed.inc();
    ReplayEvent e = new ReplayEvent(row.line, row.id, null, null, List.of(row.unattributed), null, null);
    return line(Buckets.decisions(row.file), row.line, decisions, e);
  }

  private DecisionLine badRow(EventRow row, String reason) {
    bad.inc();
    ReplayEvent e = new ReplayEvent(row.line, row.id, null, null, List.of(), reason, null);
    return line(Buckets.badRows(row.file), row.line, badRows, e);
  }

  private static DecisionLine line(String bucket, long line, DecisionRenderer renderer, ReplayEvent e) {
    DecisionRenderer.Batch one = renderer.batch(1);
    one.add(e);
    return new DecisionLine(bucket, line, new String(one.bytes(), StandardCharsets.UTF_8));
  }
}
